"""The state of one site build: the checked Library handed to MkDocs, and what the build collects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..emit.catalogue import catalogue
from ..library.library import Library
from ..pipeline import SiteOutput, before_render
from ..print.step import PrintRun
from ..progress import Progress
from .pages import GeneratedPage, generated_pages
from .views import Views


@dataclass
class Prepared:
    """A checked Library, ready to be rendered."""

    root: Path
    library: Library
    progress: Progress
    preview: bool = False  # `gazette serve`: steps not needed to preview are skipped
    tick: Callable[[int, int], None] | None = None  # progress of page rendering
    pdfs: bool = True  # lay out and publish the print edition (`gazette build --no-pdf`: False; never in preview)
    jobs: int | None = None  # PDFs laid out at once (None: $GAZETTE_JOBS or one per core)
    print_run: PrintRun | None = None  # the print edition once laid out (gazette.pipeline.before_render)

    def laid_out(self) -> PrintRun:
        """The print edition, laid out now if nobody has yet (a plain `mkdocs build`)."""
        if self.print_run is None:
            self.print_run = before_render(self.library, self.progress, self.pdfs and not self.preview, self.jobs)
        return self.print_run


class SiteBuild:
    """One run of MkDocs over a Library: its views and pages, and the document bodies it rendered."""

    def __init__(self, prepared: Prepared):
        self.prepared = prepared
        self.library = prepared.library
        self.print_run = prepared.laid_out()
        self.feeds = catalogue(self.library)
        self.views = Views(self.library, self.feeds, self.print_run.printing)
        self.pages: dict[str, GeneratedPage] = {p.src_uri: p for p in generated_pages(self.library, self.views)}
        self.documents = {urls.document_source(doc.id): doc for doc in self.library.public}
        self.collections = {urls.collection_source(c.slug): c for c in self.library.collections}
        self.bodies: dict[str, str] = {}  # document id -> rendered body HTML (MkDocs' page.content)
        self.rendered = 0
        self.total = 0

    def site(self) -> dict:
        settings = self.library.config
        return {"name": settings.name, "publisher": settings.publisher, "sample": settings.sample}

    def output(self, site_dir: Path) -> SiteOutput:
        return SiteOutput(self.library, site_dir, self.feeds, self.bodies, self.print_run)
