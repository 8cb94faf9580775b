"""schema.org JSON-LD for each document page, one type per 信息类别 (TYPES).

政策文件 is `Legislation`; 政策解读 an `Article` `about` the policy it
interprets; 常见问题 a `FAQPage` whose `mainEntity` are its questions
(gazette.emit.faq); 公告通报 and 申报通知 a `SpecialAnnouncement`, a call
with its deadline as `expires` and its online services as an `ApplyAction`.
Every type shares the fields of `common`. Only public documents are named: a
relation to a document that is not 主动公开 is left out, as on the page itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..library.document import Document
from ..library.library import Library
from ..model.kinds import AMENDED, OPEN, VALID
from ..library.printed import PrintedPages
from ..library.validity import repeal
from ..library.versions import earlier, later
from ..model.relations import CHANGES, INTERPRETS
from ..library.dates import updated
from .. import urls
from .faq import questions

SCHEMA = "https://schema.org/"
LANGUAGE = "zh-CN"


def legal_force(doc: Document) -> str:
    """InForce when 有效 (or 申报中); PartiallyInForce when 已修订 only by relations that leave it partly in
    force (amended, not superseded); otherwise NotInForce (an interpretation follows its policy's state)."""
    if doc.status in (VALID, OPEN):
        return "InForce"
    changed_by = [r for r in CHANGES if r.effect == AMENDED and doc.related_from.get(r.key)]
    if doc.status == AMENDED and changed_by and all(r.partial for r in changed_by):
        return "PartiallyInForce"
    return "NotInForce"


def common(library: Library, doc: Document) -> dict:
    """What every kind says of itself: identity, dates, language, keywords, issue, publisher."""
    return {
        "@id": library.absolute(doc.url),
        "url": library.absolute(doc.url),
        "name": doc.title,
        "genre": doc.kind,
        "inLanguage": LANGUAGE,
        "datePublished": _date(doc.published),
        "dateModified": _date(updated(doc)),
        "expires": _date(doc.expires),
        # The validity a reader is shown (gazette.library.validity): 有效, 废止, 申报中, ... for every type;
        # Legislation says it again as legislationLegalForce.
        "creativeWorkStatus": doc.status,
        "abstract": doc.summary,
        "keywords": list(doc.tags or []) or None,
        "isPartOf": _issue(library, doc),
        "publisher": {"@type": "GovernmentOrganization", "name": library.config.publisher or library.config.name},
    }


def legislation(library: Library, doc: Document) -> dict:
    """政策文件: the law-like fields of schema.org Legislation, and its changes to other documents."""
    data = {
        "legislationIdentifier": doc.doc_number,
        "legislationType": doc.effective_genre,
        "legislationPassedBy": _agencies(library, doc),
        "legislationDate": _date(doc.signed),
        "legislationDateOfApplicability": _date(doc.effective),
        "legislationLegalForce": {"@id": SCHEMA + legal_force(doc)},
    }
    for relation in CHANGES:
        data[relation.jsonld] = _targets(library, doc.relations.get(relation.key, []))
    data.update(versions(library, doc))
    return data


def article(library: Library, doc: Document) -> dict:
    """政策解读: an Article about the policy it interprets."""
    return {"headline": doc.title, "author": _agencies(library, doc),
            INTERPRETS.jsonld: next(iter(_targets(library, [doc.interprets_doc])), None)}


def faq_page(library: Library, doc: Document) -> dict:
    """常见问题: a FAQPage, each question with its accepted answer (plain text)."""
    return {"author": _agencies(library, doc),
            "mainEntity": [{"@type": "Question", "name": q.question,
                            "acceptedAnswer": {"@type": "Answer", "text": q.answer}}
                           for q in questions(doc.parsed.html)]}


def announcement(library: Library, doc: Document) -> dict:
    """公告通报: a SpecialAnnouncement, dated when it was posted."""
    return {"author": _agencies(library, doc), "datePosted": _date(doc.published)}


def call(library: Library, doc: Document) -> dict:
    """申报通知: a SpecialAnnouncement that stops being useful after its deadline (`expires`);
    its online services are where to apply."""
    services = [{"@type": "ApplyAction", "name": s["title"], "target": s["url"]} for s in doc.services or []]
    return {**announcement(library, doc), "expires": _date(doc.deadline or doc.expires), "potentialAction": services}


# 信息类别 -> (schema.org type, its own fields). A kind missing here is a KeyError, not a silent Legislation.
TYPES: dict[str, tuple[str, Callable[[Library, Document], dict]]] = {
    "政策文件": ("Legislation", legislation),
    "政策解读": ("Article", article),
    "公告通报": ("SpecialAnnouncement", announcement),
    "申报通知": ("SpecialAnnouncement", call),
    "常见问题": ("FAQPage", faq_page),
}


def structured_data(library: Library, doc: Document, printed: PrintedPages | None = None) -> dict:
    """The JSON-LD object of one public document (`printed`: the pages of its issue it is printed on);
    empty fields are left out."""
    kind_type, fields = TYPES[doc.kind]
    data = {"@context": "https://schema.org", "@type": kind_type, **common(library, doc), **fields(library, doc)}
    if printed:
        data["pageStart"], data["pageEnd"] = printed.start, printed.end
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def versions(library: Library, doc: Document) -> dict:
    """版本沿革 both ways and transitively: `legislationChanges` names every document this one changes,
    directly or through the documents it changes; the reverse (no schema.org term of its own) is the same
    property read backwards, JSON-LD's `@reverse`. Direct repeals and amendments keep their own terms; a
    repealed document names its repealers the same way, each with the day the repeal applies from."""
    reverse = {"legislationChanges": _targets(library, later(doc)), "legislationRepeals": _repealers(library, doc)}
    data = {"legislationChanges": _targets(library, earlier(doc)),
            "@reverse": {key: value for key, value in reverse.items() if value}}
    return {key: value for key, value in data.items() if value}


def _repealers(library: Library, doc: Document) -> list[dict]:
    found = repeal(doc)
    return [{**target, "legislationDateOfApplicability": _date(d.effective or d.published)}
            for d, target in zip(found.by, _targets(library, found.by))] if found else []


def script(library: Library, doc: Document, printed: PrintedPages | None = None) -> str:
    """The JSON-LD text, safe inside <script> (no `</script>` can close it early)."""
    text = json.dumps(structured_data(library, doc, printed), ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _date(date) -> str | None:
    return date.isoformat() if date else None


def _agencies(library: Library, doc: Document) -> list[dict]:
    return [_agency(library, name) for name in doc.issuers]


def _agency(library: Library, name: str) -> dict:
    entry = library.vocabularies["agencies"].by_name(name)
    return {"@type": "GovernmentOrganization", "name": entry.name, "alternateName": entry.display,
            "url": library.absolute(urls.listing("agencies", entry.slug))}


def _targets(library: Library, targets) -> list[dict]:
    """Public related documents as references; others (or unresolved text) are left out."""
    return [{"@type": TYPES[t.kind][0], "@id": library.absolute(t.url), "name": t.title,
             **({"legislationIdentifier": t.doc_number} if t.doc_number and TYPES[t.kind][0] == "Legislation" else {})}
            for t in targets if isinstance(t, Document) and t.is_public]


def _issue(library: Library, doc: Document) -> dict | None:
    if not doc.issue:
        return None
    return {"@type": "PublicationIssue", "@id": library.absolute(doc.issue.url),
            "name": f"{library.config.name} {doc.issue.title}", "issueNumber": str(doc.issue.number),
            "datePublished": _date(doc.issue.date)}
