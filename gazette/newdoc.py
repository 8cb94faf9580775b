"""A new document skeleton for one kind, derived from the schema declaration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .library.keys import PLACEHOLDER
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


def next_path(documents_dir: Path, kind: Kind, year: int) -> Path:
    folder = documents_dir / str(year)
    number = 1
    while (folder / f"{PREFIXES[kind.name]}-{year}-{number}.md").exists():
        number += 1
    return folder / f"{PREFIXES[kind.name]}-{year}-{number}.md"
