"""Results of earlier link checks, kept in the project's .cache/ folder for a while."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from ..atomic import write_atomic
from .probe import Outcome

CACHE_FILE = Path(".cache") / "gazette" / "service-links.json"
VERSION = 1


class LinkCache:
    """url -> Outcome, each valid for `max_age` seconds, for one allow-list of hosts."""

    def __init__(self, path: Path, max_age: float, hosts: list[str]):
        self.path, self.max_age, self.hosts = path, max_age, sorted(hosts)
        self.entries: dict[str, dict] = self._read() if max_age > 0 else {}

    def _read(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # only a cache: say so, check again and rewrite it
            print(f"gazette：无法读取链接检查缓存 {self.path}（{exc}），将全部重新检查。", file=sys.stderr)
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION or data.get("hosts") != self.hosts:
            return {}  # another allow-list gives other outcomes
        entries = data.get("links")
        return entries if isinstance(entries, dict) else {}

    def get(self, url: str) -> Outcome | None:
        entry = self.entries.get(url)
        if not isinstance(entry, dict) or time.time() - entry.get("checked", 0) > self.max_age:
            return None
        try:
            return Outcome.from_json(entry)
        except TypeError:
            return None

    def put(self, url: str, outcome: Outcome) -> None:
        self.entries[url] = {**outcome.to_json(), "checked": time.time()}

    def save(self) -> None:
        """Write atomically, dropping expired entries."""
        if self.max_age <= 0:
            return
        now = time.time()
        fresh = {url: e for url, e in self.entries.items() if now - e.get("checked", 0) <= self.max_age}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": VERSION, "hosts": self.hosts, "links": fresh}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
