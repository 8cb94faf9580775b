"""Making the shards' Pagefind bundles: from the cache, or by Pagefind processes side by side.

Each shard (gazette.search.shards) not in the cache is indexed by a Pagefind
service of its own, at most `workers` at once; each bundle is finished
(gazette.search.reproducible) and cached as soon as it is written. A shard's bytes
depend only on its records, so the site is the same however many run at once.

The shards are then merged into the one Pagefind index of the site's bundle
(<site>/pagefind/, gazette.search.merge), beside the records map (gazette.search.records).
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import PagefindService

from ..errors import GazetteError
from ..jobs import process_pool
from .bundle import wait_until_whole
from .merge import merge_shards
from .pageids import make_unique
from .records import fragments
from .reproducible import make_reproducible
from .shardcache import ShardCache

# The prepared text is made of our own index words: Pagefind must neither stem nor segment it,
# at build time or in the browser, which is what it does for an undetermined language.
INDEX_LANGUAGE = "und"
# Occurrences per index chunk of a shard (Pagefind's default is 20,000). The browser never reads a shard's
# chunks (gazette.search.merge cuts its own); the merge holds one chunk per shard in memory at a time.
CHUNK_OCCURRENCES = 3000
CHUNK_ENV = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"  # how Pagefind 1.5 takes it
# What shapes a shard's bundle besides its records (part of its cache key).
SETTINGS = {"force_language": INDEX_LANGUAGE, "chunk": CHUNK_OCCURRENCES}
# Parts of Pagefind's bundle the search page does not use (it has its own interface and runs
# Pagefind without a web worker); removed so that the site carries no dead files.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")


@dataclass(frozen=True)
class ShardJob:
    name: str  # its folder in the bundle
    records: Path  # the folder of its prepared records
    key: str  # its cache key (ShardCache.key)


def build_shards(jobs: list[ShardJob], bundle: Path, cache: ShardCache, workers: int) -> dict[str, dict]:
    """Make every shard's bundle and merge them into `bundle` (see the module docstring); all their records, by id."""
    missing = [job for job in jobs if not cache.restore(job.key, bundle / job.name)]
    with _environment(CHUNK_ENV, str(CHUNK_OCCURRENCES)):
        try:
            made = asyncio.run(_index_all(missing, bundle, cache, workers))
        except GazetteError:
            raise
        except Exception as exc:  # the Pagefind service reports its failures as plain exceptions
            raise GazetteError(f"建立检索索引失败（Pagefind）：{exc}") from exc
    records: dict[str, dict] = {}
    taken: set[str] = set()
    for job in jobs:
        folder = bundle / job.name
        renames = make_unique(folder, taken)  # ids unique across shards (gazette.search.pageids)
        found = made.get(job.name) or dict(fragments(folder))
        records.update((renames.get(record_id, record_id), record) for record_id, record in found.items())
    _merge_elsewhere(bundle, [job.name for job in jobs])
    return records


def _merge_elsewhere(bundle: Path, names: list[str]) -> None:
    """merge_shards in a process of its own: the merge is CPU-bound Python, and the build goes on meanwhile (the
    feeds are written beside the search index, gazette.pipeline); a fresh process's small heap also spares the
    merge the garbage collector's walks over the build's objects."""
    with process_pool(1) as pool:
        pool.submit(_without_gc, merge_shards, bundle, names).result()


def _without_gc(merge: Callable[[Path, list[str]], None], bundle: Path, names: list[str]) -> None:
    """`merge` (merge_shards) in the merge's own process: what it makes holds no cycles, and the process ends
    after it (the garbage collector's walks over the growing word lists cost about a tenth of the merge)."""
    gc.disable()
    merge(bundle, names)


async def _index_all(jobs: list[ShardJob], bundle: Path, cache: ShardCache, workers: int) -> dict[str, dict]:
    """Index `jobs`, at most `workers` at once; shard name -> its records by id."""
    slots = asyncio.Semaphore(workers)

    async def one(job: ShardJob) -> dict[str, dict]:
        async with slots:
            records = await _pagefind(job.records, bundle / job.name)
        _finish(bundle / job.name)
        cache.put(job.key, bundle / job.name)
        return records

    found = await asyncio.gather(*(one(job) for job in jobs))
    return {job.name: records for job, records in zip(jobs, found)}


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


def _finish(folder: Path) -> None:
    for name in UNUSED:
        (folder / name).unlink(missing_ok=True)
    make_reproducible(folder)


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """`name`=`value` in the environment (the Pagefind processes inherit it) for the block's duration."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before
