#!/usr/bin/env python3
"""Benchmark: check and build a gazette made from the npc-laws corpus; report time and memory.

Usage: scripts/bench_build.py [--limit N] [--keep DIR]
Each measurement runs `gazette` in a fresh child process; peak memory is the
child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
from corpus_gazette import CORPUS, make  # noqa: E402


def measure(*args: str) -> tuple[float, float]:
    """(seconds, peak MiB) of one `gazette` run in a child process."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    start = time.perf_counter()
    # A fresh interpreter per run: ru_maxrss of RUSAGE_CHILDREN is the largest child so far,
    # so wrap it in a shell that reports its own child's peak.
    code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")
    result = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "gazette", *args],
                            env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"gazette {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus files")
    parser.add_argument("--keep", type=Path, default=None, help="build the project here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    count = make(root, CORPUS, args.limit)
    corpus_bytes = sum(p.stat().st_size for p in (root / "content" / "documents").rglob("*.md"))
    check_s, check_mb = measure("-C", str(root), "check")
    build_s, build_mb = measure("-C", str(root), "build")
    files, site_bytes = size_of(root / "build" / "site")
    pages = len(list((root / "build" / "site").rglob("index.html")))
    print(f"documents:        {count} ({corpus_bytes / 2**20:.1f} MiB of Markdown)")
    print(f"gazette check:    {check_s:.1f} s, peak {check_mb:.0f} MiB")
    print(f"gazette build:    {build_s:.1f} s, peak {build_mb:.0f} MiB (check included)")
    print(f"site:             {pages} pages, {files} files, {site_bytes / 2**20:.1f} MiB")
    print(f"machine:          {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
