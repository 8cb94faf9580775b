"""The Markdown dialect of the gazette, declared once for MkDocs and for our checks."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.serializers import _escape_attrib_html
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import _ExtractAnchorsTreeprocessor, _ExtractTitleTreeprocessor, _RawHTMLPreprocessor
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

# What MkDocs loads: its built-in extensions first, then the configured ones (the plugin adds EXTENSIONS).
SITE_EXTENSIONS: list[str] = list(dict.fromkeys([*MkDocsConfig.markdown_extensions.builtins, *EXTENSIONS]))

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
    return markdown.Markdown(extensions=SITE_EXTENSIONS, extension_configs=EXTENSIONS)


class Conversion:
    """A text converted up to its finished tree: ids, footnotes, abbreviations and attributes in place.

    `finish` writes a copy of the tree as HTML. Print marks its roles on its own
    copy between the two (gazette.print.body); a body whose page MkDocs converts
    itself (convert_page) is read with it for the check too. The two halves are
    Python-Markdown's own `Markdown.convert`, split after the table of contents.
    """

    def __init__(self, text: str):
        self._md = converter()
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
    return rendered(conversion.finish(conversion.tree()), conversion.toc_tokens)


def rendered(html: str, toc_tokens: list[dict]) -> Rendered:
    """HTML with every anchor it defines (`toc_tokens`: its headings)."""
    ids: set[str] = set()

    def walk(tokens):
        for token in tokens:
            ids.add(token["id"])
            walk(token["children"])

    walk(toc_tokens)
    ids.update(re.findall(r'\sid="([^"]+)"', html))
    return Rendered(html, frozenset(ids))


# Brackets of a link's number in a PageConversion: the first of these the text does not hold.
_MARKS = ("\x1a", "\ue000", "\U000f0000")


@dataclass(frozen=True)
class PageConversion:
    """A text converted exactly as MkDocs converts a page, except the links MkDocs rewrites.

    Those (every `<a href>` and `<img src>` that is not an external URL) are left
    as numbered marks, so that the site can put in MkDocs' own rewriting of each
    (gazette.site.converted) and the check the destination as written, from one
    conversion. The rest is what `Page.render` keeps: the table of contents, the
    anchors the page defines, the title of a first `# heading`.
    """

    source: str  # the text converted
    template: str
    mark: str
    links: tuple[str, ...]  # the destination at each mark, as written
    toc_tokens: list[dict]
    anchor_ids: frozenset[str]  # MkDocs' Page.present_anchor_ids
    title: str | None  # MkDocs' title from the first heading

    def html(self, links: Sequence[str] | None = None) -> str:
        """The HTML with `links` (default: the destinations as written) at the marks."""
        values = self.links if links is None else links
        if not values:
            return self.template
        return re.sub(f"{self.mark}(\\d+){self.mark}", lambda m: _escape_attrib_html(values[int(m.group(1))]),
                      self.template)


def inert(url: str) -> bool:
    """A destination no postprocessor of the dialect changes: no STX/ETX, the brackets of Python-Markdown's
    placeholders (raw HTML, `&` in e-mail links, footnote back-links). Only such a one may stand at a mark."""
    return util.STX not in url and util.ETX not in url


class _Unmarkable(Exception):
    """A link MkDocs may treat differently from a mark: the page is left to MkDocs."""


class _LinkMarks(Treeprocessor):
    """In MkDocs' place for rewriting links (`relpath`), puts a numbered mark for each link it would rewrite."""

    def __init__(self, mark: str):
        super().__init__()
        self.mark, self.links = mark, []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key is None:
                continue
            url = element.get(key)
            if url is None:
                raise _Unmarkable  # MkDocs fails on it
            try:
                external = any(urlsplit(url)[:2])
            except ValueError:  # MkDocs raises its own error on it
                raise _Unmarkable from None
            if external or (util.AMP_SUBSTITUTE in url and not url.startswith(("/", "\\"))):
                continue  # MkDocs leaves an external URL or an e-mail autolink as it is, and says nothing
            if not inert(url):
                raise _Unmarkable
            element.set(key, f"{self.mark}{len(self.links)}{self.mark}")
            self.links.append(url)


def convert_page(text: str, reused: markdown.Markdown | None = None) -> PageConversion | None:
    """`text` converted as MkDocs' Page.render converts it, or None when the result could differ from it or
    MkDocs fails on it (a link MkDocs may read differently, no free mark character, raw HTML its reader
    gives up on): the rule for leaving a page to MkDocs, and the check to the dialect alone (Conversion).

    `reused`: a converter() to convert with after resetting it, instead of a new one (making one costs
    about a third of converting a short body; the result is the same, MkDocs' processors are new each time)."""
    mark = next((c for c in _MARKS if c not in text), None)
    if mark is None:
        return None
    md = reused.reset() if reused is not None else converter()
    raw_html, anchors = _RawHTMLPreprocessor(), _ExtractAnchorsTreeprocessor(None, None, None)
    links, title = _LinkMarks(mark), _ExtractTitleTreeprocessor()
    raw_html._register(md)  # MkDocs' own processors, registered in the order Page.render registers them
    anchors._register(md)
    md.treeprocessors.register(links, "relpath", 0)
    title._register(md)
    try:
        template = md.convert(text)
    except (_Unmarkable, AssertionError):  # AssertionError: MkDocs' raw HTML reader gives up (`<![`), as in its render
        return None
    if template.count(mark) != 2 * len(links.links):
        return None
    return PageConversion(source=text, template=template, mark=mark, links=tuple(links.links),
                          toc_tokens=getattr(md, "toc_tokens", []),
                          anchor_ids=frozenset(anchors.present_anchor_ids | raw_html.present_anchor_ids),
                          title=title.title)
