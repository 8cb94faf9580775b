"""The HTML WeasyPrint lays out: one issue's print edition, or one document alone.

Everything comes from the Library (public documents only: an issue's sections
hold only public documents, and per-document PDFs are made for library.public).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..library.document import Document
from ..library.issue import Issue
from ..library.library import Library
from ..library.dates import moment, updated
from ..library.dates import chinese_date
from ..library.validity import banner, printed
from .addresses import Addresses
from .body import body_html
from .qr import qr_data_uri

HERE = Path(__file__).resolve().parent


def anchor(doc: Document) -> str:
    return "doc-" + doc.id.replace("/", "-")


class Composer:
    """Print HTML for the issues and documents of one Library."""

    def __init__(self, library: Library, base_url: str):
        self.library = library
        self.addresses = Addresses(library, base_url)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                               undefined=StrictUndefined)
        self._articles: dict[str, dict] = {}

    def issue_html(self, issue: Issue) -> str:
        config = self.library.config
        heading = issue.title + (f"（总第{issue.total}期）" if issue.total else "")
        view = {
            "name": config.name, "publisher": config.publisher, "sample": config.sample,
            "year": issue.year, "number": issue.number, "total": issue.total, "date": chinese_date(issue.date),
            "sections": [{"title": s.title, "documents": [self.article(d) for d in s.documents]}
                         for s in issue.sections],
        }
        meta = self._meta(title=f"{config.name} {heading}", authors=[config.publisher], created=issue.date,
                          description=f"{chinese_date(issue.date)}出版，共 {len(issue.documents)} 份文件。",
                          keywords=[config.name, issue.title, *(s.title for s in issue.sections)])
        return self.env.get_template("issue.html").render(
            issue=view, meta=meta, header=f"{config.name}　{heading}")

    def document_html(self, doc: Document) -> str:
        config = self.library.config
        issue = doc.issue
        header = config.name + (f"　{issue.title}" if issue else "")
        return self.env.get_template("document.html").render(
            document=self.article(doc), meta=self.document_meta(doc), header=header)

    def document_meta(self, doc: Document) -> dict:
        """The PDF metadata of a document's own PDF, laid out alone or cut from its issue."""
        description = "，".join(filter(None, [doc.doc_number, f"{chinese_date(doc.published)}发布"])) + "。"
        return self._meta(title=doc.title, authors=list(doc.issuers), created=updated(doc),
                          description=description + (doc.summary or ""),
                          keywords=[*(doc.topics or []), *(doc.tags or [])])

    def same_alone(self, doc: Document) -> bool:
        """Whether the document alone prints exactly what its issue prints (its full text, no validity
        notice added since), so its own PDF can be cut from the issue's layout."""
        return doc.print is not False and self._banner(doc) is None

    def article(self, doc: Document) -> dict:
        """The template's view of one public document (the body is converted once per build)."""
        if doc.id not in self._articles:
            url = self.addresses.page(doc)
            body = body_html(doc.parsed, anchor(doc), self.addresses.links(doc), self.addresses.images(doc))
            self._articles[doc.id] = {
                "anchor": anchor(doc), "title": doc.title, "doc_number": doc.doc_number or "",
                "print": doc.print is not False, "url": url, "qr": qr_data_uri(url),
                "body": Markup(body), "banner": self._banner(doc), "summary": doc.summary or "",
                "attachments": [{"title": a["title"]} for a in doc.attachments or []],
            }
        return self._articles[doc.id]

    @staticmethod
    def _banner(doc: Document) -> str | None:
        """The site's validity notice, with the documents it links named (paper has no links)."""
        notice = banner(doc)
        return printed(notice) if notice else None

    @staticmethod
    def _meta(title: str, authors: list[str], created: dt.date, description: str, keywords: list[str]) -> dict:
        """PDF metadata; the date is the content's (issue date, or when the document last changed), so
        the same content always gives the same bytes, whatever the build clock says."""
        return {"title": title, "authors": authors, "description": description, "keywords": keywords,
                "generator": f"gazette {__version__}", "created": moment(created).isoformat(timespec="seconds")}
