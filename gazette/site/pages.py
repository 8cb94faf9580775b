"""Pages generated in memory: home data, document index, issues, listings.

Each provider yields GeneratedPage objects; the URL set, the MkDocs files and
the navigation all derive from them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..emit import subscribe
from ..emit.catalogue import feed_link
from ..library.document import Document
from ..library.library import Library
from ..model.kinds import AGENCY_KINDS, KINDS
from ..search.page import search_page
from .urls import LISTINGS, issue_pdf_url, listing_url
from ..library.dates import chinese_date
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
        folder = self.src_uri.rsplit("/", 1)[0] + "/" if "/" in self.src_uri else ""
        return folder


Provider = Callable[[Library, Views], Iterator[GeneratedPage]]


def by_year(views: Views, docs: list[Document]) -> list[dict]:
    """Documents grouped by year of publication, newest first."""
    groups: dict[int, list[Document]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: d.sort_key):
        groups[doc.published.year].append(doc)
    return [{"title": f"{year}年", "documents": views.links(items)} for year, items in groups.items()]


def document_index(library: Library, views: Views) -> Iterator[GeneratedPage]:
    docs = library.public
    yield GeneratedPage("documents/index.md", "文件库", "gazette/listing.html", lambda: {
        "heading": "文件库", "intro": f"本站公开的全部 {len(docs)} 份文件，按发布日期排列。",
        "groups": by_year(views, docs), "count": len(docs), "feed": feed_link(None, "all", "", len(docs))})


def issue_pages(library: Library, views: Views) -> Iterator[GeneratedPage]:
    issues = sorted(library.issues, key=lambda i: (i.year, i.number), reverse=True)
    yield GeneratedPage("issues/index.md", "公报", "gazette/issues.html", lambda: {
        "heading": "公报", "years": _issues_by_year(issues)})
    for issue in issues:
        yield GeneratedPage(f"{issue.url}index.md", f"{library.config.name} {issue.title}", "gazette/issue.html",
                            lambda issue=issue: issue_view(issue, views))


def issue_view(issue, views: Views) -> dict:
    return {
        "year": issue.year, "number": issue.number, "total": issue.total,
        "title": issue.title, "date": date_view(issue.date), "url": issue.url,
        "sections": [{"title": s.title, "documents": views.links(s.documents)} for s in issue.sections],
        "count": len(issue.documents),
        "pdf_url": issue_pdf_url(issue),
    }


def _issues_by_year(issues) -> list[dict]:
    years: dict[int, list] = defaultdict(list)
    for issue in issues:
        years[issue.year].append({"title": issue.title, "url": issue.url, "total": issue.total,
                                  "date": chinese_date(issue.date), "count": len(issue.documents)})
    return [{"year": year, "issues": items} for year, items in years.items()]


def listing_pages(library: Library, views: Views) -> Iterator[GeneratedPage]:
    members = _members(library)
    for group, (label, vocabulary) in LISTINGS.items():
        entries = _entries(library, group, vocabulary)
        yield GeneratedPage(f"{group}/index.md", label, "gazette/listing-index.html",
                            lambda group=group, label=label, entries=entries: _index_view(group, label, entries, members))
        for entry in entries:
            docs = members[group].get(entry["name"], [])
            title = entry["name"]
            yield GeneratedPage(f"{listing_url(group, entry['slug'])}index.md", title, "gazette/listing.html",
                                lambda title=title, docs=docs, label=label, group=group, slug=entry["slug"]: {
                                    "heading": title, "intro": f"{label}：{title}，共 {len(docs)} 份文件。",
                                    "groups": by_year(views, docs), "count": len(docs),
                                    "feed": feed_link(group, slug, title, len(docs))})


def _entries(library: Library, group: str, vocabulary: str | None) -> list[dict]:
    if vocabulary is None:
        return [{"name": k.name, "slug": k.slug, "group": None} for k in KINDS]
    return [{"name": e.name, "slug": e.slug, "display": e.display, "group": e.kind or e.group}
            for e in library.vocabularies[vocabulary].entries]


def _members(library: Library) -> dict[str, dict[str, list[Document]]]:
    """group -> entry name -> public documents, newest first."""
    members: dict[str, dict[str, list[Document]]] = {group: defaultdict(list) for group in LISTINGS}
    for doc in library.public:
        for name in doc.issuers:
            members["agencies"][name].append(doc)
        for name in doc.topics or []:
            members["topics"][name].append(doc)
        for name in doc.tags or []:
            members["tags"][name].append(doc)
        members["kinds"][doc.kind].append(doc)
    return members


def _index_view(group: str, label: str, entries: list[dict], members) -> dict:
    order = list(AGENCY_KINDS) if group == "agencies" else []
    grouped: dict[str | None, list[dict]] = defaultdict(list)
    for entry in entries:
        grouped[entry["group"]].append({**entry, "url": listing_url(group, entry["slug"]),
                                        "count": len(members[group].get(entry["name"], []))})
    keys = sorted(grouped, key=lambda g: (order.index(g) if g in order else len(order), g is None))
    return {"heading": label, "groups": [{"title": g, "entries": grouped[g]} for g in keys]}


def home_view(library: Library, views: Views) -> dict:
    public = library.public
    latest_issue = max(library.issues, key=lambda i: (i.year, i.number), default=None)
    counts = Counter(doc.kind for doc in public)
    return {
        "latest": views.links(latest_outside_issue(public, latest_issue, 10)),
        "issue": issue_view(latest_issue, views) if latest_issue else None,
        "kinds": [{"name": k.name, "url": listing_url("kinds", k.slug), "count": counts[k.name]} for k in KINDS],
        "count": len(public),
    }


def subscribe_page(library: Library, views: Views) -> Iterator[GeneratedPage]:
    yield GeneratedPage(subscribe.SOURCE, subscribe.TITLE, subscribe.TEMPLATE, lambda: subscribe.subscribe_view(library))


def default_home(library: Library, views: Views) -> Iterator[GeneratedPage]:
    """The home page, when the editors have not written content/index.md."""
    if not (library.config.content_dir / "index.md").is_file():
        yield GeneratedPage("index.md", "首页", "gazette/home.html", lambda: home_view(library, views))


PROVIDERS: list[Provider] = [default_home, document_index, issue_pages, listing_pages, subscribe_page, search_page]


def generated_pages(library: Library, views: Views | None = None) -> list[GeneratedPage]:
    views = views or Views(library)
    return [page for provider in PROVIDERS for page in provider(library, views)]
