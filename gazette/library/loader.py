"""Loading a project folder into a Library, reporting every problem on the way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ..clock import build_date
from ..config import Config, load_config
from ..findings import Report
from ..model.fields import Context
from ..model.keys import check_mapping
from ..model.manifest import ISSUE_SCHEMA
from ..model.schema import DOCUMENT_SCHEMA
from ..model.vocabulary import VOCABULARY_SCHEMAS, Entry, Vocabularies, Vocabulary
from ..yamlsource import parse_yaml, read_front_matter, read_text
from .bodies import convert_bodies
from .bodycache import BodyCache
from .citations import link_citations
from .collection_loader import load_collections
from .document import Document
from .issue import Issue, Section
from .library import Library

DOCUMENT_ID = re.compile(r"^[a-z0-9][a-z0-9/-]*$")

Progress = Callable[[int, int], None]
LoadOne = Callable[[Path, Library, Report], "Document | None"]
ReadIssue = Callable[[Path, str, Report], "tuple | None"]


def load_library(root: Path, report: Report, today: dt.date | None = None,
                 progress: Progress | None = None, load_one: LoadOne | None = None,
                 read_one_issue: ReadIssue | None = None, bodies: BodyCache | None = None) -> Library:
    """Read settings, vocabularies, documents and issues of the project at `root` (`load_one`: how one
    document is read, `read_one_issue`: how one issue file is; gazette.library.reload keeps unchanged ones
    between loads; `bodies`: conversions and results kept by earlier runs)."""
    root = root.resolve()
    config = load_config(root, report)
    library = Library(config=config, vocabularies=load_vocabularies(config, report),
                      build_date=today or build_date())
    for doc in load_documents(library, report, progress, load_one or load_document):
        library.documents[doc.id] = doc
    convert_bodies([doc.parsed for doc in library.documents.values()], cache=bodies)  # on every core, meanwhile
    library.link_relations()
    link_citations(library)
    library.issues = load_issues(library, report, read_one_issue)
    library.collections = load_collections(library, report)
    return library


def load_vocabularies(config: Config, report: Report) -> Vocabularies:
    vocabularies = Vocabularies()
    for key, schema in VOCABULARY_SCHEMAS.items():
        path = config.data_dir / f"{key}.yml"
        rel = config.rel(path)
        vocabulary = Vocabulary(key=key, file=rel, broken=True)
        vocabularies[key] = vocabulary
        if not path.is_file():
            report.error(rel, 1, f"找不到{vocabulary.label}文件 {rel}。")
            continue
        text = read_text(path, rel, report)
        parsed = parse_yaml(text, rel, 1, report) if text is not None else None
        if parsed is None:
            continue
        if not isinstance(parsed.data, list):
            report.error(rel, 1, f"{vocabulary.label}应为列表，每项以“- name: …”开头。")
            continue
        vocabulary.broken = False
        vocabulary.entries = _entries(parsed, schema, rel, report, vocabulary.label)
    return vocabularies


def _entries(parsed, schema, rel: str, report: Report, label: str) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, _ in enumerate(parsed.data):
        item = _sub_document(parsed, index)
        values = check_mapping(item, schema, Context(), rel, report, what=f"{label}的第 {index + 1} 项")
        if len(values) < sum(1 for key in schema if key.required_for()):
            continue
        for key in ("name", "short", "slug"):
            value = values.get(key)
            if value is None or (key == "short" and value == values.get("name")):
                continue  # an agency without an abbreviation may repeat its name as its short name
            if value in seen:
                report.error(rel, parsed.line(index, key), f"“{value}”在{label}中重复（第一次在第 {seen[value]} 行）。名称、简称和网址名都须唯一。")
            else:
                seen[value] = parsed.line(index, key)
        entries.append(Entry(**values))
    return entries


def _sub_document(parsed, index: int):
    """The list item at `index` as a YamlDoc of its own (lines stay file lines)."""
    from ..yamlsource import YamlDoc

    node = parsed.node.value[index]
    return YamlDoc(parsed.data[index], node, parsed.first_line)


def load_documents(library: Library, report: Report, progress: Progress | None = None,
                   load_one: LoadOne | None = None) -> list[Document]:
    config = library.config
    folder = config.documents_dir
    if not folder.is_dir():
        report.error(config.rel(folder), 1, "找不到文件夹 content/documents/：文件应放在这里（按年份分子文件夹）。")
        return []
    paths = sorted(folder.rglob("*.md"))
    documents = []
    for count, path in enumerate(paths, 1):
        doc = (load_one or load_document)(path, library, report)
        if doc is not None:
            documents.append(doc)
        if progress:
            progress(count, len(paths))
    return documents


def load_document(path: Path, library: Library, report: Report) -> Document | None:
    config = library.config
    rel = config.rel(path)
    doc_id = path.relative_to(config.documents_dir).with_suffix("").as_posix()
    if not DOCUMENT_ID.match(doc_id):
        report.error(rel, 1, f"文件路径“{doc_id}”不符合要求：只能用小写英文字母、数字、连字符和 /（如 2024/ptfb-2024-6.md），"
                             "这样网址才简短、稳定。请重命名文件。")
    source = read_front_matter(path, rel, report)
    if source is None:
        return None
    parsed, split = source
    ctx = Context(vocabularies=library.vocabularies, config=config, folder=path.parent, root=config.content_dir)
    kind = parsed.data.get("kind") if isinstance(parsed.data, dict) else None
    values = check_mapping(parsed, DOCUMENT_SCHEMA, ctx, rel, report, what="头部信息",
                           kind=kind if isinstance(kind, str) else None)
    return Document(id=doc_id, path=path, rel=rel, values=values, front=parsed,
                    body=split.body, body_line=split.body_first_line)


def load_issues(library: Library, report: Report, read_one: ReadIssue | None = None) -> list[Issue]:
    config = library.config
    if not config.issues_dir.is_dir():
        return []
    issues = []
    for path in sorted(config.issues_dir.glob("*.y*ml")):
        rel = config.rel(path)
        reading = (read_one or read_issue)(path, rel, report)  # (parse, checked values) or None
        if reading is not None:
            issues.append(make_issue(rel, *reading, library))
    return sorted(issues, key=lambda i: (i.year, i.number, i.rel))


def read_issue(path: Path, rel: str, report: Report) -> tuple | None:
    """An issue file's parse and checked values (what does not depend on the documents), or None."""
    text = read_text(path, rel, report)
    parsed = parse_yaml(text, rel, 1, report) if text is not None else None
    if parsed is None:
        return None
    values = check_mapping(parsed, ISSUE_SCHEMA, Context(), rel, report, what="期刊目录")
    if not all(key in values for key in ("year", "number", "date")):
        return None
    return parsed, values


def make_issue(rel: str, parsed, values: dict, library: Library) -> Issue:
    """The Issue of a read issue file, its references resolved to the Library's documents."""
    issue = Issue(rel=rel, front=parsed, year=values["year"], number=values["number"],
                  date=values["date"], total=values.get("total"))
    for raw in values.get("sections", []):
        section = Section(title=raw["title"])
        for ref in raw["documents"]:
            doc = library.resolve(ref)
            if doc is not None and doc.is_public:
                section.documents.append(doc)
                if doc.issue is None:
                    doc.issue = issue
        issue.sections.append(section)
    return issue
