"""A document's page takes the body the Library converted (gazette.markdown.PageConversion) instead of
converting it again: MkDocs' own link rewriting is put in at the marks, with its warnings, and the page gets
the table of contents, anchors and title MkDocs' Page.render would give it.

The rule for leaving a page to MkDocs: the Library has no PageConversion of the body (convert_page says
why), the Markdown MkDocs hands the page differs from the text converted (another plugin changed it, or
MkDocs read the front matter differently), or the site's Markdown extensions are not the dialect's.
"""

from __future__ import annotations

import logging
from functools import partial

from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

from ..library.body import ParsedBody
from ..markdown import EXTENSIONS, SITE_EXTENSIONS

_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")  # its level decides whether pages keep links_to_anchors


def take_conversion(page: Page, parsed: ParsedBody) -> None:
    """Let `page` render from `parsed`'s conversion (MkDocs calls page.render after on_page_markdown)."""
    page.render = partial(_render, page, parsed)  # type: ignore[method-assign]


def same_dialect(config) -> bool:
    """Whether MkDocs converts with exactly the dialect's extensions and options."""
    return (list(config.markdown_extensions) == SITE_EXTENSIONS
            and all(config.mdx_configs.get(name, {}) == EXTENSIONS.get(name, {}) for name in SITE_EXTENSIONS))


def _render(page: Page, parsed: ParsedBody, config, files) -> None:
    """Page.render, from the conversion: the same content, toc, title and anchors, the same warnings."""
    conversion = parsed.page
    if conversion is None or page.markdown != parsed.page_text or not same_dialect(config):
        Page.render(page, config, files)
        return
    rewrite = _RelativePathTreeprocessor(page.file, files, config)
    # A rewritten link is a relative URL between two pages (percent-encoded) plus the written query and
    # fragment, so it is as inert (gazette.markdown.inert) as the link written there.
    page.content = conversion.html([rewrite.path_to_url(url) for url in conversion.links])
    page.toc = get_toc(conversion.toc_tokens)
    page._title_from_render = conversion.title
    page.present_anchor_ids = set(conversion.anchor_ids)
    if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = rewrite.links_to_anchors
