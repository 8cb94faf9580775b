"""Documents' records prepared on every core: each document once, results in their order.

Workers do for a share of the documents what one document costs serially: prepare its records
(gazette.search.prepare) and keep its pages in the record cache's page folder
(gazette.search.prepcache.store_pages); only the small Prepared comes back. The pages are the
same bytes however many processes made them.
"""

from __future__ import annotations

from pathlib import Path

from ..jobs import process_pool, workers
from .prepare import Source, document_records
from .prepcache import Prepared, store_pages

# Below this much body HTML (characters) starting worker processes costs more than it saves (about 1 s of work).
PARALLEL_FROM = 1_000_000


def prepare_all(sources: list[Source], pages: Path, jobs: int | None = None) -> list[Prepared]:
    """Prepare `sources` in `jobs` worker processes (gazette.jobs.workers), their pages kept in `pages`;
    with one process, or little to prepare, one after another here."""
    count = workers(jobs)
    if count == 1 or sum(len(source.body) for source in sources) < PARALLEL_FROM:
        return _prepare(pages, sources)
    size = max(1, len(sources) // (count * 16))  # small enough to share out unequal documents evenly
    with process_pool(count) as pool:
        futures = [pool.submit(_prepare, pages, sources[start:start + size]) for start in range(0, len(sources), size)]
        return [prepared for future in futures for prepared in future.result()]


def _prepare(pages: Path, sources: list[Source]) -> list[Prepared]:
    return [store_pages(pages, document_records(source)) for source in sources]
