"""Read a rendered document page as Pagefind would: its title, body text and index attributes.

Only the element marked data-pagefind-body counts; subtrees marked
data-pagefind-ignore and heading permalinks are skipped. The first <h1> in it
is the title, everything else the body, with a line break between blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
          "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
SKIPPED_CLASSES = {"headerlink"}  # the ¶ permalink after each heading
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
INDEX_ATTRIBUTES = ("data-pagefind-filter", "data-pagefind-meta", "data-pagefind-sort")


@dataclass
class IndexedPage:
    title: str = ""
    body: str = ""
    # Elements carrying data-pagefind-filter / -meta / -sort, as (name, value) attribute lists.
    fields: list[list[tuple[str, str]]] = field(default_factory=list)
    has_body: bool = False


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = IndexedPage()
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, opens the body, starts a skipped subtree)
        self.in_body = 0
        self.skipping = 0
        self.in_title = False
        self.title_done = False
        self.title: list[str] = []
        self.body: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if names.intersection(INDEX_ATTRIBUTES):
            self.page.fields.append([(name, value or "") for name, value in attrs])
        classes = set((dict(attrs).get("class") or "").split())
        opens = "data-pagefind-body" in names
        skip = bool("data-pagefind-ignore" in names or classes & SKIPPED_CLASSES or tag in SKIPPED_TAGS)
        if self.in_body and not self.skipping and tag in BLOCKS:
            self._text("\n")
        if tag == "h1" and self.in_body and not self.skipping and not self.title_done:
            self.in_title = True
        if tag in VOID:
            return
        self.stack.append((tag, opens, skip))
        self.in_body += opens
        self.skipping += skip
        self.page.has_body = self.page.has_body or opens

    def handle_endtag(self, tag):
        if tag in VOID or not any(open_tag == tag for open_tag, _, _ in self.stack):
            return
        while self.stack:
            open_tag, opens, skip = self.stack.pop()
            self.in_body -= opens
            self.skipping -= skip
            if open_tag == "h1" and self.in_title:
                self.in_title, self.title_done = False, True
            if open_tag == tag:
                break
        if self.in_body and not self.skipping and tag in BLOCKS:
            self._text("\n")

    def handle_data(self, data):
        if self.in_body and not self.skipping:
            self._text(data)

    def _text(self, text: str) -> None:
        (self.title if self.in_title else self.body).append(text)


def read_page(html: str) -> IndexedPage:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    page = reader.page
    page.title = " ".join("".join(reader.title).split())
    page.body = "".join(reader.body).strip()
    return page
