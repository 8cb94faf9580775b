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
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .. import __version__
from ..atomic import write_atomic
from ..fonts import STYLESHEET
from .render import Rendered
from .subset import FORMAT

_FILE_URI = re.compile(r'"(file:[^"]+)"')  # gazette.print.addresses writes content files as file: URIs
_LAYOUT = "|".join([__version__, version("weasyprint"), version("pydyf"), FORMAT, STYLESHEET.read_text(encoding="utf-8")])


@dataclass(frozen=True)
class Entry:
    """A finished PDF in the cache: its file, page count, its articles' pages and the PDFs cut from it."""

    pdf: Path
    pages: int
    ranges: dict[str, tuple[int, int]]  # article anchor -> first, last page
    parts: dict[str, Path]  # target -> file of a document's PDF cut from this one
    missing: tuple[str, ...] = ()  # never cached: a PDF with missing glyphs or warnings is made again
    warnings: tuple[str, ...] = ()


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    @staticmethod
    def key(html: str, extra: str = "") -> str:
        """The hash of the layout code, the print HTML (and `extra`: what is cut from it) and the files it
        embeds (images, by file: URI)."""
        digest = hashlib.sha256(f"{_LAYOUT}\0{html}\0{extra}".encode("utf-8"))
        for uri in sorted(set(_FILE_URI.findall(html))):
            path = Path(url2pathname(urlsplit(uri).path))
            digest.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
        return digest.hexdigest()

    def get(self, key: str) -> Entry | None:
        pdf, meta = self.folder / f"{key}.pdf", self.folder / f"{key}.json"
        if not (pdf.is_file() and meta.is_file()):
            return None
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            entry = Entry(pdf, data["pages"], {a: tuple(r) for a, r in data.get("ranges", {}).items()},
                          {target: self._part(key, n) for n, target in enumerate(data.get("parts", []))})
        except (ValueError, KeyError, TypeError):
            return None  # a damaged entry is simply made again
        if not all(path.is_file() for path in entry.parts.values()):
            return None
        self.used.add(key)
        return entry

    def put(self, key: str, rendered: Rendered) -> Entry:
        self.folder.mkdir(parents=True, exist_ok=True)
        parts = {}
        for n, (target, pdf) in enumerate(rendered.parts.items()):
            parts[target] = self._part(key, n)
            write_atomic(parts[target], pdf)
        write_atomic(self.folder / f"{key}.pdf", rendered.pdf)
        meta = {"pages": rendered.pages, "ranges": rendered.ranges, "parts": list(rendered.parts)}
        write_atomic(self.folder / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        self.used.add(key)
        return Entry(self.folder / f"{key}.pdf", rendered.pages, dict(rendered.ranges), parts)

    def _part(self, key: str, n: int) -> Path:
        return self.folder / f"{key}.part{n}.pdf"

    def prune(self) -> None:
        """Forget the PDFs this build did not use, so the cache holds one edition's worth."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.split(".")[0] not in self.used:
                path.unlink()
