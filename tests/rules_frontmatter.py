"""One minimal broken project per check rule (front matter of one file: keys, types, dates, vocabularies, formats, encodings): exact path, line and message.

Run by tests/test_rules.py; tests/test_schema.py checks that the editors' JSON Schema rejects the same fixtures.
"""

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
    ),}
