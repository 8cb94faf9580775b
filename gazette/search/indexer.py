"""The pipeline step that indexes the public documents with Pagefind (its Python API).

Only public documents are indexed (library.public). Each document's records are prepared
from its Source (gazette.search.prepare: title, index fields, rendered body) on every core
(gazette.search.preppool), or taken from the record cache when nothing they are made of
changed (gazette.search.prepcache, build/.cache/search/records/).

The records are split into shards (gazette.search.shards), and each shard is taken from the
shard cache (gazette.search.shardcache, build/.cache/search/shards/) or indexed by Pagefind
(gazette.search.shardbuild); only the shards Pagefind indexes get their records written to a
temporary folder. The bundle lands in <site>/pagefind/.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import GazetteError
from .. import urls
from ..jobs import workers
from ..library.library import Library
from .fields import facets
from .prepare import Source, document_records, source
from .prepcache import Prepared, RecordCache, store_pages
from .preppool import prepare_all
from .records import write_records
from .shardbuild import SETTINGS, ShardJob, build_shards
from .shardcache import CACHE_FOLDER, ShardCache
from .shards import SHARD_ENTRIES, Item, plan

SHARDS, RECORDS = "shards", "records"  # the two caches' folders in CACHE_FOLDER
OLD_ENTRY = re.compile(r"[0-9a-f]{64}")  # a shard cached at the top of CACHE_FOLDER, as before the two folders


def index_site(library: Library, bodies: dict[str, str], site_dir: Path, *, shard_entries: int = SHARD_ENTRIES,
               jobs: int | None = None, cache: ShardCache | None = None, records: RecordCache | None = None) -> None:
    """Write the Pagefind bundle for the public documents of `library` into site_dir/pagefind.

    `bodies` maps each public document's id to its rendered body HTML. Records are prepared, and
    shards indexed in shards of at most about `shard_entries` word entries (gazette.search.shards),
    by up to `jobs` processes at once (default: $GAZETTE_JOBS, else one per core). A shard is taken
    from `cache` (default: the project's build/.cache/search/shards/) when its records did not change,
    a document's records from `records` (default: the folder next to the shard cache's) when its Source
    did not."""
    out = site_dir / urls.SEARCH_BUNDLE
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    default = cache is None
    cache = cache or ShardCache(library.config.root / CACHE_FOLDER / SHARDS)
    records = records or RecordCache(cache.folder.parent / RECORDS)
    sources = {doc.id: source(library, doc, bodies) for doc in library.public}
    prepared = prepare_records(sources, records, jobs)
    shards = plan((Item(key, sources[key].order, prepared[key].entries) for key in sources), shard_entries)
    if not shards:
        raise GazetteError("建立检索索引失败：没有可以检索的公开文件。")
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        shard_jobs, members = [], {}
        for shard in shards:
            key = cache.key(SETTINGS, [r for doc_id in shard.keys for r in prepared[doc_id].records])
            shard_jobs.append(ShardJob(shard.name, Path(tmp) / shard.name, key))
            members[key] = (Path(tmp) / shard.name, shard.keys)

        def fill(key: str) -> None:
            write_shard(members[key][0], [(sources[i], prepared[i]) for i in members[key][1]], records)

        found = build_shards(shard_jobs, out, _FillOnMiss(cache, fill), workers(jobs))
    order = [f"/{library.documents[key].url}" for shard in shards for key in shard.keys]
    write_records(out, found, facets(), order)
    cache.prune()
    records.save()
    if default:
        _drop_old_layout(cache.folder.parent)


def prepare_records(sources: dict[str, Source], records: RecordCache, jobs: int | None = None) -> dict[str, Prepared]:
    """Each document's records (by id): from the record cache, else prepared (on every core) and cached."""
    keys = {doc_id: records.key(found) for doc_id, found in sources.items()}
    prepared = {doc_id: records.get(key) for doc_id, key in keys.items()}
    missing = [doc_id for doc_id, known in prepared.items() if known is None]
    for doc_id, made in zip(missing, prepare_all([sources[doc_id] for doc_id in missing], records.pages, jobs)):
        records.put(keys[doc_id], made)
        prepared[doc_id] = made
    return prepared


def write_shard(folder: Path, documents: list[tuple[Source, Prepared]], records: RecordCache) -> None:
    """Write the records of a shard's documents under `folder`, for Pagefind to index."""
    for found, prepared in documents:
        for path, digest in prepared.records:
            try:
                records.copy_page(digest, folder / path)
            except FileNotFoundError:  # pruned by another build of the project meanwhile: made again
                store_pages(records.pages, document_records(found))
                records.copy_page(digest, folder / path)


class _FillOnMiss:
    """The shard cache as build_shards uses it: a shard not restored from it first gets its records written
    (`fill`, by cache key), so that records are written only for the shards Pagefind indexes."""

    def __init__(self, cache: ShardCache, fill: Callable[[str], None]):
        self.cache = cache
        self.fill = fill

    def restore(self, key: str, target: Path) -> bool:
        if self.cache.restore(key, target):
            return True
        self.fill(key)
        return False

    def put(self, key: str, bundle: Path) -> None:
        self.cache.put(key, bundle)


def _drop_old_layout(folder: Path) -> None:
    """Delete the shards an earlier version cached at the top of `folder` (now in its SHARDS folder)."""
    if folder.is_dir():
        for path in folder.iterdir():
            if OLD_ENTRY.fullmatch(path.name) and path.is_dir():
                shutil.rmtree(path)
