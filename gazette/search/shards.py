"""The shard rule: which Pagefind index (shard) each public document's records go to, declared once.

Pagefind holds a whole index in memory while it builds it. Its peak memory follows the
*entries* it makes: one per different index word of each record (a word on a page,
however often it occurs there), about 1 KiB each (docs/benchmarks.md: 0.9-1.1 KiB on
the npc-laws and synthetic gazettes, whose records have 0.35 and 0.65 entries per word).
So the records are split into shards of at most SHARD_ENTRIES entries, each indexed by a
Pagefind process of its own (gazette.search.shardbuild) and merged again into one
index at build time (gazette.search.merge).

Documents are taken in publication order (undated ones first). A shard holds whole
years: consecutive years go into one shard while they fit the bound; a year that
alone exceeds it is cut into as many parts of about equal size as it needs (a
document is never cut, so a shard may pass the bound by less than one document).
Adding documents to a year therefore changes that year's shard only, and the
others are taken from the cache (gazette.search.shardcache).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

# Entries per shard. Pagefind peaks at about 1 KiB per entry (at most 1.1 KiB measured), so a shard of
# this size peaks near 600 MiB, well below 1 GiB.
SHARD_ENTRIES = 600_000
UNDATED = "undated"  # the shard name part of documents without a publication date


@dataclass(frozen=True)
class Item:
    """One document as the shard rule sees it."""

    key: str  # document id
    order: str  # publication order: the ISO date, "" when undated
    entries: int  # of all its records (their different index words, record by record)


@dataclass(frozen=True)
class Shard:
    name: str  # its folder in the bundle: "2024", "2019-2021", "2024.2" (the second part of 2024)
    keys: tuple[str, ...]  # its documents, in publication order
    entries: int


def plan(items: Iterable[Item], bound: int = SHARD_ENTRIES) -> list[Shard]:
    """The shards of `items`, in publication order (see the module docstring)."""
    ordered = sorted(items, key=lambda item: (item.order, item.key))
    shards: list[Shard] = []
    group: list[tuple[str, list[Item]]] = []  # whole years waiting to become one shard
    for year, found in groupby(ordered, key=lambda item: item.order[:4] or UNDATED):
        year_items = list(found)
        entries = sum(item.entries for item in year_items)
        if group and _entries(group) + entries > bound:
            shards.append(_whole_years(group))
            group = []
        if entries > bound:
            shards.extend(_parts(year, year_items, bound))
        else:
            group.append((year, year_items))
    if group:
        shards.append(_whole_years(group))
    return shards


def _entries(group: list[tuple[str, list[Item]]]) -> int:
    return sum(item.entries for _, items in group for item in items)


def _whole_years(group: list[tuple[str, list[Item]]]) -> Shard:
    first, last = group[0][0], group[-1][0]
    items = [item for _, year_items in group for item in year_items]
    return Shard(first if first == last else f"{first}-{last}", tuple(item.key for item in items), _entries(group))


def _parts(year: str, items: list[Item], bound: int) -> list[Shard]:
    """One year cut into the fewest parts of about equal entries, in publication order: a document goes
    to the part its middle entry falls in."""
    total = sum(item.entries for item in items)
    count = math.ceil(total / bound)
    parts: list[list[Item]] = [[] for _ in range(count)]
    before = 0
    for item in items:
        parts[min(count - 1, int((before + item.entries / 2) * count / total))].append(item)
        before += item.entries
    parts = [part for part in parts if part]
    return [Shard(year if n == 1 else f"{year}.{n}", tuple(item.key for item in part),
                  sum(item.entries for item in part)) for n, part in enumerate(parts, start=1)]
