"""One issue (期) of the gazette: its manifest, resolved to documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import urls
from ..yamlsource import YamlDoc


@dataclass
class Section:
    title: str
    documents: list = field(default_factory=list)  # public Documents, in print order


@dataclass(eq=False)
class Issue:
    rel: str
    front: YamlDoc
    year: int
    number: int
    date: dt.date
    total: int | None = None
    sections: list[Section] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def url(self) -> str:
        return urls.issue(self.year, self.number)

    @property
    def title(self) -> str:
        return f"{self.year}年第{self.number}期"

    @property
    def documents(self) -> list:
        return [doc for section in self.sections for doc in section.documents]
