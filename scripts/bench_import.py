#!/usr/bin/env python3
"""Benchmark and robustness run of `gazette import` on the npc-laws corpus.

Usage: scripts/bench_import.py [--limit N] [--keep DIR]

Each law becomes a .docx built with python-docx the way a department sends
one: a 版头, a 发文字号, the title, the body as plain paragraphs (headings
such as 第一章 typed, not styled), the signature and the date. The files are
imported in process; the script reports the time per file, how many 公文要素
were found, how many of the corpus' headings came back as headings, and
whether `gazette check` reports anything but the placeholders left to fill.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS.parent))
sys.path.insert(0, str(SCRIPTS))
from corpus_gazette import CORPUS, FOLDERS, ISSUERS, parse, write_vocabularies  # noqa: E402

from gazette.config import Config  # noqa: E402
from gazette.model.kinds import KIND_BY_NAME  # noqa: E402
from gazette.project import load_and_check  # noqa: E402
from gazette.wordimport.document import import_docx  # noqa: E402

HEADING = re.compile(r"^#{2,6}\s+(.+)$")


def write_docx(path: Path, title: str, body: str, issuer: str, number: str, date: str) -> list[str]:
    """The law as a department's .docx; returns the headings of the corpus Markdown."""
    d = docx.Document()
    for text in (f"{issuer}文件", number):
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(title).alignment = WD_ALIGN_PARAGRAPH.CENTER
    headings = []
    for line in body.splitlines():
        line = line.strip()
        match = HEADING.match(line)
        if match:
            headings.append(match.group(1).strip())
        if line and not line.startswith("<!--"):
            d.add_paragraph(match.group(1) if match else line.lstrip("#").strip())
    y, m, day = (int(x) for x in date.split("-"))
    d.add_paragraph(issuer)
    d.add_paragraph(f"{y}年{m}月{day}日")
    d.save(str(path))
    return headings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus files")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="gazette-import-"))
    root, sources = work / "project", work / "docx"
    (root / "content" / "documents").mkdir(parents=True, exist_ok=True)
    sources.mkdir(exist_ok=True)
    (root / "gazette.yml").write_text("name: 导入基准\npublisher: 基准测试\n", encoding="utf-8")
    write_vocabularies(root)
    config, kind = Config(root=root), KIND_BY_NAME["政策文件"]
    files = sorted(CORPUS.rglob("*.md"))[: args.limit]
    expected = imported = matched = 0
    found, seconds, docx_bytes = Counter(), 0.0, 0
    for index, path in enumerate(files, 1):
        title, body, date = parse(path)
        date = date or "2000-01-01"
        issuer, _, _, prefix = ISSUERS[FOLDERS.get(path.relative_to(CORPUS).parts[0], ("qita", "ministry"))[1]]
        source = sources / f"{index}.docx"
        headings = write_docx(source, title, body, issuer, f"{prefix}〔{date[:4]}〕{index}号", date)
        docx_bytes += source.stat().st_size
        start = time.perf_counter()
        result = import_docx(config, source, kind, f"{date[:4]}/law-{index}")
        seconds += time.perf_counter() - start
        found.update(re.sub(r"^\d+ 个", "", label) for label in result.carried)
        imported_body = result.path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        got = [line.lstrip("#").strip() for line in imported_body.splitlines() if line.startswith("#")]
        expected, imported = expected + len(headings), imported + len(got)
        matched += sum((Counter(headings) & Counter(got)).values())
    _, report = load_and_check(root)
    other = [f for f in report.errors if "仍是占位符" not in f.message]
    count = len(files)
    print(f"files:            {count} laws as .docx ({docx_bytes / 2**20:.1f} MiB)")
    print(f"import:           {seconds:.1f} s in total, {1000 * seconds / max(count, 1):.0f} ms per file")
    print("found:            " + ", ".join(f"{label} {n}/{count}" for label, n in found.most_common()))
    print(f"headings:         {expected} in the corpus Markdown, {imported} imported as headings, "
          f"{matched} of them the same text ({100 * matched / max(expected, 1):.1f} % found, "
          f"{100 * matched / max(imported, 1):.1f} % of imported ones right)")
    print(f"check:            {len(report.errors)} errors, {len(report.errors) - len(other)} of them placeholders;"
          f" {len(report.warnings)} warnings")
    for finding in other[:10]:
        print("  " + finding.format())


if __name__ == "__main__":
    main()
