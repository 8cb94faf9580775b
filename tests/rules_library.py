"""One minimal broken project per check rule (rules across documents: uniqueness, relations, 三同步, issue manifests): exact path, line and message.

Run by tests/test_rules.py; tests/test_schema.py checks that the editors' JSON Schema rejects the same fixtures.
"""

D = "content/documents/2024/"

# A 规范性文件: the 三同步 cases give it no interpretation, or a late one.
NORMATIVE_POLICY = """\
---
title: 上海市普陀区人民政府办公室关于印发《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕1号
normative: true
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
---

正文。
"""

CASES = {
    "doc_number_duplicate": (
        {
            D + 'ptfb-2024-1b.md': """\
---
title: 上海市普陀区人民政府办公室关于另一事项的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕1号
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
---

正文。
""",
        },
        [
            'content/documents/2024/ptfb-2024-1b.md:5: 错误: doc_number（发文字号）“普府办〔2024〕1号”与 content/documents/2024/ptfb-2024-1.md 重复：同一编号只能属于一份文件，请核对。',
        ],
    ),
    "index_number_duplicate": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
index_number: PT-2024-00001
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
            D + 'gg-2024-2.md': """\
---
title: 关于另一事项的公告
kind: 公告通报
issuer: 长征镇
index_number: PT-2024-00001
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-2.md:5: 错误: index_number（索引号）“PT-2024-00001”与 content/documents/2024/gg-2024-1.md 重复：同一编号只能属于一份文件，请核对。',
        ],
    ),
    "relation_unresolved": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
repeals:
  - 2023/ptfb-2023-9
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:8: 错误: repeals（废止）中的“2023/ptfb-2023-9”找不到对应文件：请写文件编号（如 2023/ptf-2023-9）或发文字号。',
        ],
    ),
    "interprets_not_policy": (
        {
            D + 'jd.md': """\
---
title: 关于示例事项公告的解读
kind: 政策解读
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
interprets: 2024/gg-2024-1
---

正文。
""",
        },
        [
            'content/documents/2024/jd.md:7: 错误: interprets（解读对象）“2024/gg-2024-1”指向的 content/documents/2024/gg-2024-1.md 是公告通报，解读对象必须是政策文件。',
        ],
    ),
    "interprets_unresolved": (
        {
            D + 'jd.md': """\
---
title: 示例管理办法的解读
kind: 政策解读
issuer: 区府办
published: 2024-03-06
disclosure: 主动公开
interprets: 普府办〔2024〕9号
---

正文。
""",
        },
        [
            'content/documents/2024/jd.md:7: 错误: interprets（解读对象）“普府办〔2024〕9号”找不到对应文件：请写被解读文件的编号（如 2024/ptfb-2024-6）或发文字号。',
        ],
    ),
    "sync_missing": (
        {
            D + 'ptfb-2024-1.md': NORMATIVE_POLICY,
        },
        [
            'content/documents/2024/ptfb-2024-1.md:6: 错误: 规范性文件缺少政策解读（三同步）：请增加一份政策解读，其 interprets 写本文件的编号 2024/ptfb-2024-1 或发文字号，发布日期不晚于本文件。',
        ],
    ),
    "sync_late": (
        {
            D + 'ptfb-2024-1.md': NORMATIVE_POLICY,
            D + 'jd.md': """\
---
title: 示例管理办法的解读
kind: 政策解读
issuer: 区府办
published: 2024-03-08
disclosure: 主动公开
interprets: 普府办〔2024〕1号
---

正文。
""",
        },
        [
            'content/documents/2024/ptfb-2024-1.md:6: 错误: 政策解读 content/documents/2024/jd.md 的发布日期 2024-03-08 晚于本文件 2024-03-05（三同步要求同日或更早发布），请调整其中一个日期。',
        ],
    ),
    "issue_unknown_document": (
        {
            'issues/2024-01.yml': """\
year: 2024
number: 1
date: 2024-03-31
sections:
  - title: 区政府办公室文件
    documents:
      - 2024/ptfb-2024-1
      - 2024/ptfb-2024-2
""",
        },
        [
            'issues/2024-01.yml:8: 错误: 找不到文件“2024/ptfb-2024-2”：请写 content/documents/ 下不含 .md 的路径（如 2024/ptfb-2024-6）或发文字号。',
        ],
    ),
    "issue_duplicate_document": (
        {
            'issues/2024-02.yml': """\
year: 2024
number: 2
date: 2024-04-30
sections:
  - title: 区政府办公室文件
    documents: [2024/ptfb-2024-1]
""",
        },
        [
            'issues/2024-02.yml:6: 错误: 文件“2024/ptfb-2024-1”已收录在 issues/2024-01.yml 第 6 行：每份文件只能收录一次。',
        ],
    ),
    "issue_number_gap": (
        {
            'issues/2024-03.yml': """\
year: 2024
number: 3
date: 2024-05-31
sections:
  - title: 公告
    documents: [2024/gg-2024-1]
""",
        },
        [
            'issues/2024-03.yml:2: 错误: 2024 年的期号不连续：缺少第 2 期（期号须从 1 起连续编号）。',
        ],
    ),
    "issue_number_duplicate": (
        {
            'issues/2024-01b.yml': """\
year: 2024
number: 1
date: 2024-03-31
sections:
  - title: 公告
    documents: [2024/gg-2024-1]
""",
        },
        [
            'issues/2024-01b.yml:2: 错误: 2024 年第 1 期重复（已有 issues/2024-01.yml），请改正期号。',
        ],
    ),
    "issue_document_after_issue": (
        {
            'issues/2024-01.yml': """\
year: 2024
number: 1
date: 2024-03-04
sections:
  - title: 区政府办公室文件
    documents: [2024/ptfb-2024-1]
""",
        },
        [
            'issues/2024-01.yml:6: 错误: 文件“2024/ptfb-2024-1”的发布日期 2024-03-05 晚于本期出版日期 2024-03-04：请收录在以后的一期，或核对日期。',
        ],
    ),
    "issue_non_public_document": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 依申请公开
---

正文。
""",
            'issues/2024-01.yml': """\
year: 2024
number: 1
date: 2024-03-31
sections:
  - title: 公告
    documents: [2024/ptfb-2024-1, 2024/gg-2024-1]
""",
        },
        [
            'issues/2024-01.yml:6: 错误: 文件“2024/gg-2024-1”的公开属性是“依申请公开”：只有主动公开的文件才能收录在公报中，请从本期删除。',
        ],
    ),
}
