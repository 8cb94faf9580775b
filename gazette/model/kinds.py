"""The controlled values of the content model that are not editor vocabularies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # 信息类别 as editors write it
    slug: str  # ASCII, used in /kinds/<slug>/
    plural: str  # heading of its listing


KINDS: tuple[Kind, ...] = (
    Kind("政策文件", "policies", "政策文件"),
    Kind("政策解读", "interpretations", "政策解读"),
    Kind("公告通报", "notices", "公告通报"),
    Kind("申报通知", "calls", "申报通知"),
    Kind("常见问题", "faq", "常见问题"),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
POLICY, INTERPRETATION, CALL = "政策文件", "政策解读", "申报通知"

# The 15 文种 of the 党政机关公文处理工作条例 (2012).
GENRES = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要")

STATUSES = ("有效", "失效", "废止", "已修订")
VALID, EXPIRED, REPEALED, AMENDED = STATUSES

# What a 申报通知 with a deadline shows instead of 有效 (content-model.md): open until that day, closed after it.
CALL_STATES = ("申报中", "已截止")
OPEN, CLOSED = CALL_STATES
# Every state a reader is shown (Document.status): the editors' values, then the calls' own.
STATES = STATUSES + CALL_STATES

DISCLOSURES = ("主动公开", "依申请公开", "不予公开")
PUBLIC = "主动公开"

AGENCY_KINDS = ("区政府", "区府办", "部门", "街镇")

# The editors' vocabularies (content/_data/<key>.yml) and their names.
VOCABULARY_LABELS = {"agencies": "发文机关词表", "topics": "主题分类词表", "tags": "标签库"}


# Closing marks that may follow the 文种 at the end of a title.
TITLE_CLOSERS = "》」』”）) "


def genre_of_title(title: str) -> str | None:
    """The 文种 a title names at its end (…的通知 → 通知), or None."""
    stripped = title.rstrip(TITLE_CLOSERS)
    for genre in sorted(GENRES, key=len, reverse=True):
        if stripped.endswith(genre):
            return genre
    return None
