#!/usr/bin/env python3
"""Benchmark: feeds, OPML, calendar, open data, sitemap and JSON-LD for the npc-laws corpus gazette.

Usage: scripts/bench_emit.py [--limit N]
Loads the corpus gazette once, then times each part of the emit step (and the
JSON-LD of every page) in this process, reports the sizes of what it wrote,
and the peak memory the whole emit step allocates (tracemalloc, a second run).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
sys.path.insert(0, str(SCRIPTS.parent))
from corpus_gazette import CORPUS, make  # noqa: E402

from gazette.emit import jsonld  # noqa: E402
from gazette.emit.catalogue import catalogue, sections  # noqa: E402
from gazette.emit.feeds import write_feeds  # noqa: E402
from gazette.emit.ics import write_calendar  # noqa: E402
from gazette.emit.opendata import write_open_data  # noqa: E402
from gazette.emit.opml import write_opml  # noqa: E402
from gazette.emit.sitemap import write_sitemap  # noqa: E402
from gazette.emit.step import emit  # noqa: E402
from gazette.project import load_and_check  # noqa: E402


def timed(label: str, run) -> object:
    start = time.perf_counter()
    result = run()
    print(f"  {label:<22} {time.perf_counter() - start:6.2f} s")
    return result


def sizes(site: Path) -> None:
    feeds = sorted((site / "feeds").rglob("*.xml"), key=lambda p: p.stat().st_size)
    print(f"  feeds:                 {len(feeds)} files, {sum(p.stat().st_size for p in feeds) / 2**20:.1f} MiB; "
          f"all.xml {(site / 'feeds/all.xml').stat().st_size / 2**20:.2f} MiB")
    for name in ("feeds/subscriptions.opml", "feeds/deadlines.ics", "api/documents.json",
                 "api/documents.schema.json", "sitemap.xml", "sitemap.xml.gz"):
        print(f"  {name:<26} {(site / name).stat().st_size / 1024:8.1f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus files")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735660800")
    root = Path(tempfile.mkdtemp(prefix="gazette-bench-emit-"))
    count = make(root, CORPUS, args.limit)
    library, _ = load_and_check(root)
    site = root / "site"
    site.mkdir()
    print(f"documents: {count} ({len(library.public)} public)")
    feeds = timed("catalogue", lambda: catalogue(library))
    timed("Atom feeds", lambda: write_feeds(library, feeds, site))
    timed("OPML", lambda: write_opml(library, sections(feeds), site))
    timed("deadline calendar", lambda: write_calendar(library, site))
    timed("documents.json+schema", lambda: write_open_data(library, site))
    timed("sitemap", lambda: write_sitemap(library, feeds, site))
    timed("JSON-LD of every page", lambda: [jsonld.script(library, doc) for doc in library.public])
    total = time.perf_counter()
    emit(library, site)
    print(f"  {'whole step (again)':<22} {time.perf_counter() - total:6.2f} s")
    tracemalloc.start()
    emit(library, site)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  peak allocated by the step: {peak / 2**20:.0f} MiB")
    sizes(site)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
