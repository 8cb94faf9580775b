"""Validity, citations and 版本沿革 of one document as open data: values and their JSON Schemas.

gazette.emit.opendata lists these as columns of documents.json; the values
come from the Library (gazette.library.validity, .citations, .versions), so the
open data says what the page says.
"""

from __future__ import annotations

from ..library.document import Document
from ..library.library import Library
from ..library.validity import line, repeal
from ..model.kinds import STATES
from .shapes import URL_SCHEMA

DATE_SCHEMA = {"type": "string", "format": "date"}
URLS_SCHEMA = {"type": "array", "items": URL_SCHEMA}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def status_text(library: Library, doc: Document) -> str:
    return line(doc)


def repealed_on(library: Library, doc: Document) -> str | None:
    found = repeal(doc)
    return found.date.isoformat() if found and found.date else None


def status_follows(library: Library, doc: Document) -> str | None:
    return library.absolute(doc.follows.url) if doc.follows is not None else None


def cited_by(library: Library, doc: Document) -> list[str]:
    return [library.absolute(d.url) for d in doc.cited_by if d.is_public]


def versions(library: Library, doc: Document) -> list[dict]:
    """The chain of changes the document belongs to, oldest first ([] when it is in none)."""
    return [{"url": library.absolute(step.doc.url), "title": step.doc.title, "doc_number": step.doc.doc_number,
             "published": step.date.isoformat(), "status": step.doc.status, "current": step.current,
             **{act.relation.key: [library.absolute(t.url) for t in act.targets] for act in step.acts}}
            for step in library.versions.get(doc.id, ())]


VERSION_SCHEMA = {
    "type": "object",
    "properties": {
        "url": {"title": "网址", **URL_SCHEMA}, "title": {"title": "标题", "type": "string"},
        "doc_number": {"title": "发文字号", **_nullable({"type": "string"})},
        "published": {"title": "发布日期", **DATE_SCHEMA},
        "status": {"title": "有效性", "type": "string", "enum": list(STATES)},
        "current": {"title": "现行版本", "type": "boolean"},
        "repeals": {"title": "废止", **URLS_SCHEMA}, "supersedes": {"title": "替代", **URLS_SCHEMA},
        "amends": {"title": "修改", **URLS_SCHEMA},
    },
    "required": ["url", "title", "doc_number", "published", "status", "current"],
    "additionalProperties": False,
}

# (name, 中文, JSON Schema, value, help): the columns gazette.emit.opendata adds after the relations.
COLUMNS = (
    ("status_text", "有效性说明", {"type": "string"}, status_text,
     "文件页面公文要素中的有效性，一行文字：废止的日期和依据、有效期、政策解读所随的政策文件。"),
    ("repealed_on", "废止日期", _nullable(DATE_SCHEMA), repealed_on,
     "废止本文件的文件的施行日期（未填写时为其发布日期）；未废止时为 null。"),
    ("status_follows", "有效性所随文件", _nullable(URL_SCHEMA), status_follows,
     "政策解读所解读的政策文件已废止、失效或修订时，该政策文件的网址（解读的有效性随之）；否则为 null。"),
    ("cited_by", "引用本文件的文件", URLS_SCHEMA, cited_by, "正文中链接到本文件的公开文件的网址。"),
    ("versions", "版本沿革", {"type": "array", "items": VERSION_SCHEMA}, versions,
     "本文件所在的替代、修改、废止关系链中的全部公开文件，按发布日期从早到晚；不在任何关系链中时为空列表。"),
)
