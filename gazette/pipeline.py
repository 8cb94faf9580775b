"""Steps that run on the rendered site (feeds, search index, PDFs), in order.

Each concern registers a Step; the MkDocs plugin runs them after rendering, so
`gazette build`, `gazette serve` and a plain `mkdocs build` produce the same site.
One thing happens before rendering (`before_render`): the print edition is laid
out, because pages cite the pages their document is printed on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .checksums import Known, write_checksums
from .emit import step as emit
from .emit.catalogue import Feed
from .library.library import Library
from .library.printed import Printing
from .print.step import PrintRun, lay_out_print_edition, publish_print_edition
from .progress import Progress
from .redirects import write_redirects
from .search.indexer import index_site
from .print.pdfsize import fill_pdf_sizes


@dataclass(frozen=True)
class SiteOutput:
    """What the steps work from: the Library, the rendered site and what rendering collected."""

    library: Library
    site_dir: Path
    feeds: list[Feed]  # every feed of the site (gazette.emit.catalogue)
    bodies: dict[str, str]  # document id -> rendered body HTML
    print_run: PrintRun = PrintRun()  # the laid-out print edition (none: no PDFs in this build)
    digests: dict[str, Known] = field(default_factory=dict)  # path in the site -> its known hash (gazette.checksums)

    @property
    def printing(self) -> Printing:
        return self.print_run.printing


@dataclass(frozen=True)
class Step:
    label: str  # shown in progress, in Chinese
    run: Callable[[SiteOutput, Callable[[int, int], None]], None]  # (output, tick)
    in_preview: bool = True  # False: skipped by `gazette serve` (slow, or needs every page rendered)
    beside_next: bool = False  # True: runs in a thread while the next step runs (neither reads what the other writes)


STEPS: list[Step] = [
    # The preview renders pages on request (gazette.site.preview): no bodies to index; the search page says so.
    # The index is mostly Pagefind's processes and the feeds are Python: the two together keep both cores busy.
    Step("建立检索索引", lambda out, tick: index_site(out.library, out.bodies, out.site_dir), in_preview=False,
         beside_next=True),
    Step(emit.LABEL, lambda out, tick: emit.emit(out.library, out.feeds, out.site_dir, out.printing), in_preview=False),
    Step("发布印刷版 PDF", lambda out, tick: publish_print_edition(out.print_run, out.site_dir), in_preview=False),
    Step("标注 PDF 文件大小", lambda out, tick: out.printing.pdfs and fill_pdf_sizes(out.site_dir), in_preview=False),
    Step("生成原网址跳转页", lambda out, tick: write_redirects(out.library, out.site_dir)),
    Step("生成校验和（SHA256SUMS）", lambda out, tick: write_checksums(out.site_dir, out.digests), in_preview=False),
]


PRINT_LABEL = "排版印刷版 PDF"


def before_render(library: Library, progress: Progress, pdfs: bool, jobs: int | None = None) -> PrintRun:
    """What must be known before pages are rendered: the print edition's layout (none without PDFs)."""
    if not pdfs:
        return PrintRun()
    with progress.step(PRINT_LABEL) as tick:
        return lay_out_print_edition(library, tick, jobs)


def run(output: SiteOutput, progress: Progress, preview: bool = False) -> None:
    """Run every step (in preview, only those needed to preview) with progress; a step `beside_next` runs in a
    thread while the next one runs, and both are done before the one after."""
    steps = [step for step in STEPS if step.in_preview or not preview]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gazette-step") as beside:
        pending: tuple[Step, Future] | None = None
        for step in steps:
            if step.beside_next and pending is None:
                pending = (step, beside.submit(_timed, step, output))
                continue
            with progress.step(step.label) as tick:
                step.run(output, tick)
            if pending is not None:
                _finish(progress, *pending)
                pending = None
        if pending is not None:
            _finish(progress, *pending)


def _timed(step: Step, output: SiteOutput) -> float:
    """Run `step` without a live counter (it shares the terminal); its wall time in seconds."""
    start = time.monotonic()
    step.run(output, lambda done, total: None)
    return time.monotonic() - start


def _finish(progress: Progress, step: Step, future: Future) -> None:
    """Wait for a step run beside another; report it (its errors are raised here, in order)."""
    progress.done(step.label, future.result())
