"""Absolute addresses for print: a document's page, links in its body, its images.

Paper has no "current page", so every link becomes a full URL on the site
(gazette.yml `site_url`), resolved with the same rules as the site's links
(docs/decisions.md, 链接). Images are read from content/ only.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..library.document import Document
from ..library.library import Library
from .body import LinkResolver


class Addresses:
    def __init__(self, library: Library, base: str):
        self.library = library
        self.base = base  # ends with "/"
        self.content = library.config.content_dir.resolve()

    def page(self, doc: Document) -> str:
        return self.base + doc.url

    def links(self, doc: Document) -> LinkResolver:
        return lambda href: self._link(doc, href)

    def images(self, doc: Document) -> LinkResolver:
        return lambda src: self._image(doc, src)

    def _link(self, doc: Document, href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        if not parts.path.endswith(".md"):
            # A file published beside the source (attachment), or a page URL (relative to the page).
            has_file_name = "." in parts.path.rsplit("/", 1)[-1]
            start = self.base + doc.url.rsplit("/", 2)[0] + "/" if has_file_name else self.page(doc)
            return urljoin(start, href)
        source = self._source(doc, parts.path)
        if source is None:
            return None
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        documents = self.library.config.documents_dir.resolve()
        if source.is_relative_to(documents):
            target = self.library.documents.get(source.relative_to(documents).with_suffix("").as_posix())
            return self.page(target) + fragment if target is not None and target.is_public else None
        page = source.relative_to(self.content).with_suffix("").as_posix()
        page = "" if page == "index" else page.removesuffix("/index") + "/"
        return self.base + page + fragment

    def _image(self, doc: Document, src: str) -> str | None:
        """A file: URI inside content/; anything else (remote, outside) is not printed."""
        parts = urlsplit(src)
        if parts.scheme == "data":
            return src
        if parts.scheme or parts.netloc:
            return None
        source = self._source(doc, parts.path)
        return source.as_uri() if source is not None and source.is_file() else None

    def _source(self, doc: Document, path: str) -> Path | None:
        """The file a link in `doc` points to, if it lies inside content/."""
        path = unquote(path)
        if path.startswith("/"):
            target = self.content / path.lstrip("/")
        else:
            target = doc.path.parent.resolve() / path
        target = Path(posixpath.normpath(target.as_posix()))
        return target if target.is_relative_to(self.content) else None
