"""The Markdown dialect of the gazette, declared once for MkDocs and for our checks."""

from __future__ import annotations

import re

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
    "toc": {"permalink": True, "permalink_title": "本节链接", "slugify": SLUGIFY, "toc_depth": 3},
    "pymdownx.superfences": {},
    "pymdownx.tilde": {},
}


def heading_ids(text: str) -> set[str]:
    """Every anchor a Markdown text defines: heading ids and explicit {#id} / id="…"."""
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)
    html = md.convert(text)
    ids: set[str] = set()

    def walk(tokens):
        for token in tokens:
            ids.add(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)
    ids.update(re.findall(r'\sid="([^"]+)"', html))
    return ids
