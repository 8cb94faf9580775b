"""Document bodies as print HTML: the gazette's Markdown dialect plus GB/T 9704 roles.

The body's one conversion in the site's dialect (gazette.library.body) is
reused: on a copy of its tree, one pass marks what the print layout treats specially (signature and
date lines, the centred title of an attached regulation, chapter headings),
makes ids unique within an issue and turns site links into absolute URLs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from ..library.body import ParsedBody
from ..markdown import EXTENSIONS
from ..sanitize import clean

PERMALINK_CLASS = EXTENSIONS["toc"].get("permalink_class", "headerlink")  # the site's "¶" after headings

DATE = re.compile(r"^\s*\d{4}年\d{1,2}月\d{1,2}日\s*$")
CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十百零〇]+[编章节]")
SENTENCE_PUNCTUATION = re.compile(r"[。，；：！？、,;:!?]")
SIGNATURE_MAX = 30  # characters: longer paragraphs are text, not an issuer's name
SIGNATURE_LINES = 4  # joint documents sign with one line per issuer
ADDRESSEE_MAX = 50  # characters: 主送机关 is a list of names, not a paragraph of text
NOT_IN_ADDRESSEE = re.compile(r"[《》“”。；！？]")  # titles, quotations and sentence ends belong to text

LinkResolver = Callable[[str], "str | None"]  # href -> absolute URL, or None to drop the link


class PrintRoles:
    """Mark GB/T 9704 roles, prefix ids, resolve links and image sources; drop footnotes' "jump back" arrows."""

    def __init__(self, prefix: str, link: LinkResolver, image: LinkResolver):
        self.prefix, self.link, self.image = prefix, link, image

    def run(self, root: etree.Element) -> None:
        self._roles(root)
        for parent in root.iter():
            for element in list(parent):
                self._element(parent, element)

    def _roles(self, root: etree.Element) -> None:
        children = list(root)
        if children and _is_addressee(children[0]):
            _add_class(children[0], "gz-addressee")
        for index, element in enumerate(children):
            if element.tag == "p" and DATE.match(_text(element)) and not len(element):
                _add_class(element, "gz-date")
                for before in reversed(children[max(0, index - SIGNATURE_LINES):index]):
                    if not _is_signature(before):
                        break
                    _add_class(before, "gz-signature")
            elif element.tag == "p" and _only_strong(element):
                _add_class(element, "gz-subtitle")
            elif element.tag == "h2" and CHAPTER.match(_text(element)):
                _add_class(element, "gz-chapter")

    def _element(self, parent: etree.Element, element: etree.Element) -> None:
        if element.get("id"):
            element.set("id", f"{self.prefix}-{element.get('id')}")
        if element.tag == "a" and "footnote-backref" in (element.get("class") or ""):
            _remove(parent, element)
            return
        href = element.get("href")
        if element.tag == "a" and href is not None:
            if href.startswith("#"):
                element.set("href", f"#{self.prefix}-{href[1:]}")
            else:
                target = self.link(href)
                if target is None:
                    element.tag = "span"
                    del element.attrib["href"]
                else:
                    element.set("href", target)
        if element.tag == "img" and element.get("src"):
            source = self.image(element.get("src"))
            if source is None:
                del element.attrib["src"]
            else:
                element.set("src", source)


def body_html(body: ParsedBody, prefix: str, link: LinkResolver, image: LinkResolver) -> str:
    """The HTML of one document body for print; ids start with `prefix`.

    A copy of the body's one conversion (the site's dialect) loses its permalinks
    (paper has no "¶"), is marked by PrintRoles, then written as HTML.
    """
    def mark(root: etree.Element) -> None:
        for parent in root.iter():
            for element in list(parent):
                if element.tag == "a" and element.get("class") == PERMALINK_CLASS:
                    _remove(parent, element)
        PrintRoles(prefix, link, image).run(root)

    return clean(body.marked_html(mark), file_images=True)  # the same second wall as the site (gazette.sanitize)


def _text(element: etree.Element) -> str:
    return "".join(element.itertext())


def _add_class(element: etree.Element, name: str) -> None:
    element.set("class", " ".join(filter(None, [element.get("class"), name])))


def _only_strong(element: etree.Element) -> bool:
    children = list(element)
    return (len(children) == 1 and children[0].tag == "strong" and not (element.text or "").strip()
            and not (children[0].tail or "").strip())


def _is_signature(element: etree.Element) -> bool:
    text = _text(element).strip()
    return (element.tag == "p" and not len(element) and 0 < len(text) <= SIGNATURE_MAX
            and not SENTENCE_PUNCTUATION.search(text) and not DATE.match(text))


def _is_addressee(element: etree.Element) -> bool:
    """主送机关: a first paragraph of names that ends with a colon (区政府各委、办、局，……：)."""
    text = _text(element).strip()
    return (element.tag == "p" and not len(element) and text.endswith("：")
            and len(text) <= ADDRESSEE_MAX and not NOT_IN_ADDRESSEE.search(text))


def _remove(parent: etree.Element, element: etree.Element) -> None:
    """Remove an element, keeping its tail text."""
    index = list(parent).index(element)
    if element.tail:
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
