"""The pipeline step that indexes the public documents with Pagefind (its Python API).

Only public documents are indexed (library.public). Each record is built in
memory from the Library (title, index fields: gazette.search.fields) and the
document's rendered body (gazette.search.extract), its text rewritten into
index words (gazette.search.text); that prepared record (never published) is
what Pagefind indexes. A long document becomes several records of at most about
PART_WORDS index words, all with the document's URL and fields: Pagefind keeps
a record's whole text in one file that the browser fetches to show the result,
so bounded records keep a first search small. gazette.search.records tells the
search page which records make one document.

The records are written to a temporary folder, split into shards (gazette.search.shards),
and each shard is indexed by Pagefind or taken from the cache (gazette.search.shardbuild,
shardcache). The bundle lands in <site>/pagefind/.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteError
from .. import urls
from ..jobs import workers
from ..library.document import Document
from ..library.library import Library
from .extract import document_text
from .fields import SORT_KEY, facets, search_view
from .records import write_records
from .shardbuild import SETTINGS, ShardJob, build_shards
from .shardcache import CACHE_FOLDER, ShardCache
from .shards import SHARD_ENTRIES, Item, Shard, plan
from .text import Part, prepare, prepared_parts

# Index words per record. A record's file costs one to two bytes per word compressed, and a long law
# has up to 100,000 words; docs/benchmarks.md has the measurements behind this size.
PART_WORDS = 5000
# Meta of a record: [[item index of the body, text as written], ...] where normalising changed the text.
WRITTEN = "written"
# search_view's groups -> Pagefind's attribute kinds (data-pagefind-filter, -meta, -sort).
FIELD_KINDS = {"filters": "filter", "meta": "meta", "sort": "sort"}


@dataclass(frozen=True)
class Prepared:
    """One document's records, written to disk: what the shard rule and the cache key need of them."""

    folder: str  # its records' folder (the document's URL path)
    item: Item
    records: tuple[tuple[str, str], ...]  # (path, SHA-256 of the prepared page) of each record


def index_site(library: Library, bodies: dict[str, str], site_dir: Path, *, shard_entries: int = SHARD_ENTRIES,
               jobs: int | None = None, cache: ShardCache | None = None) -> None:
    """Write the Pagefind bundle for the public documents of `library` into site_dir/pagefind.

    `bodies` maps each public document's id to its rendered body HTML. The records are indexed
    in shards of at most about `shard_entries` word entries (gazette.search.shards), by up to `jobs`
    Pagefind processes at once (default: $GAZETTE_JOBS, else one per core), each shard taken
    from `cache` (default: the project's build/.cache/search/) when its records did not change."""
    out = site_dir / urls.SEARCH_BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cache = cache or ShardCache(library.config.root / CACHE_FOLDER)
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        prepared = {doc.id: write_document(library, doc, bodies, Path(tmp) / "documents") for doc in library.public}
        shards = plan((p.item for p in prepared.values()), shard_entries)
        if not shards:
            raise GazetteError("建立检索索引失败：没有可以检索的公开文件。")
        shard_jobs = [_shard_job(shard, prepared, Path(tmp), cache) for shard in shards]
        records = build_shards(shard_jobs, out, cache, workers(jobs))
    order = [f"/{library.documents[key].url}" for shard in shards for key in shard.keys]
    write_records(out, records, facets(), order)
    cache.prune()


def write_document(library: Library, doc: Document, bodies: dict[str, str], folder: Path) -> Prepared:
    """Write the records of `doc` under `folder`; what the shards need to know of them."""
    written = []
    entries = 0
    for path, record, record_entries in document_records(library, doc, bodies):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(record, encoding="utf-8")
        written.append((path, hashlib.sha256(record.encode("utf-8")).hexdigest()))
        entries += record_entries
    order = dict(search_view(doc, library.vocabularies)["sort"]).get(SORT_KEY, "")
    return Prepared(doc.url, Item(doc.id, order, entries), tuple(written))


def _shard_job(shard: Shard, prepared: dict[str, Prepared], tmp: Path, cache: ShardCache) -> ShardJob:
    """Move the shard's records into a folder of their own; the job that indexes them."""
    folder = tmp / "shards" / shard.name
    for key in shard.keys:
        os.renames(tmp / "documents" / prepared[key].folder, folder / prepared[key].folder)
    return ShardJob(shard.name, folder, cache.key(SETTINGS, [r for key in shard.keys for r in prepared[key].records]))


def document_records(library: Library, doc: Document, bodies: dict[str, str]) -> Iterator[tuple[str, str, int]]:
    """(file path, prepared page, its different index words: gazette.search.shards) of each record of one document: the title and first part, then the others.

    The first record sits at the document's own path; Pagefind names the others after their files
    (…/part-2/), and their "url" meta gives the document's address.
    """
    if doc.id not in bodies:
        raise GazetteError(f"建立检索索引失败：文件 {doc.rel} 的页面没有生成（{doc.url}）。")
    title = " ".join(doc.title.split())
    fields = search_view(doc, library.vocabularies)
    for number, part in enumerate(prepared_parts(document_text(doc.doc_number, bodies[doc.id]), PART_WORDS), start=1):
        path = f"{doc.url}index.html" if number == 1 else f"{doc.url}part-{number}/index.html"
        entries = len(set(part.text.split()).union(prepare(title).split() if number == 1 else ()))
        yield path, prepared_html(title, fields, part, f"/{doc.url}", with_title=number == 1), entries


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
