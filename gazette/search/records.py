"""Which Pagefind records make each document, and the document's facet values, for the search page.

A long document is indexed as several records (gazette.search.indexer), all with
the document's address (their "url" meta), filters and sort key. Pagefind
answers with records; the search page shows documents. After Pagefind has
written its bundle, the records it read back once (gazette.search.bundle: each is a
gzip-compressed JSON "fragment" named by its id) give RECORDS_FILE:

    {"facets": [facet, ...], "values": [[value, ...] per facet],
     "documents": [[[record id, ...], [value index, ...] per facet], ...]}

The documents are listed in publication order (date, then document id): the page
sorts by date from that order.

With it the page merges a document's records into one result and counts the
facets per document without loading Pagefind's filter data (about 40 KB on a
large gazette) before the first results; Pagefind still applies the filters a
reader selects. The values are the ones Pagefind read from the pages'
data-pagefind-filter attributes.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..errors import GazetteError

RECORDS_FILE = "gazette-records.json"
FRAGMENT_SUFFIX = ".pf_fragment"
FRAGMENT_SIGNATURE = b"pagefind_dcd"


def record(path: Path, data: bytes) -> tuple[str, dict]:
    """(record id, record) of one fragment file, from its decompressed bytes."""
    try:
        return path.name.removesuffix(FRAGMENT_SUFFIX), json.loads(data.removeprefix(FRAGMENT_SIGNATURE))
    except ValueError as exc:
        raise GazetteError(f"建立检索索引失败：无法读取 Pagefind 写出的记录 {path.name}（{exc}）。"
                           "请确认安装的 Pagefind 版本与 pyproject.toml 中的要求一致。") from exc


def fragments(bundle: Path) -> Iterator[tuple[str, dict]]:
    """(record id, record) for every record in a written Pagefind bundle, read from disk."""
    for path in sorted(bundle.glob(f"**/fragment/*{FRAGMENT_SUFFIX}")):
        yield record(path, gzip.decompress(path.read_bytes()))


def documents(records: dict[str, dict]) -> dict[str, list[tuple[str, dict]]]:
    """Document URL -> its [(record id, record)], records sorted by id."""
    by_url: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for record_id, record in records.items():
        by_url[record.get("meta", {}).get("url") or record["url"]].append((record_id, record))
    return {url: sorted(records, key=lambda item: item[0]) for url, records in sorted(by_url.items())}


def table(records: dict[str, dict], facets: list[str], order: list[str]) -> dict:
    """The content of RECORDS_FILE (see the module docstring) from the records by id and the
    document URLs in publication order."""
    values: list[dict[str, int]] = [{} for _ in facets]
    rows = []
    by_url = documents(records)
    if set(order) != set(by_url):
        raise GazetteError("建立检索索引失败：Pagefind 写出的记录与公开文件不一致。")
    for records in (by_url[url] for url in order):
        filters = records[0][1].get("filters", {})
        indices = [[known.setdefault(value, len(known)) for value in sorted(filters.get(facet, []))]
                   for facet, known in zip(facets, values)]
        rows.append([[record_id for record_id, _ in records], indices])
    return {"facets": facets, "values": [list(known) for known in values], "documents": rows}


def write_records(bundle: Path, records: dict[str, dict], facets: list[str], order: list[str]) -> None:
    text = json.dumps(table(records, facets, order), ensure_ascii=False, separators=(",", ":"))
    (bundle / RECORDS_FILE).write_text(text, encoding="utf-8")
