"""Each body is converted once: in worker processes or not, and whether MkDocs converts the page or takes
the Library's conversion (gazette.site.converted), the findings and every byte of the site are the same."""

import logging
from pathlib import Path

import pytest

import gazette.library.bodies as bodies
import gazette.site.converted as converted
import gazette.site.plugin as plugin
from gazette.cli.main import main
from gazette.library.loader import load_library
from gazette.findings import Report
import gazette.markdown as gazette_markdown
from gazette.markdown import convert_page
from gazette.project import load_and_check
from projects import NOTICE_HEAD

RICH = NOTICE_HEAD + """
# 公告

依据[示例管理办法](ptfb-2024-1.md#一总体要求)和[本页](#二事项)，另见[机关](/agencies/)
。联系 <zhengwu@example.gov.cn>，或访问 <https://www.shpt.gov.cn/>。

## 二、事项 {#二事项}

事项说明[^1]，*BPA* 见表。

| 项目 | 说明 |
|:---|---:|
| 一 | 二 |

<span id="末尾">说明</span>

[^1]: 注释。

*[BPA]: 双酚A
"""

def _site(root: Path, out: Path, caplog) -> tuple[dict[str, bytes], list[str]]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert main(["-C", str(root), "build", "--no-pdf", "--no-cache", "--out", str(out)]) == 0  # convert again
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return files, [r.getMessage() for r in caplog.records if r.name.startswith("mkdocs") and r.levelno >= logging.INFO]


def test_serial_parallel_and_mkdocs_conversion_give_the_same_site(tmp_path, project, monkeypatch, caplog):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735660800")
    root = project({"content/documents/2024/gg-2024-1.md": RICH}, site=True)
    taken = []
    take = converted._render
    monkeypatch.setattr(converted, "_render", lambda page, *rest: taken.append(page.file.src_uri) or take(page, *rest))

    monkeypatch.setenv("GAZETTE_JOBS", "1")
    serial = _site(root, tmp_path / "serial", caplog)
    assert sorted(set(taken)) == ["documents/2024/gg-2024-1.md", "documents/2024/ptfb-2024-1.md"]
    monkeypatch.setattr(bodies, "PARALLEL_FROM", 0)
    monkeypatch.setenv("GAZETTE_JOBS", "2")
    assert _site(root, tmp_path / "parallel", caplog) == serial
    monkeypatch.setattr(plugin, "take_conversion", lambda page, parsed: None)  # MkDocs converts every page
    assert _site(root, tmp_path / "mkdocs", caplog) == serial  # the same bytes and the same messages


def test_serial_and_parallel_findings_are_the_same(project, monkeypatch):
    root = project({"content/documents/2024/gg-2024-1.md": RICH + '\n<a href="javascript:x()">链接</a>\n',
                    "content/documents/2024/gg-2024-2.md": NOTICE_HEAD + "\n![图](https://example.com/x.png)\n"})
    monkeypatch.setenv("GAZETTE_JOBS", "1")
    serial = [f.format() for f in load_and_check(root, cache=False)[1].findings]
    assert len(serial) >= 2
    monkeypatch.setattr(bodies, "PARALLEL_FROM", 0)
    monkeypatch.setenv("GAZETTE_JOBS", "2")
    library = load_library(root, Report())
    assert all(doc.parsed.converted for doc in library.documents.values())
    assert [f.format() for f in load_and_check(root, cache=False)[1].findings] == serial


@pytest.mark.parametrize("text", ["<![", "[链接](<a\x1a>)\ue000\U000f0000"])
def test_what_mkdocs_may_read_differently_is_left_to_it(text):
    assert convert_page(text) is None


def test_links_mkdocs_leaves_alone_are_not_marked():
    page = convert_page("[a](https://example.com/) <a@b.cn> [b](x.md#c) ![c](d.png)")
    assert page.links == ("x.md#c", "d.png")
    assert page.html(["X", "D"]).count('href="X"') == 1 and 'src="D"' in page.html(["X", "D"])
    assert 'href="x.md#c"' in page.html() and "&#109;&#97;" in page.html()


def test_a_reused_converter_carries_nothing_from_one_body_to_the_next():
    """Worker processes convert a share of bodies with one converter, reset between bodies (gazette.library.bodies):
    abbreviations, footnotes, ids and raw HTML of one body must not reach the next."""
    plain = "# 公告\n\n事项说明，BPA 见表。\n\n## 二、事项\n\n<span>说明</span>\n"
    other = RICH.split("---\n", 2)[2]
    reused = gazette_markdown.converter()
    for text in (other, plain, RICH, plain, other):
        assert convert_page(text, reused) == convert_page(text), text
    assert "<abbr" not in convert_page(plain, reused).template
