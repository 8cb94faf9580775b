"""gazette serve: live preview for editors (rebuilds on every save)."""

from __future__ import annotations

import sys

from ..build import MKDOCS_FILE, gazette_plugin, load_mkdocs_config, quiet_mkdocs
from ..errors import ContentError
from ..progress import Progress
from ..project import load_and_check
from ..site.session import Prepared
from .check import print_report

NAME = "serve"
HELP = "在本机预览网站，保存文件后自动刷新"


def add_arguments(parser) -> None:
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT", help="预览地址（默认 127.0.0.1:8000）")


def run(args) -> int:
    from mkdocs.commands.serve import serve

    root = args.root.resolve()
    progress = Progress()
    library, report = load_and_check(root, progress)
    print_report(report)
    if not report.ok:
        raise ContentError(report)
    quiet_mkdocs()
    # MkDocs keeps a plugin with on_startup across the configs it loads while serving, so the
    # first build takes this checked Library instead of loading the project again.
    gazette_plugin(load_mkdocs_config(root)).prepare(Prepared(root, library, progress, preview=True))
    print(f"预览地址：http://{args.dev_addr}/ （按 Ctrl+C 停止）", file=sys.stderr)
    serve(config_file=str(root / MKDOCS_FILE), dev_addr=args.dev_addr, livereload=True)
    return 0
