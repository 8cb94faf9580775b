"""View models: plain dicts the templates render, built from the Library.

Templates never see a non-public document: views are built from public
documents, and a relation to a non-public one shows only the editor's text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..emit import jsonld
from ..library.dates import chinese_date
from ..library.document import Document
from ..library.library import Library
from ..model.kinds import AMENDED, EXPIRED, KIND_BY_NAME, REPEALED, VALID
from ..search.fields import search_view
from . import panel
from .urls import document_pdf_url, listing_url

RELATION_LABELS = {"repeals": "本文件废止", "amends": "本文件修改", "supersedes": "本文件替代"}
RELATED_FROM_LABELS = {"repeals": "被以下文件废止", "amends": "被以下文件修改", "supersedes": "被以下文件替代"}
STATUS_CLASSES = {"有效": "valid", "失效": "expired", "废止": "repealed", "已修订": "amended"}


def date_view(date: dt.date | None) -> dict | None:
    return {"iso": date.isoformat(), "text": chinese_date(date)} if date else None


class Views:
    """Builds the dicts templates render, for one Library."""

    def __init__(self, library: Library):
        self.library = library
        self.vocabularies = library.vocabularies

    def entry(self, group: str, vocabulary: str, name: str) -> dict:
        entry = self.vocabularies[vocabulary].by_name(name)
        return {"name": entry.name, "display": entry.display, "url": listing_url(group, entry.slug)}

    def link(self, doc: Document) -> dict:
        """A public document as one row of a list."""
        return {
            "title": doc.title,
            "url": doc.url,
            "doc_number": doc.doc_number or "",
            "issuers": [self.entry("agencies", "agencies", name) for name in doc.issuers],
            "published": date_view(doc.published),
            "kind": doc.kind,
            "status": doc.status,
            "status_class": STATUS_CLASSES[doc.status],
            "summary": doc.summary or "",
        }

    def links(self, docs) -> list[dict]:
        return [self.link(doc) for doc in docs]

    def reference(self, target: Document | str) -> dict:
        """A related document: a link when public, otherwise only the text the editor wrote."""
        if isinstance(target, Document) and target.is_public:
            return self.link(target)
        text = target if isinstance(target, str) else (target.doc_number or "未公开的文件")
        return {"title": text, "url": None}

    def document(self, doc: Document) -> dict:
        view = self.link(doc)
        view.update({
            "id": doc.id,
            "index_number": doc.index_number or "",
            "genre": doc.effective_genre or "",
            "normative": bool(doc.normative),
            "signed": date_view(doc.signed),
            "effective": date_view(doc.effective),
            "expires": date_view(doc.expires),
            "disclosure": doc.disclosure,
            "topics": [self.entry("topics", "topics", n) for n in doc.topics or []],
            "tags": [self.entry("tags", "tags", n) for n in doc.tags or []],
            "kind_url": listing_url("kinds", KIND_BY_NAME[doc.kind].slug),
            "valid": doc.status == VALID,
            "newer": [self.reference(d) for d in doc.newer],
            "banner": banner(doc),
            "attachments": [_attachment(doc, a) for a in doc.attachments or []],
            "services": list(doc.services or []),
            "interprets": self._interprets(doc),
            "interpreted_by": self.links(d for d in doc.interpreted_by if d.is_public),
            "relations": self._relations(doc),
            "issue": {"title": doc.issue.title, "url": doc.issue.url} if doc.issue else None,
            "deadline": date_view(doc.deadline),
            "deadline_passed": bool(doc.deadline and doc.deadline < self.library.build_date),
            "jsonld": jsonld.script(self.library, doc),
            "pdf_url": document_pdf_url(doc),
            "search": search_view(doc, self.vocabularies),
            "panel": panel.cells(doc),
        })
        return view

    def _interprets(self, doc: Document) -> dict | None:
        if not doc.interprets:
            return None
        return self.reference(doc.interprets_doc or doc.interprets)

    def _relations(self, doc: Document) -> list[dict]:
        rows = []
        for key, label in RELATION_LABELS.items():
            if doc.relations.get(key):
                rows.append({"label": label, "targets": [self.reference(t) for t in doc.relations[key]]})
        for key, label in RELATED_FROM_LABELS.items():
            sources = [d for d in doc.related_from.get(key, []) if d.is_public]
            if sources:
                rows.append({"label": label, "targets": self.links(sources)})
        return rows


def banner(doc: Document) -> str | None:
    """The validity notice above a document that is no longer in force."""
    if doc.status == REPEALED:
        return "本文件已废止，不再执行。" + ("废止依据：" if doc.newer else "")
    if doc.status == AMENDED:
        return "本文件已修订，请以修订后的文件为准：" if doc.newer else "本文件已修订。"
    if doc.status == EXPIRED:
        return f"本文件已失效（有效期至{chinese_date(doc.expires)}）。" if doc.expires else "本文件已失效。"
    return None


def attachment_url(doc: Document, file: str) -> str:
    """Site-relative URL of an attachment: it is published beside the document's source."""
    return f"{doc.url.rsplit('/', 2)[0]}/{file}"


def _attachment(doc: Document, attachment: dict) -> dict:
    path = doc.path.parent / attachment["file"]
    return {
        "title": attachment["title"],
        "url": attachment_url(doc, attachment["file"]),
        "type": Path(attachment["file"]).suffix.lstrip(".").upper(),
        "size": _size(path.stat().st_size) if path.is_file() else "",
    }


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} 字节"
