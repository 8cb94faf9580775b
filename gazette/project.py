"""Load and check a project: the first two steps of every command."""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .config import CONFIG_FILE
from .errors import GazetteError
from .findings import Report
from .library.bodycache import open_cache
from .library.library import Library
from .library.loader import load_library
from .library.reload import Kept
from .progress import Progress


def load_and_check(root: Path, progress: Progress | None = None,
                   kept: Kept | None = None, cache: bool = True) -> tuple[Library, Report]:
    """The Library of the project at `root` and every finding about it; with `kept` (gazette serve), files
    and bodies unchanged since the last load are not read or parsed again; with `cache`, bodies converted and
    checked by an earlier run are not again (gazette.library.bodycache, in build/.cache/bodies/)."""
    if not (root / CONFIG_FILE).is_file():
        raise GazetteError(f"{root.resolve()} 不是公报项目文件夹（找不到 {CONFIG_FILE}）。"
                           "请在项目文件夹中运行，或用 -C 指定项目文件夹。")
    report = Report()
    progress = progress or Progress(enabled=False)
    with progress.step("读取文件") as tick:
        bodies = open_cache(root) if cache else None
        library = (kept.load if kept else load_library)(root, report, progress=tick, bodies=bodies)
    with progress.step("检查"):
        run_checks(library, report)
        if bodies is not None:
            bodies.store(doc.parsed for doc in library.documents.values())
    if kept is not None:
        kept.keep(library)
    return library, report
