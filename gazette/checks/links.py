"""Internal links in Markdown bodies: targets that exist, are public, and have the anchor."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..findings import Report
from ..htmlpolicy import url_scheme
from ..library.document import Document
from ..library.library import Library
from ..markdown import heading_ids
from ..mdsource import autolinks, prose, raw_tags
from ..model.suggest import did_you_mean

_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")


@dataclass
class Link:
    target: str
    line: int
    image: bool = False


def links_in(body: str, first_line: int) -> Iterator[Link]:
    """Every link and image destination outside code, in Markdown or raw HTML, with its file line."""
    for number, text in enumerate(prose(body), first_line):
        for found in _INLINE.finditer(text):
            yield Link(found.group(1), number, found.group(0).startswith("!"))
        ref = _REFERENCE.match(text)
        if ref:
            yield Link(ref.group(1), number)
        for url in autolinks(text):
            yield Link(url, number)
    for tag in raw_tags(body):
        for name, value in tag.attrs:
            if name in ("href", "src"):
                yield Link(value, tag.line + first_line - 1, tag.tag == "img")


def check(library: Library, report: Report) -> None:
    from ..site.urls import page_urls

    checker = _Checker(library, page_urls(library), report)
    for doc in library.documents.values():
        for link in links_in(doc.body, doc.body_line):
            checker.check(doc, link)


class _Checker:
    def __init__(self, library: Library, urls: set[str], report: Report):
        self.library, self.urls, self.report = library, urls, report
        self.content = library.config.content_dir
        self.by_path = {doc.path: doc for doc in library.documents.values()}

    def check(self, doc: Document, link: Link) -> None:
        target = link.target.strip()
        if not target or url_scheme(target) is not None:
            return  # external: gazette.checks.html checks the scheme, `gazette check --online` the address
        parts = urlsplit(target)
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        problem = self._problem(doc, path, anchor)
        if problem:
            self.report.error(doc.rel, link.line, f"链接“{target}”{problem}")

    def _problem(self, doc: Document, path: str, anchor: str) -> str | None:
        if not path:
            return self._anchor(doc.path, anchor, "本文件")
        if path.endswith("/") or "." not in posixpath.basename(path):
            return self._page(doc, path)
        file = self._resolve_file(doc, path)
        if file is None:
            return "指向内容文件夹 content/ 之外（经由 .. 或符号链接）：网站只发布 content/ 中的文件，请把文件放到本文件旁边并改用相对路径。"
        if not file.is_file():
            return self._missing_file(doc, path)
        if file.suffix == ".md":
            return self._markdown_target(doc, file, anchor)
        if "_data" in file.relative_to(self.content).parts:
            return "指向词表文件：词表不会发布，请删除此链接。"
        return None

    def _resolve_file(self, doc: Document, path: str) -> Path | None:
        base = self.content if path.startswith("/") else doc.path.parent
        resolved = Path(posixpath.normpath((base / path.lstrip("/")).as_posix()))
        inside = resolved.is_relative_to(self.content) and resolved.resolve().is_relative_to(self.content.resolve())
        return resolved if inside else None

    def _missing_file(self, doc: Document, path: str) -> str:
        hint = ""
        if path.endswith(".md"):
            here = doc.path.parent
            hint = did_you_mean(path, [posixpath.relpath(d.path, here) for d in self.library.documents.values()
                                       if d.is_public and d is not doc])
        folder = self.library.config.rel(doc.path.parent)
        return f"指向的文件不存在（相对路径从本文件所在的文件夹 {folder}/ 算起）。{hint}"

    def _markdown_target(self, doc: Document, file: Path, anchor: str) -> str | None:
        target = self.by_path.get(file)
        if target is not None and doc.is_public and not target.is_public:
            return f"指向的文件（{target.id}）不是主动公开，公开的页面不能链接它：请删除此链接。"
        return self._anchor(file, anchor, self.library.config.rel(file))

    def _anchor(self, file: Path, anchor: str, shown: str) -> str | None:
        anchors = _anchors(file)
        if not anchor or anchor in anchors:
            return None
        hint = did_you_mean(anchor, sorted(anchors))
        if not hint:
            listed = "、".join(f"#{a}" for a in sorted(anchors)[:8])
            hint = f"可用的锚点：{listed}。" if listed else "该文件没有小标题，无法链接到锚点。"
        return f"中的锚点“#{anchor}”在 {shown} 中不存在。{hint}"

    def _page(self, doc: Document, path: str) -> str | None:
        base = "/" if path.startswith("/") else "/" + doc.url  # browsers resolve against the page URL
        url = posixpath.normpath(posixpath.join(base, path)).lstrip("/")
        url = "" if url in ("", ".") else url.rstrip("/") + "/"
        if url in self.urls:
            return None
        return ("指向的页面不存在。链接其他文件时，请写目标 .md 文件的相对路径（如 ../2023/ptf-2023-9.md），"
                "系统会自动转换为网址。")


def _anchors(file: Path) -> frozenset[str]:
    return _anchors_of(file, file.stat().st_mtime_ns)


@lru_cache(maxsize=256)
def _anchors_of(file: Path, mtime: int) -> frozenset[str]:
    text = file.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4:] if end >= 0 else text
    return frozenset(heading_ids(text))
