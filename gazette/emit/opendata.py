"""Open data: /api/documents.json (every public document's metadata) and its JSON Schema.

The columns are the public keys of DOCUMENT_SCHEMA, in the declared order,
plus what the Library computes (validity, relations both ways, issue). Each
column declares its value and its JSON Schema together, so the data and the
schema published beside it cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..library.document import Document
from ..library.library import Library
from ..library.printed import NO_PDFS, Printing
from ..model.fields import Context
from ..model.kinds import STATES
from ..model.manifest import ISSUE_SCHEMA as MANIFEST
from ..model.relations import CHANGES, INTERPRETS
from ..model.schema import DOCUMENT_SCHEMA, Key
from .. import urls
from ..library.dates import latest, updated
from .shapes import URL_SCHEMA, is_list, plain, shape
from . import history
from ..urls import DOCUMENTS_JSON, DOCUMENTS_SCHEMA

Value = Callable[[Library, Document], Any]


@dataclass(frozen=True)
class Column:
    name: str
    label: str  # 中文
    schema: Callable[[Context], dict]
    value: Value
    help: str = ""


def pdf_url(library: Library, doc: Document) -> str:
    """The full URL of the document's print-edition PDF."""
    return library.absolute(urls.document_pdf(doc.id))


def issue_pdf_url(library: Library, issue) -> str:
    """The full URL of the issue's print-edition PDF."""
    return library.absolute(urls.issue_pdf(issue.year, issue.number))


def _urls(library: Library, docs) -> list[str]:
    """Absolute URLs of the public documents among `docs` (unresolved text and hidden ones left out)."""
    return [library.absolute(d.url) for d in docs if isinstance(d, Document) and d.is_public]


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _front_matter(key: Key) -> Column:
    """A public front-matter key as written (normalised): lists always lists, absent scalars null."""
    listed = is_list(key.field)
    always = key.default is not None or key.required_for()

    def value(library: Library, doc: Document) -> Any:
        raw = getattr(doc, key.name)
        if raw is None:
            return [] if listed else None
        return plain(key.field, raw, lambda file: library.absolute(urls.attachment(doc.id, file)))

    def schema(ctx: Context) -> dict:
        base = shape(key.field, ctx)
        return base if listed or always else _nullable(base)

    return Column(key.name, key.label, schema, value, key.description)


def _relation(key: str) -> Column:
    spec = DOCUMENT_SCHEMA[key]
    return Column(key, spec.label, lambda ctx: {"type": "array", "items": URL_SCHEMA},
                  lambda library, doc: _urls(library, doc.relations.get(key, [])),
                  f"{spec.help}（公开文件的网址）")


def _issue(library: Library, doc: Document) -> dict | None:
    issue = doc.issue
    if issue is None:
        return None
    return {"year": issue.year, "number": issue.number, "total": issue.total, "title": issue.title,
            "date": issue.date.isoformat(), "url": library.absolute(issue.url), "pdf_url": issue_pdf_url(library, issue)}



def _issue_schema(ctx: Context) -> dict:
    """An issue as open data: the manifest's own keys (declared in gazette.model.manifest), title and URLs."""
    props = {key: {"title": MANIFEST[key].label, **shape(MANIFEST[key].field, ctx)} for key in ("year", "number")}
    props["total"] = {"title": MANIFEST["total"].label, **_nullable(shape(MANIFEST["total"].field, ctx))}
    props["title"] = {"title": "期次", "type": "string"}
    props["date"] = {"title": MANIFEST["date"].label, **shape(MANIFEST["date"].field, ctx)}
    props["url"] = {"title": "网址", **URL_SCHEMA}
    props["pdf_url"] = {"title": "印刷版 PDF", **_nullable(URL_SCHEMA)}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


# Keys whose published value is what the Library computed, not what the editor wrote.
OVERRIDES = {
    "status": Column("status", "有效性", lambda ctx: {"type": "string", "enum": list(STATES)},
                     lambda library, doc: doc.status, "计算所得的有效性：填写的有效性优先，其次为被废止、被修改或替代、过期；"
                     "政策解读随所解读的政策文件，有截止日期的申报通知为“申报中”或“已截止”。"),
    "genre": Column("genre", "文种", lambda ctx: _nullable(shape(DOCUMENT_SCHEMA["genre"].field, ctx)),
                    lambda library, doc: doc.effective_genre, "填写的文种，未填写时从标题结尾推断。"),
    INTERPRETS.key: Column(INTERPRETS.key, INTERPRETS.name, lambda ctx: _nullable(URL_SCHEMA),
                           lambda library, doc: next(iter(_urls(library, [doc.interprets_doc])), None),
                           "被解读的政策文件的网址。"),
    **{relation.key: _relation(relation.key) for relation in CHANGES},
}

COMPUTED = [
    Column("id", "文件编号", lambda ctx: {"type": "string", "pattern": "^[a-z0-9][a-z0-9/-]*$"},
           lambda library, doc: doc.id, "content/documents/ 下不含 .md 的路径。"),
    Column("url", "网址", lambda ctx: URL_SCHEMA, lambda library, doc: library.absolute(doc.url)),
]
COMPUTED_AFTER = [
    Column("updated", "更新日期", lambda ctx: {"type": "string", "format": "date"},
           lambda library, doc: updated(doc).isoformat(), "发布日期与废止、修改或替代它的文件的发布日期中最晚的一个。"),
    Column(INTERPRETS.reverse_key, INTERPRETS.reverse_label, lambda ctx: {"type": "array", "items": URL_SCHEMA},
           lambda library, doc: _urls(library, doc.interpreted_by), "解读本文件的政策解读的网址。"),
    *[Column(r.reverse_key, r.reverse_label, lambda ctx: {"type": "array", "items": URL_SCHEMA},
             lambda library, doc, key=r.key: _urls(library, doc.related_from.get(key, [])))
      for r in CHANGES],
    *[Column(name, label, lambda ctx, schema=schema: schema, value, help)
      for name, label, schema, value, help in history.COLUMNS],
    Column("data_url", "全文数据", lambda ctx: URL_SCHEMA,
           lambda library, doc: library.absolute(urls.document_data(doc.id)),
           "本文件开放数据（含正文全文和相关文件）的网址。"),
]


def printed_columns(printing: Printing) -> list[Column]:
    """The columns that depend on the print edition of this build: the issue (with its PDF), the document's
    PDF, its printed pages. Without PDFs in the build, the PDF addresses are null."""
    def issue(library: Library, doc: Document) -> dict | None:
        value = _issue(library, doc)
        return value if value is None or printing.pdfs else {**value, "pdf_url": None}

    def pdf(library: Library, doc: Document) -> str | None:
        return pdf_url(library, doc) if printing.pdfs else None

    def pages(library: Library, doc: Document) -> dict | None:
        printed = printing.of(doc.id)
        if printed is None:
            return None
        return {"issue": library.absolute(printed.issue.url), "start_page": printed.start, "end_page": printed.end}

    return [
        Column("issue", "刊登期次", lambda ctx: _nullable(_issue_schema(ctx)), issue, "收录本文件的一期公报。"),
        Column("pdf_url", "PDF 版", lambda ctx: _nullable(URL_SCHEMA), pdf,
               "本文件单行本 PDF 的网址；未生成印刷版时为 null。"),
        Column("printed", "刊登页码", lambda ctx: _nullable(PRINTED_SCHEMA), pages,
               "本文件在所刊登一期公报印刷版中的起止页码（与 PDF 上印的页码相同）；不在任何一期中或未生成印刷版时为 null。"),
    ]


PRINTED_SCHEMA = {
    "type": "object",
    "properties": {"issue": {"title": "期次网址", **URL_SCHEMA},
                   "start_page": {"title": "起始页", "type": "integer", "minimum": 1},
                   "end_page": {"title": "终止页", "type": "integer", "minimum": 1}},
    "required": ["issue", "start_page", "end_page"],
    "additionalProperties": False,
}


def columns(printing: Printing = NO_PDFS) -> list[Column]:
    """Every column of a document record, in order."""
    keys = [OVERRIDES.get(key.name) or _front_matter(key) for key in DOCUMENT_SCHEMA if key.public]
    return [*COMPUTED, *keys, *COMPUTED_AFTER, *printed_columns(printing)]


def record(library: Library, doc: Document, cols: list[Column]) -> dict:
    return {col.name: col.value(library, doc) for col in cols}


def documents_json(library: Library, printing: Printing = NO_PDFS) -> dict:
    cols = columns(printing)
    public = library.public
    return {
        "$schema": library.absolute(DOCUMENTS_SCHEMA),
        "name": library.config.name,
        "publisher": library.config.publisher,
        "url": library.absolute(""),
        "updated": latest(public).isoformat(),
        "count": len(public),
        "documents": [record(library, doc, cols) for doc in public],
    }


def properties(cols: list[Column], ctx: Context) -> dict[str, dict]:
    """The JSON Schema properties of `cols`: title, description and the declared shape."""
    return {c.name: {"title": c.label, **({"description": c.help} if c.help else {}), **c.schema(ctx)} for c in cols}


def schema_context(library: Library) -> Context:
    return Context(vocabularies=library.vocabularies, config=library.config)


def json_schema(library: Library) -> dict:
    """The JSON Schema (draft 2020-12) of documents.json, derived from the column declarations."""
    ctx = schema_context(library)
    cols = columns()
    item = {
        "type": "object",
        "properties": properties(cols, ctx),
        "required": [c.name for c in cols],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": library.absolute(DOCUMENTS_SCHEMA),
        "title": f"{library.config.name}开放数据：文件元数据",
        "type": "object",
        "properties": {
            "$schema": URL_SCHEMA, "name": {"type": "string"}, "publisher": {"type": "string"},
            "url": URL_SCHEMA, "updated": {"type": "string", "format": "date"},
            "count": {"type": "integer", "minimum": 0}, "documents": {"type": "array", "items": item},
        },
        "required": ["$schema", "name", "publisher", "url", "updated", "count", "documents"],
        "additionalProperties": False,
    }


def write_json(site_dir: Path, path: str, data: dict) -> None:
    """One open-data file, in the format of them all: UTF-8, keys in declared order, indented."""
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_open_data(library: Library, site_dir: Path, printing: Printing = NO_PDFS) -> None:
    write_json(site_dir, DOCUMENTS_JSON, documents_json(library, printing))
    write_json(site_dir, DOCUMENTS_SCHEMA, json_schema(library))
