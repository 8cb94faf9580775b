"""The views of /collections/ and /collections/<slug>/ (专题): members grouped by kind, validity shown.

A collection page lists its members in the groups of gazette.model.collection.GROUPS:
each policy with the interpretations of it that the collection holds beside it,
then FAQs, open calls (申报中 first, by nearest deadline), notices. Every row shows
its validity; a call in force shows its deadline state (申报中 or 已截止) instead of 有效.
"""

from __future__ import annotations

import datetime as dt

from .. import urls
from ..emit.catalogue import feed_link
from ..library.collection import Collection
from ..library.document import Document
from ..library.library import Library
from ..library.listings import Route
from ..model.collection import GROUPS, NOT_IN_FORCE
from ..model.kinds import CALL, INTERPRETATION, POLICY
from .views import Views, date_view

OPEN, CLOSED = "申报中", "已截止"
STATE_CLASSES = {OPEN: "valid", CLOSED: "expired"}


def collections_index_view(library: Library, views: Views, route: Route) -> dict:
    rows = [{"title": c.title, "url": c.url, "summary": c.summary, "count": len(c.members),
             "groups": [{"title": title, "count": count} for title, count in _counts(c)]}
            for c in library.collections]
    return {"heading": "专题", "intro": "围绕一个主题或一件事，集中发布相关的政策文件、政策解读、常见问题、申报通知和公告，并附办事入口。",
            "collections": rows}


def _counts(collection: Collection) -> list[tuple[str, int]]:
    counts = []
    for _, title, kinds in GROUPS:
        count = sum(1 for doc in collection.members if doc.kind in kinds)
        if count:
            counts.append((title, count))
    return counts


def collection_view(library: Library, views: Views, collection: Collection) -> dict:
    groups = []
    for anchor, title, kinds in GROUPS:
        members = [doc for doc in collection.members if doc.kind in kinds]
        if not members:
            continue
        rows = _policy_rows(views, collection, members, library.build_date) if POLICY in kinds else \
            [_row(views, doc, library.build_date) for doc in _calls_first(members, library.build_date)]
        groups.append({"anchor": anchor, "title": title, "count": len(members), "rows": rows})
    return {
        "heading": collection.title,
        "intro": collection.summary,
        "count": len(collection.members),
        "groups": groups,
        "services": list(collection.services or []),
        "tags": [views.entry("tags", "tags", name) for name in collection.tags or []],
        "feed": feed_link(urls.COLLECTION_GROUP, collection.slug, collection.title, len(collection.members)),
    }


def _policy_rows(views: Views, collection: Collection, members: list[Document], today: dt.date) -> list[dict]:
    """Each policy with the interpretations of it beside it; other interpretations on their own, after."""
    policies = [doc for doc in members if doc.kind == POLICY]
    readings = [doc for doc in members if doc.kind == INTERPRETATION]
    rows, placed = [], set()
    for policy in policies:
        row = _row(views, policy, today)
        beside = [r for r in readings if r.interprets_doc is policy]
        row["readings"] = [_row(views, r, today) for r in beside]
        placed.update(id(r) for r in beside)
        rows.append(row)
    for reading in readings:
        if id(reading) not in placed:
            row = _row(views, reading, today)
            row["interprets"] = views.reference(reading.interprets_doc) if reading.interprets_doc else None
            rows.append(row)
    return rows


def _calls_first(members: list[Document], today: dt.date) -> list[Document]:
    """Open calls by nearest deadline first, then calls without a deadline, then closed calls, latest first."""
    def key(doc: Document) -> tuple:
        if doc.kind != CALL or not doc.deadline:
            return (1, 0)
        if doc.deadline >= today and doc.status not in NOT_IN_FORCE:
            return (0, doc.deadline.toordinal())
        return (2, -doc.deadline.toordinal())
    return sorted(members, key=key)  # stable: members keep their collection order within a rank


def _row(views: Views, doc: Document, today: dt.date) -> dict:
    row = views.link(doc)
    row["state"], row["state_class"] = doc.status, row["status_class"]
    if doc.kind == CALL and doc.deadline:
        row["deadline"] = date_view(doc.deadline)
        if doc.status not in NOT_IN_FORCE:
            row["state"] = OPEN if doc.deadline >= today else CLOSED
            row["state_class"] = STATE_CLASSES[row["state"]]
    return row

