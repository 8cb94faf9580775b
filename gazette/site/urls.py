"""The URL contract of architecture.md for listings, and the set of every page URL."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from ..errors import GazetteError
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


def site_url(root) -> str:
    """The site's absolute base URL (mkdocs.yml `site_url`), ending with a slash.

    Printed matter needs full addresses (the URL and QR code of a web-only document).
    """
    path = Path(root) / "mkdocs.yml"
    try:
        with path.open(encoding="utf-8") as stream:
            settings = yaml_load(stream) or {}
    except OSError as exc:
        raise GazetteError(f"无法读取 mkdocs.yml（{exc.strerror}）：印刷版中的网址和二维码需要其中的 site_url。") from exc
    except yaml.YAMLError as exc:
        raise GazetteError(f"mkdocs.yml 不是有效的 YAML：{exc}") from exc
    url = settings.get("site_url") if isinstance(settings, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise GazetteError("mkdocs.yml 中缺少网站地址 site_url（如 https://gazette.example.gov.cn/）："
                           "印刷版中的网址和二维码需要它。")
    return url.rstrip("/") + "/"
