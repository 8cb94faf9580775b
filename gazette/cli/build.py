"""gazette build: the whole flow; output in build/site/ (or --out)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..build import build_site
from ..progress import Progress
from .check import print_report

NAME = "build"
HELP = "检查并生成整个网站（默认输出到 build/site/）"


def add_arguments(parser) -> None:
    parser.add_argument("--out", type=Path, default=None, help="输出文件夹（默认 build/site）")


def run(args) -> int:
    out = build_site(args.root, args.out, Progress(), report_findings=print_report)
    print(f"网站已生成：{out}", file=sys.stderr)
    return 0
