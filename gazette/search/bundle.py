"""Waiting for Pagefind's bundle to be whole on disk.

The Pagefind service answers a WriteFiles request once it has handed every
file's bytes to its async runtime (tokio), which writes them on background
threads; closing the service then stops the process, and a write still pending
leaves an empty or cut-off file (seen as an empty pagefind-entry.json when the
machine is busy). So the indexer waits until every file of the bundle reads back
whole before it closes the service.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import time
import zlib
from pathlib import Path

from ..errors import GazetteError
from . import cbor
from .records import FRAGMENT_SUFFIX, record

ENTRY = "pagefind-entry.json"
SIGNATURE = b"pagefind_dcd"  # every compressed Pagefind file starts with it, then CBOR
# The metadata is [version, pages, index chunks, filters, sorts, meta fields]: a page is [record id, words],
# a chunk [first word, last word, file hash], a filter [name, file hash].
PAGES_AT, CHUNKS_AT, FILTERS_AT = 1, 2, 3
# Files Pagefind writes gzip-compressed (its index, filters, records, metadata and the WebAssembly).
COMPRESSED = ("*.pf_meta", "fragment/*.pf_fragment", "index/*.pf_index", "filter/*.pf_filter", "wasm.*.pagefind")


def unfinished(bundle: Path, checked: dict[Path, bytes]) -> list[str]:
    """Files of `bundle` that do not yet read back whole; the whole ones go into `checked`, decompressed."""
    missing = []
    for pattern in COMPRESSED:
        for path in sorted(set(bundle.glob(pattern)) - set(checked)):
            data = _whole_gzip(path)
            if data is not None:
                checked[path] = data
            else:
                missing.append(path.relative_to(bundle).as_posix())
    entry = _entry(bundle)
    if entry is None:
        missing.append(ENTRY)
    else:
        for language in entry["languages"].values():
            meta = bundle / f"pagefind.{language['hash']}.pf_meta"
            if not meta.is_file():
                missing.append(meta.name)
            elif meta in checked:  # every file it names must be there too (not yet created: not globbed above)
                missing += [name for name in _named(checked[meta]) if not (bundle / name).is_file()]
    script = bundle / "pagefind.js"
    if not script.is_file() or not script.stat().st_size:
        missing.append("pagefind.js")
    return missing


async def wait_until_whole(bundle: Path, timeout: float = 60.0) -> dict[str, dict]:
    """Once every file of `bundle` reads back whole, its records by id; GazetteError after `timeout` seconds."""
    checked: dict[Path, bytes] = {}
    deadline = time.monotonic() + timeout
    while missing := unfinished(bundle, checked):
        if time.monotonic() > deadline:
            shown = "、".join(missing[:5]) + (f" 等 {len(missing)} 个文件" if len(missing) > 5 else "")
            raise GazetteError(f"建立检索索引失败：Pagefind 在 {timeout:.0f} 秒内没有写完 {shown}。请重新构建；"
                               "如果反复出现，请检查磁盘空间。")
        await asyncio.sleep(0.05)
    return dict(record(path, data) for path, data in sorted(checked.items()) if path.name.endswith(FRAGMENT_SUFFIX))


def _named(meta: bytes) -> list[str]:
    """The files a language's metadata (decompressed) points at."""
    value = cbor.loads(meta.removeprefix(SIGNATURE))
    return ([f"fragment/{page[0]}{FRAGMENT_SUFFIX}" for page in value[PAGES_AT]]
            + [f"index/{chunk[2]}.pf_index" for chunk in value[CHUNKS_AT]]
            + [f"filter/{pair[1]}.pf_filter" for pair in value[FILTERS_AT]])


def _whole_gzip(path: Path) -> bytes | None:
    """The decompressed content of a whole gzip file; None while it is empty or cut short."""
    try:
        data = path.read_bytes()
        content = gzip.decompress(data)
    except (EOFError, OSError, zlib.error):
        return None
    return content if data else None  # an empty file decompresses to nothing without complaint


def _entry(bundle: Path) -> dict | None:
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry.get("languages"), dict) else None
