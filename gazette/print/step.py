"""The print edition as a step of `gazette build` (gazette/pipeline.py; skipped by `gazette serve`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..library.library import Library


def write_print_edition(library: Library, site_dir: Path, tick: Callable[[int, int], None] | None = None) -> None:
    """Every issue's and every public document's PDF, at the URLs of gazette.urls."""
    from .edition import Edition  # WeasyPrint loads only when PDFs are made

    edition = Edition(library)
    made = edition.make(edition.jobs(), site_dir, tick)
    edition.cache.prune()  # a whole edition was made: drop what no longer belongs to it
    for finding in made.warnings.findings:
        print(finding.format(), file=sys.stderr)
