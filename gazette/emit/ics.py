"""The calendar of 申报截止日期 (RFC 5545) at /feeds/deadlines.ics, with the icalendar package.

One all-day event per public 申报通知 with a `deadline`, on its last day of
application. Every stamp comes from the content, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from ..library.document import Document
from ..library.library import Library
from ..model.kinds import REPEALED
from .catalogue import calls
from ..library.dates import moment, updated
from .feeds import summary_text
from ..urls import CALENDAR


def write_calendar(library: Library, site_dir: Path) -> None:
    target = site_dir / CALENDAR
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(calendar(library))


def calendar(library: Library) -> bytes:
    name = f"{library.config.name}：申报截止日期"
    cal = Calendar()
    cal.add("prodid", "-//gazette//政府公报申报截止日期//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("description", "各类申报通知的申报截止日期，每项为截止当天的全天日程。")
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    for doc in calls(library):
        cal.add_component(event(library, doc))
    return cal.to_ical()


def event(library: Library, doc: Document) -> Event:
    url = library.absolute(doc.url)
    stamp = moment(updated(doc)).astimezone(dt.timezone.utc)
    item = Event()
    item.add("uid", f"deadline-{doc.id.replace('/', '-')}@{urlsplit(url).hostname}")
    item.add("dtstamp", stamp)
    item.add("last-modified", stamp)
    item.add("dtstart", doc.deadline)
    item.add("dtend", doc.deadline + dt.timedelta(days=1))
    item.add("summary", f"申报截止：{doc.title}")
    item.add("description", f"{summary_text(doc)}\n发文机关：{'、'.join(doc.issuers)}\n全文：{url}")
    item.add("url", url)
    item.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    item.add("status", "CANCELLED" if doc.status == REPEALED else "CONFIRMED")
    return item
