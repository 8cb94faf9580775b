"""The 发文字号 (GB/T 9704): 机关代字〔年份〕序号号, declared once.

The canonical form (普府办〔2024〕6号: 六角括号, no leading zeros) is what the
front matter holds. Everything else — the spelling an editor or a Word file
gets wrong, a number in running text, a number as people type it into the
search box — derives from the parts declared here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CODE, YEAR, SERIAL = r"\S+", r"\d{4}", r"[1-9]\d*"  # 机关代字, 年份, 序号 of the canonical form
PATTERN = f"^{CODE}〔{YEAR}〕{SERIAL}号$"
EXPECTED = "“机关代字〔年份〕序号号”，如 普府办〔2024〕6号（六角括号，序号不编虚位）"
# Brackets people put around the year instead of 〔〕 (and 〔〕 themselves), as regex character-class contents.
OPENING = re.escape("〔[［【（(〖")
CLOSING = re.escape("〕]］】）)〗")
# A 发文字号 inside a line of text (a Word file's 版头), brackets and spacing as found.
IN_TEXT = re.compile(rf"[^\s，。、：:]{{1,20}}?[{OPENING}]\s*\d{{4}}\s*[{CLOSING}]\s*\d+\s*号")

_PARTS = re.compile(f"^({CODE})〔({YEAR})〕({SERIAL})号$")


@dataclass(frozen=True)
class DocNumber:
    code: str  # 机关代字, e.g. 普府办
    year: str  # four digits
    serial: int  # 序号

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.serial}号"

    @classmethod
    def parse(cls, text: str) -> DocNumber | None:
        """The parts of a canonical 发文字号; None for any other text."""
        match = _PARTS.match(text)
        return cls(match[1], match[2], int(match[3])) if match else None

    @classmethod
    def read(cls, text: str) -> DocNumber | None:
        """A 发文字号 however sloppily written (brackets, spaces, zeros), or None."""
        return cls.parse(normalise(text))


def normalise(text: str) -> str:
    """普府办[2024]06号 → 普府办〔2024〕6号 (the text unchanged where it cannot be mended)."""
    fixed = re.sub(r"\s+", "", text)
    fixed = re.sub(rf"[{OPENING}]\s*(\d{{4}})\s*[{CLOSING}]", r"〔\1〕", fixed)
    fixed = re.sub(r"(?<=[^\d〔])(\d{4})(?=\d*号$)(?!〕)", r"〔\1〕", fixed) if "〔" not in fixed else fixed
    fixed = re.sub(r"〕0+(\d)", r"〕\1", fixed)
    return fixed if fixed.endswith("号") else fixed + "号"


def variants(letter: str, space: str) -> str:
    """Regex of a 发文字号 in any typed variant, as groups (last letter of the code, year, serial).

    Brackets optional, `space` (character-class contents) anywhere, the serial zero-padded;
    `letter` is the class of characters a code ends with. Valid in Python and in JavaScript.
    """
    return (rf"([{letter}])[{space}]*[{OPENING}]?[{space}]*([0-9]{{4}})[{space}]*[{CLOSING}]?"
            rf"[{space}]*0*([0-9]{{1,5}})[{space}]*号")


def query(letter: str) -> str:
    """Regex of the parts people type to find a 发文字号 (普府办2024 6号, 2024 6号, 6号), once compacted:
    groups code, year, serial. Valid in Python and in JavaScript."""
    return rf"^([{letter}]{{1,12}})?((?:19|20)[0-9]{{2}})?([1-9][0-9]{{0,4}})号$"
