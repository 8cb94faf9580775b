"""Atom feeds, the OPML file and /subscribe/ of the sample gazette, read back with real parsers."""

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import feedparser

from emitted import head, listed_documents, site_url
from gazette.model.kinds import KINDS
from gazette import urls
from test_site import library, site  # noqa: F401 (fixtures: the sample site and its Library)

SITE = site_url()


def feeds_of(site):
    return sorted(p for p in (site / "feeds").rglob("*.xml"))


def expected_feeds(library) -> dict[str, set[str]]:
    """Feed path -> ids of its documents, worked out here from the front matter alone."""
    expected = {"feeds/all.xml": {d.id for d in library.public}}
    slugs = {group: {e.name: e.slug for e in library.vocabularies[v].entries} if v else {k.name: k.slug for k in KINDS}
             for group, (_, v, _) in urls.LISTINGS.items()}
    for doc in library.public:
        names = {"agencies": doc.issuers, "topics": doc.topics or [], "tags": doc.tags or [], "kinds": [doc.kind]}
        for group, values in names.items():
            for name in values:
                expected.setdefault(f"feeds/{group}/{slugs[group][name]}.xml", set()).add(doc.id)
    for collection in library.collections:  # 专题: every member (tests/test_collection_pages.py)
        expected[f"feeds/collections/{collection.slug}.xml"] = {doc.id for doc in collection.members}
    return expected


def test_one_feed_per_listing_with_documents(site, library):
    expected = expected_feeds(library)
    assert {p.relative_to(site).as_posix() for p in feeds_of(site)} == set(expected)
    assert len(expected) > 40  # tags, agencies, topics and kinds all have feeds in the sample


def test_every_feed_parses_and_lists_what_its_listing_lists(site, library):
    for path in feeds_of(site):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        page = next(link.href for link in parsed.feed.links if link.rel == "alternate")
        assert page.startswith(SITE)
        listing = (site / page.removeprefix(SITE) / "index.html").read_text(encoding="utf-8")
        listed = [urljoin(page, href) for href in listed_documents(listing)]
        assert len(parsed.entries) == len(listed) > 0, path
        if "/collections/" in page:  # a collection page groups by kind; its feed is newest first
            listed = sorted(listed, key=[e.link for e in parsed.entries].index)
        assert [e.link for e in parsed.entries] == listed, path  # same documents, same order
        self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
        assert self_link == SITE + path.relative_to(site).as_posix()


def test_entries_carry_the_document_elements(site, library):
    parsed = feedparser.parse((site / "feeds/all.xml").read_bytes())
    by_url = {SITE + doc.url: doc for doc in library.public}
    assert len(parsed.entries) == len(by_url)
    for entry in parsed.entries:
        doc = by_url[entry.id]
        assert entry.link == entry.id
        assert entry.title == doc.title
        assert entry.published.startswith(doc.published.isoformat())
        if doc.summary:
            assert entry.summary == doc.summary
        else:
            assert entry.summary and entry.summary != doc.title
        content = entry.content[0].value
        if doc.doc_number:
            assert doc.doc_number in content
        assert f"有效性：{doc.status}" in content
        assert [a.name for a in entry.authors] == doc.issuers
        assert {t.term for t in entry.tags} == {doc.kind, *(doc.topics or []), *(doc.tags or [])}


def test_a_changed_status_updates_the_entry(site, library):
    """updated = the latest of published and the publication of what repealed/amended/superseded it."""
    entries = {e.id: e for e in feedparser.parse((site / "feeds/all.xml").read_bytes()).entries}
    changed = [doc for doc in library.public if doc.related_from]
    assert changed
    for doc in changed:
        newer = max(d.published for docs in doc.related_from.values() for d in docs)
        entry = entries[SITE + doc.url]
        assert entry.updated.startswith(max(newer, doc.published).isoformat()), doc.id
    expired = [doc for doc in library.public if doc.status == "失效" and doc.follows is None]
    assert expired
    for doc in expired:
        assert entries[SITE + doc.url].updated.startswith((doc.expires + dt.timedelta(days=1)).isoformat())
    followers = [doc for doc in library.public if doc.follows is not None]  # interpretations follow their policy
    assert followers
    for doc in followers:
        assert entries[SITE + doc.url].updated[:10] == entries[SITE + doc.follows.url].updated[:10], doc.id


def test_opml_lists_every_feed_grouped(site):
    tree = ET.parse(site / "feeds/subscriptions.opml")
    root = tree.getroot()
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title")
    feeds = root.findall(".//outline[@xmlUrl]")
    urls = [o.get("xmlUrl") for o in feeds]
    assert sorted(urls) == sorted(SITE + p.relative_to(site).as_posix() for p in feeds_of(site))
    assert all(o.get("type") == "rss" and o.get("text") and o.get("htmlUrl", "").startswith(SITE) for o in feeds)
    top = [o.get("text") for o in root.find("body")]
    assert top == ["全部文件", "专题", "标签", "发文机关", "主题分类", "信息类别"]
    agencies = next(o for o in root.find("body") if o.get("text") == "发文机关")
    assert [o.get("text") for o in agencies] == ["区政府", "部门", "街镇"]
    tags = next(o for o in root.find("body") if o.get("text") == "标签")
    assert [o.get("text") for o in tags][:2] == ["企业服务", "民生服务"]


def test_subscribe_page_lists_every_feed_with_its_count(site):
    html = (site / "subscribe/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-feed="([^"]+)">\s*<td><a href="[^"]+">([^<]+)</a></td>\s*<td>(\d+)</td>', html)
    assert sorted(r[0] for r in rows) == sorted(p.relative_to(site).as_posix() for p in feeds_of(site))
    for path, _, count in rows:
        entries = feedparser.parse((site / path).read_bytes()).entries
        assert int(count) == len(entries), path
        assert f'data-clipboard-text="{SITE}{path}"' in html  # a copy button with the full URL
    assert 'href="../feeds/subscriptions.opml"' in html
    assert 'href="../feeds/deadlines.ics"' in html
    for group in ("tags", "agencies", "topics", "kinds"):
        assert f'id="{group}"' in html


def test_every_listing_links_its_own_feed_in_body_and_head(site, library):
    listings = ["documents/"] + [urls.listing(group, p.stem) for group in urls.LISTINGS
                                 for p in (site / "feeds" / group).glob("*.xml")]
    for url in listings:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        feed = "feeds/all.xml" if url == "documents/" else f"feeds/{url.rstrip('/')}.xml"
        relative = posixpath.relpath(feed, url)
        assert re.search(rf'<link rel="alternate feed" type="application/atom\+xml" title="[^"]+" href="{re.escape(relative)}">',
                         head(html)), url
        assert f'<a href="{relative}" type="application/atom+xml">' in html.split("</head>", 1)[1], url
    empty = [urls.listing(g, e.slug) for g, (_, v, _) in urls.LISTINGS.items() if v for e in library.vocabularies[v].entries
             if not (site / "feeds" / g / f"{e.slug}.xml").exists()]
    assert empty  # entries without documents: a page, but no feed to link
    for url in empty:
        assert "application/atom+xml\" title=\"订阅" not in (site / url / "index.html").read_text(encoding="utf-8")
