"""Atom feeds (RFC 4287) with feedgen: /feeds/all.xml and one per listing with documents.

Entries carry the summary (the editor's `summary`, else the opening of the
body) and the 公文要素, not the full text: the page stays the authoritative
text, with its validity banner, attachments and relations.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ..library.document import Document
from ..library.library import Library
from ..library.dates import chinese_date
from ..library.validity import line as validity_line
from .catalogue import Feed
from ..library.dates import latest, moment, updated
from .excerpt import excerpt
from .. import urls

# feedgen's pretty-printed Atom: an entry starts indented one level; the feed's closing tag ends the file.
ENTRY_START = b"  <entry>"
FEED_END = b"</feed>"


def write_feeds(library: Library, feeds: list[Feed], site_dir: Path) -> None:
    entries: dict[str, bytes] = {}  # one entry per document, written once, shared by every feed that lists it
    for feed in feeds:
        for doc in feed.documents:
            if doc.id not in entries:
                entries[doc.id] = entry_xml(library, doc)
        target = site_dir / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(atom(library, feed, entries))


def atom(library: Library, feed: Feed, entries: dict[str, bytes]) -> bytes:
    """The Atom document of one feed; the same content always gives the same bytes.

    The feed's own elements are written by feedgen without entries, and each entry's XML (entry_xml)
    is put in before the closing tag: the bytes feedgen writes for the whole feed, without
    serialising every entry again for each of the feeds that list it."""
    head = _generator(library, feed).atom_str(pretty=True, encoding="UTF-8")
    end = head.rindex(FEED_END)
    return head[:end] + b"".join(entries[doc.id] for doc in feed.documents) + head[end:]


def entry_xml(library: Library, doc: Document) -> bytes:
    """One entry as feedgen writes it inside a feed (indented one level, lines ended)."""
    gen = FeedGenerator()
    gen.id("urn:gazette:entry")
    gen.title("entry")
    gen.updated(moment(doc.published))
    gen.add_entry(entry(library, doc))
    xml = gen.atom_str(pretty=True, encoding="UTF-8")
    return xml[xml.index(ENTRY_START):xml.rindex(FEED_END)]


def _generator(library: Library, feed: Feed) -> FeedGenerator:
    """A feed's own elements: id, title, links, dates, author."""
    gen = FeedGenerator()
    settings = library.config
    gen.id(library.absolute(feed.path))
    gen.title(f"{settings.name}：{feed.label}")
    gen.subtitle(f"{feed.label}，共 {len(feed.documents)} 份文件，按发布日期从新到旧排列；每条含公文要素和摘要。")
    gen.link(href=library.absolute(feed.path), rel="self", type="application/atom+xml")
    gen.link(href=library.absolute(feed.page), rel="alternate", type="text/html")
    gen.language("zh-CN")
    gen.updated(moment(latest(feed.documents)))
    gen.author({"name": settings.publisher or settings.name})
    gen.rights(settings.publisher or settings.name)
    gen.generator("gazette")
    return gen


def entry(library: Library, doc: Document) -> FeedEntry:
    """The feed entry of one document."""
    item, url = FeedEntry(), library.absolute(doc.url)
    item.id(url)
    item.title(doc.title)
    item.link(href=url, rel="alternate", type="text/html")
    item.published(moment(doc.published))
    item.updated(moment(updated(doc)))
    summary = summary_text(doc)
    item.summary(summary)
    item.content(content_html(doc, url, summary), type="html")
    for name in doc.issuers:
        agency = library.vocabularies["agencies"].by_name(name)
        item.author({"name": name, "uri": library.absolute(urls.listing("agencies", agency.slug))})
    for term, scheme in categories(doc):
        item.category({"term": term, "scheme": library.absolute(scheme), "label": term})
    return item


def summary_text(doc: Document) -> str:
    return doc.summary or excerpt(doc) or doc.title


def categories(doc: Document) -> list[tuple[str, str]]:
    """(term, listing group URL) for the kind, topics and tags of a document."""
    rows = [(doc.kind, "kinds/")]
    rows += [(topic, "topics/") for topic in doc.topics or []]
    rows += [(tag, "tags/") for tag in doc.tags or []]
    return rows


def content_html(doc: Document, url: str, summary: str) -> str:
    """The 公文要素 and the summary as a small HTML fragment, with a link to the full text."""
    rows = [("发文字号", doc.doc_number), ("发文机关", "、".join(doc.issuers)), ("信息类别", doc.kind),
            ("发布日期", chinese_date(doc.published)), ("有效性", validity_line(doc))]
    if doc.deadline:
        rows.append(("申报截止日期", chinese_date(doc.deadline)))
    items = "".join(f"<li>{label}：{escape(value)}</li>" for label, value in rows if value)
    return (f"<ul>{items}</ul><p>{escape(summary)}</p>"
            f'<p><a href="{escape(url)}">阅读全文</a></p>')
