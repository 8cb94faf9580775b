"""The search page /search/: a generated page whose facets follow gazette.search.fields."""

from __future__ import annotations

from collections.abc import Iterator

from ..library.library import Library
from .fields import page_fields
from .indexer import INDEX_LANGUAGE, OUTPUT

URL = "search/"


def search_page(library: Library, views) -> Iterator:
    """Provider for gazette.site.pages.PROVIDERS."""
    from ..site.pages import GeneratedPage  # the page module lists this provider

    count = len(library.public)
    yield GeneratedPage(f"{URL}index.md", "全文检索", "gazette/search.html",
                        lambda: {"fields": page_fields(), "count": count, "bundle": f"{OUTPUT}/",
                                 "language": INDEX_LANGUAGE})
