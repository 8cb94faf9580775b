"""Permanent URLs: every registered URL (published-urls.txt) still leads to its document.

A URL of the register must be a public document's page or appear in a public
document's `redirect_from`; a `redirect_from` must not take the place of a live
page or of another document's redirect.
"""

from __future__ import annotations

from ..findings import Report
from ..library.document import Document
from ..library.library import Library
from ..library.listings import page_urls
from ..redirects import REGISTER, read_register, site_path


def check(library: Library, report: Report) -> None:
    live = {site_path(url) for url in page_urls(library)}
    declared = _redirects(library, live, report)
    documents = {site_path(doc.url) for doc in library.public}
    for url, line in read_register(library.config.root, report):
        if url in documents or url in declared:
            continue
        report.error(REGISTER, line, f"已发布的网址 {url} 不再有对应的文件：读者的书签和其他网站的链接会失效。"
                                     f"如果文件改名或移动了，请在新文件的头部信息中加入“redirect_from: [{url}]”，"
                                     "旧网址会自动跳转到新页面；如果文件依法撤下，须经审核后从 "
                                     f"{REGISTER} 中删除这一行。")


def _redirects(library: Library, live: set[str], report: Report) -> dict[str, Document]:
    declared: dict[str, Document] = {}
    for doc in library.documents.values():
        for index, old in enumerate(doc.redirect_from or []):
            url = site_path(old)
            line = doc.line("redirect_from", index)
            if url in live:
                report.error(doc.rel, line, f"原网址 {url} 是本站现有页面的网址，不能跳转：请删除这一项。")
            elif url in declared:
                report.error(doc.rel, line, f"原网址 {url} 已写在 {declared[url].rel} 中，"
                                            "同一原网址只能跳转到一个文件：请删除其中一处。")
            elif doc.is_public:
                declared[url] = doc
    return declared
