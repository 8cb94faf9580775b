"""Collections (专题): members that resolve and are public, no empty collection, and the 巡检 report.

Errors: a listed id or 发文字号 that finds no document, or finds one that is not
主动公开 (the message repeats only what the editor wrote, never the title); a
collection without members. Warnings (巡检, maintenance): a member that is 废止,
失效 or 已修订; a published interpretation of a member policy, or a published
document whose body links to a member, that the collection does not hold.
"""

from __future__ import annotations

from ..findings import Report
from ..library.collection import Collection
from ..library.document import Document
from ..library.library import Library
from ..model.collection import COLLECTION_SCHEMA, NOT_IN_FORCE
from ..model.keys import PLACEHOLDER
from ..model.kinds import POLICY
from .privacy import scan


def check(library: Library, report: Report) -> None:
    linkers = _linkers(library)
    for collection in library.collections:
        _listed(collection, report)
        _empty(collection, report)
        _intro(collection, report)
        _privacy(collection, report)
        for doc in collection.members:
            _validity(collection, doc, report)
        _omissions(collection, linkers, report)


def _label(key: str) -> str:
    return f"{key}（{COLLECTION_SCHEMA[key].label}）"


def _listed(collection: Collection, report: Report) -> None:
    for item in collection.listed:
        line = collection.line("documents", item.index)
        if item.document is None:
            report.error(collection.rel, line, f"{_label('documents')}第 {item.index + 1} 项“{item.reference}”找不到对应文件："
                                               "请写文件编号（content/documents/ 下不含 .md 的路径，如 2024/ptfb-2024-6）或发文字号。")
        elif not item.document.is_public:
            report.error(collection.rel, line, f"{_label('documents')}第 {item.index + 1} 项“{item.reference}”指向的文件不是主动公开："
                                               "专题只能收录主动公开的文件，请删除此项。")


def _empty(collection: Collection, report: Report) -> None:
    if collection.members:
        return
    if "documents" in collection.values or "tags" in collection.values:
        report.error(collection.rel, collection.line("tags") if "tags" in collection.values else collection.line("documents"),
                     "专题中没有任何主动公开的文件：请在 documents 中列出文件，或在 tags 中写已有公开文件使用的标签。")
    else:
        report.error(collection.rel, max(collection.front.first_line - 1, 1),  # the opening ---
                     "专题没有收录文件：请用 documents 列出文件编号或发文字号，或用 tags 按标签收录（两者至少写一项）。")


def _intro(collection: Collection, report: Report) -> None:
    offset = collection.body.find(PLACEHOLDER)
    if offset >= 0:
        line = collection.body_line + collection.body.count("\n", 0, offset)
        report.error(collection.rel, line, "专题简介中仍有“【待填写……】”占位符，请替换为实际内容。")
    if not collection.body.strip():
        report.warning(collection.rel, collection.body_line, "专题简介（头部信息之后的正文）为空：请写几句话，说明专题面向谁、包括哪些内容。")


def _privacy(collection: Collection, report: Report) -> None:
    """A collection is published whole: personal data or a secrecy marking in it is an error (no privacy_allow here)."""
    text = collection.path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    for hit in scan(text):
        line = text.count("\n", 0, hit.offset) + 1
        report.error(collection.rel, line, f"专题中发现疑似{hit.what}“{hit.text}”：专题会整体公开，不应含有个人信息或密级标志，"
                                           "请删除；需要公开的联系方式请写在相关文件中，经审查后公开。")


def _validity(collection: Collection, doc: Document, report: Report) -> None:
    if doc.status not in NOT_IN_FORCE:
        return
    state = doc.status if doc.status.startswith("已") else "已" + doc.status
    newer = "、".join(f"“{d.title}”（{d.id}）" for d in doc.newer if d.is_public and not collection.holds(d))
    if doc.id in collection.tagged:
        advice = "它因 tags 中的标签自动收入本专题；不应再收录时，请去掉该文件的这个标签，或改用 documents 逐项列出"
    else:
        advice = "不应再收录时，请从 documents 中删除此项"
    if newer:
        advice = f"取代它的{newer}不在本专题中，请考虑收录；{advice}"
    report.warning(collection.rel, collection.member_line(doc), f"巡检：专题收录的“{doc.title}”（{doc.id}）{state}。{advice}。")


def _linkers(library: Library) -> dict[int, list[Document]]:
    """id(document) -> the public documents in force whose bodies link to it (the reverse links of
    gazette.library.citations)."""
    return {id(doc): [source for source in doc.cited_by if source.status not in NOT_IN_FORCE]
            for doc in library.public if doc.cited_by}


def _omissions(collection: Collection, linkers: dict[int, list[Document]], report: Report) -> None:
    reported: set[str] = set()
    for member in collection.members:
        line = collection.member_line(member)
        if member.kind == POLICY:
            for reading in member.interpreted_by:
                if reading.is_public and not collection.holds(reading) and reading.id not in reported:
                    reported.add(reading.id)
                    report.warning(collection.rel, line,
                                   f"巡检：专题收录了政策文件“{member.title}”，但没有收录它的政策解读“{reading.title}”："
                                   f"可能遗漏，请在 documents 中加上 {reading.id}。")
        for source in linkers.get(id(member), []):
            if not collection.holds(source) and source.id not in reported:
                reported.add(source.id)
                report.warning(collection.rel, line,
                               f"巡检：“{source.title}”（{source.id}）的正文链接了本专题收录的“{member.title}”，"
                               f"但本专题没有收录它：可能遗漏，请确认后在 documents 中加上 {source.id}。")
