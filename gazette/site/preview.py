"""The editors' preview (`gazette serve`): pages rendered when requested, not all at once.

A preview build (MkDocs, dirty) reads the project and lays out the site's
files, navigation and page objects but renders no page; LazyPages renders a
page the first time the browser asks for it after a build, so a save costs the
reload and check plus the pages the editor looks at. PreviewServer is MkDocs'
LiveReloadServer that asks LazyPages before it serves a file.
"""

from __future__ import annotations

import posixpath
import threading
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.livereload import LiveReloadServer

from .incremental import mark_unmodified


class LazyPages:
    """The pages of the current preview build that have not been rendered yet."""

    def __init__(self):
        self.lock = threading.RLock()  # held by a build, and while a page renders
        self.pending: dict[str, object] = {}  # dest_uri -> MkDocs File
        self.fresh: set[Path] = set()  # pages rendered since the last build
        self.state = None  # (config, files, nav, env) of the last build
        self.raw = None  # MkDocs' files of the build under way, before the gazette's on_files
        self.layout = None  # the last good build's gazette.site.layout.Layout, reused after a save

    def defer(self, files, config, nav) -> None:
        """During a build: render no page now; forget the pages rendered for the previous build."""
        for path in self.fresh:
            path.unlink(missing_ok=True)
        self.fresh = set()
        self.pending = {file.dest_uri: file for file in files.documentation_pages()}
        for file in self.pending.values():
            mark_unmodified(file)
        self.state = (config, files, nav, None)

    def set_env(self, env) -> None:
        config, files, nav, _ = self.state
        self.state = (config, files, nav, env)

    def ensure(self, rel_path: str) -> None:
        """Render the page written at `rel_path` (or at `rel_path`/index.html) if it is still pending."""
        with self.lock:
            for uri in (rel_path, posixpath.join(rel_path, "index.html")):
                file = self.pending.pop(uri, None)
                if file is not None:
                    self._render(file)

    def _render(self, file) -> None:
        config, files, nav, env = self.state
        _populate_page(file.page, config, files, dirty=False)
        _build_page(file.page, config, files.documentation_pages(), nav, env, dirty=False)
        self.fresh.add(Path(file.abs_dest_path))


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that renders a pending page before serving it."""

    daemon_threads = True  # a request still waiting when the editor stops the preview does not keep it alive
    block_on_close = False

    def __init__(self, lazy: LazyPages, *args, **kwargs):
        self.lazy = lazy
        super().__init__(*args, **kwargs)

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if not path.startswith("/livereload/") and (path + "/").startswith(self.mount_path):
            rel = path[len(self.mount_path):] + ("index.html" if path.endswith("/") else "")
            with self._epoch_cond:  # as MkDocs does: never while a build is under way
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            self.lazy.ensure(posixpath.normpath("/" + rel).lstrip("/"))
        return super()._serve_request(environ, start_response)

    def shutdown(self, wait=False) -> None:
        """Let go of requests waiting for a build that was interrupted (Ctrl+C during a rebuild), then stop."""
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()
        super().shutdown(wait)
