"""Issue manifests (期): numbering, and the documents each issue lists."""

from __future__ import annotations

from collections import defaultdict

from ..findings import Report
from ..library.issue import Issue
from ..library.library import Library


def check(library: Library, report: Report) -> None:
    _numbering(library.issues, report)
    placed: dict[str, str] = {}  # document id -> where it was first listed
    for issue in library.issues:
        if issue.date.year != issue.year:
            report.warning(issue.rel, issue.front.line("date"),
                           f"出版日期 {issue.date} 不在 {issue.year} 年内，请核对 year 和 date。")
        for ref, line in _references(issue):
            _listed_document(library, issue, ref, line, placed, report)


def _numbering(issues: list[Issue], report: Report) -> None:
    by_year: dict[int, list[Issue]] = defaultdict(list)
    for issue in issues:
        by_year[issue.year].append(issue)
    for year, listed in by_year.items():
        first: dict[int, Issue] = {}
        for issue in listed:
            if issue.number in first:
                report.error(issue.rel, issue.front.line("number"),
                             f"{year} 年第 {issue.number} 期重复（已有 {first[issue.number].rel}），请改正期号。")
            first.setdefault(issue.number, issue)
        expected = 1
        for number in sorted(first):
            if number > expected:
                missing = "、".join(str(n) for n in range(expected, number))
                issue = first[number]
                report.error(issue.rel, issue.front.line("number"),
                             f"{year} 年的期号不连续：缺少第 {missing} 期（期号须从 1 起连续编号）。")
            expected = number + 1


def _references(issue: Issue):
    """(reference, line) of every document the manifest lists, as written."""
    sections = issue.front.data.get("sections")
    if not isinstance(sections, list):
        return
    for s_index, section in enumerate(sections):
        documents = section.get("documents") if isinstance(section, dict) else None
        if isinstance(documents, list):
            for d_index, ref in enumerate(documents):
                if isinstance(ref, str):
                    yield ref, issue.front.line("sections", s_index, "documents", d_index)


def _listed_document(library: Library, issue: Issue, ref: str, line: int, placed: dict, report: Report) -> None:
    doc = library.resolve(ref)
    where = f"{issue.rel} 第 {line} 行"
    if doc is None:
        report.error(issue.rel, line, f"找不到文件“{ref}”：请写 content/documents/ 下不含 .md 的路径（如 2024/ptfb-2024-6）或发文字号。")
        return
    if doc.id in placed:
        report.error(issue.rel, line, f"文件“{ref}”已收录在 {placed[doc.id]}：每份文件只能收录一次。")
        return
    placed[doc.id] = where
    if not doc.is_public:
        report.error(issue.rel, line, f"文件“{ref}”的公开属性是“{doc.values.get('disclosure', '未填写')}”："
                                      "只有主动公开的文件才能收录在公报中，请从本期删除。")
    published = doc.values.get("published")
    if published and published > issue.date:
        report.error(issue.rel, line, f"文件“{ref}”的发布日期 {published} 晚于本期出版日期 {issue.date}："
                                      "请收录在以后的一期，或核对日期。")
