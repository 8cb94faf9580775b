"""One copy of each font file per process, instead of one per PDF.

WeasyPrint copies the whole font file out of HarfBuzz (`get_hb_object_data`)
every time a PDF it writes first uses a font, before subsetting it. The print
fonts are Chinese fonts of several megabytes, and every document's PDF is
written on its own (gazette.print.cut), so that copy was about a third of the
time of writing a document's PDF. `share_font_files` makes WeasyPrint take the
copy once per font face and process; the PDFs are byte for byte the same.

Only faces of the font map (`get_pango_font_hb_face`) are shared: each is held
by one more HarfBuzz reference, so its address names it for the life of the
process. Faces made while subsetting are copied as before.
"""

from __future__ import annotations

from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.text.ffi import ffi, harfbuzz

_MARK = "_gazette_shared_font_files"  # on WeasyPrint's module once wrapped: the shared files


def share_font_files() -> dict[int, bytes | None]:
    """Wrap WeasyPrint's two font functions in this process (once); the shared files, by face address."""
    if hasattr(pdf_fonts, _MARK):
        return getattr(pdf_fonts, _MARK)
    files: dict[int, bytes | None] = {}  # face address -> its file (None until first asked)
    face_of_font, data_of = pdf_fonts.get_pango_font_hb_face, pdf_fonts.get_hb_object_data

    def font_face(pango_font):
        face = face_of_font(pango_font)
        address = _address(face)
        if address not in files:
            harfbuzz.hb_face_reference(face)  # never released: the address stays this face's
            files[address] = None
        return face

    def object_data(hb_object, ot_color=None, glyph=None):
        address = _address(hb_object)
        if ot_color is not None or glyph is not None or address not in files:
            return data_of(hb_object, ot_color, glyph)
        if files[address] is None:
            files[address] = data_of(hb_object)
        return files[address]

    pdf_fonts.get_pango_font_hb_face, pdf_fonts.get_hb_object_data = font_face, object_data
    setattr(pdf_fonts, _MARK, files)
    return files


def _address(cdata) -> int:
    return int(ffi.cast("uintptr_t", cdata))
