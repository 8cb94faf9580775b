"""What HTML a document body may hold, declared once for the check and the sanitiser.

Editors may write the raw HTML of official documents (RAW_TAGS with RAW_ATTRIBUTES);
the rendered body may in addition hold what the Markdown dialect itself writes
(footnotes, admonitions, permalinks, code blocks: RENDERED_*). Every URL is
relative or uses one of SCHEMES; an image is a file of the project, never remote.
"""

from __future__ import annotations

import html
import re

SCHEMES = frozenset({"https", "http", "mailto"})

TABLE_TAGS = frozenset({"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"})
LIST_TAGS = frozenset({"ul", "ol", "li", "dl", "dt", "dd"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TEXT_TAGS = frozenset({"p", "br", "em", "strong", "b", "i", "u", "s", "del", "ins", "sup", "sub", "span", "a", "img"})
RAW_TAGS = TABLE_TAGS | LIST_TAGS | HEADING_TAGS | TEXT_TAGS

RAW_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "title", "lang"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "scope", "align"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "type", "reversed"}),
}

# Written by the dialect (gazette.markdown), never needed in raw HTML.
RENDERED_TAGS = RAW_TAGS | frozenset({"div", "pre", "code", "blockquote", "hr", "abbr"})
RENDERED_ATTRIBUTES: dict[str, frozenset[str]] = {
    **RAW_ATTRIBUTES,
    "*": RAW_ATTRIBUTES["*"] | {"class"},
}

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL


def normalized_url(value: str) -> str:
    """A URL as a browser reads it: entities decoded, tabs and newlines dropped, outer controls trimmed."""
    text = html.unescape(value)
    text = _INVISIBLE.sub("", text)
    return text.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
                      "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \u00a0\u3000")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in `value` (lower case), or None for a relative URL."""
    text = normalized_url(value)
    if text.startswith(("//", "\\\\", "/\\", "\\/")):
        return "//"  # protocol-relative: another host
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else None


def allowed_url(value: str) -> bool:
    """Relative, or one of SCHEMES."""
    scheme = url_scheme(value)
    return scheme is None or scheme in SCHEMES


def allowed_image(value: str) -> bool:
    """Images are files of the project: relative URLs only."""
    return url_scheme(value) is None

# The Content-Security-Policy of every page (theme/partials/csp.html, redirect pages): the site's own
# scripts, styles, fonts and images (data: for the theme's icons), Pagefind's index and WebAssembly;
# no inline script, no style attribute, no plugin, frame, <base> or form to another site.
CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; manifest-src 'self'; media-src 'self'; object-src 'none'; "
       "frame-src 'none'; worker-src 'self'; base-uri 'none'; form-action 'self'")
