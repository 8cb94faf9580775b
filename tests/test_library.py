"""The Library: relations by id or 发文字号, computed validity, the build date."""

import datetime as dt

import pytest

from gazette.clock import build_date
from gazette.model.exports import markdown_reference
from gazette.model.kinds import genre_of_title
from gazette.model.docnumber import normalise as fix_doc_number
from gazette.project import load_and_check
from projects import REPO

OLD = """\
---
title: 关于示例旧事项的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2023〕{n}号
signed: 2023-03-01
published: 2023-03-05
disclosure: 主动公开
topics: [综合政务]
{extra}---

旧文件正文。
"""

NEW = """\
---
title: 关于示例新事项的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕9号
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
repeals: [2023/old-1]
amends:
  - 普府办[2023]2号
supersedes: [普府办〔2023〕3号]
---

新文件正文。
"""


@pytest.fixture
def library(project):
    files = {
        "content/documents/2023/old-1.md": OLD.format(n=1, extra=""),
        "content/documents/2023/old-2.md": OLD.format(n=2, extra=""),
        "content/documents/2023/old-3.md": OLD.format(n=3, extra=""),
        "content/documents/2023/old-4.md": OLD.format(n=4, extra="effective: 2023-03-05\nexpires: 2024-12-31\n"),
        "content/documents/2023/old-5.md": OLD.format(n=5, extra="expires: 2025-01-01\n"),
        "content/documents/2023/old-6.md": OLD.format(n=6, extra="status: 失效\n"),
        "content/documents/2024/new.md": NEW,
    }
    library, report = load_and_check(project(files))
    assert report.ok, [f.format() for f in report.findings]
    return library


def test_validity_is_computed_in_contract_order(library):
    status = {doc_id: library.documents[doc_id].status for doc_id in library.documents}
    assert status["2023/old-1"] == "废止"  # named in repeals, by id
    assert status["2023/old-2"] == "已修订"  # named in amends, by a sloppy 发文字号
    assert status["2023/old-3"] == "已修订"  # named in supersedes
    assert status["2023/old-4"] == "失效"  # expired on 2024-12-31; build date 2025-01-01
    assert status["2023/old-5"] == "有效"  # its last valid day is the build date
    assert status["2023/old-6"] == "失效"  # explicit status wins
    assert [d.id for d in library.documents["2023/old-1"].newer] == ["2024/new"]


def test_relations_resolve_both_ways(library):
    new = library.documents["2024/new"]
    assert [d.id for d in new.relations["amends"]] == ["2023/old-2"]
    assert [d.id for d in library.documents["2023/old-3"].related_from["supersedes"]] == ["2024/new"]
    assert library.resolve("普府办〔2023〕4号").id == "2023/old-4"
    assert library.resolve("普府办（2023）04号").id == "2023/old-4"
    assert library.resolve("2023/old-4.md").id == "2023/old-4"
    assert library.resolve("普府办〔2023〕40号") is None


def test_build_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704038400")  # 2023-12-31T16:00Z = 2024-01-01 in Beijing
    assert build_date() == dt.date(2024, 1, 1)


@pytest.mark.parametrize("title, genre", [
    ("上海市普陀区人民政府关于印发《示例办法》的通知", "通知"),
    ("关于进一步优化营商环境的实施意见", "意见"),
    ("上海市普陀区示例管理办法", None),
    ("关于同意设立示例园区的批复", "批复"),
])
def test_genre_from_title(title, genre):
    assert genre_of_title(title) == genre


@pytest.mark.parametrize("written, fixed", [
    ("普府办[2024]06号", "普府办〔2024〕6号"),
    ("普府办（2024）6号", "普府办〔2024〕6号"),
    ("普府办2024 6号", "普府办〔2024〕6号"),
    ("普府办〔2024〕6", "普府办〔2024〕6号"),
])
def test_doc_number_suggestions(written, fixed):
    assert fix_doc_number(written) == fixed


def test_schema_reference_in_docs_is_current():
    """docs/front-matter.md derives from the declaration: regenerate with `gazette schema --format markdown`."""
    assert (REPO / "docs/front-matter.md").read_text(encoding="utf-8") == markdown_reference()
