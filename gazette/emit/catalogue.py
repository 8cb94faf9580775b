"""The catalogue of feeds: all documents, and one per vocabulary entry that has documents.

Feeds list exactly what the listing pages list: both come from the Library's
listings (gazette.library.listings), so a feed and its page cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..library.document import Document
from ..library.library import Library
from .. import urls

ALL_NAME = "全部文件"


@dataclass(frozen=True)
class Feed:
    group: str | None  # agencies | topics | tags | kinds | collections; None: every document
    slug: str
    name: str  # the vocabulary entry, as readers know it
    section: str | None  # tag group or agency kind (区政府, 部门, 街镇…); None when ungrouped
    documents: tuple[Document, ...]  # public, newest first

    @property
    def path(self) -> str:
        """Site-relative URL of the feed file."""
        return urls.feed(self.group, self.slug)

    @property
    def page(self) -> str:
        """Site-relative URL of the listing (or collection) page the feed follows."""
        if self.group == urls.COLLECTION_GROUP:
            return urls.collection(self.slug)
        return urls.listing(self.group, self.slug) if self.group else urls.DOCUMENTS

    @property
    def label(self) -> str:
        """The feed's name for readers: 标签“营商环境”, or 全部文件."""
        return f"{urls.group_label(self.group)}“{self.name}”" if self.group else ALL_NAME


def catalogue(library: Library) -> list[Feed]:
    """Every feed of the site: the whole library first, then each listing entry with documents."""
    feeds = [Feed(None, "all", ALL_NAME, None, tuple(library.public))]
    for listing in library.listings.values():
        feeds.extend(Feed(listing.group, e.slug, e.name, e.section, e.documents) for e in listing.entries if e.documents)
    feeds.extend(collection_feed(c) for c in library.collections if c.members)
    return feeds


def collection_feed(collection) -> Feed:
    """The feed of one collection (专题): every member, newest first (collection: gazette.library.collection.Collection)."""
    return Feed(urls.COLLECTION_GROUP, collection.slug, collection.title, None,
                tuple(sorted(collection.members, key=lambda doc: doc.sort_key)))


def calls(library: Library) -> list[Document]:
    """Public documents with a deadline (申报截止日期), by deadline then id: the calendar's events."""
    return sorted((doc for doc in library.public if doc.deadline), key=lambda doc: (doc.deadline, doc.id))


def feed_link(group: str | None, slug: str, name: str, count: int) -> dict | None:
    """What a listing page needs to link its own feed (None without documents: then there is no feed)."""
    if not count:
        return None
    feed = Feed(group, slug, name, None, ())
    return {"url": feed.path, "title": f"订阅{feed.label}（Atom）", "type": "application/atom+xml"}


# The subscription list groups agencies in three levels: 区府办 is part of the district government.
AGENCY_LEVELS = {"区政府": "区政府", "区府办": "区政府", "部门": "部门", "街镇": "街镇"}
# The subscription list leads with these groups; any other listing group follows in urls.LISTINGS order.
SECTION_FIRST = (urls.COLLECTION_GROUP, "tags", "agencies", "topics")


@dataclass(frozen=True)
class Section:
    """One group of the subscription list: its title and its feeds by sub-group (title or None)."""

    title: str
    group: str | None
    parts: tuple[tuple[str | None, tuple[Feed, ...]], ...]


def sections(feeds: list[Feed]) -> list[Section]:
    """Feeds grouped for the subscription page and the OPML: all, collections, tags, agencies, topics, kinds."""
    result = [Section(ALL_NAME, None, ((None, tuple(f for f in feeds if f.group is None)),))]
    groups = [urls.COLLECTION_GROUP, *urls.LISTINGS]
    for group in sorted(groups, key=lambda g: SECTION_FIRST.index(g) if g in SECTION_FIRST else len(SECTION_FIRST)):
        parts: dict[str | None, list[Feed]] = {}
        for feed in (f for f in feeds if f.group == group):
            key = AGENCY_LEVELS.get(feed.section, feed.section) if group == "agencies" else feed.section
            parts.setdefault(key, []).append(feed)
        order = sorted(parts, key=lambda key: key is None)  # vocabulary order; ungrouped last
        if parts:
            result.append(Section(urls.group_label(group), group, tuple((key, tuple(parts[key])) for key in order)))
    return result
