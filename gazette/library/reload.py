"""What `gazette serve` keeps between loads of one project (it reloads after every save).

A document whose file did not change (same modification time and size) and whose
context did not (vocabularies and gazette.yml: they shape its checked front matter)
is not read again: a fresh Document is made from the kept reading, and the
findings of that reading are reported again. A body's parse (links, HTML, anchors,
text: gazette.library.body.ParsedBody) depends on its text and first line only,
so a body that did not change keeps its parse and the check does not convert it again.
An issue file that did not change is not parsed and checked again either (its
references are resolved anew: they depend on the documents).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..config import CONFIG_FILE
from ..findings import Report
from .body import ParsedBody
from .document import Document
from .library import Library
from .loader import load_document, load_library, read_issue


@dataclass(frozen=True)
class _Reading:
    stamp: tuple  # (mtime_ns, size, context hash)
    fields: dict | tuple | None  # Document's constructor arguments; an issue's (parse, values)
    report: Report  # the findings of reading it


class Kept:
    def __init__(self):
        self._bodies: dict[tuple, ParsedBody] = {}  # (path, body, first line) -> its parse
        self._readings: dict[Path, _Reading] = {}
        self._issues: dict[Path, _Reading] = {}
        self._context: str | None = None  # of the load under way

    def load(self, root: Path, report: Report, **options) -> Library:
        """load_library of the project at `root`, reusing what is kept."""
        self._context = _context_hash(root)
        return load_library(root, report, load_one=self.load_document, read_one_issue=self.read_issue, **options)

    def load_document(self, path: Path, library: Library, report: Report) -> Document | None:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size, self._context)
        kept = self._readings.get(path)
        if kept is None or kept.stamp != stamp:
            own = Report()
            doc = load_document(path, library, own)
            fields = doc and {name: getattr(doc, name) for name in ("id", "path", "rel", "values", "front", "body",
                                                                     "body_line")}
            kept = self._readings[path] = _Reading(stamp, fields, own)
        report.extend(kept.report)
        if not kept.fields:
            return None
        doc = Document(**kept.fields)
        parsed = self._bodies.get((doc.path, doc.body, doc.body_line))
        if parsed is not None:  # before the library links citations: they read the body's links
            doc.__dict__["parsed"] = parsed  # the cached_property's own slot (gazette.library.source)
        return doc

    def read_issue(self, path: Path, rel: str, report: Report) -> tuple | None:
        """gazette.library.loader.read_issue, unless the file is unchanged since it was last read."""
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
        kept = self._issues.get(path)
        if kept is None or kept.stamp != stamp:
            own = Report()
            kept = self._issues[path] = _Reading(stamp, read_issue(path, rel, own), own)
        report.extend(kept.report)
        return kept.fields

    def keep(self, library: Library) -> None:
        """After the check: remember the parses made (a parse is made on first use), drop removed files."""
        self._bodies = {(doc.path, doc.body, doc.body_line): doc.__dict__["parsed"]
                        for doc in library.documents.values() if "parsed" in doc.__dict__}
        present = {doc.path for doc in library.documents.values()}
        self._readings = {path: kept for path, kept in self._readings.items() if path in present or not kept.fields}
        self._issues = {path: kept for path, kept in self._issues.items() if path.exists()}


def _context_hash(root: Path) -> str:
    """gazette.yml and the vocabularies: what a document's reading depends on besides its file."""
    digest = hashlib.sha256()
    for path in [root / CONFIG_FILE, *sorted((root / "content" / "_data").glob("*"))]:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
