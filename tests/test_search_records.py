"""A long document is indexed as several bounded records and still found as one document.

The project holds a real law from ../shared/corpus/npc-laws (个人信息保护法, about 9,500
characters, so several records) and two short notices; the search page runs in Chromium.
"""

from __future__ import annotations

import json
import re

import pytest

from gazette.search.indexer import PART_WORDS
from gazette.search.records import RECORDS_FILE, fragments
from gazette.search.text import RUN_END, runs
from projects import REPO, write_project
from search_support import browser, facet_counts, finish, open_search, page, serve  # noqa: F401 (fixtures)
from test_site import gazette

LAW = REPO.parent / "shared" / "corpus" / "npc-laws" / "行政法" / "个人信息保护法(2021-08-20).md"
LONG_URL = "documents/2024/long-2024-1/"


def long_document() -> str:
    body = LAW.read_text(encoding="utf-8").partition("<!-- INFO END -->")[2]
    return ("---\ntitle: 关于转载个人信息保护法全文的公告\nkind: 公告通报\nissuer: 区府办\n"
            "published: 2024-04-01\ndisclosure: 主动公开\ntopics: [综合政务]\n---\n" + body)


SHORT = """\
---
title: 关于个人信息查询服务的公告
kind: 公告通报
issuer: 长征镇
published: 2024-04-02
disclosure: 主动公开
topics: [综合政务]
---

本镇提供个人信息查询服务。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_project(tmp_path_factory.mktemp("records") / "project", {
        "content/documents/2024/long-2024-1.md": long_document(),
        "content/documents/2024/short-2024-1.md": SHORT,
    }, site=True)
    out = root / "build" / "site"
    result = gazette("-C", str(root), "build", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def records(site):
    """The long document's records: [(id, record)], first part first."""
    found = [(i, r) for i, r in fragments(site / "pagefind") if r["meta"]["url"] == f"/{LONG_URL}"]
    return sorted(found, key=lambda item: item[1]["meta"]["title"] == "")


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


def words_of(record) -> list[str]:
    return record["content"].split()


def units_of(records) -> str:
    """The text's units in the order indexed: each index word stands for the unit it starts with."""
    return "".join(w.removeprefix(RUN_END)[0] for _, r in records for w in words_of(r) if re.match(r"\w", w))


def test_a_long_document_is_cut_into_bounded_records(site, records):
    assert len(records) >= 2
    for _, record in records:
        assert len(words_of(record)) <= PART_WORDS + 200  # a cut falls at a gap near the bound
    table = json.loads((site / "pagefind" / RECORDS_FILE).read_text(encoding="utf-8"))
    documents = {tuple(ids): {facet: [table["values"][f][i] for i in indices[f]]
                              for f, facet in enumerate(table["facets"])} for ids, indices in table["documents"]}
    assert len(documents) == 4  # the long document, the short one and the two of the base project
    assert documents[tuple(sorted(i for i, _ in records))] == {
        "发文机关": ["区府办"], "信息类别": ["公告通报"], "主题分类": ["综合政务"], "标签": [], "年份": ["2024"],
        "有效性": ["有效"]}


def test_the_records_together_hold_the_whole_text_once(records):
    law = LAW.read_text(encoding="utf-8")
    together = units_of(records)
    assert "".join(runs(law.partition("<!-- INFO END -->")[2])).replace("\n", "") in together


def only_in_last(records) -> str:
    """A run of four characters that occurs in the last record and in no other."""
    last, others = units_of(records[-1:]), units_of(records[:-1])
    return next(last[i:i + 4] for i in range(len(last) - 4) if re.fullmatch(r"\w{4}", last[i:i + 4])
                and last[i:i + 4] not in others)


def test_a_word_in_every_record_finds_the_document_once(page, base, records):
    results = open_search(page, base, "个人信息")
    assert sorted(r["url"] for r in results) == [LONG_URL, "documents/2024/short-2024-1/"]
    assert "找到 2 份" in page.locator(".gz-search__status").inner_text()
    counts = facet_counts(page)
    assert counts["发文机关"] == {"区府办": 1, "长征镇": 1} and counts["信息类别"] == {"公告通报": 2}


def test_a_word_only_in_the_last_record_is_found_with_its_excerpt(page, base, records):
    word = only_in_last(records)
    results = open_search(page, base, word)
    assert [r["url"] for r in results] == [LONG_URL]
    assert word in results[0]["excerpt"] and results[0]["excerpt"].startswith("…")
    assert page.locator(".gz-result__excerpt mark").first.inner_text() in word
    assert results[0]["issuer"] == "区府办"


def test_words_from_the_first_and_the_last_record_find_the_document(page, base, records):
    results = open_search(page, base, f"转载 {only_in_last(records)}")
    assert [r["url"] for r in results] == [LONG_URL]


def test_filters_keep_one_result_per_document(page, base):
    results = open_search(page, base, "个人信息", 发文机关=["区府办"])
    assert [r["url"] for r in results] == [LONG_URL]
    page.select_option("select[name=sort]", "desc")
    page.wait_for_function("location.search.includes('sort=desc')")
    assert [r["url"] for r in finish(page)] == [LONG_URL]
