"""The Markdown dialect of the gazette, declared once for MkDocs and for our checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from pymdownx.slugs import slugify

# Python-Markdown's default slugify drops Chinese (ids like `_1`); this keeps it.
SLUGIFY = slugify(case="lower")

EXTENSIONS: dict[str, dict] = {
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "footnotes": {},
    "md_in_html": {},
    "tables": {},
    "toc": {"permalink": True, "slugify": SLUGIFY, "toc_depth": 3},
    "pymdownx.superfences": {},
    "pymdownx.tilde": {},
}


@dataclass(frozen=True)
class Rendered:
    html: str
    anchors: frozenset[str]  # heading ids and explicit {#id} / id="…"


def render(text: str) -> Rendered:
    """A Markdown text in the gazette's dialect, as HTML with every anchor it defines."""
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)
    html = md.convert(text)
    ids: set[str] = set()

    def walk(tokens):
        for token in tokens:
            ids.add(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)
    ids.update(re.findall(r'\sid="([^"]+)"', html))
    return Rendered(html, frozenset(ids))
