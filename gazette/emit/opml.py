"""The OPML 2.0 file of every feed, grouped as on the subscription page, for one-step import."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..library.library import Library
from .catalogue import Feed, Section
from ..urls import OPML


def write_opml(library: Library, grouped: list[Section], site_dir: Path) -> None:
    target = site_dir / OPML
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(opml(library, grouped))


def opml(library: Library, grouped: list[Section]) -> bytes:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = f"{library.config.name}政策订阅服务清单"
    ET.SubElement(head, "ownerName").text = library.config.publisher or library.config.name
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    for section in grouped:
        parent = body if section.group is None else _folder(body, section.title)
        for title, feeds in section.parts:
            folder = parent if title is None else _folder(parent, title)
            for feed in feeds:
                _outline(folder, library, feed)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _folder(parent: ET.Element, title: str) -> ET.Element:
    return ET.SubElement(parent, "outline", text=title, title=title)


def _outline(parent: ET.Element, library: Library, feed: Feed) -> None:
    # type="rss" is what feed readers expect in OPML, for Atom feeds too.
    ET.SubElement(parent, "outline", type="rss", text=feed.name, title=feed.label,
                  xmlUrl=library.absolute(feed.path), htmlUrl=library.absolute(feed.page))
