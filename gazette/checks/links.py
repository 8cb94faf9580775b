"""Internal links in Markdown bodies: targets that exist, are public, and have the anchor."""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..findings import Report
from ..library.body import Link, ParsedBody, parse_file
from ..library.document import Document
from ..library.library import Library
from ..library.links import Kind, LinkResolver, Target
from ..library.listings import page_urls
from ..model.suggest import did_you_mean


def check(library: Library, report: Report) -> None:
    checker = _Checker(library, page_urls(library), report)
    for doc in library.documents.values():
        for link in doc.parsed.links:
            checker.check(doc, link)
    for collection in library.collections:  # a collection's intro links like a document body
        for link in collection.parsed.links:
            checker.check(collection, link)


class _Checker:
    def __init__(self, library: Library, urls: set[str], report: Report):
        self.library, self.urls, self.report = library, urls, report
        self.resolver = LinkResolver(library)
        self.pages: dict[Path, ParsedBody] = {}  # content .md files that are not documents, parsed once

    def check(self, doc: Document, link: Link) -> None:
        target = self.resolver.resolve(doc, link.target)
        problem = self._problem(doc, target)
        if problem:
            self.report.error(doc.rel, link.line, f"链接“{target.href}”{problem}")

    def _problem(self, doc: Document, target: Target) -> str | None:
        if target.kind is Kind.EXTERNAL:
            return None  # `gazette check --online` looks at those
        if target.kind is Kind.ANCHOR:
            return self._anchor(doc.parsed, target.fragment, "本文件")
        if target.kind is Kind.PAGE:
            return self._page(target)
        if target.kind is Kind.OUTSIDE:
            return ("指向内容文件夹 content/ 之外（经由 .. 或符号链接）：网站只发布 content/ 中的文件，"
                    "请把文件放到本文件旁边并改用相对路径。")
        if target.kind is Kind.MISSING:
            return self._missing_file(doc, target.path)
        if target.kind is Kind.DOCUMENT:
            return self._document(doc, target)
        if target.file.suffix == ".md":
            return self._anchor(self._page_body(target.file), target.fragment, self.library.config.rel(target.file))
        if "_data" in target.file.relative_to(self.resolver.content).parts:
            return "指向词表文件：词表不会发布，请删除此链接。"
        return None

    def _missing_file(self, doc: Document, path: str) -> str:
        hint = ""
        if path.endswith(".md"):
            here = doc.path.parent
            hint = did_you_mean(path, [posixpath.relpath(d.path, here) for d in self.library.documents.values()
                                       if d.is_public and d is not doc])
        folder = self.library.config.rel(doc.path.parent)
        return f"指向的文件不存在（相对路径从本文件所在的文件夹 {folder}/ 算起）。{hint}"

    def _document(self, doc: Document, target: Target) -> str | None:
        linked = target.document
        if doc.is_public and not linked.is_public:
            return f"指向的文件（{linked.id}）不是主动公开，公开的页面不能链接它：请删除此链接。"
        return self._anchor(linked.parsed, target.fragment, self.library.config.rel(target.file))

    def _page_body(self, file: Path) -> ParsedBody:
        if file not in self.pages:
            self.pages[file] = parse_file(file)
        return self.pages[file]

    def _anchor(self, body: ParsedBody, anchor: str, shown: str) -> str | None:
        if not anchor or anchor in body.anchors:
            return None
        hint = did_you_mean(anchor, sorted(body.anchors))
        if not hint:
            listed = "、".join(f"#{a}" for a in sorted(body.anchors)[:8])
            hint = f"可用的锚点：{listed}。" if listed else "该文件没有小标题，无法链接到锚点。"
        return f"中的锚点“#{anchor}”在 {shown} 中不存在。{hint}"

    def _page(self, target: Target) -> str | None:
        if target.url in self.urls:
            return None
        return ("指向的页面不存在。链接其他文件时，请写目标 .md 文件的相对路径（如 ../2023/ptf-2023-9.md），"
                "系统会自动转换为网址。")
