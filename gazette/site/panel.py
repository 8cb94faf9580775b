"""The 公文要素 panel of a document page: only the elements that apply to its 信息类别.

Labels come from the front-matter schema; a key declared with `panel=True`
(gazette.model.schema) is shown, as text, on every document that has a value.
"""

from __future__ import annotations

import datetime as dt

from ..library.dates import chinese_date
from ..library.document import Document
from ..model.kinds import KINDS, POLICY
from ..model.schema import DOCUMENT_SCHEMA

# Elements that are not a front-matter key of their own name: element -> its label or its key.
OTHER_LABELS = {"issue": "刊登"}
SCHEMA_KEYS = {"issuers": "issuer"}
WIDE = {"title", "deadline"}  # wide cells take a whole row
_OFFICIAL = ("index_number", "topics", "issuers", "signed", "title", "doc_number", "published", "status",
             "disclosure", "effective", "issue")

# The elements of each kind, in reading order. A 政策文件 shows all of its 公文要素, a missing one as “—”;
# other kinds show only the elements they have.
APPLIES: dict[str, tuple[str, ...]] = {
    POLICY: _OFFICIAL,
    "政策解读": ("index_number", "topics", "issuers", "title", "published", "status", "issue"),
    "公告通报": ("index_number", "topics", "issuers", "signed", "title", "doc_number", "published", "status",
             "effective", "issue"),
    "申报通知": ("index_number", "topics", "issuers", "title", "doc_number", "published", "status", "deadline"),
    "常见问题": ("topics", "issuers", "title", "published"),
}
assert set(APPLIES) == {k.name for k in KINDS}


def label(element: str) -> str:
    return OTHER_LABELS.get(element) or DOCUMENT_SCHEMA[SCHEMA_KEYS.get(element, element)].label


def _present(doc: Document, key: str) -> bool:
    if key in ("title", "published", "status", "issuers"):
        return True
    if key == "topics":
        return bool(doc.topics)
    return bool(getattr(doc, key, None))


def _text(value) -> str:
    """A front-matter value as the panel shows it."""
    if isinstance(value, dt.date):
        return chinese_date(value)
    if isinstance(value, (list, tuple)):
        return "、".join(_text(item) for item in value)
    return str(value)


def cells(doc: Document) -> list[dict]:
    """The panel's cells for one document: key, label, wide, and the text of a declared key's value."""
    keys = APPLIES[doc.kind]
    shown = list(keys if doc.kind == POLICY else [k for k in keys if _present(doc, k)])
    if doc.deadline and "deadline" not in shown:
        shown.append("deadline")
    result = [{"key": key, "label": label(key), "wide": key in WIDE} for key in shown]
    for key in DOCUMENT_SCHEMA:
        if key.panel and key.name not in shown and doc.values.get(key.name) not in (None, "", []):
            result.append({"key": key.name, "label": key.label, "wide": False, "text": _text(doc.values[key.name])})
    return result
