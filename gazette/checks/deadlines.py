"""The 申报截止日期 (deadline) of a call for applications: only on 申报通知, not before publication."""

from __future__ import annotations

from ..findings import Report
from ..library.document import Document
from ..library.library import Library
from ..model.kinds import CALL


def check(library: Library, report: Report) -> None:
    for doc in library.documents.values():
        if "deadline" in doc.values:
            _deadline(doc, report)


def _deadline(doc: Document, report: Report) -> None:
    deadline, kind, published = doc.values["deadline"], doc.values.get("kind"), doc.values.get("published")
    line = doc.line("deadline")
    if kind and kind != CALL:
        report.error(doc.rel, line, f"申报截止日期 deadline 只用于信息类别为“{CALL}”的文件，本文件是“{kind}”。"
                                    "请删除 deadline，或在正文中写明截止时间。")
    elif published and deadline < published:
        report.error(doc.rel, line, f"申报截止日期 deadline（{deadline}）早于发布日期 published（{published}）："
                                    "申报不能在通知发布之前截止，请核对两个日期。")
