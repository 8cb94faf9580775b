"""gazette schema: the front-matter JSON Schema (or Markdown reference) from the declaration."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..findings import Report
from ..library.loader import load_vocabularies
from ..config import load_config
from ..model.exports import json_schema, markdown_reference
from ..model.fields import Context

NAME = "schema"
HELP = "输出文件头部信息的 JSON Schema（供编辑器补全和校验）或字段说明"


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("json", "markdown"), default="json", help="输出格式")
    parser.add_argument("-o", "--output", type=Path, default=None, help="写入文件（默认输出到屏幕）")


def run(args) -> int:
    if args.format == "markdown":
        text = markdown_reference()
    else:
        report = Report()  # vocabularies become enums when the project has them
        config = load_config(args.root.resolve(), report)
        ctx = Context(vocabularies=load_vocabularies(config, report), config=config)
        text = json.dumps(json_schema(ctx), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"已写入 {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
