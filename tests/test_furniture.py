"""A gazette's page furniture in the built sample: meta and Open Graph, breadcrumb, previous/next issue,
the home page, kind labels, empty entries, the 公文要素 per kind, robots.txt, headings and landmarks."""

import re

import lxml.html
import pytest

from a11y_support import PAGES, html_file
from emitted import site_url
from gazette.site.panel import APPLIES, label


@pytest.fixture(scope="module")
def read(sample_site):
    def parse(url):
        return lxml.html.fromstring(html_file(sample_site, url).read_bytes())
    return parse


def texts(nodes) -> list[str]:
    return [" ".join(n.text_content().split()) for n in nodes]


def test_robots_txt_points_at_the_sitemap(sample_site):
    lines = (sample_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {site_url()}sitemap.xml" in lines and "User-agent: *" in lines


def test_documents_have_description_and_open_graph_from_title_and_summary(read, sample_library):
    doc = next(d for d in sample_library.public if d.url == PAGES["policy"])
    page = read(doc.url)
    assert page.xpath("string(//meta[@property='og:title']/@content)") == doc.title
    description = page.xpath("string(//meta[@name='description']/@content)")
    assert description and " ".join(doc.summary.split()).startswith(description.rstrip("…"))
    assert page.xpath("string(//meta[@property='og:description']/@content)") == description
    assert page.xpath("string(//meta[@property='og:url']/@content)") == site_url() + doc.url
    for url in ("", "issues/2024/5/", "tags/"):
        assert read(url).xpath("string(//meta[@name='description']/@content)"), url


def test_breadcrumbs_and_issue_navigation(read):
    trail = texts(read(PAGES["policy"]).xpath("//nav[@class='gz-breadcrumb']//li"))
    assert trail[:3] == ["首页", "文件库", "政策文件"] and len(trail) == 4
    issue = read("issues/2024/3/")
    assert texts(issue.xpath("//nav[@class='gz-breadcrumb']//li")) == ["首页", "公报", "2024年第3期"]
    assert issue.xpath("string(//a[@rel='prev']/@href)") == "../2/"
    assert issue.xpath("string(//a[@rel='next']/@href)") == "../4/"
    first = read("issues/2024/1/")
    assert not first.xpath("//a[@rel='prev']") and first.xpath("//a[@rel='next']")


def test_home_shows_the_latest_issue_first_and_no_document_twice(read, sample_library):
    home = read("")
    sections = home.xpath("//div[@class='gz-home']/section/@class")
    assert sections[0] == "gz-home__issue" and sections[1] == "gz-home__latest"
    pdf = home.xpath("//section[@class='gz-home__issue']//a[@download]")[0]
    assert pdf.get("href").endswith("gazette-2024-5.pdf") and re.search(r"（\d+ KB）", pdf.text_content())
    links = home.xpath("//a[@class='gz-list__title']/@href")
    assert len(links) == len(set(links)) > len(sample_library.issues[-1].documents)


def test_mixed_listings_label_kinds_and_empty_entries_are_not_links(read, sample_library):
    tag = read(PAGES["tag"])
    items = tag.xpath("//li[@class='gz-list__item']")
    assert len({i.xpath("string(span[@class='gz-kind'])") for i in items}) > 1
    assert not read(PAGES["kind"]).xpath("//span[@class='gz-kind']")  # one kind: no labels
    counts = read("tags/").xpath("//ul[@class='gz-entries']/li")
    empty = [li for li in counts if li.xpath("string(span[@class='gz-count'])") == "0"]
    assert empty and all(not li.xpath(".//a") for li in empty)
    assert all(li.xpath(".//a") for li in counts if li not in empty)


@pytest.mark.parametrize("name", ["policy", "interpretation", "call-services", "faq"])
def test_the_elements_panel_shows_what_applies_to_the_kind(read, sample_library, name):
    doc = next(d for d in sample_library.public if d.url == PAGES[name])
    labels = texts(read(doc.url).xpath("//dl[@class='gz-elements__list']//dt"))
    allowed = {label(key) for key in APPLIES[doc.kind]} | {"申报截止日期"}
    assert set(labels) <= allowed and "标题" in labels
    if doc.kind == "政策文件":
        assert len(labels) == len(APPLIES[doc.kind]) == 11
    else:
        assert "—" not in texts(read(doc.url).xpath("//dl[@class='gz-elements__list']//dd"))


@pytest.mark.parametrize("name", list(PAGES))
def test_headings_landmarks_and_language(read, name):
    page = read(PAGES[name])
    assert page.get("lang") == "zh-Hans"
    levels = [int(h.tag[1]) for h in page.xpath("//main//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5]")]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels  # no level skipped
    assert page.xpath("//a[contains(@class, 'md-skip')]/@href") == ["#gz-content"] and page.xpath("//main[@id='gz-content']")
    assert all(t.xpath(".//th") for t in page.xpath("//main//table")), "a data table without header cells"
    assert all(b.get("role") == "status" for b in page.xpath("//div[contains(@class, 'gz-banner--')]"))


def test_a_printed_document_has_no_chrome_and_shows_its_address(sample_site):
    from search_support import chromium, serve

    with serve(sample_site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + PAGES["call-services"])
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-tabs", ".md-footer", ".gz-breadcrumb", ".gz-services", ".md-button"):
            assert not page.locator(chrome).first.is_visible(), chrome
        assert page.locator(".gz-document__title").is_visible() and page.locator(".gz-elements").is_visible()
        printed = page.locator(".gz-print-only").inner_text()
        assert site_url() + PAGES["call-services"] in printed and "发布日期" in printed
        page.emulate_media(media="screen")
        assert page.locator(".md-header").is_visible() and not page.locator(".gz-print-only").is_visible()
