"""CID-keyed CFF fonts (Noto CJK) embedded as compact CFF subsets, not as 65,535-glyph OpenType files.

WeasyPrint subsets a font keeping every glyph id up to the last one used
(HarfBuzz's "retain gids"), because the text in the page streams names glyphs by
their ids in the full font. For a CJK face whose used glyphs reach id 63,000 that
leaves ~0.8 MB of empty glyph slots per font per PDF to build and to compress.
In a CID-keyed CFF font the text names CIDs, and the font's charset says which
glyph draws each CID; HarfBuzz keeps the CIDs when it packs the used glyphs
together. So the packed CFF table is embedded on its own (FontFile3, subtype
CIDFontType0C, the form PDF has always had for CID-keyed CFF): the same glyph
outlines, widths and text for the same CIDs, 5-20 times smaller and faster.
Any other font is subset by WeasyPrint as before.
"""

from __future__ import annotations

import io

import pydyf
from fontTools.cffLib import CFFFontSet
from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.text.ffi import ffi, harfbuzz, harfbuzz_subset

FORMAT = "cff-cid-compact-1"  # part of the PDF cache key: PDFs made before this embedding differ
_MARK = "_gazette_compact_cff"  # on WeasyPrint's Font class once wrapped
_DROPPED = (b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT", b"SVG ")
_CFF = b"CFF "


def compact_cid_fonts() -> None:
    """Make WeasyPrint embed CID-keyed CFF fonts as compact CFF subsets in this process (once)."""
    font = pdf_fonts.Font
    if getattr(font, _MARK, False):
        return
    subset_by_gids, file_type = font._harfbuzz_subset, font.type
    cid_keyed: dict[int, bool] = {}  # face address (faces live as long as the process) -> verdict

    def harfbuzz_subset_(self, to_unicode, hinting):
        address = int(ffi.cast("uintptr_t", self.hb_face))
        if address not in cid_keyed:
            cid_keyed[address] = _cid_keyed(self.hb_face)
        cff = _compact_cff(self.hb_face, sorted(to_unicode), hinting, bool(self.missing)) \
            if cid_keyed[address] else None
        if cff is None:
            return subset_by_gids(self, to_unicode, hinting)
        self.file_content = cff
        self.compact_cff = True

    font._harfbuzz_subset = harfbuzz_subset_
    font.type = property(lambda self: "otf" if getattr(self, "compact_cff", False) else file_type.fget(self))
    setattr(font, _MARK, True)


def cff_font_files(document, pdf: pydyf.PDF) -> None:
    """A `write_pdf` finisher: the font file of a compact CFF subset is a bare CFF, not an OpenType file."""
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.extra.get("Subtype") == "/OpenType" \
                and item.stream and not bytes(item.stream[0][:4]) == b"OTTO":
            item.extra["Subtype"] = "/CIDFontType0C"


def _cid_keyed(face) -> bool:
    """Whether `face` is a CFF font keyed by CIDs (its top dictionary has a ROS)."""
    table = _table(face, _CFF)
    if not table:
        return False
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(table), None, isCFF2=False)
    return hasattr(cff.topDictIndex[0], "ROS")


def _compact_cff(face, gids: list[int], hinting: bool, notdef_outline: bool) -> bytes | None:
    """The CFF table of `face` reduced to `gids` (packed, CIDs kept), or None if HarfBuzz fails."""
    request = ffi.gc(harfbuzz_subset.hb_subset_input_create_or_fail(), harfbuzz_subset.hb_subset_input_destroy)
    glyphs = harfbuzz_subset.hb_subset_input_glyph_set(request)
    harfbuzz.hb_set_add_sorted_array(glyphs, ffi.new(f"hb_codepoint_t[{len(gids)}]", gids), len(gids))
    flags = harfbuzz_subset.HB_SUBSET_FLAGS_PASSTHROUGH_UNRECOGNIZED | harfbuzz_subset.HB_SUBSET_FLAGS_DESUBROUTINIZE
    if not hinting:
        flags |= harfbuzz_subset.HB_SUBSET_FLAGS_NO_HINTING
    if notdef_outline:
        flags |= harfbuzz_subset.HB_SUBSET_FLAGS_NOTDEF_OUTLINE
    harfbuzz_subset.hb_subset_input_set_flags(request, flags)
    drop = harfbuzz_subset.hb_subset_input_set(request, harfbuzz_subset.HB_SUBSET_SETS_DROP_TABLE_TAG)
    tags = sorted(harfbuzz.hb_tag_from_string(name, -1) for name in _DROPPED)
    harfbuzz.hb_set_add_sorted_array(drop, ffi.new(f"hb_codepoint_t[{len(tags)}]", tags), len(tags))
    subset = harfbuzz_subset.hb_subset_or_fail(face, request)
    if subset == ffi.NULL:
        return None
    subset = ffi.gc(subset, harfbuzz.hb_face_destroy)
    return _table(subset, _CFF) or None


def _table(face, tag: bytes) -> bytes:
    blob = harfbuzz.hb_face_reference_table(face, harfbuzz.hb_tag_from_string(tag, -1))
    try:
        length = ffi.new("unsigned int *")
        data = harfbuzz.hb_blob_get_data(blob, length)
        return b"" if data == ffi.NULL else ffi.unpack(data, int(length[0]))
    finally:
        harfbuzz.hb_blob_destroy(blob)
