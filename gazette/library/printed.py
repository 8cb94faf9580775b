"""What the print edition of one build publishes: whether there are PDFs, and where each document is printed.

The print step lays the issues out before pages are rendered (gazette.print.step)
and hands this over; pages, JSON-LD and open data read it. It lives here, below
both the print edition and its readers, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .issue import Issue


@dataclass(frozen=True)
class PrintedPages:
    """The pages of an issue's print edition that carry one document (1-based, as printed on them)."""

    issue: Issue
    start: int
    end: int


@dataclass(frozen=True)
class Printing:
    pdfs: bool = False  # this build publishes the PDFs (not with `--no-pdf`, not in `gazette serve`)
    pages: dict[str, PrintedPages] = field(default_factory=dict)  # document id -> its printed pages

    def of(self, doc_id: str) -> PrintedPages | None:
        return self.pages.get(doc_id)


NO_PDFS = Printing()
