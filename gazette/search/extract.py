"""The text a document page shows a reader, taken from its rendered body in memory.

The body is the HTML MkDocs rendered from the document's Markdown (page.content),
read as text by gazette.library.htmltext. A record of the index is the document's title,
its 发文字号 and this text (gazette.search.indexer).
"""

from __future__ import annotations

from ..library.htmltext import html_text


def document_text(doc_number: str | None, body_html: str) -> str:
    """What a document page shows under its title: the 发文字号, then the body."""
    number = f"{doc_number}\n" if doc_number else ""
    return number + html_text(body_html)
