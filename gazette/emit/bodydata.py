"""A document's body as open data: sanitised HTML with absolute links, and its plain text.

Both come from the body read once in memory (gazette.library.body, the gazette's
Markdown dialect) and pass through the same sanitiser as the site
(gazette.sanitize). Links are read by the library's one link resolver
(gazette.library.links) and become full URLs on the site, as in print: a link
to a document that is not 主动公开 keeps only its text.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from ..library.htmltext import SKIPPED_CLASSES, html_text
from ..library.document import Document
from ..library.library import Library
from ..library.links import Kind, LinkResolver
from ..sanitize import clean

WRAPPER_TAG = "div"  # the element that holds a body's fragment while its links are rewritten
WRAPPER = (f"<{WRAPPER_TAG}>", f"</{WRAPPER_TAG}>")


def plain_text(html: str) -> str:
    """The text a reader sees, one block (paragraph, heading, list item, cell) per line."""
    lines = (" ".join(line.split()) for line in html_text(html).splitlines())
    return "\n".join(line for line in lines if line)


class BodyData:
    """Bodies of one Library's documents as open data (the link resolver is built once)."""

    def __init__(self, library: Library):
        self.library = library
        self.resolver = LinkResolver(library)
        self._cleaned: tuple[str, str] = ("", "")  # (document id, its sanitised body): text and html read it in turn

    def cleaned(self, doc: Document) -> str:
        """The sanitised body (gazette.sanitize), made once for a document's text and html."""
        if self._cleaned[0] != doc.id:
            self._cleaned = (doc.id, clean(doc.parsed.html))
        return self._cleaned[1]

    def html(self, doc: Document) -> str:
        """The sanitised body, links and images as full URLs, without the headings' permalinks."""
        cleaned = self.cleaned(doc)
        if not cleaned.strip():
            return ""
        root = lxml_html.fragment_fromstring(cleaned, create_parent=WRAPPER_TAG)
        for element in list(root.iter("a", "img")):
            if SKIPPED_CLASSES.intersection((element.get("class") or "").split()):
                element.drop_tree()
                continue
            attribute = "href" if element.tag == "a" else "src"
            if element.get(attribute) is None:
                continue
            url = self.address(doc, element.get(attribute))
            if url is not None:
                element.set(attribute, url)
            elif element.tag == "a":
                element.drop_tag()  # the text stays, the link goes
            else:
                element.drop_tree()
        return lxml_html.tostring(root, encoding="unicode")[len(WRAPPER[0]):-len(WRAPPER[1])]

    def text(self, doc: Document) -> str:
        return plain_text(self.cleaned(doc))

    def address(self, doc: Document, href: str) -> str | None:
        """The full URL a link of `doc` points to on the site, or None when it has none to publish."""
        page = self.library.absolute(doc.url)
        target = self.resolver.resolve(doc, href)
        fragment = urlsplit(href).fragment
        if target.kind is Kind.EXTERNAL:
            return href
        if target.kind in (Kind.ANCHOR, Kind.PAGE):
            return urljoin(page, href)  # as a browser on the page would follow it
        if target.kind is Kind.DOCUMENT:
            if not target.document.is_public:
                return None
            return self.library.absolute(target.document.url) + (f"#{fragment}" if fragment else "")
        if target.kind is Kind.FILE and target.file.suffix != ".md":
            return self.library.absolute(target.file.relative_to(self.resolver.content).as_posix())  # published in place
        return None
