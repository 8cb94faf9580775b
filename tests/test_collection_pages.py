"""Collections (专题) in the built sample gazette: pages, member pages, feeds, subscription list, OPML, open data."""

import json
import posixpath
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest
from lxml import html as lxml_html

from emitted import site_url
from gazette.model.collection import GROUPS
from test_site import library, site  # noqa: F401 (fixtures: the sample site and its Library)

SITE = site_url()
ORDER = [anchor for anchor, _, _ in GROUPS]


def page(site, url):
    return lxml_html.fromstring((site / url / "index.html").read_bytes())


def doc_url(page_url, href):
    """A link of a page as a site-relative URL."""
    return posixpath.normpath(posixpath.join(page_url, href)) + "/"


def test_the_index_lists_every_collection_in_order(site, library):
    root = page(site, "collections/")
    links = [a.get("href") for a in root.iterfind('.//ul[@class="gz-collections"]//h2/a')]
    assert [doc_url("collections/", href) for href in links] == [c.url for c in library.collections]
    assert len(links) >= 3
    assert root.find('.//nav[@aria-label="栏目导航"]//a[@href="./"]') is not None  # 专题 is a tab, current here


@pytest.mark.parametrize("slug", ["jiazhuang-dianti", "yanglao-fuwu", "huiqi-zhengce", "yingshang-huanjing"])
def test_a_collection_page_groups_its_members_by_kind(site, library, slug):
    collection = next(c for c in library.collections if c.slug == slug)
    url = collection.url
    root = page(site, url)
    sections = root.findall('.//section[@data-gz-group]')
    anchors = [s.get("data-gz-group") for s in sections]
    assert anchors == [a for a in ORDER if a in anchors]  # declared order, empty groups left out
    kinds = dict((anchor, set(k)) for anchor, _, k in GROUPS)
    shown = []
    for section in sections:
        for item in section.iterfind('.//li[@data-gz-kind]'):
            assert item.get("data-gz-kind") in kinds[section.get("data-gz-group")]
            title = item.find('a[@class="gz-list__title"]')
            shown.append(doc_url(url, title.get("href")))
            state = item.find('.//span[@data-gz-state]')
            assert state is not None and state.text.strip(), title.text  # validity shown on every row
    assert sorted(shown) == sorted(doc.url for doc in collection.members)
    assert len(shown) == len(set(shown))  # each member once
    for service in collection.services or []:
        button = root.find(f'.//section[@class="gz-services"]//a[@href="{service["url"]}"]')
        assert button is not None and "md-button" in button.get("class") and button.text == service["title"]


def test_interpretations_stand_beside_their_policy(site, library):
    url = "collections/yanglao-fuwu/"
    root = page(site, url)
    rows = root.findall('.//section[@data-gz-group="policies"]/ul/li')
    beside = {doc_url(url, row.find('a[@class="gz-list__title"]').get("href")):
              [doc_url(url, a.get("href")) for a in row.iterfind('ul[@class="gz-list gz-readings"]/li/a[@class="gz-list__title"]')]
              for row in rows}
    assert beside["documents/2024/ptfb-2024-6/"] == ["documents/2024/jd-ptfb-2024-6/"]
    assert beside["documents/2024/ptfb-2024-21/"] == ["documents/2024/jd-ptfb-2024-21/"]
    assert "documents/2024/jd-ptfb-2024-6/" not in beside  # not listed a second time on its own


def test_validity_and_deadline_state_are_shown(site):
    def states(url):
        root = page(site, url)
        return {doc_url(url, li.find('a[@class="gz-list__title"]').get("href")): li.find('.//span[@data-gz-state]').text
                for li in root.iterfind('.//li[@data-gz-kind]')}
    assert states("collections/yanglao-fuwu/")["documents/2023/ptfb-2023-9/"] == "废止"
    huiqi = states("collections/huiqi-zhengce/")
    assert huiqi["documents/2024/psw-2024-4/"] == "失效"
    assert huiqi["documents/2024/sb-swx-2024-02/"] == "已截止"  # deadline 2024-06-21, built 2025-01-01
    assert states("collections/yingshang-huanjing/")["documents/2023/pfg-2023-15/"] == "已修订"


def test_every_member_page_names_its_collections(site, library):
    for doc in library.public:
        root = page(site, doc.url)
        section = root.find('.//section[@aria-labelledby="gz-collections"]')
        held = [c.url for c in library.collections if c.holds(doc)]
        if not held:
            assert section is None, doc.id
            continue
        assert [doc_url(doc.url, a.get("href")) for a in section.iterfind(".//a")] == held, doc.id
    assert any(len(library.collections_of(doc)) > 1 for doc in library.public)


def test_each_collection_feed_has_one_entry_per_member(site, library):
    for collection in library.collections:
        parsed = feedparser.parse((site / f"feeds/collections/{collection.slug}.xml").read_bytes())
        assert not parsed.bozo and parsed.version == "atom10"
        assert parsed.feed.title.endswith(f"专题“{collection.title}”")
        assert sorted(e.link for e in parsed.entries) == sorted(SITE + d.url for d in collection.members)
        assert next(link.href for link in parsed.feed.links if link.rel == "alternate") == SITE + collection.url
        html = (site / collection.url / "index.html").read_text(encoding="utf-8")
        assert f'href="../../feeds/collections/{collection.slug}.xml"' in html


def test_collection_feeds_are_on_the_subscription_page_and_in_the_opml(site, library):
    expected = [f"feeds/collections/{c.slug}.xml" for c in library.collections]
    html = (site / "subscribe/index.html").read_text(encoding="utf-8")
    assert 'id="collections"' in html
    for path in expected:
        assert f'<tr data-feed="{path}">' in html
    root = ET.parse(site / "feeds/subscriptions.opml").getroot()
    folder = next(o for o in root.find("body") if o.get("text") == "专题")
    assert [o.get("xmlUrl") for o in folder] == [SITE + path for path in expected]


def test_collections_are_in_the_open_data_and_valid_against_their_schema(site, library):
    data = json.loads((site / "api/collections.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api/collections.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert [c["slug"] for c in data["collections"]] == [c.slug for c in library.collections]
    for record, collection in zip(data["collections"], library.collections):
        assert [d["id"] for d in record["documents"]] == [d.id for d in collection.members]
        assert record["url"] == SITE + collection.url and record["title"] == collection.title
    broken = {**data, "collections": [{**data["collections"][0], "documents": [{"id": "x"}]}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken)  # the schema does check members


def test_collection_pages_are_in_the_sitemap(site, library):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for url in ["collections/", *(c.url for c in library.collections)]:
        assert f"<loc>{SITE}{url}</loc>" in sitemap
