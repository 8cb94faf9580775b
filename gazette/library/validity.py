"""What a reader is told about a document that is no longer in force."""

from __future__ import annotations

from ..model.kinds import AMENDED, EXPIRED, REPEALED
from .dates import chinese_date
from .document import Document


def banner(doc: Document) -> str | None:
    """The validity notice above a document that is no longer in force."""
    if doc.status == REPEALED:
        return "本文件已废止，不再执行。" + ("废止依据：" if doc.newer else "")
    if doc.status == AMENDED:
        return "本文件已修订，请以修订后的文件为准：" if doc.newer else "本文件已修订。"
    if doc.status == EXPIRED:
        return f"本文件已失效（有效期至{chinese_date(doc.expires)}）。" if doc.expires else "本文件已失效。"
    return None
