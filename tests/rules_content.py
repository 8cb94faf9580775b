"""One minimal broken project per check rule (the text itself: internal links and anchors, personal data and secrecy markings, characters the print fonts lack): exact path, line and message.

Run by tests/test_rules.py; tests/test_schema.py checks that the editors' JSON Schema rejects the same fixtures.
"""

from projects import NOTICE_HEAD

D = "content/documents/2024/"

CASES = {
    "link_broken": (
        {
            D + 'gg-2024-1.md': NOTICE_HEAD + """
依据[示例办法](ptfb-2024-9.md)制定。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 链接“ptfb-2024-9.md”指向的文件不存在（相对路径从本文件所在的文件夹 content/documents/2024/ 算起）。是否应为“ptfb-2024-1.md”？',
        ],
    ),
    "link_anchor_missing": (
        {
            D + 'gg-2024-1.md': NOTICE_HEAD + """
见[总体要求](ptfb-2024-1.md#一总体要求)和[第二部分](ptfb-2024-1.md#二工作任务)。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 链接“ptfb-2024-1.md#二工作任务”中的锚点“#二工作任务”在 content/documents/2024/ptfb-2024-1.md 中不存在。可用的锚点：#一总体要求。',
        ],
    ),
    "link_to_non_public": (
        {
            D + 'ys.md': """\
---
title: 关于内部事项的通知
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 不予公开
---

正文。
""",
            D + 'gg-2024-1.md': NOTICE_HEAD + """
参见[这份通知](ys.md)。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 链接“ys.md”指向的文件（2024/ys）不是主动公开，公开的页面不能链接它：请删除此链接。',
        ],
    ),
    "privacy_mobile": (
        {
            D + 'gg-2024-1.md': NOTICE_HEAD + """
联系人：王先生

联系电话：13917250416。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:11: 错误: 发现疑似手机号码“13917250416”：个人信息须经审查后才能公开。如确需公开（如公开的联系电话），请把它原样加入 privacy_allow；否则请删除或隐去。',
        ],
    ),
    "privacy_id_card": (
        {
            D + 'gg-2024-1.md': NOTICE_HEAD + """
申请人身份证号码：11010519491231002X。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 发现疑似居民身份证号“11010519491231002X”：个人信息须经审查后才能公开。如确需公开（如公开的联系电话），请把它原样加入 privacy_allow；否则请删除或隐去。',
        ],
    ),
    "privacy_bank_card": (
        {
            D + 'gg-2024-1.md': NOTICE_HEAD + """
收款账号：6222 0212 3456 7890 128。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 发现疑似银行卡号“6222 0212 3456 7890 128”：个人信息须经审查后才能公开。如确需公开（如公开的联系电话），请把它原样加入 privacy_allow；否则请删除或隐去。',
        ],
    ),
    "privacy_secrecy_marking": (
        {
            D + 'gg-2024-1.md': NOTICE_HEAD + """
秘密★1年

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 发现密级标志“秘密★”：涉密或内部资料不得公开。请确认文件的公开属性，或删除该标志后重新审查。',
        ],
    ),
    "privacy_allow_unused": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
privacy_allow:
  - "13917250416"
---

联系电话：021-52564588。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:8: 错误: privacy_allow（已审查公开信息）中的“13917250416”在标题、摘要和正文中都没有出现：请删除这一项，或核对是否写错。',
        ],
    ),
    "glyph_private_use": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例\ue001事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

第一段。

第二段有两个自造字：\ue000、\U000f0001。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:2: 错误: 字符“\ue001”（U+E001）在印刷字体中没有字形，PDF 中会印成空框。这是私用区字符（多为自造字，别的电脑上也无法显示），请改用通行的写法（缺字可用“〓”标出），或确认已安装 fonts-noto-cjk。',
            'content/documents/2024/gg-2024-1.md:11: 错误: 字符“\ue000”（U+E000）在印刷字体中没有字形，PDF 中会印成空框。这是私用区字符（多为自造字，别的电脑上也无法显示），请改用通行的写法（缺字可用“〓”标出），或确认已安装 fonts-noto-cjk。',
            'content/documents/2024/gg-2024-1.md:11: 错误: 字符“\U000f0001”（U+F0001）在印刷字体中没有字形，PDF 中会印成空框。这是私用区字符（多为自造字，别的电脑上也无法显示），请改用通行的写法（缺字可用“〓”标出），或确认已安装 fonts-noto-cjk。',
        ],
    ),
}
