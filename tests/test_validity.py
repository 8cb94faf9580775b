"""Validity that never contradicts itself (issue 14, point 2): each case on the page, in the feed, the
open data, the JSON-LD and the document's PDF, on one small project built once (build date 2025-01-01)."""

import datetime as dt
import json
import posixpath

import feedparser
import lxml.html
import pytest

import pdftools
from emitted import build
from gazette.findings import Report
from gazette.library import validity
from gazette.library.dates import updated
from gazette.library.loader import load_library
from projects import POLICY, write_project

SITE = "https://gazette.example.gov.cn/"

OLD = """\
---
title: 上海市普陀区人民政府办公室关于印发《旧示例办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2023〕7号
signed: 2023-03-01
published: 2023-03-05
expires: 2028-03-31
disclosure: 主动公开
topics: [综合政务]
---

旧办法正文。
"""


def policy(name: str, number: int, extra: str = "") -> str:
    return f"""\
---
title: 上海市普陀区人民政府办公室关于印发《{name}》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕{number}号
signed: 2024-03-01
published: 2024-03-0{number}
disclosure: 主动公开
topics: [综合政务]
{extra}---

{name}正文。
"""


def reading(policy_id: str, name: str) -> str:
    return f"""\
---
title: 《{name}》政策解读
kind: 政策解读
issuer: 区府办
interprets: {policy_id}
published: 2024-03-09
disclosure: 主动公开
---

解读正文。
"""


def call(name: str, deadline: str) -> str:
    return f"""\
---
title: 关于组织申报{name}的通知
kind: 申报通知
issuer: 区发改委
published: 2024-03-10
deadline: {deadline}
disclosure: 主动公开
---

申报正文。
"""


FILES = {
    # 普府办〔2024〕1号 repeals the old policy from its 施行日期 2024-04-01.
    "content/documents/2024/ptfb-2024-1.md": POLICY.replace("tags: [营商环境]",
                                                            "tags: [营商环境]\neffective: 2024-04-01\nrepeals: [2023/old]"),
    "content/documents/2023/old.md": OLD,
    "content/documents/2023/jd-old.md": reading("2023/old", "旧示例办法"),
    "content/documents/2024/exp.md": policy("到期办法", 2, "expires: 2024-06-30\n"),
    "content/documents/2024/jd-exp.md": reading("2024/exp", "到期办法"),
    "content/documents/2024/am.md": policy("修订办法", 3),
    "content/documents/2024/amd.md": policy("修改决定", 4, "amends: [普府办〔2024〕3号]\n"),
    "content/documents/2024/jd-am.md": reading("2024/am", "修订办法"),
    "content/documents/2024/call-open.md": call("开放项目", "2025-03-31"),
    "content/documents/2024/call-closed.md": call("截止项目", "2024-06-21"),
}

REPEALER = "《上海市普陀区人民政府办公室关于印发《示例管理办法》的通知》（普府办〔2024〕1号）"
OLD_TITLE = "《上海市普陀区人民政府办公室关于印发《旧示例办法》的通知》（普府办〔2023〕7号）"

# id -> (state, the 有效性 element as one line, the notice above the text as printed, legal force)
CASES = {
    "2023/old": ("废止", f"废止（自2024年4月1日起废止，依据：{REPEALER}）",
                 f"本文件已废止，自2024年4月1日起不再执行。废止依据：{REPEALER}。", "NotInForce"),
    "2023/jd-old": ("废止", f"废止（所解读的政策文件已废止：{OLD_TITLE}）",
                    f"本解读所解读的政策文件已废止（自2024年4月1日起），本解读不再适用。所解读的文件：{OLD_TITLE}。",
                    "NotInForce"),
    "2024/jd-exp": ("失效", "失效（所解读的政策文件已失效：《上海市普陀区人民政府办公室关于印发《到期办法》的通知》"
                            "（普府办〔2024〕2号））",
                    "本解读所解读的政策文件已失效（有效期至2024年6月30日），本解读不再适用。所解读的文件："
                    "《上海市普陀区人民政府办公室关于印发《到期办法》的通知》（普府办〔2024〕2号）。", "NotInForce"),
    "2024/jd-am": ("已修订", "已修订（所解读的政策文件已修订：《上海市普陀区人民政府办公室关于印发《修订办法》的通知》"
                             "（普府办〔2024〕3号））",
                   "本解读所解读的政策文件已修订，解读内容可能与现行规定不一致，请以修订后的文件为准。所解读的文件："
                   "《上海市普陀区人民政府办公室关于印发《修订办法》的通知》（普府办〔2024〕3号）。", "NotInForce"),
    "2024/call-open": ("申报中", "申报中", "本通知正在受理申报，申报截止日期为2025年3月31日。", "InForce"),
    "2024/call-closed": ("已截止", "已截止", "本通知的申报已于2024年6月21日截止。", "NotInForce"),
}
FOLLOWED = {"2023/jd-old": "2023/old", "2024/jd-exp": "2024/exp", "2024/jd-am": "2024/am"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_project(tmp_path_factory.mktemp("validity") / "project", FILES, site=True)
    out = root.parent / "site"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    return out


def squash(text: str) -> str:
    return "".join(text.split())


def words(text: str) -> str:
    """Text without blanks and book-title marks: the page links a title where paper and feeds quote it."""
    return squash(text).replace("《", "").replace("》", "")


def page(site, doc_id):
    return lxml.html.parse(str(site / "documents" / doc_id / "index.html")).getroot()


def element(tree, label: str) -> str:
    """The text of one 公文要素 by its label."""
    for item in tree.find_class("gz-elements__item"):
        if item.find("dt").text_content() == label:
            return squash(item.find("dd").text_content())
    raise AssertionError(f"no element {label}")


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_the_page_shows_the_state_and_says_why(site, doc_id):
    state, line, notice, _ = CASES[doc_id]
    tree = page(site, doc_id)
    assert words(element(tree, "有效性")) == words(line)
    banner = tree.xpath("//div[contains(@class, 'gz-banner--')][not(contains(@class, 'gz-banner--sample'))]")
    assert len(banner) == 1 and banner[0].get("role") == "status"
    assert words(banner[0].text_content()).rstrip("。") == words(notice).rstrip("。")
    assert "有效期至" not in element(tree, "有效性") or state == "失效"
    if doc_id in FOLLOWED:  # the banner links the policy the interpretation follows
        assert banner[0].xpath(".//a/@href") == [relative(doc_id, FOLLOWED[doc_id])]


def relative(page_id: str, target_id: str) -> str:
    """The href from one document page to another, as MkDocs writes it."""
    return posixpath.relpath(f"documents/{target_id}", f"documents/{page_id}") + "/"


def test_a_valid_document_has_no_banner(site):
    tree = page(site, "2024/amd")
    assert element(tree, "有效性") == "有效"
    assert not tree.xpath("//div[contains(@class, 'gz-banner--')][not(contains(@class, 'gz-banner--sample'))]")


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_the_feed_entry_says_the_same(site, doc_id):
    _, line, _, _ = CASES[doc_id]
    feed = feedparser.parse((site / "feeds/all.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link == f"{SITE}documents/{doc_id}/")
    assert f"<li>有效性：{line}</li>" in entry.content[0].value


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_the_open_data_and_the_structured_data_say_the_same(site, doc_id):
    state, line, _, force = CASES[doc_id]
    data = json.loads((site / "api/documents.json").read_text(encoding="utf-8"))
    record = next(r for r in data["documents"] if r["id"] == doc_id)
    assert record["status"] == state
    assert record["status_text"] == line
    assert record["repealed_on"] == ("2024-04-01" if doc_id == "2023/old" else None)
    assert record["status_follows"] == (f"{SITE}documents/{FOLLOWED[doc_id]}/" if doc_id in FOLLOWED else None)
    script = json.loads(page(site, doc_id).xpath("//script[@type='application/ld+json']")[0].text)
    assert script["creativeWorkStatus"] == state
    if script["@type"] == "Legislation":
        assert script["legislationLegalForce"]["@id"] == "https://schema.org/" + force
    else:  # an interpretation is an Article, a call a SpecialAnnouncement: no legal force of their own
        assert "legislationLegalForce" not in script and doc_id.startswith(("2023/jd-", "2024/jd-", "2024/call-"))
    repealers = script.get("@reverse", {}).get("legislationRepeals", [])
    assert [(r["@id"], r["legislationDateOfApplicability"]) for r in repealers] == \
        ([(f"{SITE}documents/2024/ptfb-2024-1/", "2024-04-01")] if doc_id == "2023/old" else [])


def test_the_open_data_validates_against_its_schema(site):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads((site / "api/documents.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "api/documents.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    states = {r["status"] for r in data["documents"]}
    assert {"申报中", "已截止", "废止", "失效", "已修订", "有效"} <= states


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_the_pdf_prints_the_same_notice(site, doc_id):
    _, _, notice, _ = CASES[doc_id]
    assert squash(notice) in pdftools.squash(pdftools.text(site / "documents" / f"{doc_id}.pdf"))


def test_the_repealed_document_no_longer_shows_its_expiry_as_its_state(site):
    tree = page(site, "2023/old")
    assert "有效期至" not in element(tree, "有效性")
    assert tree.xpath("//div[contains(@class, 'gz-banner--repealed')]//a/@href") == \
        [relative("2023/old", "2024/ptfb-2024-1")]


def test_a_call_is_open_on_its_deadline_and_closed_the_day_after(tmp_path):
    root = write_project(tmp_path / "project", FILES)
    deadline = dt.date(2025, 3, 31)
    on_the_day = load_library(root, Report(), today=deadline).documents["2024/call-open"]
    after = load_library(root, Report(), today=deadline + dt.timedelta(days=1)).documents["2024/call-open"]
    assert on_the_day.status == "申报中" and after.status == "已截止"
    # The feed entry changes when the call closes: updated is the day after the deadline.
    assert updated(on_the_day) == on_the_day.published and updated(after) == deadline + dt.timedelta(days=1)


def test_an_interpretation_follows_only_a_policy_no_longer_in_force(tmp_path):
    files = {**FILES, "content/documents/2024/jd-in-force.md": reading("2024/amd", "修改决定")}
    library = load_library(write_project(tmp_path / "project", files), Report(), today=dt.date(2025, 1, 1))
    assert library.documents["2024/jd-in-force"].status == "有效"
    assert validity.banner(library.documents["2024/jd-in-force"]) is None
    old = library.documents["2023/jd-old"]
    assert old.follows is library.documents["2023/old"]
    # Its feed entry changes with the policy's: the policy expired on 2024-06-30, after the reading was published.
    assert updated(library.documents["2024/jd-exp"]) == dt.date(2024, 7, 1)


def test_an_explicit_status_on_an_interpretation_wins(tmp_path):
    files = {**FILES, "content/documents/2023/jd-old.md": reading("2023/old", "旧示例办法").replace(
        "disclosure: 主动公开", "disclosure: 主动公开\nstatus: 有效")}
    library = load_library(write_project(tmp_path / "project", files), Report(), today=dt.date(2025, 1, 1))
    assert library.documents["2023/jd-old"].status == "有效"
    assert library.documents["2023/jd-old"].follows is None
