"""/sitemap.xml (and .gz) with every public page and a `lastmod` derived from the content.

MkDocs' own sitemap (stamped with the build time) is switched off by an empty
theme/sitemap.xml; this one replaces it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from ..library.library import Library
from .catalogue import Feed
from ..library.dates import latest, updated
from ..library.listings import page_urls
from ..urls import SITEMAP

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def lastmods(library: Library, feeds: list[Feed]) -> dict[str, dt.date]:
    """Site-relative URL -> when it last changed: a document page by its own date, a listing or
    issue page by its documents; every other page (home, indexes) by the whole library."""
    site_wide = latest(library.public)
    dates = {url: site_wide for url in page_urls(library)}
    dates.update({feed.page: latest(feed.documents) for feed in feeds})
    dates.update({issue.url: latest(issue.documents) if issue.documents else issue.date for issue in library.issues})
    dates.update({doc.url: updated(doc) for doc in library.public})
    return dates


def sitemap(library: Library, feeds: list[Feed]) -> bytes:
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}urlset")
    for url, date in sorted(lastmods(library, feeds).items()):
        item = ET.SubElement(root, f"{{{NAMESPACE}}}url")
        ET.SubElement(item, f"{{{NAMESPACE}}}loc").text = library.absolute(url)
        ET.SubElement(item, f"{{{NAMESPACE}}}lastmod").text = date.isoformat()
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_sitemap(library: Library, feeds: list[Feed], site_dir: Path) -> None:
    data = sitemap(library, feeds)
    (site_dir / SITEMAP).write_bytes(data)
    # mtime 0 and no file name inside: the .gz is as reproducible as the .xml.
    with open(site_dir / f"{SITEMAP}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as gz:
        gz.write(data)
