"""Incremental `gazette build`: render only the pages whose inputs changed since the last good site.

A page's key is the hash of the site-wide stamp (gazette's code, the project's
theme, mkdocs.yml, gazette.yml, the versions of the libraries that render), the
page's Markdown source, the data gazette hands its template (view, furniture)
and, for a document, how each link of its body resolves. The manifest of the last
good site (build/.cache/site/) records each page's key and the hash of the file
written; a page whose key is unchanged is taken from the last good site and MkDocs
skips it (File.is_modified, `build(dirty=True)`): hard-linked if its size and
modification time are those recorded (its hash is then known, and SHA256SUMS does
not read it again), else copied if its hash is still the one recorded.
Document bodies are kept beside the manifest, for the search index. The staging
folder starts empty, so a page or file no longer produced simply is not there.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

from ..atomic import write_atomic
from ..checksums import NAME as CHECKSUMS, Known
from ..clock import build_date
from ..findings import Report
from ..tooling import files_digest as _files_digest, tooling as _tooling


def stamp(root: Path, theme_dir: Path | None, options: str) -> str:
    """What every page depends on: code, theme, settings, library versions and build options."""
    digest = _tooling(options)
    if theme_dir is not None and theme_dir.is_dir():
        _files_digest(digest, theme_dir)
    for name in ("mkdocs.yml", "gazette.yml"):
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
    return digest.hexdigest()


def inputs(root: Path, theme_dir: Path | None, options: str) -> str:
    """The hash of everything a build reads: the project's top-level files, content/, issues/, its theme,
    gazette's code, library versions, the build options and the build date (validity depends on the day)."""
    digest = _tooling(options, build_date().isoformat())
    for path in sorted(root.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for folder in sorted({root / "content", root / "issues", *([theme_dir] if theme_dir else [])}):
        if folder.is_dir():
            digest.update(f"\0{folder}\0".encode())
            _files_digest(digest, folder)
    return digest.hexdigest()


def page_key(site_stamp: str, src_uri: str, source: bytes, data) -> str:
    """The key of one page: the stamp, its source and the JSON of what else it is made from."""
    digest = hashlib.sha256(f"{site_stamp}\0{src_uri}\0".encode())
    digest.update(source)
    digest.update(b"\0" + json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SiteCache:
    """The manifest of the last good site at `out` and the bodies it rendered, in `folder`."""

    def __init__(self, folder: Path, out: Path):
        self.folder = folder
        self.out = out
        self.manifest_file = folder / f"manifest-{_sha(str(out).encode())[:16]}.json"
        self.bodies_dir = folder / "bodies"
        self.report_file = self.manifest_file.with_suffix(".report")
        self.manifest = self._read()
        self.previous: dict[str, list[str]] = self.manifest.get("pages", {})  # dest_uri -> [key, sha256 of file]
        self.keys: dict[str, str] = {}  # dest_uri -> key, of this build
        self.files: dict[str, list[int]] = self.manifest.get("files", {})  # path -> [size, mtime_ns], as left
        self.digests: dict[str, Known] = {}  # dest_uri -> its hash and stat, of the pages linked from the last site
        self.reused = 0  # pages taken from the last good site
        self.planned = 0  # pages keyed

    def _read(self) -> dict:
        if not self.manifest_file.is_file() or not self.out.is_dir():
            return {}
        try:
            manifest = json.loads(self.manifest_file.read_text(encoding="utf-8"))
        except ValueError:
            return {}  # a damaged manifest: build cold
        return manifest if isinstance(manifest, dict) else {}

    def unchanged(self, fingerprint: str) -> Report | None:
        """The findings of the last good build if nothing it read has changed and its site is as it left it."""
        if self.manifest.get("inputs") != fingerprint or self.manifest.get("files") != _stats(self.out):
            return None
        try:
            report = pickle.loads(self.report_file.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None
        return report if isinstance(report, Report) else None

    def reuse(self, dest_uri: str, key: str, target: Path, body_needed: bool) -> bool:
        """Copy the page from the last good site to `target` if its key is unchanged and the file is intact."""
        self.keys[dest_uri] = key
        self.planned += 1
        entry = self.previous.get(dest_uri)
        if not entry or entry[0] != key or (body_needed and not self.body_file(key).is_file()):
            return False
        old = self.out / dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if self._link_if_untouched(old, dest_uri, target):
            self.digests[dest_uri] = Known(entry[1], *self.files[dest_uri])
        elif not _copy_if_intact(old, entry[1], target):
            return False
        self.reused += 1
        return True

    def _link_if_untouched(self, old: Path, dest_uri: str, target: Path) -> bool:
        """Link the page of the last good site into `target` if its size and modification time are still those
        the manifest recorded (nothing rewrote it since; its hash is then the recorded one). The build never
        writes into a file in place (gazette.atomic replaces), so the last good site stays as it was."""
        try:
            info = old.stat()
            if self.files.get(dest_uri) != [info.st_size, info.st_mtime_ns]:
                return False
            os.link(old, target)
        except OSError:  # gone meanwhile, or a file system without hard links: copied after checking its hash
            return False
        return True

    def body_file(self, key: str) -> Path:
        return self.bodies_dir / key[:2] / f"{key}.html"

    def body(self, key: str) -> str:
        return self.body_file(key).read_text(encoding="utf-8")

    def keep_body(self, key: str, html: str) -> None:
        path = self.body_file(key)
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, html.encode("utf-8"))

    def forget(self) -> None:
        """Before the site is swapped: no manifest describes a site in between."""
        self.manifest_file.unlink(missing_ok=True)

    def commit(self, site: Path, fingerprint: str, report: Report) -> None:
        """After the swap: record what the build read, its findings, the new site's files and pages (hashes
        from its SHA256SUMS), and drop bodies no page uses."""
        sums = _checksums(site)
        pages = {uri: [key, sums.get(uri) or _sha((site / uri).read_bytes())]
                 for uri, key in self.keys.items() if (site / uri).is_file()}
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.report_file, pickle.dumps(report))
        manifest = {"inputs": fingerprint, "files": _stats(site), "pages": pages}
        write_atomic(self.manifest_file, json.dumps(manifest, sort_keys=True).encode("utf-8"))
        self._prune(set(self.keys.values()))

    def _prune(self, keys: set[str]) -> None:
        if not self.bodies_dir.is_dir():
            return
        for path in self.bodies_dir.glob("*/*.html"):
            if path.stem not in keys:
                path.unlink()


def _copy_if_intact(old: Path, digest: str, target: Path) -> bool:
    """Copy `old` to `target` if its bytes still have the hash `digest`."""
    try:
        data = old.read_bytes()
    except OSError:
        return False
    if _sha(data) != digest:
        return False
    target.write_bytes(data)
    return True


def _stats(site: Path) -> dict[str, list[int]]:
    """Every file of a site with its size and modification time: enough to tell it was left alone."""
    stats = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            info = os.stat(path)
            stats[os.path.relpath(path, site)] = [info.st_size, info.st_mtime_ns]
    return stats


def _checksums(site: Path) -> dict[str, str]:
    """path -> sha256 from the site's SHA256SUMS (plain names only), if it has one."""
    path = site / CHECKSUMS
    if not path.is_file():
        return {}
    sums = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("\\"):
            digest, _, name = line.partition("  ")
            sums[name] = digest
    return sums


def mark_unmodified(file) -> None:
    """MkDocs skips reading and rendering this file in a dirty build."""
    file.is_modified = lambda: False

