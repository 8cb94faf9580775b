"""The view of the search page /search/: its facets follow gazette.search.fields."""

from __future__ import annotations

from .. import urls
from ..library.library import Library
from .fields import page_fields
from .shardbuild import INDEX_LANGUAGE


def search_view(library: Library) -> dict:
    return {"fields": page_fields(), "count": len(library.public), "bundle": f"{urls.SEARCH_BUNDLE}/",
            "language": INDEX_LANGUAGE}
