"""Where each document lies in an issue's layout, and its PDF cut from those pages.

An issue is laid out once; each document printed in it starts on the page that
holds its anchor (the article's id) and ends on the last page before the next
document that is not a blank filler page (every document starts on an odd
page). A document's own PDF is those pages written again from the same layout
(WeasyPrint's Document.copy): no second layout, and the page numbers printed on
them are the issue's, the ones a citation gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from weasyprint.document import Document as Laid
from weasyprint.pdf.metadata import DocumentMetadata


@dataclass(frozen=True)
class Cut:
    """One document to cut from an issue's layout."""

    anchor: str  # the article's id in the issue HTML (gazette.print.compose.anchor)
    target: str  # site-relative path of the document's PDF
    meta: dict  # PDF metadata: title, authors, description, keywords, generator, created


def page_ranges(laid: Laid, anchors: list[str]) -> dict[str, tuple[int, int]]:
    """1-based first and last page of each article, in the order the articles are printed."""
    starts = {}
    for index, page in enumerate(laid.pages):
        for name in page.anchors:
            if name in anchors and name not in starts:
                starts[name] = index
    missing = [name for name in anchors if name not in starts]
    if missing:
        raise ValueError(f"anchors not laid out: {', '.join(missing)}")
    ordered = sorted(starts, key=starts.get)
    ranges = {}
    for position, name in enumerate(ordered):
        end = starts[ordered[position + 1]] - 1 if position + 1 < len(ordered) else len(laid.pages) - 1
        while end > starts[name] and _blank(laid.pages[end]):
            end -= 1
        ranges[name] = (starts[name] + 1, end + 1)
    return ranges


def cut_pdf(laid: Laid, first: int, last: int, meta: dict, options: dict) -> bytes:
    """Pages `first`–`last` (1-based) of `laid` as a PDF with the document's own metadata."""
    part = laid.copy(laid.pages[first - 1:last])
    source = laid.metadata
    part.metadata = DocumentMetadata(
        title=meta["title"], authors=list(meta["authors"]), description=meta["description"],
        keywords=list(meta["keywords"]), generator=meta["generator"], created=meta["created"],
        modified=meta["created"], lang=source.lang)
    return part.write_pdf(**options)


def _blank(page) -> bool:
    """A page the layout left empty so the next document starts on an odd page (CSS :blank)."""
    return page._page_box.page_type.blank  # WeasyPrint keeps the page type only on the page box
