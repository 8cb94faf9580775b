"""The pipeline step that indexes the rendered site with Pagefind (its Python API).

Only public documents are indexed (library.public). Each page is read as
Pagefind would read it (gazette.search.extract), its text rewritten into index
words (gazette.search.text), and that prepared copy (never published) is what
Pagefind indexes; the search bundle lands in <site>/pagefind/.
"""

from __future__ import annotations

import asyncio
import html
import shutil
import tempfile
from pathlib import Path

from pagefind.index import PagefindIndex

from ..errors import GazetteError
from ..library.library import Library
from .extract import IndexedPage, read_page
from .text import prepare

OUTPUT = "pagefind"
# The prepared text is made of our own index words: Pagefind must neither stem nor segment it,
# at build time or in the browser, which is what it does for an undetermined language.
INDEX_LANGUAGE = "und"
# Parts of Pagefind's bundle the search page does not use (it has its own interface and runs
# Pagefind without a web worker); removed so that the site carries no dead files.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js")


def index_site(library: Library, site_dir: Path) -> None:
    """Write the Pagefind bundle for the public documents of `library` into site_dir/pagefind."""
    out = site_dir / OUTPUT
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="gazette-search-") as tmp:
        for doc in library.public:
            page = site_dir / doc.url / "index.html"
            if not page.is_file():
                raise GazetteError(f"建立检索索引失败：找不到文件页面 {doc.url}（{doc.rel}）。")
            indexed = read_page(page.read_text(encoding="utf-8"))
            if not indexed.has_body:
                raise GazetteError(f"建立检索索引失败：页面 {doc.url} 没有 data-pagefind-body 标记，请检查主题模板。")
            target = Path(tmp) / doc.url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(prepared_html(indexed), encoding="utf-8")
        try:
            asyncio.run(_pagefind(Path(tmp), out))
        except GazetteError:
            raise
        except Exception as exc:  # the Pagefind service reports its failures as plain exceptions
            raise GazetteError(f"建立检索索引失败（Pagefind）：{exc}") from exc
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)


async def _pagefind(pages: Path, out: Path) -> None:
    config = {"force_language": INDEX_LANGUAGE, "output_path": str(out)}
    async with PagefindIndex(config) as index:
        result = await index.add_directory(str(pages))
        if not result.get("page_count"):
            raise GazetteError("建立检索索引失败：Pagefind 没有读到任何页面。")


def prepared_html(page: IndexedPage) -> str:
    """The copy of a page that Pagefind indexes: prepared title and body, the page's index fields."""
    title = prepare(page.title)
    fields = "".join(_element(attrs) for attrs in page.fields)
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div data-pagefind-body>"
            f"<span data-pagefind-meta=\"title[data-value]\" data-value=\"{html.escape(title)}\"></span>{fields}"
            f"<h1>{html.escape(title)}</h1><div>{html.escape(prepare(page.body))}</div></div></body></html>")


def _element(attrs: list[tuple[str, str]]) -> str:
    rendered = " ".join(f'{name}="{html.escape(value)}"' for name, value in attrs)
    return f"<span {rendered}></span>"
