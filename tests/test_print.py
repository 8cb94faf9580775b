"""The print edition of the sample gazette, read back with poppler's tools and zbarimg."""

import re

import pytest
from pypdf import PdfReader

import pdftools
from gazette.print.edition import Edition
from gazette import urls

MM_PER_PT = 25.4 / 72


@pytest.fixture(scope="module")
def library(sample_library):
    return sample_library


@pytest.fixture(scope="module")
def pdfs(library, tmp_path_factory):
    """Every sample issue's print edition: issue -> PDF path."""
    out = tmp_path_factory.mktemp("print")
    edition = Edition(library)
    edition.make([edition.issue_job(issue) for issue in library.issues], out)
    return {issue: out / urls.issue_pdf(issue.year, issue.number) for issue in library.issues}


def header(library, issue) -> str:
    return pdftools.squash(f"{library.config.name}{issue.title}（总第{issue.total}期）")


def toc_pages(library, issue, pdf) -> dict[str, int]:
    """Document id -> the page number the table of contents gives (the leader's number)."""
    whole = pdftools.squash(pdftools.text(pdf))
    pages = {}
    for doc in issue.documents:
        number = f"（{doc.doc_number}）" if doc.doc_number else ""
        match = re.search(re.escape(pdftools.squash(doc.title + number)) + r"\.{3,}(\d+)", whole)
        assert match, f"{doc.id} is not in the table of contents of {issue.id}"
        pages[doc.id] = int(match.group(1))
    return pages


def source_lines(doc) -> list[str]:
    """The body's text lines as an editor wrote them, Markdown markup removed (tables left out:
    their cells wrap and interleave in any text extraction)."""
    found = []
    for line in doc.body.split("\n"):
        line = line.strip()
        if not line or line.startswith("|"):
            continue
        line = re.sub(r"^#+\s*", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = line.replace("**", "")
        found.append(pdftools.squash(line))
    return found


def document_text(library, issue, pdf, first: int, last: int) -> str:
    """The text of pages first..last without running header and page numbers."""
    text = pdftools.squash(pdftools.text(pdf, first, last)).replace(header(library, issue), "")
    return pdftools.PAGE_NUMBER.sub("", text)


def test_every_font_is_embedded_and_subset(pdfs):
    for pdf in pdfs.values():
        fonts = pdftools.fonts(pdf)
        assert fonts, pdf
        for font in fonts:
            assert font.embedded and font.subset, (pdf.name, font)
            assert "Noto" in font.name, (pdf.name, font)


def test_toc_page_numbers_are_the_pages_the_titles_are_on(library, pdfs):
    for issue, pdf in pdfs.items():
        pages = toc_pages(library, issue, pdf)
        assert list(pages.values()) == sorted(pages.values())
        for doc in issue.documents:
            page = pages[doc.id]
            assert page % 2 == 1, f"{doc.id} starts on an even page"
            on_page = pdftools.squash(pdftools.text(pdf, page, page))
            assert pdftools.squash(doc.title) in on_page, (issue.id, doc.id, page)
            before = pdftools.squash(pdftools.text(pdf, page - 1, page - 1))
            assert pdftools.squash(doc.title) not in before


def test_each_document_prints_its_title_and_text_in_order(library, pdfs):
    checked = 0
    for issue, pdf in pdfs.items():
        pages = toc_pages(library, issue, pdf)
        starts = [pages[doc.id] for doc in issue.documents] + [pdftools.page_count(pdf) + 1]
        for doc, first, following in zip(issue.documents, starts, starts[1:]):
            if doc.print is False:
                continue
            text = document_text(library, issue, pdf, first, following - 1)
            position = text.find(pdftools.squash(doc.title))
            assert position >= 0, doc.id
            for line in source_lines(doc):
                found = text.find(line, position)
                assert found >= 0, f"{doc.id}: “{line}” missing or out of order"
                position = found + len(line)
            checked += 1
    assert checked >= 25


def test_web_only_document_prints_its_url_and_a_qr_code_of_it(library, pdfs, tmp_path):
    doc = library.documents["2024/gg-sjj-2024-mianshen"]
    assert doc.print is False
    issue, pdf = doc.issue, pdfs[doc.issue]
    url = library.config.base_url + doc.url
    page = toc_pages(library, issue, pdf)[doc.id]
    text = pdftools.squash(pdftools.text(pdf, page, page))
    assert pdftools.squash(doc.title) in text
    assert url in text
    assert "免申即办" in doc.body and "电子证照库比对" not in pdftools.text(pdf)  # the text itself stays online
    assert pdftools.qr_codes(pdf, page, tmp_path) == [url]


def test_a4_pages_and_metadata(library, pdfs):
    for issue, pdf in pdfs.items():
        pages = pdftools.page_count(pdf)
        sizes = pdftools.info(pdf, "-f", "1", "-l", str(pages))
        assert all("(A4)" in sizes[f"Page {n:4d} size"] for n in range(1, pages + 1))
        info = pdftools.info(pdf, "-isodates")
        assert info["Title"] == f"{library.config.name} {issue.title}（总第{issue.total}期）"
        assert info["Author"] == library.config.publisher
        day = issue.date.isoformat()
        assert info["CreationDate"] == info["ModDate"] == f"{day}T00:00:00+08"  # the issue's date, not the clock
        assert f"{issue.date.year}年{issue.date.month}月{issue.date.day}日出版" in info["Subject"]
        xmp = pdftools.run("pdfinfo", "-meta", str(pdf))
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
        assert f"<xmp:CreateDate>{day}T00:00:00+08:00</xmp:CreateDate>" in xmp
        assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "zh-CN"


def test_bookmarks_are_sections_then_documents(library, pdfs):
    for issue, pdf in pdfs.items():
        reader = PdfReader(pdf)
        outline = reader.outline
        titles = [item.title for item in outline if not isinstance(item, list)]
        assert titles == ["目录", *(s.title for s in issue.sections if s.documents)]
        children = [item for item in outline if isinstance(item, list)]
        assert [[c.title for c in group] for group in children] == \
               [[d.title for d in s.documents] for s in issue.sections if s.documents]
        pages = toc_pages(library, issue, pdf)
        for group, section in zip(children, (s for s in issue.sections if s.documents)):
            for item, doc in zip(group, section.documents):
                assert reader.get_destination_page_number(item) + 1 == pages[doc.id]


def test_cover_names_the_issue(library, pdfs):
    for issue, pdf in pdfs.items():
        cover = pdftools.squash(pdftools.text(pdf, 1, 1))
        for part in (library.config.name, f"{issue.year}年", f"第{issue.number}期", f"总第{issue.total}期",
                     f"{issue.date.year}年{issue.date.month}月{issue.date.day}日出版", library.config.publisher):
            assert pdftools.squash(part) in cover, (issue.id, part)
        assert "示例" in cover  # gazette.yml sample: true
        assert not pdftools.PAGE_NUMBER.search(cover)  # no page number on the cover


def test_gbt_9704_page_geometry(library, pdfs):
    """A full page of body text: text block 156 mm wide from 28 mm (binding side, mirrored on
    even pages) and 37 mm from the top; 22 lines of at most 28 characters; page number 7 mm
    below the text block on the outer side, one character in."""
    doc = library.documents["2024/ptfb-2024-6"]
    pdf = pdfs[doc.issue]
    start = toc_pages(library, doc.issue, pdf)[doc.id]
    for page in (start + 1, start + 2):  # one even, one odd page, both full of text
        found = pdftools.lines(pdf, page)
        number = next(line for line in found if pdftools.PAGE_NUMBER.fullmatch(line.text))
        body = [line for line in found if line.y_min > 36 and line is not number]
        left = 28 if page % 2 else 26  # the binding side is left on odd pages, right on even ones
        assert number.text == f"—{page}—"
        assert len(body) == 22
        assert all(line.x_min >= left - 0.5 and line.x_max <= left + 156 + 0.5 for line in body)
        assert max(len(line.text) for line in body) == 28
        assert body[0].y_min >= 37 - 0.5 and body[-1].y_max <= 37 + 225 + 0.5
        one_char = 14 * MM_PER_PT
        if page % 2:
            assert abs(number.x_max - (210 - 26 - one_char)) < 1
        else:
            assert abs(number.x_min - (26 + one_char)) < 1
        assert 37 + 225 + 7 - 1.5 <= (number.y_min + number.y_max) / 2 <= 37 + 225 + 7 + 14 * MM_PER_PT
