"""Field types of the content model, declared once like MkDocs' config options.

Each type checks one raw YAML value, returns it normalised, reports problems
through `err(message, *subpath)`, and describes itself for the docs and for
JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from string import Formatter
from typing import Any
from urllib.parse import quote, urlsplit

from ..yamlsource import InvalidDate
from .kinds import VOCABULARY_LABELS
from .suggest import did_you_mean

Err = Callable[..., None]


@dataclass
class Context:
    """What a field may need beyond its value: vocabularies, settings, the file's folder."""

    vocabularies: Any = None  # gazette.model.vocabulary.Vocabularies
    config: Any = None  # gazette.config.Config
    folder: Path | None = None  # the document's folder, for attachments
    root: Path | None = None  # files may not escape this folder


def describe(value: Any) -> str:
    """A value as an editor sees it, with its YAML type in Chinese."""
    names = {int: "数字", float: "数字", list: "列表", dict: "键值对", dt.date: "日期", type(None): "空值"}
    if isinstance(value, str):
        return f"文字“{value}”"
    if isinstance(value, bool):
        return f"是/否值 {str(value).lower()}"
    kind = next((name for t, name in names.items() if type(value) is t), type(value).__name__)
    if isinstance(value, (list, dict)):
        return kind
    return f"{kind} {value!r}" if value is not None else kind


class Field:
    """Base class: `check` returns the normalised value (or None after reporting)."""

    label = "值"

    def check(self, value: Any, ctx: Context, err: Err) -> Any:
        raise NotImplementedError

    def json_schema(self, ctx: Context) -> dict:
        raise NotImplementedError

    def is_empty(self, value: Any) -> bool:
        return value is None or value == "" or value == []


class Text(Field):
    label = "文字"

    def __init__(self, one_line: bool = False):
        self.one_line = one_line
        if one_line:
            self.label = "文字（单行）"

    def check(self, value, ctx, err):
        if not isinstance(value, str):
            hint = "请给它加上引号" if isinstance(value, (int, float, bool, dt.date)) else "请写成一段文字"
            return err(f"应为文字，实际是{describe(value)}；{hint}")
        text = value.strip()
        if not text:
            return err("不能为空")
        if self.one_line and "\n" in text:
            return err("只能写一行，不能换行")
        return text

    def json_schema(self, ctx):
        schema = {"type": "string", "minLength": 1}
        if self.one_line:
            schema["pattern"] = r"^[^\n]*\S[^\n]*$"
        return schema


class Pattern(Text):
    """One line of text matching a pattern; `fix` proposes a corrected spelling."""

    def __init__(self, regex: str, expected: str, fix: Callable[[str], str] | None = None):
        super().__init__(one_line=True)
        self.regex, self.expected, self.fix = re.compile(regex), expected, fix
        self.label = f"文字，格式：{expected}"

    def check(self, value, ctx, err):
        text = super().check(value, ctx, lambda *a: err(*a))
        if text is None:
            return None
        if not self.regex.match(text):
            fixed = self.fix(text) if self.fix else None
            hint = f"是否应为“{fixed}”？" if fixed and fixed != text and self.regex.match(fixed) else ""
            return err(f"“{text}”格式不对，应为{self.expected}。{hint}")
        return text

    def json_schema(self, ctx):
        return {"type": "string", "pattern": self.regex.pattern}


class Choice(Field):
    def __init__(self, choices: Sequence[str]):
        self.choices = tuple(choices)
        self.label = "以下之一：" + "、".join(self.choices)

    def check(self, value, ctx, err):
        if not isinstance(value, str):
            return err(f"应为以下之一：{'、'.join(self.choices)}；实际是{describe(value)}")
        text = value.strip()
        if text not in self.choices:
            return err(f"“{text}”不是可选值（可选：{'、'.join(self.choices)}）。{did_you_mean(text, self.choices)}")
        return text

    def json_schema(self, ctx):
        return {"type": "string", "enum": list(self.choices)}


class Bool(Field):
    label = "是/否（true 或 false）"

    def check(self, value, ctx, err):
        if not isinstance(value, bool):
            return err(f"应为 true 或 false，实际是{describe(value)}")
        return value

    def json_schema(self, ctx):
        return {"type": "boolean"}


class Integer(Field):
    label = "正整数"

    def __init__(self, minimum: int = 1):
        self.minimum = minimum

    def check(self, value, ctx, err):
        if isinstance(value, bool) or not isinstance(value, int):
            return err(f"应为整数，实际是{describe(value)}")
        if value < self.minimum:
            return err(f"应不小于 {self.minimum}，实际是 {value}")
        return value

    def json_schema(self, ctx):
        return {"type": "integer", "minimum": self.minimum}


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Date(Field):
    label = "日期（YYYY-MM-DD）"

    def check(self, value, ctx, err):
        if isinstance(value, InvalidDate):
            return err(f"“{value}”不是存在的日期，请核对年、月、日")
        if isinstance(value, dt.datetime):
            return err(f"只写日期，不写时间：应为 {value.date().isoformat()}")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                return err(f"“{value.strip()}”不是存在的日期，请核对年、月、日")
        return err(f"应为日期，格式 YYYY-MM-DD（如 2024-04-07），实际是{describe(value)}")

    def json_schema(self, ctx):
        return {"type": "string", "format": "date", "pattern": ISO_DATE.pattern}


class Vocab(Field):
    """Values from a vocabulary (accepted by full or short name), normalised to full names."""

    def __init__(self, vocabulary: str, many: bool = False, single_allowed: bool = True):
        self.vocabulary, self.many, self.single_allowed = vocabulary, many, single_allowed

    @property
    def label(self):
        name = VOCABULARY_LABELS[self.vocabulary]
        return f"{name}中的值" + ("，多个值写成列表" if self.many else "")

    def check(self, value, ctx, err):
        vocabulary = ctx.vocabularies[self.vocabulary]
        if vocabulary.broken:
            return None  # the vocabulary file itself is reported; don't flood every document
        if not self.many:
            return self._one(value, vocabulary, err, ())
        items = as_list(value, err, self.single_allowed)
        if items is None:
            return None
        checked = [self._one(item, vocabulary, err, (index,)) for index, item in enumerate(items)]
        return [c for c in checked if c is not None] if None not in checked else None

    def _one(self, value, vocabulary, err, where):
        if not isinstance(value, str) or not value.strip():
            return err(f"应为{vocabulary.label}中的名称，实际是{describe(value)}", *where)
        entry = vocabulary.lookup(value.strip())
        if entry is None:
            hint = did_you_mean(value.strip(), vocabulary.aliases())
            return err(f"“{value.strip()}”不在{vocabulary.label}（{vocabulary.file}）中。{hint}"
                       f"{'' if hint else '请使用词表中的名称，或先在词表中增加此项。'}", *where)
        return entry.name

    def json_schema(self, ctx):
        names = ctx.vocabularies[self.vocabulary].aliases() if ctx and ctx.vocabularies else {}
        one = {"type": "string", "enum": sorted(names)} if names else {"type": "string"}
        if not self.many:
            return one
        listed = {"type": "array", "items": one, "minItems": 1, "uniqueItems": True}
        return {"anyOf": [one, listed]} if self.single_allowed else listed


def as_list(value: Any, err: Err, single_allowed: bool = True) -> list | None:
    """A YAML list, or a single value accepted as a one-item list."""
    if isinstance(value, list):
        return value
    if single_allowed and isinstance(value, str):
        return [value]
    if single_allowed:
        return err(f"应为一个值或列表（每项一行，以“- ”开头），实际是{describe(value)}")
    return err(f"应为列表（每项一行，以“- ”开头），实际是{describe(value)}")


class ListOf(Field):
    """A list whose every item is checked by `item`; a single value counts as one item."""

    def __init__(self, item: Field, single_allowed: bool = True, unique: bool = True):
        self.item, self.single_allowed, self.unique = item, single_allowed, unique
        self.label = f"列表，每项为{item.label}"

    def check(self, value, ctx, err):
        items = as_list(value, err, self.single_allowed)
        if items is None:
            return None
        result, seen = [], set()
        for index, raw in enumerate(items):
            checked = self.item.check(raw, ctx, lambda msg, *sub, i=index: err(f"第 {i + 1} 项{msg}", i, *sub))
            if checked is None:
                continue
            marker = repr(checked)
            if self.unique and marker in seen:
                err(f"第 {index + 1} 项与前面的项重复", index)
                continue
            seen.add(marker)
            result.append(checked)
        return result

    def json_schema(self, ctx):
        listed = {"type": "array", "items": self.item.json_schema(ctx)}
        if self.single_allowed:
            return {"anyOf": [self.item.json_schema(ctx), listed]}
        return listed


@dataclass
class Record(Field):
    """A mapping with declared sub-keys, all required."""

    fields: dict[str, tuple[str, Field]] = field(default_factory=dict)  # key -> (中文, field)

    @property
    def label(self):
        return "包含 " + "、".join(f"{key}（{name}）" for key, (name, _) in self.fields.items()) + " 的键值对"

    def check(self, value, ctx, err):
        if not isinstance(value, dict):
            return err(f"应为包含 {'、'.join(self.fields)} 的键值对，实际是{describe(value)}")
        result, ok = {}, True
        for key in value:
            if key not in self.fields:
                err(f"中有未知的键“{key}”（可用：{'、'.join(self.fields)}）。{did_you_mean(str(key), self.fields)}", key)
                ok = False
        for key, (name, sub) in self.fields.items():
            if key not in value:
                err(f"缺少 {key}（{name}）")
                ok = False
                continue
            checked = sub.check(value[key], ctx, lambda msg, *s, k=key, n=name: err(f"的 {k}（{n}）{msg}", k, *s))
            ok = ok and checked is not None
            result[key] = checked
        return result if ok else None

    def json_schema(self, ctx):
        return {
            "type": "object",
            "properties": {k: {"title": n, **f.json_schema(ctx)} for k, (n, f) in self.fields.items()},
            "required": list(self.fields),
            "additionalProperties": False,
        }


class OneLine(Text):
    """One line of text that a subclass checks further in `check_text`."""

    def __init__(self):
        super().__init__(one_line=True)

    def check(self, value, ctx, err):
        text = super().check(value, ctx, err)
        return None if text is None else self.check_text(text, ctx, err)

    def check_text(self, text, ctx, err):
        raise NotImplementedError


class HttpsUrl(OneLine):
    label = "https:// 网址，主机须在允许的办事服务主机名单中"

    def check_text(self, text, ctx, err):
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.hostname:
            return err(f"“{text}”必须是以 https:// 开头的完整网址")
        hosts = ctx.config.service_hosts if ctx and ctx.config else ()
        if hosts and not host_in_allow_list(parts.hostname, hosts):
            return err(f"主机“{parts.hostname}”不在允许的办事服务主机名单中（gazette.yml 的 service_hosts：{'、'.join(hosts)}）")
        return text

    def json_schema(self, ctx):
        hosts = ctx.config.service_hosts if ctx and ctx.config else ()
        if not hosts:
            return {"type": "string", "pattern": "^https://", "format": "uri"}
        names = "|".join(ecma_escape(host) for host in hosts)
        return {"type": "string", "format": "uri",
                "pattern": rf"^https://([^/?#@]+\.)?({names})(:[0-9]+)?([/?#]|$)"}


class UrlTemplate(OneLine):
    """An https:// URL with {name} placeholders, each one of `placeholders` (name -> 中文)."""

    def __init__(self, placeholders: dict[str, str]):
        super().__init__()
        self.placeholders = placeholders
        self.label = "https:// 网址模板，可含 " + "、".join(f"{{{name}}}（{label}）" for name, label in placeholders.items())

    def check_text(self, text, ctx, err):
        try:
            fields = [(name, spec or conversion) for _, name, spec, conversion in Formatter().parse(text) if name is not None]
        except ValueError:
            return err(f"“{text}”中的花括号不成对；占位符写成 {{doc_number}} 这样，网址本身的花括号写成 {{{{ 和 }}}}")
        unknown = [name for name, extra in fields if name not in self.placeholders or extra]
        if unknown:
            return err(f"“{text}”中有未知的占位符“{{{unknown[0]}}}”（可用：{'、'.join('{' + n + '}' for n in self.placeholders)}）")
        parts = urlsplit(text)
        if parts.scheme != "https" or not parts.hostname:
            return err(f"“{text}”必须是以 https:// 开头的完整网址")
        return text

    def fill(self, template: str, **values: str) -> str:
        """The URL with each placeholder replaced by its value, percent-encoded (a checked template)."""
        return template.format(**{name: quote(values[name], safe="") for name in self.placeholders})

    def json_schema(self, ctx):
        names = "|".join(ecma_escape(name) for name in self.placeholders)
        return {"type": "string", "pattern": rf"^https://[^{{}}/?#]+([^{{}}]|\{{\{{|\}}\}}|\{{({names})\}})*$"}


def ecma_escape(text: str) -> str:
    """Escape for a JSON Schema (ECMA-262) pattern: only syntax characters, valid in unicode mode too."""
    return re.sub(r"([\\^$.*+?()\[\]{}|/])", r"\\\1", text)


def host_in_allow_list(host: str, allowed: Sequence[str]) -> bool:
    """The host is one of `allowed` or a sub-domain of one."""
    return any(host == a or host.endswith("." + a) for a in allowed)


class FilePath(OneLine):
    """A file beside the document (relative path, no way out of the content folder)."""

    label = "相对于本文件所在文件夹的文件名"

    def check_text(self, text, ctx, err):
        relative = PurePosixPath(text)
        if relative.is_absolute() or ".." in relative.parts:
            return err(f"“{text}”应为本文件所在文件夹中的文件名，不能以 / 开头或包含 ..")
        if relative.suffix.lower() == ".md":
            return err(f"“{text}”是 Markdown 文件，不能作为附件；请改为链接")
        if ctx and ctx.folder is not None and not (ctx.folder / relative).is_file():
            return err(f"找不到文件“{text}”（应放在 {_shown(ctx, ctx.folder / relative)}）")
        return text


def _shown(ctx: Context, path: Path) -> str:
    try:
        return path.relative_to(ctx.root.parent).as_posix() if ctx.root else path.as_posix()
    except ValueError:
        return path.as_posix()
