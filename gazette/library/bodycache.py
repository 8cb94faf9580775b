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
_TABLE = "CREATE TABLE IF NOT EXISTS bodies (key BLOB PRIMARY KEY, parts BLOB, results BLOB)"
# A row written again keeps its parts unless new ones are given.
_UPSERT = ("INSERT INTO bodies VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE"
           " SET parts = coalesce(excluded.parts, parts), results = excluded.results")
_BATCH = 500  # keys asked for in one query
# What unpickling damaged bytes may raise: such a row is made again.
_DAMAGED = (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError,
            KeyError, MemoryError, OverflowError)


class BodyCache:
    def __init__(self, folder: Path):
        self.file = folder / FILE
        self._stamp = tooling("bodies").digest()
        self._keys = self._read_keys()  # None: the file cannot be read (it is written anew)

    def key(self, body: ParsedBody) -> bytes:
        return hashlib.sha256(self._stamp + body.digest).digest()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.file.as_uri()}?mode=ro", uri=True)

    def _read_keys(self) -> set[bytes] | None:
        if not self.file.is_file():
            return set()
        try:
            with closing(self._connect()) as db:
                return {key for key, in db.execute("SELECT key FROM bodies")}
        except sqlite3.Error:
            return None

    def recall(self, bodies: list[ParsedBody]) -> list[ParsedBody]:
        """Give each body what an earlier run kept of it (its lasting results; its parts, taken when first
        read); the bodies whose parts are not kept."""
        wanted: dict[bytes, list[ParsedBody]] = {}
        for body in bodies:
            key = self.key(body)
            if key in (self._keys or ()):
                wanted.setdefault(key, []).append(body)
        rows = self._rows(list(wanted))
        for key, (parts, results) in rows.items():
            for body in wanted[key]:
                _recall(body, parts, results)
        return [body for body in bodies if not body.converted]

    def _rows(self, keys: list[bytes]) -> dict[bytes, tuple[bytes | None, bytes]]:
        """key -> (parts, results) of the rows of `keys` there are (none if the file cannot be read)."""
        rows = {}
        try:
            with closing(self._connect()) as db:
                for start in range(0, len(keys), _BATCH):
                    batch = keys[start:start + _BATCH]
                    query = f"SELECT key, parts, results FROM bodies WHERE key IN ({','.join('?' * len(batch))})"
                    rows.update((key, (parts, results)) for key, parts, results in db.execute(query, batch))
        except sqlite3.Error:
            return {}  # gone or damaged since the keys were read: these bodies are converted
        return rows

    def store(self, bodies: Iterable[ParsedBody]) -> None:
        """Write what this run made of `bodies` that is not on disk yet; delete the rows of other bodies."""
        rows, saved, used = {}, [], set()
        for body in bodies:
            key = self.key(body)
            used.add(key)
            if key in (self._keys or ()) and not body.unsaved:
                continue
            parts = body.made_parts() if key not in (self._keys or ()) or body.made_here else None
            rows[key] = (None if parts is None else _dumps(parts), pickle.dumps((body.first_line, body.lasting())))
            saved.append(body)
        gone = [(key,) for key in self._keys or () if key not in used]
        if (rows or gone or self._keys is None) and self._write(rows, gone):
            for body in saved:
                body.saved()

    def _write(self, rows: dict[bytes, tuple[bytes | None, bytes]], gone: list[tuple[bytes]]) -> bool:
        try:
            if self._keys is None:  # unreadable: start a new file
                self.file.unlink(missing_ok=True)
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.file, timeout=5)) as db, db:
                db.execute(_TABLE)
                db.executemany("DELETE FROM bodies WHERE key = ?", gone)
                db.executemany(_UPSERT, [(key, parts, results) for key, (parts, results) in rows.items()])
        except (sqlite3.Error, OSError):
            # Another run holds the file, it is damaged or cannot be written: this run's results are right
            # without it; a damaged file is read as none by the next run, which writes it anew.
            return False
        return True


def open_cache(root: Path) -> BodyCache:
    """The body cache of the project at `root`."""
    return BodyCache(root.resolve() / CACHE_FOLDER)


def _recall(body: ParsedBody, parts: bytes | None, results: bytes) -> None:
    """Give `body` the lasting results of a row if made for its first line, and its parts if there are."""
    try:
        first_line, lasting = pickle.loads(results)
    except _DAMAGED:
        first_line, lasting = None, {}  # made again, and the row written again
    if first_line == body.first_line and isinstance(lasting, dict):
        body.recall(lasting)
    if parts is not None:
        body.await_parts(partial(_parts, parts, body.page_text), new=False)


def _dumps(parts: tuple) -> bytes:
    page, rendered_html, tags = parts
    if page is not None:
        page = dataclasses.replace(page, source="")  # the body's text: the row's key already stands for it
    return pickle.dumps((page, rendered_html, tags), protocol=pickle.HIGHEST_PROTOCOL)


def _parts(data: bytes, text: str) -> tuple | None:
    """The parts pickled by `_dumps` for `text`; None if they cannot be read (the body is converted again,
    and its row written again)."""
    try:
        page, rendered_html, tags = pickle.loads(data)
    except _DAMAGED:
        return None
    if not (isinstance(tags, frozenset) and (isinstance(page, PageConversion) if rendered_html is None
                                              else page is None and isinstance(rendered_html, Rendered))):
        return None
    return (dataclasses.replace(page, source=text) if page else None), rendered_html, tags
