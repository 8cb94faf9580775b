"""One minimal broken project per check rule: exact path, line and message."""

import pytest

from gazette.project import load_and_check

D = "content/documents/2024/"

CASES = {
    "missing_required": (
        {
            D + 'ptfb-2024-1.md': """\
---
title: 上海市普陀区人民政府办公室关于印发《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
---

正文。
""",
        },
        [
            'content/documents/2024/ptfb-2024-1.md:1: 错误: 缺少必填的键 doc_number（发文字号）：信息类别为“政策文件”的文件必须填写。照抄文件版头的发文字号。',
        ],
    ),
    "wrong_type_list_for_string": (
        {
            D + 'gg-2024-1.md': """\
---
title:
  - 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:2: 错误: title（标题）应为文字，实际是列表；请写成一段文字。',
        ],
    ),
    "impossible_date": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-02-30
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:5: 错误: published（发布日期）“2024-02-30”不是存在的日期，请核对年、月、日。',
        ],
    ),
    "signed_after_published": (
        {
            D + 'gg-2024-2.md': """\
---
title: 上海市普陀区发展和改革委员会关于示例的通知
kind: 政策文件
issuer: 区发改委
doc_number: 普发改〔2024〕2号
signed: 2024-03-09
published: 2024-03-08
disclosure: 主动公开
topics: 综合政务
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-2.md:6: 错误: 成文日期 signed（2024-03-09）晚于发布日期 published（2024-03-08）：文件不能在成文之前发布，请核对两个日期。',
        ],
    ),
    "expires_before_effective": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
effective: 2024-04-01
expires: 2024-03-31
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:7: 错误: 有效期至 expires（2024-03-31）应晚于施行日期 effective（2024-04-01），请核对。',
        ],
    ),
    "issuer_not_in_vocabulary": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 普陀区发改委
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:4: 错误: issuer（发文机关）“普陀区发改委”不在发文机关词表（content/_data/agencies.yml）中。是否应为“上海市普陀区发展和改革委员会”？',
        ],
    ),
    "joint_issuer_one_unknown": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer:
  - 区发改委
  - 区财政局
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:6: 错误: issuer（发文机关）“区财政局”不在发文机关词表（content/_data/agencies.yml）中。请使用词表中的名称，或先在词表中增加此项。',
        ],
    ),
    "tag_not_in_library": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
tags: [营商环镜]
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:7: 错误: tags（标签）“营商环镜”不在标签库（content/_data/tags.yml）中。是否应为“营商环境”？',
        ],
    ),
    "kind_unknown": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通知
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:3: 错误: kind（信息类别）“公告通知”不是可选值（可选：政策文件、政策解读、公告通报、申报通知、常见问题）。是否应为“公告通报”？',
        ],
    ),
    "doc_number_format": (
        {
            D + 'ptfb-2024-1.md': None,
            D + 'wj.md': """\
---
title: 上海市普陀区人民政府办公室关于印发《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办[2024]01号
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
---

正文。
""",
            'issues/2024-01.yml': None,
        },
        [
            'content/documents/2024/wj.md:5: 错误: doc_number（发文字号）“普府办[2024]01号”格式不对，应为“机关代字〔年份〕序号号”，如 普府办〔2024〕6号（六角括号，序号不编虚位）。是否应为“普府办〔2024〕1号”？',
        ],
    ),
    "doc_number_year": (
        {
            D + 'ptfb-2024-1.md': """\
---
title: 上海市普陀区人民政府办公室关于印发《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2023〕1号
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
---

正文。
""",
        },
        [
            'content/documents/2024/ptfb-2024-1.md:5: 错误: doc_number（发文字号）“普府办〔2023〕1号”中的年份 2023 与成文日期 signed（2024-03-01）的年份 2024 不一致，请核对。',
        ],
    ),
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
    "unknown_key": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
publised: 2024-03-06
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:5: 错误: 未知的键“publised”。是否应为“published”？',
        ],
    ),
    "duplicate_key": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
published: 2024-03-07
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:7: 错误: 键“published”重复出现（第一次在第 5 行），只会保留一个值。请删除其中一个。',
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
            D + 'ptfb-2024-1.md': """\
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
""",
        },
        [
            'content/documents/2024/ptfb-2024-1.md:6: 错误: 规范性文件缺少政策解读（三同步）：请增加一份政策解读，其 interprets 写本文件的编号 2024/ptfb-2024-1 或发文字号，发布日期不晚于本文件。',
        ],
    ),
    "sync_late": (
        {
            D + 'ptfb-2024-1.md': """\
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
""",
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
    "link_broken": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

依据[示例办法](ptfb-2024-9.md)制定。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 链接“ptfb-2024-9.md”指向的文件不存在（相对路径从本文件所在的文件夹 content/documents/2024/ 算起）。是否应为“ptfb-2024-1.md”？',
        ],
    ),
    "link_anchor_missing": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

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
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

参见[这份通知](ys.md)。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 链接“ys.md”指向的文件（2024/ys）不是主动公开，公开的页面不能链接它：请删除此链接。',
        ],
    ),
    "privacy_mobile": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

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
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

申请人身份证号码：11010519491231002X。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 发现疑似居民身份证号“11010519491231002X”：个人信息须经审查后才能公开。如确需公开（如公开的联系电话），请把它原样加入 privacy_allow；否则请删除或隐去。',
        ],
    ),
    "privacy_bank_card": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

收款账号：6222 0212 3456 7890 128。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: 发现疑似银行卡号“6222 0212 3456 7890 128”：个人信息须经审查后才能公开。如确需公开（如公开的联系电话），请把它原样加入 privacy_allow；否则请删除或隐去。',
        ],
    ),
    "privacy_secrecy_marking": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

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
    "genre_mismatch": (
        {
            D + 'ptfb-2024-1.md': """\
---
title: 上海市普陀区人民政府办公室关于印发《示例管理办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2024〕1号
genre: 意见
signed: 2024-03-01
published: 2024-03-05
disclosure: 主动公开
topics: [综合政务]
---

正文。
""",
        },
        [
            'content/documents/2024/ptfb-2024-1.md:6: 错误: genre（文种）“意见”与标题结尾的文种“通知”不一致。请改为“通知”，或删除 genre 让系统从标题推断。',
        ],
    ),
    "service_not_https": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
services:
  - title: 示例事项办理
    url: http://zwdt.sh.gov.cn/item/1
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: services（阅办联动）第 1 项的 url（办理网址）“http://zwdt.sh.gov.cn/item/1”必须是以 https:// 开头的完整网址。',
        ],
    ),
    "service_host_not_allowed": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
services:
  - title: 示例事项办理
    url: https://example.com/item/1
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: services（阅办联动）第 1 项的 url（办理网址）主机“example.com”不在允许的办事服务主机名单中（gazette.yml 的 service_hosts：zwdt.sh.gov.cn）。',
        ],
    ),
    "attachment_missing": (
        {
            D + 'gg-2024-1.md': """\
---
title: 关于示例事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
attachments:
  - title: 申请表
    file: gg-2024-1-fujian.csv
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:9: 错误: attachments（附件）第 1 项的 file（文件）找不到文件“gg-2024-1-fujian.csv”（应放在 content/documents/2024/gg-2024-1-fujian.csv）。',
        ],
    ),
    "bad_document_id": (
        {
            D + 'Gonggao_2024.md': """\
---
title: 关于另一事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/Gonggao_2024.md:1: 错误: 文件路径“2024/Gonggao_2024”不符合要求：只能用小写英文字母、数字、连字符和 /（如 2024/ptfb-2024-6.md），这样网址才简短、稳定。请重命名文件。',
        ],
    ),
    "no_front_matter": (
        {
            D + 'gg-2024-2.md': """\
关于另一事项的公告

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-2.md:1: 错误: 缺少头部信息：文件第一行应为“---”，其后是 YAML 格式的头部信息（标题、发文机关等），再以一行“---”结束。可以用“gazette new <信息类别>”生成模板。',
        ],
    ),
    "malformed_yaml": (
        {
            D + 'gg-2024-2.md': """\
---
title: 关于另一事项的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
summary: 说明: 这里有冒号
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-2.md:6: 错误: YAML 格式错误：此处不能出现“键: 值”（值里的半角冒号后跟空格时，请给整个值加引号）。请检查这一行及上一行的缩进、冒号和引号。',
        ],
    ),
    "not_utf8": (
        {
            D + 'gg-2024-2.md': b'---\ntitle: \xb9\xd8\xd3\xda\xc1\xed\xd2\xbb\xca\xc2\xcf\xee\xb5\xc4\xb9\xab\xb8\xe6\n---\n',
        },
        [
            'content/documents/2024/gg-2024-2.md:2: 错误: 文件不是 UTF-8 编码（第 12 个字节无法解码）。请在编辑器中把文件另存为 UTF-8 编码（不要用 GBK/GB2312）。',
        ],
    ),
    "binary_file": (
        {
            D + 'gg-2024-2.md': b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR',
        },
        [
            'content/documents/2024/gg-2024-2.md:1: 错误: 这不是文本文件（含有二进制内容）。文件须为 UTF-8 编码的纯文本；如果这是附件，请把它列在文件的 attachments 中，而不要用 .md 或 .yml 扩展名。',
        ],
    ),
    "vocabulary_duplicate_slug": (
        {
            'content/_data/topics.yml': """\
- name: 综合政务
  slug: zonghe
- name: 城乡建设、环境保护
  slug: zonghe
""",
        },
        [
            'content/_data/topics.yml:4: 错误: “zonghe”在主题分类词表中重复（第一次在第 2 行）。名称、简称和网址名都须唯一。',
        ],
    ),
    "placeholder": (
        {
            D + 'gg-2024-1.md': """\
---
title: 【待填写：标题】
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 主动公开
---

正文。
""",
        },
        [
            'content/documents/2024/gg-2024-1.md:2: 错误: title（标题）仍是占位符，请填写实际内容。文件的完整标题，写成一行；正文中不要再用“# 标题”重复。',
        ],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_rule(project, name):
    files, expected = CASES[name]
    _, report = load_and_check(project(files))
    assert [finding.format() for finding in report.findings] == expected
    assert report.error_count == len(expected)


def test_base_project_is_clean(findings):
    assert findings() == []
