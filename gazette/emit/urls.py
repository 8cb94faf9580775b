"""Where the subscription and open-data files live (site-relative), and absolute URLs."""

from __future__ import annotations

from urllib.parse import urljoin

from ..errors import GazetteError
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
    """The full URL of a site-relative path, from MkDocs' site_url."""
    if not library.site_url:
        raise GazetteError("mkdocs.yml 中没有设置 site_url（网站的正式网址，如 https://gazette.example.gov.cn/）："
                           "订阅源、开放数据、网站地图和结构化数据中的网址都需要它。请在 mkdocs.yml 中填写 site_url。")
    base = library.site_url if library.site_url.endswith("/") else library.site_url + "/"
    return urljoin(base, path)
