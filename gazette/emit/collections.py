"""Open data of the collections (专题): /api/collections.json and its JSON Schema.

Each record holds the collection's front-matter keys (declared in
gazette.model.collection, in their normal form: lists are lists, absent
scalars null) and what the Library computed: its URL, its feed and every
public member. The schema derives from the same declarations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import urls
from ..library.collection import Collection
from ..library.library import Library
from ..model.collection import COLLECTION_SCHEMA, SLUG
from ..model.fields import Context
from ..model.schema import DOCUMENT_SCHEMA
from .shapes import URL_SCHEMA, is_list, plain, shape

MEMBERS = "documents"  # the front-matter key whose open-data value is every member, listed or gathered by tag


def _front_matter(collection: Collection) -> dict[str, Any]:
    values = {}
    for key in COLLECTION_SCHEMA:
        if key.name == MEMBERS:
            continue
        raw = collection.values.get(key.name)
        values[key.name] = ([] if is_list(key.field) else None) if raw is None else plain(key.field, raw, str)
    return values


def record(library: Library, collection: Collection) -> dict:
    return {
        "slug": collection.slug,
        "url": library.absolute(collection.url),
        "feed_url": library.absolute(urls.feed(urls.COLLECTION_GROUP, collection.slug)),
        **_front_matter(collection),
        MEMBERS: [{"id": doc.id, "url": library.absolute(doc.url), "kind": doc.kind} for doc in collection.members],
    }


def collections_json(library: Library) -> dict:
    return {
        "$schema": library.absolute(urls.COLLECTIONS_SCHEMA),
        "name": library.config.name,
        "url": library.absolute(urls.COLLECTIONS),
        "count": len(library.collections),
        "collections": [record(library, c) for c in library.collections],
    }


def _property(key, ctx: Context) -> dict:
    base = shape(key.field, ctx)
    if not (is_list(key.field) or key.required_for()):
        base = {"anyOf": [base, {"type": "null"}]}
    return {"title": key.label, "description": key.description, **base}


def json_schema(library: Library) -> dict:
    """The JSON Schema (draft 2020-12) of collections.json, derived from COLLECTION_SCHEMA."""
    ctx = Context(vocabularies=library.vocabularies, config=library.config)
    member = {"type": "object", "properties": {
        "id": {"title": "文件编号", "type": "string", "pattern": "^[a-z0-9][a-z0-9/-]*$"},
        "url": {"title": "网址", **URL_SCHEMA},
        "kind": {"title": "信息类别", **shape(DOCUMENT_SCHEMA["kind"].field, ctx)},
    }, "required": ["id", "url", "kind"], "additionalProperties": False}
    props = {
        "slug": {"title": "网址名", "type": "string", "pattern": SLUG},
        "url": {"title": "网址", **URL_SCHEMA},
        "feed_url": {"title": "订阅源（Atom）", **URL_SCHEMA},
        **{key.name: _property(key, ctx) for key in COLLECTION_SCHEMA if key.name != MEMBERS},
        MEMBERS: {"title": COLLECTION_SCHEMA[MEMBERS].label,
                  "description": "本专题收录的全部主动公开文件（逐项列出的和按标签收录的），按专题页面的顺序：逐项列出的在前，按标签收录的在后（从新到旧）。",
                  "type": "array", "items": member},
    }
    item = {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": library.absolute(urls.COLLECTIONS_SCHEMA),
        "title": f"{library.config.name}开放数据：专题",
        "type": "object",
        "properties": {"$schema": URL_SCHEMA, "name": {"type": "string"}, "url": URL_SCHEMA,
                       "count": {"type": "integer", "minimum": 0}, "collections": {"type": "array", "items": item}},
        "required": ["$schema", "name", "url", "count", "collections"],
        "additionalProperties": False,
    }


def write_collections(library: Library, site_dir: Path) -> None:
    for path, data in ((urls.COLLECTIONS_JSON, collections_json(library)), (urls.COLLECTIONS_SCHEMA, json_schema(library))):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
