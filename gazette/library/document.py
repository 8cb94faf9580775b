"""One document (政策文件, 政策解读, …) with its checked front matter and relations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import urls
from ..model.kinds import PUBLIC, VALID, genre_of_title
from ..model.schema import DOCUMENT_SCHEMA
from ..yamlsource import YamlDoc
from .source import FrontMatterSource


@dataclass(eq=False)
class Document(FrontMatterSource):
    SCHEMA = DOCUMENT_SCHEMA  # its front-matter keys (FrontMatterSource)

    id: str  # path below content/documents/ without .md
    path: Path
    rel: str  # path shown in messages
    values: dict[str, Any]  # checked front matter; invalid keys are absent
    front: YamlDoc
    body: str
    body_line: int  # file line of the body's first line
    # Filled in by the Library:
    status: str = VALID
    newer: list["Document"] = field(default_factory=list)  # what repealed / amended / superseded it
    interprets_doc: "Document | None" = None
    interpreted_by: list["Document"] = field(default_factory=list)
    relations: dict[str, list["Document | str"]] = field(default_factory=dict)  # key -> resolved (or unresolved text)
    related_from: dict[str, list["Document"]] = field(default_factory=dict)  # key -> documents naming this one
    issue: Any = None  # gazette.library.issue.Issue
    follows: "Document | None" = None  # the policy whose state an interpretation shows (gazette.library.validity)
    cited_by: list["Document"] = field(default_factory=list)  # public documents whose bodies link here, newest first


    @property
    def url(self) -> str:
        """Site-relative URL of the page, without a leading slash."""
        return urls.document(self.id)

    @property
    def is_public(self) -> bool:
        return self.values.get("disclosure") == PUBLIC

    @property
    def issuers(self) -> list[str]:
        return self.values.get("issuer") or []

    @property
    def effective_genre(self) -> str | None:
        return self.values.get("genre") or genre_of_title(self.title or "")

    @property
    def year(self) -> int | None:
        date: dt.date | None = self.values.get("signed") or self.values.get("published")
        return date.year if date else None

    @property
    def sort_key(self) -> tuple:
        """Newest first: published date, then document id."""
        published = self.values.get("published") or dt.date.min
        return (-published.toordinal(), self.id)
