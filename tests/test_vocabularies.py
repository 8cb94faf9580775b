"""Vocabulary entries: an agency's short name may be left out or equal its full name."""

import jsonschema

from gazette.model.jsonschemas import vocabulary_schema
from gazette.project import load_and_check
from projects import AGENCIES, POLICY

AGENCIES_FILE = "content/_data/agencies.yml"
WITHOUT_SHORT = """\
- name: 上海市普陀区人民代表大会常务委员会办公室
  slug: rdcwh
  kind: 部门
- name: 上海市普陀区石泉路街道
  short: 上海市普陀区石泉路街道
  slug: shiquanlu
  kind: 街镇
"""


def test_short_may_be_left_out_or_equal_the_name(project):
    root = project({AGENCIES_FILE: AGENCIES + WITHOUT_SHORT,
                    "content/documents/2024/ptfb-2024-1.md": POLICY.replace(
                        "issuer: 区府办", "issuer: [区府办, 上海市普陀区人民代表大会常务委员会办公室, 上海市普陀区石泉路街道]")})
    library, report = load_and_check(root)
    assert [f.format() for f in report.findings] == []
    agencies = library.vocabularies["agencies"]
    assert agencies.by_name("上海市普陀区人民代表大会常务委员会办公室").display == "上海市普陀区人民代表大会常务委员会办公室"
    assert agencies.by_name("上海市普陀区石泉路街道").display == "上海市普陀区石泉路街道"
    assert library.documents["2024/ptfb-2024-1"].issuers == [
        "上海市普陀区人民政府办公室", "上海市普陀区人民代表大会常务委员会办公室", "上海市普陀区石泉路街道"]


def test_a_short_name_that_is_another_agencys_name_is_still_a_duplicate(findings):
    clash = "- name: 上海市普陀区长征镇\n  short: 上海市普陀区人民政府办公室\n  slug: cz2\n  kind: 街镇\n"
    assert findings({AGENCIES_FILE: AGENCIES + clash}) == [
        "content/_data/agencies.yml:14: 错误: “上海市普陀区人民政府办公室”在发文机关词表中重复（第一次在第 1 行）。"
        "名称、简称和网址名都须唯一。"]


def test_the_editors_schema_accepts_an_agency_without_short():
    schema = vocabulary_schema("agencies")
    jsonschema.validate([{"name": "上海市普陀区石泉路街道", "slug": "shiquanlu", "kind": "街镇"}], schema)
    assert "short" not in schema["items"]["required"]
