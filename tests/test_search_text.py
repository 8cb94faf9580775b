"""Index-time text preparation: a phrase of bigrams matches exactly where the query occurs."""

import random

import pytest

from gazette.search.text import RUN_END, normalise, phrase, prepare, prepare_parts, prepared_parts, runs


def words(prepared: str) -> list[str]:
    """Pagefind's view of a prepared text: whitespace-separated words at consecutive positions."""
    return prepared.lower().split()


def pagefind_finds(prepared: str, run: str) -> bool:
    """What Pagefind answers for one query run: an exact phrase; for one unit, a prefix or the run-end word."""
    items = words(prepared)
    if len(run) == 1:
        return any(item.startswith(run.lower()) or item == RUN_END + run.lower() for item in items)
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
    assert prepare("一网通办。互联网") == "一网 网通 通办 ｚ办 。 互联 联网 ｚ网"
    assert prepare("  第一条　为了 ") == "第一 一条 ｚ条 ‧ 为了 ｚ了"


def test_the_run_end_mark_never_occurs_in_prepared_text_but_as_a_mark():
    """Full-width letters become ASCII, so a word starting with the mark is always a run end."""
    text = prepare("ｚｚ top ＺＯＯ 的 ｚ的")
    assert text == "zz ｚz ‧ to op ｚp ‧ ZO OO ｚO ‧ ｚ的 ‧ z的 ｚ的"
    assert all(word.startswith(RUN_END) == (len(word) == 2 and word[0] == RUN_END) for word in text.split())


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


def test_parts_find_what_the_whole_text_finds():
    """Cut into parts, a text answers every query run as the whole text does, and no part is oversized."""
    rng = random.Random(5)
    checked = 0
    for _ in range(500):
        text = random_text(rng, rng.randint(1, 400))
        limit = rng.randint(8, 60)
        parts = prepare_parts(text, limit)
        whole = prepare(text)
        for part in parts:
            longest = max((len(r) for r in runs(text)), default=0)
            assert len(part.split()) <= limit + longest + 1, (text, limit, part)
        for _ in range(10):
            start = rng.randrange(len(text))
            query = text[start:start + rng.randint(1, 6)]
            for run in runs(query):
                assert pagefind_finds(whole, run) == any(pagefind_finds(part, run) for part in parts), (text, run)
                checked += 1
    assert checked > 3000


def test_parts_keep_every_word_in_order():
    """Only a space at a cut is lost: the parts' words, in order, are the whole text's words."""
    rng = random.Random(7)
    for _ in range(300):
        text = random_text(rng, rng.randint(1, 300))
        parts = prepare_parts(text, rng.randint(5, 40))
        cut = [w for part in parts for w in part.split()]
        whole = prepare(text).split()
        assert [w for w in cut if w != "‧"] == [w for w in whole if w != "‧"]
        assert len(whole) - len(cut) <= len(parts) - 1


def test_parts_are_cut_at_paragraph_ends_first():
    text = "第一条 甲乙丙丁。戊己庚辛。\n第二条 壬癸子丑。寅卯辰巳。\n第三条 午未申酉。"
    parts = prepare_parts(text, 16)
    assert [next(w for w in part.split() if w[0].isalnum()) for part in parts] == ["第一", "第二", "第三"]
    assert parts[1].startswith("。‧ 第二")  # the gap at a cut opens the next part


def test_a_doc_number_is_never_cut():
    text = "。".join(["甲乙丙丁"] * 5) + "。根据普府办〔2024〕6号文件。" + "。".join(["戊己庚辛"] * 5)
    for limit in range(4, 40):
        assert any(pagefind_finds(part, "普府办20246号") for part in prepare_parts(text, limit)), limit


def test_short_text_is_one_part_and_empty_text_one_empty_part():
    assert prepare_parts("一网通办。互联网", 100) == [prepare("一网通办。互联网")]
    assert prepare_parts("", 100) == [""]


@pytest.mark.parametrize("text, written", [
    ("普府办〔2024〕06号", {2: "办〔", 6: "4〕", 7: "06"}),
    ("见普府办 [2024] 6 号。", {3: "办 [", 7: "4] ", 8: "6 "}),
    ("ＡＢＣ１２３", {0: "Ａ", 1: "Ｂ", 2: "Ｃ", 3: "１", 4: "２", 5: "３"}),
    ("cafe\u0301 soft\u00adhyphen", {3: "e\u0301", 8: "t\u00ad"}),
    ("一网通办。互联网", {}),
])
def test_parts_carry_the_text_as_written_where_normalising_changed_it(text, written):
    [part] = prepared_parts(text, 100)
    assert part.text == prepare(text)
    assert part.written == written
    items = part.text.split()
    shown = "".join(written.get(i, item.removeprefix(RUN_END)[0]) if item[0] not in "。‧" else item.replace("‧", " ")
                    for i, item in enumerate(items))
    assert shown == text.removesuffix("。")  # a trailing gap is not indexed


def test_written_indices_count_from_each_part():
    text = "普府办〔2024〕6号。" * 40
    parts = prepared_parts(text, 30)
    assert len(parts) > 3
    for part in parts:
        assert part.written, part.text
        items = part.text.split()
        for index, written in part.written.items():
            assert written in ("办〔", "4〕") and items[index][0] == written[0]
