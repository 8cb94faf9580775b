"""A short plain-text excerpt of a document body, for feeds when the editor wrote no summary."""

from __future__ import annotations

from ..library.document import Document

LENGTH = 150  # characters of Chinese text: two or three sentences


def excerpt(doc: Document, length: int = LENGTH) -> str:
    """The opening paragraphs of the body as plain text, cut at `length` characters with an ellipsis."""
    text = doc.parsed.text
    return text if len(text) <= length else text[:length].rstrip() + "……"
