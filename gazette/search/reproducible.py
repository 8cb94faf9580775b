"""Make Pagefind's bundle a function of the site: the same pages give the same bytes.

Pagefind writes each filter's values (and the list of filters in its metadata) in
hash-map order, which changes from run to run, and names every file after a hash
of its bytes. This pass sorts the values and the filter list, renames the filter
files and the metadata file after their new bytes, and points the metadata and
pagefind-entry.json at the new names. Everything else Pagefind writes is already
stable for the same input (docs/decisions.md, 可复现、可校验的网站).
The site is built in a staging folder (gazette.build), so plain writes suffice.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from . import cbor
from .bundle import ENTRY, FILTERS_AT, SIGNATURE


def make_reproducible(bundle: Path) -> None:
    """Rewrite the parts of the Pagefind bundle in `bundle` that Pagefind leaves unordered."""
    rewrite_meta(bundle, _sort_filters)


def rewrite_meta(bundle: Path, change: Callable[[Path, list, str], None]) -> None:
    """Apply `change(bundle, metadata, language)` to each language's metadata; rename the file after its new
    bytes and point pagefind-entry.json at it."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        code = language["hash"].split("_", 1)[0]
        old = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read_file(old)
        change(bundle, meta, code)
        new = write_file(bundle, meta, lambda digest: f"pagefind.{code}_{digest[:11]}.pf_meta")
        if new != old.name:
            old.unlink()
        language["hash"] = new.removeprefix("pagefind.").removesuffix(".pf_meta")
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _sort_filters(bundle: Path, meta: list, language: str) -> None:
    """Sort the filters of one language (and each filter's values and pages)."""
    filters = meta[FILTERS_AT]
    for pair in filters:
        pair[1] = _rewrite_filter(bundle / "filter", pair[1], language)
    filters.sort(key=lambda pair: pair[0])


def _rewrite_filter(folder: Path, filter_hash: str, language: str) -> str:
    """Sort one filter's values and their pages; the file's new hash."""
    old = folder / f"{filter_hash}.pf_filter"
    name, values = read_file(old)
    for value in values:
        value[1].sort()
    values.sort(key=lambda value: value[0])
    new = write_file(folder, [name, values], lambda digest: f"{language}_{digest[:7]}.pf_filter")
    if new != old.name:
        old.unlink()
    return new.removesuffix(".pf_filter")


def read_file(path: Path):
    """The value of a Pagefind file (gzip, then the signature, then CBOR)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind file")
    return cbor.loads(data[len(SIGNATURE):])


def write_file(folder: Path, value, name_for: Callable[[str], str], level: int = 9) -> str:
    """Write `value` as a Pagefind file in `folder`, named `name_for(SHA-256 of its bytes, in hex)`, gzip-compressed
    at `level`; the file name."""
    data = SIGNATURE + cbor.dumps(value)
    name = name_for(hashlib.sha256(data).hexdigest())
    (folder / name).write_bytes(gzip.compress(data, compresslevel=level, mtime=0))
    return name
