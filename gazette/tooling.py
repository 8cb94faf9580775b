"""What shapes every result gazette computes, besides its input: Python, the libraries that render, gazette's
own code (gazette.site.incremental keys pages by it, gazette.library.bodycache body conversions and checks)."""

from __future__ import annotations

import hashlib
import json
import sys
from importlib.metadata import version
from pathlib import Path

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "nh3", "jinja2")
CODE = Path(__file__).resolve().parent  # the gazette package: its code and templates shape every result


def files_digest(digest, folder: Path) -> None:
    """Add every file under `folder` (path and bytes, in path order) to `digest`."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def tooling(*values: str):
    """A digest started with what shapes every build: Python, the library versions, gazette's code, `values`."""
    digest = hashlib.sha256(json.dumps([sys.version, [version(p) for p in PACKAGES], *values]).encode())
    files_digest(digest, CODE)
    return digest
