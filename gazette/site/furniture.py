"""A gazette's page furniture: breadcrumb, previous/next issue, meta description and Open Graph.

Also the asset names of the installed Material theme (theme/base.html links them)
and the home page's latest documents that are not already in the latest issue.
"""

from __future__ import annotations

from pathlib import Path

from ..library.document import Document
from ..library.library import Library
from ..model.kinds import KIND_BY_NAME
from .. import urls

DESCRIPTION_CHARS = 120  # WeChat and search engines show about this much


def material_assets() -> dict[str, str]:
    """Site-relative names of Material's hashed CSS/JS files, found in the installed theme."""
    import material

    assets = Path(material.__file__).parent / "templates" / "assets"

    def one(folder: str, pattern: str) -> str:
        found = sorted((assets / folder).glob(pattern))
        if len(found) != 1:
            raise RuntimeError(f"Material theme: expected one {folder}/{pattern}, found {len(found)}")
        return f"assets/{folder}/{found[0].name}"

    return {"main_css": one("stylesheets", "main.*.min.css"), "palette_css": one("stylesheets", "palette.*.min.css"),
            "bundle_js": one("javascripts", "bundle.*.min.js"), "search_worker": one("javascripts/workers", "search.*.min.js")}


def furnish(library: Library, src_uri: str, title: str, doc: Document | None, view: dict | None) -> dict:
    """The furniture of one page: meta, breadcrumb (documents and issues) and issue navigation."""
    if doc is not None:
        return {"meta": _meta(doc.title, doc.summary or _document_line(doc), "article"),
                "breadcrumb": _document_trail(doc)}
    collection = next((c for c in library.collections if src_uri == urls.collection_source(c.slug)), None)
    if collection is not None:
        return {"meta": _meta(collection.title, collection.summary, "website"),
                "breadcrumb": [_crumb("首页", ""), _crumb("专题", urls.COLLECTIONS), _crumb(collection.title, None)]}
    issue = next((i for i in library.issues if src_uri == f"{i.url}index.md"), None)
    if issue is not None:
        return {"meta": _meta(title, _issue_line(library, issue), "website"),
                "breadcrumb": [_crumb("首页", ""), _crumb("公报", "issues/"), _crumb(issue.title, None)],
                "issue_nav": _issue_nav(library, issue)}
    if src_uri == "index.md":
        return {"meta": _meta(library.config.name, _site_line(library), "website")}
    intro = (view or {}).get("intro") or f"{library.config.name}：{title}"
    return {"meta": _meta(title, intro, "website")}


def _meta(title: str, description: str, kind: str) -> dict:
    text = " ".join(description.split())
    if len(text) > DESCRIPTION_CHARS:
        text = text[:DESCRIPTION_CHARS - 1] + "…"
    return {"title": title, "description": text, "type": kind}


def _crumb(title: str, url: str | None) -> dict:
    return {"title": title, "url": url}


def _document_trail(doc: Document) -> list[dict]:
    kind = KIND_BY_NAME[doc.kind]
    return [_crumb("首页", ""), _crumb("文件库", "documents/"), _crumb(kind.plural, urls.listing("kinds", kind.slug)),
            _crumb(doc.title, None)]


def _document_line(doc: Document) -> str:
    parts = [doc.doc_number, "、".join(doc.issuers), f"{doc.kind}，发布于{doc.published.isoformat()}"]
    return "，".join(p for p in parts if p)


def _issue_line(library: Library, issue) -> str:
    titles = "；".join(d.title for d in issue.documents[:3])
    return f"{library.config.name}{issue.title}，共 {len(issue.documents)} 份文件：{titles}"


def _site_line(library: Library) -> str:
    return f"{library.config.publisher}主办的政府公报：政策文件、政策解读、公告通报、申报通知和常见问题，共 {len(library.public)} 份文件。"


def _issue_nav(library: Library, issue) -> dict:
    """The issues just before and after this one (by year and number)."""
    ordered = sorted(library.issues, key=lambda i: (i.year, i.number))
    at = ordered.index(issue)
    older = ordered[at - 1] if at > 0 else None
    newer = ordered[at + 1] if at + 1 < len(ordered) else None
    return {"previous": _crumb(older.title, older.url) if older else None,
            "next": _crumb(newer.title, newer.url) if newer else None}


def latest_outside_issue(public: list[Document], issue, count: int) -> list[Document]:
    """The newest public documents that the home page's latest issue does not already list."""
    shown = {id(d) for d in issue.documents} if issue else set()
    return [d for d in public if id(d) not in shown][:count]
