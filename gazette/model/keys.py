"""Checking one YAML mapping against a declared Schema, reporting with lines."""

from __future__ import annotations

from typing import Any

from ..findings import Report
from ..yamlsource import YamlDoc
from .fields import Context, describe
from .schema import Schema
from .suggest import did_you_mean

PLACEHOLDER = "【待填写"  # how `gazette new` and `gazette import` mark what an editor must still fill in


def check_mapping(parsed: YamlDoc, schema: Schema, ctx: Context, rel: str, report: Report,
                  what: str, kind: str | None = None) -> dict[str, Any]:
    """Valid values by key; every problem (type, vocabulary, unknown, missing) reported."""
    data = parsed.data
    if not isinstance(data, dict):
        report.error(rel, parsed.first_line, f"{what}应为“键: 值”的形式，实际是{describe(data)}。")
        return {}
    _report_duplicates(parsed, rel, report)
    lines = dict(parsed.key_lines())
    values: dict[str, Any] = {}
    for key, raw in data.items():
        line = lines.get(key, parsed.first_line)
        if key not in schema:
            hint = did_you_mean(str(key), list(schema.keys))
            report.error(rel, line, f"未知的键“{key}”。{hint or '请删除它，或查看编辑指南中可用的键。'}")
            continue
        spec = schema[key]
        if raw is None or raw == "" or raw == []:
            if spec.required_for(kind):
                report.error(rel, line, f"{key}（{spec.label}）不能为空：{_required_reason(spec, kind)}。{spec.help}")
            continue
        if _has_placeholder(raw):
            report.error(rel, line, f"{key}（{spec.label}）仍是占位符，请填写实际内容。{spec.help}")
            continue

        def err(message: str, *sub: Any, key=key, spec=spec) -> None:
            report.error(rel, parsed.line(key, *sub), sentence(f"{key}（{spec.label}）{message}"))

        value = spec.field.check(raw, ctx, err)
        if value is not None:
            values[key] = value
    for spec in schema:
        if spec.name not in data and spec.required_for(kind):
            report.error(rel, parsed.first_line - 1 if parsed.first_line > 1 else 1,
                         f"缺少必填的键 {spec.name}（{spec.label}）：{_required_reason(spec, kind)}。{spec.help}")
    return values


def sentence(message: str) -> str:
    """End a message with Chinese punctuation."""
    message = message.strip()
    return message if message.endswith(("。", "？", "！")) else message + "。"


def _required_reason(spec, kind: str | None) -> str:
    if "*" in spec.required or not kind:
        return "此项必填"
    return f"信息类别为“{kind}”的文件必须填写"


def _report_duplicates(parsed: YamlDoc, rel: str, report: Report) -> None:
    seen: dict[Any, int] = {}
    for key, line in parsed.key_lines():
        if key in seen:
            report.error(rel, line, f"键“{key}”重复出现（第一次在第 {seen[key]} 行），只会保留一个值。请删除其中一个。")
        else:
            seen[key] = line


def _has_placeholder(value: Any) -> bool:
    if isinstance(value, str):
        return PLACEHOLDER in value
    if isinstance(value, list):
        return any(_has_placeholder(v) for v in value)
    if isinstance(value, dict):
        return any(_has_placeholder(v) for v in value.values())
    return False
