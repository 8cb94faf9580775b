"""gazette schema: JSON Schemas (or the Markdown reference) derived from the declarations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..config import load_config
from ..findings import Report
from ..library.loader import load_vocabularies
from ..model.exports import markdown_reference
from ..model.fields import Context
from ..model.jsonschemas import TARGETS

NAME = "schema"
HELP = "输出头部信息等的 JSON Schema（供编辑器补全和校验）或字段说明"


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("json", "markdown"), default="json", help="输出格式")
    parser.add_argument("--target", choices=sorted(TARGETS), default="document",
                        help="描述哪类文件：" + "；".join(f"{name}：{files}" for name, (_, files, _) in TARGETS.items())
                        + "（默认 document）")
    parser.add_argument("-o", "--output", type=Path, default=None, help="写入文件（默认输出到屏幕）")
    parser.add_argument("--dir", type=Path, default=None,
                        help="把每类文件的 JSON Schema 都写入此文件夹（如 build/schemas），供编辑器设置引用")


def run(args) -> int:
    if args.format == "markdown":
        _write(markdown_reference(), args.output)
        return 0
    ctx = _context(args.root.resolve())
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        for name, (filename, files, build) in TARGETS.items():
            _write(_json(build(ctx)), args.dir / filename)
        return 0
    _write(_json(TARGETS[args.target][2](ctx)), args.output)
    return 0


def _context(root: Path) -> Context:
    """The project's vocabularies and settings, so they become enums and patterns (when present)."""
    report = Report()  # a broken project still gets a schema; `gazette check` reports the problems
    config = load_config(root, report)
    return Context(vocabularies=load_vocabularies(config, report), config=config)


def _json(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _write(text: str, output: Path | None) -> None:
    if output:
        output.write_text(text, encoding="utf-8")
        print(f"已写入 {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
