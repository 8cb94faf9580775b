"""A long document is indexed as several bounded records and still found as one document.

The project holds one long notice (about 14,000 characters of generated articles, so
several records) and two short ones; the search page runs in Chromium.
"""

from __future__ import annotations

import json
import re

import pytest

from gazette.search.prepare import PART_WORDS
from gazette.search.records import RECORDS_FILE, fragments
from gazette.search.text import RUN_END, runs
from projects import write_project
from search_support import browser, facet_counts, finish, open_search, page, serve  # noqa: F401 (fixtures)
from test_site import gazette

LONG_URL = "documents/2024/long-2024-1/"


def long_body(articles: int = 240) -> str:
    """Chapters of numbered articles: every article mentions 个人信息, each has its own numbers."""
    lines = []
    for n in range(1, articles + 1):
        if n % 40 == 1:
            lines.append(f"## 第{n // 40 + 1}章 示例规定\n")
        lines.append(f"第{n}条 为了规范第{n}类个人信息的处理活动，有关部门应当在收到申请之日起{n + 3}个工作日内"
                     f"办结登记；逾期未办结的，由第{n * 7}号示例窗口督促整改。\n")
    return "\n".join(lines)


def long_document() -> str:
    return ("---\ntitle: 关于转载个人信息示例条款全文的公告\nkind: 公告通报\nissuer: 区府办\n"
            "published: 2024-04-01\ndisclosure: 主动公开\ntopics: [综合政务]\n---\n\n" + long_body())


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
    """The long document's records: [(id, record)] in text order (Pagefind names part N …/part-N/)."""
    found = [(i, r) for i, r in fragments(site / "pagefind") if r["meta"]["url"] == f"/{LONG_URL}"]
    return sorted(found, key=lambda item: int(re.search(r"part-(\d+)/$|$", item[1]["url"])[1] or 1))


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
    assert len(records) >= 3
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
    assert units_of(records) == "".join(runs("关于转载个人信息示例条款全文的公告\n" + long_body().replace("## ", "")))


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
