"""Open data of one document with its text: /api/documents/<id>.json and its JSON Schema.

A file holds the document's record of documents.json (gazette.emit.opendata:
every column, in the same order), then the DETAIL columns: the body as plain
text and as sanitised HTML (gazette.emit.bodydata), the related documents
resolved with their titles and URLs, and the collections that hold it. `document_data`
builds the whole dict in one place; a new field is one more Column. Like
documents.json, the schema beside the files is derived from the columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import urls
from ..library.document import Document
from ..library.library import Library
from ..library.printed import NO_PDFS, Printing
from ..model.kinds import KINDS, STATES
from ..model.relations import CHANGES, INTERPRETS
from ..urls import DOCUMENT_DATA_SCHEMA
from .bodydata import BodyData
from .opendata import Column, columns, properties, record, schema_context, write_json
from .shapes import URL_SCHEMA

RELATED_PROPERTIES = {
    "relation": {"title": "关系", "description": "开放数据中的键名，如 repeals、interpreted_by。", "type": "string"},
    "label": {"title": "关系（中文）", "type": "string"},
    "id": {"title": "文件编号", "type": "string", "pattern": "^[a-z0-9][a-z0-9/-]*$"},
    "title": {"title": "标题", "type": "string"},
    "doc_number": {"title": "发文字号", "type": ["string", "null"]},
    "kind": {"title": "信息类别", "type": "string", "enum": [kind.name for kind in KINDS]},
    "status": {"title": "有效性", "type": "string", "enum": list(STATES)},
    "url": {"title": "网址", **URL_SCHEMA},
    "data_url": {"title": "全文数据", **URL_SCHEMA},
}
RELATED_ITEM = {"type": "object", "properties": RELATED_PROPERTIES, "required": list(RELATED_PROPERTIES),
                "additionalProperties": False}

COLLECTION_PROPERTIES = {
    "slug": {"title": "专题网址名", "type": "string"},
    "title": {"title": "专题名称", "type": "string"},
    "url": {"title": "网址", **URL_SCHEMA},
}
COLLECTION_ITEM = {"type": "object", "properties": COLLECTION_PROPERTIES, "required": list(COLLECTION_PROPERTIES),
                   "additionalProperties": False}

def relation_groups(doc: Document) -> Iterator[tuple[str, str, list]]:
    """(open-data key, 中文 label, documents) of every relation, both directions, in declared order."""
    yield INTERPRETS.key, INTERPRETS.label, [doc.interprets_doc] if doc.interprets_doc else []
    yield INTERPRETS.reverse_key, INTERPRETS.reverse_label, doc.interpreted_by
    for relation in CHANGES:
        yield relation.key, relation.label, doc.relations.get(relation.key, [])
    for relation in CHANGES:
        yield relation.reverse_key, relation.reverse_label, doc.related_from.get(relation.key, [])


def related(library: Library, doc: Document) -> list[dict]:
    """Related public documents, resolved: one entry per relation and document (others are left out)."""
    return [{"relation": key, "label": label, "id": target.id, "title": target.title,
             "doc_number": target.doc_number, "kind": target.kind, "status": target.status,
             "url": library.absolute(target.url), "data_url": library.absolute(urls.document_data(target.id))}
            for key, label, targets in relation_groups(doc)
            for target in targets if isinstance(target, Document) and target.is_public]


def collections(library: Library, doc: Document) -> list[dict]:
    """The 专题 that hold the document (gazette.library.collection)."""
    return [{"slug": c.slug, "title": c.title, "url": library.absolute(c.url)} for c in library.collections_of(doc)]


def detail_columns(bodies: BodyData) -> list[Column]:
    """What a document's own file adds to its documents.json record."""
    return [
        Column("text", "正文（纯文字）", lambda ctx: {"type": "string"}, lambda library, doc: bodies.text(doc),
               "读者在文件页面上看到的正文文字，每个段落、标题、列表项或表格单元格一行。"),
        Column("html", "正文（HTML）", lambda ctx: {"type": "string", "contentMediaType": "text/html"},
               lambda library, doc: bodies.html(doc),
               "经与网站相同的清理（只保留允许的标记）后的正文 HTML，链接和图片为完整网址。"),
        Column("related", "相关文件", lambda ctx: {"type": "array", "items": RELATED_ITEM}, related,
               "解读、废止、替代、修改关系两个方向上的公开文件，含标题和网址。"),
        Column("collections", "所属专题", lambda ctx: {"type": "array", "items": COLLECTION_ITEM}, collections,
               "收录本文件的专题，按专题列表的顺序。"),
    ]


def document_data(library: Library, doc: Document, bodies: BodyData, printing: Printing = NO_PDFS) -> dict:
    """The whole open data of one public document: its documents.json record, then the details."""
    return {"$schema": library.absolute(DOCUMENT_DATA_SCHEMA),
            **record(library, doc, [*columns(printing), *detail_columns(bodies)])}


def document_schema(library: Library) -> dict:
    """The JSON Schema (draft 2020-12) of api/documents/<id>.json, derived from the columns."""
    cols = [*columns(), *detail_columns(BodyData(library))]
    props = {"$schema": URL_SCHEMA, **properties(cols, schema_context(library))}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": library.absolute(DOCUMENT_DATA_SCHEMA),
        "title": f"{library.config.name}开放数据：一份文件的元数据和全文",
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


def write_document_data(library: Library, site_dir: Path, printing: Printing = NO_PDFS) -> None:
    """api/documents/<id>.json for every public document, and their schema."""
    bodies = BodyData(library)
    for doc in library.public:
        write_json(site_dir, urls.document_data(doc.id), document_data(library, doc, bodies, printing))
    write_json(site_dir, DOCUMENT_DATA_SCHEMA, document_schema(library))
