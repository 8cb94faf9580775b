"""The URL contract of architecture.md for listings, and the set of every page URL."""

from __future__ import annotations

from ..library.library import Library

# Listing groups: URL folder -> (中文 name, vocabulary key; None for 信息类别).
LISTINGS = {
    "agencies": ("发文机关", "agencies"),
    "topics": ("主题分类", "topics"),
    "tags": ("标签", "tags"),
    "kinds": ("信息类别", None),
}


def listing_url(group: str, slug: str) -> str:
    return f"{group}/{slug}/"


def page_urls(library: Library) -> set[str]:
    """Every HTML page URL of the site (site-relative, no leading slash)."""
    from .pages import generated_pages

    urls = {""}  # home
    urls.update(doc.url for doc in library.public)
    urls.update(page.url for page in generated_pages(library))
    return urls


def document_pdf_url(doc) -> str:
    """Site-relative URL of one document's PDF: /documents/<id>.pdf."""
    return f"documents/{doc.id}.pdf"


def issue_pdf_url(issue) -> str:
    """Site-relative URL of an issue's print edition: /issues/<year>/<number>/gazette-<year>-<number>.pdf."""
    return f"{issue.url}gazette-{issue.year}-{issue.number}.pdf"
