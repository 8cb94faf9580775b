"""The print edition of a Library: which PDFs to make, making them, writing them out.

An issue is laid out once: its print edition, the pages each document takes in
it, and the PDF of each document printed there as it is alone (cut from those
pages, gazette.print.cut); only documents in no issue, or printed differently
alone, are laid out on their own. PDFs are laid out in worker processes (one
per core, or $GAZETTE_JOBS) because WeasyPrint is single-threaded; a character no font can draw fails the run with every place
it occurs, after all PDFs have been tried.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from ..config import CONFIG_FILE
from ..errors import GazetteError
from ..findings import Report
from ..jobs import process_pool, workers
from ..library.document import Document
from ..library.issue import Issue
from ..library.library import Library
from .. import urls
from ..library.printed import PrintedPages
from .cache import Entry, PdfCache
from .compose import Composer, anchor
from .cut import Cut
from .glyphs import missing_glyph_report
from .render import Rendered, render_pdf

Tick = Callable[[int, int], None]


@dataclass(frozen=True)
class Job:
    target: str  # site-relative path of the PDF
    html: str
    sources: tuple[str, ...]  # project files whose text the PDF prints, its own first (for messages)
    issue: Issue | None = None  # the issue this PDF is the print edition of
    articles: tuple[tuple[str, str], ...] = ()  # (anchor, document id) of each article printed in it
    cuts: tuple[Cut, ...] = ()  # the documents whose own PDF is cut from this layout


@dataclass
class Made:
    files: int = 0
    pages: int = 0
    warnings: Report = field(default_factory=Report)
    written: dict[str, Path | bytes] = field(default_factory=dict)  # target -> file (or bytes) to publish
    printed: dict[str, PrintedPages] = field(default_factory=dict)  # document id -> pages in its issue


class Edition:
    """The PDFs of one Library: an issue's print edition, and each public document alone."""

    def __init__(self, library: Library, jobs: int | None = None):
        self.library = library
        self.composer = Composer(library, library.config.base_url)
        self.cache = PdfCache(library.config.root / "build" / ".cache" / "print")
        self.workers = workers(jobs)

    def issue_job(self, issue: Issue, cut: bool = False) -> Job:
        """An issue's print edition; with `cut`, also the PDFs of the documents it prints as they are alone."""
        sources = (issue.rel, CONFIG_FILE, *(doc.rel for doc in issue.documents))
        cuts = tuple(Cut(anchor(doc), urls.document_pdf(doc.id), self.composer.document_meta(doc))
                     for doc in issue.documents if cut and self.composer.same_alone(doc))
        return Job(urls.issue_pdf(issue.year, issue.number), self.composer.issue_html(issue), sources,
                   issue=issue, articles=tuple((anchor(doc), doc.id) for doc in issue.documents), cuts=cuts)

    def document_job(self, doc: Document) -> Job:
        return Job(urls.document_pdf(doc.id), self.composer.document_html(doc), (doc.rel, CONFIG_FILE))

    def jobs(self) -> list[Job]:
        """Every issue (with the documents cut from it), then every other public document laid out alone
        (never library.documents: the publication gate)."""
        issues = [self.issue_job(issue, cut=True) for issue in self.library.issues]
        cut = {c.target for job in issues for c in job.cuts}
        alone = [self.document_job(d) for d in self.library.public if urls.document_pdf(d.id) not in cut]
        return [*issues, *alone]

    def make(self, jobs: list[Job], out: Path | None = None, tick: Tick | None = None) -> Made:
        """Lay out `jobs`; write them into `out` if given, else keep where they are (Made.written) for the
        site. Raise GazetteError listing every character no font has."""
        made, missing = Made(), defaultdict(set)
        for count, (job, result) in enumerate(self._render(jobs), 1):
            for char in result.missing:
                missing[char].update(job.sources)
            for message in result.warnings:
                made.warnings.warning(job.sources[0], 1, f"生成 {job.target} 时：{message}")
            if not result.missing:  # a PDF with empty boxes in it is never written
                files = {job.target: result.pdf, **result.parts}
                for target, pdf in files.items():
                    made.written[target] = pdf
                    if out is not None:
                        _write(out / target, pdf)
                made.files += len(files)
                made.pages += result.pages
                for anchor_name, doc_id in job.articles:
                    if anchor_name in result.ranges:
                        made.printed[doc_id] = PrintedPages(job.issue, *result.ranges[anchor_name])
            if tick:
                tick(count, len(jobs))
        if missing:
            report = missing_glyph_report(missing, self.library.config.root)
            raise GazetteError("印刷版中有无法印出的字符：\n" + "\n".join(f.format() for f in report.findings))
        return made

    def _render(self, jobs: list[Job]) -> Iterator[tuple[Job, Entry | Rendered]]:
        """Cached PDFs first, then the rest laid out anew (and kept for the next build)."""
        fresh, keys = [], []
        for job in jobs:
            key = self.cache.key(job.html, repr(job.cuts))
            cached = self.cache.get(key)
            if cached is None:
                fresh.append(job)
                keys.append(key)
            else:
                yield job, cached
        for key, (job, rendered) in zip(keys, self._layout(fresh)):
            if not rendered.missing and not rendered.warnings:
                yield job, self.cache.put(key, rendered)
            else:
                yield job, rendered

    def _layout(self, jobs: list[Job]) -> Iterator[tuple[Job, Rendered]]:
        if not jobs:
            return
        content = self.library.config.content_dir
        arguments = ([job.html for job in jobs], repeat(content), [tuple(a for a, _ in job.articles) for job in jobs],
                     [job.cuts for job in jobs])
        count = min(self.workers, len(jobs))
        if count <= 1:
            yield from zip(jobs, map(render_pdf, *arguments))
            return
        with process_pool(count) as pool:  # workers start clean of MkDocs' and fontconfig's state
            yield from zip(jobs, pool.map(render_pdf, *arguments))


def _write(target: Path, pdf: Path | bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf if isinstance(pdf, bytes) else pdf.read_bytes())
