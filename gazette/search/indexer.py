"""The pipeline step that indexes the public documents with Pagefind (its Python API).

Only public documents are indexed (library.public). Each record is built in
memory from the Library (title, index fields: gazette.search.fields) and the
document's rendered body (gazette.search.extract), its text rewritten into
index words (gazette.search.text); that prepared record (never published) is
what Pagefind indexes. A long document becomes several records of at most about
PART_WORDS index words, all with the document's URL and fields: Pagefind keeps
a record's whole text in one file that the browser fetches to show the result,
so bounded records keep a first search small. gazette.search.records tells the
search page which records make one document. The bundle lands in <site>/pagefind/.
"""

from __future__ import annotations

import asyncio
import html
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pagefind.service import PagefindService

from ..errors import GazetteError
from .. import urls
from ..library.document import Document
from ..library.library import Library
from .bundle import wait_until_whole
from .extract import document_text
from .fields import facets, search_view
from .records import write_records
from .reproducible import make_reproducible
from .text import Part, prepare, prepared_parts

# The prepared text is made of our own index words: Pagefind must neither stem nor segment it,
# at build time or in the browser, which is what it does for an undetermined language.
INDEX_LANGUAGE = "und"
# Index words per record. A record's file costs one to two bytes per word compressed, and a long law
# has up to 100,000 words; docs/benchmarks.md has the measurements behind this size.
PART_WORDS = 5000
# Meta of a record: [[item index of the body, text as written], ...] where normalising changed the text.
WRITTEN = "written"
# search_view's groups -> Pagefind's attribute kinds (data-pagefind-filter, -meta, -sort).
FIELD_KINDS = {"filters": "filter", "meta": "meta", "sort": "sort"}
# Parts of Pagefind's bundle the search page does not use (it has its own interface and runs
# Pagefind without a web worker); removed so that the site carries no dead files.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")


def index_site(library: Library, bodies: dict[str, str], site_dir: Path) -> None:
    """Write the Pagefind bundle for the public documents of `library` into site_dir/pagefind.

    `bodies` maps each public document's id to its rendered body HTML."""
    out = site_dir / urls.SEARCH_BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        for doc in library.public:
            for path, record in document_records(library, doc, bodies):
                target = Path(tmp) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(record, encoding="utf-8")
        try:
            records = asyncio.run(_pagefind(Path(tmp), out))
        except GazetteError:
            raise
        except Exception as exc:  # the Pagefind service reports its failures as plain exceptions
            raise GazetteError(f"建立检索索引失败（Pagefind）：{exc}") from exc
    write_records(out, records, facets())
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)
    make_reproducible(out)


async def _pagefind(records: Path, out: Path) -> dict[str, dict]:
    """Index the records in `records` into the bundle `out`; the records as Pagefind wrote them, by id."""
    # One directory of records in one call: the Python API answers one call per 0.1 s.
    config = {"force_language": INDEX_LANGUAGE, "output_path": str(out)}
    async with PagefindService() as service:  # leaving the block stops the service
        index = await service.create_index(config)
        result = await index.add_directory(str(records))
        if not result.get("page_count"):
            raise GazetteError("建立检索索引失败：Pagefind 没有读到任何页面。")
        await index.write_files()
        return await wait_until_whole(out)  # the service may still be writing (see gazette.search.bundle)


def document_records(library: Library, doc: Document, bodies: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(file path, prepared page) of each record of one document: the title and first part, then the others.

    The first record sits at the document's own path; Pagefind names the others after their files
    (…/part-2/), and their "url" meta gives the document's address.
    """
    if doc.id not in bodies:
        raise GazetteError(f"建立检索索引失败：文件 {doc.rel} 的页面没有生成（{doc.url}）。")
    title = " ".join(doc.title.split())
    fields = search_view(doc, library.vocabularies)
    for number, part in enumerate(prepared_parts(document_text(doc.doc_number, bodies[doc.id]), PART_WORDS), start=1):
        path = f"{doc.url}index.html" if number == 1 else f"{doc.url}part-{number}/index.html"
        yield path, prepared_html(title, fields, part, f"/{doc.url}", with_title=number == 1)


def prepared_html(title: str, fields: dict, body: Part, url: str, with_title: bool = True) -> str:
    """A record as Pagefind reads it: the page's index fields, the prepared title (first record only), a body part.

    The "title" meta holds the prepared title in the record's text (empty after the first record),
    so that the search page knows where the body starts; the title shown is the 标题 meta.
    The "url" meta is the document's address (Pagefind's convention for a result's own URL).
    The WRITTEN meta holds the body's units as written where normalising changed them
    (gazette.search.text.Part), so that an excerpt shows the text as written.
    """
    title = prepare(title) if with_title else ""
    written = json.dumps(sorted(body.written.items()), ensure_ascii=False, separators=(",", ":")) if body.written else ""
    metas = "".join(_element("meta", key, value) for key, value in (("title", title), ("url", url), (WRITTEN, written))
                    if value or key != WRITTEN)
    fields = "".join(_element(FIELD_KINDS[group], key, value) for group, pairs in fields.items()
                     for key, value in pairs if value or group == "filters")
    heading = f"<h1>{html.escape(title)}</h1>" if with_title else ""
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div data-pagefind-body>"
            f"{metas}{fields}{heading}<div>{html.escape(body.text)}</div></div></body></html>")


def _element(kind: str, key: str, value: str) -> str:
    """One index field as Pagefind reads it: data-pagefind-filter / -meta / -sort with its value."""
    return f'<span data-pagefind-{kind}="{html.escape(key)}[data-value]" data-value="{html.escape(value)}"></span>'
