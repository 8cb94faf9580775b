"""The questions and answers of a 常见问题, read from its body's structure.

Editors write each question as a heading and its answer below it
(docs/editor-guide.md: `### 问：……`, then `答：……`). A question is a heading
that starts with 问： (or 问:) or ends with a question mark; its answer is
every block after it up to the next heading of the same or a higher level.
The "问：" and "答：" labels are the page's typography, not part of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from ..sanitize import clean
from .bodydata import plain_text

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
QUESTION_LABEL = re.compile(r"^\s*问\s*[：:]\s*")
ANSWER_LABEL = re.compile(r"^\s*答\s*[：:]\s*")
QUESTION_MARKS = ("？", "?")


@dataclass(frozen=True)
class Question:
    question: str
    answer: str  # plain text, one block per line


def questions(body_html: str) -> list[Question]:
    """Each question of a FAQ body with its answer, in order; headings that ask nothing are left out."""
    if not body_html.strip():
        return []
    root = lxml_html.fragment_fromstring(clean(body_html), create_parent="div")
    found: list[Question] = []
    current: tuple[int, str, list[str]] | None = None  # (heading level, question, answer blocks' HTML)
    for block in root:
        level = HEADINGS.index(block.tag) + 1 if block.tag in HEADINGS else None
        if level is not None and (current is None or level <= current[0] or _asks(block)):
            _close(current, found)
            current = (level, _text(block), []) if _asks(block) else None
        elif current is not None:
            current[2].append(etree.tostring(block, encoding="unicode", method="html"))
    _close(current, found)
    return found


def _asks(heading) -> bool:
    text = _text(heading)
    return bool(QUESTION_LABEL.match(text)) or text.endswith(QUESTION_MARKS)


def _text(heading) -> str:
    return plain_text(etree.tostring(heading, encoding="unicode", method="html"))


def _close(current: tuple[int, str, list[str]] | None, found: list[Question]) -> None:
    if current is None:
        return
    _, heading, blocks = current
    answer = ANSWER_LABEL.sub("", plain_text("".join(blocks)), count=1)
    if answer:
        found.append(Question(QUESTION_LABEL.sub("", heading, count=1), answer))
