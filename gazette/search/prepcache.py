"""Prepared index records kept between builds, keyed by everything they are made of.

A document's records are a function of its Source (gazette.search.prepare) and of the code
that prepares them (gazette's Python code and the Python version, whose Unicode tables
normalise the text), so the hash of both is the document's key. The cache
(build/.cache/search/records/) holds each prepared page once, named by its SHA-256 (the
hash the shard cache's key is made of), and a manifest: document key -> its index words
and its records' (path, SHA-256). A document whose key is in the manifest is not prepared
again, and its pages are read only for a shard that Pagefind must index (one not in the
shard cache). After a whole index has been made, the entries it did not use go.

Builds of one project at the same time may prune each other's pages: a page found missing
is prepared again (gazette.search.indexer), never a wrong record.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..tooling import tooling
from .prepare import Source

RECORDS_FORMAT = "search-records"  # this cache's part of the stamp
MANIFEST = "manifest.json"
PAGES = "pages"


@dataclass(frozen=True)
class Prepared:
    """One document's records as the shards see them: its index words and each record's (path, SHA-256)."""

    entries: int  # the different index words of its records, record by record (gazette.search.shards)
    records: tuple[tuple[str, str], ...]


def store_pages(folder: Path, records: Iterable[tuple[str, str, int]]) -> Prepared:
    """Keep each of one document's records ((path, page, index words): prepare.document_records) in the
    page folder `folder`, named by its hash; what the shards need to know of them."""
    folder.mkdir(parents=True, exist_ok=True)
    kept, entries = [], 0
    for path, page, words in records:
        data = page.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if not (folder / f"{digest}.html").is_file():
            write_atomic(folder / f"{digest}.html", data)
        kept.append((path, digest))
        entries += words
    return Prepared(entries, tuple(kept))


def code_stamp() -> str:
    """What prepares the records besides their Source: Python (its Unicode tables), gazette's code and the
    libraries (gazette.tooling, the stamp of the other caches)."""
    return tooling(RECORDS_FORMAT).hexdigest()


class RecordCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.pages = folder / PAGES
        self.stamp = code_stamp()
        self.known = self._read()
        self.used: dict[str, Prepared] = {}

    def key(self, source: Source) -> str:
        """The hash of the code stamp and everything in `source`."""
        digest = hashlib.sha256(self.stamp.encode())
        head = [source.url, source.title, source.doc_number, source.fields, source.part_words]
        digest.update(json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\0")
        digest.update(source.body.encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str) -> Prepared | None:
        """The document of `key` as prepared by an earlier build, or None."""
        found = self.known.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, prepared: Prepared) -> None:
        """Record a document prepared by this build (its pages already stored: store_pages)."""
        self.used[key] = prepared

    def copy_page(self, digest: str, target: Path) -> None:
        """Copy the page of `digest` to `target`; FileNotFoundError when it is gone (see the module docstring)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.pages / f"{digest}.html", target)

    def save(self) -> None:
        """Write the manifest of the documents this build used and delete the pages none of them has."""
        self.folder.mkdir(parents=True, exist_ok=True)
        documents = {key: [p.entries, [list(r) for r in p.records]] for key, p in sorted(self.used.items())}
        write_atomic(self.folder / MANIFEST, json.dumps(documents, ensure_ascii=False).encode("utf-8"))
        wanted = {f"{digest}.html" for p in self.used.values() for _, digest in p.records}
        if self.pages.is_dir():
            for entry in os.scandir(self.pages):
                if entry.name not in wanted and not entry.name.startswith(".tmp-"):  # another build's, being written
                    os.unlink(entry.path)

    def _read(self) -> dict[str, Prepared]:
        try:
            documents = json.loads((self.folder / MANIFEST).read_bytes())
        except FileNotFoundError:
            return {}
        except ValueError:  # not JSON (written by hand, or by a broken disk): prepare everything again
            return {}
        return {key: Prepared(entries, tuple((path, digest) for path, digest in records))
                for key, (entries, records) in documents.items()}
