"""What documents and collections share: a Markdown file with checked front matter and a body."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from .body import ParsedBody


class FrontMatterSource:
    """Front-matter keys read as attributes (the schema's default when absent), the body parsed once, the
    file line of a key. Subclasses set SCHEMA and have `values`, `front`, `body` and `body_line`."""

    SCHEMA: dict = {}

    def __getattr__(self, name: str) -> Any:
        if name in self.SCHEMA:
            return self.values.get(name, self.SCHEMA[name].default)
        raise AttributeError(name)

    @cached_property
    def parsed(self) -> ParsedBody:
        """The body read once: links, HTML, anchors, plain text (each computed on first use)."""
        return ParsedBody(self.body, self.body_line)

    def line(self, *path: Any) -> int:
        return self.front.line(*path)
