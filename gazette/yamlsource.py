"""Reading text files and YAML while keeping the line of every key and item.

Nothing here raises on bad input: problems become findings in a Report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .findings import Report


class InvalidDate(str):
    """A YAML timestamp that names no real day (2024-02-30): kept as text."""


class _Loader(yaml.SafeLoader):
    """SafeLoader that never raises on an impossible date."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same with libyaml's scanner and composer (C) when PyYAML has them: what it reads, it reads as
    _Loader does; what it refuses, _Loader reads again, for PyYAML's own messages (parse_yaml)."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


for _class in (_Loader, _FastLoader):
    _class.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

_YAML_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（值里的半角冒号后跟空格时，请给整个值加引号）",
    "could not find expected ':'": "缺少半角冒号“:”（每行应写成“键: 值”）",
    "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请改用空格",
    "expected <block end>, but found '-'": "列表缩进不一致",
    "found undefined alias": "使用了未定义的锚点别名（*）",
    "found unexpected end of stream": "引号或括号没有闭合",
    "found unknown escape character": "双引号里有无效的转义字符（反斜杠）",
    "expected ',' or ']'": "方括号列表没有闭合（缺少“]”或项之间的半角逗号）",
    "expected ',' or '}'": "花括号没有闭合（缺少“}”或半角逗号）",
    "found character that cannot start any token": "值以 YAML 的特殊字符开头（如 @、`、%），请给整个值加引号",
    "expected <block end>": "缩进不一致：同一层的键须对齐",
    "expected a comment or a line break": "引号后面还有多余的文字",
}


def read_text(path: Path, rel: str, report: Report) -> str | None:
    """Decode a file as UTF-8 text, or report why it cannot be read."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        report.error(rel, 1, "这不是文本文件（含有二进制内容）。文件须为 UTF-8 编码的纯文本；"
                             "如果这是附件，请把它列在文件的 attachments 中，而不要用 .md 或 .yml 扩展名。")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.error(rel, line, f"文件不是 UTF-8 编码（第 {exc.start + 1} 个字节无法解码）。"
                                "请在编辑器中把文件另存为 UTF-8 编码（不要用 GBK/GB2312）。")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class YamlDoc:
    """Parsed YAML with the node tree kept for line lookups."""

    data: Any
    node: yaml.Node
    first_line: int  # file line of the YAML text's first line

    def line(self, *path: Any) -> int:
        """File line of the node at `path` (keys and list indexes); the closest existing parent."""
        node = self.node
        line = node.start_mark.line
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node, line = child
        return line + self.first_line

    def span(self, key: Any) -> tuple[int, int] | None:
        """First and last file line of a top-level key and its value."""
        if isinstance(self.node, yaml.MappingNode):
            for k, value in self.node.value:
                if k.value == key:
                    end = value.end_mark.line - (1 if value.end_mark.column == 0 else 0)
                    return k.start_mark.line + self.first_line, max(end, k.start_mark.line) + self.first_line
        return None

    def key_lines(self) -> list[tuple[Any, int]]:
        """Every top-level key with its file line, duplicates included, in order."""
        if not isinstance(self.node, yaml.MappingNode):
            return []
        return [(k.value, k.start_mark.line + self.first_line) for k, _ in self.node.value]


def _child(node: yaml.Node, step: Any) -> tuple[yaml.Node, int] | None:
    """The child node at one path step, with the line of its key (mappings) or item (lists)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                return value, key.start_mark.line
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item = node.value[step]
        return item, item.start_mark.line
    return None


def parse_yaml(text: str, rel: str, first_line: int, report: Report) -> YamlDoc | None:
    """Parse one YAML document; a syntax error becomes a finding, never an exception."""
    return _parse_yaml(text, rel, first_line, report, _FastLoader if _composes(text) else _Loader)


# What libyaml reads differently from PyYAML (found by comparing the two on random text): tabs, odd line
# breaks, tags, complex keys, a comment straight after a block scalar's indicator.
_LENIENT = re.compile("[\t\r\x85\u2028\u2029!?]|[|>][-+0-9]*#")


def _composes(text: str) -> bool:
    """Whether libyaml reads `text` as PyYAML does: text without the characters the two read differently,
    that libyaml composes (it stops at 1,000 levels of flow nesting). PyYAML reads, and reports, the rest."""
    if _LENIENT.search(text):
        return False
    loader = _FastLoader(text)
    try:
        loader.get_single_node()
        return True
    except (yaml.YAMLError, ValueError):
        return False
    finally:
        loader.dispose()


def _parse_yaml(text: str, rel: str, first_line: int, report: Report, loader_class: type) -> YamlDoc | None:
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            problem = _shape_problem(node)
            if problem:
                report.error(rel, first_line, problem)
                return None
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        report.error(rel, line, f"YAML 格式错误：{_explain(exc)}。请检查这一行及上一行的缩进、冒号和引号。")
        return None
    except (yaml.YAMLError, TypeError, ValueError) as exc:
        report.error(rel, first_line, f"YAML 无法解析：{exc}。请检查头部信息的格式。")
        return None
    except RecursionError:
        report.error(rel, first_line, f"YAML 嵌套超过 {MAX_DEPTH} 层，无法读取：头部信息的值最多是“列表中的记录”这样两三层。")
        return None
    if node is None:
        node = yaml.MappingNode("tag:yaml.org,2002:map", [], yaml.Mark(rel, 0, 0, 0, None, None))
    return YamlDoc(data, node, first_line)


class _Cycle(Exception):
    """An alias inside the value it names."""


class _TooDeep(Exception):
    """Nesting deeper than MAX_DEPTH."""


MAX_NODES = 100_000  # values, with every alias (*name) expanded: far above any real front matter
MAX_DEPTH = 20  # front matter, vocabularies and manifests nest three or four levels


def _shape_problem(node: yaml.Node | None) -> str | None:
    """Why the YAML is unsafe to construct and walk (alias cycle, "billion laughs", deep nesting), if it is."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(current: yaml.Node, depth: int) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _Cycle
        if depth > MAX_DEPTH:
            raise _TooDeep
        open_nodes.add(key)
        children = current.value if isinstance(current, (yaml.SequenceNode, yaml.MappingNode)) else []
        total = 1
        for child in children:
            parts = child if isinstance(child, tuple) else (child,)
            total += sum(size(part, depth + 1) for part in parts)
            if total > MAX_NODES:
                break
        open_nodes.discard(key)
        sizes[key] = total
        return total

    if node is None:
        return None
    try:
        too_big = size(node, 0) > MAX_NODES
    except _TooDeep:
        return f"嵌套超过 {MAX_DEPTH} 层，无法读取：头部信息的值最多是“列表中的记录”这样两三层。"
    except _Cycle:
        return "锚点别名（&名称 / *名称）引用了自身，无法读取：请不要在头部信息中使用锚点和别名，直接写出每个值。"
    if too_big:
        return (f"锚点别名（&名称 / *名称）展开后超过 {MAX_NODES} 项，无法读取：请不要在头部信息中使用锚点和别名，"
                "直接写出每个值。")
    return None


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    for english, chinese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    if "quoted scalar" in (exc.context or ""):
        return "引号没有闭合"
    return f"解析器提示“{problem}”"


_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class FrontMatterSplit:
    yaml_text: str
    yaml_first_line: int
    body: str
    body_first_line: int


def split_front_matter(text: str, rel: str, report: Report) -> FrontMatterSplit | None:
    """Split `---` front matter from the Markdown body, reporting a missing or open block."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        report.error(rel, 1, "缺少头部信息：文件第一行应为“---”，其后是 YAML 格式的头部信息（标题、发文机关等），"
                             "再以一行“---”结束。可以用“gazette new <信息类别>”生成模板。")
        return None
    for index in range(1, len(lines)):
        if _END.match(lines[index]):
            return FrontMatterSplit(
                yaml_text="\n".join(lines[1:index]),
                yaml_first_line=2,
                body="\n".join(lines[index + 1:]),
                body_first_line=index + 2,
            )
    report.error(rel, 1, "头部信息没有结束：第一行的“---”之后找不到结束的“---”行。请在头部信息之后单独写一行“---”。")
    return None


def read_front_matter(path: Path, rel: str, report: Report) -> tuple[YamlDoc, FrontMatterSplit] | None:
    """A Markdown file's front matter parsed (lines kept) and its split, or None after reporting why not."""
    text = read_text(path, rel, report)
    split = split_front_matter(text, rel, report) if text is not None else None
    parsed = parse_yaml(split.yaml_text, rel, split.yaml_first_line, report) if split else None
    return (parsed, split) if parsed is not None else None
