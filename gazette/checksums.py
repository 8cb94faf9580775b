"""SHA256SUMS: the hash of every published file, in the format `sha256sum -c` reads.

A mirror or a reader checks a copy of the site with `cd site && sha256sum -c SHA256SUMS`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

NAME = "SHA256SUMS"


def checksum_lines(site_dir: Path) -> list[str]:
    """One line per file under `site_dir` (SHA256SUMS itself excepted), sorted by path."""
    names = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    return [_line(site_dir / name, name) for name in names if name != NAME]


def _line(path: Path, name: str) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if "\\" in name or "\n" in name or "\r" in name:  # GNU coreutils' escaped form
        escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{digest}  {escaped}"
    return f"{digest}  {name}"


def write_checksums(library, site_dir: Path) -> None:
    """Write site_dir/SHA256SUMS (a pipeline step: the last one, after every file is written)."""
    text = "".join(line + "\n" for line in checksum_lines(site_dir))
    (site_dir / NAME).write_text(text, encoding="utf-8")
