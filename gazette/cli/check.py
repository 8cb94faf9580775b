"""gazette check: load and check; print every finding; exit 1 on any error."""

from __future__ import annotations

import sys
from pathlib import Path

from ..annotations import github_annotation, relocate, write_step_summary
from ..findings import Report
from ..online import services
from ..progress import Progress
from ..project import load_and_check

NAME = "check"
HELP = "检查全部文件、词表和期刊目录，列出所有问题"

FORMATS = {
    "text": lambda f: f.format(),
    "github": github_annotation,
}


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="输出格式：text（文件:行: 级别: 问题）或 github（GitHub Actions 注释）")
    services.add_arguments(parser)


def run(args) -> int:
    options = services.options_from(args) if args.online else None
    progress = Progress()
    library, report = load_and_check(args.root, progress)
    if options:
        counts = services.check_services(library, report, options, progress)
        services.print_counts(counts, options.cache_hours)
    if args.format == "github":
        report = relocate(report, args.root, Path.cwd())
        write_step_summary(report)
    print_report(report, args.format)
    return 0 if report.ok else 1


def print_report(report: Report, fmt: str = "text") -> None:
    for finding in report.findings:
        print(FORMATS[fmt](finding))
    print(f"检查结果：{report.summary()}。", file=sys.stderr)
