"""The deadline (申报截止日期) key: one minimal broken project per rule, exact path, line and message."""

import pytest

from gazette.project import load_and_check

D = "content/documents/2024/"

CALL = """\
---
title: 上海市普陀区发展和改革委员会关于组织申报示例项目的通知
kind: {kind}
issuer: 区发改委
published: 2024-04-08
deadline: {deadline}
disclosure: 主动公开
---

正文。
"""

CASES = {
    "deadline_on_another_kind": (
        {D + "gg-2024-2.md": CALL.format(kind="公告通报", deadline="2024-05-31")},
        ["content/documents/2024/gg-2024-2.md:6: 错误: 申报截止日期 deadline 只用于信息类别为“申报通知”的文件，"
         "本文件是“公告通报”。请删除 deadline，或在正文中写明截止时间。"],
    ),
    "deadline_before_published": (
        {D + "sb-2024-2.md": CALL.format(kind="申报通知", deadline="2024-04-07")},
        ["content/documents/2024/sb-2024-2.md:6: 错误: 申报截止日期 deadline（2024-04-07）早于发布日期 published（2024-04-08）："
         "申报不能在通知发布之前截止，请核对两个日期。"],
    ),
    "deadline_not_a_date": (
        {D + "sb-2024-2.md": CALL.format(kind="申报通知", deadline="5月31日")},
        ["content/documents/2024/sb-2024-2.md:6: 错误: deadline（申报截止日期）应为日期，格式 YYYY-MM-DD（如 2024-04-07），"
         "实际是文字“5月31日”。"],
    ),
    "deadline_impossible_date": (
        {D + "sb-2024-2.md": CALL.format(kind="申报通知", deadline="2024-04-31")},
        ["content/documents/2024/sb-2024-2.md:6: 错误: deadline（申报截止日期）“2024-04-31”不是存在的日期，请核对年、月、日。"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_rule(project, name):
    files, expected = CASES[name]
    _, report = load_and_check(project(files))
    assert [finding.format() for finding in report.findings] == expected


@pytest.mark.parametrize("deadline", ["2024-04-08", "2024-05-31"])
def test_a_deadline_on_or_after_publication_is_fine(findings, deadline):
    assert findings({D + "sb-2024-2.md": CALL.format(kind="申报通知", deadline=deadline)}) == []
