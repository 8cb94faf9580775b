"""MkDocs event handlers; hooks/gazette_hooks.py only re-exports these.

One build: on_config loads (or receives) the checked Library, on_files applies
the publication gate and adds generated pages, on_page_context hands each
template its view, on_post_build runs the pipeline steps.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from .. import pipeline
from ..config import CONFIG_FILE
from ..markdown import EXTENSIONS
from ..progress import Progress
from ..project import load_and_check
from . import furniture, session
from .files import add_generated, gate
from .pages import generated_pages, home_view
from .views import Views

log = logging.getLogger("mkdocs.plugins.gazette")

DEFAULT_NAV = [
    {"首页": "index.md"},
    {"公报": "issues/index.md"},
    {"文件库": "documents/index.md"},
    {"发文机关": "agencies/index.md"},
    {"主题分类": "topics/index.md"},
    {"标签": "tags/index.md"},
    {"信息类别": "kinds/index.md"},
    {"订阅": "subscribe/index.md"},
]


class _Build:
    """State of the build in progress."""

    def __init__(self, prepared: session.Prepared):
        self.prepared = prepared
        self.library = prepared.library
        self.views = Views(self.library)
        self.pages = {page.src_uri: page for page in generated_pages(self.library, self.views)}
        self.documents = {f"documents/{doc.id}.md": doc for doc in self.library.public}
        self.rendered = 0
        self.total = 0


_build: _Build | None = None
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _build
    root = Path(config.config_file_path).parent
    prepared = session.take(root) or _load(root)
    if not (_serving and config.site_url):  # `serve` points MkDocs at the local address; keep it there
        config.site_url = prepared.library.config.base_url
    _build = _Build(prepared)
    config.site_name = prepared.library.config.name
    for name, options in EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        config.mdx_configs[name] = {**options, **config.mdx_configs.get(name, {})}
    if config.nav is None:
        config.nav = DEFAULT_NAV
    for watched in (prepared.library.config.issues_dir, root / CONFIG_FILE):  # `gazette serve` reloads on these too
        if watched.exists() and str(watched) not in config.watch:
            config.watch.append(str(watched))
    return config


def _load(root: Path) -> session.Prepared:
    """Load and check when MkDocs runs on its own (mkdocs build / serve)."""
    library, report = load_and_check(root)
    for finding in report.findings:
        (log.error if finding.level.name == "ERROR" else log.warning)(finding.format())
    if not report.ok:
        raise PluginError(f"检查发现 {report.error_count} 个错误，未生成网站。")
    return session.Prepared(root=root.resolve(), library=library, progress=Progress(enabled=False), preview=_serving)


def on_env(env, config, files):
    """Escape every value in our own templates (theme/gazette/): titles and summaries are text, not HTML.

    MkDocs renders with autoescaping off; Material's templates keep that behaviour.
    """
    env.autoescape = lambda name: bool(name) and name.startswith("gazette/")
    env.globals["gz_assets"] = furniture.material_assets()
    return env


def on_files(files, config):
    files = gate(files, _build.library)
    add_generated(files, list(_build.pages.values()), config)
    _build.total = len(files.documentation_pages())
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _build.documents:
        page.meta["template"] = "gazette/document.html"
    # The navigation is in the header tabs; the empty left sidebar would only take space.
    page.meta.setdefault("hide", ["navigation"])
    return markdown


def on_page_context(context, page, config, nav):
    src = page.file.src_uri
    view = None
    if src in _build.documents:
        view = _build.views.document(_build.documents[src])
    elif src in _build.pages:
        view = _build.pages[src].view()
    elif page.is_homepage:
        view = home_view(_build.library, _build.views)
    doc = _build.documents.get(src)
    context["gazette"] = {"site": _site(), "view": view,
                          **furniture.furnish(_build.library, src, page.title, doc, view)}
    _build.rendered += 1
    if _build.prepared.tick:
        _build.prepared.tick(_build.rendered, _build.total)
    return context


def _site() -> dict:
    settings = _build.library.config
    return {"name": settings.name, "publisher": settings.publisher, "sample": settings.sample}


def on_post_build(config):
    progress = _build.prepared.progress
    for step in pipeline.STEPS:
        if _build.prepared.preview and not step.in_preview:
            continue
        with progress.step(step.label) as tick:
            if step.counts:
                step.run(_build.library, Path(config.site_dir), tick)
            else:
                step.run(_build.library, Path(config.site_dir))
