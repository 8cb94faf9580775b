"""One reading of a link in a document body: what its href (or image src) points to.

The rules are written here once (docs/decisions.md, 链接): a path is relative
to the linking document's folder, or to content/ when it starts with `/`; it is
percent-decoded and normalised; a path without a file name (`../../agencies/qfb/`)
is a page URL, resolved against the document's page URL as a browser would.
The link check, the publication gate and print ask this module; each decides
what to do with the answer.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..htmlpolicy import url_scheme
from .document import Document
from .library import Library



class Kind(Enum):
    EXTERNAL = "external"  # a scheme (https:, mailto:, data:) or `//host`
    ANCHOR = "anchor"  # `#fragment` on the same page
    DOCUMENT = "document"  # a document's .md source, public or not
    FILE = "file"  # another file inside content/: an attachment, an image, a content page's .md
    OUTSIDE = "outside"  # a path that leaves content/
    MISSING = "missing"  # a file name inside content/ that does not exist
    PAGE = "page"  # a site URL without a file name


@dataclass(frozen=True)
class Target:
    kind: Kind
    href: str  # as written, without surrounding blanks
    path: str = ""  # percent-decoded path part of href
    fragment: str = ""  # percent-decoded fragment
    file: Path | None = None  # DOCUMENT, FILE, MISSING: the file inside content/
    document: Document | None = None  # DOCUMENT
    url: str = ""  # PAGE: site-relative URL without leading slash ("" for the home page)


class LinkResolver:
    """Classifies the links of a library's documents."""

    def __init__(self, library: Library):
        self.content = library.config.content_dir
        self.by_path = {doc.path: doc for doc in library.documents.values()}

    def resolve(self, doc: Document, href: str) -> Target:
        href = href.strip()
        if not href or url_scheme(href) is not None:
            return Target(Kind.EXTERNAL, href)
        parts = urlsplit(href)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return Target(Kind.ANCHOR, href, path, fragment)
        if path.endswith("/") or "." not in posixpath.basename(path):
            return Target(Kind.PAGE, href, path, fragment, url=_page_url(doc, path))
        file = self.file(doc, path)
        if file is None:
            return Target(Kind.OUTSIDE, href, path, fragment)
        if not file.is_file():
            return Target(Kind.MISSING, href, path, fragment, file)
        document = self.by_path.get(file)
        kind = Kind.DOCUMENT if document is not None else Kind.FILE
        return Target(kind, href, path, fragment, file, document)

    def file(self, doc: Document, path: str) -> Path | None:
        """The file a decoded `path` in `doc` names, if it lies inside content/."""
        base = self.content if path.startswith("/") else doc.path.parent
        resolved = Path(posixpath.normpath((base / path.lstrip("/")).as_posix()))
        inside = resolved.is_relative_to(self.content) and resolved.resolve().is_relative_to(self.content.resolve())
        return resolved if inside else None  # a symbolic link out of content/ is outside too


def _page_url(doc: Document, path: str) -> str:
    base = "/" if path.startswith("/") else "/" + doc.url  # browsers resolve against the page URL
    url = posixpath.normpath(posixpath.join(base, path)).lstrip("/")
    return "" if url in ("", ".") else url.rstrip("/") + "/"
