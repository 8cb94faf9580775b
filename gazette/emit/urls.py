"""Where the subscription and open-data files live (site-relative), and absolute URLs."""

from __future__ import annotations

from urllib.parse import urljoin

from ..library.library import Library

FEEDS = "feeds/"
ALL_FEED = "feeds/all.xml"
OPML = "feeds/subscriptions.opml"
CALENDAR = "feeds/deadlines.ics"
DOCUMENTS_JSON = "api/documents.json"
DOCUMENTS_SCHEMA = "api/documents.schema.json"
SITEMAP = "sitemap.xml"
SUBSCRIBE = "subscribe/"


def feed_path(group: str, slug: str) -> str:
    """/feeds/<group>/<slug>.xml, without the leading slash."""
    return f"{FEEDS}{group}/{slug}.xml"


def absolute(library: Library, path: str) -> str:
    """The full URL of a site-relative path, from gazette.yml's site_url."""
    return urljoin(library.config.base_url, path)
