"""The front matter of a collection (专题, 集成式发布), declared once like DOCUMENT_SCHEMA.

Loading, checking, the JSON Schema, the open data and the editor's reference
derive from COLLECTION_SCHEMA (content-model.md, "Collections").
"""

from __future__ import annotations

from .fields import Integer, ListOf, Text
from .kinds import AMENDED, EXPIRED, REPEALED
from .schema import ALWAYS, DOCUMENT_SCHEMA, REF, Key, Schema, reference

FOLDER = "collections"  # content/collections/<slug>.md
SLUG = r"^[a-z0-9][a-z0-9-]*$"  # the file name without .md: ASCII, like a document id, no sub-folders
LABEL = "专题"

COLLECTION_SCHEMA = Schema([
    Key("title", "专题名称", Text(one_line=True), ALWAYS,
        help="专题的名称，写成一行，如“既有多层住宅加装电梯”。", example="既有多层住宅加装电梯"),
    Key("summary", "简介", Text(), ALWAYS,
        help="一两句话说明专题收录什么，用于专题列表和订阅。", example="加装电梯的政策、解读、问答和办事入口。"),
    Key("documents", "收录文件", ListOf(reference(REF)),
        help="专题收录的文件，按显示顺序逐项写文件编号或发文字号。",
        rule="每项须能找到对应文件，且须为主动公开；documents 和 tags 至少要给出一份文件。",
        example=["2024/ptfb-2024-21"]),
    Key("tags", "按标签收录", DOCUMENT_SCHEMA["tags"].field,
        help="带有其中任一标签的主动公开文件自动收入本专题。", rule="每个值须在标签库中。"),
    Key("services", "阅办联动", DOCUMENT_SCHEMA["services"].field,
        help="专题涉及的“一网通办”办事事项，每项写 title 和 url，在专题页面显示为办事按钮。",
        rule=DOCUMENT_SCHEMA["services"].rule),
    Key("order", "排列顺序", Integer(),
        help="在专题列表 /collections/ 中的位置，数字小的在前；不填的排在最后，按网址名排列。"),
])


# How a collection page groups its members, in order: (anchor, heading, 信息类别 in the group).
# Interpretations stand beside the policy they interpret; one whose policy is not held is listed on its own.
GROUPS = (
    ("policies", "政策文件和解读", ("政策文件", "政策解读")),
    ("faq", "常见问题", ("常见问题",)),
    ("calls", "申报通知", ("申报通知",)),
    ("notices", "公告通报", ("公告通报",)),
)

# Validity that the 巡检 reports of a member, and that a collection page shows as it is (a call's deadline
# state, 申报中 or 已截止, stands in for any other validity).
NOT_IN_FORCE = (REPEALED, EXPIRED, AMENDED)
