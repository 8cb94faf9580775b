"""Index records prepared on every core and kept across builds (gazette.search.prepare, preppool, prepcache):
the same bytes however they are made, and a document prepared again exactly when something it is made of changed."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from gazette.search import indexer, preppool, prepcache, shardbuild
from gazette.search.indexer import index_site, prepare_records
from gazette.search.prepare import document_records, source
from gazette.search.prepcache import MANIFEST, RecordCache
from gazette.search.shardcache import ShardCache
from projects import write_project
from test_site import gazette

TINY = 4000  # entries per shard: the sample gazette's two years become several shards


@pytest.fixture(scope="module")
def bodies(sample_library):
    return {doc.id: doc.parsed.html for doc in sample_library.public}


@pytest.fixture(scope="module")
def sources(sample_library, bodies):
    return {doc.id: source(sample_library, doc, bodies) for doc in sample_library.public}


@pytest.fixture
def prepared_ids(monkeypatch):
    """The URL of every document prepared from here on (serially: in this process)."""
    found = []

    def counting(made):
        found.append(made.url)
        return document_records(made)

    monkeypatch.setattr(preppool, "document_records", counting)
    monkeypatch.setattr(indexer, "document_records", counting)  # a page found missing (gazette.search.prepcache)
    return found


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_records_prepared_by_several_processes_are_the_bytes_of_records_prepared_in_one(sources, tmp_path,
                                                                                         monkeypatch):
    listed = list(sources.values())
    serial = preppool.prepare_all(listed, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(preppool, "PARALLEL_FROM", 0)  # the sample gazette is too small to start processes
    parallel = preppool.prepare_all(listed, tmp_path / "parallel", jobs=2)
    assert parallel == serial and len(serial) == len(listed) >= 10
    assert folder_bytes(tmp_path / "parallel") == folder_bytes(tmp_path / "serial")
    in_memory = {page for made in listed for _, page, _ in document_records(made)}
    assert {data.decode() for data in folder_bytes(tmp_path / "serial").values()} == in_memory


def prepare_twice(sources, changed, folder: Path) -> None:
    """Prepare `sources` into the record cache in `folder`, then `changed` with the cache read again."""
    records = RecordCache(folder)
    prepare_records(sources, records, jobs=1)
    records.save()
    prepare_records(changed, RecordCache(folder), jobs=1)


CHANGES = {
    "body": lambda made: {"body": made.body + "<p>新增一段文字。</p>"},
    "title": lambda made: {"title": made.title + "（修订）"},
    "doc_number": lambda made: {"doc_number": "普府办〔2030〕99号"},
    "url": lambda made: {"url": made.url.replace("/", "-x/", 1)},
    "part_words": lambda made: {"part_words": 50},
    "fields": lambda made: {"fields": {**made.fields, "filters": [*made.fields["filters"], ("标签", "新标签")]}},
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_of_what_a_document_is_made_of_prepares_it_again_and_only_it(sources, tmp_path, prepared_ids, name):
    doc_id, made = next(iter(sources.items()))
    changed = {**sources, doc_id: dataclasses.replace(made, **CHANGES[name](made))}
    prepare_twice(sources, changed, tmp_path)
    assert len(prepared_ids) == len(sources) + 1 and prepared_ids[-1] == changed[doc_id].url


def test_a_changed_tag_in_the_library_changes_the_document_s_source(sample_library, bodies, sources, tmp_path,
                                                                     prepared_ids):
    doc = next(doc for doc in sample_library.public if doc.id in bodies)
    tagged = dataclasses.replace(doc, values={**doc.values, "tags": [*(doc.values.get("tags") or []), "新标签"]})
    changed = {**sources, doc.id: source(sample_library, tagged, bodies)}
    prepare_twice(sources, changed, tmp_path)
    assert prepared_ids[len(sources):] == [doc.url]


def test_other_code_prepares_every_document_again(sources, tmp_path, prepared_ids, monkeypatch):
    records = RecordCache(tmp_path)
    prepare_records(sources, records, jobs=1)
    records.save()
    prepare_records(sources, RecordCache(tmp_path), jobs=1)
    assert len(prepared_ids) == len(sources)  # nothing changed: nothing prepared again
    monkeypatch.setattr(prepcache, "code_stamp", lambda: "another version of gazette")
    prepare_records(sources, RecordCache(tmp_path), jobs=1)
    assert len(prepared_ids) == 2 * len(sources)


def test_an_unreadable_manifest_prepares_everything_again(sources, tmp_path, prepared_ids):
    records = RecordCache(tmp_path)
    first = prepare_records(sources, records, jobs=1)
    records.save()
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    assert prepare_records(sources, RecordCache(tmp_path), jobs=1) == first
    assert len(prepared_ids) == 2 * len(sources)


def index_copy(sample_site: Path, folder: Path, library, bodies, shards: Path, records: Path) -> Path:
    """A copy of the sample site with its search index made again with the given caches."""
    site = folder / "site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(sample_site, site)
    index_site(library, bodies, site, shard_entries=TINY, jobs=1, cache=ShardCache(shards),
               records=RecordCache(records))
    return site


def bundle_bytes(site: Path) -> dict[str, bytes]:
    return folder_bytes(site / "pagefind")


@pytest.fixture
def written(monkeypatch):
    """The records written for Pagefind from here on: [(shard folder, number of documents)]."""
    found = []
    real = indexer.write_shard

    def counting(folder, documents, records):
        found.append((folder.name, len(documents)))
        real(folder, documents, records)

    monkeypatch.setattr(indexer, "write_shard", counting)
    return found


def test_a_rebuild_with_one_change_prepares_one_document_and_equals_a_cold_build(
        sample_site, sample_library, bodies, tmp_path, prepared_ids, written):
    cold = bundle_bytes(index_copy(sample_site, tmp_path / "a", sample_library, bodies, tmp_path / "s", tmp_path / "r"))
    assert len(prepared_ids) == len(bodies) and len(written) >= 4  # every document; every shard indexed
    del prepared_ids[:], written[:]
    again = index_copy(sample_site, tmp_path / "a", sample_library, bodies, tmp_path / "s", tmp_path / "r")
    assert bundle_bytes(again) == cold and prepared_ids == [] and written == []  # no record written at all

    doc = next(doc for doc in sample_library.public if doc.published.year == 2023)
    changed = {**bodies, doc.id: bodies[doc.id] + "<p>新增一段文字。</p>"}
    rebuilt = index_copy(sample_site, tmp_path / "a", sample_library, changed, tmp_path / "s", tmp_path / "r")
    assert prepared_ids == [doc.url] and len(written) == 1  # one document prepared, its shard's records written
    fresh = index_copy(sample_site, tmp_path / "b", sample_library, changed, tmp_path / "s2", tmp_path / "r2")
    assert bundle_bytes(rebuilt) == bundle_bytes(fresh) != cold
    kept = {path.name for path in (tmp_path / "r" / prepcache.PAGES).iterdir()}
    assert kept == {path.name for path in (tmp_path / "r2" / prepcache.PAGES).iterdir()}  # the old page was pruned


def test_cached_records_indexed_by_pagefind_are_the_bytes_of_fresh_ones(sample_site, sample_library, bodies, tmp_path,
                                                                       prepared_ids, monkeypatch):
    cold = bundle_bytes(index_copy(sample_site, tmp_path / "a", sample_library, bodies, tmp_path / "s", tmp_path / "r"))
    shutil.rmtree(tmp_path / "s")  # every shard indexed again, from the cached records
    pages = sorted((tmp_path / "r" / prepcache.PAGES).iterdir())
    pages[0].unlink()  # as if another build had pruned it meanwhile: its document is prepared again
    indexed = []
    real = shardbuild._pagefind

    async def counting(records, out):
        indexed.append(records.name)
        return await real(records, out)

    monkeypatch.setattr(shardbuild, "_pagefind", counting)
    del prepared_ids[:]
    again = index_copy(sample_site, tmp_path / "a", sample_library, bodies, tmp_path / "s", tmp_path / "r")
    assert len(indexed) >= 4 and len(prepared_ids) == 1
    assert bundle_bytes(again) == cold and pages[0].is_file()


def test_a_build_keeps_its_caches_in_two_folders_and_drops_the_old_layout(tmp_path):
    root = write_project(tmp_path / "project", {}, site=True)
    old = root / "build" / ".cache" / "search" / ("ab" * 32)
    (old / "2024").mkdir(parents=True)
    result = gazette("-C", str(root), "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in old.parent.iterdir()) == [indexer.RECORDS, indexer.SHARDS]
    assert (old.parent / indexer.RECORDS / MANIFEST).is_file() and any((old.parent / indexer.SHARDS).iterdir())
