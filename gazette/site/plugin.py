"""The gazette as a MkDocs plugin (`plugins: [gazette]` in mkdocs.yml): one object owns the state of a build.

on_config takes the checked Library that `gazette build` / `gazette serve`
handed over with `prepare()` (or loads and checks it when MkDocs runs on its
own), on_files applies the publication gate and adds the generated pages,
on_page_content keeps each document's rendered body for the search index,
on_page_context hands each template its view, on_post_build runs the pipeline.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .. import pipeline, sanitize, urls
from ..htmlpolicy import CSP
from ..config import CONFIG_FILE
from ..markdown import EXTENSIONS
from ..library.reload import Kept
from ..progress import Progress
from ..project import load_and_check
from . import furniture
from .files import add_generated, gate
from .converted import take_conversion
from .preview import LazyPages
from .session import Prepared, SiteBuild

log = logging.getLogger("mkdocs.plugins.gazette")

DEFAULT_NAV = [
    {"首页": urls.page_source(urls.HOME)},
    {"公报": urls.page_source(urls.ISSUES)},
    {"文件库": urls.page_source(urls.DOCUMENTS)},
    {"专题": urls.page_source(urls.COLLECTIONS)},
    *({label: urls.page_source(f"{group}/")} for group, (label, *_) in urls.LISTINGS.items()),
    {"订阅": urls.page_source(urls.SUBSCRIBE)},
]


class GazettePlugin(BasePlugin):
    """Kept across the rebuilds of `mkdocs serve` (it has on_startup), so it also knows it is serving."""

    def __init__(self):
        super().__init__()
        self.serving = False
        self.prepared: Prepared | None = None  # handed over by the gazette command, used by the next build
        self.build: SiteBuild | None = None
        self.lazy: LazyPages | None = None  # set by `gazette serve`: pages rendered on request (gazette.site.preview)
        self.kept = Kept()  # what the last load read and parsed, reused by the next (serve)

    def prepare(self, prepared: Prepared) -> None:
        """Hand a checked Library to the next build."""
        self.prepared = prepared

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        root = Path(config.config_file_path).parent.resolve()
        prepared, self.prepared = self.prepared, None
        if prepared is None or prepared.root != root:
            prepared = self._load(root)
        if not (self.serving and config.site_url):  # `serve` points MkDocs at the local address; keep it there
            config.site_url = prepared.library.config.base_url
        self.build = SiteBuild(prepared)
        config.site_name = prepared.library.config.name
        config.extra["csp"] = CSP  # theme/partials/csp.html
        for name, options in EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs[name] = {**options, **config.mdx_configs.get(name, {})}
        if config.nav is None:
            config.nav = DEFAULT_NAV
        for watched in (prepared.library.config.issues_dir, root / CONFIG_FILE):  # serve reloads on these too
            if watched.exists() and str(watched) not in config.watch:
                config.watch.append(str(watched))
        return config

    def _load(self, root: Path) -> Prepared:
        """Load and check when MkDocs runs on its own, or when `gazette serve` rebuilds after a save."""
        library, report = load_and_check(root, kept=self.kept if self.serving else None)
        for finding in report.findings:
            (log.error if finding.level.name == "ERROR" else log.warning)(finding.format())
        if not report.ok:
            raise PluginError(f"检查发现 {report.error_count} 个错误，未生成网站。")
        return Prepared(root=root, library=library, progress=Progress(enabled=False), preview=self.serving)

    def on_env(self, env, config, files):
        """Escape every value in our own templates (theme/gazette/): titles and summaries are text, not HTML.

        MkDocs renders with autoescaping off; Material's templates keep that behaviour.
        """
        env.autoescape = lambda name: bool(name) and name.startswith("gazette/")
        env.globals["gz_assets"] = furniture.material_assets()
        env.globals["gz_urls"] = urls.template_urls()  # the fixed URLs templates link to (gazette.urls)
        if self.lazy is not None:
            self.lazy.set_env(env)
        return env

    def on_files(self, files, config):
        build = self.build
        if self.lazy is not None:
            self.lazy.raw = files  # kept with the layout (gazette.site.layout)
        files = gate(files, build.library)
        add_generated(files, list(build.pages.values()), config)
        build.total = len(files.documentation_pages())
        return files

    def on_nav(self, nav, config, files):
        if self.lazy is not None and self.build.prepared.preview:
            self.lazy.defer(files, config, nav)
        else:
            self.build.plan(files, config)  # after the nav: pages in it carry their titles
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        source = self.build.documents.get(page.file.src_uri) or self.build.collections.get(page.file.src_uri)
        if page.file.src_uri in self.build.documents:
            page.meta["template"] = "gazette/document.html"
        elif page.file.src_uri in self.build.collections:
            page.meta["template"] = "gazette/collection.html"
        if source is not None:  # its body is converted already (gazette.site.converted)
            take_conversion(page, source.parsed)
        # The navigation is in the header tabs; the empty left sidebar would only take space.
        page.meta.setdefault("hide", ["navigation"])
        return markdown

    def on_page_content(self, html, page, config, files):
        html = sanitize.clean(html)  # the second wall behind `gazette check` (gazette.sanitize)
        doc = self.build.documents.get(page.file.src_uri)
        if doc is not None:
            self.build.bodies[doc.id] = html
        return html

    def on_page_context(self, context, page, config, nav):
        build = self.build
        context["gazette"] = build.context(page.file.src_uri, page.title, page.is_homepage)
        build.rendered += 1
        if build.prepared.tick:
            build.prepared.tick(build.rendered, build.total)
        return context

    def on_post_build(self, config):
        pipeline.run(self.build.output(Path(config.site_dir)), self.build.prepared.progress,
                     preview=self.build.prepared.preview)
