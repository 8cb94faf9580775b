"""The 公文要素 panel of a document page: only the elements that apply to its 信息类别."""

from __future__ import annotations

from ..library.document import Document
from ..model.kinds import KINDS, POLICY

# Every element the panel can show, in reading order: key -> label. Wide cells take a whole row.
ELEMENTS = {
    "index_number": "索引号", "topics": "主题分类", "issuers": "发文机关", "signed": "成文日期",
    "title": "标题", "doc_number": "发文字号", "published": "发布日期", "status": "有效性",
    "disclosure": "公开属性", "effective": "施行日期", "issue": "刊登", "deadline": "申报截止日期",
}
WIDE = {"title", "deadline"}
_OFFICIAL = ("index_number", "topics", "issuers", "signed", "title", "doc_number", "published", "status",
             "disclosure", "effective", "issue")

# The elements of each kind. A 政策文件 shows all of its 公文要素, a missing one as “—”;
# other kinds show only the elements they have.
APPLIES: dict[str, tuple[str, ...]] = {
    POLICY: _OFFICIAL,
    "政策解读": ("index_number", "topics", "issuers", "title", "published", "issue"),
    "公告通报": ("index_number", "topics", "issuers", "signed", "title", "doc_number", "published", "status",
             "effective", "issue"),
    "申报通知": ("index_number", "topics", "issuers", "title", "doc_number", "published", "status", "deadline"),
    "常见问题": ("topics", "issuers", "title", "published"),
}
assert set(APPLIES) == {k.name for k in KINDS}


def _present(doc: Document, key: str) -> bool:
    if key in ("title", "published", "status", "issuers"):
        return True
    if key == "topics":
        return bool(doc.topics)
    return bool(getattr(doc, key, None))


def cells(doc: Document) -> list[dict]:
    """The panel's cells for one document: key, label, wide."""
    keys = APPLIES[doc.kind]
    shown = keys if doc.kind == POLICY else [k for k in keys if _present(doc, k)]
    if doc.deadline and "deadline" not in shown:
        shown = [*shown, "deadline"]
    return [{"key": key, "label": ELEMENTS[key], "wide": key in WIDE} for key in shown]
