"""The `gazette` command: subcommands are modules listed in COMMANDS."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from ..errors import GazetteError
from . import build, check, import_docx, new, pdf, schema, serve, urls

COMMANDS = (check, build, serve, new, pdf, schema, import_docx, urls)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="gazette", description="政府公报网站生成工具")
    top.add_argument("-C", dest="root", metavar="DIR", type=Path, default=Path("."),
                     help="公报项目文件夹（默认为当前文件夹）")
    top.add_argument("--debug", action="store_true", help="出现内部错误时显示 Python 调用栈")
    commands = top.add_subparsers(dest="command", metavar="命令", required=True)
    for command in COMMANDS:
        sub = commands.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        sub.add_argument("-C", dest="root", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                         help="公报项目文件夹（默认为当前文件夹）")
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except GazetteError as exc:
        print(f"gazette：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ngazette：已中断。", file=sys.stderr)
        return 130
    except Exception:  # a bug in gazette, not in the content: say so without a traceback
        if args.debug or os.environ.get("GAZETTE_DEBUG"):
            raise
        detail = traceback.format_exc(limit=1).strip().splitlines()[-1]
        print(f"gazette：内部错误（{detail}）。这是 gazette 的缺陷而不是内容的问题；"
              "请加上 --debug 重新运行，并把输出报告给维护人员。", file=sys.stderr)
        return 2
