"""/api/documents.json against its JSON Schema, and the schema against the declaration."""

import copy
import json

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
