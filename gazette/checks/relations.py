"""Relations between documents: interprets, supersedes, amends, repeals."""

from __future__ import annotations

from ..findings import Report
from ..library.document import Document
from ..library.library import Library
from ..model.kinds import POLICY
from ..model.relations import CHANGES
from ..model.schema import DOCUMENT_SCHEMA


def check(library: Library, report: Report) -> None:
    for doc in library.documents.values():
        _interprets(doc, report)
        for relation in CHANGES:
            for index, target in enumerate(doc.relations.get(relation.key, [])):
                _relation(doc, relation.key, index, target, report)


def _label(key: str) -> str:
    return f"{key}（{DOCUMENT_SCHEMA[key].label}）"


def _interprets(doc: Document, report: Report) -> None:
    ref = doc.values.get("interprets")
    if not ref:
        return
    target, line = doc.interprets_doc, doc.line("interprets")
    if target is None:
        report.error(doc.rel, line, f"{_label('interprets')}“{ref}”找不到对应文件：请写被解读文件的编号（如 2024/ptfb-2024-6）或发文字号。")
    elif target is doc:
        report.error(doc.rel, line, f"{_label('interprets')}不能指向文件自身。")
    elif target.values.get("kind") != POLICY:
        report.error(doc.rel, line, f"{_label('interprets')}“{ref}”指向的 {target.rel} 是{target.values.get('kind', '未知类别')}，"
                                    "解读对象必须是政策文件。")
    elif not target.is_public and doc.is_public:
        report.error(doc.rel, line, f"{_label('interprets')}“{ref}”指向的文件不是主动公开：解读对象必须是已公开的政策文件。")


def _relation(doc: Document, key: str, index: int, target, report: Report) -> None:
    line = doc.line(key, index)
    if not isinstance(target, Document):
        report.error(doc.rel, line, f"{_label(key)}中的“{target}”找不到对应文件：请写文件编号（如 2023/ptf-2023-9）或发文字号。")
    elif target is doc:
        report.error(doc.rel, line, f"{_label(key)}不能指向文件自身。")
    elif doc.is_public and not target.is_public:
        report.warning(doc.rel, line, f"{_label(key)}中的“{doc.values[key][index]}”指向未主动公开的文件："
                                      "页面上只显示这里填写的文字，不显示其标题和链接。")
