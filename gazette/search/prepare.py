"""One document's index records, prepared from what they are made of (a Source).

Each record is built in memory from the Library (title, index fields: gazette.search.fields)
and the document's rendered body (gazette.search.extract), its text rewritten into index
words (gazette.search.text); that prepared record (never published) is what Pagefind
indexes. A long document becomes several records of at most about PART_WORDS index words,
all with the document's URL and fields: Pagefind keeps a record's whole text in one file
that the browser fetches to show the result, so bounded records keep a first search small.
gazette.search.records tells the search page which records make one document.

The records are a function of the Source alone (and this code), so the Source is what the
record cache's key is made of (gazette.search.prepcache).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import GazetteError
from ..library.document import Document
from ..library.library import Library
from .extract import document_text
from .fields import SORT_KEY, search_view
from .text import Part, prepare, prepared_parts

# Index words per record. A record's file costs one to two bytes per word compressed, and a long law
# has up to 100,000 words; docs/benchmarks.md has the measurements behind this size.
PART_WORDS = 5000
# Meta of a record: [[item index of the body, text as written], ...] where normalising changed the text.
WRITTEN = "written"
# search_view's groups -> Pagefind's attribute kinds (data-pagefind-filter, -meta, -sort).
FIELD_KINDS = {"filters": "filter", "meta": "meta", "sort": "sort"}


@dataclass(frozen=True)
class Source:
    """Everything one document's records are made of: nothing else goes into them."""

    url: str  # the document's URL path ("documents/2024/x/")
    title: str
    doc_number: str | None
    fields: dict  # search_view: filters, display metadata, sort keys
    body: str  # the rendered body HTML
    part_words: int = PART_WORDS

    @property
    def order(self) -> str:
        """Its publication order (gazette.search.shards): the ISO date, "" when undated."""
        return dict(self.fields["sort"]).get(SORT_KEY, "")


def source(library: Library, doc: Document, bodies: dict[str, str]) -> Source:
    """What the records of the public document `doc` are made of; `bodies` maps ids to rendered body HTML."""
    if doc.id not in bodies:
        raise GazetteError(f"建立检索索引失败：文件 {doc.rel} 的页面没有生成（{doc.url}）。")
    return Source(doc.url, doc.title, doc.doc_number, search_view(doc, library.vocabularies), bodies[doc.id])


def document_records(source: Source) -> Iterator[tuple[str, str, int]]:
    """(file path, prepared page, its different index words: gazette.search.shards) of each record of one document: the title and first part, then the others.

    The first record sits at the document's own path; Pagefind names the others after their files
    (…/part-2/), and their "url" meta gives the document's address.
    """
    title = prepare(" ".join(source.title.split()))
    parts = prepared_parts(document_text(source.doc_number, source.body), source.part_words)
    for number, part in enumerate(parts, start=1):
        path = f"{source.url}index.html" if number == 1 else f"{source.url}part-{number}/index.html"
        shown = title if number == 1 else None
        entries = len(set(part.text.split()).union(shown.split() if shown else ()))
        yield path, prepared_html(shown, source.fields, part, f"/{source.url}"), entries


def prepared_html(title: str | None, fields: dict, body: Part, url: str) -> str:
    """A record as Pagefind reads it: the page's index fields, the prepared `title` (first record only, else None),
    a body part.

    The "title" meta holds the prepared title in the record's text (empty after the first record),
    so that the search page knows where the body starts; the title shown is the 标题 meta.
    The "url" meta is the document's address (Pagefind's convention for a result's own URL).
    The WRITTEN meta holds the body's units as written where normalising changed them
    (gazette.search.text.Part), so that an excerpt shows the text as written.
    """
    written = json.dumps(sorted(body.written.items()), ensure_ascii=False, separators=(",", ":")) if body.written else ""
    metas = "".join(_element("meta", key, value) for key, value in (("title", title or ""), ("url", url), (WRITTEN, written))
                    if value or key != WRITTEN)
    fields = "".join(_element(FIELD_KINDS[group], key, value) for group, pairs in fields.items()
                     for key, value in pairs if value or group == "filters")
    heading = f"<h1>{html.escape(title)}</h1>" if title is not None else ""
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div data-pagefind-body>"
            f"{metas}{fields}{heading}<div>{html.escape(body.text)}</div></div></body></html>")


def _element(kind: str, key: str, value: str) -> str:
    """One index field as Pagefind reads it: data-pagefind-filter / -meta / -sort with its value."""
    return f'<span data-pagefind-{kind}="{html.escape(key)}[data-value]" data-value="{html.escape(value)}"></span>'
