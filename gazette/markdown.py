"""The Markdown dialect of the gazette, declared once for MkDocs and for our checks."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

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
    "toc": {"permalink": True, "permalink_title": "本节链接", "slugify": SLUGIFY, "toc_depth": 3},
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


class Conversion:
    """A text converted up to its finished tree: ids, footnotes, abbreviations and attributes in place.

    `finish` writes a copy of the tree as HTML. Print marks its roles on its own
    copy between the two (gazette.print.body), so a body is parsed once for the
    site's dialect and for print. The two halves are Python-Markdown's own
    `Markdown.convert`, split after the table of contents.
    """

    def __init__(self, text: str):
        self._md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)
        lines = text.split("\n") if text.strip() else []  # convert() returns "" for a blank text
        for preprocessor in self._md.preprocessors:
            lines = preprocessor.run(lines)
        self._tree = self._md.parser.parseDocument(lines).getroot()
        processors = list(self._md.treeprocessors)
        self._last = processors[self._md.treeprocessors.get_index_for_name("toc") + 1:]
        for processor in processors[:len(processors) - len(self._last)]:
            self._tree = processor.run(self._tree) or self._tree
        self.toc_tokens: list[dict] = self._md.toc_tokens if lines else []

    def tree(self) -> etree.Element:
        """A copy of the tree to change before `finish`."""
        return copy.deepcopy(self._tree)

    def finish(self, root: etree.Element) -> str:
        """The HTML of `root` (a copy from `tree`), as `Markdown.convert` writes it."""
        if not len(root) and not (root.text or "").strip():
            return ""
        for processor in self._last:
            root = processor.run(root) or root
        output = self._md.serializer(root)
        start = output.index(f"<{self._md.doc_tag}>") + len(self._md.doc_tag) + 2
        output = output[start:output.rindex(f"</{self._md.doc_tag}>")].strip()
        for postprocessor in self._md.postprocessors:
            output = postprocessor.run(output)
        return output.strip()


@dataclass(frozen=True)
class Rendered:
    html: str
    anchors: frozenset[str]  # heading ids and explicit {#id} / id="…"


def render(conversion: Conversion) -> Rendered:
    """A converted text as HTML, with every anchor it defines."""
    html = conversion.finish(conversion.tree())
    ids: set[str] = set()

    def walk(tokens):
        for token in tokens:
            ids.add(token["id"])
            walk(token["children"])

    walk(conversion.toc_tokens)
    ids.update(re.findall(r'\sid="([^"]+)"', html))
    return Rendered(html, frozenset(ids))
