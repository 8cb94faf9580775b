"""Vocabularies (发文机关, 主题分类, 标签库): declared entry schemas and lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .fields import Choice, Pattern, Text
from .kinds import AGENCY_KINDS, VOCABULARY_LABELS
from .schema import ALWAYS, Key, Schema

SLUG = Pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", "小写英文字母、数字和连字符（如 yingshang-huanjing）")
NAME = Text(one_line=True)


VOCABULARY_SCHEMAS = {
    "agencies": Schema([
        Key("name", "全称", NAME, ALWAYS, help="发文机关的全称，编辑在 issuer 中写的名称。"),
        Key("short", "简称", NAME, help="列表中显示的简称，也可写在 issuer 中。没有简称的机关不填，或填写与全称相同。"),
        Key("slug", "网址名", SLUG, ALWAYS, help="用于网址 /agencies/<slug>/。"),
        Key("kind", "机关类型", Choice(AGENCY_KINDS), ALWAYS, help="区政府、区府办、部门或街镇。"),
    ]),
    "topics": Schema([
        Key("name", "名称", NAME, ALWAYS),
        Key("slug", "网址名", SLUG, ALWAYS),
    ]),
    "tags": Schema([
        Key("name", "名称", NAME, ALWAYS),
        Key("slug", "网址名", SLUG, ALWAYS),
        Key("group", "分组", NAME, help="订阅页面上的分组，可不填。"),
    ]),
}


@dataclass(frozen=True)
class Entry:
    name: str
    slug: str
    short: str | None = None
    kind: str | None = None  # agencies only
    group: str | None = None  # tags only

    @property
    def display(self) -> str:
        return self.short or self.name


@dataclass
class Vocabulary:
    key: str  # agencies | topics | tags
    file: str  # path shown in messages
    entries: list[Entry] = field(default_factory=list)
    broken: bool = False  # the file is missing or unreadable (already reported)

    @property
    def label(self) -> str:
        return VOCABULARY_LABELS[self.key]

    def aliases(self) -> dict[str, str]:
        """Every accepted spelling -> full name."""
        return self._aliases

    @cached_property
    def _aliases(self) -> dict[str, str]:
        names = {entry.name: entry.name for entry in self.entries}
        names.update({entry.short: entry.name for entry in self.entries if entry.short})
        return names

    def lookup(self, value: str) -> Entry | None:
        full = self.aliases().get(value)
        return self.by_name(full) if full else None

    def by_name(self, name: str) -> Entry | None:
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Entry]:
        return {entry.name: entry for entry in self.entries}


class Vocabularies(dict):
    """key -> Vocabulary, for agencies, topics and tags."""
