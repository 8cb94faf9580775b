"""gazette serve: live preview for editors (rebuilds on every save, renders a page when it is requested)."""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
from urllib.parse import urlsplit

from ..build import gazette_plugin, load_mkdocs_config, quiet_mkdocs
from ..errors import ContentError, GazetteError
from ..progress import Progress
from ..project import load_and_check
from ..site.layout import build_anew, rebuild
from ..site.preview import LazyPages, PreviewServer
from ..site.session import Prepared
from .check import print_report

NAME = "serve"
HELP = "在本机预览网站，保存文件后自动刷新"
_DEFAULT = gc.get_threshold()
_STARTUP = (*_DEFAULT[:2], 1_000_000)  # young generations collected as usual, the old one not
REBUILD_FAILED = "gazette：这次保存后未能重新生成预览（问题见上）；预览仍是上一次生成的网站，改正后保存即可。"


def add_arguments(parser) -> None:
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT", help="预览地址（默认 127.0.0.1:8000）")


def run(args) -> int:
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import _serve_url

    root = args.root.resolve()
    quiet_mkdocs()
    site_dir = tempfile.mkdtemp(prefix="gazette-preview-")

    def get_config():
        return load_mkdocs_config(root, site_dir=site_dir, dev_addr=args.dev_addr)

    config = get_config()
    # MkDocs keeps a plugin with on_startup across the configs it loads while serving: the same plugin
    # serves every rebuild, with the parsed bodies of the last load and the pages still to render.
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = gazette_plugin(config)
    plugin.lazy = LazyPages()
    gc.set_threshold(*_STARTUP)  # see _freeze()
    progress = Progress()
    library, report = load_and_check(root, progress, kept=plugin.kept)
    print_report(report)
    if not report.ok:
        gc.set_threshold(*_DEFAULT)
        shutil.rmtree(site_dir, ignore_errors=True)
        raise ContentError(report)
    plugin.prepare(Prepared(root, library, progress, preview=True))
    del library  # not held while serving: the plugin holds what a build needs
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, port, mount_path)

    def builder(fresh=None):
        with plugin.lazy.lock:
            try:
                if fresh is None:  # after a save
                    rebuild(plugin.lazy, get_config, serve_url)
                else:
                    build_anew(fresh, plugin.lazy, serve_url)
            except (GazetteError, MkDocsException):  # what is wrong is logged already, file and line
                print(REBUILD_FAILED, file=sys.stderr)

    server = PreviewServer(plugin.lazy, builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    server.error_handler = lambda code: _error_page(site_dir, code)
    try:
        builder(config)
        _freeze()
        for watched in [config.docs_dir, config.config_file_path, *config.watch]:
            server.watch(watched)
        print(f"预览地址：http://{args.dev_addr}/ （按 Ctrl+C 停止）", file=sys.stderr)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def _freeze() -> None:
    """After the first build. What the first load read and laid out mostly lives as long as the preview
    (gazette.library.reload keeps it): no full garbage collection walked it while it was made (_STARTUP),
    and now it is frozen out of the collector's walks. At 10,000 documents a full collection walks 1.3
    million objects (0.7 s), and every save's rebuild made one or more. The first load's own cyclic garbage
    is never freed (once, a few MB)."""
    gc.set_threshold(*_DEFAULT)
    gc.freeze()


def _error_page(site_dir: str, code: int) -> bytes | None:
    """The site's own 404 page, as `mkdocs serve` shows it."""
    from pathlib import Path

    page = Path(site_dir) / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
