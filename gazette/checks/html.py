"""Raw HTML and URLs in bodies: only the allow-list of gazette.htmlpolicy, nothing from outside content/.

The first wall (gazette.sanitize is the second): every raw tag, attribute, URL
scheme and `{…}` attribute list an editor writes is checked, each problem an
error on its line with the way to fix it. Attachments and files under content/
must not lead outside it through symbolic links.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..findings import Report
from ..htmlpolicy import RAW_ATTRIBUTES, RAW_TAGS, RENDERED_ATTRIBUTES, RENDERED_TAGS, SCHEMES, normalized_url, url_scheme
from ..library.document import Document
from ..library.library import Library
from ..library.body import ParsedBody
from ..mdsource import prose

_ATTR_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"([^\s=#.{}]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")
_ALLOWED_SCHEMES = "、".join(f"{s}:" for s in sorted(SCHEMES))
_TAGS_HINT = "公文正文只能用表格、列表、标题、强调、上下标、换行、图片和链接（其余请改用 Markdown 写法或删除）"


def check(library: Library, report: Report) -> None:
    content = library.config.content_dir.resolve()
    for doc in library.documents.values():
        problems = doc.parsed.derived("html", lambda: body_problems(doc.body, doc.body_line, doc.parsed), lasting=True)
        for line, message in problems:
            report.error(doc.rel, line, message)
        _attachments(content, doc, report)
    for collection in library.collections:  # a collection's intro is published like a body
        for line, message in body_problems(collection.body, collection.body_line, collection.parsed):
            report.error(collection.rel, line, message)
    _symlinks(library, report)


def body_problems(body: str, first_line: int, parsed: ParsedBody | None = None) -> list[tuple[int, str]]:
    """(file line, message) of every raw HTML, attribute-list and URL problem of a body (`parsed`: its one parse)."""
    parsed = parsed or ParsedBody(body, first_line)
    problems = []
    for tag in parsed.raw_tags:
        line = tag.line + first_line - 1
        problems += [(line, message) for message in _tag_problems(tag.tag, tag.attrs)]
    for number, text in enumerate(prose(body) if "{" in body else [], first_line):  # attribute lists: {…}
        for found in _ATTR_LIST.finditer(text):
            for name, _ in _ATTR_PAIR.findall(found.group(1)):
                if name.lower() not in RAW_ATTRIBUTES["*"]:
                    problems.append((number, f"属性列表“{{{found.group(1).strip()}}}”中的属性 {name} 不允许使用："
                                             "正文只能用 {#锚点} 这样的属性列表，请删除它。"))
    for link in parsed.links:
        message = _url_problem(link.target, link.image)
        if message:
            problems.append((link.line, message))
    return sorted(set(problems or _rendered_problems(parsed)))


def _rendered_problems(parsed: ParsedBody) -> list[tuple[int, str]]:
    """What the dialect makes of source the scan above reads differently (e.g. `</<math>`), on the line that holds it.

    Each distinct tag is read once: its line is where the prose first holds its name, whatever its place.
    """
    problems = []
    first_line = parsed.first_line
    lines: list[str] | None = None  # the prose, lower-cased, read only when a tag has a problem
    for tag, attrs in sorted(parsed.rendered_tags):
        messages = _tag_problems(tag, attrs, RENDERED_TAGS, RENDERED_ATTRIBUTES)
        messages += [m for name, value in attrs if name in ("href", "src")
                     for m in [_url_problem(value, tag == "img")] if m]
        if not messages:
            continue
        lines = lines if lines is not None else [text.lower() for text in prose(parsed.body)]
        needle = f"<{tag}".lower()
        line = next((n for n, text in enumerate(lines, first_line) if needle in text), first_line)
        problems += [(line, message) for message in messages]
    return problems


def _tag_problems(tag: str, attrs: tuple[tuple[str, str], ...], tags=RAW_TAGS, attributes=RAW_ATTRIBUTES) -> list[str]:
    if tag not in tags:
        return [f"不允许的 HTML 标记 <{tag}>：{_TAGS_HINT}。"]
    problems = []
    allowed = attributes["*"] | attributes.get(tag, frozenset())
    for name, value in attrs:
        if name.startswith("on"):
            problems.append(f"<{tag}> 的事件属性 {name} 会在读者的浏览器中运行脚本，不允许使用，请删除。")
        elif name == "rel" and "attachment" in value.lower().split():
            problems.append(f"<{tag} rel=\"attachment\"> 会把文件嵌入印刷版 PDF，不允许使用："
                            "附件请写在头部信息的 attachments 中。")
        elif name not in allowed:
            shown = "、".join(sorted(allowed))
            problems.append(f"<{tag}> 的属性 {name} 不允许使用（可用的属性：{shown}），请删除。")
    return problems


def _url_problem(target: str, image: bool) -> str | None:
    scheme = url_scheme(target)
    shown = normalized_url(target)[:80]
    if scheme is None:
        return None
    if image:
        return (f"图片“{shown}”不是本项目中的文件：图片须放在本文件旁边，用相对路径引用"
                "（如 ![说明](图片.png)），不能引用其他网站、file: 或 data: 地址。")
    if scheme in SCHEMES:
        return None
    if scheme == "//":
        return f"链接“{shown}”省略了协议：请写完整的 https:// 网址。"
    return (f"链接“{shown}”使用了不允许的协议 {scheme}:（只能用 {_ALLOWED_SCHEMES} 或相对路径），"
            "请改为 https:// 网址或删除此链接。")


def _attachments(content: Path, doc: Document, report: Report) -> None:
    """An attachment that is a symbolic link out of `content` (resolved) would publish a file of the build machine."""
    for index, attachment in enumerate(doc.attachments or []):
        path = doc.path.parent / str(attachment.get("file", ""))
        if path.is_file() and not path.resolve().is_relative_to(content):
            line = doc.line("attachments", index, "file")
            report.error(doc.rel, line, f"附件“{attachment['file']}”是指向 content/ 之外的符号链接，不会发布："
                                        "请把文件本身复制到本文件旁边。")


def _symlinks(library: Library, report: Report) -> None:
    """Every symbolic link under content/ must stay inside it (MkDocs would copy its target)."""
    content = library.config.content_dir
    if not content.is_dir():
        return
    root = content.resolve()
    for path in sorted(content.rglob("*")):
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            report.error(library.config.rel(path), 1, "这是指向 content/ 之外的符号链接：网站只发布 content/ 中的文件，"
                                                      "请删除它，或把文件本身复制进来。")

