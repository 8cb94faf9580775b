"""/api/documents.json against its JSON Schema, and the schema against the declaration."""

import copy
import json
import re
from urllib.parse import unquote

import pytest
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from emitted import site_url
from gazette.emit.opendata import COMPUTED, COMPUTED_AFTER
from gazette.model.fields import Date, ListOf
from gazette.model.schema import DOCUMENT_SCHEMA
from test_site import library, site  # noqa: F401 (fixtures: the sample site and its Library)

SITE = site_url()


@pytest.fixture(scope="module")
def data(site):
    return json.loads((site / "api/documents.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(site):
    schema = json.loads((site / "api/documents.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_documents_json_validates_against_its_schema(data, validator):
    validator.validate(data)
    assert data["$schema"] == SITE + "api/documents.schema.json"


@pytest.mark.parametrize("tamper", [
    lambda d: d.update(status="作废"),  # outside the declared values
    lambda d: d.update(unknown_key=1),  # not declared
    lambda d: d.pop("issuer"),  # declared, so required
    lambda d: d.update(published="2024-02-30"),  # not a date
    lambda d: d.update(tags="营商环境"),  # open data has one normal form: lists are lists
    lambda d: d.update(issuer=["区府办"]),  # full names only
])
def test_the_schema_rejects_what_is_not_declared(data, validator, tamper):
    broken = copy.deepcopy(data)
    tamper(broken["documents"][0])
    with pytest.raises(ValidationError):
        validator.validate(broken)


def test_every_published_document_and_nothing_else(data, library):
    assert [d["id"] for d in data["documents"]] == [doc.id for doc in library.public]
    assert data["count"] == len(library.public)
    hidden = {doc.id for doc in library.documents.values() if not doc.is_public}
    assert hidden
    text = json.dumps(data, ensure_ascii=False)
    for doc_id in hidden:
        assert doc_id not in text
        assert library.documents[doc_id].title not in text


def test_records_hold_every_public_key_and_the_computed_ones(data, library):
    public = [key.name for key in DOCUMENT_SCHEMA if key.public]
    assert "privacy_allow" not in public and "deadline" in public
    expected = [c.name for c in COMPUTED] + public + [c.name for c in COMPUTED_AFTER] + ["issue", "pdf_url", "printed"]
    for record in data["documents"]:
        assert list(record) == expected
    by_id = {d["id"]: d for d in data["documents"]}
    for doc in library.public:
        record = by_id[doc.id]
        assert record["url"] == SITE + doc.url
        assert record["status"] == doc.status
        assert record["issuer"] == doc.issuers
        assert record["published"] == doc.published.isoformat()
        assert record["doc_number"] == doc.doc_number
        assert record["deadline"] == (doc.deadline.isoformat() if doc.deadline else None)
        assert record["issue"] == (None if not doc.issue else {
            "year": doc.issue.year, "number": doc.issue.number, "total": doc.issue.total, "title": doc.issue.title,
            "date": doc.issue.date.isoformat(), "url": SITE + doc.issue.url,
            "pdf_url": SITE + f"{doc.issue.url}gazette-{doc.issue.year}-{doc.issue.number}.pdf"})
        assert record["pdf_url"] == SITE + f"documents/{doc.id}.pdf"
        for key in ("supersedes", "amends", "repeals"):
            assert record[key] == [SITE + t.url for t in doc.relations.get(key, []) if t.is_public]
        for attachment in record["attachments"]:
            assert attachment["file"].startswith(SITE + "documents/")


def test_relations_resolve_to_urls_both_ways(data, library):
    by_url = {d["url"]: d for d in data["documents"]}
    pairs = [(d, t) for d in data["documents"] for key in ("repeals", "amends", "supersedes") for t in d[key]]
    assert pairs
    for record, target in pairs:
        reverse = {"repeals": "repealed_by", "amends": "amended_by", "supersedes": "superseded_by"}
        key = next(k for k in reverse if target in record[k])
        assert record["url"] in by_url[target][reverse[key]]
    readings = [d for d in data["documents"] if d["interprets"]]
    assert readings
    for reading in readings:
        assert reading["url"] in by_url[reading["interprets"]]["interpreted_by"]


def test_schema_derives_from_the_declaration(site, library):
    schema = json.loads((site / "api/documents.schema.json").read_text(encoding="utf-8"))
    item = schema["properties"]["documents"]["items"]
    assert item["additionalProperties"] is False
    assert set(item["required"]) == set(item["properties"])
    for key in DOCUMENT_SCHEMA:
        if not key.public:
            assert key.name not in item["properties"]
            continue
        prop = item["properties"][key.name]
        assert prop["title"] == key.label
        if isinstance(key.field, Date):
            shape = prop.get("anyOf", [prop])[0]
            assert (shape["type"], shape["format"]) == ("string", "date")
        if isinstance(key.field, ListOf):
            assert prop["type"] == "array"
    names = [e.name for e in library.vocabularies["agencies"].entries]
    assert item["properties"]["issuer"]["items"]["enum"] == names


# --- api/documents/<id>.json: one document with its text -------------------------------------

@pytest.fixture(scope="module")
def document_validator(site):
    schema = json.loads((site / "api/document.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def document_file(site, doc_id: str) -> dict:
    return json.loads((site / f"api/documents/{doc_id}.json").read_text(encoding="utf-8"))


def test_every_public_document_has_its_file_and_it_validates(site, data, library, document_validator):
    files = {p.relative_to(site / "api/documents").as_posix().removesuffix(".json")
             for p in (site / "api/documents").rglob("*.json")}
    assert files == {doc.id for doc in library.public}
    for record in data["documents"]:
        assert record["data_url"] == SITE + f"api/documents/{record['id']}.json"
        full = document_file(site, record["id"])
        document_validator.validate(full)
        assert full["$schema"] == SITE + "api/document.schema.json"
        # The file repeats the documents.json record, in the same order, then adds the details.
        assert list(full)[1:len(record) + 1] == list(record)
        assert {key: full[key] for key in record} == record
        assert list(full)[len(record) + 1:] == ["text", "html", "related", "collections"]
    printed = [r for r in data["documents"] if r["printed"]]
    assert printed and all(document_file(site, r["id"])["printed"] == r["printed"] for r in printed)


@pytest.mark.parametrize("tamper", [
    lambda d: d.update(text=None),
    lambda d: d.update(printed={"issue": SITE + "issues/2024/5/", "start_page": 0, "end_page": 3}),
    lambda d: d.update(printed={"start_page": 1, "end_page": 3}),
    lambda d: d["related"].append({"relation": "repeals", "title": "缺少网址"}),
    lambda d: d.update(extra=1),
])
def test_the_document_schema_rejects_what_is_not_declared(site, library, document_validator, tamper):
    broken = document_file(site, library.public[0].id)
    tamper(broken)
    with pytest.raises(ValidationError):
        document_validator.validate(broken)


def test_each_file_names_the_collections_that_hold_it(site, library):
    held = {}
    for collection in library.collections:
        for member in collection.members:
            held.setdefault(member.id, []).append(SITE + f"collections/{collection.slug}/")
    assert held  # the sample's 专题 hold documents
    for doc in library.public:
        assert [c["url"] for c in document_file(site, doc.id)["collections"]] == held.get(doc.id, [])


def test_the_printed_pages_have_a_declared_shape(site, library, document_validator):
    full = document_file(site, library.public[0].id)
    full["printed"] = {"issue": SITE + "issues/2024/5/", "start_page": 3, "end_page": 6}
    document_validator.validate(full)


def test_the_text_is_what_the_page_shows(site, library):
    from gazette.library.htmltext import html_text

    for doc in library.public:
        full = document_file(site, doc.id)
        page = (site / doc.url / "index.html").read_text(encoding="utf-8")
        body = page.split('<div class="gz-document__body">', 1)[1].split('<p class="gz-print-only">', 1)[0]
        shown = "".join(html_text(body).split())
        assert full["text"].strip() and not re.search(r"</?[a-z]", full["text"]), doc.id  # text, not markup
        for line in full["text"].splitlines():
            assert "".join(line.split()) in shown, (doc.id, line)
        assert "¶" not in full["text"] and "¶" not in full["html"]


def test_the_html_is_sanitised_with_full_urls(site):
    faq = document_file(site, "2024/faq-fgj-dianti")
    assert f'<a href="{SITE}documents/2024/ptfb-2024-21/">《普陀区既有多层住宅加装电梯财政补贴实施办法》</a>' in faq["html"]
    assert "<h2" in faq["html"] and "headerlink" not in faq["html"] and ".md" not in faq["html"]


def test_related_documents_are_resolved_both_ways_with_titles(site, data, library):
    by_url = {d["url"]: d for d in data["documents"]}
    seen = set()
    for record in data["documents"]:
        full = document_file(site, record["id"])
        expected = [(key, url) for key in ("interprets", "interpreted_by", "repeals", "supersedes", "amends",
                                           "repealed_by", "superseded_by", "amended_by")
                    for url in ([record[key]] if key == "interprets" and record[key] else
                                [] if key == "interprets" else record[key])]
        assert [(r["relation"], r["url"]) for r in full["related"]] == expected, record["id"]
        for entry in full["related"]:
            target = by_url[entry["url"]]
            assert (entry["id"], entry["title"], entry["doc_number"], entry["status"]) == (
                target["id"], target["title"], target["doc_number"], target["status"])
            assert entry["data_url"] == target["data_url"]
            seen.add(entry["relation"])
    assert {"interprets", "interpreted_by", "repeals", "repealed_by", "supersedes", "amends"} <= seen


def test_body_links_follow_the_publication_gate(project):
    from gazette.emit.bodydata import BodyData
    from gazette.project import load_and_check
    from projects import NOTICE_HEAD

    hidden = POLICY_HIDDEN
    body = ("见[隐藏文件](hidden-2024-1.md)、[示例办法](ptfb-2024-1.md#一总体要求)、[附表](附表.csv)、"
            "[本页](#top)、[外部](https://www.shanghai.gov.cn/)。\n\n<script>alert(1)</script>\n")
    root = project({"content/documents/2024/hidden-2024-1.md": hidden,
                    "content/documents/2024/附表.csv": "a,b\n",
                    "content/documents/2024/gg-2024-1.md": NOTICE_HEAD + "\n" + body})
    library, _ = load_and_check(root)
    html = unquote(BodyData(library).html(library.documents["2024/gg-2024-1"]))  # URLs may be percent-encoded
    base = "https://gazette.example.gov.cn/"
    assert "见隐藏文件、" in html and "hidden-2024-1" not in html
    assert f'href="{base}documents/2024/ptfb-2024-1/#一总体要求"' in html
    assert f'href="{base}documents/2024/附表.csv"' in html
    assert f'href="{base}documents/2024/gg-2024-1/#top"' in html
    assert 'href="https://www.shanghai.gov.cn/"' in html
    assert "script" not in html and "alert" not in html


POLICY_HIDDEN = """\
---
title: 关于内部事项的通知
kind: 公告通报
issuer: 区府办
published: 2024-03-05
disclosure: 依申请公开
---

内部正文。
"""
