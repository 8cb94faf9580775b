"""Characters no installed font can draw, reported where an editor can fix them."""

from __future__ import annotations

from pathlib import Path

from ..findings import Report
from ..fonts import missing_glyph_message


def missing_glyph_report(missing: dict[str, set[str]], root: Path) -> Report:
    """One error per character and file: `missing` maps a character to the files the PDFs drew it from."""
    report = Report()
    texts: dict[str, list[str]] = {}
    for char, sources in sorted(missing.items()):
        found = False
        for rel in sorted(sources):
            if rel not in texts:
                texts[rel] = (root / rel).read_text(encoding="utf-8").split("\n")
            line = next((number for number, text in enumerate(texts[rel], 1) if char in text), None)
            if line is not None:
                report.error(rel, line, missing_glyph_message(char))
                found = True
        if not found:  # drawn from text the project does not hold (a fixed label): a set-up problem
            report.error(sorted(sources)[0], 1, missing_glyph_message(char) + "（该字符不在文件中，可能是字体未安装：请运行 scripts/setup.sh。）")
    return report

