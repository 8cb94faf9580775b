"""gazette pdf <year>-<number>: one issue's print edition as a PDF file."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from ..errors import GazetteError
from ..library.issue import Issue
from ..library.library import Library
from ..progress import Progress
from ..project import load_and_check
from .check import print_report

NAME = "pdf"
HELP = "生成一期公报的印刷版 PDF（封面、目录和全部文件）"

ISSUE_ID = re.compile(r"^\s*(\d{4})\s*-\s*0*(\d+)\s*$")


def add_arguments(parser) -> None:
    parser.add_argument("issue", metavar="年份-期号", help="要生成的一期，如 2024-5（也可写 2024-05）")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="文件",
                        help="PDF 文件的保存位置（默认 build/print/gazette-<年份>-<期号>.pdf）")


def run(args) -> int:
    from ..print.edition import Edition  # WeasyPrint loads only for this command

    root = args.root.resolve()
    progress = Progress()
    library, report = load_and_check(root, progress)
    print_report(report)
    if not report.ok:
        raise GazetteError(f"检查发现 {report.error_count} 个错误，未生成 PDF。")
    issue = find_issue(library, args.issue)
    output = (args.output or root / "build" / "print" / f"gazette-{issue.year}-{issue.number}.pdf").resolve()
    edition = Edition(library)
    job = replace(edition.issue_job(issue), target=output.name)
    with progress.step("排版印刷版"):
        made = edition.make([job], output.parent)
    for finding in made.warnings.findings:
        print(finding.format(), file=sys.stderr)
    print(output)
    print(f"已生成 {library.config.name} {issue.title}：{output}（{made.pages} 页）", file=sys.stderr)
    return 0


def find_issue(library: Library, text: str) -> Issue:
    """The issue named `2024-5` (or `2024-05`); a clear message when there is none."""
    match = ISSUE_ID.match(text)
    known = "、".join(f"{i.year}-{i.number}" for i in library.issues) or "（没有期刊目录）"
    if not match:
        raise GazetteError(f"“{text}”不是期号的写法：请写成“年份-期号”，如 2024-5。现有：{known}。")
    year, number = int(match.group(1)), int(match.group(2))
    for issue in library.issues:
        if (issue.year, issue.number) == (year, number):
            return issue
    raise GazetteError(f"没有 {year}年第{number}期 的期刊目录（issues/ 下）。现有：{known}。")
