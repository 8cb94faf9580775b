"""Links both ways (引用本文件的文件) and 版本沿革 (issue 14, points 3 and 4), on the sample gazette."""

import json
import posixpath
import re

import lxml.html
import pytest

from emitted import site_url
from projects import POLICY, write_project
from gazette.findings import Report
from gazette.library.loader import load_library

SITE = site_url()
FAQ, POLICY_ID = "2024/faq-fgj-dianti", "2024/ptfb-2024-21"  # the FAQ on 加装电梯 links its policy
CHAIN = ["2023/pfg-2023-15", "2024/pfg-2024-9", "2024/pfg-2024-18"]  # amended, then both superseded


def page(site, doc_id):
    return lxml.html.parse(str(site / "documents" / doc_id / "index.html")).getroot()


def section(tree, heading_id):
    found = tree.xpath(f"//section[@aria-labelledby='{heading_id}']")
    return found[0] if found else None


def href_to(page_id: str, target_id: str) -> str:
    return posixpath.relpath(f"documents/{target_id}", f"documents/{page_id}") + "/"


def open_data(site) -> dict:
    data = json.loads((site / "api/documents.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in data["documents"]}


def jsonld(site, doc_id) -> dict:
    return json.loads(page(site, doc_id).xpath("//script[@type='application/ld+json']")[0].text)


def test_the_policy_page_lists_the_faq_that_links_to_it(sample_site):
    cited = section(page(sample_site, POLICY_ID), "gz-cited-by")
    assert cited is not None
    assert cited.xpath("h2")[0].text_content() == "引用本文件的文件"
    assert href_to(POLICY_ID, FAQ) in cited.xpath(".//a[@class='gz-list__title']/@href")
    assert "既有多层住宅加装电梯常见问题解答" in cited.text_content()
    assert f"{SITE}documents/{FAQ}/" in open_data(sample_site)[POLICY_ID]["cited_by"]


def test_cited_by_is_exactly_the_public_documents_whose_bodies_link_here(sample_site, sample_library):
    """Worked out from the Markdown sources here, independently of the library's index."""
    expected: dict[str, set[str]] = {}
    for doc in sample_library.public:
        for target in re.findall(r"\]\(([^)\s#]+\.md)", doc.body):
            target_id = posixpath.normpath(posixpath.join(posixpath.dirname(doc.id), target)).removesuffix(".md")
            linked = sample_library.documents.get(target_id)
            if linked is not None and linked.is_public and linked is not doc:
                expected.setdefault(target_id, set()).add(doc.id)
    assert len(expected) >= 5
    records = open_data(sample_site)
    for doc in sample_library.public:
        citing = expected.get(doc.id, set())
        assert set(records[doc.id]["cited_by"]) == {f"{SITE}documents/{c}/" for c in citing}, doc.id
        cited = section(page(sample_site, doc.id), "gz-cited-by")
        listed = set(cited.xpath(".//a[@class='gz-list__title']/@href")) if cited is not None else set()
        assert listed == {href_to(doc.id, c) for c in citing}, doc.id


def test_a_non_public_document_linking_a_page_is_never_named(tmp_path):
    secret = """\
---
title: 关于内部事项的机密请示
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 依申请公开
---

见[示例管理办法](ptfb-2024-1.md)。
"""
    public = secret.replace("关于内部事项的机密请示", "关于示例事项的说明").replace("依申请公开", "主动公开")
    root = write_project(tmp_path / "p", {"content/documents/2024/secret.md": secret,
                                          "content/documents/2024/open.md": public})
    library = load_library(root, Report())
    assert [d.id for d in library.documents["2024/ptfb-2024-1"].cited_by] == ["2024/open"]
    assert "关于内部事项的机密请示" not in [d.title for d in library.documents["2024/ptfb-2024-1"].cited_by]


def timeline(tree) -> list[tuple]:
    """The 版本沿革 as a reader reads it: (date, title, 发文字号 and acts, state, current?) per step."""
    versions = section(tree, "gz-versions")
    assert versions is not None
    assert versions.xpath("h2")[0].text_content() == "版本沿革"
    rows = []
    for item in versions.xpath(".//ol[@class='gz-timeline']/li"):
        meta = item.find_class("gz-timeline__meta")[0]
        rows.append((item.xpath(".//time/@datetime")[0], item.find_class("gz-timeline__title")[0].text_content(),
                     " ".join(meta.text_content().replace("现行版本", "").split()),
                     "gz-timeline__item--current" in item.get("class"),
                     item.find_class("gz-timeline__title")[0].get("aria-current")))
    return rows


def test_a_three_document_chain_shows_the_same_timeline_on_all_three_pages(sample_site, sample_library):
    timelines = {doc_id: timeline(page(sample_site, doc_id)) for doc_id in CHAIN}
    first = timelines[CHAIN[0]]
    assert [row[1] for row in first] == [sample_library.documents[d].title for d in CHAIN]  # oldest first
    assert [row[0] for row in first] == ["2023-08-28", "2024-04-18", "2024-11-26"]
    assert [row[3] for row in first] == [False, False, True]  # the current version: the consolidated one
    assert "普发改〔2024〕9号 · 修改：普发改〔2023〕15号 · 已修订" == first[1][2]
    assert "替代：普发改〔2023〕15号、普发改〔2024〕9号 · 有效" in first[2][2]
    for index, doc_id in enumerate(CHAIN):
        rows = timelines[doc_id]
        assert [row[:4] for row in rows] == [row[:4] for row in first], doc_id
        assert [row[4] for row in rows] == ["page" if i == index else None for i in range(len(CHAIN))]
        current = page(sample_site, doc_id).find_class("gz-timeline__item--current")[0]
        assert "现行版本" in current.text_content()


def test_the_chain_in_the_open_data_is_the_same_for_all_three(sample_site):
    records = open_data(sample_site)
    versions = [records[doc_id]["versions"] for doc_id in CHAIN]
    assert versions[0] == versions[1] == versions[2]
    assert [v["url"] for v in versions[0]] == [f"{SITE}documents/{d}/" for d in CHAIN]
    assert [v["current"] for v in versions[0]] == [False, False, True]
    assert versions[0][2]["supersedes"] == [f"{SITE}documents/{d}/" for d in CHAIN[:2]]
    assert versions[0][1]["amends"] == [f"{SITE}documents/{CHAIN[0]}/"]
    assert records["2024/ptf-2024-3"]["versions"] == []  # a document in no chain


@pytest.mark.parametrize("index", range(3))
def test_the_chain_in_json_ld_both_ways_and_transitively(sample_site, index):
    data = jsonld(sample_site, CHAIN[index])
    changes = [item["@id"] for item in data.get("legislationChanges", [])]
    changed_by = [item["@id"] for item in data.get("@reverse", {}).get("legislationChanges", [])]
    urls = [f"{SITE}documents/{d}/" for d in CHAIN]
    # pfg-2024-18 supersedes both directly; pfg-2024-9 amends the first; nothing changes the last.
    assert changes == {0: [], 1: urls[:1], 2: urls[:2]}[index]
    assert changed_by == {0: urls[1:], 1: urls[2:], 2: []}[index]


def test_a_chain_passes_through_no_hidden_document(tmp_path):
    hidden = POLICY.replace("普府办〔2024〕1号", "普府办〔2024〕2号").replace("主动公开", "依申请公开") \
        .replace("tags: [营商环境]", "tags: [营商环境]\nsupersedes: [普府办〔2024〕1号]")
    root = write_project(tmp_path / "p", {"content/documents/2024/ptfb-2024-2.md": hidden})
    library = load_library(root, Report())
    assert library.versions == {}
