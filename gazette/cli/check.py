"""gazette check: load and check; print every finding; exit 1 on any error."""

from __future__ import annotations

import sys

from ..findings import Report
from ..progress import Progress
from ..project import load_and_check

NAME = "check"
HELP = "检查全部文件、词表和期刊目录，列出所有问题"

FORMATS = {
    "text": lambda f: f.format(),
}


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="输出格式")


def run(args) -> int:
    _, report = load_and_check(args.root, Progress())
    print_report(report, args.format)
    return 0 if report.ok else 1


def print_report(report: Report, fmt: str = "text") -> None:
    for finding in report.findings:
        print(FORMATS[fmt](finding))
    print(f"检查结果：{report.summary()}。", file=sys.stderr)
