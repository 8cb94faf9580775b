"""One Pagefind index made of the shards' indexes, at build time.

Pagefind builds each shard (gazette.search.shards) as an index of its own. Merged in
the browser (Pagefind's mergeIndex), a first query would fetch every shard's metadata
and, per query word, one index chunk from every shard. So the shards are merged here
into the single index the browser loads, in Pagefind's own format:

- pages: the shards' pages one after the other; a shard's page numbers are offset by
  the pages of the shards before it (in a word's postings, which number a page by its
  difference to the one before, only the first posting of each shard);
- index chunks: every shard's words in sorted order (a k-way merge that reads one chunk
  per shard at a time, so memory stays bounded however large the gazette); a word in
  several shards gets their postings one after the other; the words are cut into new
  chunks of about CHUNK_OCCURRENCES occurrences, as Pagefind cuts them, each known by its
  first and last word;
- filters: each value's pages of all shards, sorted; sorts: the shards' orders one
  after the other (the shards are in publication order, the order of the one sort
  key, gazette.search.fields.SORT_KEY);
- meta fields: their union, sorted as Pagefind sorts them; a posting's meta positions
  name a field by its place in that list, so they are renumbered when a shard's list
  differs.

Every file is named after its bytes (gazette.search.reproducible): the same shards
give the same index.
"""

from __future__ import annotations

import heapq
import json
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from ..errors import GazetteError
from .bundle import CHUNKS_AT, ENTRY, FILTERS_AT, PAGES_AT
from .reproducible import read_file, write_file

# Occurrences per index chunk of the merged index (Pagefind's default is 20,000). A first query fetches the
# chunk of each query word and the metadata listing all chunks: smaller chunks make the first cost smaller and
# the second larger. On npc-laws, 6,000 gave a first query of median 172 KiB, 3,000 185 KiB (docs/decisions.md).
CHUNK_OCCURRENCES = 6000
# gzip level of the index chunks: 9 makes them 1.5% smaller than 6 for 2.6 times the time (npc-laws).
CHUNK_LEVEL = 6
SORTS_AT, FIELDS_AT = 4, 5  # the metadata's sorts [[key, pages]] and meta field names
SCRIPT = "pagefind.js"
WASM = "wasm.*.pagefind"


@dataclass(frozen=True)
class _Shard:
    folder: Path
    meta: list
    offset: int  # its first page's number in the merged index
    fields: dict[int, int]  # its meta field numbers -> the merged index's, where they differ


def merge_shards(bundle: Path, names: list[str], chunk: int = CHUNK_OCCURRENCES) -> None:
    """Merge the finished Pagefind bundles bundle/<name> (in this order) into one index in `bundle`, with the
    first one's script and WebAssembly; the shards' folders are removed."""
    entry = json.loads((bundle / names[0] / ENTRY).read_text(encoding="utf-8"))
    (language, info), = entry["languages"].items()
    metas = [read_file(_meta_path(bundle / name)) for name in names]
    fields = sorted({field for meta in metas for field in meta[FIELDS_AT]})
    shards, offset = [], 0
    for name, meta in zip(names, metas):
        renumber = {n: fields.index(field) for n, field in enumerate(meta[FIELDS_AT]) if fields.index(field) != n}
        shards.append(_Shard(bundle / name, meta, offset, renumber))
        offset += len(meta[PAGES_AT])
    (bundle / "index").mkdir()
    (bundle / "filter").mkdir()
    meta = [metas[0][0], [page for shard in shards for page in shard.meta[PAGES_AT]],
            _write_chunks(_merged_words(shards), bundle / "index", language, chunk),
            _merge_filters(shards, bundle / "filter", language), _merge_sorts(shards), fields]
    _move_files(bundle, names)
    info["hash"] = write_file(bundle, meta, lambda digest: f"pagefind.{language}_{digest[:11]}.pf_meta") \
        .removeprefix("pagefind.").removesuffix(".pf_meta")
    info["page_count"] = offset
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _meta_path(folder: Path) -> Path:
    entry = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
    (info,) = entry["languages"].values()
    return folder / f"pagefind.{info['hash']}.pf_meta"


def _words(shard: _Shard) -> Iterator[tuple[list, _Shard]]:
    """The shard's words in sorted order, [word, [[page, locations, meta locations], ...], variants], each with
    its shard; one chunk in memory at a time."""
    for _, _, name in shard.meta[CHUNKS_AT]:
        (words,) = read_file(shard.folder / "index" / f"{name}.pf_index")
        for word in words:
            if word[2]:  # variants of a word come from stemming, which the index language turns off
                raise GazetteError(f"合并检索索引失败：Pagefind 为词“{word[0]}”写出了变体，本程序不认识这种索引格式。"
                                   "请确认安装的 Pagefind 版本与 pyproject.toml 中的要求一致。")
            if shard.fields:
                for page in word[1]:  # a meta location names its field by -1 - its number
                    page[2] = [-1 - shard.fields.get(-1 - n, -1 - n) if n < 0 else n for n in page[2]]
            yield word, shard


def _merged_words(shards: list[_Shard]) -> Iterator[list]:
    """All words in sorted order, each once, with the postings of every shard it is in (in shard order).

    A word's postings number their pages by the difference to the posting before (the first one: to page 0),
    so only the first posting of each shard's list changes: it now counts from the previous shard's last page."""
    merged = heapq.merge(*map(_words, shards), key=lambda found: found[0][0])
    for word, same in groupby(merged, key=lambda found: found[0][0]):
        pages: list[list] = []
        last = 0  # the page of the last posting so far
        for found, shard in same:
            first = shard.offset + found[1][0][0]
            found[1][0][0] = first - last
            last = first + sum(page[0] for page in found[1][1:])
            pages += found[1]
        yield [word, pages, []]


def _write_chunks(words: Iterable[list], folder: Path, language: str, size: int) -> list[list[str]]:
    """Write `words` as index chunks of at least `size` occurrences (the last one: what is left), cut as Pagefind
    cuts them; the metadata's chunk list [[first word, last word, file hash], ...].

    Pagefind shortens the bounds to the prefixes that tell neighbours apart, and then loads the wrong chunk for
    a word that extends the last word of the chunk before (documents2024… after documents); whole words as
    bounds cost a few bytes of metadata per chunk, and the chunk whose bounds surround a word holds it."""
    chunks: list[list[str]] = []
    taken: set[str] = set()
    current: list[list] = []
    occurrences = 0
    for word in words:
        current.append(word)
        occurrences += sum(len(page[1]) + 1 for page in word[1])
        if occurrences >= size:
            chunks.append(_write_chunk(current, folder, language, taken))
            current, occurrences = [], 0
    if current:
        chunks.append(_write_chunk(current, folder, language, taken))
    return chunks


def _write_chunk(words: list[list], folder: Path, language: str, taken: set[str]) -> list[str]:
    name = write_file(folder, [words], lambda digest: _unique(f"{language}_", digest, taken) + ".pf_index", CHUNK_LEVEL)
    return [words[0][0], words[-1][0], name.removesuffix(".pf_index")]


def _unique(prefix: str, digest: str, taken: set[str]) -> str:
    """prefix + the first 7 digits of `digest`, or as many more as make it a name not yet `taken` (then taken)."""
    name = next(prefix + digest[:n] for n in range(7, len(digest) + 1) if prefix + digest[:n] not in taken)
    taken.add(name)
    return name


def _merge_filters(shards: list[_Shard], folder: Path, language: str) -> list[list[str]]:
    """Write each filter's values with the pages of all shards, sorted; the metadata's [[filter, file hash]]."""
    values: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for shard in shards:
        for _, name in shard.meta[FILTERS_AT]:
            key, pairs = read_file(shard.folder / "filter" / f"{name}.pf_filter")
            for value, pages in pairs:
                values[key][value] += (page + shard.offset for page in pages)
    taken: set[str] = set()
    return [[key, write_file(folder, [key, [[value, sorted(pages)] for value, pages in sorted(values[key].items())]],
                             lambda digest: _unique(f"{language}_", digest, taken) + ".pf_filter")
             .removesuffix(".pf_filter")] for key in sorted(values)]


def _merge_sorts(shards: list[_Shard]) -> list[list]:
    orders: dict[str, list[int]] = defaultdict(list)
    for shard in shards:
        for key, pages in shard.meta[SORTS_AT]:
            orders[key] += (page + shard.offset for page in pages)
    return [[key, orders[key]] for key in sorted(orders)]


def _move_files(bundle: Path, names: list[str]) -> None:
    """Every shard's records into bundle/fragment/ (their ids are unique: gazette.search.pageids), the first
    shard's script and WebAssembly to the top of the bundle; then the shards' folders go."""
    (bundle / "fragment").mkdir()
    for name in names:
        for path in sorted((bundle / name / "fragment").iterdir()):
            path.rename(bundle / "fragment" / path.name)
    (bundle / names[0] / SCRIPT).rename(bundle / SCRIPT)
    for wasm in (bundle / names[0]).glob(WASM):
        wasm.rename(bundle / wasm.name)
    for name in names:
        shutil.rmtree(bundle / name)
