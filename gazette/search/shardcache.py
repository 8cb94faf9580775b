"""Finished shard bundles kept between builds, keyed by everything that shapes them.

A shard's bundle is a function of its prepared records (paths and text), the
Pagefind version, the index settings and the code that rewrites the bundle
(gazette.search.reproducible), so their hash names it: build/.cache/search/shards/<key>/.
A shard whose records did not change costs a copy. After a whole index has been
made, the entries it did not use are deleted, so the cache holds one index's worth.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

from .. import __version__

CACHE_FOLDER = Path("build") / ".cache" / "search"  # under the project's root
_REWRITER = (Path(__file__).parent / "reproducible.py").read_bytes()


class ShardCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    @staticmethod
    def key(settings: dict, records: list[tuple[str, str]]) -> str:
        """The hash of the index settings, the versions and the shard's records ((path, digest of the text), in order)."""
        digest = hashlib.sha256(json.dumps([__version__, version("pagefind"), settings], sort_keys=True).encode())
        digest.update(hashlib.sha256(_REWRITER).digest())
        for path, text_digest in records:
            digest.update(f"\0{path}\0{text_digest}".encode("utf-8"))
        return digest.hexdigest()

    def restore(self, key: str, target: Path) -> bool:
        """Copy the cached bundle of `key` to `target`; False when there is none (or it went while being copied,
        pruned by another build: then `target` is left absent and the shard is simply made again)."""
        bundle = self.folder / key
        if not bundle.is_dir():
            return False
        try:
            shutil.copytree(bundle, target)
        except (OSError, shutil.Error):
            shutil.rmtree(target, ignore_errors=True)
            return False
        self.used.add(key)
        return True

    def put(self, key: str, bundle: Path) -> None:
        """Keep a copy of the finished `bundle` under `key` (copied whole, then renamed into place)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
        shutil.copytree(bundle, staging / "bundle")
        target = self.folder / key
        shutil.rmtree(target, ignore_errors=True)
        (staging / "bundle").rename(target)
        staging.rmdir()
        self.used.add(key)

    def prune(self) -> None:
        """Delete the entries this build did not use (and any copy left half made)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.used:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
