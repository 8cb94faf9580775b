"""The Pagefind index of the sample gazette: what is in it, and what never is."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from gazette.search.shardbuild import UNUSED
from gazette.search import records
from gazette.search.records import RECORDS_FILE
from gazette.search.text import RUN_END, prepare, runs, tokens
from search_support import published_text

SIGNATURE = b"pagefind_dcd"


def index_files(site: Path) -> dict[Path, bytes]:
    """Every data file of the search bundle, decompressed, and the map of records to documents."""
    files = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file() and path.suffix.startswith(".pf_"):
            data = gzip.decompress(path.read_bytes())
            assert data.startswith(SIGNATURE)
            files[path] = data[len(SIGNATURE):]
    records = site / "pagefind" / RECORDS_FILE
    files[records] = records.read_bytes()
    return files


def fragments(site: Path) -> dict[str, dict]:
    """url -> fragment (the per-page record Pagefind loads for a result)."""
    return {record["url"]: record for _, record in records.fragments(site / "pagefind")}


def test_exactly_the_public_documents_are_indexed(sample_site, sample_library):
    assert set(fragments(sample_site)) == {f"/{doc.url}" for doc in sample_library.public}


def bigrams(text: str) -> set[str]:
    return {token for run in runs(text) for token in tokens(run) if len(token) == 2 and not token.startswith(RUN_END)}


def test_no_word_of_a_non_public_document_is_in_any_index_file(sample_site, sample_library):
    files = index_files(sample_site)
    public = set()  # every bigram a public page or its metadata may legitimately put in the index
    for doc in sample_library.public:
        title, body = published_text((sample_site / doc.url / "index.html").read_text(encoding="utf-8"))
        public |= bigrams(title + "\n" + body)
    for path, data in files.items():
        if path.suffix == ".pf_fragment":
            fragment = json.loads(data)
            public |= bigrams(json.dumps([fragment["meta"], fragment["filters"]], ensure_ascii=False))
    hidden = [doc for doc in sample_library.documents.values() if not doc.is_public]
    assert len(hidden) >= 2
    for doc in hidden:
        own = bigrams(doc.title + "\n" + doc.body) - public
        assert len(own) > 5, doc.id  # words only this document has: their absence proves something
        for path, data in files.items():
            leaked = [word for word in own if word.encode() in data]
            assert not leaked, f"{path.name} holds words of non-public {doc.id}: {leaked[:5]}"
            assert doc.id.encode() not in data


def test_privacy_cleared_strings_appear_only_in_their_own_page(sample_site, sample_library):
    cleared = [(doc, value) for doc in sample_library.public for value in doc.privacy_allow or []]
    assert cleared
    files = index_files(sample_site)
    own_fragments = {f"/{doc.url}": path for path, data in files.items() if path.suffix == ".pf_fragment"
                     for doc in [d for d, _ in cleared] if json.loads(data)["url"] == f"/{doc.url}"}
    for doc, value in cleared:
        indexed_form = prepare(value).encode()
        assert indexed_form in files[own_fragments[f"/{doc.url}"]]  # so the search below can find it
        for path, data in files.items():
            assert value.encode() not in data, f"{path.name} holds “{value}” verbatim"
            if path != own_fragments[f"/{doc.url}"]:
                assert indexed_form not in data, f"{path.name} holds “{value}” of {doc.id}"


def test_filters_meta_and_sort_come_from_the_document_page(sample_site):
    fragment = fragments(sample_site)["/documents/2024/ptfb-2024-6/"]
    assert fragment["filters"]["发文机关"] == ["区府办"]
    assert fragment["filters"]["信息类别"] == ["政策文件"]
    assert fragment["filters"]["年份"] == ["2024"]
    assert fragment["filters"]["有效性"] == ["有效"]
    assert set(fragment["filters"]["标签"]) == {"养老服务", "社会救助"}
    assert fragment["filters"]["机关代字"] == ["普府办"] and fragment["filters"]["文号序号"] == ["6"]
    assert fragment["meta"]["标题"] == "上海市普陀区人民政府办公室关于印发《普陀区养老服务补贴管理办法》的通知"
    assert fragment["meta"]["发文字号"] == "普府办〔2024〕6号"
    assert fragment["meta"]["日期"] == "2024年2月5日"
    meta = next(data for path, data in index_files(sample_site).items() if path.suffix == ".pf_meta")
    assert "发布日期".encode() in meta


def test_only_the_document_text_is_indexed(sample_site):
    content = fragments(sample_site)["/documents/2024/ptfb-2024-6/"]["content"]
    assert content.startswith(prepare("上海市普陀区人民政府办公室关于印发《普陀区养老服务补贴管理办法》的通知"))
    assert prepare("区政府各委、办、局，各街道办事处、镇政府") in content
    for chrome in ("公文要素", "公开属性", "主动公开", "本文件已", "跳转", "下载 PDF"):
        assert prepare(chrome) not in content, chrome
    assert "¶" not in content


def test_search_page_and_header_box_replace_materials_search(sample_site, sample_library):
    assert (sample_site / "search" / "index.html").is_file()
    assert not (sample_site / "search" / "search_index.json").exists()
    for url in ["", "documents/", f"{sample_library.public[0].url}", "search/"]:
        html = (sample_site / url / "index.html").read_text(encoding="utf-8")
        assert 'class="gz-header-search"' in html and 'name="q"' in html, url
        assert "md-search" not in html, url


def test_the_bundle_holds_only_what_the_search_page_uses(sample_site):
    """One index (the shards merged: gazette.search.merge), Pagefind's script and WebAssembly once, at the top."""
    bundle = sample_site / "pagefind"
    assert sorted(path.name for path in bundle.iterdir() if path.is_dir()) == ["filter", "fragment", "index"]
    assert [path.relative_to(bundle).as_posix() for path in bundle.rglob("pagefind.js")] == ["pagefind.js"]
    assert [path.relative_to(bundle).as_posix() for path in bundle.rglob("wasm.*.pagefind")] == ["wasm.unknown.pagefind"]
    assert not [path for name in UNUSED for path in bundle.rglob(name)]


def test_published_pages_carry_no_markup_only_the_indexer_reads(sample_site, sample_library):
    """The index records are built in memory: no page repeats its search fields as hidden elements."""
    pages = [sample_site / doc.url / "index.html" for doc in sample_library.public]
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "data-pagefind" not in html, page


def test_the_index_holds_each_document_as_its_page_shows_it(sample_site, sample_library):
    """Every record's text comes from the rendered page: the title, the 发文字号 and the body."""
    indexed = fragments(sample_site)
    for doc in sample_library.public:
        title, body = published_text((sample_site / doc.url / "index.html").read_text(encoding="utf-8"))
        record = indexed[f"/{doc.url}"]
        assert record["meta"]["标题"] == doc.title
        assert prepare(body).split()[:20] == record["content"].split()[len(prepare(title).split()):][:20], doc.id
