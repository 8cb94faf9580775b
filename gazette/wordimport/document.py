"""Assemble and write the imported document: front matter from what was found, then the body."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..clock import build_date
from ..config import Config
from ..errors import GazetteError
from ..findings import Report
from ..model.keys import PLACEHOLDER
from ..library.loader import load_vocabularies
from ..model.kinds import Kind
from ..model.schema import DOCUMENT_SCHEMA
from ..newdoc import new_document_path
from . import render
from .extract import Found, extract
from .reader import Table, read_docx


@dataclass
class Imported:
    path: Path
    found: Found
    carried: list[str] = field(default_factory=list)  # what the file provided, for the editor
    missing: list[str] = field(default_factory=list)  # keys left as placeholders (中文)
    images: int = 0
    tables: int = 0
    skipped: list[str] = field(default_factory=list)


def placeholder(label: str, hint: str = "") -> str:
    return f"{PLACEHOLDER}：{label}{'，' + hint if hint else ''}】"


def front_matter_values(found: Found, kind: Kind) -> tuple[dict, list[str]]:
    """Key -> value in schema order: what was found, placeholders for required keys; and the missing labels."""
    known = {
        "title": found.title, "kind": kind.name, "doc_number": found.doc_number, "signed": found.signed,
        "issuer": (found.issuers[0] if len(found.issuers) == 1 else found.issuers) or None,
        "attachments": [{"title": t, "file": placeholder("附件文件名", "文件放在本文件旁边")}
                        for t in found.attachments] or None,
    }
    hints = {"issuer": found.issuer_note, "disclosure": f"原文附注为“{found.disclosure_note}”，须经审查后填写"
             if found.disclosure_note else "须经审查后填写", "published": "在网站上公开的日期"}
    values, missing = {}, []
    for key in DOCUMENT_SCHEMA:
        if known.get(key.name) is not None:
            values[key.name] = known[key.name]
        elif key.required_for(kind.name):
            value = placeholder(key.label, hints.get(key.name, ""))
            values[key.name] = [value] if isinstance(key.example, list) else value
            missing.append(key.label)
    if found.attachments:
        missing.append("附件文件")
    return values, missing


def document_text(values: dict, body: str, source: str) -> str:
    lines = ["---", f"# 由 gazette import 从“{source}”导入：请逐项核对，填写所有“{PLACEHOLDER}……】”，再运行 gazette check。"]
    for name, value in values.items():
        key = DOCUMENT_SCHEMA[name]
        if PLACEHOLDER in str(value):
            lines.append(f"# {key.label}：{key.help}")
        lines.append(yaml.safe_dump({name: value}, allow_unicode=True, default_flow_style=False,
                                    sort_keys=False, width=10**6).rstrip())
    return "\n".join(lines + ["---", "", body])


def import_docx(config: Config, source: Path, kind: Kind, doc_id: str | None = None) -> Imported:
    """Read `source`, write the document (and its pictures) into the project; never overwrite."""
    if source.suffix.lower() != ".docx" or not source.is_file():
        raise GazetteError(f"找不到 Word 文件 {source}（须为 .docx；旧版 .doc 请先另存为 .docx）。")
    report = Report()  # a broken vocabulary only means no issuer is recognised; gazette check reports it
    agencies = load_vocabularies(config, report)["agencies"]
    word = read_docx(source, "image")
    found = extract(word, agencies)
    path = new_document_path(config, kind, doc_id, found.signed.year if found.signed else build_date().year)
    if word.images:  # name the pictures after the document they belong to
        word = read_docx(source, path.stem)
        found = extract(word, agencies)
    values, missing = front_matter_values(found, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    for image in word.images:
        if (path.parent / image.name).exists():
            raise GazetteError(f"{config.rel(path.parent / image.name)} 已存在，请换一个文件编号（--id）。")
    path.write_text(document_text(values, render.body(found.body), source.name), encoding="utf-8")
    for image in word.images:
        (path.parent / image.name).write_bytes(image.blob)
    carried = [DOCUMENT_SCHEMA[key].label for key, value in
               (("title", found.title), ("doc_number", found.doc_number), ("signed", found.signed),
                ("issuer", found.issuers)) if value]
    carried += [f"{len(found.attachments)} 个附件说明"] if found.attachments else []
    return Imported(path, found, carried, missing, len(word.images),
                    sum(isinstance(b, Table) for b in found.body), list(dict.fromkeys(word.skipped)))

