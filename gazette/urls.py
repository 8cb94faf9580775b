"""Every URL and output path of the site, in one place (architecture.md, "Output contract").

URLs are site-relative, without a leading slash ("documents/2024/ptfb-2024-6/");
a folder URL ends with "/" and is written to <folder>/index.html. Generated
pages are named by the source path MkDocs knows them by (page_source). This
module imports nothing of the gazette but the model.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urljoin

from .model.collection import FOLDER as COLLECTION_FOLDER, LABEL as COLLECTION_LABEL
from .model.kinds import KINDS

HOME = ""
DOCUMENTS = "documents/"
ISSUES = "issues/"
SEARCH = "search/"
SEARCH_BUNDLE = "pagefind"  # Pagefind's output folder
SUBSCRIBE = "subscribe/"
FEEDS = "feeds/"
ALL_FEED = "feeds/all.xml"
OPML = "feeds/subscriptions.opml"
CALENDAR = "feeds/deadlines.ics"
DOCUMENTS_JSON = "api/documents.json"
DOCUMENTS_SCHEMA = "api/documents.schema.json"
DOCUMENT_DATA_SCHEMA = "api/document.schema.json"  # of api/documents/<id>.json; outside that folder, so no id collides
SITEMAP = "sitemap.xml"
COLLECTIONS = f"{COLLECTION_FOLDER}/"  # 专题: /collections/ and /collections/<slug>/
COLLECTION_GROUP = COLLECTION_FOLDER  # the feed group of the collections: /feeds/collections/<slug>.xml
COLLECTIONS_JSON = "api/collections.json"
COLLECTIONS_SCHEMA = "api/collections.schema.json"



class ListingGroup(NamedTuple):
    """One way of listing documents: its Chinese name, its vocabulary and the Document attribute it reads."""

    label: str
    vocabulary: str | None  # the vocabulary of its entries; None: the 信息类别 (model.kinds.KINDS)
    attribute: str  # Document attribute holding a document's entry names (a list, or one name)


# Listing groups by URL folder, in navigation order: a new kind of listing is one line here.
LISTINGS = {
    "agencies": ListingGroup("发文机关", "agencies", "issuers"),
    "topics": ListingGroup("主题分类", "topics", "topics"),
    "tags": ListingGroup("标签", "tags", "tags"),
    "kinds": ListingGroup("信息类别", None, "kind"),
}
KIND_SLUGS = {kind.name: kind.slug for kind in KINDS}


def document(doc_id: str) -> str:
    """/documents/<id>/: one document's page."""
    return f"{DOCUMENTS}{doc_id}/"


def document_source(doc_id: str) -> str:
    """The document's Markdown file as MkDocs names it (below content/)."""
    return f"{DOCUMENTS}{doc_id}.md"


def document_pdf(doc_id: str) -> str:
    """/documents/<id>.pdf: that document alone as PDF."""
    return f"{DOCUMENTS}{doc_id}.pdf"


def document_data(doc_id: str) -> str:
    """/api/documents/<id>.json: one document's open data with its text."""
    return f"api/documents/{doc_id}.json"


def attachment(doc_id: str, file: str) -> str:
    """An attachment (or any file a document uses) is published beside the document's source."""
    folder = doc_id.rsplit("/", 1)[0] + "/" if "/" in doc_id else ""
    return f"{DOCUMENTS}{folder}{file}"


def issue(year: int, number: int) -> str:
    """/issues/<year>/<number>/: one issue's table of contents."""
    return f"{ISSUES}{year}/{number}/"


def issue_pdf(year: int, number: int) -> str:
    """The issue's print edition, beside its page."""
    return f"{issue(year, number)}gazette-{year}-{number}.pdf"


def listing(group: str, slug: str) -> str:
    """/agencies/<slug>/ and the like."""
    return f"{group}/{slug}/"


def kind_listing(kind: str) -> str:
    """The listing of one 信息类别, by its name."""
    return listing("kinds", KIND_SLUGS[kind])


def collection(slug: str) -> str:
    """/collections/<slug>/: one collection (专题)."""
    return f"{COLLECTIONS}{slug}/"


def collection_source(slug: str) -> str:
    """The collection's Markdown file as MkDocs names it (below content/)."""
    return f"{COLLECTIONS}{slug}.md"


def group_label(group: str) -> str:
    """The Chinese name of a feed group: a listing group, or 专题."""
    return COLLECTION_LABEL if group == COLLECTION_GROUP else LISTINGS[group].label


def feed(group: str | None, slug: str) -> str:
    """/feeds/<group>/<slug>.xml; the feed of every document when group is None."""
    return f"{FEEDS}{group}/{slug}.xml" if group else ALL_FEED


def page_source(url: str) -> str:
    """The in-memory source path of a generated page at `url` (agencies/qfb/ -> agencies/qfb/index.md)."""
    return f"{url}index.md"


def page_of_source(src_uri: str) -> str:
    """The URL of the page MkDocs renders from `src_uri` (inverse of page_source)."""
    return src_uri.rsplit("/", 1)[0] + "/" if "/" in src_uri else HOME


def absolute(base_url: str, path: str) -> str:
    """The full URL of a site-relative path; `base_url` ends with "/"."""
    return urljoin(base_url, path)


def template_urls() -> dict[str, str]:
    """The fixed URLs the templates link to, by name."""
    return {"home": HOME, "documents": DOCUMENTS, "issues": ISSUES, "search": SEARCH, "subscribe": SUBSCRIBE,
            "collections": COLLECTIONS,
            "all_feed": ALL_FEED, "calendar": CALENDAR, "sitemap": SITEMAP, **{group: f"{group}/" for group in LISTINGS}}
