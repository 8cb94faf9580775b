"""Permanent URLs: the register of every document URL the site has published, and redirect pages.

published-urls.txt (at the project root, committed) lists each URL once, as a
site path (/documents/2024/ptfb-2024-6/). `gazette urls` adds the URLs of the
public documents and never removes one; `gazette check` (gazette.checks.permanence)
requires every registered URL to be a document's page or a document's
`redirect_from`. Each `redirect_from` becomes a small page that sends the reader
on (meta refresh) and names the new page as canonical; it is in no listing,
feed, sitemap or search index.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from .findings import Report
from .htmlpolicy import CSP
from .library.document import Document
from .library.library import Library

REGISTER = "published-urls.txt"
HEADER = ("# 本站已发布的文件网址，每行一个。由 gazette urls 维护，请随文件一起提交。\n"
          "# 不要删除或修改已有的行：文件改名或移动时，请在新文件的头部信息中写 redirect_from。\n")


def site_path(url: str) -> str:
    """documents/2024/x/ → /documents/2024/x/."""
    return "/" + url.lstrip("/")


def read_register(root: Path, report: Report | None = None) -> list[tuple[str, int]]:
    """(site path, line) of every registered URL; none when the project has no register yet."""
    path = root / REGISTER
    if not path.is_file():
        return []
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not (text.startswith("/") and text.endswith("/")) and report is not None:
            report.error(REGISTER, number, f"“{text}”不是本站网址路径（应以 / 开头并以 / 结尾）。"
                                           "请用 gazette urls 维护此文件，不要手工编辑。")
            continue
        entries.append((text, number))
    return entries


def update_register(library: Library, write: bool = True) -> list[str]:
    """Add the URL of every public document to the register (unless not `write`); the URLs not yet in it."""
    root = library.config.root
    registered = {url for url, _ in read_register(root)}
    current = {site_path(doc.url) for doc in library.public}
    added = sorted(current - registered)
    if write and (added or not (root / REGISTER).is_file()):
        lines = sorted(registered | current)
        (root / REGISTER).write_text(HEADER + "".join(f"{url}\n" for url in lines), encoding="utf-8")
    return added


def redirects(library: Library) -> dict[str, Document]:
    """Old site path → the public document that declares it in redirect_from."""
    return {site_path(old): doc for doc in library.public for old in doc.redirect_from or []}


def redirect_page(library: Library, old: str, doc: Document) -> str:
    """The page left at an old URL: it sends the reader on to `doc`."""
    here = old.strip("/")
    relative = posixpath.relpath(doc.url.rstrip("/"), here or ".") + "/"
    canonical = library.config.base_url + doc.url
    title = html.escape(doc.title or doc.id)
    return (
        "<!doctype html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        f"<title>{title} - {html.escape(library.config.name)}</title>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={html.escape(relative)}\">\n"
        f"<link rel=\"canonical\" href=\"{html.escape(canonical)}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
        f"<p>本文件已移至新网址：<a href=\"{html.escape(relative)}\">{title}</a></p>\n</body>\n</html>\n"
    )


def write_redirects(library: Library, site_dir: Path) -> None:
    """Write one redirect page per `redirect_from` (a pipeline step)."""
    for old, doc in sorted(redirects(library).items()):
        target = site_dir / old.strip("/") / "index.html"
        if target.exists():
            continue  # a live page: gazette.checks.permanence reports the conflict
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(library, old, doc), encoding="utf-8")
