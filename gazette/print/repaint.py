"""A page cut from an issue is painted once: its drawing is kept from the issue's PDF and reused.

A document's own PDF is pages of its issue's layout written again
(gazette.print.cut). WeasyPrint paints each page into the PDF's content stream
every time it writes it; for text, the drawing operators are the same bytes in
both PDFs (fonts are named by a hash of their description), and all painting
leaves behind is which glyphs of which font the page used. So the first paint
of a page keeps its operators and its glyphs (painting with fonts of its own,
merged into the PDF's fonts afterwards), and a later paint of the same page
replays them. A page that draws an image, pattern, shading or transparency
(named resources of one PDF) or a glyph no font has is always painted anew.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pydyf
from weasyprint.document import Page
from weasyprint.text.fonts import get_pango_font_key

_MARK = "_gazette_reused_paint"  # on WeasyPrint's Page class once wrapped
_KEPT = "_gazette_painting"  # on a Page once painted: its Painting (None: paint it anew every time)
_RESOURCE_OPERATORS = (b" gs", b" Do", b" sh", b" scn", b" SCN")
_ALPHA = re.compile(rb"/([aA][0-9.]+) gs")  # an opacity state: named by its value, the same in every PDF


@dataclass(frozen=True)
class Painting:
    scale: float
    operators: list  # the chunks the page added to its content stream
    fonts: list  # (pango font, glyph -> text, glyph -> width), in order of first use on the page
    states: list  # (name, state) of the opacity states the page set, in order of first use


def reuse_paintings() -> None:
    """Make WeasyPrint paint each laid-out page once per process and replay it afterwards (once)."""
    if getattr(Page, _MARK, False):
        return
    paint = Page.paint

    def paint_once(self, stream, scale=1):
        kept = getattr(self, _KEPT, False)
        if kept and kept.scale == scale and stream._tags is None:
            return _replay(kept, stream)
        if kept is None or stream._tags is not None:
            return paint(self, stream, scale)
        setattr(self, _KEPT, _record(paint, self, stream, scale))

    Page.paint = paint_once
    setattr(Page, _MARK, True)


def _record(paint, page, stream, scale) -> Painting | None:
    """Paint `page` into `stream` with fonts of its own, merge them into the stream's; what it drew."""
    fonts, used, start = stream._fonts, {}, len(stream.stream)
    first = {}  # font key -> the Pango font that first drew with it on this page

    def add_font(pango_font):
        key = get_pango_font_key(pango_font)[0]
        first.setdefault(key, pango_font)
        return add(pango_font)

    add = stream.add_font
    stream._fonts, stream.add_font = used, add_font
    try:
        paint(page, stream, scale)
    finally:
        stream._fonts = fonts
        del stream.add_font
    operators = stream.stream[start:]
    states = {}
    for chunk in operators:
        alpha = _ALPHA.fullmatch(chunk) if isinstance(chunk, bytes) else None
        if alpha:
            states.setdefault(alpha.group(1).decode(), stream._resources["ExtGState"][alpha.group(1).decode()])
    painting = Painting(scale, operators, [(first[key], dict(font.to_unicode), dict(font.widths))
                                           for key, font in used.items()], list(states.items()))
    for key, font in used.items():
        if key in fonts:
            _merge(fonts[key], font.to_unicode, font.widths)
        else:
            fonts[key] = font
    other = any(isinstance(chunk, bytes) and chunk.endswith(_RESOURCE_OPERATORS) and not _ALPHA.fullmatch(chunk)
                for chunk in operators)
    return None if other or any(font.missing for font in used.values()) else painting


def _replay(painting: Painting, stream) -> None:
    for name, state in painting.states:
        stream._resources["ExtGState"].setdefault(name, pydyf.Dictionary(state))
    stream.stream.extend(painting.operators)
    for pango_font, to_unicode, widths in painting.fonts:
        font, _ = stream.add_font(pango_font)
        _merge(font, to_unicode, widths)


def _merge(font, to_unicode: dict, widths: dict) -> None:
    """Add glyphs a page used to a PDF's font; a glyph the PDF has already keeps its first entry."""
    for glyph, text in to_unicode.items():
        font.to_unicode.setdefault(glyph, text)
    for glyph, width in widths.items():
        font.widths.setdefault(glyph, width)
