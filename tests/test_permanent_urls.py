"""Permanent URLs (issue 11, point 5): the register, redirect_from and redirect pages.

Renaming a published document fails the check with its old URL named; declaring
the old URL in redirect_from fixes it, and in Chromium the old URL lands on the
new page. Redirect pages are in no listing, feed or sitemap.
"""

from __future__ import annotations

import os

import pytest

from emitted import EPOCH_2025
from gazette.build import build_site
from gazette.cli.main import main
from gazette.project import load_and_check
from gazette.redirects import REGISTER
from projects import REPO, write_project
from search_support import chromium, serve

D = "content/documents/2024/"
OLD, NEW = "/documents/2024/gg-2024-1/", "/documents/2024/gg-2024-9/"


def errors(root):
    _, report = load_and_check(root)
    return [f.format() for f in report.errors]


@pytest.fixture
def renamed(tmp_path):
    """A project whose notice was published (registered), then renamed gg-2024-1 → gg-2024-9."""
    root = write_project(tmp_path / "project", {}, site=True)
    assert main(["-C", str(root), "urls"]) == 0
    (root / D / "gg-2024-1.md").rename(root / D / "gg-2024-9.md")
    return root


def test_the_sample_register_is_complete():
    assert main(["-C", str(REPO), "urls", "--check"]) == 0


def test_a_renamed_document_fails_the_check_naming_its_old_url(renamed):
    lines = (renamed / REGISTER).read_text(encoding="utf-8").splitlines()
    line = lines.index(OLD) + 1
    found = errors(renamed)
    assert len(found) == 1 and found[0].startswith(f"{REGISTER}:{line}: 错误: 已发布的网址 {OLD} 不再有对应的文件")
    assert "redirect_from" in found[0]
    assert main(["-C", str(renamed), "urls", "--check"]) == 1  # the new URL is not registered yet


def test_redirect_from_fixes_it_and_the_old_url_lands_on_the_new_page(renamed):
    declare(renamed, OLD)
    assert errors(renamed) == []
    assert main(["-C", str(renamed), "urls"]) == 0
    assert {OLD, NEW} <= set((renamed / REGISTER).read_text(encoding="utf-8").splitlines())
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH_2025
    site = build_site(renamed, renamed / "build" / "site", pdfs=False)
    redirect = (site / OLD.strip("/") / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../gg-2024-9/"' in redirect
    assert f'rel="canonical" href="https://gazette.example.gov.cn{NEW}"' in redirect
    for listed in ("sitemap.xml", "feeds/all.xml", "documents/index.html", "index.html"):
        text = (site / listed).read_text(encoding="utf-8")
        assert "gg-2024-9" in text and "gg-2024-1" not in text, listed
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + OLD.lstrip("/"))
        page.wait_for_url(base + NEW.lstrip("/"))
        assert page.inner_text("h1.gz-document__title") == "关于示例事项的公告"


def test_redirect_from_must_not_hide_a_live_page_or_repeat(project):
    live = project()
    declare(live, "/documents/2024/ptfb-2024-1/", name="gg-2024-1.md")
    assert errors(live) == [f"{D}gg-2024-1.md:7: 错误: 原网址 /documents/2024/ptfb-2024-1/ 是本站现有页面的网址，"
                            "不能跳转：请删除这一项。"]
    twice = project({D + "gg-2024-2.md": (live / D / "gg-2024-1.md").read_text(encoding="utf-8").replace(
        "关于示例事项的公告", "关于另一示例事项的公告")})
    for name in ("gg-2024-1.md", "gg-2024-2.md"):
        declare(twice, "/documents/2023/old/", name=name)
    assert errors(twice) == [f"{D}gg-2024-2.md:7: 错误: 原网址 /documents/2023/old/ 已写在 {D}gg-2024-1.md 中，"
                             "同一原网址只能跳转到一个文件：请删除其中一处。"]
    declare(twice, "documents/2023/older", name="gg-2024-2.md")
    assert any("是否应为“/documents/2023/older/”" in error for error in errors(twice))


def declare(root, old: str, name: str = "gg-2024-9.md") -> None:
    path = root / D / name
    text = path.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("redirect_from:"))
    path.write_text(text.replace("disclosure: 主动公开\n", f"disclosure: 主动公开\nredirect_from: [{old}]\n", 1),
                    encoding="utf-8")
