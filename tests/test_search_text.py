"""Index-time text preparation: a phrase of bigrams matches exactly where the query occurs."""

import random

import pytest

from gazette.search.text import normalise, phrase, prepare, runs


def words(prepared: str) -> list[str]:
    """Pagefind's view of a prepared text: whitespace-separated words at consecutive positions."""
    return prepared.lower().split()


def pagefind_finds(prepared: str, run: str) -> bool:
    """What Pagefind answers for one query run: an exact phrase, or a prefix for one unit."""
    items = words(prepared)
    if len(run) == 1:
        return any(item.startswith(run.lower()) for item in items)
    wanted = phrase(run).lower().split()
    return any(items[p:p + len(wanted)] == wanted for p in range(len(items) - len(wanted) + 1))


ALPHABET = "一二三网通办法规定的了"
GAPS = ["，", "。", " ", "\n", "《", "》", "、"]


def random_text(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(ALPHABET) if rng.random() > 0.15 else rng.choice(GAPS) for _ in range(length))


def test_phrase_search_equals_substring_search():
    """Exact recall and precision on 20,000 random texts and queries over a tiny alphabet."""
    rng = random.Random(3)
    checked = found = 0
    for _ in range(2000):
        text = random_text(rng, rng.randint(1, 60))
        prepared = prepare(text)
        for _ in range(10):
            query = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 5)))
            if rng.random() < 0.5 and len(text) > 3:  # half of the queries are taken from the text
                start = rng.randrange(len(text) - 1)
                query = text[start:start + rng.randint(1, 5)]
                if any(gap in query for gap in GAPS):
                    continue
            assert pagefind_finds(prepared, query) == (query in text), (text, query)
            checked += 1
            found += query in text
    assert checked > 15000 and found > 3000


def test_runs_break_at_punctuation_and_whitespace():
    assert runs("一网通办。互联网 平台") == ["一网通办", "互联网", "平台"]
    assert not pagefind_finds(prepare("中国。家庭"), "国家")
    assert pagefind_finds(prepare("中国家庭"), "国家")


def test_prepared_text_keeps_gaps_and_marks_spaces():
    assert prepare("一网通办。互联网") == "一网 网通 通办 办 。 互联 联网 网"
    assert prepare("  第一条　为了 ") == "第一 一条 条 ‧ 为了 了"


@pytest.mark.parametrize("typed", ["普府办〔2024〕6号", "普府办[2024]6号", "普府办2024 6号", "普府办（2024）06号",
                                   "普府办 〔2024〕 6 号", "普府办［２０２４］６号"])
def test_doc_numbers_however_typed_are_one_run(typed):
    assert runs(typed) == ["普府办20246号"]
    assert pagefind_finds(prepare("根据普府办〔2024〕6号文件"), runs(typed)[0])


def test_doc_number_serial_is_not_a_prefix_of_another():
    text = prepare("普府办〔2024〕16号")
    assert not pagefind_finds(text, runs("普府办〔2024〕6号")[0])
    assert pagefind_finds(text, "6号")  # a substring, as typed


def test_compatibility_forms_and_case_match_their_plain_forms():
    assert runs("ＡＢＣ１２３") == ["ABC123"]
    assert normalise("①") == "1"
    assert pagefind_finds(prepare("WTO规则"), "wto")
    assert runs("soft\u00adhyphen") == ["softhyphen"]


def test_nothing_but_punctuation_is_no_query():
    assert runs("，。！ ") == []
