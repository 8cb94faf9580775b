"""Body conversions and check results kept between runs (gazette.library.bodycache): the same findings and site
as without them, a change of the body or of what shapes the result is made again, a damaged file is survived."""

import sqlite3
from pathlib import Path

import pytest

import gazette.checks.html as html
import gazette.library.body as body_module
import gazette.tooling as tooling
from gazette.cli.main import main
from gazette.library.bodycache import CACHE_FOLDER, FILE
from gazette.library.reload import Kept
from gazette.project import load_and_check
from projects import NOTICE_HEAD

RICH = NOTICE_HEAD + """
# 公告

依据[示例管理办法](ptfb-2024-1.md#一总体要求)和[本页](#二事项)，另见[机关](/agencies/)。

## 二、事项 {#二事项}

事项说明[^1]，见表。

| 项目 | 说明 |
|:---|---:|
| 一 | 二 |

[^1]: 注释。
"""
BAD = NOTICE_HEAD + '\n正文。\n\n<a href="javascript:x()">链接</a> <font color="red">红</font>\n'
FILES = {"content/documents/2024/gg-2024-1.md": RICH, "content/documents/2024/gg-2024-2.md": BAD}


@pytest.fixture
def conversions(monkeypatch):
    """The texts converted in this process (every body is, without worker processes in a small project)."""
    made = []
    convert = body_module.convert_page
    monkeypatch.setattr(body_module, "convert_page", lambda text, *rest: made.append(text) or convert(text, *rest))
    return made


def _check(root: Path, cache: bool = True) -> list[str]:
    return [f.format() for f in load_and_check(root, cache=cache)[1].findings]


def _rows(root: Path) -> int:
    with sqlite3.connect(root / CACHE_FOLDER / FILE) as db:
        return db.execute("SELECT count(*) FROM bodies").fetchone()[0]


def test_a_second_check_converts_nothing_and_finds_the_same(project, conversions, checked):
    root = project(FILES)
    uncached = _check(root, cache=False)
    assert any("javascript" in f for f in uncached) and any("<font>" in f for f in uncached)
    assert not (root / CACHE_FOLDER).exists()  # without the cache nothing is written either
    assert _check(root) == uncached
    converted = len(conversions)
    assert converted >= 2 and _rows(root) >= 2
    checked.clear()
    assert _check(root) == uncached
    assert len(conversions) == converted and checked == []  # every body and its checks from the cache


def test_a_site_from_cached_conversions_is_the_same(tmp_path, project, monkeypatch, conversions):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735660800")
    root = project({"content/documents/2024/gg-2024-1.md": RICH}, site=True)

    def site(out: str, *options: str) -> dict[str, bytes]:
        assert main(["-C", str(root), "build", "--no-pdf", "--out", str(tmp_path / out), *options]) == 0
        return {p.relative_to(tmp_path / out).as_posix(): p.read_bytes() for p in (tmp_path / out).rglob("*")
                if p.is_file()}

    cold = site("cold", "--no-cache")
    assert not (root / CACHE_FOLDER).exists()
    assert site("first") == cold  # writes the cache
    converted = len(conversions)
    assert site("second") == cold  # another --out: every page rendered, from the kept conversions
    assert len(conversions) == converted
    site("third", "--no-cache")
    assert len(conversions) > converted  # --no-cache reads nothing from it


def test_a_changed_body_alone_is_converted_again(project, conversions):
    root = project(FILES)
    before = _check(root)
    path = root / "content/documents/2024/gg-2024-1.md"
    path.write_text(RICH + "\n补充一段。\n", encoding="utf-8")
    conversions.clear()
    assert _check(root) == before
    assert conversions == [RICH.split("---\n", 2)[2].lstrip("\n") + "\n补充一段。\n"]


def test_results_follow_the_first_line_of_an_unchanged_body(project):
    root = project(FILES)
    before = _check(root)
    path = root / "content/documents/2024/gg-2024-2.md"
    path.write_text(BAD.replace("disclosure:", "summary: 摘要。\ndisclosure:"), encoding="utf-8")
    after = _check(root)
    moved = [f for f in before if "gg-2024-2.md" in f and ("javascript" in f or "<font>" in f)]
    assert moved and [f.replace(":11:", ":12:") for f in moved] == \
        [f for f in after if "gg-2024-2.md" in f and ("javascript" in f or "<font>" in f)]


def test_a_change_of_what_shapes_the_results_misses(project, conversions, tmp_path, monkeypatch):
    code = tmp_path / "code"
    code.mkdir()
    (code / "rules.py").write_text("A = 1\n")
    monkeypatch.setattr(tooling, "CODE", code)
    root = project(FILES)
    findings = _check(root)
    conversions.clear()
    assert _check(root) == findings and conversions == []
    (code / "rules.py").write_text("A = 2\n")  # gazette's code
    assert _check(root) == findings and len(conversions) >= 2
    conversions.clear()
    monkeypatch.setattr(tooling, "PACKAGES", (*tooling.PACKAGES, "lxml"))  # a library's version
    assert _check(root) == findings and len(conversions) >= 2


def test_rows_no_body_uses_are_dropped(project):
    root = project(FILES)
    _check(root)
    rows = _rows(root)
    (root / "content/documents/2024/gg-2024-2.md").unlink()
    _check(root)
    assert _rows(root) == rows - 1


def test_a_damaged_file_is_read_as_none_and_written_anew(project, conversions):
    root = project(FILES)
    findings = _check(root)
    (root / CACHE_FOLDER / FILE).write_bytes(b"not a database" * 100)
    conversions.clear()
    assert _check(root) == findings and len(conversions) >= 2
    conversions.clear()
    assert _check(root) == findings and conversions == []  # written anew


@pytest.fixture
def checked(monkeypatch):
    """The bodies whose raw HTML was checked in this process."""
    made = []
    check = html.body_problems
    monkeypatch.setattr(html, "body_problems", lambda body, *rest: made.append(body) or check(body, *rest))
    return made


@pytest.mark.parametrize("column", ["parts", "results"])
def test_a_damaged_row_is_made_again(project, conversions, checked, column):
    root = project(FILES)
    findings = _check(root)
    with sqlite3.connect(root / CACHE_FOLDER / FILE) as db:
        db.execute(f"UPDATE bodies SET {column} = ?", (b"\x80\x05garbage",))
    conversions.clear(), checked.clear()
    assert _check(root) == findings
    assert len(conversions if column == "parts" else checked) >= 2
    conversions.clear(), checked.clear()
    assert _check(root) == findings and conversions == checked == []  # the rows were written again


def test_a_run_that_made_nothing_new_writes_nothing(project):
    root = project(FILES)
    _check(root)
    file = root / CACHE_FOLDER / FILE
    before = file.stat().st_mtime_ns, file.read_bytes()
    _check(root)
    assert (file.stat().st_mtime_ns, file.read_bytes()) == before


def test_the_editor_loop_keeps_its_parses_and_the_cache_follows(project, conversions):
    root = project(FILES)
    kept = Kept()
    findings = [f.format() for f in load_and_check(root, kept=kept)[1].findings]
    rows = _rows(root)
    path = root / "content/documents/2024/gg-2024-1.md"
    path.write_text(RICH + "\n补充一段。\n", encoding="utf-8")
    conversions.clear()
    assert [f.format() for f in load_and_check(root, kept=kept)[1].findings] == findings
    assert len(conversions) == 1 and _rows(root) == rows  # the changed body's row replaces the old one
    conversions.clear()
    assert _check(root) == findings and conversions == []  # a new process takes the saved body from disk
