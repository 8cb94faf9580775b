"""版本沿革: the documents linked by supersedes / amends / repeals, as one dated timeline.

A chain is every public document joined to another by a change relation
(gazette.model.relations), in either direction and through any number of
steps; every document of a chain shows the same timeline, oldest first. A
document that is not public is never part of a chain (its title appears
nowhere), so a chain does not pass through one.

The current version (现行版本) is the newest document of the chain that is in
force and that no document changes; a chain whose documents are all repealed,
expired or amended has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model.kinds import OPEN, VALID
from ..model.relations import CHANGES, Relation
from .document import Document

IN_FORCE = (VALID, OPEN)


@dataclass(frozen=True)
class Act:
    """What one document of a chain does to others of it: 修改 these, 废止 those."""

    relation: Relation
    targets: tuple[Document, ...]


@dataclass(frozen=True)
class Step:
    doc: Document
    acts: tuple[Act, ...]
    current: bool

    @property
    def date(self) -> dt.date:
        return self.doc.published


def _changes(doc: Document) -> list[Document]:
    """The public documents this one repeals, supersedes or amends."""
    return [t for r in CHANGES for t in doc.relations.get(r.key, []) if isinstance(t, Document) and t.is_public]


def _changed_by(doc: Document) -> list[Document]:
    """The public documents that repeal, supersede or amend this one."""
    return [d for r in CHANGES for d in doc.related_from.get(r.key, []) if d.is_public]


def _chronological(docs: Iterable[Document]) -> list[Document]:
    return sorted(docs, key=lambda d: (d.published or dt.date.min, d.id))


def _reach(doc: Document, step: Callable[[Document], list[Document]]) -> set[Document]:
    seen: set[Document] = set()
    todo = [doc]
    while todo:
        for other in step(todo.pop()):
            if other not in seen and other is not doc:
                seen.add(other)
                todo.append(other)
    return seen


def earlier(doc: Document) -> list[Document]:
    """Every public document this one changes, directly or through the documents it changes, oldest first."""
    return _chronological(_reach(doc, _changes))


def later(doc: Document) -> list[Document]:
    """Every public document that changes this one, directly or through others, oldest first."""
    return _chronological(_reach(doc, _changed_by))


def _is_current_candidate(doc: Document) -> bool:
    return doc.status in IN_FORCE and not any(doc.related_from.get(r.key) for r in CHANGES)


def chains(public: Iterable[Document]) -> dict[str, tuple[Step, ...]]:
    """Document id -> the timeline of its chain, for every public document in a chain."""
    result: dict[str, tuple[Step, ...]] = {}
    for doc in public:
        if doc.id in result or not (_changes(doc) or _changed_by(doc)):
            continue
        members = _chronological(_reach(doc, lambda d: _changes(d) + _changed_by(d)) | {doc})
        current = next((d for d in reversed(members) if _is_current_candidate(d)), None)
        timeline = tuple(Step(d, _acts(d), d is current) for d in members)
        for member in members:
            result[member.id] = timeline
    return result


def _acts(doc: Document) -> tuple[Act, ...]:
    acts = []
    for relation in CHANGES:
        targets = [t for t in doc.relations.get(relation.key, []) if isinstance(t, Document) and t.is_public]
        if targets:
            acts.append(Act(relation, tuple(_chronological(targets))))
    return tuple(acts)
