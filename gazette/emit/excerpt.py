"""A short plain-text excerpt of a document body, for feeds when the editor wrote no summary."""

from __future__ import annotations

from functools import cache

import markdown
from lxml import html

from ..markdown import EXTENSIONS

LENGTH = 150  # characters of Chinese text: two or three sentences
_SOURCE = 800  # characters of Markdown read: enough for LENGTH, and cheap for long laws


@cache
def _markdown() -> markdown.Markdown:
    """One converter for every excerpt (building one per call costs more than converting)."""
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)


def excerpt(body: str, length: int = LENGTH) -> str:
    """The opening paragraphs of `body` as plain text, cut at `length` characters with an ellipsis."""
    rendered = _markdown().reset().convert(body[:_SOURCE])
    if not rendered.strip():
        return ""
    tree = html.fragment_fromstring(rendered, create_parent="div")
    text = "".join(" ".join(p.text_content().split()) for p in tree.iterfind(".//p"))
    return text if len(text) <= length else text[:length].rstrip() + "……"
