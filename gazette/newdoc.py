"""A new document skeleton for one kind, derived from the schema declaration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .config import Config
from .errors import GazetteError
from .model.keys import PLACEHOLDER
from .library.loader import DOCUMENT_ID
from .model.kinds import KIND_BY_NAME, KINDS, PUBLIC, Kind
from .model.schema import DOCUMENT_SCHEMA

# Prefixes of new file names, by kind.
PREFIXES = {"政策文件": "wj", "政策解读": "jd", "公告通报": "gg", "申报通知": "sb", "常见问题": "faq"}


def find_kind(text: str) -> Kind | None:
    return KIND_BY_NAME.get(text) or next((k for k in KINDS if k.slug == text), None)


def placeholder(key) -> str:
    example = key.example if isinstance(key.example, str) else None
    return f"{PLACEHOLDER}：{key.label}{f'，如 {example}' if example else ''}】"


def skeleton(kind: Kind, today: dt.date) -> str:
    """Front matter with every required key (placeholders where a person must decide), then a body."""
    lines = ["---"]
    for key in DOCUMENT_SCHEMA:
        if not key.required_for(kind.name):
            continue
        if key.name == "kind":
            value = kind.name
        elif key.name == "published":
            value = today
        elif isinstance(key.example, list):
            value = [placeholder(key)]
        else:
            value = placeholder(key)
        lines.append(f"# {key.label}：{key.help}")
        lines.append(yaml.safe_dump({key.name: value}, allow_unicode=True, default_flow_style=False).rstrip())
    lines.append(f"# 选填的键（如 summary、tags、services、attachments）见 docs/front-matter.md。公开属性只能在审查后填写“{PUBLIC}”。")
    lines += ["---", "", f"{PLACEHOLDER}：正文（不要重复标题）】", ""]
    return "\n".join(lines)


def new_document_path(config: Config, kind: Kind, doc_id: str | None, year: int) -> Path:
    """Where a new document goes: content/documents/<doc_id>.md, else the next free number of its
    kind and year; a clear error for a badly formed or taken id."""
    if doc_id:
        if not DOCUMENT_ID.match(doc_id):
            raise GazetteError(f"文件编号“{doc_id}”只能用小写英文字母、数字、连字符和 /。")
        path = config.documents_dir / f"{doc_id}.md"
    else:
        path = next_path(config.documents_dir, kind, year)
    if path.exists():
        raise GazetteError(f"{config.rel(path)} 已存在，请换一个文件编号（--id）。")
    return path


def next_path(documents_dir: Path, kind: Kind, year: int) -> Path:
    folder = documents_dir / str(year)
    number = 1
    while (folder / f"{PREFIXES[kind.name]}-{year}-{number}.md").exists():
        number += 1
    return folder / f"{PREFIXES[kind.name]}-{year}-{number}.md"
