"""Project settings (gazette.yml), declared like the content model."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Report
from .model.fields import Bool, Choice, Context, ListOf, Pattern, Text
from .model.schema import ALWAYS, Key, Schema
from .yamlsource import parse_yaml, read_text

CONFIG_FILE = "gazette.yml"

CONFIG_SCHEMA = Schema([
    Key("name", "公报名称", Text(one_line=True), ALWAYS, help="如“上海市普陀区人民政府公报”。"),
    Key("publisher", "出版单位", Text(one_line=True), ALWAYS, help="印在封面上的编辑出版单位。"),
    Key("site_url", "网站地址", Pattern(r"^https?://[^/\s]+(/\S*)?$", "完整网址，如 https://gazette.example.gov.cn/"), ALWAYS,
        help="网站正式发布的地址：订阅源、开放数据、网站地图、结构化数据和印刷版二维码中的完整网址都以它开头。"),
    Key("service_hosts", "办事服务主机名单", ListOf(Pattern(r"^(?:localhost|[a-z0-9.-]+\.[a-z]{2,})$", "主机名，如 zwdt.sh.gov.cn")),
        help="阅办联动链接允许的主机（含其子域名）。localhost 只用于在本机测试。"),
    Key("sync_level", "三同步检查级别", Choice(["错误", "警告"]), default="错误",
        help="规范性文件缺少同步发布的政策解读时，报告为错误还是警告。"),
    Key("sample", "示例内容", Bool(), default=False, help="true 时每个页面都标明这是示例内容。"),
])


@dataclass
class Config:
    root: Path
    name: str = "政府公报"
    publisher: str = ""
    site_url: str = ""
    service_hosts: list[str] = field(default_factory=list)
    sync_level: str = "错误"
    sample: bool = False

    @property
    def base_url(self) -> str:
        """site_url ending with a slash, for joining site-relative paths."""
        return self.site_url.rstrip("/") + "/"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def documents_dir(self) -> Path:
        return self.content_dir / "documents"

    @property
    def data_dir(self) -> Path:
        return self.content_dir / "_data"

    @property
    def issues_dir(self) -> Path:
        return self.root / "issues"

    def rel(self, path: Path) -> str:
        """A path as shown in messages: relative to the project, with / separators."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def load_config(root: Path, report: Report) -> Config:
    """Read gazette.yml; every problem is reported and defaults fill the gaps."""
    from .library.keys import check_mapping  # shared key checking

    config = Config(root=root)
    path = root / CONFIG_FILE
    if not path.is_file():
        report.error(CONFIG_FILE, 1, f"找不到项目设置文件 {CONFIG_FILE}。请确认在公报项目文件夹中运行，或用 -C 指定项目文件夹。")
        return config
    text = read_text(path, CONFIG_FILE, report)
    parsed = parse_yaml(text, CONFIG_FILE, 1, report) if text is not None else None
    if parsed is None:
        return config
    values = check_mapping(parsed, CONFIG_SCHEMA, Context(config=None), CONFIG_FILE, report, what="项目设置")
    for key, value in values.items():
        setattr(config, key, value)
    return config
