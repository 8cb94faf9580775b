"""Body conversions and body-only check results kept between runs, in build/.cache/bodies/bodies.sqlite.

A body's row is keyed by the hash of its text and of what else shapes the
result (gazette.tooling: Python, the rendering libraries' versions, gazette's
code). The conversion depends on nothing else: the dialect is gazette's own
(gazette.markdown), not read from mkdocs.yml or gazette.yml. A row holds the
body's `conversion_parts` (pickled as the worker processes send them, without
the text again) and its lasting check results (ParsedBody.derived) by name and
first line. A body whose row is there takes its parts when first read instead of
being converted; after a check the new rows are written and the rows no body of
the run used are deleted, so the file holds one project's worth. A file that
cannot be read is ignored and written anew: the cache only ever saves work.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from functools import partial
from pathlib import Path

from ..markdown import PageConversion, Rendered
from ..tooling import tooling
from .body import ParsedBody

CACHE_FOLDER = Path("build") / ".cache" / "bodies"  # under the project's root
FILE = "bodies.sqlite"
_TABLE = "CREATE TABLE IF NOT EXISTS bodies (key BLOB PRIMARY KEY, parts BLOB, results BLOB) WITHOUT ROWID"
# What unpickling damaged bytes may raise: such a row is converted again.
_DAMAGED = (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError,
            KeyError, MemoryError, OverflowError)

Results = dict[tuple[str, int], tuple[object, object]]  # (name, first line) -> (source, result)


@dataclasses.dataclass
class _Row:
    parts: bytes | None  # the pickled conversion parts, or None: the body was not converted
    results: Results


class BodyCache:
    def __init__(self, folder: Path):
        self.file = folder / FILE
        self._stamp = tooling("bodies").digest()
        self._damaged: set[bytes] = set()  # keys whose parts could not be read
        self._rows = self._read()

    def key(self, body: ParsedBody) -> bytes:
        return hashlib.sha256(self._stamp + body.digest).digest()

    def _read(self) -> dict[bytes, _Row] | None:
        """Every row of the file ({} if there is none; None if it cannot be read: it is written anew)."""
        if not self.file.is_file():
            return {}
        try:
            with closing(sqlite3.connect(f"{self.file.as_uri()}?mode=ro", uri=True)) as db:
                rows = db.execute("SELECT key, parts, results FROM bodies").fetchall()
        except sqlite3.Error:
            return None
        kept = {}
        for key, parts, results in rows:
            try:
                kept[key] = _Row(parts, _results(pickle.loads(results)))
            except _DAMAGED:
                continue  # written again by `store`
        return kept

    def recall(self, body: ParsedBody) -> bool:
        """Give `body` what an earlier run kept of it: its lasting results, its parts on first read (True)."""
        key = self.key(body)
        row = (self._rows or {}).get(key)
        if row is None:
            return False
        body.recall({name: kept for (name, line), kept in row.results.items() if line == body.first_line})
        if row.parts is None:
            return False
        body.await_parts(partial(_parts, row.parts, body.page_text, partial(self._damaged.add, key)))
        return True

    def store(self, bodies: Iterable[ParsedBody]) -> None:
        """Keep the parts and lasting results of `bodies` (converted ones only) and drop every other row."""
        rows: dict[bytes, _Row] = {}
        old = self._rows or {}
        for body in bodies:
            key = self.key(body)
            kept = old.get(key)
            row = rows.setdefault(key, _Row(kept.parts if kept and key not in self._damaged else None, {}))
            if row.parts is None:
                parts = body.made_parts()
                row.parts = None if parts is None else _dumps(parts)
            row.results.update({(name, body.first_line): kept for name, kept in body.lasting().items()})
        changed = {key: row for key, row in rows.items() if old.get(key) != row or key in self._damaged}
        gone = [key for key in old if key not in rows]
        if changed or gone or self._rows is None:
            self._write(changed, gone)

    def _write(self, changed: dict[bytes, _Row], gone: list[bytes]) -> None:
        try:
            if self._rows is None:  # unreadable: start a new file
                self.file.unlink(missing_ok=True)
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.file, timeout=5)) as db, db:
                db.execute(_TABLE)
                db.executemany("DELETE FROM bodies WHERE key = ?", [(key,) for key in gone])
                db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)",
                               [(key, row.parts, pickle.dumps(row.results)) for key, row in changed.items()])
        except (sqlite3.Error, OSError):
            # Another run holds the file, it is damaged or cannot be written: this run's results are right
            # without it; a damaged file is read as none by the next run, which writes it anew.
            return


def open_cache(root: Path) -> BodyCache:
    """The body cache of the project at `root`."""
    return BodyCache(root.resolve() / CACHE_FOLDER)


def _results(value: object) -> Results:
    if not isinstance(value, dict):
        raise ValueError("not a row's results")
    return value


def _dumps(parts: tuple) -> bytes:
    page, rendered_html, tags = parts
    if page is not None:
        page = dataclasses.replace(page, source="")  # the body's text: the row's key already stands for it
    return pickle.dumps((page, rendered_html, tags), protocol=pickle.HIGHEST_PROTOCOL)


def _parts(data: bytes, text: str, damaged) -> tuple | None:
    """The parts pickled by `_dumps` for `text`; None (and `damaged()` called) if they cannot be read."""
    try:
        page, rendered_html, tags = pickle.loads(data)
    except _DAMAGED:
        damaged()
        return None
    if not (isinstance(tags, frozenset) and (isinstance(page, PageConversion) if rendered_html is None
                                              else page is None and isinstance(rendered_html, Rendered))):
        damaged()
        return None
    return (dataclasses.replace(page, source=text) if page else None), rendered_html, tags
