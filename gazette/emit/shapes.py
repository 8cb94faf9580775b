"""Front-matter field types as they appear in open data: their JSON value and JSON Schema.

The front matter accepts shortcuts (one value for a list, short agency names);
open data has one normal form: lists are lists, names are full names, dates are
ISO strings, attached files are URLs. Both functions dispatch on the field type
declared in gazette.model, so a new key needs no code here.
"""

from __future__ import annotations

import datetime as dt
from functools import singledispatch
from typing import Any, Callable

from ..model.fields import Context, Date, Field, FilePath, ListOf, Record, Vocab

FileUrl = Callable[[str], str]  # an attachment's file name -> its absolute URL

URL_SCHEMA = {"type": "string", "format": "uri", "pattern": "^https?://"}


def is_list(field: Field) -> bool:
    return isinstance(field, ListOf) or (isinstance(field, Vocab) and field.many)


@singledispatch
def shape(field: Field, ctx: Context) -> dict:
    """The JSON Schema of a field's normal form."""
    return field.json_schema(ctx)


@shape.register
def _(field: Date, ctx: Context) -> dict:
    return {"type": "string", "format": "date"}


@shape.register
def _(field: FilePath, ctx: Context) -> dict:
    return dict(URL_SCHEMA)


@shape.register
def _(field: Vocab, ctx: Context) -> dict:
    names = [entry.name for entry in ctx.vocabularies[field.vocabulary].entries]
    one = {"type": "string", "enum": names}
    return {"type": "array", "items": one} if field.many else one


@shape.register
def _(field: ListOf, ctx: Context) -> dict:
    return {"type": "array", "items": shape(field.item, ctx)}


@shape.register
def _(field: Record, ctx: Context) -> dict:
    return {
        "type": "object",
        "properties": {key: {"title": name, **shape(sub, ctx)} for key, (name, sub) in field.fields.items()},
        "required": list(field.fields),
        "additionalProperties": False,
    }


@singledispatch
def plain(field: Field, value: Any, file_url: FileUrl) -> Any:
    """A checked front-matter value in its normal form (JSON-ready)."""
    return value


@plain.register
def _(field: Date, value: dt.date, file_url: FileUrl) -> str:
    return value.isoformat()


@plain.register
def _(field: FilePath, value: str, file_url: FileUrl) -> str:
    return file_url(value)


@plain.register
def _(field: ListOf, value: list, file_url: FileUrl) -> list:
    return [plain(field.item, item, file_url) for item in value]


@plain.register
def _(field: Record, value: dict, file_url: FileUrl) -> dict:
    return {key: plain(sub, value[key], file_url) for key, (_, sub) in field.fields.items()}
