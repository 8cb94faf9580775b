"""The search page of the sample gazette in Debian's Chromium, served from build output on 127.0.0.1."""

from urllib.parse import quote

import pytest

from gazette.search.text import RUN_END, phrase, prepared_parts, runs
from search_support import browser, facet_counts, finish, open_search, page, published_text, serve  # noqa: F401 (fixtures)

POLICY = "documents/2024/ptfb-2024-6/"  # 普府办〔2024〕6号


@pytest.fixture(scope="module")
def published(sample_site, sample_library):
    """url -> (title, body) of every public document as the reader sees it."""
    texts = {}
    for doc in sample_library.public:
        texts[doc.url] = published_text((sample_site / doc.url / "index.html").read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="module")
def base(sample_site):
    with serve(sample_site) as url:
        yield url


def containing(published, query):
    return {url for url, (title, body) in published.items() if query in title or query in body}


@pytest.mark.parametrize("query", ["一网通办", "印发", "养老服务补贴", "营商环境", "的", "办理", "补贴标准"])
def test_a_query_finds_exactly_the_documents_containing_it(page, base, published, query):
    expected = containing(published, query)
    assert expected, query
    results = open_search(page, base, query)
    assert {r["url"] for r in results} == expected
    assert len(results) == len(expected)  # each once
    status = page.locator(".gz-search__status").inner_text()
    assert f"找到 {len(expected)} 份" in status
    assert all(r["excerpt"] for r in results)
    assert page.locator(".gz-result__excerpt mark").first.inner_text() in query
    counts = facet_counts(page)  # every document has one kind and one validity: the counts add up
    assert sum(counts["信息类别"].values()) == sum(counts["有效性"].values()) == len(expected)


def test_results_far_below_the_screen_are_fetched_only_when_scrolled_to(page, base):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "/fragment/" in request.url else None)
    page.set_viewport_size({"width": 1000, "height": 600})
    page.goto(f"{base}search/?q=" + quote("的"))
    page.wait_for_selector(".gz-result[data-loaded]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".gz-result").count() == 10
    assert 0 < len(fetched) < 10
    finish(page)
    assert len(set(fetched)) == page.locator(".gz-result").count()


def test_results_filling_in_do_not_move_the_more_button(page, base):
    """Results above the 更多 button grow as their records arrive; the button stays under the reader's pointer."""
    held, released = [], []
    page.route("**/pagefind/fragment/**", lambda route: route.continue_() if released else held.append(route))
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(f"{base}search/?q=" + quote("的"))
    page.wait_for_selector("[data-gz-search][data-state=done]", state="attached")
    more = page.locator(".gz-search__more")
    more.scroll_into_view_if_needed()
    for _ in range(100):  # the results near the button ask for their records
        if len(held) >= 3:
            break
        page.wait_for_timeout(50)
    before = more.bounding_box()["y"], page.locator(".gz-search__results").bounding_box()["height"]
    released.append(True)
    for route in held:
        route.continue_()
    page.wait_for_function(f"document.querySelectorAll('.gz-result[data-loaded]').length >= {len(held)}")
    after = more.bounding_box()["y"], page.locator(".gz-search__results").bounding_box()["height"]
    assert len(held) >= 3
    assert after[1] != before[1]  # the results did change height ...
    # ... and the button did not move (Chromium snaps each scroll adjustment to a whole pixel: within 2 px)
    assert abs(after[0] - before[0]) < 2


def only_at_run_ends(text: str, char: str) -> bool:
    found = runs(text)
    return any(run.endswith(char) for run in found) and not any(char in run[:-1] for run in found)


def test_a_single_character_is_found_where_it_only_ends_a_run(page, base, published):
    """A one-character query finds a document whose only occurrences stand before punctuation."""
    texts = {url: f"{title}\n{body}" for url, (title, body) in published.items()}
    chars = sorted({c for text in texts.values() for c in text if "\u4e00" <= c <= "\u9fff"})
    char, ends = next((c, urls) for c in chars
                      if (urls := {url for url, text in texts.items() if only_at_run_ends(text, c)}))
    results = open_search(page, base, char)
    assert {r["url"] for r in results} == containing(published, char) and ends <= {r["url"] for r in results}


def test_a_word_that_occurs_nowhere_finds_nothing(page, base, published):
    assert not containing(published, "不存在的词语")
    assert open_search(page, base, "不存在的词语") == []
    assert "没有找到" in page.locator(".gz-search__status").inner_text()


def test_words_separated_by_spaces_must_all_occur(page, base, published):
    expected = containing(published, "养老") & containing(published, "一网通办")
    results = open_search(page, base, "养老 一网通办")
    assert {r["url"] for r in results} == expected and expected
    assert sum(facet_counts(page)["信息类别"].values()) == len(expected)


@pytest.mark.parametrize("typed", ["普府办〔2024〕6号", "普府办[2024]6号", "普府办2024 6号"])
def test_doc_number_as_people_type_it_finds_that_document_first(page, base, typed):
    results = open_search(page, base, typed)
    assert results[0]["url"] == POLICY
    assert results[0]["number"] == ["普府办〔2024〕6号"]
    assert results[0]["date"] == "2024年2月5日"


def test_excerpts_show_the_doc_number_as_written(page, base):
    """Normalised for matching only: the excerpt shows 普府办〔2024〕6号, highlighted whole, not 普府办20246号."""
    results = open_search(page, base, "普府办2024 6号")
    by_url = {r["url"]: r["excerpt"] for r in results}
    assert by_url[POLICY].startswith("普府办〔2024〕6号")
    assert "（普府办〔2024〕6号，以下简称《办法》）" in by_url["documents/2024/jd-ptfb-2024-6/"]
    assert not any("20246" in excerpt for excerpt in by_url.values())
    marks = page.locator(".gz-result__excerpt mark").all_inner_texts()
    assert marks and all(mark == "普府办〔2024〕6号" for mark in marks)


def test_serial_number_with_the_agency_filter_finds_that_document_first(page, base, published):
    results = open_search(page, base, "6号", 发文机关=["区府办"])
    assert results[0]["url"] == POLICY
    assert all("区府办" in r["issuer"] for r in results)


def test_a_filter_narrows_and_its_count_is_right(page, base, published, sample_library):
    query = "印发"
    everything = open_search(page, base, query)
    issued = {doc.url for doc in sample_library.public if "上海市普陀区人民政府办公室" in doc.issuers}
    expected = {r["url"] for r in everything} & issued
    assert 0 < len(expected) < len(everything)
    option = page.locator(".gz-facet__option", has_text="区府办")
    assert option.locator(".gz-facet__count").inner_text() == str(len(expected))
    option.locator("input").check()
    page.wait_for_function(f"document.querySelectorAll('.gz-result').length === {len(expected)}")
    narrowed = finish(page)
    assert {r["url"] for r in narrowed} == expected
    assert quote("发文机关") in page.url  # the filter is in the shareable URL
    assert all(r["number"] and r["date"] for r in narrowed)


def test_sort_by_publication_date(page, base, sample_library):
    results = open_search(page, base, "补贴")
    page.select_option("select[name=sort]", "desc")
    page.wait_for_function("location.search.includes('sort=desc')")
    dated = finish(page)
    dates = [sample_library.documents[r["url"].removeprefix("documents/").rstrip("/")].published for r in dated]
    assert dates == sorted(dates, reverse=True) and len(dated) == len(results)


def test_header_box_of_every_page_leads_to_the_search(page, base, published):
    page.goto(f"{base}{POLICY}")
    page.fill("#gz-header-q", "一网通办")
    page.press("#gz-header-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    results = finish(page)
    assert {r["url"] for r in results} == containing(published, "一网通办")
    assert page.input_value("#gz-search-q") == "一网通办"


def test_page_labels_are_chinese_and_materials_search_is_off(page, base):
    open_search(page, base, "补贴")
    assert page.locator("html").get_attribute("lang").startswith("zh")
    assert page.locator(".md-search").count() == 0
    for label in ("全文检索", "检索", "排序", "发文机关", "信息类别", "年份", "有效性"):
        assert label in page.locator("[data-gz-search]").inner_text(), label


STRINGS = ["一网通办。互联网", "普府办〔2024〕06号", "普府办 [2024] 6 号", "ＡＢＣ１２３ café", "①㈠ 第一条　为了",
           "soft\u00adhyphen", "《中华人民共和国民法典》第1260条", "𠀀𠀁 ext-b", "  ", "WTO/TBT协定"]


def test_the_page_prepares_queries_like_the_indexer(page, base):
    page.goto(f"{base}search/")
    got = page.evaluate("""async (strings) => {
        const text = await import("../assets/search-text.js");
        return [text.RUN_END, strings.map((s) => [text.runs(s), text.runs(s).map(text.phrase)])];
    }""", STRINGS)
    assert got == [RUN_END, [[runs(s), [phrase(r) for r in runs(s)]] for s in STRINGS]]


def test_the_page_shows_prepared_text_as_written(page, base):
    page.goto(f"{base}search/")
    parts = [prepared_parts(s, 1000)[0] for s in STRINGS]
    shown = page.evaluate("""async (parts) => {
        const text = await import("../assets/search-text.js");
        return parts.map(([content, written]) => text.readable(content, written).map((p) => p.text).join(""));
    }""", [[part.text, sorted(part.written.items())] for part in parts])
    assert shown == [" ".join(s.split()) for s in STRINGS]
