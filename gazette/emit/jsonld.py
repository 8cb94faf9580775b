"""schema.org `Legislation` as JSON-LD for each document page.

Only public documents are named: a relation to a document that is not
主动公开 is left out, as on the page itself.
"""

from __future__ import annotations

import json

from ..library.document import Document
from ..library.library import Library
from ..library.printed import PrintedPages
from ..model.kinds import AMENDED, VALID
from ..model.relations import CHANGES, INTERPRETS
from ..library.dates import updated
from .. import urls

SCHEMA = "https://schema.org/"
LANGUAGE = "zh-CN"


def legal_force(doc: Document) -> str:
    """InForce when 有效; PartiallyInForce when 已修订 only by relations that leave it partly in force
    (amended, not superseded); otherwise NotInForce."""
    if doc.status == VALID:
        return "InForce"
    changed_by = [r for r in CHANGES if r.effect == AMENDED and doc.related_from.get(r.key)]
    if doc.status == AMENDED and changed_by and all(r.partial for r in changed_by):
        return "PartiallyInForce"
    return "NotInForce"


def legislation(library: Library, doc: Document, printed: PrintedPages | None = None) -> dict:
    """The JSON-LD object of one public document (`printed`: the pages of its issue it is printed on)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": library.absolute(doc.url),
        "url": library.absolute(doc.url),
        "name": doc.title,
        "genre": doc.kind,
        "inLanguage": LANGUAGE,
        "legislationIdentifier": doc.doc_number,
        "legislationType": doc.effective_genre,
        "legislationPassedBy": [_agency(library, name) for name in doc.issuers],
        "legislationDate": _date(doc.signed),
        "datePublished": _date(doc.published),
        "dateModified": _date(updated(doc)),
        "legislationDateOfApplicability": _date(doc.effective),
        "expires": _date(doc.expires),
        "legislationLegalForce": {"@id": SCHEMA + legal_force(doc)},
        "abstract": doc.summary,
        INTERPRETS.jsonld: _targets(library, [doc.interprets_doc] if doc.interprets_doc else []),
        "keywords": list(doc.tags or []) or None,
        "isPartOf": _issue(library, doc),
        "publisher": {"@type": "GovernmentOrganization", "name": library.config.publisher or library.config.name},
    }
    for relation in CHANGES:
        data[relation.jsonld] = _targets(library, doc.relations.get(relation.key, []))
    if printed:
        data["pageStart"], data["pageEnd"] = printed.start, printed.end
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def script(library: Library, doc: Document, printed: PrintedPages | None = None) -> str:
    """The JSON-LD text, safe inside <script> (no `</script>` can close it early)."""
    text = json.dumps(legislation(library, doc, printed), ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _date(date) -> str | None:
    return date.isoformat() if date else None


def _agency(library: Library, name: str) -> dict:
    entry = library.vocabularies["agencies"].by_name(name)
    return {"@type": "GovernmentOrganization", "name": entry.name, "alternateName": entry.display,
            "url": library.absolute(urls.listing("agencies", entry.slug))}


def _targets(library: Library, targets) -> list[dict]:
    """Public related documents as references; others (or unresolved text) are left out."""
    return [{"@type": "Legislation", "@id": library.absolute(t.url), "name": t.title,
             **({"legislationIdentifier": t.doc_number} if t.doc_number else {})}
            for t in targets if isinstance(t, Document) and t.is_public]


def _issue(library: Library, doc: Document) -> dict | None:
    if not doc.issue:
        return None
    return {"@type": "PublicationIssue", "@id": library.absolute(doc.issue.url),
            "name": f"{library.config.name} {doc.issue.title}", "issueNumber": str(doc.issue.number),
            "datePublished": _date(doc.issue.date)}
