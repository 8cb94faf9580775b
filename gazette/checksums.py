"""SHA256SUMS: the hash of every published file, in the format `sha256sum -c` reads.

A mirror or a reader checks a copy of the site with `cd site && sha256sum -c SHA256SUMS`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

NAME = "SHA256SUMS"


class Known(NamedTuple):
    """A file's hash, valid while its size and modification time are these."""

    sha256: str
    size: int
    mtime_ns: int


def checksum_lines(site_dir: Path, known: Mapping[str, Known] = MappingProxyType({})) -> list[str]:
    """One line per file under `site_dir` (SHA256SUMS itself excepted), sorted by path; a file whose hash is
    `known` (by its path in the site) is not read again unless it was written since."""
    names = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    return [_line(_sha256(site_dir / name, known.get(name)), name) for name in names if name != NAME]


def _sha256(path: Path, known: Known | None) -> str:
    if known is not None:
        info = path.stat()
        if (info.st_size, info.st_mtime_ns) == (known.size, known.mtime_ns):
            return known.sha256
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _line(digest: str, name: str) -> str:
    if "\\" in name or "\n" in name or "\r" in name:  # GNU coreutils' escaped form
        escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{digest}  {escaped}"
    return f"{digest}  {name}"


def write_checksums(site_dir: Path, known: Mapping[str, Known] = MappingProxyType({})) -> None:
    """Write site_dir/SHA256SUMS (a pipeline step: the last one, after every file is written)."""
    text = "".join(line + "\n" for line in checksum_lines(site_dir, known))
    (site_dir / NAME).write_text(text, encoding="utf-8")
