"""Listings (by agency, topic, tag and kind) and every generated page of the site, computed once.

Pages, feeds, the subscription page, the sitemap and the link check all read
these, so a listing page, its feed and its sitemap entry cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .. import urls
from ..model.kinds import KINDS
from .document import Document


@dataclass(frozen=True, eq=False)
class Entry:
    """One vocabulary entry (or 信息类别) and its public documents, newest first."""

    group: str  # a key of urls.LISTINGS
    name: str
    slug: str
    section: str | None  # tag group or agency kind (区政府, 部门, 街镇…); None when ungrouped
    documents: tuple[Document, ...]

    @property
    def url(self) -> str:
        return urls.listing(self.group, self.slug)

    @property
    def label(self) -> str:
        """The entry for readers: 标签“营商环境”."""
        return f"{urls.LISTINGS[self.group].label}“{self.name}”"


@dataclass(frozen=True, eq=False)
class Listing:
    """One listing group: its Chinese name and its entries in vocabulary order."""

    group: str
    label: str
    entries: tuple[Entry, ...]

    @property
    def url(self) -> str:
        return f"{self.group}/"


def listings(library) -> dict[str, Listing]:
    """group -> Listing, in urls.LISTINGS order (library: gazette.library.library.Library)."""
    members = _members(library.public)
    result = {}
    for group, declared in urls.LISTINGS.items():
        if declared.vocabulary is None:
            rows = [(kind.name, kind.slug, None) for kind in KINDS]
        else:
            rows = [(e.name, e.slug, e.kind or e.group) for e in library.vocabularies[declared.vocabulary].entries]
        entries = tuple(Entry(group, name, slug, section, tuple(members[group].get(name, ())))
                        for name, slug, section in rows)
        result[group] = Listing(group, declared.label, entries)
    return result


def _members(public: list[Document]) -> dict[str, dict[str, list[Document]]]:
    """group -> entry name -> public documents, in the order given (newest first)."""
    members: dict[str, dict[str, list[Document]]] = {group: defaultdict(list) for group in urls.LISTINGS}
    for doc in public:
        for group, declared in urls.LISTINGS.items():
            names = getattr(doc, declared.attribute) or []
            for name in [names] if isinstance(names, str) else names:
                members[group][name].append(doc)
    return members


# Kinds of generated page; the site layer maps each to its template and view.
HOME, DOCUMENT_INDEX, ISSUE_INDEX, ISSUE, LISTING_INDEX, LISTING, SUBSCRIBE, SEARCH = (
    "home", "documents", "issues", "issue", "listing-index", "listing", "subscribe", "search")
COLLECTION_INDEX = "collections"  # /collections/; each collection's own page is its Markdown file, like a document


@dataclass(frozen=True, eq=False)
class Route:
    """One generated page: its URL, title, kind and the object it shows (an Issue, Listing or Entry)."""

    url: str
    title: str
    kind: str
    subject: Any = field(default=None, repr=False)


def routes(library) -> list[Route]:
    """Every generated page, in navigation order (document pages are the documents themselves)."""
    pages = []
    if not (library.config.content_dir / "index.md").is_file():  # the editors may write their own home page
        pages.append(Route(urls.HOME, "首页", HOME))
    pages.append(Route(urls.DOCUMENTS, "文件库", DOCUMENT_INDEX))
    pages.append(Route(urls.ISSUES, "公报", ISSUE_INDEX))
    pages.append(Route(urls.COLLECTIONS, "专题", COLLECTION_INDEX))
    for issue in sorted(library.issues, key=lambda i: (i.year, i.number), reverse=True):
        pages.append(Route(issue.url, f"{library.config.name} {issue.title}", ISSUE, issue))
    for listing in library.listings.values():
        pages.append(Route(listing.url, listing.label, LISTING_INDEX, listing))
        pages.extend(Route(entry.url, entry.name, LISTING, entry) for entry in listing.entries)
    pages.append(Route(urls.SUBSCRIBE, "政策订阅", SUBSCRIBE))
    pages.append(Route(urls.SEARCH, "全文检索", SEARCH))
    return pages


def page_urls(library) -> set[str]:
    """Every HTML page URL of the site: the home page, every public document and generated page."""
    return {urls.HOME, *(doc.url for doc in library.public), *(route.url for route in library.routes),
            *(collection.url for collection in library.collections)}
