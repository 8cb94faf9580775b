"""Body blocks as the gazette's Markdown: 公文 headings, lists, tables, paragraphs.

Heading levels follow the 公文 structure (GB/T 9704): 一、 and 第一章 are
second-level headings (##; the page title is the first), （一） and 第一节
third-level (###). Word heading styles keep their level, one step down.
Numbered points (1. （1）) stay paragraphs, as printed; 第一条 is bolded.
"""

from __future__ import annotations

import re

from .reader import Paragraph, Table

_CN = "[一二三四五六七八九十百零〇]+"
_HEADINGS = [
    (re.compile(rf"^第{_CN}[章编]"), 2),
    (re.compile(rf"^{_CN}、"), 2),
    (re.compile(rf"^第{_CN}节"), 3),
    (re.compile(rf"^[（(]{_CN}[）)]"), 3),
]
_ARTICLE = re.compile(rf"^(第{_CN}条)")
_SENTENCE = re.compile(r"[。；;：:！？]")
_MARKER = re.compile(r"^(#|>|[-+*]\s)")  # would start a heading, quote or list
_ORDERED = re.compile(r"^(\d+)([.)]\s)")


def heading_level(para: Paragraph) -> int | None:
    """The Markdown heading level of a paragraph, or None for body text."""
    if para.heading:
        return min(para.heading + 1, 6)
    text = para.text.strip()
    if len(text) > 40 or _SENTENCE.search(text):
        return None  # “（一）加强领导。全区各部门……” is a paragraph that starts with a number
    return next((level for pattern, level in _HEADINGS if pattern.match(text)), None)


def paragraph(para: Paragraph) -> str:
    level = heading_level(para)
    if level:
        return "#" * level + " " + para.markdown.replace("**", "")
    if para.bullet:
        return "- " + para.markdown
    if para.ordered:
        return "1. " + para.markdown
    text = para.markdown
    if _MARKER.match(text):
        text = "\\" + text  # printed text, not Markdown syntax
    text = _ORDERED.sub(r"\1\\\2", text)
    article = _ARTICLE.match(text)
    if article and not text.startswith("**"):
        text = f"**{article.group(1)}**{text[article.end():]}"
    return text


def table(block: Table) -> str:
    width = max(len(row) for row in block.rows)
    rows = [[cell.replace("|", "\\|").replace("\n", " ") for cell in row] + [""] * (width - len(row))
            for row in block.rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def body(blocks: list) -> str:
    """Blocks joined as Markdown; consecutive list items stay one list."""
    out: list[str] = []
    previous = None
    for block in blocks:
        if isinstance(block, Table):
            if block.rows:
                out.append(table(block))
            previous = block
            continue
        text = paragraph(block)
        if out and _same_list(previous, block):
            out[-1] += "\n" + text
        else:
            out.append(text)
        previous = block
    return "\n\n".join(out) + "\n"


def _same_list(previous, block: Paragraph) -> bool:
    return isinstance(previous, Paragraph) and ((block.bullet and previous.bullet) or (block.ordered and previous.ordered))
