"""Word's automatic numbering, rendered as the printed document shows it (一、 （一） 1.).

python-docx has no API for numbering definitions, so the few values needed
(format, level text, start) are read from its numbering part with XPath.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import nsmap
from lxml import etree

CHINESE_DIGITS = "〇一二三四五六七八九"
CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
                   "chineseLegalSimplified", "taiwaneseCounting"}


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as 公文 headings count)."""
    if n < 10:
        return CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CHINESE_DIGITS[n // 10] + "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + chinese_number(rest)
    else:
        tail = ("一" if rest < 20 else "") + chinese_number(rest)  # 一百一十, not 一百十
    return CHINESE_DIGITS[n // 100] + "百" + tail


@dataclass(frozen=True)
class Level:
    fmt: str  # decimal, chineseCounting, bullet, …
    text: str  # e.g. "%1、" or "（%2）"
    start: int = 1


@dataclass
class Numbering:
    """Counts numbered paragraphs per list as Word does and renders their labels."""

    part: object | None  # docx numbering part, or None when the document has no numbering
    counters: dict[str, list[int]] = field(default_factory=dict)
    levels: dict[tuple[int, int], Level | None] = field(default_factory=dict)  # read once per (list, level)

    def level(self, num_id: int, ilvl: int) -> Level | None:
        if (num_id, ilvl) not in self.levels:
            self.levels[num_id, ilvl] = self._read_level(num_id, ilvl)
        return self.levels[num_id, ilvl]

    def _read_level(self, num_id: int, ilvl: int) -> Level | None:
        if self.part is None:
            return None
        root = self.part.element
        nums = _xpath(root, f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not nums:
            return None
        lvl = _xpath(root, f'./w:abstractNum[@w:abstractNumId="{nums[0]}"]/w:lvl[@w:ilvl="{ilvl}"]')
        if not lvl:
            return None
        fmt = _xpath(lvl[0], "./w:numFmt/@w:val")
        text = _xpath(lvl[0], "./w:lvlText/@w:val")
        start = _xpath(lvl[0], "./w:start/@w:val")
        return Level(fmt[0] if fmt else "decimal", text[0] if text else "", int(start[0]) if start else 1)

    def label(self, num_id: int, ilvl: int) -> tuple[str, bool] | None:
        """(label, is_bullet) for the next paragraph of list `num_id` at level `ilvl`."""
        level = self.level(num_id, ilvl)
        if level is None or num_id == 0:
            return None
        if level.fmt == "bullet":
            return "", True
        key = str(num_id)
        counts = self.counters.setdefault(key, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = level.text
        for index in range(ilvl, -1, -1):  # %1 … %9 refer to the counters of levels 0 … 8
            shown = level if index == ilvl else self.level(num_id, index)
            value = counts[index] or (shown.start if shown else 1)
            text = text.replace(f"%{index + 1}", _format(value, shown.fmt if shown else "decimal"))
        return text, False


def _xpath(element, expression: str) -> list:
    return etree.XPath(expression, namespaces={"w": nsmap["w"]})(element)


def _format(value: int, fmt: str) -> str:
    if fmt in CHINESE_FORMATS:
        return chinese_number(value)
    if fmt == "decimalEnclosedCircle" and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter if fmt == "lowerLetter" else letter.upper()
    return str(value)
