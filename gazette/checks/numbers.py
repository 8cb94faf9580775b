"""Identifiers that must be unique: 发文字号 and 索引号."""

from __future__ import annotations

from ..findings import Report
from ..library.library import Library
from ..model.schema import DOCUMENT_SCHEMA


def check(library: Library, report: Report) -> None:
    for key in ("doc_number", "index_number"):
        first_by_value: dict[str, object] = {}
        for doc in sorted(library.documents.values(), key=lambda d: d.id):
            value = doc.values.get(key)
            if not value:
                continue
            first = first_by_value.setdefault(value, doc)
            if first is not doc:
                report.error(doc.rel, doc.line(key),
                             f"{key}（{DOCUMENT_SCHEMA[key].label}）“{value}”与 {first.rel} 重复："
                             "同一编号只能属于一份文件，请核对。")
