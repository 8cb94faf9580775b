"""View models: plain dicts the templates render, built from the Library.

Templates never see a non-public document: views are built from public
documents, and a relation to a non-public one shows only the editor's text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import urls
from ..emit import jsonld
from ..emit.catalogue import Feed
from ..library.dates import chinese_date
from ..library.document import Document
from ..library.library import Library
from ..library import validity
from ..library.printed import NO_PDFS, Printing
from ..model.kinds import VALID
from ..model.relations import CHANGES
from ..model.settings import FEEDBACK_URL
from ..sizes import file_size
from . import panel

STATUS_CLASSES = {"有效": "valid", "失效": "expired", "废止": "repealed", "已修订": "amended",
                  "申报中": "open", "已截止": "closed"}


def date_view(date: dt.date | None) -> dict | None:
    return {"iso": date.isoformat(), "text": chinese_date(date)} if date else None


class Views:
    """Builds the dicts templates render, for one Library."""

    def __init__(self, library: Library, feeds: list[Feed], printing: Printing = NO_PDFS, preview: bool = False):
        self.library = library
        self.preview = preview  # `gazette serve`: no search index, the search page says so
        self.feeds = feeds  # every feed of the site, for the pages that list them
        self.printing = printing  # the PDFs of this build and the pages each document is printed on
        self.vocabularies = library.vocabularies

    def entry(self, group: str, vocabulary: str, name: str) -> dict:
        entry = self.vocabularies[vocabulary].by_name(name)
        return {"name": entry.name, "display": entry.display, "url": urls.listing(group, entry.slug)}

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
            "kind_url": urls.kind_listing(doc.kind),
            "valid": doc.status == VALID,
            "banner": self._notice(validity.banner(doc)),
            "status_note": self._notice(validity.note(doc)),
            "cited_by": self.links(doc.cited_by),
            "versions": self._versions(doc),
            "attachments": [_attachment(doc, a) for a in doc.attachments or []],
            "services": list(doc.services or []),
            "feedback": self._feedback(doc),
            "interprets": self._interprets(doc),
            "interpreted_by": self.links(d for d in doc.interpreted_by if d.is_public),
            "relations": self._relations(doc),
            "issue": {"title": doc.issue.title, "url": doc.issue.url} if doc.issue else None,
            "deadline": date_view(doc.deadline),
            "deadline_passed": bool(doc.deadline and doc.deadline < self.library.build_date),
            "jsonld": jsonld.script(self.library, doc, self.printing.of(doc.id)),
            "pdf_url": urls.document_pdf(doc.id) if self.printing.pdfs else None,
            "citation": self.citation(doc),
            "panel": panel.cells(doc),
            "collections": [{"title": c.title, "url": c.url} for c in self.library.collections_of(doc)],
        })
        return view

    def _feedback(self, doc: Document) -> list[dict]:
        """The message board and evaluation links of gazette.yml, filled in for this document."""
        values = {"doc_number": doc.doc_number or "", "id": doc.id, "title": doc.title}
        return [{"title": entry["title"], "url": FEEDBACK_URL.fill(entry["url"], **values)}
                for entry in self.library.config.feedback]

    def _notice(self, notice: validity.Notice | None) -> dict | None:
        """A validity text and the (public) documents it names, as links."""
        if notice is None:
            return None
        return {"text": notice.text, "links": [self.reference(d) for d in notice.documents]}

    def _versions(self, doc: Document) -> list[dict]:
        """版本沿革: the document's chain of changes, oldest first (gazette.library.versions)."""
        return [{**self.link(step.doc), "date": date_view(step.date), "current": step.current,
                 "this": step.doc is doc,
                 "acts": [{"name": act.relation.name, "targets": self.links(act.targets)} for act in step.acts]}
                for step in self.library.versions.get(doc.id, ())]

    def citation(self, doc: Document) -> dict | None:
        """Where the document was printed: 刊登于《公报》2024年第2期（总第14期）第5–8页 (no pages without PDFs),
        and the same after its title and 发文字号 to copy."""
        if doc.issue is None:
            return None
        issue, printed = doc.issue, self.printing.of(doc.id)
        text = f"刊登于《{self.library.config.name}》{issue.title}" + (f"（总第{issue.total}期）" if issue.total else "")
        if printed:
            text += f"第{printed.start}页" if printed.start == printed.end else f"第{printed.start}–{printed.end}页"
        title = doc.title + (f"（{doc.doc_number}）" if doc.doc_number else "")
        return {"text": text, "copy_text": f"{title}，{text}。",
                "start": printed.start if printed else None, "end": printed.end if printed else None}

    def _interprets(self, doc: Document) -> dict | None:
        if not doc.interprets:
            return None
        return self.reference(doc.interprets_doc or doc.interprets)

    def _relations(self, doc: Document) -> list[dict]:
        rows = []
        for relation in CHANGES:
            if doc.relations.get(relation.key):
                rows.append({"label": relation.label, "targets": [self.reference(t) for t in doc.relations[relation.key]]})
        for relation in CHANGES:
            sources = [d for d in doc.related_from.get(relation.key, []) if d.is_public]
            if sources:
                rows.append({"label": relation.reverse_label, "targets": self.links(sources)})
        return rows


def _attachment(doc: Document, attachment: dict) -> dict:
    path = doc.path.parent / attachment["file"]
    return {
        "title": attachment["title"],
        "url": urls.attachment(doc.id, attachment["file"]),
        "type": Path(attachment["file"]).suffix.lstrip(".").upper(),
        "size": file_size(path.stat().st_size) if path.is_file() else "",
    }
