"""The state of one site build: the checked Library handed to MkDocs, and what the build collects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..emit.catalogue import catalogue
from ..library.library import Library
from ..library.links import LinkResolver
from ..pipeline import SiteOutput, before_render
from ..print.step import PrintRun
from ..progress import Progress
from . import furniture
from .collections import collection_view
from .incremental import SiteCache, mark_unmodified, page_key, stamp
from .pages import GeneratedPage, generated_pages, home_view
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
    cache: SiteCache | None = None  # the last good site's pages (gazette build): render only what changed

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
        self.views = Views(self.library, self.feeds, self.print_run.printing, preview=prepared.preview)
        self.pages: dict[str, GeneratedPage] = {p.src_uri: p for p in generated_pages(self.library, self.views)}
        self.documents = {urls.document_source(doc.id): doc for doc in self.library.public}
        self.collections = {urls.collection_source(c.slug): c for c in self.library.collections}
        self.bodies: dict[str, str] = {}  # document id -> rendered body HTML (MkDocs' page.content)
        self.rendered = 0
        self.total = 0
        self.contexts: dict[str, tuple] = {}  # src_uri -> (title, the gazette data of its page), computed by plan
        self.keys: dict[str, str] = {}  # document id -> its page's key (with a cache)
        self.reused: set[str] = set()  # document ids whose page was taken from the last good site

    def context(self, src: str, title: str | None, is_homepage: bool) -> dict:
        """What gazette hands the template of a page (`gazette` in the template context)."""
        known_title, known = self.contexts.pop(src, (None, None))  # used once: memory is not held to the end
        if known is not None and known_title == title:
            return known
        view = None
        if src in self.documents:
            view = self.views.document(self.documents[src])
        elif src in self.collections:
            view = collection_view(self.library, self.views, self.collections[src])
        elif src in self.pages:
            view = self.pages[src].view()
        elif is_homepage:  # the editors' own content/index.md
            view = home_view(self.library, self.views)
        return {"site": self.site(), "view": view,
                **furniture.furnish(self.library, src, title, self.documents.get(src), view)}

    def plan(self, files, config) -> None:
        """With a cache: key every page, take unchanged ones from the last good site, mark them unmodified."""
        cache = self.prepared.cache
        if cache is None:
            return
        theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        site_stamp = stamp(self.prepared.root, theme, f"pdfs={self.print_run.printing.pdfs}")
        sources = sorted(f.src_uri for f in files.documentation_pages())
        resolver = LinkResolver(self.library)
        for file in files.documentation_pages():
            key = page_key(site_stamp, file.src_uri, file.content_bytes, self._key_data(file, sources, resolver))
            doc = self.documents.get(file.src_uri)
            if doc is not None:
                self.keys[doc.id] = key
            if cache.reuse(file.dest_uri, key, Path(file.abs_dest_path), body_needed=doc is not None):
                mark_unmodified(file)
                self.contexts.pop(file.src_uri, None)  # not rendered: its data is not needed
                if doc is not None:
                    self.reused.add(doc.id)

    def _key_data(self, file, sources: list[str], resolver) -> dict:
        """Besides its source, what a page is made from: its gazette data, and for a document how its links
        resolve; an editor's own page (title known only once read) depends on which pages exist."""
        src = file.src_uri
        known = src in self.documents or src in self.collections or src in self.pages or src == "index.md"
        if not known:
            return {"pages": sources}
        title = _known_title(self, file)
        self.contexts[src] = (title, self.context(src, title, is_homepage=src == "index.md"))
        doc = self.documents.get(src)
        links = [_link_data(resolver.resolve(doc, link.target)) for link in doc.parsed.links] if doc else []
        return {"gazette": self.contexts[src][1], "links": links}

    def site(self) -> dict:
        settings = self.library.config
        return {"name": settings.name, "publisher": settings.publisher, "sample": settings.sample}

    def output(self, site_dir: Path) -> SiteOutput:
        """What the steps after rendering work from; with a cache, bodies rendered now are kept in it and
        bodies of pages taken from the last good site come from it."""
        cache = self.prepared.cache
        if cache is not None:
            for doc_id, key in self.keys.items():
                if doc_id in self.reused:
                    self.bodies[doc_id] = cache.body(key)
                elif doc_id in self.bodies:
                    cache.keep_body(key, self.bodies[doc_id])
        return SiteOutput(self.library, site_dir, self.feeds, self.bodies, self.print_run,
                          cache.digests if cache is not None else {})


def _known_title(build: SiteBuild, file) -> str | None:
    """The title MkDocs will give a page of ours: the nav's, else its front matter's."""
    src = file.src_uri
    if file.page is not None and file.page.title:
        return file.page.title
    if src in build.pages:
        return build.pages[src].title
    item = build.documents.get(src) or build.collections.get(src)
    return item.title if item is not None else None


def _link_data(target) -> list:
    document = target.document
    return [target.href, target.kind.value, str(target.file or ""), document.id if document else "",
            bool(document and document.is_public)]
