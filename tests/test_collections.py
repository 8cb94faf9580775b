"""Collections (专题): loading and checks (errors and the 巡检 warnings, with file:line), and the page views."""

import datetime as dt

import pytest

from gazette.library.collection import Collection
from gazette.model.jsonschemas import collection_schema
from gazette.project import load_and_check
from gazette.site.collections import collection_view
from gazette.site.views import Views
from projects import REPO
from test_schema import errors, front_matter, sample_ctx  # noqa: F401 (fixture)

C = "content/collections/"
D = "content/documents/2024/"

HIDDEN_TITLE = "上海市普陀区人民政府办公室关于内部事项的通知"
HIDDEN = f"""\
---
title: {HIDDEN_TITLE}
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕9号
signed: 2024-06-01
published: 2024-06-01
disclosure: 依申请公开
topics: [综合政务]
tags: [养老服务]
---

内部事项。
"""


def collection(front: str, body: str = "专题简介。\n") -> str:
    return f"---\ntitle: 示例专题\nsummary: 示例专题的简介。\n{front}---\n\n{body}"


def line_of(rel: str, needle: str, root=REPO) -> int:
    """The 1-based line of the first line of a file containing `needle`."""
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if needle in line)


# --- checks on a minimal project -------------------------------------------------------------


def test_a_listed_id_that_finds_nothing_is_an_error_on_its_line(findings):
    found = findings({C + "shili.md": collection("documents:\n  - 2024/ptfb-2024-1\n  - 2024/no-such-doc\n")})
    assert found == [f"{C}shili.md:6: 错误: documents（收录文件）第 2 项“2024/no-such-doc”找不到对应文件："
                     "请写文件编号（content/documents/ 下不含 .md 的路径，如 2024/ptfb-2024-6）或发文字号。"]


def test_a_non_public_member_is_an_error_that_never_names_its_title(findings):
    found = findings({D + "hidden-2024-1.md": HIDDEN,
                      C + "shili.md": collection("documents:\n  - 2024/ptfb-2024-1\n  - 普府办〔2024〕9号\n")})
    assert found == [f"{C}shili.md:6: 错误: documents（收录文件）第 2 项“普府办〔2024〕9号”指向的文件不是主动公开："
                     "专题只能收录主动公开的文件，请删除此项。"]
    assert not any(HIDDEN_TITLE in f for f in found)


def test_a_collection_without_members_is_an_error(findings):
    # The only document with the tag 养老服务 is not public: the collection has no member.
    assert findings({D + "hidden-2024-1.md": HIDDEN, C + "shili.md": collection("tags: [养老服务]\n")}) == [
        f"{C}shili.md:4: 错误: 专题中没有任何主动公开的文件：请在 documents 中列出文件，或在 tags 中写已有公开文件使用的标签。"]
    assert findings({C + "shili.md": collection("")}) == [
        f"{C}shili.md:1: 错误: 专题没有收录文件：请用 documents 列出文件编号或发文字号，或用 tags 按标签收录（两者至少写一项）。"]


def test_collection_keys_follow_the_declared_schema(findings):
    found = findings({C + "shili.md": collection(
        "tags: [不存在的标签]\ndocument: [2024/ptfb-2024-1]\n"
        "services:\n  - title: 示例事项\n    url: https://evil.example.com/x\norder: 第一\n")})
    assert any(f.startswith(f"{C}shili.md:4: 错误: tags（按标签收录）") and "不在标签库" in f for f in found)
    assert f"{C}shili.md:5: 错误: 未知的键“document”。是否应为“documents”？" in found
    assert any(f.startswith(f"{C}shili.md:8: 错误: services（阅办联动）") and "evil.example.com" in f for f in found)
    assert any(f.startswith(f"{C}shili.md:9: 错误: order（排列顺序）应为整数") for f in found)
    missing = findings({C + "shili.md": "---\ntags: [营商环境]\n---\n\n简介。\n"})
    assert sorted(f for f in missing if "缺少必填的键" in f) == [
        f"{C}shili.md:1: 错误: 缺少必填的键 summary（简介）：此项必填。一两句话说明专题收录什么，用于专题列表和订阅。",
        f"{C}shili.md:1: 错误: 缺少必填的键 title（专题名称）：此项必填。专题的名称，写成一行，如“既有多层住宅加装电梯”。"]


def test_a_bad_file_name_and_a_broken_intro_link_are_errors(findings):
    found = findings({C + "Shi_Li.md": collection("tags: [营商环境]\n", "见[示例](../documents/2024/nope.md)。\n")})
    assert any(f.startswith(f"{C}Shi_Li.md:1: 错误: 专题文件名“Shi_Li”不符合要求") for f in found)
    assert any(f.startswith(f"{C}Shi_Li.md:7: 错误: 链接“../documents/2024/nope.md”指向的文件不存在") for f in found)


def test_personal_data_in_a_collection_is_an_error(findings):
    found = findings({C + "shili.md": collection("tags: [营商环境]\n", "咨询电话：13912345678。\n")})
    assert found == [f"{C}shili.md:7: 错误: 专题中发现疑似手机号码“13912345678”：专题会整体公开，不应含有个人信息或密级标志，"
                     "请删除；需要公开的联系方式请写在相关文件中，经审查后公开。"]


def test_a_repealed_member_and_an_interpretation_left_out_are_warnings(findings):
    files = {
        D + "ptfb-2024-2.md": """\
---
title: 上海市普陀区人民政府办公室关于废止《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕2号
signed: 2024-05-01
published: 2024-05-02
disclosure: 主动公开
topics: [综合政务]
repeals: [2024/ptfb-2024-1]
---

废止。
""",
        D + "jd-ptfb-2024-1.md": """\
---
title: 《示例管理办法》政策解读
kind: 政策解读
issuer: 区府办
published: 2024-03-05
disclosure: 主动公开
interprets: 2024/ptfb-2024-1
---

解读正文。
""",
        C + "shili.md": collection("documents:\n  - 2024/ptfb-2024-1\n"),
    }
    found = findings(files)
    assert found == [
        f"{C}shili.md:5: 警告: 巡检：专题收录了政策文件“上海市普陀区人民政府办公室关于印发《示例管理办法》的通知”，"
        "但没有收录它的政策解读“《示例管理办法》政策解读”：可能遗漏，请在 documents 中加上 2024/jd-ptfb-2024-1。",
        f"{C}shili.md:5: 警告: 巡检：专题收录的“上海市普陀区人民政府办公室关于印发《示例管理办法》的通知”（2024/ptfb-2024-1）已废止。"
        "取代它的“上海市普陀区人民政府办公室关于废止《示例管理办法》的通知”（2024/ptfb-2024-2）不在本专题中，请考虑收录；"
        "不应再收录时，请从 documents 中删除此项。",
    ]


def test_a_document_linking_a_member_is_a_warning_unless_held(findings):
    linking = D + "gg-2024-3.md"
    files = {linking: "---\ntitle: 关于示例事项的补充公告\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-07\n"
                      "disclosure: 主动公开\n---\n\n见[示例管理办法](ptfb-2024-1.md)。\n",
             C + "shili.md": collection("documents:\n  - 2024/ptfb-2024-1\n")}
    assert findings(files) == [
        f"{C}shili.md:5: 警告: 巡检：“关于示例事项的补充公告”（2024/gg-2024-3）的正文链接了本专题收录的"
        "“上海市普陀区人民政府办公室关于印发《示例管理办法》的通知”，但本专题没有收录它：可能遗漏，请确认后在 documents 中加上 2024/gg-2024-3。"]
    files[C + "shili.md"] = collection("documents:\n  - 2024/ptfb-2024-1\n  - 2024/gg-2024-3\n")
    assert findings(files) == []


# --- the sample gazette --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def checked():
    import os

    from emitted import EPOCH_2025

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH_2025
    return load_and_check(REPO)


def test_the_sample_has_collections_and_no_errors(checked):
    library, report = checked
    assert report.ok, [f.format() for f in report.errors]
    assert [c.slug for c in library.collections] == ["jiazhuang-dianti", "yanglao-fuwu", "huiqi-zhengce", "yingshang-huanjing"]
    assert all(c.members and c.body.strip() for c in library.collections)


def test_the_sample_inspection_warnings_point_at_the_seeded_cases(checked):
    _, report = checked
    huiqi, yanglao, yingshang = (C + name for name in ("huiqi-zhengce.md", "yanglao-fuwu.md", "yingshang-huanjing.md"))
    found = {(f.path, f.line, f.message.split("”", 1)[0]) for f in report.warnings if f.path.startswith(C)}
    assert found == {
        (yanglao, line_of(yanglao, "tags:"), "巡检：专题收录的“上海市普陀区人民政府办公室关于印发《普陀区居家养老服务补贴实施办法》的通知"),
        (huiqi, line_of(huiqi, "tags:"), "巡检：专题收录的“上海市普陀区商务委员会关于印发《普陀区2024年上半年促进消费扩容提质若干措施》的通知"),
        (huiqi, line_of(huiqi, "2024/prs-2024-7"), "巡检：专题收录了政策文件“上海市普陀区人力资源和社会保障局 上海市普陀区财政局关于印发《普陀区促进重点群体就业创业补贴办法》的通知"),
        (huiqi, line_of(huiqi, "2024/prs-2024-7"), "巡检：“就业创业补贴常见问题解答"),
        (huiqi, line_of(huiqi, "tags:"), "巡检：“普陀区“一网通办"),
        (yingshang, line_of(yingshang, "普发改〔2023〕15号"), "巡检：专题收录的“上海市普陀区发展和改革委员会关于印发《普陀区促进民营经济高质量发展若干措施》的通知"),
        # Interpretations follow their policy's state (issue 14 point 2): gathered by tag, they are reported too.
        (yanglao, line_of(yanglao, "tags:"), "巡检：专题收录的“《普陀区居家养老服务补贴实施办法》政策解读"),
        (huiqi, line_of(huiqi, "tags:"), "巡检：专题收录的“《普陀区2024年上半年促进消费扩容提质若干措施》政策解读"),
    }
    messages = {f.message for f in report.warnings if f.path.startswith(C)}
    assert any("（2023/ptfb-2023-9）已废止" in m for m in messages)
    assert any("（2024/psw-2024-4）已失效" in m for m in messages)
    assert any("（2023/pfg-2023-15）已修订" in m for m in messages)


@pytest.mark.parametrize("slug", ["jiazhuang-dianti", "yanglao-fuwu", "huiqi-zhengce", "yingshang-huanjing"])
def test_sample_collections_validate_against_their_json_schema(slug, sample_ctx):  # noqa: F811
    assert errors(collection_schema(sample_ctx), front_matter(REPO / C / f"{slug}.md")) == []


def test_the_json_schema_rejects_what_the_check_rejects(sample_ctx):  # noqa: F811
    schema = collection_schema(sample_ctx)
    assert errors(schema, {"title": "示例", "summary": "简介", "document": ["x"]})
    assert errors(schema, {"title": "示例", "summary": "简介", "tags": ["不存在的标签"]})
    assert errors(schema, {"summary": "简介"})


# --- views ---------------------------------------------------------------------------------------


def _view(library, slug):
    found: Collection = next(c for c in library.collections if c.slug == slug)
    return collection_view(library, Views(library, []), found)


def test_policies_carry_their_interpretations_and_groups_follow_the_declared_order(checked):
    library, _ = checked
    view = _view(library, "yanglao-fuwu")
    assert [g["anchor"] for g in view["groups"]] == ["policies", "faq"]
    policies = {row["url"]: row for row in view["groups"][0]["rows"]}
    assert [r["url"] for r in policies["documents/2024/ptfb-2024-6/"]["readings"]] == ["documents/2024/jd-ptfb-2024-6/"]
    assert [r["url"] for r in policies["documents/2023/ptfb-2023-9/"]["readings"]] == ["documents/2023/jd-ptfb-2023-9/"]
    assert policies["documents/2023/ptfb-2023-9/"]["state"] == "废止"
    shown = [r["url"] for g in view["groups"] for row in g["rows"] for r in [row, *row.get("readings", [])]]
    members = next(c for c in library.collections if c.slug == "yanglao-fuwu").members
    assert sorted(shown) == sorted(doc.url for doc in members) and len(shown) == len(set(shown))


def test_open_calls_come_first_by_deadline_and_show_their_state(project):
    def call(name, deadline):
        return ("---\ntitle: 关于" + name + "申报的通知\nkind: 申报通知\nissuer: 区发改委\npublished: 2024-01-02\n"
                f"deadline: {deadline}\ndisclosure: 主动公开\ntags: [营商环境]\n---\n\n申报。\n")
    root = project({D + "sb-a.md": call("甲项目", "2024-12-01"), D + "sb-b.md": call("乙项目", "2025-03-01"),
                    D + "sb-c.md": call("丙项目", "2025-02-01"), D + "sb-d.md": call("丁项目", "2024-06-01"),
                    C + "shili.md": collection("documents: [2024/sb-a, 2024/sb-b, 2024/sb-c, 2024/sb-d]\n")})
    library, report = load_and_check(root)  # build date 2025-01-01 (conftest)
    assert report.ok and library.build_date == dt.date(2025, 1, 1)
    calls = next(g for g in _view(library, "shili")["groups"] if g["anchor"] == "calls")["rows"]
    assert [(row["url"], row["state"]) for row in calls] == [
        ("documents/2024/sb-c/", "申报中"), ("documents/2024/sb-b/", "申报中"),
        ("documents/2024/sb-a/", "已截止"), ("documents/2024/sb-d/", "已截止")]
    assert calls[0]["deadline"]["text"] == "2025年2月1日"


def test_an_interpretation_without_its_policy_stands_alone_and_names_it(project):
    reading = ("---\ntitle: 《示例管理办法》政策解读\nkind: 政策解读\nissuer: 区府办\npublished: 2024-03-05\n"
               "disclosure: 主动公开\ninterprets: 2024/ptfb-2024-1\n---\n\n解读正文。\n")
    root = project({D + "jd-ptfb-2024-1.md": reading, C + "shili.md": collection("documents: [2024/jd-ptfb-2024-1]\n")})
    library, report = load_and_check(root)
    assert report.ok
    [group] = _view(library, "shili")["groups"]
    assert group["anchor"] == "policies"
    [row] = group["rows"]
    assert row["url"] == "documents/2024/jd-ptfb-2024-1/" and "readings" not in row
    assert row["interprets"]["url"] == "documents/2024/ptfb-2024-1/"
