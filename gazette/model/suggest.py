"""Did-you-mean suggestions for values outside a vocabulary."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def suggest(value: str, aliases: Mapping[str, str] | Iterable[str]) -> str | None:
    """The canonical value closest to `value`, or None when nothing is close.

    `aliases` maps every accepted spelling to its canonical value (a plain
    iterable means each value is its own canonical form).
    """
    if not isinstance(aliases, Mapping):
        aliases = {alias: alias for alias in aliases}
    best, best_score = None, 0.0
    for alias, canonical in aliases.items():
        score = _similarity(value, alias)
        if score > best_score:
            best, best_score = canonical, score
    return best if best_score >= 0.5 else None


def _similarity(value: str, alias: str) -> float:
    ratio = difflib.SequenceMatcher(None, value, alias).ratio()
    if value and _is_subsequence(value, alias):
        ratio = max(ratio, 0.6)  # an abbreviation of the full name: 普陀区发改委 → 上海市普陀区发展和改革委员会
    return ratio


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


def did_you_mean(value: str, aliases) -> str:
    """'；是否应为“X”？' or an empty string."""
    guess = suggest(value, aliases)
    return f"是否应为“{guess}”？" if guess and guess != value else ""
