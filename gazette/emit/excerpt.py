"""A short plain-text excerpt of a document body, for feeds when the editor wrote no summary."""

from __future__ import annotations

from lxml import html as lxml_html

from ..library.document import Document

LENGTH = 150  # characters of Chinese text: two or three sentences


def excerpt(doc: Document, length: int = LENGTH) -> str:
    """The opening paragraphs of the body as plain text (each paragraph's blanks collapsed, joined without
    separators), cut at `length` characters with an ellipsis."""
    text = _opening(doc.parsed.html, length)
    return text if len(text) <= length else text[:length].rstrip() + "……"


def _opening(html: str, length: int) -> str:
    """The text of the body's paragraphs, read until it is longer than `length`."""
    if not html.strip():
        return ""
    text = ""
    for paragraph in lxml_html.fragment_fromstring(html, create_parent="div").iterfind(".//p"):
        text += " ".join(paragraph.text_content().split())
        if len(text) > length:
            break
    return text
