"""QR codes of document URLs, for the print edition of web-only documents."""

from __future__ import annotations

import segno

# Level M survives a smudge on coarse gazette paper; a 4-module quiet zone is the standard's minimum.
ERROR_LEVEL = "m"
QUIET_ZONE = 4


def qr_data_uri(url: str) -> str:
    """An SVG data: URI of the QR code of `url` (sized by the stylesheet)."""
    return segno.make(url, error=ERROR_LEVEL, micro=False).svg_data_uri(border=QUIET_ZONE)
