"""End to end: build the sample gazette and read what came out."""

import gzip
import os
import posixpath
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gazette.model.kinds import KIND_BY_NAME, VALID
from gazette import urls
from projects import REPO


def gazette(*args, cwd=REPO):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    return subprocess.run([sys.executable, "-m", "gazette", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def site(sample_site):
    return sample_site


@pytest.fixture(scope="module")
def library(sample_library):
    return sample_library


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def links_of(site: Path, url: str) -> set[str]:
    """Site-relative URLs that the page at `url` links to."""
    parser = _Links()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    resolved = set()
    for href in parser.hrefs:
        if "://" in href or href.startswith(("#", "mailto:")):
            continue
        path = posixpath.normpath(posixpath.join("/" + url, href.split("#")[0]))
        resolved.add(path.lstrip("/") + ("/" if href.split("#")[0].endswith("/") else ""))
    return resolved


def test_every_public_document_has_its_page(site, library):
    for doc in library.public:
        page = site / doc.url / "index.html"
        assert page.is_file(), doc.id
        assert doc.title in page.read_text(encoding="utf-8")


def test_every_listing_links_each_document(site, library):
    for doc in library.public:
        listings = ["documents/", urls.listing("kinds", KIND_BY_NAME[doc.kind].slug)]
        vocab = library.vocabularies
        listings += [urls.listing("agencies", vocab["agencies"].by_name(n).slug) for n in doc.issuers]
        listings += [urls.listing("topics", vocab["topics"].by_name(n).slug) for n in doc.topics or []]
        listings += [urls.listing("tags", vocab["tags"].by_name(n).slug) for n in doc.tags or []]
        if doc.issue:
            listings.append(doc.issue.url)
        for listing in listings:
            assert doc.url in links_of(site, listing), f"{listing} does not link {doc.id}"


def test_architecture_urls_exist(site, library):
    pages = ["", "documents/", "issues/", "agencies/", "topics/", "tags/", "kinds/"]
    pages += [issue.url for issue in library.issues]
    for group, vocabulary in (("agencies", "agencies"), ("topics", "topics"), ("tags", "tags")):
        pages += [urls.listing(group, e.slug) for e in library.vocabularies[vocabulary].entries]
    pages += [urls.listing("kinds", kind.slug) for kind in KIND_BY_NAME.values()]
    for url in pages:
        assert (site / url / "index.html").is_file(), url
    assert (site / "sitemap.xml").is_file()


def _output_bytes(site: Path):
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if path.suffix == ".gz" else data


def _secret_texts(doc) -> list[str]:
    texts = [doc.title]
    for line in doc.body.split("\n"):
        line = line.strip().lstrip("#*-> ").strip()
        if len(line) >= 12:
            texts.append(line[:40])
    return texts


def test_no_byte_of_a_non_public_document_is_published(site, library):
    hidden = [doc for doc in library.documents.values() if not doc.is_public]
    assert len(hidden) >= 2
    needles = {text.encode("utf-8"): doc.id for doc in hidden for text in _secret_texts(doc)}
    needles.update({f"documents/{doc.id}".encode(): doc.id for doc in hidden})
    for path, data in _output_bytes(site):
        for needle, doc_id in needles.items():
            assert needle not in data, f"{path} contains text of non-public {doc_id}"


def test_vocabularies_are_not_published(site):
    assert not list(site.rglob("*.yml"))
    assert not (site / "_data").exists()


def test_validity_banner_links_the_newer_document(site, library):
    changed = [doc for doc in library.public if doc.status != VALID]
    assert changed
    for doc in changed:
        html = (site / doc.url / "index.html").read_text(encoding="utf-8")
        assert "gz-banner--" in html and doc.status in html, doc.id
        for newer in doc.newer:
            if newer.is_public:
                assert newer.url in links_of(site, doc.url), doc.id


def test_policy_and_interpretations_link_both_ways(site, library):
    pairs = [(reading.interprets_doc, reading) for reading in library.public if reading.interprets_doc]
    assert pairs
    for policy, reading in pairs:
        assert reading.url in links_of(site, policy.url)
        assert policy.url in links_of(site, reading.url)


def test_services_and_attachments_are_on_the_page(site, library):
    for doc in library.public:
        html = (site / doc.url / "index.html").read_text(encoding="utf-8")
        for service in doc.services or []:
            assert f'href="{service["url"]}"' in html
        for attachment in doc.attachments or []:
            folder = doc.url.rsplit("/", 2)[0]
            assert (site / folder / attachment["file"]).is_file()


def test_home_is_marked_as_sample_and_documents_stay_out_of_nav(site, library):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "示例内容" in html and "虚构" in html
    nav = html.split('class="md-nav md-nav--primary', 1)[1].split("</nav>", 1)[0]
    assert not any(doc.url in nav for doc in library.public)


def test_a_failed_build_leaves_the_last_site_untouched(tmp_path, project):
    root = project(site=True)
    out = tmp_path / "output" / "site"
    assert gazette("-C", str(root), "build", "--out", str(out)).returncode == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    broken = root / "content/documents/2024/gg-2024-1.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("长征镇", "不存在的机关"), encoding="utf-8")
    result = gazette("-C", str(root), "build", "--out", str(out))
    assert result.returncode == 1
    assert "不存在的机关" in result.stdout
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in out.parent.iterdir()] == ["site"]  # no staging folder left behind


def test_markup_in_titles_is_shown_as_text(tmp_path, project):
    title = "关于<b>试行</b>“A&B”事项的公告"
    notice = "content/documents/2024/gg-2024-1.md"
    root = project({notice: f"---\ntitle: {title}\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-06\n"
                            "disclosure: 主动公开\nsummary: 摘要里的<i>标记</i>\n---\n\n示例公告正文。\n"}, site=True)
    out = tmp_path / "site"
    assert gazette("-C", str(root), "build", "--out", str(out)).returncode == 0
    for page in ("documents/2024/gg-2024-1/", "kinds/notices/", "documents/", ""):
        html = (out / page / "index.html").read_text(encoding="utf-8")
        assert "<b>试行</b>" not in html and "<i>标记</i>" not in html, page
        assert "关于&lt;b&gt;试行&lt;/b&gt;“A&amp;B”事项的公告" in html, page
