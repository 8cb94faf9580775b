"""What derives from the schema declarations: JSON Schema and the Markdown reference."""

from __future__ import annotations

from .collection import COLLECTION_SCHEMA
from .kinds import KINDS
from .manifest import ISSUE_SCHEMA
from .schema import ALL, DOCUMENT_SCHEMA, Schema
from .vocabulary import VOCABULARY_SCHEMAS


def _required_text(key) -> str:
    if "*" in key.required or key.required == ALL:
        return "必填"
    if key.required:
        return "、".join(sorted(key.required)) + "必填"
    return "选填"


def markdown_table(schema: Schema) -> str:
    rows = ["| 键 | 中文 | 类型 | 必填 | 规则 | 说明 |", "|---|---|---|---|---|---|"]
    for key in schema:
        cells = [f"`{key.name}`", key.label, key.field.label, _required_text(key), key.rule or "—", key.help or "—"]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(rows)


def markdown_reference() -> str:
    """The editor's reference of every key: docs/front-matter.md is this text."""
    parts = [
        "<!-- 本文件由 `gazette schema --format markdown` 生成，请勿手工修改。 -->",
        "# 字段说明",
        "",
        "## 文件头部信息（front matter）",
        "",
        markdown_table(DOCUMENT_SCHEMA),
        "",
        "信息类别（kind）：" + "、".join(f"{k.name}（网址 /kinds/{k.slug}/）" for k in KINDS) + "。",
        "",
        "## 专题头部信息（content/collections/*.md）",
        "",
        "每个专题一个 Markdown 文件，文件名（小写英文字母、数字和连字符）决定网址 /collections/<文件名>/；"
        "头部信息之后的正文是专题简介。",
        "",
        markdown_table(COLLECTION_SCHEMA),
        "",
        "## 期刊目录（issues/*.yml）",
        "",
        markdown_table(ISSUE_SCHEMA),
    ]
    labels = {"agencies": "发文机关词表（content/_data/agencies.yml）", "topics": "主题分类词表（content/_data/topics.yml）",
              "tags": "标签库（content/_data/tags.yml）"}
    for key, schema in VOCABULARY_SCHEMAS.items():
        parts += ["", f"## {labels[key]}", "", "每项的键：", "", markdown_table(schema)]
    return "\n".join(parts) + "\n"
