#!/usr/bin/env python3
"""Benchmark of `gazette check --online` against the local HTTPS test server (no other network).

Usage: scripts/bench_links.py [--urls N] [--latency MS]

A project links N distinct service URLs on https://localhost (each answer
delayed by --latency ms, like a distant portal; one in ten redirects). The
check runs with 1, 4 and 8 concurrent requests, then once more within the
cache expiry. Reports wall time and requests per second.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import trustme

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS.parent / "tests"))
import localserver  # noqa: E402
from projects import write_project  # noqa: E402

from gazette.findings import Report  # noqa: E402
from gazette.online.services import Options, check_services  # noqa: E402
from gazette.project import load_and_check  # noqa: E402


def project(root: Path, base: str, urls: int, latency: int) -> Path:
    per_doc, files = 10, {"gazette.yml": "name: 基准\npublisher: 基准\nservice_hosts: [localhost]\n"}
    for doc in range(0, urls, per_doc):
        items = "".join(f"  - title: 事项{n}\n    url: {base}/{'moved' if n % 10 == 0 else 'ok'}?ms={latency}&n={n}\n"
                        for n in range(doc, min(doc + per_doc, urls)))
        files[f"content/documents/2024/bench-{doc}.md"] = (
            "---\ntitle: 关于示例事项的公告\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-06\n"
            f"disclosure: 主动公开\nservices:\n{items}---\n\n正文。\n")
    return write_project(root, files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--latency", type=int, default=50, help="milliseconds per answer")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gazette-links-"))
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(work / "ca.pem"))
    os.environ["REQUESTS_CA_BUNDLE"] = str(work / "ca.pem")
    server = localserver.start(ca)
    try:
        library, report = load_and_check(project(work / "project", server.base, args.urls, args.latency))
        assert report.ok, [f.format() for f in report.findings]
        for jobs in (1, 4, 8):
            server.requests.clear()
            start = time.perf_counter()
            counts = check_services(library, Report(), Options(jobs=jobs, cache_hours=0))
            seconds = time.perf_counter() - start
            print(f"jobs {jobs}:           {counts['urls']} URLs, {len(server.requests)} requests, "
                  f"{seconds:.2f} s, {counts['urls'] / seconds:.0f} URLs/s")
        check_services(library, Report(), Options(jobs=8))  # fill the cache
        server.requests.clear()
        start = time.perf_counter()
        counts = check_services(library, Report(), Options(jobs=8))
        print(f"cached:           {counts['cached']} of {counts['urls']} URLs from the cache, "
              f"{len(server.requests)} requests, {time.perf_counter() - start:.3f} s")
    finally:
        localserver.stop(server)


if __name__ == "__main__":
    main()
