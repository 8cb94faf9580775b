"""The view of /subscribe/ (政策订阅服务清单): every feed, grouped, with counts and copyable URLs."""

from __future__ import annotations

from ..library.library import Library
from .catalogue import Feed, calls, sections
from ..urls import CALENDAR, OPML



def subscribe_view(library: Library, feeds: list[Feed]) -> dict:
    return {
        "heading": "政策订阅服务清单",
        "count": len(feeds),
        "opml": _file(library, OPML),
        "calendar": {**_file(library, CALENDAR), "count": len(calls(library))},
        "sections": [{"title": s.title, "anchor": s.group or "all",
                      "parts": [{"title": title, "rows": [_row(library, f) for f in part]} for title, part in s.parts]}
                     for s in sections(feeds)],
    }


def _file(library: Library, path: str) -> dict:
    return {"url": path, "absolute": library.absolute(path)}


def _row(library: Library, feed: Feed) -> dict:
    return {"name": feed.name, "label": feed.label, "count": len(feed.documents), "page": feed.page,
            **_file(library, feed.path)}
