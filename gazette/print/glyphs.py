"""Characters no installed font can draw, reported where an editor can fix them."""

from __future__ import annotations

from pathlib import Path

from ..findings import Report


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
                report.error(rel, line, _message(char))
                found = True
        if not found:  # drawn from text the project does not hold (a fixed label): a set-up problem
            report.error(sorted(sources)[0], 1, _message(char) + "（该字符不在文件中，可能是字体未安装：请运行 scripts/setup.sh。）")
    return report


def _message(char: str) -> str:
    private = "这是私用区字符（多为自造字，别的电脑上也无法显示），" if _private_use(char) else ""
    return (f"字符“{char}”（U+{ord(char):04X}）在印刷字体中没有字形，PDF 中会印成空框。{private}"
            "请改用通行的写法（缺字可用“〓”标出），或确认已安装 fonts-noto-cjk。")


def _private_use(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000
