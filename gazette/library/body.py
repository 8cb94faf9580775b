"""A document body read once: its links with their file lines, its HTML and anchors.

Each part is computed on first use and kept (Document.parsed holds one
ParsedBody per document): the publication gate needs only the links, the link
check the anchors of the documents linked with a fragment, the feeds and open
data the HTML, print a copy of the converted tree (`marked_html`). The conversion is the one
MkDocs makes of the page (gazette.markdown.convert_page), so the site takes it
too (gazette.site.converted); for a whole Library it is made in worker
processes (gazette.library.bodies) and each body takes its parts when first read;
parts and check results made by an earlier run are kept on disk (gazette.library.bodycache).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markdown import Markdown

from ..findings import Report
from ..markdown import Conversion, PageConversion, Rendered, convert_page, render, rendered
from ..mdsource import RawTag, autolinks, html_tags, prose, raw_tags
from ..yamlsource import split_front_matter

_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")  # [^1]: is a footnote


@dataclass
class Link:
    target: str
    line: int
    image: bool = False


class ParsedBody:
    def __init__(self, body: str, first_line: int, converter: Markdown | None = None):
        self.body, self.first_line = body, first_line  # first_line: the file line of the body's first line
        self._converter = converter  # a converter to reuse (gazette.markdown.convert_page), else a new one
        self._page: PageConversion | None = None
        self._converted = False
        self._pending: tuple[Callable[[], tuple | None], bool] | None = None  # made elsewhere: its parts, new?
        self._rendered: Rendered | None = None
        self._conversion: Conversion | None = None  # kept for `marked_html` only: a tree is large
        self._links: list[Link] | None = None
        self._raw_tags: list[RawTag] | None = None
        self._rendered_tags: frozenset[tuple[str, tuple]] | None = None
        self._derived: dict[str, tuple[object, object]] = {}  # name -> (what it was derived from, result)
        self._lasting: set[str] = set()  # the names of `_derived` that are kept on disk too
        self._made_here = False  # converted in this run (here or in a worker process), not taken from disk
        self._unsaved = False  # something lasting made in this run is not on disk yet (gazette.library.bodycache)

    def derived(self, name: str, compute: Callable[[], object], source: object = None, lasting: bool = False) -> object:
        """`compute()`, kept with this parse under `name` while `source` (what else it reads) is the same.

        `gazette serve` keeps the parse of a body that did not change, so a check that depends only on the
        body (and `source`, e.g. the whole file's text) is not redone for it after every save. `lasting`:
        the result depends on nothing but the body, its first line, gazette's code and `source` (a picklable
        value), so it is kept on disk for later runs too (gazette.library.bodycache)."""
        kept = self._derived.get(name)
        if kept is None or kept[0] != source:
            kept = self._derived[name] = (source, compute())
            self._unsaved |= lasting
        if lasting:
            self._lasting.add(name)
        return kept[1]

    @cached_property
    def digest(self) -> bytes:
        """The SHA-256 of the body's text: what its conversion and lasting results are made from."""
        return hashlib.sha256(self.body.encode("utf-8", "surrogatepass")).digest()

    def lasting(self) -> dict[str, tuple[object, object]]:
        """name -> (source, result) of every lasting `derived` result (for gazette.library.bodycache)."""
        return {name: self._derived[name] for name in self._lasting}

    def recall(self, results: dict[str, tuple[object, object]]) -> None:
        """Take lasting `derived` results of the same body and first line made by an earlier run."""
        for name, kept in results.items():
            self._derived.setdefault(name, kept)
            self._lasting.add(name)

    @property
    def unsaved(self) -> bool:
        """Whether this run made a conversion or a lasting result of the body that is not on disk yet."""
        if self._pending is not None and self._pending[1]:
            self._settle()  # converted by a worker process
        return self._unsaved

    @property
    def made_here(self) -> bool:
        """Whether this run converted the body (here or in a worker), rather than taking it from disk."""
        return self._made_here

    def saved(self) -> None:
        """What this run made of the body is on disk now (gazette.library.bodycache)."""
        self._unsaved = False

    @property
    def page_text(self) -> str:
        """What MkDocs converts for the page: its front-matter reader drops the blank lines after the block."""
        return self.body.lstrip("\n")

    @property
    def raw_tags(self) -> list[RawTag]:
        """Every raw HTML start tag (and declaration) of the body's prose (gazette.mdsource.raw_tags)."""
        self._scan()
        return self._raw_tags

    @property
    def links(self) -> list[Link]:
        """Every link and image destination outside code, with its file line."""
        self._scan()
        return self._links

    def _scan(self) -> None:
        """Read the prose once for both its raw tags and its links (kept on disk too: they are file lines)."""
        if self._links is None:
            self._raw_tags, self._links = self.derived("scan", self._read_prose, lasting=True)

    def _read_prose(self) -> tuple[list[RawTag], list[Link]]:
        lines = prose(self.body)
        tags = raw_tags(self.body, lines)
        return tags, list(_links_in(lines, self.first_line, tags))

    @property
    def converted(self) -> bool:
        """Converted, or being converted elsewhere (gazette.library.bodies)."""
        return self._converted or self._pending is not None

    def convert(self) -> None:
        """Convert the body as MkDocs converts its page (once; `html`, `anchors` and `page` read it)."""
        self._settle()
        if not self._converted:
            self._page, self._converted = convert_page(self.page_text, self._converter), True
            self._made_here = self._unsaved = True

    @property
    def page(self) -> PageConversion | None:
        """The body as MkDocs converts its page, or None when MkDocs must convert it (convert_page)."""
        self.convert()
        return self._page

    def _rendering(self) -> Rendered:
        self._settle()
        if self._rendered is None:
            if self.page is not None:
                self._rendered = rendered(self.page.html(), self.page.toc_tokens)
            else:  # a page MkDocs converts itself (gazette.markdown.convert_page): the dialect's conversion
                self._conversion = Conversion(self.page_text)
                self._rendered = render(self._conversion)
        return self._rendered

    @property
    def html(self) -> str:
        """The body in the gazette's Markdown dialect (gazette.markdown), links as written."""
        return self._rendering().html

    @property
    def anchors(self) -> frozenset[str]:
        """Every anchor the body defines: heading ids and explicit {#id} / id="…"."""
        return self._rendering().anchors

    @property
    def rendered_tags(self) -> frozenset[tuple[str, tuple]]:
        """Every distinct start tag of `html` as (tag, attributes) (gazette.mdsource.html_tags)."""
        self._settle()
        if self._rendered_tags is None:
            self._rendered_tags = frozenset((tag.tag, tag.attrs) for tag in html_tags(self.html))
        return self._rendered_tags

    def marked_html(self, mark: Callable[[etree.Element], None]) -> str:
        """The HTML of a copy of the converted tree after `mark` changed it (print's roles).

        Print reads the tree last, so the conversion is let go afterwards (html,
        anchors and text stay); a second call converts the body again.
        """
        conversion, self._conversion = self._conversion or Conversion(self.page_text), None
        root = conversion.tree()
        mark(root)
        return conversion.finish(root)

    def conversion_parts(self) -> tuple:
        """What `convert` and the tag scan computed, to hand from a worker process to `adopt`."""
        self._rendering()
        rendered_html = self._rendered if self.page is None else None  # else the page's HTML, put together again
        return self.page, rendered_html, self.rendered_tags

    def adopt(self, parts: tuple) -> None:
        """Take the `conversion_parts` of the same text computed elsewhere."""
        self._page, self._rendered, self._rendered_tags = parts
        self._converted = True

    def made_parts(self) -> tuple | None:
        """The `conversion_parts` if the body has been converted here or in a worker process, else None
        (nothing is converted for it)."""
        self._settle()
        return self.conversion_parts() if self._converted else None

    def await_parts(self, parts: Callable[[], tuple | None], new: bool = True) -> None:
        """Take the parts `parts()` returns when first read: made by a worker process of this run
        (gazette.library.bodies) or, not `new`, by an earlier run (gazette.library.bodycache); if it returns
        None, the body converts itself."""
        self._pending = (parts, new)

    def _settle(self) -> None:
        if self._pending is not None:
            (parts, new), self._pending = self._pending, None
            made = parts()
            if made is not None:
                self.adopt(made)
                if new:
                    self._made_here = self._unsaved = True


def _links_in(lines: list[str], first_line: int, tags: list[RawTag]) -> Iterator[Link]:
    """Every link and image destination outside code (`lines`: the prose), in Markdown or raw HTML, with its
    file line."""
    for number, text in enumerate(lines, first_line):
        for found in _INLINE.finditer(text):
            yield Link(found.group(1), number, found.group(0).startswith("!"))
        ref = _REFERENCE.match(text)
        if ref:
            yield Link(ref.group(1), number)
        for url in autolinks(text):
            yield Link(url if "://" in url else f"mailto:{url}", number)  # <name@host> is an e-mail link
    for tag in tags:
        for name, value in tag.attrs:
            if name in ("href", "src"):
                yield Link(value, tag.line + first_line - 1, tag.tag == "img")


def parse_file(path: Path) -> ParsedBody:
    """A content .md file that is not a document (content/index.md …), its front matter optional."""
    text = path.read_text(encoding="utf-8", errors="replace")
    split = split_front_matter(text, str(path), Report()) if text.startswith("---") else None  # open block: all text
    return ParsedBody(split.body, split.body_first_line) if split else ParsedBody(text, 1)
