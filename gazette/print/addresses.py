"""Absolute addresses for print: a document's page, links in its body, its images.

Paper has no "current page", so every link becomes a full URL on the site
(gazette.yml `site_url`); what a link points to is read by the library's one
link resolver (gazette.library.links). Images are read from content/ only.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..library.document import Document
from ..library.library import Library
from ..library.links import Kind, LinkResolver as Resolver, Target
from .body import LinkResolver


class Addresses:
    def __init__(self, library: Library, base: str):
        self.library = library
        self.base = base  # ends with "/"
        self.resolver = Resolver(library)

    def page(self, doc: Document) -> str:
        return self.base + doc.url

    def links(self, doc: Document) -> LinkResolver:
        return lambda href: self._link(doc, href)

    def images(self, doc: Document) -> LinkResolver:
        return lambda src: self._image(doc, src)

    def _link(self, doc: Document, href: str) -> str | None:
        target = self.resolver.resolve(doc, href)
        fragment = urlsplit(href).fragment
        fragment = f"#{fragment}" if fragment else ""
        if target.kind is Kind.EXTERNAL:
            return href
        if target.kind in (Kind.ANCHOR, Kind.PAGE):
            return urljoin(self.page(doc), href)  # the address a browser on the page would follow
        if target.kind is Kind.DOCUMENT:
            return self.page(target.document) + fragment if target.document.is_public else None
        if target.kind is not Kind.FILE:
            return None
        if target.file.suffix != ".md":
            # A file published beside the source (attachment), at its place inside content/.
            return urljoin(self.base + doc.url.rsplit("/", 2)[0] + "/", href)
        return None if self._under_documents(target) else self.base + _content_page(self._rel(target.file)) + fragment

    def _image(self, doc: Document, src: str) -> str | None:
        """A file: URI inside content/; anything else (remote, outside) is not printed."""
        if urlsplit(src).scheme == "data":
            return src
        target = self.resolver.resolve(doc, src)
        if target.kind not in (Kind.DOCUMENT, Kind.FILE):
            return None
        file = target.file.resolve()  # the fence holds for symbolic links too
        return file.as_uri() if file.is_relative_to(self.resolver.content.resolve()) else None

    def _rel(self, file: Path) -> str:
        return file.relative_to(self.resolver.content).as_posix()

    def _under_documents(self, target: Target) -> bool:
        return target.file.is_relative_to(self.library.config.documents_dir)


def _content_page(rel: str) -> str:
    """The page URL of a content .md file that is not a document (index.md -> home page)."""
    page = rel.removesuffix(".md")
    return "" if page == "index" else page.removesuffix("/index") + "/"
