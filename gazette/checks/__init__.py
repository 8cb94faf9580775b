"""Every check over a loaded Library; each module handles one concern."""

from __future__ import annotations

from ..findings import Report
from ..library.library import Library
from . import collections, deadlines, documents, glyphs, html, links, manifests, numbers, permanence, privacy, relations, sync

CHECKS = (
    documents.check,
    numbers.check,
    relations.check,
    sync.check,
    manifests.check,
    permanence.check,
    privacy.check,
    deadlines.check,
    glyphs.check,
    collections.check,
    links.check,  # the last two read bodies' conversions, which may still be under way (gazette.library.bodies)
    html.check,
)


def run_checks(library: Library, report: Report) -> None:
    """Run every check; findings accumulate in `report` (which sorts them: the order of checks is free)."""
    for check in CHECKS:
        check(library, report)
