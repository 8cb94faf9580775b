"""A .docx read with python-docx into a list of blocks: paragraphs (inline Markdown) and tables."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.drawing import Drawing
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table as DocxTable
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ..errors import GazetteError
from .numbering import Numbering

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_SPECIAL = re.compile(r"([\\`*_\[\]<])")


@dataclass
class Paragraph:
    text: str  # plain text, as printed (automatic numbering included)
    markdown: str  # the same with emphasis, links and images
    style: str = ""
    centered: bool = False
    heading: int | None = None  # Word heading level (Title is 0), from the style
    bullet: bool = False  # an item of a bulleted list
    ordered: bool = False  # an item of a numbered list whose numbers Word draws (List Number style)


@dataclass
class Table:
    rows: list[list[str]]  # cells as inline Markdown; merged cells after the first are empty


@dataclass
class Image:
    name: str  # file name to write beside the document
    blob: bytes


@dataclass
class WordFile:
    blocks: list = field(default_factory=list)  # Paragraph | Table, in document order
    images: list[Image] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what could not be carried over, for the editor


def escape(text: str) -> str:
    """Text that Markdown shows literally."""
    return _SPECIAL.sub(r"\\\1", text)


def read_docx(path: Path, image_stem: str) -> WordFile:
    """Read `path`; images are named `<image_stem>-<n>.<ext>`."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise GazetteError(f"无法读取 {path}：它不是 Word .docx 文件（{type(exc).__name__}）。"
                           "旧版 .doc 文件请先在 Word 或 WPS 中另存为 .docx。") from exc
    numbering_part = _numbering_part(document)
    # Paragraph.style searches every style on each call (slow on long files): look names up once.
    styles = {style.style_id: style.name for style in document.styles}
    reader = _Reader(WordFile(), Numbering(numbering_part), image_stem, styles)
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            reader.file.blocks.append(reader.table(item))
        else:
            reader.file.blocks.append(reader.paragraph(item))
    return reader.file


def _numbering_part(document):
    try:
        return document.part.numbering_part
    except NotImplementedError:  # python-docx's way of saying the file has no numbering part
        return None


class _Reader:
    def __init__(self, file: WordFile, numbering: Numbering, image_stem: str, styles: dict[str, str]):
        self.file, self.numbering, self.image_stem, self.styles = file, numbering, image_stem, styles

    def paragraph(self, para: DocxParagraph) -> Paragraph:
        style = self.styles.get(para._p.style or "", "")  # the paragraph's style id (none: the default style)
        heading = 0 if style.lower() == "title" else _heading_level(style)
        text, markdown = self._inline(para)
        label = self._label(para)
        bullet = style.lower().startswith("list bullet")
        ordered = style.lower().startswith("list number")
        if label is not None:
            prefix, bullet = label
            text, markdown, ordered = prefix + text, escape(prefix) + markdown, False
        return Paragraph(text=text.strip(), markdown=markdown.strip(), style=style, heading=heading, bullet=bullet,
                         ordered=ordered, centered=para.alignment == WD_ALIGN_PARAGRAPH.CENTER)

    def _label(self, para: DocxParagraph) -> tuple[str, bool] | None:
        ppr = para._p.pPr  # python-docx exposes list membership only on the XML element
        num = ppr.numPr if ppr is not None else None
        if num is None or num.numId is None:
            return None
        return self.numbering.label(num.numId.val, num.ilvl.val if num.ilvl is not None else 0)

    def _inline(self, para: DocxParagraph) -> tuple[str, str]:
        """Plain text and inline Markdown: bold runs, hyperlinks, pictures."""
        plain, pieces = [], []  # pieces: (markdown, bold)
        for item in para.iter_inner_content():
            parts = [self._hyperlink(item)] if isinstance(item, Hyperlink) else self._run(item)
            for markdown, text, bold in parts:
                plain.append(text)
                pieces.append((markdown, bold))
        return "".join(plain), _emphasis(pieces)

    @staticmethod
    def _hyperlink(link: Hyperlink) -> tuple[str, str, bool]:
        text = link.text
        return (f"[{escape(text)}](<{link.address}>)" if link.address else escape(text)), text, False

    def _run(self, run: Run) -> list[tuple[str, str, bool]]:
        """(markdown, plain text, bold) of each piece of a run."""
        bold, parts = bool(run.bold), []
        for content in run.iter_inner_content():
            if isinstance(content, str):
                text = content.replace("\t", " ")
                parts.append((escape(text), text, bold))
            elif isinstance(content, Drawing):
                parts.append((self._picture(content), "", False))
        return parts

    def _picture(self, drawing: Drawing) -> str:
        if not drawing.has_picture:
            self.file.skipped.append("图表、SmartArt 等非图片的图形（未导入，请另存为图片后插入）")
            return ""
        image = drawing.image
        number = len(self.file.images) + 1
        name = f"{self.image_stem}-{number}.{image.ext}"
        self.file.images.append(Image(name, image.blob))
        return f"![图{number}]({name})"

    def table(self, table: DocxTable) -> Table:
        rows, above = [], None
        for row in table.rows:
            cells, previous = [], None
            for index, cell in enumerate(row.cells):
                merged = cell is previous or (above is not None and index < len(above) and cell._tc is above[index]._tc)
                text = "" if merged else "<br>".join(self._inline(p)[1] for p in cell.paragraphs if p.text.strip())
                cells.append(text)
                previous = cell
            above = row.cells
            rows.append(cells)
        return Table(rows)


def _heading_level(style: str) -> int | None:
    match = _HEADING_STYLE.match(style.strip())
    return int(match.group(1)) if match else None


def _emphasis(pieces: list[tuple[str, bool]]) -> str:
    """Join runs; consecutive bold runs become one **…** span (surrounding spaces kept outside)."""
    out: list[str] = []
    bold: list[str] = []

    def flush() -> None:
        text = "".join(bold)
        bold.clear()
        core = text.strip()
        if not core:
            out.append(text)
            return
        out.append(text[: len(text) - len(text.lstrip())] + f"**{core}**" + text[len(text.rstrip()):])

    for markdown, is_bold in pieces:
        if is_bold:
            bold.append(markdown)
            continue
        flush()
        out.append(markdown)
    flush()
    return "".join(out)
