"""Preview rebuilds on the last build's layout: MkDocs' files, navigation, pages and templates kept.

A MkDocs build lists the docs folder and the theme as File objects, makes the
navigation and one Page per file and compiles the templates: at 10,000
documents about a second of every save, although a save rarely adds, removes or
renames a file. `gazette serve` builds the first time with MkDocs (`build_anew`)
and keeps that layout; after a save, `rebuild` reloads and checks the project
(the plugin's on_config, as MkDocs would) and keeps the layout when mkdocs.yml,
the theme and the paths under the docs folder are as they were, and the
publication gate and the generated pages give the same files (same paths, same
generated content). Every page is then rendered again on request
(gazette.site.preview.LazyPages), as after a full build. Otherwise MkDocs builds
anew, with the Library just loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import _build_extra_template, _build_theme_template, build
from mkdocs.structure.files import Files, InclusionLevel, set_exclusions

PLUGIN = "gazette"  # the only plugin a kept layout is rebuilt with (others may expect a fresh one)


@dataclass
class Layout:
    """What a preview build laid out, and the inputs it was laid out from."""

    tree: tuple  # tree() before the build
    config: object  # MkDocsConfig, after the plugins' on_config
    raw: Files  # MkDocs' files before the gazette's on_files (gate, generated pages)
    files: Files
    nav: object  # Navigation; its Page objects are the files' pages
    env: object  # the theme's jinja2 Environment (templates compiled once)


def tree(config) -> tuple:
    """mkdocs.yml, every path under the docs folder, and every theme file of the project with its stamp."""
    paths = sorted(os.path.join(folder, name) for folder, _, names in os.walk(config.docs_dir, followlinks=True)
                   for name in names)
    theme = []
    if config.theme.custom_dir:
        for folder, _, names in os.walk(config.theme.custom_dir, followlinks=True):
            for name in names:
                info = os.stat(os.path.join(folder, name))
                theme.append((os.path.join(folder, name), info.st_mtime_ns, info.st_size))
    return Path(config.config_file_path).read_bytes(), tuple(paths), tuple(sorted(theme))


def build_anew(config, lazy, serve_url: str) -> None:
    """A preview build by MkDocs at `serve_url`; its layout is kept in `lazy` for the next rebuild."""
    config.site_url = serve_url
    before = tree(config)
    lazy.layout = None  # while it is being replaced
    build(config, serve_url=serve_url, dirty=True)
    _, files, nav, env = lazy.state
    lazy.layout = Layout(before, config, lazy.raw, files, nav, env)


def rebuild(lazy, get_config, serve_url: str) -> None:
    """After a save: reload and check, then render on the kept layout if it still fits, else build anew."""
    last = lazy.layout
    if last is None or list(last.config.plugins) != [PLUGIN] or tree(last.config) != last.tree:
        build_anew(get_config(), lazy, serve_url)
        return
    config = last.config.plugins.on_config(last.config)  # reload and check, as MkDocs' build begins
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(Files(list(last.raw)), config=config)
    set_exclusions(files, config)
    if _shape(files) != _shape(last.files):
        plugin = config.plugins[PLUGIN]
        plugin.prepare(plugin.build.prepared)  # the Library just loaded: not read and checked again
        build_anew(get_config(), lazy, serve_url)
        return
    _render_on(last, config)


def _render_on(last: Layout, config) -> None:
    """MkDocs' build from the navigation on, on the kept files and pages (none rendered until requested)."""
    files, nav = last.files, last.nav
    config.plugins.on_nav(nav, config=config, files=files)  # every page pending again (LazyPages.defer)
    env = config.plugins.on_env(last.env, config=config, files=files)
    files.copy_static_files(dirty=True, inclusion=InclusionLevel.is_in_serve)  # a replaced image is copied
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    config.plugins.on_post_build(config=config)


def _shape(files: Files) -> list[tuple]:
    """What the layout is made from: each file's path, whether it is included, and a generated file's content."""
    return [(file.src_uri, file.inclusion, file.content_bytes if file.generated_by else None) for file in files]
