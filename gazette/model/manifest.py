"""The issue manifest (期) schema, declared like the document schema."""

from __future__ import annotations

from .fields import Date, Integer, ListOf, Record, Text
from .schema import ALWAYS, REF, Key, Schema, reference

ISSUE_SCHEMA = Schema([
    Key("year", "年份", Integer(minimum=1949), ALWAYS, help="出版年份。", example=2024),
    Key("number", "期号", Integer(), ALWAYS, help="当年的期号，从 1 起连续编号。", rule="同一年内不重复、不缺号。", example=1),
    Key("total", "总期号", Integer(), help="总第 N 期，可不填。"),
    Key("date", "出版日期", Date(), ALWAYS, help="本期出版日期。", rule="本期收录的文件须在此日期或之前发布。"),
    Key("sections", "栏目", ListOf(Record({
        "title": ("栏目名称", Text(one_line=True)),
        "documents": ("文件", ListOf(reference(REF), single_allowed=False)),
    }), single_allowed=False), ALWAYS, help="按印刷顺序排列的栏目，每个栏目写 title 和 documents。",
        rule="每份文件只能收录在一期中，且须为主动公开。"),
])
