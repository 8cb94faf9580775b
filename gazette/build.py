"""gazette build: check, render with MkDocs into a temporary folder, then swap it in.

A failed build leaves the previous site untouched.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .errors import ContentError, GazetteError
from .progress import Progress
from .project import load_and_check
from .site.incremental import SiteCache, inputs
from .site.session import Prepared

MKDOCS_FILE = "mkdocs.yml"
CACHE = Path("build/.cache/site")  # under the project: the last good site's manifest and bodies
PLUGIN = "gazette"  # the entry point name of gazette.site.plugin.GazettePlugin


def build_site(root: Path, out: Path | None = None, progress: Progress | None = None, report_findings=None,
               pdfs: bool = True, jobs: int | None = None, incremental: bool = True) -> Path:
    """Build the whole site of the project at `root` into `out` (default build/site); without `pdfs`, no
    print edition (pages then link no PDF and cite no page); `jobs`: PDFs laid out at once; `incremental`:
    pages whose inputs did not change are taken from the last good site (gazette.site.incremental)."""
    root = root.resolve()
    progress = progress or Progress(enabled=False)
    report_findings = report_findings or (lambda report: None)
    out = (out or root / "build" / "site").resolve()
    cache = SiteCache(root / CACHE, out) if incremental else None
    fingerprint = inputs(root, _theme_dir(root), f"pdfs={pdfs}") if cache else ""
    unchanged = cache.unchanged(fingerprint) if cache else None
    if unchanged is not None:
        report_findings(unchanged)
        progress.note("输入没有改动，网站保持上次生成的样子")
        return out  # nothing the last good build read has changed: its site is this build's
    library, report = load_and_check(root, progress, cache=incremental)
    # The Library lives until the build ends: the collector need not walk its objects again (at npc-laws' size
    # every full collection during the search index merge walked them: 10 of its 22 s).
    gc.freeze()
    report_findings(report)
    if not report.ok:
        raise ContentError(report)
    prepared = Prepared(root, library, progress, pdfs=pdfs, jobs=jobs, cache=cache)
    _build_and_swap(prepared, out)
    if cache:
        cache.commit(out, fingerprint, report)
    return out


def _build_and_swap(prepared: Prepared, out: Path) -> None:
    """Render into a staging folder beside `out`, then swap it in."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        prepared.laid_out()  # before rendering: pages cite the pages their document is printed on
        _render(prepared.root, staging, prepared)
        if prepared.cache:
            prepared.cache.forget()  # no manifest describes a site in between
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _render(root: Path, site_dir: Path, prepared: Prepared) -> None:
    quiet_mkdocs()
    try:
        with prepared.progress.step("生成网页") as tick:
            prepared.tick = tick
            config = load_mkdocs_config(root, site_dir=str(site_dir))
            gazette_plugin(config).prepare(prepared)
            mkdocs_build(config, dirty=prepared.cache is not None)
        if prepared.cache is not None:
            reused = prepared.cache.reused
            prepared.progress.note(f"网页：重新生成 {prepared.cache.planned - reused} 页，沿用上次生成的 {reused} 页")
    except MkDocsException as exc:
        raise GazetteError(f"生成网站失败：{exc}") from exc


def load_mkdocs_config(root: Path, **options):
    """mkdocs.yml of the project at `root`, loaded as MkDocs would."""
    config_file = root / MKDOCS_FILE
    if not config_file.is_file():
        raise GazetteError(f"找不到 {MKDOCS_FILE}：公报项目文件夹中需要它来生成网站。")
    return load_config(config_file=str(config_file), **options)


def _theme_dir(root: Path) -> Path | None:
    """The project's theme folder (mkdocs.yml's theme.custom_dir)."""
    if not (root / MKDOCS_FILE).is_file():
        return None  # load_and_check says what is missing
    custom = load_mkdocs_config(root).theme.custom_dir
    return Path(custom) if custom else None


def gazette_plugin(config):
    """The gazette plugin of a loaded mkdocs.yml."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise GazetteError(f"{MKDOCS_FILE} 没有启用 gazette 插件：请在其中写上 plugins: [{PLUGIN}]。")
    return plugin


def quiet_mkdocs() -> None:
    """MkDocs' info lines are English noise for editors; warnings still show (not the one about dirty
    builds: ours decide per page what changed)."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build_log = logging.getLogger("mkdocs.commands.build")
    if _not_dirty_warning not in build_log.filters:
        build_log.addFilter(_not_dirty_warning)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("MkDocs %(levelname)s：%(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return "'dirty' build" not in record.getMessage()


def _swap(staging: Path, out: Path) -> None:
    """Put the new site in place with two renames; the old one (and any a stopped build left) is then removed
    by a process of its own, which the build does not wait for (at 10,000 documents: 34,000 files)."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{_OLD_PREFIX}{out.name}.", dir=out.parent))
        os.rename(out, old / "site")
    os.rename(staging, out)
    leftovers = sorted(out.parent.glob(f"{_OLD_PREFIX}{out.name}.*"))
    if leftovers:
        subprocess.Popen([sys.executable, "-c", _REMOVE, *map(str, leftovers)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


_OLD_PREFIX = ".old-"  # a replaced site beside the new one, until it is removed
_REMOVE = "import shutil, sys\nfor folder in sys.argv[1:]:\n    shutil.rmtree(folder, ignore_errors=True)"
