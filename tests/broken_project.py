"""One project with one broken document per check rule, and its golden `gazette check` output.

Regenerate the golden file after an intended change of messages:
    .venv/bin/python tests/broken_project.py --regenerate
then review the diff of tests/golden/broken-check.txt.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from projects import NOTICE, write_project  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden" / "broken-check.txt"
D = "content/documents/2024/"


def notice(name: str, extra: str = "", body: str = "正文。", title: str | None = None, **fields: str) -> str:
    """A valid 公告通报 with fields replaced or added (extra lines go before the closing ---)."""
    lines = {"title": title or f"关于{name}的公告", "kind": "公告通报", "issuer": "长征镇",
             "published": "2024-03-06", "disclosure": "主动公开", **fields}
    front = "".join(f"{key}: {value}\n" for key, value in lines.items() if value is not None)
    return f"---\n{front}{extra}---\n\n{body}\n"


def policy(number: int, extra: str = "", **fields: str) -> str:
    lines = {"title": f"上海市普陀区人民政府办公室关于示例事项{number}的通知", "kind": "政策文件", "issuer": "区府办",
             "doc_number": f"普府办〔2024〕{number}号", "signed": "2024-03-01", "published": "2024-03-05",
             "disclosure": "主动公开", "topics": "[综合政务]", **fields}
    front = "".join(f"{key}: {value}\n" for key, value in lines.items() if value is not None)
    return f"---\n{front}{extra}---\n\n## 一、总体要求\n\n示例正文。\n"


BROKEN: dict[str, str | bytes] = {
    # The base notice carries an index number that r13 repeats.
    D + "gg-2024-1.md": NOTICE.replace("published:", "index_number: PT-2024-00001\npublished:"),
    D + "r01-missing-required.md": policy(11, doc_number=None),
    D + "r02-wrong-type.md": notice("类型", title="[关于类型的公告]"),
    D + "r03-impossible-date.md": notice("日期", published="2024-02-30"),
    D + "r04-signed-after-published.md": policy(14, signed="2024-03-09"),
    D + "r05-expires-before-effective.md": notice("有效期", effective="2024-04-01", expires="2024-03-31"),
    D + "r06-issuer-vocabulary.md": notice("机关", issuer="普陀区发改委"),
    D + "r07-topic-vocabulary.md": policy(17, topics="[城乡建设]"),
    D + "r08-tag-library.md": notice("标签", tags="[营商环镜]"),
    D + "r09-kind.md": notice("类别", kind="公告通知"),
    D + "r10-doc-number-format.md": policy(20, doc_number="普府办[2024]020号"),
    D + "r11-doc-number-year.md": policy(21, doc_number="普府办〔2023〕21号"),
    D + "r12-doc-number-duplicate.md": policy(22, doc_number="普府办〔2024〕1号"),
    D + "r13-index-number-duplicate.md": notice("索引号", index_number="PT-2024-00001"),
    D + "r14-unknown-key.md": notice("未知键", publised="2024-03-06"),
    D + "r15-duplicate-key.md": notice("重复键", extra="published: 2024-03-07\n"),
    D + "r16-relation-unresolved.md": notice("废止", repeals="[2023/ptfb-2023-9]"),
    D + "r17-interprets-not-policy.md": notice("解读", kind="政策解读", interprets="2024/gg-2024-1",
                                               title="关于示例公告的解读"),
    D + "r18-sync-missing.md": policy(28, normative="true"),
    D + "r19-genre-mismatch.md": policy(29, genre="意见"),
    D + "r20-service-not-https.md": notice("办事", extra="services:\n  - title: 示例办理\n    url: http://zwdt.sh.gov.cn/a\n"),
    D + "r21-service-host.md": notice("主机", extra="services:\n  - title: 示例办理\n    url: https://example.com/a\n"),
    D + "r22-attachment-missing.md": notice("附件", extra="attachments:\n  - title: 申请表\n    file: r22-fujian.csv\n"),
    D + "R23_Bad_Id.md": notice("编号"),
    D + "r24-no-front-matter.md": "关于没有头部信息的公告\n\n正文。\n",
    D + "r25-malformed-yaml.md": notice("格式", summary="说明: 这里有冒号"),
    D + "r26-not-utf8.md": notice("编码").encode("gb18030"),
    D + "r27-binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    D + "r28-mobile.md": notice("手机", body="联系电话：13917250416。"),
    D + "r29-id-card.md": notice("身份证", body="身份证号码：11010519491231002X。"),
    D + "r30-bank-card.md": notice("银行卡", body="收款账号：6222 0212 3456 7890 128。"),
    D + "r31-secrecy.md": notice("密级", body="秘密★1年\n\n正文。"),
    D + "r32-privacy-allow-unused.md": notice("审查", extra='privacy_allow:\n  - "13917250416"\n'),
    D + "r33-link-broken.md": notice("链接", body="依据[示例办法](ptfb-2024-9.md)制定。"),
    D + "r34-anchor-missing.md": notice("锚点", body="见[第二部分](ptfb-2024-1.md#二工作任务)。"),
    D + "r35-hidden.md": notice("未公开事项", disclosure="依申请公开"),
    D + "r35-link-to-hidden.md": notice("引用", body="参见[这份文件](r35-hidden.md)。"),
    D + "r36-placeholder.md": notice("占位符", title="【待填写：标题】"),
    D + "r37-title-repeated.md": notice("标题", body="# 关于标题的公告\n\n正文。"),
    D + "r38-late.md": notice("晚发布", published="2024-12-01"),
    D + "r39-private-use.md": notice("自造字", body="第一段。\n\n第二段有自造字\ue000。"),
    "content/_data/topics.yml": "- name: 综合政务\n  slug: zonghe\n- name: 城乡建设、环境保护\n  slug: zonghe\n",
    # Issue 3 follows issue 1 (number 2 is missing) and lists four bad documents.
    "issues/2024-03.yml": ("year: 2024\nnumber: 3\ndate: 2024-06-30\nsections:\n  - title: 文件\n    documents:\n"
                           "      - 2024/ptfb-2024-404\n      - 2024/ptfb-2024-1\n      - 2024/r38-late\n"
                           "      - 2024/r35-hidden\n"),
    "issues/2024-03b.yml": "year: 2024\nnumber: 3\ndate: 2024-06-30\nsections:\n  - title: 公告\n    documents: [2024/r13-index-number-duplicate]\n",
}


def check_output(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    return subprocess.run([sys.executable, "-m", "gazette", "-C", str(root), "check"],
                          capture_output=True, text=True, env=env)


if __name__ == "__main__" and sys.argv[1:] == ["--regenerate"]:
    project = write_project(Path(tempfile.mkdtemp()) / "broken", BROKEN)
    GOLDEN.write_text(check_output(project).stdout, encoding="utf-8")
    print(f"wrote {GOLDEN}")
