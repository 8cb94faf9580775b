"""gazette urls: add the URL of every public document to the register (published-urls.txt)."""

from __future__ import annotations

import sys

from ..errors import GazetteError
from ..progress import Progress
from ..project import load_and_check
from ..redirects import REGISTER, update_register
from .check import print_report

NAME = "urls"
HELP = f"把全部主动公开文件的网址登记到 {REGISTER}（已登记的网址永不删除，改名或移动后用 redirect_from 跳转）"


def add_arguments(parser) -> None:
    parser.add_argument("--check", action="store_true",
                        help=f"只检查：有尚未登记的网址时列出它们并以状态 1 退出，不改写 {REGISTER}（用于合并请求检查）")


def run(args) -> int:
    library, report = load_and_check(args.root.resolve(), Progress())
    print_report(report)
    if not report.ok:
        raise GazetteError(f"检查发现 {report.error_count} 个错误，未登记网址：请先修正。")
    added = update_register(library, write=not args.check)
    for url in added:
        print(url)
    if args.check:
        if added:
            print(f"以上 {len(added)} 个网址尚未登记：请运行 gazette urls，并把 {REGISTER} 随文件一起提交。", file=sys.stderr)
        return 1 if added else 0
    print(f"新登记 {len(added)} 个网址，写入 {REGISTER}；请把它随文件一起提交。", file=sys.stderr)
    return 0
