"""Reading a Markdown body's source the way the dialect does: what is prose, which raw HTML it holds.

Code (fenced, indented, inline) is text, never markup: `prose` blanks it, keeping
every line where it was, so that findings point at the right line. Raw HTML is
read with the standard library's HTML tokenizer, which decodes entities in
attribute values as a browser does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_FENCE = re.compile(r"^(\s{0,3})(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")
# Python-Markdown's autolinks (<https://…>, <name@host>): links, not raw HTML.
_AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*|[^<> !]+@[^@<> ]+)>")


@dataclass(frozen=True)
class RawTag:
    """One raw HTML start tag, comment or declaration (tag "!"), with its body line (1 = first)."""

    tag: str
    attrs: tuple[tuple[str, str], ...]
    line: int


def prose(body: str) -> list[str]:
    """The body's lines with code blanked (same number of lines)."""
    lines, fence = [], None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            lines.append("")
            continue
        if match:
            fence = match.group(2)
            lines.append("")
            continue
        if line.startswith("    ") and not line.strip().startswith(("-", "*", "[", "<")):
            lines.append("")  # indented code block (a rough but safe rule)
            continue
        lines.append(_INLINE_CODE.sub("", line))
    return lines


def autolinks(line: str) -> list[str]:
    """The URLs of the autolinks in one prose line."""
    return [match.group(1) for match in _AUTOLINK.finditer(line)]


def raw_tags(body: str, lines: list[str] | None = None) -> list[RawTag]:
    """Every raw HTML start tag (and comment-like declaration) of the body's prose (`lines`, if read already)."""
    return html_tags("\n".join(_AUTOLINK.sub(" ", line) for line in (prose(body) if lines is None else lines)))


def html_tags(html: str) -> list[RawTag]:
    """Every start tag (and comment-like declaration) of an HTML text."""
    parser = _Tags()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # the tokenizer gives up on some malformed declarations (<![<): report one there
        parser.found.append(RawTag("![", (), parser.getpos()[0]))
    return parser.found


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[RawTag] = []

    def handle_starttag(self, tag, attrs):
        self.found.append(RawTag(tag, tuple((name, value or "") for name, value in attrs), self.getpos()[0]))

    def handle_comment(self, data):
        # A browser may end a comment earlier than this tokenizer (<!--> …): read its inside as HTML too.
        line = self.getpos()[0]
        self.found += [RawTag(t.tag, t.attrs, t.line + line - 1) for t in html_tags(data)]

    def handle_data(self, data):
        if data.startswith("<!--"):  # a comment left open at the end: the dialect may leave its inside raw
            self.handle_comment(data[4:])

    def handle_decl(self, decl):
        self.found.append(RawTag("!" + decl.split()[0].lower() if decl.split() else "!", (), self.getpos()[0]))

    def unknown_decl(self, data):
        self.found.append(RawTag("![" + data[:20], (), self.getpos()[0]))

    def handle_pi(self, data):
        self.found.append(RawTag("?" + data[:20], (), self.getpos()[0]))
