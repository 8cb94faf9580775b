"""Steps that run on the rendered site (feeds, search index, PDFs), in order.

Each concern registers a Step; the MkDocs hook runs them after rendering, so
`gazette build`, `gazette serve` and a plain `mkdocs build` produce the same site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .emit import step as emit
from .library.library import Library
from .print.step import write_print_edition
from .search.indexer import index_site
from .site.pdfsize import fill_pdf_sizes


@dataclass(frozen=True)
class Step:
    label: str  # shown in progress, in Chinese
    run: Callable[[Library, Path], None]  # (library, site_dir); (library, site_dir, tick) when `counts`
    in_preview: bool = True  # False: skipped by `gazette serve` (slow, not needed to preview)
    counts: bool = False  # True: run also gets tick(done, total) to show a live counter


STEPS: list[Step] = [
    Step(emit.LABEL, emit.emit),
    Step("建立检索索引", index_site),
    Step("生成印刷版 PDF", write_print_edition, in_preview=False, counts=True),
    Step("标注 PDF 文件大小", lambda library, site: fill_pdf_sizes(site), in_preview=False),
]
