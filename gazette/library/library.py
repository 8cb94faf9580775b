"""The Library: every document, issue and vocabulary of a project, resolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .. import urls
from ..config import Config
from ..model.docnumber import DocNumber
from ..model.relations import CHANGES
from ..model.vocabulary import Vocabularies
from .collection import Collection
from .document import Document
from .issue import Issue
from .listings import Listing, Route, listings, routes
from .validity import own_validity, settle
from .versions import Step, chains


@dataclass
class Library:
    config: Config
    vocabularies: Vocabularies
    build_date: dt.date
    documents: dict[str, Document] = field(default_factory=dict)  # every document, public or not
    issues: list[Issue] = field(default_factory=list)  # sorted by year, number
    collections: list[Collection] = field(default_factory=list)  # 专题, in /collections/ order
    # (number of documents, the public ones in order): `public` sorts again only when documents were added
    _public: tuple[int, list[Document]] = field(default=(-1, []), init=False, repr=False, compare=False)

    @cached_property
    def by_doc_number(self) -> dict[str, Document]:
        """发文字号 -> document (the first by id when two share one: a check reports it)."""
        index: dict[str, Document] = {}
        for doc in sorted(self.documents.values(), key=lambda d: d.id):
            if doc.doc_number:
                index.setdefault(doc.doc_number, doc)
        return index

    @cached_property
    def listings(self) -> dict[str, Listing]:
        """Listings by agency, topic, tag and kind (gazette.library.listings), computed once."""
        return listings(self)

    @cached_property
    def versions(self) -> dict[str, tuple[Step, ...]]:
        """Document id -> the 版本沿革 of its chain of changes (gazette.library.versions), computed once."""
        return chains(self.public)

    @cached_property
    def routes(self) -> list[Route]:
        """Every generated page of the site (gazette.library.listings), computed once."""
        return routes(self)

    def absolute(self, path: str) -> str:
        """The full URL of a site-relative path, from gazette.yml's site_url."""
        return urls.absolute(self.config.base_url, path)

    @property
    def public(self) -> list[Document]:
        """Published documents, newest first (a new list each time; sorted once while no document is added)."""
        if self._public[0] != len(self.documents):
            self._public = (len(self.documents),
                            sorted((d for d in self.documents.values() if d.is_public), key=lambda d: d.sort_key))
        return list(self._public[1])

    def collections_of(self, doc: Document) -> list[Collection]:
        """The collections (专题) that hold a public document, in /collections/ order."""
        return [c for c in self.collections if c.holds(doc)]

    def resolve(self, reference: str) -> Document | None:
        """A document by id or by 发文字号 (a sloppy 发文字号 spelling is tolerated)."""
        reference = reference.strip().removesuffix(".md").strip("/")
        reference = reference.removeprefix("documents/")
        if reference in self.documents:
            return self.documents[reference]
        if reference in self.by_doc_number:
            return self.by_doc_number[reference]
        number = DocNumber.read(reference)
        return self.by_doc_number.get(str(number)) if number else None

    def link_relations(self) -> None:
        """Resolve interprets / supersedes / amends / repeals both ways, then compute validity."""
        for doc in self.documents.values():
            if doc.interprets:
                target = self.resolve(doc.interprets)
                doc.interprets_doc = target
                if target is not None and doc.is_public:
                    target.interpreted_by.append(doc)
            for relation in CHANGES:
                resolved = [self.resolve(ref) or ref for ref in doc.values.get(relation.key, [])]
                doc.relations[relation.key] = resolved
                for target in resolved:
                    if isinstance(target, Document):
                        target.related_from.setdefault(relation.key, []).append(doc)
        for doc in self.documents.values():
            doc.interpreted_by.sort(key=lambda d: d.sort_key)
            doc.status, doc.newer = own_validity(doc, self.build_date)
        for doc in self.documents.values():
            settle(doc, self.build_date)
