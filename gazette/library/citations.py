"""引用本文件的文件: the public documents whose bodies link to a document, the reverse of body links.

Links are read as the link check and the publication gate read them
(gazette.library.links): a link to a document's .md source, or to its page URL.
Only public documents are counted on either side, so a non-public document's
title never reaches a page through this index.
"""

from __future__ import annotations

from .document import Document
from .library import Library
from .links import Kind, LinkResolver


def link_citations(library: Library) -> None:
    """Fill `cited_by` of every public document (newest first, each citing document once)."""
    resolver = LinkResolver(library)
    by_url = {doc.url: doc for doc in library.documents.values()}
    for doc in library.public:
        for target in _cited(doc, resolver, by_url):
            if target.is_public and target is not doc and doc not in target.cited_by:
                target.cited_by.append(doc)  # library.public is newest first, so cited_by is too


def _cited(doc: Document, resolver: LinkResolver, by_url: dict[str, Document]) -> list[Document]:
    found = []
    for link in doc.parsed.links:
        if link.image:
            continue
        target = resolver.resolve(doc, link.target)
        if target.kind is Kind.DOCUMENT and target.document is not None:
            found.append(target.document)
        elif target.kind is Kind.PAGE and target.url in by_url:
            found.append(by_url[target.url])
    return found
