"""Loading content/collections/*.md into Collections, reporting every problem on the way."""

from __future__ import annotations

import re
from pathlib import Path

from ..findings import Report
from ..model.collection import COLLECTION_SCHEMA, FOLDER, SLUG
from ..model.fields import Context
from ..model.keys import check_mapping
from ..yamlsource import read_front_matter
from .collection import Collection, resolve_members

_SLUG = re.compile(SLUG)


def load_collections(library, report: Report) -> list[Collection]:
    """Every collection of the project, members resolved, in /collections/ order (library: a Library)."""
    folder = library.config.content_dir / FOLDER
    if not folder.is_dir():
        return []
    collections = []
    for path in sorted(folder.rglob("*.md")):
        collection = load_collection(path, folder, library, report)
        if collection is not None:
            resolve_members(collection, library)
            collections.append(collection)
    return sorted(collections, key=lambda c: c.sort_key)


def load_collection(path: Path, folder: Path, library, report: Report) -> Collection | None:
    config = library.config
    rel = config.rel(path)
    slug = path.relative_to(folder).with_suffix("").as_posix()
    if not _SLUG.match(slug):
        report.error(rel, 1, f"专题文件名“{slug}”不符合要求：只能用小写英文字母、数字和连字符（如 jiazhuang-dianti.md），"
                             f"直接放在 content/{FOLDER}/ 中（不分子文件夹），这样网址才简短、稳定。请重命名文件。")
    source = read_front_matter(path, rel, report)
    if source is None:
        return None
    parsed, split = source
    ctx = Context(vocabularies=library.vocabularies, config=config, folder=path.parent, root=config.content_dir)
    values = check_mapping(parsed, COLLECTION_SCHEMA, ctx, rel, report, what="专题头部信息")
    return Collection(slug=slug, path=path, rel=rel, values=values, front=parsed,
                      body=split.body, body_line=split.body_first_line)
