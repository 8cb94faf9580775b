"""Every body of a Library converted at once, on every core: each body once, results in their order.

The conversion runs while the caller goes on (loading issues, the checks that read no HTML): a body
waits for its own result only when something first reads its conversion (ParsedBody.adopt). A body
an earlier run converted takes its parts from the body cache instead (gazette.library.bodycache).
"""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial

from ..jobs import process_pool, workers
from ..markdown import converter
from .body import ParsedBody
from .bodycache import BodyCache

# Below this much Markdown (characters) starting worker processes costs more than it saves (about 1 s of work).
PARALLEL_FROM = 2_000_000


def convert_bodies(bodies: list[ParsedBody], jobs: int | None = None, cache: BodyCache | None = None) -> None:
    """Start converting every body not yet converted and not in `cache` in `jobs` worker processes
    (gazette.jobs.workers); with one process, or little to convert, leave each body to convert itself on first use.

    Each worker does for a share of the bodies what a body does on first use
    (ParsedBody.conversion_parts); each body takes its own parts back (ParsedBody.await_parts), so the
    result is the same as converting one by one.
    """
    todo = [body for body in bodies if not body.converted]
    if cache is not None:
        todo = cache.recall(todo)
    count = workers(jobs)
    if count == 1 or sum(len(body.body) for body in todo) < PARALLEL_FROM:
        return  # each body converts itself when first read, as it would here
    size = max(1, len(todo) // (count * 16))  # small enough to share out unequal bodies evenly
    pool = process_pool(count)
    try:
        for start in range(0, len(todo), size):
            chunk = todo[start:start + size]
            future = pool.submit(_parts, [body.page_text for body in chunk])
            for index, body in enumerate(chunk):
                body.await_parts(partial(_result, future, index))
    finally:
        pool.shutdown(wait=False)  # the submitted work goes on; the workers end when it is done


def _result(future: Future, index: int) -> tuple:
    return future.result()[index]


def _parts(texts: list[str]) -> list[tuple]:
    reused = converter()  # one for the share: each conversion resets it
    return [ParsedBody(text, 1, reused).conversion_parts() for text in texts]
