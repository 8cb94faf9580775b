"""Project settings (gazette.yml): the keys declared in gazette.model.settings, read and checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Report
from .model.fields import Context, ListOf
from .model.keys import check_mapping
from .model.schema import Key
from .model.settings import CONFIG_FILE, CONFIG_SCHEMA
from .yamlsource import parse_yaml, read_text

__all__ = ["CONFIG_FILE", "CONFIG_SCHEMA", "Config", "load_config"]


def fallback(key: Key) -> Any:
    """A setting's value when gazette.yml leaves it out: its default, else the empty value of its type."""
    if key.default is not None:
        return key.default
    return [] if isinstance(key.field, ListOf) else ""


@dataclass
class Config:
    """The project folder and its settings: each key of CONFIG_SCHEMA reads as an attribute."""

    root: Path
    values: dict[str, Any] = field(default_factory=dict)  # checked settings; invalid or absent keys are missing

    def __getattr__(self, name: str) -> Any:
        if name in CONFIG_SCHEMA:
            return self.values.get(name, fallback(CONFIG_SCHEMA[name]))
        raise AttributeError(name)

    @property
    def base_url(self) -> str:
        """site_url ending with a slash, for joining site-relative paths."""
        return self.site_url.rstrip("/") + "/"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def documents_dir(self) -> Path:
        return self.content_dir / "documents"

    @property
    def data_dir(self) -> Path:
        return self.content_dir / "_data"

    @property
    def issues_dir(self) -> Path:
        return self.root / "issues"

    def rel(self, path: Path) -> str:
        """A path as shown in messages: relative to the project, with / separators."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def load_config(root: Path, report: Report) -> Config:
    """Read gazette.yml; every problem is reported and defaults fill the gaps."""
    config = Config(root=root)
    path = root / CONFIG_FILE
    if not path.is_file():
        report.error(CONFIG_FILE, 1, f"找不到项目设置文件 {CONFIG_FILE}。请确认在公报项目文件夹中运行，或用 -C 指定项目文件夹。")
        return config
    text = read_text(path, CONFIG_FILE, report)
    parsed = parse_yaml(text, CONFIG_FILE, 1, report) if text is not None else None
    if parsed is None:
        return config
    config.values.update(check_mapping(parsed, CONFIG_SCHEMA, Context(config=None), CONFIG_FILE, report, what="项目设置"))
    return config
