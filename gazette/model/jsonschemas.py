"""JSON Schemas (draft-07) for editors' YAML tooling, derived from the declared schemas.

Draft-07 because yaml-language-server and most editor plugins implement it;
everything used here (if/then, anyOf, enum, pattern, format) is draft-07.
Titles and descriptions are the Chinese labels and help of each key; the
project's vocabularies become enums and its service hosts a URL pattern.
What one file's schema cannot express (date order, uniqueness across files,
relations, the body) is left to `gazette check` and listed in the editor's guide.
"""

from __future__ import annotations

from typing import Any

from .fields import Context, ecma_escape
from .collection import COLLECTION_SCHEMA
from .keys import PLACEHOLDER
from .kinds import GENRES, KINDS, TITLE_CLOSERS
from .manifest import ISSUE_SCHEMA
from .schema import ALL, DOCUMENT_SCHEMA, Schema
from .settings import CONFIG_SCHEMA
from .vocabulary import VOCABULARY_LABELS, VOCABULARY_SCHEMAS

DRAFT = "http://json-schema.org/draft-07/schema#"
BASE_ID = "https://gazette.example/schemas/"


def properties(schema: Schema, ctx: Context) -> dict[str, dict]:
    """One property per declared key: Chinese title and description, the field's constraints."""
    result = {}
    for key in schema:
        prop = {"title": key.label, "description": key.description, **key.field.json_schema(ctx)}
        if key.default is not None:
            prop["default"] = key.default
        result[key.name] = _no_placeholders(prop)
    return result


def _no_placeholders(node: Any) -> Any:
    """Free text must not still hold a `gazette new` placeholder (【待填写……】)."""
    if isinstance(node, dict):
        node = {k: _no_placeholders(v) for k, v in node.items()}
        if node.get("type") == "string" and "enum" not in node:
            node["not"] = {"pattern": ecma_escape(PLACEHOLDER)}
        return node
    if isinstance(node, list):
        return [_no_placeholders(item) for item in node]
    return node


def _object(schema: Schema, ctx: Context, title: str, kind: str | None = None) -> dict:
    return {
        "title": title,
        "type": "object",
        "properties": properties(schema, ctx),
        "required": [key.name for key in schema if key.required_for(kind)],
        "additionalProperties": False,
    }


def _kind_conditions() -> list[dict]:
    """Keys required only for some kinds (发文字号 for 政策文件, …)."""
    conditions = []
    for kind in KINDS:
        extra = [k.name for k in DOCUMENT_SCHEMA if kind.name in k.required and k.required != ALL]
        if extra:
            conditions.append({"if": {"properties": {"kind": {"const": kind.name}}, "required": ["kind"]},
                               "then": {"required": extra}})
    return conditions


def _genre_conditions() -> list[dict]:
    """A title ending in a 文种 (…的通知) allows only that genre (what gazette.model.kinds.genre_of_title reads)."""
    closers = "[" + ecma_escape(TITLE_CLOSERS) + "]*$"
    return [{"if": {"properties": {"title": {"type": "string", "pattern": ecma_escape(genre) + closers}}, "required": ["title"]},
             "then": {"properties": {"genre": {"const": genre}}}}
            for genre in GENRES]


def document_schema(ctx: Context | None = None) -> dict:
    """A document's front matter."""
    ctx = ctx or Context()
    schema = _object(DOCUMENT_SCHEMA, ctx, "政府公报文件头部信息", kind=None)
    schema["allOf"] = _kind_conditions() + _genre_conditions()
    return {"$schema": DRAFT, "$id": BASE_ID + "front-matter.json", **schema}


def issue_schema(ctx: Context | None = None) -> dict:
    """An issue manifest (issues/*.yml)."""
    return {"$schema": DRAFT, "$id": BASE_ID + "issue.json", **_object(ISSUE_SCHEMA, ctx or Context(), "政府公报期刊目录")}


def vocabulary_schema(name: str, ctx: Context | None = None) -> dict:
    """A vocabulary file (content/_data/<name>.yml): a list of entries."""
    entry = _object(VOCABULARY_SCHEMAS[name], ctx or Context(), f"{VOCABULARY_LABELS[name]}的一项")
    return {"$schema": DRAFT, "$id": BASE_ID + f"{name}.json", "title": VOCABULARY_LABELS[name],
            "type": "array", "items": entry}


def collection_schema(ctx: Context | None = None) -> dict:
    """A collection's front matter (content/collections/*.md)."""
    return {"$schema": DRAFT, "$id": BASE_ID + "collection.json",
            **_object(COLLECTION_SCHEMA, ctx or Context(), "政府公报专题头部信息")}


def config_schema(ctx: Context | None = None) -> dict:
    """The project settings (gazette.yml)."""
    return {"$schema": DRAFT, "$id": BASE_ID + "gazette.json", **_object(CONFIG_SCHEMA, ctx or Context(), "公报项目设置")}


# target -> (file name written by `gazette schema --dir`, the files it describes, builder)
TARGETS = {
    "document": ("front-matter.json", "content/documents/**/*.md 的头部信息", document_schema),
    "issue": ("issue.json", "issues/*.yml", issue_schema),
    "collection": ("collection.json", "content/collections/*.md 的头部信息", collection_schema),
    "agencies": ("agencies.json", "content/_data/agencies.yml", lambda ctx: vocabulary_schema("agencies", ctx)),
    "topics": ("topics.json", "content/_data/topics.yml", lambda ctx: vocabulary_schema("topics", ctx)),
    "tags": ("tags.json", "content/_data/tags.yml", lambda ctx: vocabulary_schema("tags", ctx)),
    "config": ("gazette.json", "gazette.yml", config_schema),
}
