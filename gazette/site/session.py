"""The Library handed from `gazette build` to the MkDocs hooks of the same process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..library.library import Library
from ..progress import Progress


@dataclass
class Prepared:
    root: Path
    library: Library
    progress: Progress
    preview: bool = False
    tick: Callable[[int, int], None] | None = None  # progress of page rendering


_prepared: Prepared | None = None


def prepare(prepared: Prepared | None) -> None:
    """Hand a checked Library to the next MkDocs build (None to clear)."""
    global _prepared
    _prepared = prepared


def take(root: Path) -> Prepared | None:
    """The prepared Library for `root`, if `gazette build` made one."""
    if _prepared is not None and _prepared.root == root.resolve():
        return _prepared
    return None
