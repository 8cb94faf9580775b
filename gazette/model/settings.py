"""The project settings (gazette.yml), declared like the content model.

gazette.config.Config reads its keys from CONFIG_SCHEMA; checking, the JSON
Schema and the editor's reference derive from it too.
"""

from __future__ import annotations

from .fields import Bool, Choice, ListOf, Pattern, Record, Text, UrlTemplate
from .schema import ALWAYS, Key, Schema

CONFIG_FILE = "gazette.yml"

# What a feedback URL template may fill in for a document; each value is percent-encoded.
FEEDBACK_URL = UrlTemplate({"doc_number": "发文字号，没有时为空", "id": "文件编号", "title": "标题"})

CONFIG_SCHEMA = Schema([
    Key("name", "公报名称", Text(one_line=True), ALWAYS, help="如“上海市普陀区人民政府公报”。"),
    Key("publisher", "出版单位", Text(one_line=True), ALWAYS, help="印在封面上的编辑出版单位。"),
    Key("site_url", "网站地址", Pattern(r"^https?://[^/\s]+(/\S*)?$", "完整网址，如 https://gazette.example.gov.cn/"), ALWAYS,
        help="网站正式发布的地址：订阅源、开放数据、网站地图、结构化数据和印刷版二维码中的完整网址都以它开头。"),
    Key("service_hosts", "办事服务主机名单", ListOf(Pattern(r"^(?:localhost|[a-z0-9.-]+\.[a-z]{2,})$", "主机名，如 zwdt.sh.gov.cn")),
        help="阅办联动链接允许的主机（含其子域名）。localhost 只用于在本机测试。"),
    Key("sync_level", "三同步检查级别", Choice(["错误", "警告"]), default="错误",
        help="规范性文件缺少同步发布的政策解读时，报告为错误还是警告。"),
    Key("feedback", "政策咨询与评价", ListOf(Record({"title": ("名称", Text(one_line=True)), "url": ("网址模板", FEEDBACK_URL)}),
                                          single_allowed=False),
        help="每个文件页面上的政策留言板、政策评价等入口（可不填）。网址中的 {doc_number}、{id}、{title} "
             "换成该文件的发文字号、文件编号和标题（经网址编码），如 https://www.shpt.gov.cn/liuyan/?wh={doc_number}。"),
    Key("sample", "示例内容", Bool(), default=False, help="true 时每个页面都标明这是示例内容。"),
])
