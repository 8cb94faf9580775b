"""The pipeline step that writes every subscription and open-data file into the site."""

from __future__ import annotations

from pathlib import Path

from ..library.library import Library
from ..library.printed import NO_PDFS, Printing
from .catalogue import Feed, sections
from .collections import write_collections
from .docdata import write_document_data
from .feeds import write_feeds
from .ics import write_calendar
from .opendata import write_open_data
from .opml import write_opml
from .sitemap import write_sitemap

LABEL = "生成订阅源、开放数据和网站地图"


def emit(library: Library, feeds: list[Feed], site_dir: Path, printing: Printing = NO_PDFS) -> None:
    write_feeds(library, feeds, site_dir)
    write_opml(library, sections(feeds), site_dir)
    write_calendar(library, site_dir)
    write_open_data(library, site_dir, printing)
    write_collections(library, site_dir)
    write_document_data(library, site_dir, printing)
    write_sitemap(library, feeds, site_dir)
