"""Incremental `gazette build` (issue 13, point 3): a rebuild takes unchanged pages from the last good site.

Along a sequence of edits (a body, a vocabulary, a document added; a title that changes listings and
related pages, a template, a document removed), each incremental build's tree is byte-identical to a
cold build (`--no-cache`) of the same project; a rebuild with nothing changed renders no page.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from emitted import EPOCH_2025
from projects import POLICY, write_project

INTERPRETATION = """\
---
title: 《示例管理办法》政策解读
kind: 政策解读
issuer: 区府办
published: 2024-03-07
disclosure: 主动公开
interprets: 普府办〔2024〕1号
---

解读正文。
"""

NOTE = re.compile(r"网页：重新生成 (\d+) 页，沿用上次生成的 (\d+) 页")


def gazette_build(root: Path, out: Path, *options: str) -> str:
    """stderr of `gazette build --no-pdf` (must succeed)."""
    result = subprocess.run([sys.executable, "-m", "gazette", "-C", str(root), "build", "--no-pdf", "--out", str(out),
                             *options], env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2025},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stderr


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def rendered_and_reused(stderr: str) -> tuple[int, int]:
    match = NOTE.search(stderr)
    assert match, stderr
    return int(match.group(1)), int(match.group(2))


def assert_same_as_cold(root: Path, site: Path, tmp: Path, name: str) -> tuple[int, int]:
    """Build incrementally into `site` and cold into a fresh folder; the trees must be equal."""
    counts = rendered_and_reused(gazette_build(root, site))
    cold = tmp / f"cold-{name}"
    gazette_build(root, cold, "--no-cache")
    assert tree(site) == tree(cold), name
    return counts


@pytest.fixture
def built(tmp_path):
    root = write_project(tmp_path / "project", {}, site=True)
    site = tmp_path / "site"
    rendered, reused = rendered_and_reused(gazette_build(root, site))
    assert rendered > 10 and reused == 0  # the first build is cold
    return root, site


def test_a_sequence_of_edits_builds_what_a_cold_build_builds(built, tmp_path):
    root, site = built
    docs = root / "content/documents/2024"
    # A body, a vocabulary entry (a topic's slug: its listing moves, the policy links the new one), a document added.
    edit(docs / "gg-2024-1.md", "示例公告正文。", "修改后的公告正文。")
    edit(root / "content/_data/topics.yml", "slug: zonghe", "slug: zonghe-zhengwu")
    (docs / "jd-ptfb-2024-1.md").write_text(INTERPRETATION, encoding="utf-8")
    rendered, reused = assert_same_as_cold(root, site, tmp_path, "body-vocabulary-added")
    assert rendered and reused
    # A title (listings, the issue, the interpretation's page show it), a document removed.
    edit(docs / "ptfb-2024-1.md", "《示例管理办法》的通知", "《示例管理办法（修订）》的通知")
    (docs / "jd-ptfb-2024-1.md").unlink()
    rendered, reused = assert_same_as_cold(root, site, tmp_path, "title-removed")
    assert rendered and reused
    assert "修订" in (site / "documents/2024/ptfb-2024-1/index.html").read_text(encoding="utf-8")
    assert not (site / "documents/2024/jd-ptfb-2024-1").exists()
    # A template: every page is rendered again.
    edit(root / "theme/gazette/document.html", "{%", "{# edited #}{%")
    rendered, reused = assert_same_as_cold(root, site, tmp_path, "template")
    assert rendered and not reused


def test_unchanged_pages_are_linked_from_the_last_good_site(built):
    """An unchanged page is the last good site's file (a hard link, not a copy); SHA256SUMS still lists it."""
    root, site = built
    page = site / "documents/2024/gg-2024-1/index.html"
    inode = page.stat().st_ino
    edit(root / "content/documents/2024/ptfb-2024-1.md", "## 一、总体要求", "## 一、总体要求（改动）")
    rendered, reused = rendered_and_reused(gazette_build(root, site))
    assert rendered and reused
    assert page.stat().st_ino == inode
    assert subprocess.run(["sha256sum", "-c", "--strict", "--quiet", "SHA256SUMS"], cwd=site).returncode == 0
    assert_replaced_site_removed(site)


def assert_replaced_site_removed(site: Path, timeout: float = 60) -> None:
    """The site a build replaced is removed after the build, by a process of its own."""
    deadline = time.monotonic() + timeout
    while [p.name for p in site.parent.iterdir() if p.name.startswith(".old-")]:
        assert time.monotonic() < deadline, sorted(p.name for p in site.parent.iterdir())
        time.sleep(0.1)


def test_a_rebuild_with_nothing_changed_renders_no_page(built):
    root, site = built
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    stderr = gazette_build(root, site)
    assert "输入没有改动" in stderr and "生成网页" not in stderr
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before
    (root / "notes.txt").write_text("一个不影响任何网页的新文件", encoding="utf-8")  # an input, but of no page
    rendered, reused = rendered_and_reused(gazette_build(root, site))
    assert rendered == 0 and reused > 10
    page = site / "documents/2024/gg-2024-1/index.html"  # a page changed by hand is rendered again
    page.write_text("篡改", encoding="utf-8")
    rendered, _ = rendered_and_reused(gazette_build(root, site))
    assert rendered == 1 and "示例公告正文。" in page.read_text(encoding="utf-8")
