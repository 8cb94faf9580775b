"""Index-time text preparation: exact substring search on top of Pagefind's word index.

Text is read as *units* (letters and digits after NFKC; a Chinese character is
one unit) and *gaps* (punctuation and whitespace). Each run of units between
gaps is indexed as overlapping character bigrams plus its last unit, marked:

    一网通办。  ->  "一网 网通 通办 ｚ办 。"

so position i holds the bigram that starts at unit i. A query run of n >= 2
units is the exact phrase of its n - 1 bigrams at consecutive positions, which
occurs exactly where the run occurs in the text; a one-unit query X is found as
a prefix (every occurrence starts a bigram) or as the word "ｚX" (it ends a run).

The mark RUN_END, a full-width letter, never occurs in the text (NFKC turns it
into "z") and sorts after every Chinese character. Pagefind stores its words in
sorted order, cut into files of about 20,000 occurrences, and a search fetches
every file that holds one of its words; run ends such as 的 and 条 are the most
frequent words of a law, so the mark keeps them out of the files that ordinary
bigrams share (docs/benchmarks.md has the effect on a first search). The search
page (theme/assets/search-text.js) implements the same rules; a browser test
checks both agree.

A 发文字号 written with brackets or spaces (普府办〔2024〕06号, 普府办 [2024] 6号)
is canonicalised to one run (普府办20246号) on both sides, so every way people
type it matches.

The normalised form is for matching only. A reader's excerpt is rebuilt from the
indexed words, so each part also carries what was written behind the units that
normalising changed (`Part.written`: item index -> text as written, such as
"办〔" and "06" for 普府办〔2024〕06号, or "Ａ" for A); the search page shows that.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import docnumber

# JavaScript's \s, spelled out so that both implementations agree.
WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
DOC_NUMBER = re.compile(docnumber.variants(HAN, WHITESPACE))
WHITESPACE_RUN = re.compile(f"[{WHITESPACE}]+")
# Letters and digits (Unicode categories L and N: exactly Python's [^\W_]), or anything else.
PIECE = re.compile(r"(?P<run>[^\W_]+)|(?P<gap>[\W_]+)")
RUN_END = "\uff5a"  # ｚ: marks the index word of a run's last unit
# Cut ranks of a gap in prepare_parts: a paragraph end is the best place to cut, then a sentence end.
PARAGRAPH, SENTENCE = 2, 1
SENTENCE_ENDS = set("。！？；!?;")
SPACE_MARK = "\u2027"  # stands for whitespace inside a gap, so that a gap stays one word of the prepared text


@lru_cache(maxsize=None)
def _is_unit(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


@lru_cache(maxsize=None)
def _fold(char: str) -> str:
    """A character as indexed: its NFKC units; a gap character as written; "" for marks and
    invisible format characters (combining accents, soft hyphen, zero-width space)."""
    category = unicodedata.category(char)
    if category[0] == "M" or category == "Cf":
        return ""
    units = "".join(c for c in unicodedata.normalize("NFKC", char) if _is_unit(c))
    return units or char


def normalise(text: str) -> str:
    """Units in NFKC form, gaps as written, 发文字号 canonicalised."""
    return _normalised(text)[0]


def _normalised(text: str) -> tuple[str, dict[int, str]]:
    """normalise(text), and the text as written behind each of its characters where the two differ.

    What normalising drops is shown with a neighbour: a character that folds to nothing (a
    combining accent) with the character before it; a 发文字号's brackets and spaces with the
    digit before them, its padding zeros with the serial after them.
    """
    folded = "".join(map(_fold, text))
    written: dict[int, str] = {}
    if folded != text:  # most text folds to itself
        chars: list[str] = []
        for char in text:
            units = _fold(char)
            if not units:
                if chars:
                    written[len(chars) - 1] = written.get(len(chars) - 1, chars[-1]) + char
                continue
            if units != char:
                written[len(chars)] = char  # the first unit shows the character, the others nothing
                written.update((len(chars) + k, "") for k in range(1, len(units)))
            chars.extend(units)
    return _canonical_numbers(folded, written) if DOC_NUMBER.search(folded) else (folded, written)


def _canonical_numbers(text: str, written: dict[int, str]) -> tuple[str, dict[int, str]]:
    """Every 发文字号 of `text` canonicalised (DOC_NUMBER: its groups and 号 kept), `written` re-indexed."""
    out: list[str] = []
    shown: dict[int, str] = {}
    changed = sorted(written)
    size = 0  # characters in out

    def copy(start: int, end: int) -> None:
        nonlocal size
        for i in changed[bisect_left(changed, start):bisect_left(changed, end)]:
            shown[size + i - start] = written[i]
        out.append(text[start:end])
        size += end - start

    last = 0
    for match in DOC_NUMBER.finditer(text):
        copy(last, match.start())
        kept = {*range(*match.span(1)), *range(*match.span(2)), *range(*match.span(3)), match.end() - 1}
        carried = ""  # padding zeros, shown with the serial's first digit
        for position in range(match.start(), match.end()):
            as_written = written.get(position, text[position])
            if position in kept:
                out.append(text[position])
                size += 1
                if carried or position in written:
                    shown[size - 1] = carried + as_written
                carried = ""
            elif text[position] == "0" and position < match.start(3):
                carried += as_written
            else:  # a bracket or a space: shown with the digit before it
                shown[size - 1] = shown.get(size - 1, out[-1][-1]) + as_written
        last = match.end()
    copy(last, len(text))
    return "".join(out), shown


# (is_run, normalised text, {unit index in a run: text as written} where it differs, else None);
# a plain tuple, since a long law has hundreds of thousands of pieces.
Piece = tuple[bool, str, "dict[int, str] | None"]


def _pieces(text: str) -> Iterator[Piece]:
    """The runs and gaps of the normalised text, each run with what was written behind its units."""
    normal, written = _normalised(text)
    changed = sorted(written)
    for match in PIECE.finditer(normal):
        is_run = match.lastgroup == "run"
        shown = None
        if changed and is_run:
            start, end = match.span()
            inside = changed[bisect_left(changed, start):bisect_left(changed, end)]
            shown = {i - start: written[i] for i in inside} or None
        yield is_run, match.group(), shown


def pieces(text: str) -> Iterator[tuple[bool, str]]:
    """(is_run, text) pieces of the normalised text: runs of units and the gaps between them."""
    for is_run, piece, _ in _pieces(text):
        yield is_run, piece


def runs(text: str) -> list[str]:
    """The runs of units of a text (what a query must match, run by run)."""
    return [piece for is_run, piece in pieces(text) if is_run]


def tokens(run: str) -> list[str]:
    """Index words of one run: overlapping bigrams, then the last unit after RUN_END."""
    return [run[i:i + 2] for i in range(len(run) - 1)] + [RUN_END + run[-1]]


@dataclass(frozen=True)
class Part:
    """Prepared text Pagefind indexes, and what its changed units looked like as written."""

    text: str  # index words separated by spaces
    written: dict[int, str] = field(default_factory=dict)  # item index (text.split()) -> text as written


def prepare(text: str) -> str:
    """The text Pagefind indexes in place of `text`: words separated by spaces, gaps kept."""
    return _render(list(_pieces(text))).text


def prepare_parts(text: str, limit: int) -> list[str]:
    """prepare(text) cut into parts of about `limit` index words (see prepared_parts)."""
    return [part.text for part in prepared_parts(text, limit)]


def prepared_parts(text: str, limit: int) -> list[Part]:
    """prepare(text) cut into parts of about `limit` index words, each cut before a gap.

    A cut never falls inside a run, so every run of the text (and every match of a query run)
    lies whole in one part. Cuts prefer a paragraph end, then a sentence end, then any gap, in
    the second half of the part; a single run longer than `limit` stays whole.
    """
    parts: list[list[Piece]] = []
    current: list[Piece] = []
    words = 0
    for piece in _pieces(text):
        size = _size(piece)
        if piece[0] and words + size > limit and (cut := _best_cut(current, limit)) is not None:
            parts.append(current[:cut])
            current = current[cut:]  # the gap opens the next part
            words = _words(current)
        current.append(piece)
        words += size
    rendered = [_render(part) for part in [*parts, current]]
    return [part for part in rendered if part.text] or [Part("")]


def _cut_rank(gap: str) -> int:
    if "\n" in gap:
        return PARAGRAPH
    return SENTENCE if SENTENCE_ENDS.intersection(gap) else 0


def _size(piece: Piece) -> int:
    """Index words of one piece: one per unit of a run (see tokens), one for a gap."""
    return len(piece[1]) if piece[0] else 1


def _words(part: list[Piece]) -> int:
    return sum(_size(piece) for piece in part)


def _best_cut(part: list[Piece], limit: int) -> int | None:
    """Index of the gap to cut `part` at: the best-ranked, latest one past half of `limit` words."""
    best: tuple[int, int] | None = None
    fallback = None
    words = 0
    for index, (is_run, text, _) in enumerate(part):
        if not is_run and index:
            fallback = index
            if words >= limit // 2 and (best is None or _cut_rank(text) >= best[0]):
                best = (_cut_rank(text), index)
        words += len(text) if is_run else 1
    return best[1] if best else fallback


def _render(part: list[Piece]) -> Part:
    items: list[str] = []
    written: dict[int, str] = {}
    for is_run, text, shown in part:
        if is_run:
            if shown:
                written.update((len(items) + unit, as_written) for unit, as_written in shown.items())
            items.extend(tokens(text))
        else:
            gap = WHITESPACE_RUN.sub(SPACE_MARK, text)
            if gap != SPACE_MARK or items:
                items.append(gap)
    while items and not _is_unit(items[-1][0]):
        items.pop()  # Pagefind ends each block with "."; a trailing word keeps it off the gap
    return Part(" ".join(items), written)


def phrase(run: str) -> str:
    """The Pagefind query for one run of two or more units: its bigrams, in order."""
    return " ".join(tokens(run)[:-1])

