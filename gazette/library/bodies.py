"""Every body of a Library converted at once, on every core: each body once, results in their order."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from ..jobs import workers
from .body import ParsedBody

# Below this much Markdown (characters) starting worker processes costs more than it saves (about 1 s of work).
PARALLEL_FROM = 2_000_000


def convert_bodies(bodies: list[ParsedBody], jobs: int | None = None) -> None:
    """Convert and scan every body not yet converted, in `jobs` worker processes (gazette.jobs.workers);
    with one process, or little to convert, leave each body to convert itself on first use.

    Each worker does for its bodies what a body does on first use (ParsedBody.parts);
    a body takes the parts back in order (ParsedBody.adopt), so the result is the
    same as converting one by one.
    """
    todo = [body for body in bodies if not body.converted]
    count = workers(jobs)
    if count == 1 or sum(len(body.body) for body in todo) < PARALLEL_FROM:
        return  # each body converts itself when first read, as it would here
    chunk = max(1, len(todo) // (count * 16))  # small enough to share out unequal bodies evenly
    # forkserver: workers start clean instead of inheriting the caller's state (as print's do).
    with ProcessPoolExecutor(count, mp_context=get_context("forkserver")) as pool:
        items = [(body.body, body.first_line) for body in todo]
        for body, parts in zip(todo, pool.map(_parts, items, chunksize=chunk)):
            body.adopt(parts)


def _parts(item: tuple[str, int]) -> tuple:
    return ParsedBody(*item).parts()
