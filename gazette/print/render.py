"""HTML to PDF with WeasyPrint: PDF/A-3b, local resources only, problems collected.

WeasyPrint logs a glyph no font has (".notdef glyph rendered …") and a resource
it could not load; both are collected here so the caller can report them with
file and line instead of printing a PDF with empty boxes in it.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..fonts import STYLESHEET
from .cut import Cut, cut_pdf, page_ranges
from .fontdata import share_font_files
from .repaint import reuse_paintings
from .subset import cff_font_files, compact_cid_fonts

OPTIONS = {"pdf_variant": "pdf/a-3b"}  # archival; also sets sRGB output intent and a content-derived /ID
WRITE = {**OPTIONS, "finisher": cff_font_files}  # gazette.print.subset: CID-keyed CFF fonts as bare CFF
MISSING_GLYPH = re.compile(r'\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)" \(U\+[0-9A-F]+\)', re.S)


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    missing: list[str] = field(default_factory=list)  # characters no font could draw
    warnings: list[str] = field(default_factory=list)  # anything else WeasyPrint complained about
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)  # article anchor -> first, last page
    parts: dict[str, bytes] = field(default_factory=dict)  # target -> a document's PDF cut from this one


class ContentFetcher(URLFetcher):
    """Loads data: URIs and files inside one folder (content/); nothing from the network."""

    def __init__(self, root: Path):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if not path.is_relative_to(self.root):
                raise ValueError(f"{path} 不在 {self.root} 中")
        return super().fetch(url, headers)


@cache
def font_config() -> FontConfiguration:
    """One fontconfig set-up per process: creating one per PDF costs time and memory (so do font files)."""
    share_font_files()
    compact_cid_fonts()
    reuse_paintings()
    return FontConfiguration()


@cache
def stylesheet() -> CSS:
    """The print stylesheet, parsed once per process."""
    return CSS(filename=str(STYLESHEET), font_config=font_config())


def render_pdf(html: str, content_dir: Path, anchors: tuple[str, ...] = (), cuts: tuple[Cut, ...] = ()) -> Rendered:
    """Lay out `html` (resources relative to `content_dir`) once and write a PDF/A-3b; find the pages of the
    articles named by `anchors` and write each of `cuts` as its own PDF of its article's pages."""
    with _weasyprint_warnings() as messages:
        document = HTML(string=html, base_url=content_dir.resolve().as_uri() + "/",
                        url_fetcher=ContentFetcher(content_dir)).render(
            stylesheets=[stylesheet()], font_config=font_config(), **OPTIONS)
        pdf = document.write_pdf(**WRITE)
        ranges = page_ranges(document, list(anchors)) if anchors else {}
        parts = {cut.target: cut_pdf(document, *ranges[cut.anchor], cut.meta, WRITE) for cut in cuts}
    rendered = Rendered(pdf=pdf, pages=len(document.pages), ranges=ranges, parts=parts)
    for message in messages:
        match = MISSING_GLYPH.fullmatch(message)
        if match:
            rendered.missing.append(match.group(1))
        else:
            rendered.warnings.append(message)
    return rendered


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_warnings():
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
