"""Feeds and open data keep the publication gate, are reproducible, and fail clearly."""

import gzip
import json
import re

import extruct
import feedparser
import icalendar
import pytest

from emitted import build, page_files, site_url
from projects import REPO

SITE = site_url()
D = "content/documents/2024/"

HIDDEN_TITLE = "上海市普陀区人民政府办公室关于内部调整事项的通知"
HIDDEN_CALL_TITLE = "上海市普陀区发展和改革委员会关于内部申报事项的通知"

FILES = {
    # Not public: repeals the public policy, the only document with the tag 养老服务.
    D + "hidden-2024-1.md": f"""\
---
title: {HIDDEN_TITLE}
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕9号
signed: 2024-06-01
published: 2024-06-01
disclosure: 依申请公开
topics: [综合政务]
tags: [养老服务]
repeals: [2024/ptfb-2024-1]
---

内部调整事项的正文。
""",
    # Not public, with a deadline: the only document of 区发改委.
    D + "sb-hidden-2024-1.md": f"""\
---
title: {HIDDEN_CALL_TITLE}
kind: 申报通知
issuer: 区发改委
published: 2024-05-01
deadline: 2024-05-31
disclosure: 不予公开
---

内部申报事项的正文。
""",
    # Public, amends the hidden policy; its title would close a <script> element if not escaped.
    D + "gg-2024-2.md": """\
---
title: 关于调整</script><b>示例</b>事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-06-05
disclosure: 主动公开
amends: [2024/hidden-2024-1]
---

公告正文。
""",
    # A collection (专题) gathering by a tag the hidden policy has, listing the notice that amends it.
    "content/collections/shili.md": """\
---
title: 示例专题
summary: 示例专题的简介。
documents: [2024/gg-2024-2]
tags: [营商环境, 养老服务]
---

示例专题的简介。
""",
    D + "sb-2024-1.md": """\
---
title: 上海市普陀区长征镇人民政府关于开展示例项目申报的通知
kind: 申报通知
issuer: 长征镇
published: 2024-04-01
deadline: 2024-04-30
disclosure: 主动公开
---

申报通知正文。
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from projects import write_project

    root = write_project(tmp_path_factory.mktemp("gate") / "project", FILES, site=True)
    out = root / "build" / "site"
    result = build(root, out)
    assert result.returncode == 0, result.stderr + result.stdout
    return out


def emitted(site) -> dict[str, bytes]:
    """Every file this feature writes, decompressed, plus the JSON-LD of every page."""
    files = {p.relative_to(site).as_posix(): p.read_bytes()
             for folder in ("feeds", "api") for p in (site / folder).rglob("*") if p.is_file()}
    files["sitemap.xml"] = (site / "sitemap.xml").read_bytes()
    files["sitemap.xml.gz"] = gzip.decompress((site / "sitemap.xml.gz").read_bytes())
    for url, page in page_files(site).items():
        data = extruct.extract(page.read_text(encoding="utf-8"), base_url=SITE + url, syntaxes=["json-ld"])["json-ld"]
        files[f"json-ld of /{url}"] = json.dumps(data, ensure_ascii=False).encode()
    return files


def test_nothing_of_a_non_public_document_is_emitted(site):
    needles = [HIDDEN_TITLE, HIDDEN_CALL_TITLE, "hidden-2024-1", "普府办〔2024〕9号", "内部调整事项", "内部申报事项"]
    files = emitted(site)
    assert "feeds/all.xml" in files and "api/documents.json" in files and "feeds/deadlines.ics" in files
    for name, data in files.items():
        text = data.decode("utf-8")
        for needle in needles:
            assert needle not in text, f"{name} contains {needle}"


def test_no_page_names_a_non_public_document_and_collections_hold_only_public_ones(site):
    pages = page_files(site)
    assert "collections/" in pages and "collections/shili/" in pages
    for url, path in pages.items():
        text = path.read_text(encoding="utf-8")
        assert HIDDEN_TITLE not in text and HIDDEN_CALL_TITLE not in text, url
        if url.startswith("collections/"):
            assert "hidden-2024-1" not in text and "普府办〔2024〕9号" not in text, url
    entries = feedparser.parse((site / "feeds/collections/shili.xml").read_bytes()).entries
    assert sorted(e.link for e in entries) == [SITE + "documents/2024/gg-2024-2/", SITE + "documents/2024/ptfb-2024-1/"]
    members = json.loads((site / "api/collections.json").read_text(encoding="utf-8"))["collections"][0]["documents"]
    assert sorted(d["id"] for d in members) == ["2024/gg-2024-2", "2024/ptfb-2024-1"]


def test_check_findings_about_collections_never_name_a_non_public_document(tmp_path):
    from gazette.project import load_and_check
    from projects import write_project

    files = {**FILES, "content/collections/shili.md": FILES["content/collections/shili.md"].replace(
        "documents: [2024/gg-2024-2]", "documents: [2024/gg-2024-2, 2024/hidden-2024-1]")}
    _, report = load_and_check(write_project(tmp_path / "project", files))
    found = [f.format() for f in report.findings if f.path.startswith("content/collections/")]
    assert any("指向的文件不是主动公开" in f for f in found)  # the hidden policy: an error
    assert any("（2024/ptfb-2024-1）已废止" in f for f in found)  # repealed by the hidden one: a 巡检 warning
    assert not any(HIDDEN_TITLE in f for f in found)


def test_entries_only_a_non_public_document_has_get_no_feed(site):
    assert not (site / "feeds/tags/yanglao.xml").exists()
    assert not (site / "feeds/agencies/fgw.xml").exists()
    assert (site / "feeds/tags/yingshang.xml").exists()
    for name in ("feeds/subscriptions.opml", "subscribe/index.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert "feeds/tags/yanglao.xml" not in text and "feeds/agencies/fgw.xml" not in text
        assert "feeds/tags/yingshang.xml" in text


def test_a_status_changed_by_a_hidden_document_shows_without_naming_it(site):
    records = {r["id"]: r for r in json.loads((site / "api/documents.json").read_text(encoding="utf-8"))["documents"]}
    assert set(records) == {"2024/ptfb-2024-1", "2024/gg-2024-1", "2024/gg-2024-2", "2024/sb-2024-1"}
    policy = records["2024/ptfb-2024-1"]
    assert policy["status"] == "废止" and policy["repealed_by"] == []
    assert records["2024/gg-2024-2"]["amends"] == []
    entry = next(e for e in feedparser.parse((site / "feeds/all.xml").read_bytes()).entries
                 if e.id == SITE + "documents/2024/ptfb-2024-1/")
    assert "有效性：废止" in entry.content[0].value
    assert entry.updated.startswith("2024-06-01")  # the day its validity changed


def test_only_public_deadlines_are_in_the_calendar(site):
    events = icalendar.Calendar.from_ical((site / "feeds/deadlines.ics").read_bytes()).walk("VEVENT")
    assert [str(e["url"]) for e in events] == [SITE + "documents/2024/sb-2024-1/"]


def test_jsonld_survives_markup_in_a_title(site):
    html = (site / "documents/2024/gg-2024-2/index.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(script)["name"] == "关于调整</script><b>示例</b>事项的公告"


def test_two_builds_give_identical_feeds_and_json(tmp_path):
    """Same content, build clocks 17 months apart (no validity changes in between): same bytes."""
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(REPO, first, epoch="1735660800").returncode == 0  # 2025-01-01
    assert build(REPO, second, epoch="1780243200").returncode == 0  # 2026-06-01
    one, two = emitted(first), emitted(second)
    assert len(one) > 60 and one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], name
    raw = ["sitemap.xml.gz"]
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in raw)


def test_a_missing_site_url_is_a_clear_error(tmp_path):
    from projects import write_project

    root = write_project(tmp_path / "project", {}, site=True)
    config = root / "gazette.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "gazette.yml:1: 错误: 缺少必填的键 site_url（网站地址）" in result.stdout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
