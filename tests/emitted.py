"""Helpers for the tests of feeds and open data: building a site and reading what it emitted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from projects import REPO

EPOCH_2025 = "1735660800"  # 2025-01-01 00:00 Beijing time, as in conftest


def build(root: Path, out: Path, epoch: str = EPOCH_2025) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    return subprocess.run([sys.executable, "-m", "gazette", "-C", str(root), "build", "--out", str(out)],
                          env=env, capture_output=True, text=True)


def site_url(root: Path = REPO) -> str:
    return yaml.safe_load((root / "gazette.yml").read_text(encoding="utf-8"))["site_url"]


def page_files(site: Path) -> dict[str, Path]:
    """Site-relative URL -> index.html of every HTML page (404.html is not a page)."""
    return {("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"): p
            for p in site.rglob("index.html")}


def listed_documents(html: str) -> list[str]:
    """The document links of a rendered listing, in order (from the template's list markup)."""
    return re.findall(r'<a class="gz-list__title" href="([^"]+)"', html)


def head(html: str) -> str:
    return html.split("</head>", 1)[0]
