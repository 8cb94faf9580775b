"""Poppler's command-line tools (and zbarimg) on real PDFs, for the print tests."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PAGE_NUMBER = re.compile(r"—\d+—")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """pdftotext of a page range (1-based, inclusive), in the order the text was drawn
    (-raw: the layout heuristics would read a wide gap inside a line as two columns)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", "-raw", "-enc", "UTF-8", *pages, str(pdf), "-")


def squash(value: str) -> str:
    """Text without any whitespace (pdftotext breaks lines where the layout did)."""
    return re.sub(r"\s+", "", value)


def info(pdf: Path, *args: str) -> dict[str, str]:
    rows = {}
    for line in run("pdfinfo", *args, str(pdf)).splitlines():
        key, _, value = line.partition(":")
        rows[key.strip()] = value.strip()
    return rows


def page_count(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


@dataclass
class Font:
    name: str
    type: str
    embedded: bool
    subset: bool


def fonts(pdf: Path) -> list[Font]:
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    found = []
    for row in rows:
        parts = row.split()
        # name, type (may contain spaces), encoding, emb, sub, uni, object, id
        emb, sub = parts[-5], parts[-4]
        found.append(Font(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes"))
    return found


@dataclass
class Line:
    x_min: float  # millimetres from the page's left edge
    y_min: float  # millimetres from the page's top edge
    x_max: float
    y_max: float
    text: str


def lines(pdf: Path, page: int) -> list[Line]:
    """Text lines of one page with their boxes, from pdftotext -bbox-layout."""
    html = run("pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), "-bbox-layout", str(pdf), "-")
    found = []
    mm = 25.4 / 72
    for match in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
                             html, re.S):
        words = "".join(re.findall(r">([^<]*)</word>", match.group(5)))
        box = [float(match.group(i)) * mm for i in range(1, 5)]
        found.append(Line(*box, words))
    return found


def qr_codes(pdf: Path, page: int, folder: Path) -> list[str]:
    """QR codes zbarimg decodes on one page rendered at 150 dpi."""
    stem = folder / f"page-{page}"
    run("pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem))
    result = subprocess.run(["zbarimg", "--quiet", "--raw", f"{stem}.png"], capture_output=True, text=True)
    return result.stdout.split()
