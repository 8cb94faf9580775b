"""Record ids that are unique across the shards of one site.

Pagefind names each record (its fragment file, and its entry in the metadata's page
list) by a 7-digit hash of its content, and lengthens a name only when it clashes
within the same index. The search page merges the shards and knows a record by its
id alone (gazette.search.records), so an id that two shards share (likely among
ten thousand records) is renamed in the later shard: the id followed by as many
digits of its fragment's SHA-256 as make it unique. Only the site's copy is renamed;
the cache keeps each shard as Pagefind made it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .records import FRAGMENT_SUFFIX
from .bundle import PAGES_AT
from .reproducible import rewrite_meta


def record_ids(shard: Path) -> list[str]:
    return sorted(path.name.removesuffix(FRAGMENT_SUFFIX) for path in (shard / "fragment").glob(f"*{FRAGMENT_SUFFIX}"))


def make_unique(shard: Path, taken: set[str]) -> dict[str, str]:
    """Rename the records of `shard` whose ids are in `taken` (the earlier shards' ids, to which this shard's are
    added); old id -> new id."""
    own = record_ids(shard)
    renames = {}
    for old in (record_id for record_id in own if record_id in taken):
        digest = hashlib.sha256((shard / "fragment" / f"{old}{FRAGMENT_SUFFIX}").read_bytes()).hexdigest()
        renames[old] = next(new for n in range(1, len(digest) + 1)
                            if (new := old + digest[:n]) not in taken and new not in own)
    if renames:
        rename_records(shard, renames)
    taken.update(renames.get(record_id, record_id) for record_id in own)
    return renames


def rename_records(shard: Path, renames: dict[str, str]) -> None:
    """Give records of `shard` new ids: their fragment files and their entries in the metadata."""
    for old, new in renames.items():
        (shard / "fragment" / f"{old}{FRAGMENT_SUFFIX}").rename(shard / "fragment" / f"{new}{FRAGMENT_SUFFIX}")

    def rename(bundle: Path, meta: list, language: str) -> None:
        for page in meta[PAGES_AT]:
            page[0] = renames.get(page[0], page[0])

    rewrite_meta(shard, rename)
