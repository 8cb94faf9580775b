"""The front-matter schema of a document, declared once.

Loading, checking, the JSON Schema and the editor's reference all derive from
DOCUMENT_SCHEMA; nothing else lists the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import docnumber
from .fields import Bool, Choice, Date, FilePath, HttpsUrl, ListOf, Pattern, Record, Text, Vocab
from .kinds import CALL, DISCLOSURES, GENRES, KINDS, POLICY, INTERPRETATION, STATUSES
from .relations import INTERPRETS, RELATIONS

ALL = frozenset(kind.name for kind in KINDS)
ALWAYS = frozenset({"*"})  # required in every file (vocabularies, manifests, settings)


@dataclass(frozen=True)
class Key:
    name: str
    label: str  # 中文
    field: Any  # a gazette.model.fields.Field
    required: frozenset = frozenset()  # kinds for which the key is required
    help: str = ""  # what to write, for editors
    rule: str = ""  # checks beyond the type, for editors
    default: Any = None
    example: Any = None  # the value `gazette new` and the docs show
    public: bool = True  # False: an editorial note that never reaches open data
    panel: bool = False  # True: shown in the document page's 公文要素 panel whenever a document has a value

    @property
    def description(self) -> str:
        """What to write and what is checked, in one text (JSON Schema descriptions, open-data columns)."""
        return " ".join(part for part in (self.help, self.rule) if part)

    def required_for(self, kind: str | None = None) -> bool:
        return "*" in self.required or (kind in self.required if kind else self.required == ALL)


class Schema:
    """An ordered set of keys."""

    def __init__(self, keys: list[Key]):
        self.keys = {key.name: key for key in keys}

    def __iter__(self):
        return iter(self.keys.values())

    def __contains__(self, name: str) -> bool:
        return name in self.keys

    def __getitem__(self, name: str) -> Key:
        return self.keys[name]


def fix_url_path(text: str) -> str:
    """documents/2023/x → /documents/2023/x/ (a site path, as the register writes it)."""
    return "/" + text.strip().strip("/") + "/"


def reference(label: str) -> Text:
    ref = Text(one_line=True)
    ref.label = label
    return ref


def _change(key: str) -> Key:
    """A key naming the documents this one changes (gazette.model.relations.CHANGES)."""
    relation = RELATIONS[key]
    return Key(key, relation.name, ListOf(reference(REF)), help=relation.help, rule="每项须能找到对应文件。")


REF = "文件编号（content/documents/ 下不含 .md 的路径，如 2024/ptfb-2024-6）或发文字号"

DOCUMENT_SCHEMA = Schema([
    Key("title", "标题", Text(one_line=True), ALL,
        help="文件的完整标题，写成一行；正文中不要再用“# 标题”重复。",
        example="上海市普陀区人民政府办公室关于印发《示例办法》的通知"),
    Key("kind", "信息类别", Choice([k.name for k in KINDS]), ALL,
        help="决定文件在哪些栏目出现、哪些字段必填。", example=POLICY),
    Key("issuer", "发文机关", Vocab("agencies", many=True), ALL,
        help="写发文机关词表中的全称或简称；联合发文写成列表，主办机关在前。",
        rule="每个值须在发文机关词表（content/_data/agencies.yml）中。",
        example="上海市普陀区人民政府办公室"),
    Key("doc_number", "发文字号", Pattern(docnumber.PATTERN, docnumber.EXPECTED, docnumber.normalise),
        frozenset({POLICY}),
        help="照抄文件版头的发文字号。",
        rule="年份须与成文日期的年份一致；全库唯一。", example="普府办〔2024〕6号"),
    Key("index_number", "索引号", Text(one_line=True),
        help="政府信息公开目录的索引号，可不填。", rule="填写时全库唯一。"),
    Key("genre", "文种", Choice(GENRES),
        help="党政机关公文的 15 个文种之一；不填时从标题结尾推断（……的通知 → 通知）。",
        rule="须与标题结尾的文种一致。"),
    Key("normative", "规范性文件", Bool(), default=False,
        help="行政规范性文件写 true。", rule="规范性文件须有同日或更早发布的政策解读（三同步）。"),
    Key("signed", "成文日期", Date(), frozenset({POLICY}),
        help="文件落款处的日期。", rule="不晚于发布日期。", example="2024-04-07"),
    Key("published", "发布日期", Date(), ALL,
        help="在公报网站上公开的日期。", example="2024-04-10"),
    Key("effective", "施行日期", Date(), help="文件开始施行的日期，可不填。"),
    Key("expires", "有效期至", Date(), help="文件有效期的最后一天，可不填。", rule="须晚于施行日期；过期后有效性自动变为“失效”。"),
    Key("deadline", "申报截止日期", Date(),
        help="申报通知的申报截止日期（可以申报的最后一天），列入订阅日历 /feeds/deadlines.ics，可不填。",
        rule=f"只用于信息类别为“{CALL}”的文件；不早于发布日期。"),
    Key("status", "有效性", Choice(STATUSES),
        help="一般不填，由系统根据废止、修改、有效期自动计算；填写时以填写为准。"),
    Key("disclosure", "公开属性", Choice(DISCLOSURES), ALL,
        help="只有“主动公开”的文件会出现在网站、检索、订阅和印刷版中。", example="主动公开"),
    Key("topics", "主题分类", Vocab("topics", many=True), frozenset({POLICY}),
        help="主题分类词表（content/_data/topics.yml）中的一个或多个值。", example=["综合政务"]),
    Key("tags", "标签", Vocab("tags", many=True),
        help="标签库（content/_data/tags.yml）中的值，用于政策订阅。", rule="每个值须在标签库中。"),
    Key(INTERPRETS.key, INTERPRETS.name, reference(REF), frozenset({INTERPRETATION}),
        help="被解读的政策文件。", rule="须指向一份主动公开的政策文件。", example="2024/ptfb-2024-6"),
    _change("supersedes"),
    _change("amends"),
    _change("repeals"),
    Key("services", "阅办联动", ListOf(Record({"title": ("事项名称", Text(one_line=True)), "url": ("办理网址", HttpsUrl())}), single_allowed=False),
        help="文件涉及的“一网通办”办事事项，每项写 title 和 url。",
        rule="只能用 https://，主机须在 gazette.yml 的 service_hosts 中。"),
    Key("attachments", "附件", ListOf(Record({"title": ("附件名称", Text(one_line=True)), "file": ("文件", FilePath())}), single_allowed=False),
        help="与文件一同发布的附件，每项写 title 和 file（放在本文件旁边）。", rule="文件须存在。"),
    Key("summary", "摘要", Text(), help="一两句话的内容摘要，用于列表和订阅。"),
    Key("print", "纸质版", Bool(), default=True,
        help="false 表示只在网站发布：印刷版只印标题、网址和二维码。"),
    Key("redirect_from", "原网址", ListOf(Pattern(r"^/[^\s?#]*/$", "以 / 开头并以 / 结尾的本站网址路径，如 /documents/2023/ptfb-2023-9/", fix_url_path)),
        help="文件改名或移动后，写上它以前的网址（published-urls.txt 中的那一行）；旧网址会自动跳转到本文件。",
        rule="不能是本站现有页面的网址；同一原网址只能写在一个文件中。", public=False),
    Key("privacy_allow", "已审查公开信息", ListOf(Text(one_line=True)),
        help="经审查可以公开的个人信息原文（如公开的联系电话），逐项列出。",
        rule="每项须在文件中原样出现。", public=False),
])
