#!/usr/bin/env python3
"""Benchmark: lay out print editions; report pages per second, seconds and peak memory.

Usage: scripts/bench_print.py [--pages N] [--limit N]
Measures (each in a fresh child process, SOURCE_DATE_EPOCH fixed):
- the sample gazette's largest issue;
- an issue of about N pages (default 200) made from ../shared/corpus/npc-laws;
- `gazette build` of the sample, whose PDF step renders every issue and document in parallel.
Layout time is WeasyPrint's alone (the Library is loaded and the HTML composed first);
peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))
from corpus_gazette import CORPUS, make, write_issue  # noqa: E402

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}

# Runs in the child: compose each issue's HTML, then time WeasyPrint on it.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from gazette.print.edition import Edition
from gazette.print.render import render_pdf
from gazette.project import load_and_check
library, report = load_and_check(Path(sys.argv[1]))
assert report.ok, report.summary()
edition = Edition(library)
rows = []
for issue in library.issues:
    job = edition.issue_job(issue)
    start = time.perf_counter()
    rendered = render_pdf(job.html, library.config.content_dir)
    rows.append({"issue": issue.id, "pages": rendered.pages, "seconds": time.perf_counter() - start,
                 "bytes": len(rendered.pdf), "documents": len(issue.documents)})
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"issues": rows, "peak_mib": peak}))
"""


def layout(root: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", CHILD, str(root)], env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"layout of {root} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def build(root: Path, out: Path) -> tuple[float, float, str]:
    """(seconds, peak MiB of the gazette process, seconds of the PDF step) of `gazette build`."""
    code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "gazette", "-C", str(root),
                             "build", "--out", str(out)], env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"gazette build failed:\n{result.stderr[-3000:]}")
    step = re.search(r"生成印刷版 PDF：完成（([\d.]+) 秒）", result.stderr)
    return (time.perf_counter() - start, int(result.stderr.strip().splitlines()[-1]) / 1024,
            step.group(1) if step else "?")


def report(label: str, row: dict, peak: float) -> None:
    print(f"{label}: {row['pages']} pages, {row['documents']} documents, {row['seconds']:.1f} s, "
          f"{row['pages'] / row['seconds']:.1f} pages/s, {row['bytes'] / 2**20:.1f} MiB PDF, peak {peak:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="size of the corpus issue (about)")
    parser.add_argument("--limit", type=int, default=400, help="corpus files to make the project from")
    args = parser.parse_args()

    sample = layout(REPO)
    largest = max(sample["issues"], key=lambda row: row["pages"])
    report(f"sample, largest issue ({largest['issue']})", largest, sample["peak_mib"])

    with tempfile.TemporaryDirectory(prefix="gazette-bench-print-") as folder:
        root = Path(folder) / "corpus"
        make(root, CORPUS, args.limit)
        write_issue(root, args.pages)
        corpus = layout(root)
        report("corpus issue", corpus["issues"][0], corpus["peak_mib"])
        seconds, peak, pdf_seconds = build(REPO, Path(folder) / "site")
        site = Path(folder) / "site"
        pdfs = list(site.rglob("*.pdf"))
    print(f"sample gazette build: {seconds:.1f} s in all, of which {pdf_seconds} s for {len(pdfs)} PDFs; "
          f"peak {peak:.0f} MiB in the gazette process (each PDF worker peaks like a layout above)")
    print(f"machine: {len(os.sched_getaffinity(0))} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
