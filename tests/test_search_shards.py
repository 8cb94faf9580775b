"""A search index in shards (gazette.search.shards, shardbuild, shardcache): the rule, the same bytes however
many Pagefind processes run at once, the cache, and the same results in Chromium as one index."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from gazette.search import cbor, shardbuild
from gazette.search.indexer import index_site
from gazette.search.pageids import make_unique, record_ids, rename_records
from gazette.search.records import RECORDS_FILE
from gazette.search.shardcache import ShardCache
from gazette.search.shards import Item, plan
from search_support import browser, facet_counts, finish, open_search, page, serve  # noqa: F401 (fixtures)

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


def shard_names(site: Path) -> list[str]:
    return json.loads((site / "pagefind" / RECORDS_FILE).read_text(encoding="utf-8"))["shards"]


@pytest.fixture(scope="module")
def one_index(sample_site, sample_library, bodies, tmp_path_factory):
    return index_copy(sample_site, tmp_path_factory.mktemp("one"), sample_library, bodies)


@pytest.fixture(scope="module")
def sharded(sample_site, sample_library, bodies, tmp_path_factory):
    return index_copy(sample_site, tmp_path_factory.mktemp("sharded"), sample_library, bodies, shard_entries=TINY, jobs=2)


def test_shards_made_side_by_side_are_the_bytes_of_shards_made_one_by_one(sharded, sample_site, sample_library,
                                                                          bodies, tmp_path):
    serial = index_copy(sample_site, tmp_path, sample_library, bodies, shard_entries=TINY, jobs=1)
    assert len(shard_names(sharded)) >= 4
    assert bundle_bytes(serial) == bundle_bytes(sharded)


def test_an_unchanged_shard_comes_from_the_cache_and_stale_entries_go(sharded, sample_library, bodies, tmp_path,
                                                                      monkeypatch):
    shutil.copytree(sharded.parent, tmp_path, dirs_exist_ok=True)  # the site and its cache
    site, cache = tmp_path / "site", ShardCache(tmp_path / "cache")
    made = bundle_bytes(site)
    entries = {path.name for path in cache.folder.iterdir()}
    assert len(entries) == len(shard_names(site))
    indexed = []
    real = shardbuild._pagefind

    async def counting(records, out):
        indexed.append(sorted(p.relative_to(records).as_posix() for p in records.rglob("*.html")))
        return await real(records, out)

    monkeypatch.setattr(shardbuild, "_pagefind", counting)
    index_site(sample_library, bodies, site, shard_entries=TINY, cache=cache)
    assert indexed == [] and bundle_bytes(site) == made  # every shard copied from the cache

    assert "2023" in shard_names(site)  # a whole year: a changed document there changes that shard only
    changed_doc = next(doc for doc in sample_library.public if doc.published.year == 2023)
    changed = {**bodies, changed_doc.id: bodies[changed_doc.id] + "<p>新增一段文字。</p>"}
    index_site(sample_library, changed, site, shard_entries=TINY, cache=ShardCache(cache.folder))
    assert len(indexed) == 1 and f"{changed_doc.url}index.html" in indexed[0]  # only its shard is indexed again
    now = {path.name for path in cache.folder.iterdir()}
    assert len(now) == len(entries) and len(now - entries) == 1  # the shard's old entry was pruned


NUMBERED = "普府办〔2024〕6号"
QUERIES = ["补贴", NUMBERED]


def meta_pages(shard: Path) -> list[str]:
    entry = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = shard / f"pagefind.{entry['languages']['und']['hash']}.pf_meta"
    return sorted(page[0] for page in cbor.loads(gzip.decompress(meta.read_bytes())[len(b"pagefind_dcd"):])[1])


def test_a_record_id_two_shards_share_is_renamed_in_the_later_one(sharded, tmp_path):
    shutil.copytree(sharded / "pagefind", tmp_path / "pagefind")
    first, second = (tmp_path / "pagefind" / name for name in shard_names(sharded)[:2])
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
    assert len(shard_names(one_index)) == 1 and len(shard_names(sharded)) >= 4
    shown = {}
    for name, site in (("one", one_index), ("sharded", sharded)):
        with serve(site) as base:
            ranked = open_search(page, base, query)
            counts = facet_counts(page)
            filtered = open_search(page, base, query, 信息类别=["政策文件"], sort=["desc"])
        leader = ranked[0] if query == NUMBERED else None
        shown[name] = (leader, sorted(ranked, key=lambda r: r["url"]), counts, filtered)
    assert shown["one"][1]  # the query finds something
    # The same documents, excerpts and counts, the same date order, the same one first when a 发文字号 is typed;
    # the order by relevance may differ a little, Pagefind ranking each shard by its own word statistics.
    assert shown["sharded"] == shown["one"]
