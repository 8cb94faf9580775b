"""The print edition in `gazette build`: laid out before pages are rendered, published after.

Pages cite the pages a document is printed on, so the issues are laid out
first (gazette/pipeline.py `before_render`); the finished PDFs wait in the PDF cache
(or in memory, the rare PDF the cache refuses) and are put into the site by a
step after rendering (`publish_print_edition`). `gazette serve` and
`gazette build --no-pdf` lay nothing out.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..library.library import Library
from ..library.printed import NO_PDFS, Printing


@dataclass(frozen=True)
class PrintRun:
    printing: Printing = NO_PDFS
    files: dict[str, Path | bytes] = field(default_factory=dict)  # site-relative target -> PDF to publish


def lay_out_print_edition(library: Library, tick: Callable[[int, int], None] | None = None,
                          jobs: int | None = None) -> PrintRun:
    """Every issue's and every public document's PDF, laid out (or taken from the cache), not yet published."""
    from .edition import Edition  # WeasyPrint loads only when PDFs are made

    edition = Edition(library, jobs)
    made = edition.make(edition.jobs(), tick=tick)
    edition.cache.prune()  # a whole edition was made: drop what no longer belongs to it
    for finding in made.warnings.findings:
        print(finding.format(), file=sys.stderr)
    return PrintRun(Printing(pdfs=True, pages=made.printed), made.written)


def publish_print_edition(run: PrintRun, site_dir: Path) -> None:
    """Put the PDFs at their URLs (gazette.urls) in the rendered site: copies, never links into the cache
    (the cache's files are private to the builder; a site file must stay what was published)."""
    for target, pdf in sorted(run.files.items()):
        path = site_dir / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(pdf, bytes):
            path.write_bytes(pdf)
        else:
            shutil.copyfile(pdf, path)
