"""JSON-LD of document pages (extruct), the sitemap (XML parser) and the deadline calendar (icalendar)."""

import datetime as dt
import gzip
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


def test_every_document_page_describes_itself_as_legislation(site, library):
    force = {"有效": "InForce", "失效": "NotInForce", "废止": "NotInForce", "申报中": "InForce", "已截止": "NotInForce"}
    for doc in library.public:
        data = jsonld_of(site, doc)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
        assert data["@id"] == data["url"] == SITE + doc.url
        assert data["name"] == doc.title
        assert data["inLanguage"] == "zh-CN"
        assert data.get("legislationIdentifier") == doc.doc_number
        assert data.get("legislationType") == doc.effective_genre
        assert [a["name"] for a in data["legislationPassedBy"]] == doc.issuers
        assert data.get("legislationDate") == (doc.signed.isoformat() if doc.signed else None)
        assert data["datePublished"] == doc.published.isoformat()
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


def test_the_sample_exercises_every_legislation_field(site, library):
    seen = set()
    for doc in library.public:
        seen.update(jsonld_of(site, doc))
    for key in ("legislationIdentifier", "legislationType", "legislationDate", "legislationRepeals",
                "legislationAmends", "legislationChanges", "isPartOf", "about", "expires"):
        assert key in seen, key
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
