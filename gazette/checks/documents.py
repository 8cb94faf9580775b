"""Rules within one document: date order, 文种 against the title, 发文字号 year, body."""

from __future__ import annotations


from ..findings import Report
from ..library.document import Document
from ..library.library import Library
from ..model.docnumber import DocNumber
from ..model.keys import PLACEHOLDER
from ..model.kinds import genre_of_title
from ..model.schema import DOCUMENT_SCHEMA


def check(library: Library, report: Report) -> None:
    for doc in library.documents.values():
        _dates(doc, report)
        _genre(doc, report)
        _doc_number_year(doc, report)
        _body(doc, report)


def _label(key: str) -> str:
    return f"{key}（{DOCUMENT_SCHEMA[key].label}）"


def _dates(doc: Document, report: Report) -> None:
    v = doc.values
    if "signed" in v and "published" in v and v["signed"] > v["published"]:
        report.error(doc.rel, doc.line("signed"),
                     f"成文日期 signed（{v['signed']}）晚于发布日期 published（{v['published']}）："
                     "文件不能在成文之前发布，请核对两个日期。")
    if "effective" in v and "expires" in v and v["expires"] <= v["effective"]:
        report.error(doc.rel, doc.line("expires"),
                     f"有效期至 expires（{v['expires']}）应晚于施行日期 effective（{v['effective']}），请核对。")


def _genre(doc: Document, report: Report) -> None:
    genre, title = doc.values.get("genre"), doc.values.get("title")
    if not genre or not title:
        return
    named = genre_of_title(title)
    if named and named != genre:
        report.error(doc.rel, doc.line("genre"),
                     f"{_label('genre')}“{genre}”与标题结尾的文种“{named}”不一致。"
                     f"请改为“{named}”，或删除 genre 让系统从标题推断。")


def _doc_number_year(doc: Document, report: Report) -> None:
    written, signed = doc.values.get("doc_number"), doc.values.get("signed")
    number = DocNumber.parse(written or "")
    if number and signed and int(number.year) != signed.year:
        report.error(doc.rel, doc.line("doc_number"),
                     f"{_label('doc_number')}“{written}”中的年份 {number.year} 与成文日期 signed（{signed}）的年份 "
                     f"{signed.year} 不一致，请核对。")


def _body(doc: Document, report: Report) -> None:
    title = doc.values.get("title")
    first = next((line for line in doc.body.split("\n") if line.strip()), "")
    if title and _is_heading_of(first, str(title)):
        line = doc.body_line + doc.body.split("\n").index(first)
        report.warning(doc.rel, line, "正文开头重复了标题：标题由页面模板显示，请删除这一行。")
    if not doc.body.strip():
        report.warning(doc.rel, doc.body_line, "正文为空。")
    offset = doc.body.find(PLACEHOLDER)
    if offset >= 0:
        line = doc.body_line + doc.body.count("\n", 0, offset)
        report.error(doc.rel, line, "正文中仍有“【待填写……】”占位符，请替换为实际内容。")


def _is_heading_of(line: str, title: str) -> bool:
    """Whether `line` is a level-1 ATX heading (`# 标题`, closing #s allowed) whose text is `title`."""
    text = line.strip()
    if not (text.startswith("#") and text[1:2].isspace()):
        return False
    rest = text[1:].lstrip()
    return rest.startswith(title) and set(rest[len(title):].strip()) <= {"#"}
