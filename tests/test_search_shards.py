"""A search index in shards (gazette.search.shards, shardbuild, shardcache, merge): the rule, the same bytes however
many Pagefind processes run at once, the cache, the merged index holding what one Pagefind index holds, and the
same results in Chromium as one index."""

from __future__ import annotations

import functools
import json
import shutil
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate
from pathlib import Path

import pytest

from gazette.search import merge, shardbuild
from gazette.search.bundle import CHUNKS_AT, ENTRY, FILTERS_AT, PAGES_AT
from gazette.search.indexer import index_site
from gazette.search.pageids import make_unique, record_ids, rename_records
from gazette.search.reproducible import read_file
from gazette.search.shardcache import ShardCache
from gazette.search.shards import Item, plan
from search_support import browser, facet_counts, finish, open_search, page, published_text, serve  # noqa: F401

TINY = 4000  # entries per shard: the sample gazette's two years become several shards


def test_small_years_share_a_shard_and_a_big_year_is_cut_in_publication_order():
    items = [Item("a", "2019-03-01", 10), Item("b", "2020-05-01", 20), Item("c", "2021-01-02", 60),
             Item("d", "2021-01-01", 60), Item("e", "2021-07-01", 50), Item("f", "2022-01-01", 30), Item("g", "", 5)]
    shards = plan(items, bound=100)
    assert [(s.name, s.keys, s.entries) for s in shards] == [
        ("undated-2020", ("g", "a", "b"), 35),
        ("2021", ("d",), 60),  # 170 entries in two parts of about 85, by each document's middle entry
        ("2021.2", ("c", "e"), 110),  # a document is never cut
        ("2022", ("f",), 30),
    ]
    assert [s.keys for s in plan(items, bound=10**9)] == [("g", "a", "b", "d", "c", "e", "f")]


@pytest.fixture(scope="module")
def bodies(sample_library):
    return {doc.id: doc.parsed.html for doc in sample_library.public}


def index_copy(sample_site: Path, folder: Path, library, bodies, **options) -> Path:
    """A copy of the sample site with its search index made again by index_site(**options)."""
    site = folder / "site"
    shutil.copytree(sample_site, site)
    index_site(library, bodies, site, cache=ShardCache(folder / "cache"), **options)
    return site


def bundle_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}


def shard_count(site: Path) -> int:
    """The shards the index of `site` (made by index_copy) was merged from: one cache entry each."""
    return len(list((site.parent / "cache").iterdir()))


def meta_of(bundle: Path) -> list:
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    return read_file(bundle / f"pagefind.{entry['languages']['und']['hash']}.pf_meta")


@pytest.fixture(scope="module")
def one_index(sample_site, sample_library, bodies, tmp_path_factory):
    return index_copy(sample_site, tmp_path_factory.mktemp("one"), sample_library, bodies)


@pytest.fixture(scope="module")
def sharded(sample_site, sample_library, bodies, tmp_path_factory):
    return index_copy(sample_site, tmp_path_factory.mktemp("sharded"), sample_library, bodies, shard_entries=TINY, jobs=2)


def test_shards_made_side_by_side_are_the_bytes_of_shards_made_one_by_one(sharded, sample_site, sample_library,
                                                                          bodies, tmp_path):
    serial = index_copy(sample_site, tmp_path, sample_library, bodies, shard_entries=TINY, jobs=1)
    assert shard_count(sharded) >= 4
    assert bundle_bytes(serial) == bundle_bytes(sharded)


def test_an_unchanged_shard_comes_from_the_cache_and_stale_entries_go(sharded, sample_library, bodies, tmp_path,
                                                                      monkeypatch):
    shutil.copytree(sharded.parent, tmp_path, dirs_exist_ok=True)  # the site and its cache
    site, cache = tmp_path / "site", ShardCache(tmp_path / "cache")
    made = bundle_bytes(site)
    entries = {path.name for path in cache.folder.iterdir()}
    assert len(entries) == shard_count(site)
    indexed = []
    real = shardbuild._pagefind

    async def counting(records, out):
        indexed.append(sorted(p.relative_to(records).as_posix() for p in records.rglob("*.html")))
        return await real(records, out)

    monkeypatch.setattr(shardbuild, "_pagefind", counting)
    index_site(sample_library, bodies, site, shard_entries=TINY, cache=cache)
    assert indexed == [] and bundle_bytes(site) == made  # every shard copied from the cache

    changed_doc = next(doc for doc in sample_library.public if doc.published.year == 2023)
    changed = {**bodies, changed_doc.id: bodies[changed_doc.id] + "<p>新增一段文字。</p>"}
    index_site(sample_library, changed, site, shard_entries=TINY, cache=ShardCache(cache.folder))
    assert len(indexed) == 1 and f"{changed_doc.url}index.html" in indexed[0]  # only its shard is indexed again
    now = {path.name for path in cache.folder.iterdir()}
    assert len(now) == len(entries) and len(now - entries) == 1  # the shard's old entry was pruned


NUMBERED = "普府办〔2024〕6号"
QUERIES = ["补贴", NUMBERED]


def meta_pages(shard: Path) -> list[str]:
    return sorted(page[0] for page in meta_of(shard)[PAGES_AT])


def test_a_record_id_two_shards_share_is_renamed_in_the_later_one(sharded, tmp_path):
    entries = sorted((sharded.parent / "cache").iterdir())[:2]
    first, second = (shutil.copytree(entry, tmp_path / entry.name) for entry in entries)
    clash = record_ids(first)[0]
    rename_records(second, {record_ids(second)[0]: clash})  # as if Pagefind had given it the same 7 digits
    assert clash in record_ids(second) and meta_pages(second) == record_ids(second)
    taken = set(record_ids(first))
    renames = make_unique(second, taken)
    assert list(renames) == [clash] and renames[clash].startswith(clash) and len(renames[clash]) == len(clash) + 1
    assert not set(record_ids(first)) & set(record_ids(second)) and taken == {*record_ids(first), *record_ids(second)}
    assert meta_pages(second) == record_ids(second)  # the metadata names the renamed fragment file


@pytest.mark.parametrize("query", QUERIES)
def test_several_shards_find_what_one_index_finds(one_index, sharded, page, query):
    assert shard_count(one_index) == 1 and shard_count(sharded) >= 4
    shown = {}
    for name, site in (("one", one_index), ("sharded", sharded)):
        with serve(site) as base:
            ranked = open_search(page, base, query)
            counts = facet_counts(page)
            filtered = open_search(page, base, query, 信息类别=["政策文件"], sort=["desc"])
        leader = ranked[0] if query == NUMBERED else None
        shown[name] = (leader, ranked, counts, filtered)
    assert shown["one"][1]  # the query finds something
    # The same documents in the same order (one index: the same word statistics), excerpts, counts and date order.
    assert shown["sharded"] == shown["one"]


def index_content(bundle: Path) -> dict:
    """What an index says, by record id (page numbers and file names aside): each word's postings, each filter
    value's records, each sort's order, the meta fields and the pages' word counts."""
    meta = meta_of(bundle)
    ids = [page[0] for page in meta[PAGES_AT]]
    words = defaultdict(list)
    for _, _, name in meta[CHUNKS_AT]:
        for word, pages, variants in read_file(bundle / "index" / f"{name}.pf_index")[0]:
            numbers = accumulate(number for number, _, _ in pages)  # each the difference to the one before
            words[word] += [(ids[n], locations, metas) for n, (_, locations, metas) in zip(numbers, pages)]
            assert variants == []
    filters = {}
    for key, name in meta[FILTERS_AT]:
        _, values = read_file(bundle / "filter" / f"{name}.pf_filter")
        filters[key] = {value: sorted(ids[n] for n in pages) for value, pages in values}
    return {"words": {word: sorted(postings) for word, postings in words.items()}, "filters": filters,
            "sorts": {key: [ids[n] for n in pages] for key, pages in meta[4]}, "fields": meta[5],
            "pages": sorted(map(tuple, meta[PAGES_AT]))}


def test_the_merged_index_holds_what_one_pagefind_index_holds(one_index, sharded):
    """Every word's postings, filter values and sort order, by record, as Pagefind wrote them in one index."""
    merged = index_content(sharded / "pagefind")
    assert merged == index_content(one_index / "pagefind") and len(merged["words"]) > 1000
    bundle = sharded / "pagefind"
    assert sorted(path.name for path in bundle.iterdir() if path.is_dir()) == ["filter", "fragment", "index"]
    assert len(list((bundle / "fragment").iterdir())) == len(merged["pages"])
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    assert entry["languages"]["und"]["page_count"] == len(merged["pages"])


def occurrences(word: list) -> int:
    return sum(len(locations) + 1 for _, locations, _ in word[1])


@pytest.mark.parametrize("size", [50, 400])
def test_chunks_are_cut_as_soon_as_they_reach_the_size_and_are_bounded_by_their_words(sharded, tmp_path, size):
    bundle = tmp_path / "pagefind"
    names = []
    for number, entry in enumerate(sorted((sharded.parent / "cache").iterdir())):
        names.append(f"s{number}")
        shutil.copytree(entry, bundle / names[-1])
    taken: set[str] = set()
    for name in names:
        make_unique(bundle / name, taken)
    merge.merge_shards(bundle, names, chunk=size)
    chunks = meta_of(bundle)[CHUNKS_AT]
    assert len(chunks) > 10
    previous = ""
    for number, (first, last, name) in enumerate(chunks):
        words = read_file(bundle / "index" / f"{name}.pf_index")[0]
        sizes = [occurrences(word) for word in words]
        assert sum(sizes[:-1]) < size and (sum(sizes) >= size or number == len(chunks) - 1)
        # its bounds are its first and last word (Pagefind loads the first chunk whose bounds surround a word)
        assert [first, last] == [words[0][0], words[-1][0]] and previous < first
        previous = last


@pytest.fixture
def small_chunks(sample_site, sample_library, bodies, tmp_path, monkeypatch):
    """The sample site, its index cut into chunks of 50 occurrences. Made in a thread of its own: the indexer
    runs an event loop, which cannot start in the thread where Playwright's runs."""
    monkeypatch.setattr(shardbuild, "merge_shards", functools.partial(merge.merge_shards, chunk=50))
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(index_copy, sample_site, tmp_path, sample_library, bodies).result()


def test_a_one_character_query_finds_every_document_when_its_words_fill_many_chunks(small_chunks, sample_library,
                                                                                   page):
    """The search page preloads every chunk of the character's prefix range (theme/assets/search-chunks.js)."""
    site = small_chunks
    chunks = meta_of(site / "pagefind")[CHUNKS_AT]
    published = {doc.url: published_text((site / doc.url / "index.html").read_text(encoding="utf-8"))
                 for doc in sample_library.public}
    for char in ("的", "法"):
        assert sum(1 for first, last, _ in chunks if first[0] <= char <= last[0]) > 3  # its words fill many chunks
        with serve(site) as base:
            found = {result["url"] for result in open_search(page, base, char)}
        assert found == {url for url, (title, body) in published.items() if char in title or char in body}

