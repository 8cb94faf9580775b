"""Finished PDFs kept between builds, keyed by everything that shapes them.

Laying out a PDF takes a quarter of a second or more; most builds change a few
documents. A PDF is a function of its print HTML (which carries the text, the
computed validity, the URLs and the content-derived date), the images it
embeds, the stylesheet and the versions of the layout code, so their hash
names it. Fonts are outside the key: after changing the system fonts, delete
build/.cache/print/.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .. import __version__
from ..atomic import write_atomic
from ..fonts import STYLESHEET
from .render import Rendered

_FILE_URI = re.compile(r'"(file:[^"]+)"')  # gazette.print.addresses writes content files as file: URIs
_LAYOUT = "|".join([__version__, version("weasyprint"), version("pydyf"), STYLESHEET.read_text(encoding="utf-8")])


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    @staticmethod
    def key(html: str) -> str:
        """The hash of the layout code, the print HTML and the files it embeds (images, by file: URI)."""
        digest = hashlib.sha256(f"{_LAYOUT}\0{html}".encode("utf-8"))
        for uri in sorted(set(_FILE_URI.findall(html))):
            path = Path(url2pathname(urlsplit(uri).path))
            digest.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
        return digest.hexdigest()

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

