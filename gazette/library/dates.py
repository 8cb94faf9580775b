"""When documents changed for a reader, derived from the content alone (never from the build clock)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..clock import CHINA
from ..model.kinds import CLOSED, EXPIRED
from ..model.relations import CHANGES
from .document import Document


def chinese_date(date: dt.date | None) -> str:
    """2024年4月10日 (no leading zeros), or "" for no date."""
    return f"{date.year}年{date.month}月{date.day}日" if date else ""


EPOCH = dt.date(1970, 1, 1)  # the `updated` of a feed with no entry: stable, obviously not a real date


def updated(doc: Document) -> dt.date:
    """When the document last changed for a reader: published, or the day its validity changed.

    That is the latest of its own publication, the publication of every document
    that repealed, amended or superseded it, the day after its expiry once expired,
    the day after its deadline once closed, and for an interpretation that follows
    its policy's state, when the policy last changed.
    """
    dates = [doc.published]
    dates += [newer.published for relation in CHANGES for newer in doc.related_from.get(relation.key, [])
              if newer.published]
    if doc.status == EXPIRED and doc.expires:
        dates.append(doc.expires + dt.timedelta(days=1))
    if doc.status == CLOSED and doc.deadline:
        dates.append(doc.deadline + dt.timedelta(days=1))
    if doc.follows is not None:
        dates.append(updated(doc.follows))
    return max(dates)


def latest(docs: Iterable[Document]) -> dt.date:
    """The latest `updated` of some documents (EPOCH for none)."""
    return max((updated(doc) for doc in docs), default=EPOCH)


def moment(date: dt.date) -> dt.datetime:
    """A date as the start of that day in Beijing time (feeds and calendars need a time)."""
    return dt.datetime.combine(date, dt.time(), CHINA)
