"""One collection (专题): its checked front matter, intro body and resolved members."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import urls
from ..model.collection import COLLECTION_SCHEMA
from ..yamlsource import YamlDoc
from .source import FrontMatterSource
from .document import Document


@dataclass(frozen=True)
class Listed:
    """One item of a collection's `documents`: what the editor wrote and what it resolved to."""

    index: int  # position in `documents` (for the line of a finding)
    reference: str
    document: Document | None  # None: no such document


@dataclass(eq=False)
class Collection(FrontMatterSource):
    SCHEMA = COLLECTION_SCHEMA  # its front-matter keys (FrontMatterSource)

    slug: str  # the file name without .md
    path: Path
    rel: str  # path shown in messages
    values: dict[str, Any]  # checked front matter; invalid keys are absent
    front: YamlDoc
    body: str
    body_line: int
    # Filled in by the Library:
    listed: list[Listed] = field(default_factory=list)
    members: list[Document] = field(default_factory=list)  # public documents: listed ones in order, then by tag
    tagged: set[str] = field(default_factory=set)  # ids of members that joined only through `tags`

    is_public = True  # a collection is always published (its members are checked one by one)


    @property
    def url(self) -> str:
        return urls.collection(self.slug)

    @property
    def sort_key(self) -> tuple:
        """Position on /collections/: `order` first (absent last), then slug."""
        order = self.values.get("order")
        return (order is None, order or 0, self.slug)

    def holds(self, doc: Document) -> bool:
        return any(member is doc for member in self.members)

    def member_line(self, doc: Document) -> int:
        """The line that brings `doc` into the collection: its `documents` item, else `tags`."""
        for item in self.listed:
            if item.document is doc:
                return self.line("documents", item.index)
        return self.line("tags")


def resolve_members(collection: Collection, library) -> None:
    """Resolve `documents` and gather by `tags` (library: gazette.library.library.Library)."""
    collection.listed = [Listed(index, ref, library.resolve(ref))
                         for index, ref in enumerate(collection.values.get("documents", []))]
    members: list[Document] = []
    for item in collection.listed:
        doc = item.document
        if doc is not None and doc.is_public and all(m is not doc for m in members):
            members.append(doc)
    tags = set(collection.values.get("tags", []))
    for doc in library.public:  # newest first
        if tags & set(doc.tags or []) and all(m is not doc for m in members):
            members.append(doc)
            collection.tagged.add(doc.id)
    collection.members = members
