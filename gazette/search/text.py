"""Index-time text preparation: exact substring search on top of Pagefind's word index.

Text is read as *units* (letters and digits after NFKC; a Chinese character is
one unit) and *gaps* (punctuation and whitespace). Each run of units between
gaps is indexed as overlapping character bigrams plus its last unit alone:

    一网通办。  ->  "一网 网通 通办 办 。"

so position i holds the bigram that starts at unit i. A query run of n >= 2
units is the exact phrase of its n - 1 bigrams at consecutive positions, which
occurs exactly where the run occurs in the text; a one-unit query is a prefix
search (every occurrence starts a bigram or ends a run). The search page
(theme/assets/search-text.js) implements the same rules; a browser test checks
both agree.

A 发文字号 written with brackets or spaces (普府办〔2024〕06号, 普府办 [2024] 6号)
is canonicalised to one run (普府办20246号) on both sides, so every way people
type it matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# JavaScript's \s, spelled out so that both implementations agree.
WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
DOC_NUMBER = re.compile(
    rf"([{HAN}])[{WHITESPACE}]*[〔\[［【（(〖]?[{WHITESPACE}]*([0-9]{{4}})[{WHITESPACE}]*[〕\]］】）)〗]?"
    rf"[{WHITESPACE}]*0*([0-9]{{1,5}})[{WHITESPACE}]*号")
WHITESPACE_RUN = re.compile(f"[{WHITESPACE}]+")
# Letters and digits (Unicode categories L and N: exactly Python's [^\W_]), or anything else.
PIECE = re.compile(r"(?P<run>[^\W_]+)|(?P<gap>[\W_]+)")
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
    return DOC_NUMBER.sub(r"\1\2\3号", "".join(map(_fold, text)))


def pieces(text: str) -> Iterator[tuple[bool, str]]:
    """(is_run, text) pieces of the normalised text: runs of units and the gaps between them."""
    for match in PIECE.finditer(normalise(text)):
        yield match.lastgroup == "run", match.group()


def runs(text: str) -> list[str]:
    """The runs of units of a text (what a query must match, run by run)."""
    return [piece for is_run, piece in pieces(text) if is_run]


def tokens(run: str) -> list[str]:
    """Index words of one run: overlapping bigrams, then the last unit alone."""
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def prepare(text: str) -> str:
    """The text Pagefind indexes in place of `text`: words separated by spaces, gaps kept."""
    items: list[str] = []
    for is_run, piece in pieces(text):
        if is_run:
            items.extend(tokens(piece))
        else:
            gap = WHITESPACE_RUN.sub(SPACE_MARK, piece)
            if gap != SPACE_MARK or items:
                items.append(gap)
    while items and not _is_unit(items[-1][0]):
        items.pop()  # Pagefind ends each block with "."; a trailing word keeps it off the gap
    return " ".join(items)


def phrase(run: str) -> str:
    """The Pagefind query for one run of two or more units: its bigrams, in order."""
    return " ".join(run[i:i + 2] for i in range(len(run) - 1))


def contains(text: str, query: str) -> bool:
    """What a search must answer: does every run of the query occur inside a run of the text?"""
    text_runs = runs(text)
    return bool(runs(query)) and all(any(q.lower() in t.lower() for t in text_runs) for q in runs(query))
