"""The Markdown dialect of the gazette, declared once for MkDocs and for our checks."""

from __future__ import annotations

import re

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
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
    "gazette.markdown": {},  # table alignment as classes (below)
}

_ALIGN = re.compile(r"^text-align:\s*(left|right|center);?$")


class _AlignClasses(Treeprocessor):
    """Table cell alignment as a class (gz-align-left…): the Content-Security-Policy allows no style attribute."""

    def run(self, root) -> None:
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            match = _ALIGN.match(cell.get("style", ""))
            if match:
                del cell.attrib["style"]
                cell.set("class", " ".join(filter(None, [cell.get("class"), f"gz-align-{match.group(1)}"])))


class _Dialect(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's API)
        md.treeprocessors.register(_AlignClasses(md), "gazette-align", 1)


def makeExtension(**kwargs) -> Extension:  # noqa: N802 (Python-Markdown loads extensions by this name)
    return _Dialect(**kwargs)


def converter() -> markdown.Markdown:
    """A Markdown converter of the dialect (one per text: it keeps state)."""
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)


def heading_ids(text: str) -> set[str]:
    """Every anchor a Markdown text defines: heading ids and explicit {#id} / id="…"."""
    md = converter()
    html = md.convert(text)
    ids: set[str] = set()

    def walk(tokens):
        for token in tokens:
            ids.add(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)
    ids.update(re.findall(r'\sid="([^"]+)"', html))
    return ids
