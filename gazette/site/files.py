"""The publication gate on MkDocs' file list, and the generated pages added to it."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..library.library import Library
from ..library.links import Kind, LinkResolver
from .pages import GeneratedPage


def published_sources(library: Library) -> set[Path]:
    """Files under content/documents/ that may be published: public documents and what they use."""
    allowed: set[Path] = set()
    resolver = LinkResolver(library)
    for doc in library.public:
        allowed.add(doc.path)
        for attachment in doc.attachments or []:
            allowed.add(doc.path.parent / attachment["file"])
        for link in doc.parsed.links:
            target = resolver.resolve(doc, link.target)
            if target.kind is Kind.FILE:
                allowed.add(target.file)
    return allowed


def gate(files: Files, library: Library) -> Files:
    """Drop vocabularies, links out of content/, non-public documents and every file only they use."""
    allowed = {str(path) for path in published_sources(library)}
    content = library.config.content_dir
    links = _symbolic_links(content)
    documents = str(library.config.documents_dir) + os.sep  # paths compared as text: 10,000 Paths cost a save 0.3 s
    real_documents = str(library.config.documents_dir.resolve()) + os.sep
    kept = []
    for file in files:
        source = file.abs_src_path  # normalised and absolute (MkDocs' File)
        if file.src_uri.startswith("_data/") or (links and _escapes(source and Path(source), content, links)):
            continue  # vocabularies, and symbolic links out of content/ (gazette.checks.html reports them)
        if source and source.startswith(documents) and _real(source, documents, real_documents, links) not in allowed:
            continue
        kept.append(file)
    return Files(kept)


def _real(source: str, documents: str, real_documents: str, links: list[Path]) -> str:
    """`source` (under `documents`) without symbolic links: resolved only when content/ holds any
    (resolving each of 10,000 files costs a preview save about half a second)."""
    return str(Path(source).resolve()) if links else real_documents + source[len(documents):]


def _symbolic_links(content: Path) -> list[Path]:
    """Every symbolic link inside content/ (file or folder): only a path through one can lead out of it."""
    found = []
    for folder, dirs, names in os.walk(content):
        found += [Path(folder, name) for name in dirs + names if os.path.islink(os.path.join(folder, name))]
    return found


def _escapes(source: Path | None, content: Path, links: list[Path]) -> bool:
    """A file of content/ that is, or lies under, a symbolic link to somewhere outside it."""
    if not source or not source.is_relative_to(content) or not any(source.is_relative_to(link) for link in links):
        return False
    return not source.resolve().is_relative_to(content.resolve())


def add_generated(files: Files, pages: list[GeneratedPage], config) -> None:
    """Add in-memory pages; an editor's file at the same place is a conflict, not an override."""
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"content/{page.src_uri} 与系统生成的页面 /{page.url} 冲突，请删除或改名该文件。")
        front = yaml.safe_dump({"title": page.title, "template": page.template}, allow_unicode=True)
        files.append(File.generated(config, page.src_uri, content=f"---\n{front}---\n"))
