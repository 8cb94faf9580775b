"""`gazette check` and the print step agree on which characters the print fonts can draw."""

from gazette.fonts import families, print_fonts, unprintable
from gazette.print.render import render_pdf

# Han (basic, extension B, G), Hangul, Thai, Devanagari, Arabic, Georgian, Cherokee, Tibetan, radicals,
# strokes, math letters, circled numbers, emoji, a snowman, soft hyphen, zero-width space, private use.
SAMPLES = ("一〇𠀀𪛖\U00030000가กक\u0627\u10a0\u13a0\u0f40\u2e80\u31c0\U0001d400\u2460\u32a3"
           "\U0001f600\u2603\u00ad\u200b\ue000\U000f0001")


def test_the_stylesheet_fonts_are_installed():
    assert {"Noto Serif CJK SC", "Noto Sans CJK SC"} <= set(families())
    assert print_fonts().absent == ()


def test_the_check_finds_exactly_the_characters_the_print_step_cannot_draw(tmp_path):
    html = "<html lang='zh-CN'><body>" + "".join(f"<p>{char}</p>" for char in SAMPLES) + "</body></html>"
    missing = render_pdf(html, tmp_path).missing
    assert sorted(missing) == unprintable(SAMPLES)
    assert "\ue000" in missing and "一" not in missing  # both verdicts occur


def test_each_font_file_is_copied_once_per_process_and_the_pdfs_are_unchanged(tmp_path):
    """gazette.print.fontdata: WeasyPrint takes a font file from HarfBuzz once, not once per PDF."""
    from gazette.print.fontdata import share_font_files

    html = "<html lang='zh-CN'><body><h1>标题</h1><p>正文第一段。</p><p><b>加粗</b></p></body></html>"
    first = render_pdf(html, tmp_path).pdf
    files = share_font_files()
    copies = {address: data for address, data in files.items() if data is not None}
    assert copies and all(len(data) > 100_000 for data in copies.values())  # whole CJK font files
    second = render_pdf(html, tmp_path).pdf
    assert all(files[address] is data for address, data in copies.items())  # the same copies, reused
    assert second == first
