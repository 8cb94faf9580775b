"""The print edition of a Library: which PDFs to make, making them, writing them out.

PDFs are laid out in worker processes (one per core) because WeasyPrint is
single-threaded; a character no font can draw fails the run with every place
it occurs, after all PDFs have been tried.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path

from ..config import CONFIG_FILE
from ..errors import GazetteError
from ..findings import Report
from ..library.document import Document
from ..library.issue import Issue
from ..library.library import Library
from .. import urls
from .cache import PdfCache
from .compose import Composer
from .glyphs import missing_glyph_report
from .render import Rendered, render_pdf

Tick = Callable[[int, int], None]


@dataclass(frozen=True)
class Job:
    target: str  # site-relative path of the PDF
    html: str
    sources: tuple[str, ...]  # project files whose text the PDF prints, its own first (for messages)


@dataclass
class Made:
    files: int = 0
    pages: int = 0
    warnings: Report = field(default_factory=Report)


class Edition:
    """The PDFs of one Library: an issue's print edition, and each public document alone."""

    def __init__(self, library: Library):
        self.library = library
        self.composer = Composer(library, library.config.base_url)
        self.cache = PdfCache(library.config.root / "build" / ".cache" / "print")

    def issue_job(self, issue: Issue) -> Job:
        sources = (issue.rel, CONFIG_FILE, *(doc.rel for doc in issue.documents))
        return Job(urls.issue_pdf(issue.year, issue.number), self.composer.issue_html(issue), sources)

    def document_job(self, doc: Document) -> Job:
        return Job(urls.document_pdf(doc.id), self.composer.document_html(doc), (doc.rel, CONFIG_FILE))

    def jobs(self) -> list[Job]:
        """Every issue, then every public document (never library.documents: the publication gate)."""
        return [*(self.issue_job(i) for i in self.library.issues),
                *(self.document_job(d) for d in self.library.public)]

    def make(self, jobs: list[Job], out: Path, tick: Tick | None = None) -> Made:
        """Render `jobs` into `out`; raise GazetteError listing every character no font has."""
        made, missing = Made(), defaultdict(set)
        for count, (job, rendered) in enumerate(self._render(jobs), 1):
            for char in rendered.missing:
                missing[char].update(job.sources)
            for message in rendered.warnings:
                made.warnings.warning(job.sources[0], 1, f"生成 {job.target} 时：{message}")
            if not rendered.missing:  # a PDF with empty boxes in it is never written
                target = out / job.target
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(rendered.pdf)
                made.files += 1
                made.pages += rendered.pages
            if tick:
                tick(count, len(jobs))
        if missing:
            report = missing_glyph_report(missing, self.library.config.root)
            raise GazetteError("印刷版中有无法印出的字符：\n" + "\n".join(f.format() for f in report.findings))
        return made

    def _render(self, jobs: list[Job]) -> Iterator[tuple[Job, Rendered]]:
        """Cached PDFs first, then the rest laid out anew (and kept for the next build)."""
        keys = {job: self.cache.key(job.html) for job in jobs}
        fresh = []
        for job in jobs:
            cached = self.cache.get(keys[job])
            if cached is None:
                fresh.append(job)
            else:
                yield job, cached
        for job, rendered in self._layout(fresh):
            if not rendered.missing and not rendered.warnings:
                self.cache.put(keys[job], rendered)
            yield job, rendered

    def _layout(self, jobs: list[Job]) -> Iterator[tuple[Job, Rendered]]:
        if not jobs:
            return
        content = self.library.config.content_dir
        workers = min(len(os.sched_getaffinity(0)), len(jobs))
        if workers <= 1:
            yield from ((job, render_pdf(job.html, content)) for job in jobs)
            return
        # forkserver: workers start clean instead of inheriting MkDocs' and fontconfig's state.
        with ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
            yield from zip(jobs, pool.map(render_pdf, [job.html for job in jobs], repeat(content)))
