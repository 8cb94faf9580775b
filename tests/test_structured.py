"""JSON-LD of document pages (extruct), the sitemap (XML parser) and the deadline calendar (icalendar)."""

import datetime as dt
import gzip
import re
import xml.etree.ElementTree as ET

import extruct
import icalendar

from emitted import page_files, site_url
from gazette.model.kinds import VALID
from test_site import library, site  # noqa: F401 (fixtures: the sample site and its Library)

SITE = site_url()
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def jsonld_of(site, doc) -> dict:
    html = (site / doc.url / "index.html").read_text(encoding="utf-8")
    items = extruct.extract(html, base_url=SITE + doc.url, syntaxes=["json-ld"])["json-ld"]
    assert len(items) == 1, doc.id
    return items[0]


def urls(docs) -> list[str]:
    return [SITE + d.url for d in docs if not isinstance(d, str) and d.is_public]


TYPES = {"政策文件": "Legislation", "政策解读": "Article", "公告通报": "SpecialAnnouncement",
         "申报通知": "SpecialAnnouncement", "常见问题": "FAQPage"}
OWN_FIELDS = {  # beyond the fields every kind shares (check_common)
    "Legislation": {"legislationIdentifier", "legislationType", "legislationPassedBy", "legislationDate",
                    "legislationDateOfApplicability", "legislationLegalForce", "legislationRepeals",
                    "legislationAmends", "legislationChanges", "@reverse"},
    "Article": {"headline", "author", "about"},
    "SpecialAnnouncement": {"author", "datePosted", "potentialAction"},
    "FAQPage": {"author", "mainEntity"},
}
COMMON = {"@context", "@type", "@id", "url", "name", "genre", "inLanguage", "datePublished", "dateModified",
          "expires", "creativeWorkStatus", "pageStart", "pageEnd", "abstract", "keywords", "isPartOf", "publisher"}


def iso(date) -> str | None:
    return date.isoformat() if date else None


def agencies(library, doc) -> list[dict]:
    vocab = library.vocabularies["agencies"]
    return [{"@type": "GovernmentOrganization", "name": name, "alternateName": vocab.by_name(name).display,
             "url": SITE + f"agencies/{vocab.by_name(name).slug}/"} for name in doc.issuers]


def check_common(data, doc, library):
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == TYPES[doc.kind], doc.id
    assert set(data) <= COMMON | OWN_FIELDS[data["@type"]], doc.id
    assert data["@id"] == data["url"] == SITE + doc.url
    assert data["name"] == doc.title
    assert data["genre"] == doc.kind
    assert data["inLanguage"] == "zh-CN"
    assert data["creativeWorkStatus"] == doc.status
    assert data["datePublished"] == doc.published.isoformat()
    assert data["dateModified"] >= data["datePublished"]
    assert data.get("abstract") == doc.summary
    assert data.get("keywords", []) == list(doc.tags or [])
    assert data["publisher"] == {"@type": "GovernmentOrganization", "name": library.config.publisher}
    if doc.issue:
        assert data["isPartOf"]["@id"] == SITE + doc.issue.url
        assert data["isPartOf"]["issueNumber"] == str(doc.issue.number)
    else:
        assert "isPartOf" not in data


def test_every_kind_has_its_type(site, library):
    from gazette.emit.jsonld import TYPES as DECLARED
    from gazette.model.kinds import KINDS

    assert {kind: declared[0] for kind, declared in DECLARED.items()} == TYPES
    assert set(TYPES) == {kind.name for kind in KINDS}
    assert {doc.kind for doc in library.public} == set(TYPES)  # the sample has every kind


def test_policies_are_legislation_field_by_field(site, library):
    force = {"有效": "InForce", "失效": "NotInForce", "废止": "NotInForce", "申报中": "InForce", "已截止": "NotInForce"}
    policies = [doc for doc in library.public if doc.kind == "政策文件"]
    assert policies
    for doc in policies:
        data = jsonld_of(site, doc)
        check_common(data, doc, library)
        assert data.get("expires") == iso(doc.expires)
        assert data.get("legislationIdentifier") == doc.doc_number
        assert data.get("legislationType") == doc.effective_genre
        assert data["legislationPassedBy"] == agencies(library, doc)
        assert data.get("legislationDate") == iso(doc.signed)
        assert data.get("legislationDateOfApplicability") == iso(doc.effective)
        status = data["legislationLegalForce"]["@id"].removeprefix("https://schema.org/")
        if doc.status == "已修订":
            assert status in ("PartiallyInForce", "NotInForce")
        else:
            assert status == force[doc.status], doc.id
        assert [t["@id"] for t in data.get("legislationRepeals", [])] == urls(doc.relations.get("repeals", []))
        assert [t["@id"] for t in data.get("legislationAmends", [])] == urls(doc.relations.get("amends", []))
        # legislationChanges: every document this one changes, directly (any relation) or through others (版本沿革).
        changes = [t["@id"] for t in data.get("legislationChanges", [])]
        direct = {u for key in ("repeals", "amends", "supersedes") for u in urls(doc.relations.get(key, []))}
        assert direct <= set(changes) and len(changes) == len(set(changes)), doc.id


def test_interpretations_are_articles_about_their_policy(site, library):
    readings = [doc for doc in library.public if doc.kind == "政策解读"]
    assert readings
    for doc in readings:
        data = jsonld_of(site, doc)
        check_common(data, doc, library)
        assert data["headline"] == doc.title
        assert data["author"] == agencies(library, doc)
        policy = doc.interprets_doc
        assert data["about"] == {"@type": "Legislation", "@id": SITE + policy.url, "name": policy.title,
                                 "legislationIdentifier": policy.doc_number}
        assert not any(key.startswith("legislation") for key in data)


def test_faqs_are_faq_pages_with_the_questions_of_their_body(site, library):
    faqs = [doc for doc in library.public if doc.kind == "常见问题"]
    assert faqs
    for doc in faqs:
        data = jsonld_of(site, doc)
        check_common(data, doc, library)
        assert data["author"] == agencies(library, doc)
        written = re.findall(r"^#+ 问：(.+)$", doc.body, re.M)
        assert len(written) >= 4
        assert [q["name"] for q in data["mainEntity"]] == written, doc.id
        for question, answer in zip(data["mainEntity"], re.split(r"^#+ 问：.+$", doc.body, flags=re.M)[1:]):
            assert question["@type"] == "Question" and question["acceptedAnswer"]["@type"] == "Answer"
            text = question["acceptedAnswer"]["text"]
            assert not text.startswith("答") and "¶" not in text and "<" not in text
            first = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", answer.strip().splitlines()[0]).removeprefix("答：")
            assert text.splitlines()[0] == first


def test_notices_and_calls_are_special_announcements(site, library):
    notices = [doc for doc in library.public if doc.kind in ("公告通报", "申报通知")]
    assert any(doc.deadline for doc in notices) and any(doc.kind == "公告通报" for doc in notices)
    for doc in notices:
        data = jsonld_of(site, doc)
        check_common(data, doc, library)
        assert data["author"] == agencies(library, doc)
        assert data["datePosted"] == doc.published.isoformat()
        if doc.kind == "申报通知":
            assert data.get("expires") == iso(doc.deadline or doc.expires), doc.id  # the deadline
            actions = [{"@type": "ApplyAction", "name": s["title"], "target": s["url"]} for s in doc.services or []]
            assert data.get("potentialAction", []) == actions
        else:
            assert data.get("expires") == iso(doc.expires) and "potentialAction" not in data
    assert any(jsonld_of(site, doc).get("potentialAction") for doc in notices)


def test_the_sample_exercises_every_field(site, library):
    seen = {}
    for doc in library.public:
        data = jsonld_of(site, doc)
        seen.setdefault(data["@type"], set()).update(data)
    for kind_type, fields in OWN_FIELDS.items():
        assert fields <= seen[kind_type], (kind_type, fields - seen[kind_type])
    assert COMMON <= set().union(*seen.values())
    assert any(doc.status != VALID for doc in library.public)


def test_sitemap_lists_every_public_page_with_content_dates(site, library):
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.iter(f"{SITEMAP}url")}
    assert set(entries) == {SITE + url for url in page_files(site)}
    hidden = [doc for doc in library.documents.values() if not doc.is_public]
    assert hidden and not any(SITE + doc.url in entries for doc in hidden)
    latest = max(doc.published for doc in library.public)
    for doc in library.public:
        lastmod = dt.date.fromisoformat(entries[SITE + doc.url])
        assert doc.published <= lastmod <= max(latest, doc.expires or latest)
    assert entries[SITE] == latest.isoformat()  # not the day of the build
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_deadline_calendar_lists_every_public_deadline(site, library):
    calendar = icalendar.Calendar.from_ical((site / "feeds/deadlines.ics").read_bytes())
    events = calendar.walk("VEVENT")
    calls = sorted((d for d in library.public if d.deadline), key=lambda d: (d.deadline, d.id))
    assert len(calls) >= 3
    assert [str(e["url"]) for e in events] == [SITE + d.url for d in calls]
    for event, doc in zip(events, calls):
        assert event.decoded("dtstart") == doc.deadline
        assert event.decoded("dtend") == doc.deadline + dt.timedelta(days=1)
        assert doc.title in str(event["summary"])
        # From the content: published, or the day after the deadline once the call has closed.
        changed = doc.deadline + dt.timedelta(days=1) if doc.status == "已截止" else doc.published
        midnight = dt.datetime.combine(changed, dt.time(), dt.timezone(dt.timedelta(hours=8)))
        assert event.decoded("dtstamp") == midnight
    assert len({str(e["uid"]) for e in events}) == len(events)
    hidden = [d for d in library.documents.values() if not d.is_public and d.deadline]
    assert all(SITE + d.url not in {str(e["url"]) for e in events} for d in hidden)
