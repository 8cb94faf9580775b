"""三同步: a normative policy is published with (or after) its interpretation."""

from __future__ import annotations

from ..findings import Finding, Level, Report
from ..library.library import Library
from ..model.kinds import INTERPRETATION, POLICY


def check(library: Library, report: Report) -> None:
    level = Level.WARNING if library.config.sync_level == "警告" else Level.ERROR
    for doc in library.documents.values():
        if not (doc.is_public and doc.values.get("normative") and doc.values.get("kind") == POLICY):
            continue
        published = doc.values.get("published")
        readings = [d for d in doc.interpreted_by if d.values.get("kind") == INTERPRETATION]
        if not readings:
            message = ("规范性文件缺少政策解读（三同步）：请增加一份政策解读，其 interprets 写本文件的编号 "
                       f"{doc.id} 或发文字号，发布日期不晚于本文件。")
        elif published and all(d.values.get("published", published) > published for d in readings):
            late = min(readings, key=lambda d: d.values["published"])
            message = (f"政策解读 {late.rel} 的发布日期 {late.values['published']} 晚于本文件 {published}（三同步要求同日或更早发布），"
                       "请调整其中一个日期。")
        else:
            continue
        report.add(Finding(doc.rel, doc.line("normative"), level, message))
