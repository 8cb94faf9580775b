"""Parsed bodies kept between loads of one project (`gazette serve` reloads after every save).

A body's parse (links, HTML, anchors, text: gazette.library.body.ParsedBody) depends
on its text and first line only, so a document whose body did not change takes
the ParsedBody of the previous load and the check does not convert it again.
"""

from __future__ import annotations

from .body import ParsedBody
from .library import Library


class KeptBodies:
    def __init__(self):
        self._kept: dict[tuple, ParsedBody] = {}  # (path, body, first line) -> its parse

    def restore(self, library: Library) -> None:
        """Give each document of a fresh load the parse of its unchanged body."""
        for doc in library.documents.values():
            parsed = self._kept.get((doc.path, doc.body, doc.body_line))
            if parsed is not None:
                doc.__dict__["parsed"] = parsed  # the cached_property's own slot (gazette.library.source)

    def keep(self, library: Library) -> None:
        """Remember the parses of this load (only those made: a parse is made on first use)."""
        self._kept = {(doc.path, doc.body, doc.body_line): doc.__dict__["parsed"]
                      for doc in library.documents.values() if "parsed" in doc.__dict__}
