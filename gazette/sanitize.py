"""The second wall behind `gazette check`: every rendered body passes through nh3 (ammonia).

Whatever the check let through, or whoever runs `mkdocs build` without it, a body
keeps only the tags, attributes and URL schemes of gazette.htmlpolicy; text stays
text. Script and style contents are dropped with their elements.
"""

from __future__ import annotations

import nh3

from .htmlpolicy import RENDERED_ATTRIBUTES, RENDERED_TAGS, SCHEMES, allowed_image, allowed_url, url_scheme

_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed", "textarea",
                         "title", "xmp", "noembed", "noframes", "plaintext", "math", "svg", "select"}


def _attributes() -> dict[str, set[str]]:
    return {tag: set(names) for tag, names in RENDERED_ATTRIBUTES.items()}


def _filter(file_images: bool):
    def keep(tag: str, name: str, value: str) -> str | None:
        if name in ("href", "src"):
            if tag == "img" and name == "src":
                local = allowed_image(value) or (file_images and url_scheme(value) == "file")
                return value if local else None
            return value if allowed_url(value) else None
        return value
    return keep


def clean(body: str, file_images: bool = False) -> str:
    """The body with only what gazette.htmlpolicy allows; `file_images` keeps file: image sources (print)."""
    return nh3.clean(
        body,
        tags=set(RENDERED_TAGS),
        clean_content_tags=_DROPPED_WITH_CONTENT - set(RENDERED_TAGS),
        attributes=_attributes(),
        attribute_filter=_filter(file_images),
        url_schemes=set(SCHEMES) | ({"file"} if file_images else set()),
        link_rel=None,
        strip_comments=True,
    )
