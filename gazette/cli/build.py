"""gazette build: the whole flow; output in build/site/ (or --out)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..build import build_site
from ..jobs import WORKERS_ENV, workers
from ..progress import Progress
from .check import print_report

NAME = "build"
HELP = "检查并生成整个网站（默认输出到 build/site/）"


def add_arguments(parser) -> None:
    parser.add_argument("--out", type=Path, default=None, help="输出文件夹（默认 build/site）")
    parser.add_argument("--no-pdf", dest="pdfs", action="store_false",
                        help="不生成印刷版 PDF（每期和每份文件的 PDF）：页面上不出现 PDF 下载链接和刊登页码，生成更快")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="同时工作的进程数：正文转换、检索索引分片和 PDF 排版（默认取环境变量 GAZETTE_JOBS，未设置时为处理器核数）")
    parser.add_argument("--no-cache", dest="incremental", action="store_false",
                        help="不沿用上次生成的网页，全部重新生成（默认只重新生成输入有改动的网页）")


def run(args) -> int:
    if args.jobs is not None:  # every step that runs processes reads the one setting (gazette.jobs)
        os.environ[WORKERS_ENV] = str(workers(args.jobs))
    out = build_site(args.root, args.out, Progress(), report_findings=print_report, pdfs=args.pdfs, jobs=args.jobs,
                     incremental=args.incremental)
    print(f"网站已生成：{out}", file=sys.stderr)
    return 0
