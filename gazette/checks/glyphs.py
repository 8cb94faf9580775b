"""Characters the print fonts cannot draw, in every text the print edition prints.

The print step would refuse them only after laying out the PDFs; this finds
them in seconds, with the same message (gazette.fonts).
"""

from __future__ import annotations

import hashlib

from ..config import CONFIG_FILE
from ..findings import Report
from ..library.document import Document
from ..library.library import Library
from ..fonts import missing_glyph_message, print_fonts, unprintable


def check(library: Library, report: Report) -> None:
    absent = print_fonts().absent
    if absent:
        report.warning(CONFIG_FILE, 1, f"未安装印刷字体“{'、'.join(absent)}”，无法检查印刷版能否印出每个字符："
                                       "请运行 scripts/setup.sh（安装 fonts-noto-cjk 和 fontconfig）后再检查。")
        return
    fonts = hashlib.sha256("".join(sorted(print_fonts().printable)).encode("utf-8", "surrogatepass")).hexdigest()
    for doc in library.public:
        _document(doc, fonts, report)
    for issue in library.issues:
        for index, section in enumerate(issue.sections):
            _text(issue.rel, issue.front.line("sections", index, "title"), section.title, report)
    _settings(library, report)


def _document(doc: Document, fonts: str, report: Report) -> None:
    """The title, 发文字号, attachment titles and body (every public document's PDF prints them);
    the summary, which an issue prints in place of a web-only document's text (`fonts`: a hash of the
    characters the print fonts draw)."""
    texts = [(doc.line("title"), doc.title), (doc.line("doc_number"), doc.doc_number)]
    texts += [(doc.line("attachments", i, "title"), a["title"]) for i, a in enumerate(doc.attachments or [])]
    if doc.print is False:
        texts.append((doc.line("summary"), doc.summary))
    for line, text in texts:
        if text:
            _text(doc.rel, line, text, report)
    if doc.parsed.derived("unprintable", lambda: unprintable(doc.body), fonts, lasting=True):  # same body, fonts
        for offset, line in enumerate(doc.body.split("\n")):
            _text(doc.rel, doc.body_line + offset, line, report)


def _settings(library: Library, report: Report) -> None:
    """The gazette's name and publisher, printed on every cover and page header."""
    config = library.config
    chars = unprintable(config.name + config.publisher)
    if not chars:
        return
    lines = (config.root / CONFIG_FILE).read_text(encoding="utf-8-sig").split("\n")
    for char in chars:
        line = next((number for number, text in enumerate(lines, 1) if char in text), 1)
        report.error(CONFIG_FILE, line, missing_glyph_message(char))


def _text(rel: str, line: int, text: str, report: Report) -> None:
    for char in unprintable(text):
        report.error(rel, line, missing_glyph_message(char))
