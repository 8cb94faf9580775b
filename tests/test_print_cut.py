"""Documents' PDFs cut from their issue's layout, and the printed pages cited on pages, in JSON-LD and
in the open data — all read back from the PDFs with poppler, never from gazette's own numbers."""

import html
import json
import re

import pytest

import pdftools
from gazette import urls
from gazette.errors import GazetteError
from gazette.print.cache import PdfCache
from gazette.print.edition import Edition, workers

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
CITATION = re.compile(r'<span class="gz-citation__text" id="gz-citation">(.*?)</span>')


def printed_numbers(pdf) -> list[int | None]:
    """The page number printed on each page of `pdf` (None: cover, blank page)."""
    numbers = []
    for page in range(1, pdftools.page_count(pdf) + 1):
        match = pdftools.PAGE_NUMBER.search(pdftools.squash(pdftools.text(pdf, page, page)))
        numbers.append(int(match.group(0).strip("—")) if match else None)
    return numbers


def pages_in_issue(issue, pdf) -> dict[str, tuple[int, int]]:
    """Document id -> first and last printed page, found in the issue PDF's text: a document starts on the
    first page after the table of contents that shows its title, and ends on the last numbered page
    before the next one starts (the empty page left so the next starts on an odd page has no number)."""
    texts = [pdftools.squash(pdftools.text(pdf, p, p)) for p in range(1, pdftools.page_count(pdf) + 1)]
    numbers = printed_numbers(pdf)
    after_toc = max(i for i, text in enumerate(texts) if "...." in text) + 1  # the TOC's leaders
    starts, cursor = [], after_toc
    for doc in issue.documents:
        cursor = next(i for i in range(cursor, len(texts)) if pdftools.squash(doc.title) in texts[i])
        starts.append(cursor)
    found = {}
    for n, doc in enumerate(issue.documents):
        stop = starts[n + 1] if n + 1 < len(starts) else len(texts)
        numbered = [numbers[i] for i in range(starts[n], stop) if numbers[i] is not None]
        assert numbered == list(range(numbered[0], numbered[-1] + 1)), doc.id
        found[doc.id] = (numbered[0], numbered[-1])
    return found


@pytest.fixture(scope="module")
def printed(sample_site, sample_library):
    """Document id -> (issue, first page, last page), from the issue PDFs."""
    found = {}
    for issue in sample_library.issues:
        for doc_id, pages in pages_in_issue(issue, sample_site / urls.issue_pdf(issue.year, issue.number)).items():
            found[doc_id] = (issue, *pages)
    assert any(start < end for _, start, end in found.values())  # ranges, not only single pages
    return found


def test_citation_pages_on_the_page_in_json_ld_and_open_data_are_the_pdfs(sample_site, sample_library, printed):
    records = {r["id"]: r for r in json.loads((sample_site / urls.DOCUMENTS_JSON).read_text(encoding="utf-8"))["documents"]}
    name = sample_library.config.name
    for doc in sample_library.public:
        page = (sample_site / doc.url / "index.html").read_text(encoding="utf-8")
        data = json.loads(JSONLD.search(page).group(1))
        if doc.id not in printed:
            assert doc.issue is None and not CITATION.search(page), doc.id
            assert "pageStart" not in data and records[doc.id]["printed"] is None
            continue
        issue, start, end = printed[doc.id]
        total = f"（总第{issue.total}期）" if issue.total else ""
        pages = f"第{start}页" if start == end else f"第{start}–{end}页"
        assert html.unescape(CITATION.search(page).group(1)) == f"刊登于《{name}》{issue.year}年第{issue.number}期{total}{pages}"
        title = doc.title + (f"（{doc.doc_number}）" if doc.doc_number else "")
        copied = re.search(r'data-clipboard-text="([^"]*)"[^>]*>复制引用</button>', page).group(1)
        assert html.unescape(copied) == f"{title}，刊登于《{name}》{issue.year}年第{issue.number}期{total}{pages}。"
        assert (data["pageStart"], data["pageEnd"]) == (start, end), doc.id
        assert data["isPartOf"]["@id"] == sample_library.absolute(issue.url)
        assert records[doc.id]["printed"] == {"issue": sample_library.absolute(issue.url),
                                              "start_page": start, "end_page": end}


def test_the_issue_table_of_contents_gives_each_documents_pages(sample_site, sample_library, printed):
    for issue in sample_library.issues:
        page = (sample_site / issue.url / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'gz-list__pages">第(\d+)(?:–(\d+))?页<', page)
        expected = [printed[doc.id][1:] for doc in issue.documents]
        assert [(int(a), int(b or a)) for a, b in shown] == expected, issue.id


def test_a_document_pdf_is_its_pages_of_the_issue(sample_site, sample_library, printed):
    edition = Edition(sample_library)
    cut = 0
    for doc_id, (issue, start, end) in printed.items():
        doc = sample_library.documents[doc_id]
        own = sample_site / urls.document_pdf(doc_id)
        if not edition.composer.same_alone(doc):  # web-only, or with a validity notice since: laid out alone
            assert printed_numbers(own)[0] is None or printed_numbers(own)[0] == 1
            continue
        issue_pdf = sample_site / urls.issue_pdf(issue.year, issue.number)
        assert [n for n in printed_numbers(own) if n] == list(range(start, end + 1)), doc_id
        assert pdftools.text(own) == pdftools.text(issue_pdf, start, pdftools.page_count(own) + start - 1)
        assert pdftools.info(own)["Title"] == doc.title
        cut += 1
    assert cut >= 10


def test_serial_and_parallel_layouts_are_byte_identical(project, tmp_path):
    from test_print_build import FILES

    from gazette.project import load_and_check

    library, report = load_and_check(project(FILES))
    assert report.ok
    made = {}
    for count in (1, 2):
        edition = Edition(library, jobs=count)
        edition.cache = PdfCache(tmp_path / f"cache-{count}")  # both lay everything out
        out = tmp_path / f"out-{count}"
        result = edition.make(edition.jobs(), out)
        made[count] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.pdf")}
        assert result.printed
    assert len(made[1]) == 5 and made[1] == made[2]


def test_the_number_of_layout_processes(monkeypatch):
    monkeypatch.setenv("GAZETTE_JOBS", "3")
    assert workers() == 3 and workers(1) == 1
    monkeypatch.setenv("GAZETTE_JOBS", "两个")
    with pytest.raises(GazetteError, match="GAZETTE_JOBS 应为正整数"):
        workers()
    monkeypatch.delenv("GAZETTE_JOBS")
    with pytest.raises(GazetteError, match="正整数"):
        workers(0)
    assert workers() >= 1
