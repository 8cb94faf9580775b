"""The fonts the print stylesheet names, the characters they can draw, and the message for one they cannot.

WeasyPrint (Pango) draws each character with the first font of fontconfig's
fallback list for the stylesheet's families that has it, so a character is
printable when any font of those lists covers it; fontconfig's own character
sets say which. `gazette check` uses this to find, before any layout, what the
print step would refuse.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent / "print" / "print.css"
_DECLARATION = re.compile(r"\bfont(?:-family)?\s*:\s*([^;}]+)")
GENERIC = ("serif", "sans-serif", "monospace")
_FAMILY = re.compile(rf'"([^"]+)"|\b({"|".join(GENERIC)})\b')
_NOT_DRAWN = {"Cc", "Cf", "Zl", "Zp"}  # controls and invisible format characters: laid out without a glyph


def families(stylesheet: Path = STYLESHEET) -> list[str]:
    """The font families the stylesheet names (quoted names and generic families), in order of first use."""
    names: dict[str, None] = {}
    for declaration in _DECLARATION.finditer(stylesheet.read_text(encoding="utf-8")):
        for quoted, generic in _FAMILY.findall(declaration.group(1)):
            names[quoted or generic] = None
    return list(names)


@dataclass(frozen=True)
class PrintFonts:
    absent: tuple[str, ...]  # families the stylesheet names that fontconfig does not have
    printable: frozenset[str]  # every character some font of their fallback lists can draw


@cache
def print_fonts() -> PrintFonts:
    """The print stylesheet's fonts as fontconfig resolves them (asked once per process)."""
    names = families()
    try:
        installed = _fontconfig(["fc-list", "--format", "%{family}\n"])
        charsets = _fontconfig(["fc-match", "--sort", ",".join(map(_escaped, names)), "--format", "%{charset}\n"])
    except (OSError, subprocess.CalledProcessError):  # fontconfig's tools are not installed or failed
        return PrintFonts(tuple(names), frozenset())
    have = {family for line in installed.splitlines() for family in line.split(",")}
    chars: set[str] = set()
    for span in set(charsets.split()):  # "4e00-9fff" or "3007", in hexadecimal
        first, _, last = span.partition("-")
        chars.update(map(chr, range(int(first, 16), int(last or first, 16) + 1)))
    return PrintFonts(tuple(name for name in names if name not in have and name not in GENERIC), frozenset(chars))


def _fontconfig(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _escaped(family: str) -> str:
    """A family name inside a fontconfig pattern."""
    return re.sub(r"([\\,:-])", r"\\\1", family)


def unprintable(text: str) -> list[str]:
    """The characters of `text` the print fonts cannot draw, sorted."""
    return sorted(char for char in set(text) - print_fonts().printable if _drawn(char))


def _drawn(char: str) -> bool:
    """Whether layout needs a glyph for `char` (not a control, format character or variation selector)."""
    code = ord(char)
    return unicodedata.category(char) not in _NOT_DRAWN and not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def missing_glyph_message(char: str) -> str:
    """What an editor reads about a character the print fonts lack."""
    private = "这是私用区字符（多为自造字，别的电脑上也无法显示），" if _private_use(char) else ""
    return (f"字符“{char}”（U+{ord(char):04X}）在印刷字体中没有字形，PDF 中会印成空框。{private}"
            "请改用通行的写法（缺字可用“〓”标出），或确认已安装 fonts-noto-cjk。")


def _private_use(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000
