"""How many worker processes the expensive steps use: body conversion, search shards, PDF layout."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from .errors import GazetteError

WORKERS_ENV = "GAZETTE_JOBS"  # default: one per core


def workers(requested: int | None = None) -> int:
    """The number of worker processes: `requested`, else $GAZETTE_JOBS, else one per core."""
    if requested is None and os.environ.get(WORKERS_ENV):
        try:
            requested = int(os.environ[WORKERS_ENV])
        except ValueError:
            raise GazetteError(f"环境变量 {WORKERS_ENV} 应为正整数（同时工作的进程数），现为“{os.environ[WORKERS_ENV]}”。") from None
    if requested is not None and requested < 1:
        raise GazetteError(f"同时工作的进程数应为正整数，现为 {requested}。")
    return requested or len(os.sched_getaffinity(0))


def process_pool(count: int) -> ProcessPoolExecutor:
    """`count` worker processes. forkserver: each starts clean instead of inheriting the caller's state (a
    forked copy of a loaded Library would cost memory and copy threads' locks)."""
    return ProcessPoolExecutor(count, mp_context=get_context("forkserver"))
