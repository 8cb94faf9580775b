"""Argument handling shared by the commands that write into a project (new, import)."""

from __future__ import annotations

from pathlib import Path

from ..config import CONFIG_FILE
from ..errors import GazetteError
from ..model.kinds import KINDS, Kind
from ..newdoc import find_kind


def kind_argument(text: str) -> Kind:
    """The kind named by its Chinese name or slug, or a clear error."""
    kind = find_kind(text)
    if kind is None:
        raise GazetteError(f"未知的信息类别“{text}”。可用：{'、'.join(k.name for k in KINDS)}。")
    return kind


def project_root(root: Path) -> Path:
    """The resolved project folder, or a clear error when it is not one."""
    root = root.resolve()
    if not (root / CONFIG_FILE).is_file():
        raise GazetteError(f"{root} 不是公报项目文件夹（找不到 {CONFIG_FILE}）。")
    return root
