"""Finished PDFs kept between builds, keyed by everything that shapes them.

Laying out a PDF takes a quarter of a second or more; most builds change a few
documents. A PDF is a function of its print HTML (which carries the text, the
computed validity, the URLs and the content-derived date), the stylesheet and
the versions of the layout code, so their hash names it. Fonts are outside the
key: after changing the system fonts, delete build/.cache/print/.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from .. import __version__
from ..atomic import write_atomic
from .compose import STYLESHEET
from .render import Rendered

_LAYOUT = "|".join([__version__, version("weasyprint"), version("pydyf"), STYLESHEET.read_text(encoding="utf-8")])


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    @staticmethod
    def key(html: str) -> str:
        return hashlib.sha256(f"{_LAYOUT}\0{html}".encode("utf-8")).hexdigest()

    def get(self, key: str) -> Rendered | None:
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not (pdf.is_file() and meta.is_file()):
            return None
        try:
            pages = json.loads(meta.read_text(encoding="utf-8"))["pages"]
        except (ValueError, KeyError, TypeError):
            return None  # a damaged entry is simply made again
        self.used.add(key)
        return Rendered(pdf=pdf.read_bytes(), pages=pages)

    def put(self, key: str, rendered: Rendered) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / f"{key}.pdf", rendered.pdf)
        write_atomic(self.folder / f"{key}.json", json.dumps({"pages": rendered.pages}).encode())
        self.used.add(key)

    def prune(self) -> None:
        """Forget the PDFs this build did not use, so the cache holds one edition's worth."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used:
                path.unlink()

