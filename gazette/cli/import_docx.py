"""gazette import FILE.docx: a Word file as a new document, 公文要素 filled from its text."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import load_config
from ..findings import Report
from ..model.kinds import KINDS, POLICY
from ..wordimport.document import import_docx
from .common import kind_argument, project_root

NAME = "import"
HELP = "把 Word（.docx）文件导入为一份文件，从原文提取标题、发文字号、成文日期、发文机关等"


def add_arguments(parser) -> None:
    parser.add_argument("file", type=Path, help="Word 文件（.docx）")
    parser.add_argument("--kind", default=POLICY, help=f"信息类别（默认 {POLICY}）：" + "、".join(k.name for k in KINDS))
    parser.add_argument("--id", dest="doc_id", default=None,
                        help="文件编号，即 content/documents/ 下不含 .md 的路径，如 2024/ptfb-2024-6（默认自动编号）")


def run(args) -> int:
    kind = kind_argument(args.kind)
    config = load_config(project_root(args.root), Report())  # settings problems: gazette check reports them
    result = import_docx(config, args.file, kind, args.doc_id)
    rel = config.rel(result.path)
    print(rel)
    extras = [f"{result.tables} 个表格" if result.tables else "", f"{result.images} 张图片" if result.images else ""]
    print(f"已导入 {rel}（来自 {args.file.name}）。", file=sys.stderr)
    print(f"  已从原文提取：{'、'.join(result.carried + [e for e in extras if e]) or '无'}", file=sys.stderr)
    if result.missing:
        print(f"  待填写（文件中以“【待填写……】”标出）：{'、'.join(result.missing)}", file=sys.stderr)
    if result.found.issuer_note:
        print(f"  注意：{result.found.issuer_note}。", file=sys.stderr)
    for note in result.skipped:
        print(f"  未导入：{note}", file=sys.stderr)
    print("请对照原件逐项核对，填写占位符后运行 gazette check。", file=sys.stderr)
    return 0
