"""Pages generated in memory: each Route of the Library (gazette.library.listings) with its template and view."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import urls
from ..emit import subscribe
from ..emit.catalogue import feed_link
from ..library import listings as pages
from ..library.dates import chinese_date
from ..library.document import Document
from ..library.library import Library
from ..library.listings import Entry, Listing, Route
from ..model.kinds import AGENCY_KINDS, KINDS
from ..search.page import search_view
from .collections import collections_index_view
from .views import Views, date_view
from .furniture import latest_outside_issue


@dataclass
class GeneratedPage:
    src_uri: str  # as if it were a file in content/, e.g. agencies/qfb/index.md
    title: str
    template: str
    view: Callable[[], dict] = field(repr=False)  # built when the page renders

    @property
    def url(self) -> str:
        return urls.page_of_source(self.src_uri)


def by_year(views: Views, docs) -> list[dict]:
    """Documents grouped by year of publication, newest first."""
    groups: dict[int, list[Document]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.sort_key):
        groups[doc.published.year].append(doc)
    return [{"title": f"{year}年", "documents": views.links(items)} for year, items in groups.items()]


def document_index_view(library: Library, views: Views, route: Route) -> dict:
    docs = library.public
    return {"heading": "文件库", "intro": f"本站公开的全部 {len(docs)} 份文件，按发布日期排列。",
            "groups": by_year(views, docs), "count": len(docs), "feed": feed_link(None, "all", "", len(docs))}


def issue_index_view(library: Library, views: Views, route: Route) -> dict:
    issues = sorted(library.issues, key=lambda i: (i.year, i.number), reverse=True)
    years: dict[int, list] = defaultdict(list)
    for issue in issues:
        years[issue.year].append({"title": issue.title, "url": issue.url, "total": issue.total,
                                  "date": chinese_date(issue.date), "count": len(issue.documents)})
    return {"heading": "公报", "years": [{"year": year, "issues": items} for year, items in years.items()]}


def issue_view(issue, views: Views) -> dict:
    return {
        "year": issue.year, "number": issue.number, "total": issue.total,
        "title": issue.title, "date": date_view(issue.date), "url": issue.url,
        "sections": [{"title": s.title, "documents": [_printed(views, d) for d in s.documents]}
                     for s in issue.sections],
        "count": len(issue.documents),
        "pdf_url": urls.issue_pdf(issue.year, issue.number) if views.printing.pdfs else None,
    }


def _printed(views: Views, doc) -> dict:
    """A row of an issue's table of contents: the document, and the pages it is printed on (with PDFs)."""
    printed = views.printing.of(doc.id)
    return {**views.link(doc), "pages": (printed.start, printed.end) if printed else None}


def listing_index_view(library: Library, views: Views, route: Route) -> dict:
    listing: Listing = route.subject
    order = list(AGENCY_KINDS) if listing.group == "agencies" else []
    grouped: dict[str | None, list[dict]] = defaultdict(list)
    for entry in listing.entries:
        grouped[entry.section].append({"name": entry.name, "url": entry.url, "count": len(entry.documents)})
    keys = sorted(grouped, key=lambda g: (order.index(g) if g in order else len(order), g is None))
    return {"heading": listing.label, "groups": [{"title": g, "entries": grouped[g]} for g in keys]}


def listing_view(library: Library, views: Views, route: Route) -> dict:
    entry: Entry = route.subject
    docs = entry.documents
    return {"heading": entry.name, "intro": f"{urls.LISTINGS[entry.group].label}：{entry.name}，共 {len(docs)} 份文件。",
            "groups": by_year(views, docs), "count": len(docs),
            "feed": feed_link(entry.group, entry.slug, entry.name, len(docs))}


def home_view(library: Library, views: Views, route: Route | None = None) -> dict:
    public = library.public
    latest_issue = max(library.issues, key=lambda i: (i.year, i.number), default=None)
    counts = Counter(doc.kind for doc in public)
    return {
        "latest": views.links(latest_outside_issue(public, latest_issue, 10)),
        "issue": issue_view(latest_issue, views) if latest_issue else None,
        "kinds": [{"name": k.name, "url": urls.kind_listing(k.name), "count": counts[k.name]} for k in KINDS],
        "count": len(public),
    }


View = Callable[[Library, Views, Route], dict]
# Route kind -> (template, view).
PAGE_KINDS: dict[str, tuple[str, View]] = {
    pages.HOME: ("gazette/home.html", home_view),
    pages.DOCUMENT_INDEX: ("gazette/listing.html", document_index_view),
    pages.ISSUE_INDEX: ("gazette/issues.html", issue_index_view),
    pages.ISSUE: ("gazette/issue.html", lambda library, views, route: issue_view(route.subject, views)),
    pages.LISTING_INDEX: ("gazette/listing-index.html", listing_index_view),
    pages.LISTING: ("gazette/listing.html", listing_view),
    pages.SUBSCRIBE: ("gazette/subscribe.html", lambda library, views, route: subscribe.subscribe_view(library, views.feeds)),
    pages.SEARCH: ("gazette/search.html",
                   lambda library, views, route: {**search_view(library), "preview": views.preview}),
    pages.COLLECTION_INDEX: ("gazette/collections.html", collections_index_view),
}


def generated_pages(library: Library, views: Views) -> list[GeneratedPage]:
    """Every route of the library as a page MkDocs can render."""
    result = []
    for route in library.routes:
        template, view = PAGE_KINDS[route.kind]
        result.append(GeneratedPage(urls.page_source(route.url), route.title, template,
                                    lambda view=view, route=route: view(library, views, route)))
    return result
