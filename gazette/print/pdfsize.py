"""After the PDFs are written: the size of each PDF next to its download links."""

from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_atomic
from ..sizes import file_size

# Empty as rendered; filled already in a page an incremental build took from the last site (filled again).
MARKER = re.compile(r'<span class="gz-pdf-size" data-gz-pdf="([^"]+)">[^<]*</span>')


def fill_pdf_sizes(site: Path) -> None:
    """Write the size, e.g. （464 KB）, into every marker whose PDF exists; leave the others empty."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'class="gz-pdf-size"' not in html:
            continue
        filled = MARKER.sub(lambda m: _filled(site, m), html)
        if filled != html:
            write_atomic(page, filled.encode("utf-8"))


def _filled(site: Path, match: re.Match) -> str:
    pdf = site / match.group(1)
    if not pdf.is_file():
        return f'<span class="gz-pdf-size" data-gz-pdf="{match.group(1)}"></span>'
    return f'<span class="gz-pdf-size" data-gz-pdf="{match.group(1)}">（{file_size(pdf.stat().st_size)}）</span>'
