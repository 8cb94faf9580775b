"""gazette new <kind>: a new document with every required key as a placeholder."""

from __future__ import annotations

import sys

from ..clock import build_date
from ..config import Config
from ..model.kinds import KINDS
from ..newdoc import new_document_path, skeleton
from .common import kind_argument, project_root

NAME = "new"
HELP = "新建一份文件，必填的键以占位符列出"


def add_arguments(parser) -> None:
    parser.add_argument("kind", help="信息类别：" + "、".join(f"{k.name}（{k.slug}）" for k in KINDS))
    parser.add_argument("--id", dest="doc_id", default=None,
                        help="文件编号，即 content/documents/ 下不含 .md 的路径，如 2024/ptfb-2024-6（默认自动编号）")


def run(args) -> int:
    kind = kind_argument(args.kind)
    root = project_root(args.root)
    config, today = Config(root=root), build_date()
    path = new_document_path(config, kind, args.doc_id, today.year)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(kind, today), encoding="utf-8")
    print(config.rel(path))
    print(f"已新建 {config.rel(path)}：请填写所有“【待填写……】”占位符，然后运行 gazette check。", file=sys.stderr)
    return 0
