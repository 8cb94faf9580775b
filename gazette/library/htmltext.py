"""The text of an HTML fragment as a reader sees it: heading permalinks, scripts and styles skipped,
a line break between blocks. Search indexes it (gazette.search.extract); open data publishes it
(gazette.emit.bodydata).
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
          "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
SKIPPED_CLASSES = {"headerlink"}  # the ¶ permalink after each heading
SKIPPED_TAGS = {"script", "style", "template", "noscript"}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, starts a skipped subtree)
        self.skipping = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        skip = bool(classes & SKIPPED_CLASSES or tag in SKIPPED_TAGS)
        if not self.skipping and tag in BLOCKS:
            self.text.append("\n")
        if tag in VOID:
            return
        self.stack.append((tag, skip))
        self.skipping += skip

    def handle_endtag(self, tag):
        if tag in VOID or not any(open_tag == tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            self.skipping -= skip
            if open_tag == tag:
                break
        if not self.skipping and tag in BLOCKS:
            self.text.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.text.append(data)


def html_text(html: str) -> str:
    """The text of an HTML fragment as a reader sees it, a line break between blocks."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return "".join(reader.text).strip()
