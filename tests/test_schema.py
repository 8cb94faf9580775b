"""The JSON Schemas editors' tools use: valid draft-07, accept the sample, reject broken front matter."""

import datetime as dt
import json
import re

import pytest
from jsonschema import Draft7Validator, FormatChecker

from gazette.cli.schema import _context
from gazette.findings import Report
from gazette.model.jsonschemas import TARGETS, document_schema, issue_schema
from gazette.yamlsource import parse_yaml, split_front_matter
from projects import REPO
from test_rules import CASES

# Broken fixtures of tests/test_rules.py whose problem lies in one file's front matter:
# the document schema must reject each of them.
REJECTED = {
    "missing_required", "wrong_type_list_for_string", "impossible_date", "issuer_not_in_vocabulary",
    "joint_issuer_one_unknown", "tag_not_in_library", "kind_unknown", "doc_number_format", "unknown_key",
    "genre_mismatch", "service_not_https", "service_host_not_allowed", "placeholder",
}
# The others, and why one file's JSON Schema cannot catch them (only `gazette check` does).
NOT_EXPRESSIBLE = {
    "signed_after_published": "compares two dates of the file",
    "expires_before_effective": "compares two dates of the file",
    "doc_number_year": "compares the 发文字号 year with the signed date",
    "doc_number_duplicate": "uniqueness across files",
    "index_number_duplicate": "uniqueness across files",
    "duplicate_key": "YAML syntax: a parsed mapping keeps one value (YAML editors flag it themselves)",
    "relation_unresolved": "needs the other documents",
    "interprets_not_policy": "needs the other documents",
    "interprets_unresolved": "needs the other documents",
    "sync_missing": "needs the other documents",
    "sync_late": "needs the other documents",
    "issue_unknown_document": "issue manifest against the documents",
    "issue_duplicate_document": "issue manifests against each other",
    "issue_number_gap": "issue manifests against each other",
    "issue_number_duplicate": "issue manifests against each other",
    "issue_document_after_issue": "issue manifest against the documents",
    "issue_non_public_document": "issue manifest against the documents",
    "link_broken": "the Markdown body",
    "link_anchor_missing": "the Markdown body",
    "link_to_non_public": "the Markdown body",
    "privacy_mobile": "the Markdown body",
    "privacy_id_card": "the Markdown body",
    "privacy_bank_card": "the Markdown body",
    "privacy_secrecy_marking": "the Markdown body",
    "privacy_allow_unused": "privacy_allow against the body",
    "glyph_private_use": "the print fonts",
    "attachment_missing": "the file system",
    "bad_document_id": "the file's path",
    "no_front_matter": "the file itself, before any front matter",
    "malformed_yaml": "YAML syntax (YAML editors flag it themselves)",
    "not_utf8": "the file's encoding",
    "binary_file": "the file itself",
    "vocabulary_duplicate_slug": "uniqueness within a vocabulary file",
}


def as_json(value):
    """A parsed YAML value as an editor's YAML 1.2 tooling sees it: dates are strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def front_matter(path):
    report = Report()
    split = split_front_matter(path.read_text(encoding="utf-8"), path.name, report)
    parsed = parse_yaml(split.yaml_text, path.name, split.yaml_first_line, report)
    assert report.ok, [f.format() for f in report.findings]
    return as_json(parsed.data)


def yaml_file(path):
    report = Report()
    parsed = parse_yaml(path.read_text(encoding="utf-8"), path.name, 1, report)
    assert report.ok
    return as_json(parsed.data)


def validator(schema):
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def errors(schema, instance):
    return [e.message for e in validator(schema).iter_errors(instance)]


@pytest.fixture(scope="module")
def sample_ctx():
    return _context(REPO)


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_every_target_is_a_valid_draft7_schema_with_chinese_titles(sample_ctx, target):
    schema = TARGETS[target][2](sample_ctx)
    Draft7Validator.check_schema(schema)
    properties = schema.get("properties") or schema["items"]["properties"]
    assert all(prop["title"] and not prop["title"].isascii() for prop in properties.values())


def test_vocabularies_are_enums(sample_ctx):
    props = document_schema(sample_ctx)["properties"]
    agencies = props["issuer"]["anyOf"][0]["enum"]
    assert "上海市普陀区人民政府办公室" in agencies and "区府办" in agencies
    assert "综合政务" in props["topics"]["anyOf"][0]["enum"]
    assert props["kind"]["enum"] == ["政策文件", "政策解读", "公告通报", "申报通知", "常见问题"]
    assert all(prop["description"] for name, prop in props.items() if name != "status")


def test_every_sample_document_validates(sample_ctx):
    schema = document_schema(sample_ctx)
    paths = sorted((REPO / "content/documents").rglob("*.md"))
    assert len(paths) >= 40
    for path in paths:
        assert errors(schema, front_matter(path)) == [], path


def test_sample_yaml_files_validate(sample_ctx):
    for path in sorted((REPO / "issues").glob("*.yml")):
        assert errors(issue_schema(sample_ctx), yaml_file(path)) == [], path
    for name in ("agencies", "topics", "tags"):
        assert errors(TARGETS[name][2](sample_ctx), yaml_file(REPO / f"content/_data/{name}.yml")) == []
    assert errors(TARGETS["config"][2](sample_ctx), yaml_file(REPO / "gazette.yml")) == []


def test_every_rule_fixture_is_classified():
    assert REJECTED.isdisjoint(NOT_EXPRESSIBLE)
    assert REJECTED | set(NOT_EXPRESSIBLE) == set(CASES), "classify new rule fixtures here and in docs/editor-guide.md"


def test_base_project_documents_validate(project):
    root = project()
    schema = document_schema(_context(root))
    for path in (root / "content/documents").rglob("*.md"):
        assert errors(schema, front_matter(path)) == [], path


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_broken_front_matter_is_rejected(project, name):
    files, expected = CASES[name]
    root = project(files)
    broken = {line.split(":", 1)[0] for line in expected}
    assert len(broken) == 1
    schema = document_schema(_context(root))
    found = list(validator(schema).iter_errors(front_matter(root / broken.pop())))
    key = re.search(r"([a-z_]+)（|未知的键“([a-z_]+)”", expected[0])
    key = key.group(1) or key.group(2)
    # Rejected for the reason `gazette check` gives: at the key, or (missing, unknown) naming it.
    assert any(e.absolute_path and e.absolute_path[0] == key or f"'{key}'" in e.message for e in found), found


def test_issue_schema_rejects_a_bad_manifest(sample_ctx):
    bad = {"year": 2024, "number": 0, "date": "2024-13-01", "sections": [{"title": "栏目", "documents": "2024/x"}]}
    found = errors(issue_schema(sample_ctx), bad)
    assert len(found) == 3, found


def test_cli_writes_every_schema(tmp_path):
    from gazette.cli.main import main

    assert main(["-C", str(REPO), "schema", "--dir", str(tmp_path)]) == 0
    for filename, _, _ in TARGETS.values():
        Draft7Validator.check_schema(json.loads((tmp_path / filename).read_text(encoding="utf-8")))
