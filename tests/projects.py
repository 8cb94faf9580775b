"""Minimal gazette projects built from a dict of files, for check and build tests."""

from __future__ import annotations

import shutil
from pathlib import Path
from textwrap import dedent

REPO = Path(__file__).resolve().parent.parent

GAZETTE_YML = """\
name: 测试公报
publisher: 测试出版单位
site_url: https://gazette.example.gov.cn/
service_hosts:
  - zwdt.sh.gov.cn
"""

AGENCIES = """\
- name: 上海市普陀区人民政府办公室
  short: 区府办
  slug: qfb
  kind: 区府办
- name: 上海市普陀区发展和改革委员会
  short: 区发改委
  slug: fgw
  kind: 部门
- name: 上海市普陀区长征镇人民政府
  short: 长征镇
  slug: changzheng
  kind: 街镇
"""

TOPICS = """\
- name: 综合政务
  slug: zonghe
- name: 城乡建设、环境保护
  slug: chengxiang
"""

TAGS = """\
- name: 营商环境
  slug: yingshang
  group: 企业服务
- name: 养老服务
  slug: yanglao
"""

POLICY = """\
---
title: 上海市普陀区人民政府办公室关于印发《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕1号
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
tags: [营商环境]
---

## 一、总体要求

示例政策正文。
"""

NOTICE_HEAD = """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---
"""

NOTICE = NOTICE_HEAD + """
示例公告正文。
"""

ISSUE = """\
year: 2024
number: 1
date: 2024-03-31
sections:
  - title: 区政府办公室文件
    documents: [2024/ptfb-2024-1]
"""

BASE = {
    "gazette.yml": GAZETTE_YML,
    "content/_data/agencies.yml": AGENCIES,
    "content/_data/topics.yml": TOPICS,
    "content/_data/tags.yml": TAGS,
    "content/documents/2024/ptfb-2024-1.md": POLICY,
    "content/documents/2024/gg-2024-1.md": NOTICE,
    "issues/2024-01.yml": ISSUE,
}


def write_project(root: Path, files: dict[str, str | bytes | None], site: bool = False) -> Path:
    """BASE overlaid with `files` (None removes a base file); `site` adds what MkDocs needs."""
    merged = {**BASE, **files}
    for rel, text in merged.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    if site:
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "theme", root / "theme")
    return root
