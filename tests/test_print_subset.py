"""gazette.print.subset: CJK fonts embedded as compact CFF subsets print the same pages, smaller."""

import subprocess
import sys

import pdftools
from gazette.fonts import STYLESHEET
from gazette.print.render import render_pdf

HTML = ("<html lang='zh-CN'><head><style>@page { size: A6; margin: 10mm }"
        " h1 { font-family: 'Noto Sans CJK SC' } p { font-family: 'Noto Serif CJK SC' }</style></head>"
        "<body><h1>国务院关于印发通知</h1><p>第一条　为了规范行政行为，根据宪法，制定本条例。</p>"
        "<p><b>第二条</b>　本条例自2025年1月1日起施行。（一）〔2024〕12号</p></body></html>")

# WeasyPrint alone, in a fresh process: its own embedding (OpenType font files keeping every glyph id).
PLAIN = ("import sys; from weasyprint import HTML; sys.stdout.buffer.write("
         "HTML(string=sys.stdin.read()).write_pdf(stylesheets=[sys.argv[1]], pdf_variant='pdf/a-3b'))")


def pixels(pdf, folder, name) -> list[bytes]:
    """Every page as poppler draws it (150 dpi, grey)."""
    pdftools.run("pdftoppm", "-r", "150", "-gray", str(pdf), str(folder / name))
    return [path.read_bytes() for path in sorted(folder.glob(f"{name}-*.pgm"))]


def test_cjk_fonts_are_bare_cff_subsets_that_print_what_weasyprint_prints(tmp_path):
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(render_pdf(HTML, tmp_path).pdf)
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(subprocess.run([sys.executable, "-c", PLAIN, str(STYLESHEET)], input=HTML.encode(), check=True,
                                     capture_output=True).stdout)

    fonts = pdftools.fonts(ours)
    assert {font.type for font in fonts} == {"CID Type 0C"}  # bare CFF, not "CID Type 0C (OT)"
    assert {font.type for font in pdftools.fonts(plain)} == {"CID Type 0C (OT)"}
    assert all(font.embedded and font.subset for font in fonts) and len(fonts) == 3  # sans, serif, serif bold
    assert pdftools.text(ours) == pdftools.text(plain)
    drawn = pixels(ours, tmp_path, "ours")
    assert drawn and drawn == pixels(plain, tmp_path, "plain")
    assert ours.stat().st_size * 5 < plain.stat().st_size  # three 65,535-slot fonts against three small ones


def test_the_compact_pdfs_are_reproducible(tmp_path):
    assert render_pdf(HTML, tmp_path).pdf == render_pdf(HTML, tmp_path).pdf


# gazette.print.repaint: two articles cut from one layout, one with a translucent box, one with an image.
PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNg+M/A8B8ABQEB/11pNdkAAAAASUVORK5CYII="
ISSUE = ("<html lang='zh-CN'><body><article id='a'><h1>第一篇</h1><p style='color: rgba(0, 0, 0, .5)'>半透明的一段。</p>"
         "<p>第一篇正文。</p></article><article id='b' style='break-before: page'><h1>第二篇</h1>"
         f"<img src='{PNG}' width='40'><p>第二篇正文。</p></article></body></html>")
CUTS = ("(Cut('a', 'a.pdf', META), Cut('b', 'b.pdf', META))")
META = "{'title': '题', 'authors': [], 'description': '', 'keywords': [], 'generator': 'g', 'created': '2025-01-01T00:00:00'}"
RENDER = (f"import sys; from pathlib import Path; from gazette.print.cut import Cut; META = {META}\n"
          "import gazette.print.render as render\n"
          "if sys.argv[1] == 'plain': render.reuse_paintings = lambda: None\n"
          f"r = render.render_pdf(sys.stdin.read(), Path('.'), ('a', 'b'), {CUTS})\n"
          "for name, pdf in {'issue.pdf': r.pdf, **r.parts}.items(): Path(sys.argv[1] + '-' + name).write_bytes(pdf)")


def test_pages_cut_from_an_issue_replay_its_drawing_and_give_the_same_bytes(tmp_path):
    def pdfs(mode):
        subprocess.run([sys.executable, "-c", RENDER, mode], input=ISSUE.encode(), check=True, cwd=tmp_path)
        return [(tmp_path / f"{mode}-{name}.pdf").read_bytes() for name in ("issue", "a", "b")]

    assert pdfs("reuse") == pdfs("plain")
    assert "半透明的一段" in pdftools.squash(pdftools.text(tmp_path / "reuse-a.pdf"))
    assert "第二篇正文" in pdftools.squash(pdftools.text(tmp_path / "reuse-b.pdf"))


def test_a_page_is_painted_once_unless_it_draws_an_image(tmp_path, monkeypatch):
    import weasyprint.document

    from gazette.print.cut import Cut

    draw_page, drawn = weasyprint.document.draw_page, []
    monkeypatch.setattr(weasyprint.document, "draw_page", lambda box, stream: drawn.append(box) or draw_page(box, stream))
    meta = eval(META)
    rendered = render_pdf(ISSUE, tmp_path, ("a", "b"), (Cut("a", "a.pdf", meta), Cut("b", "b.pdf", meta)))
    assert rendered.pages == 2 and rendered.ranges == {"a": (1, 1), "b": (2, 2)}
    # the issue's two pages, then the image page again for b.pdf; a.pdf's translucent page is replayed
    assert len(drawn) == 3 and drawn[2] is drawn[1]
