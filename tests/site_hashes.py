"""The golden listing of the sample site: one SHA-256 per output file, the Pagefind bundle left out.

The bundle is left out because Pagefind names its filter files differently on
every run. Regenerate after an intended change of the output:
    .venv/bin/python tests/site_hashes.py --regenerate
then review the diff of tests/golden/site-hashes.txt.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GOLDEN = Path(__file__).resolve().parent / "golden" / "site-hashes.txt"
SKIPPED = ("pagefind/",)


def listing(site: Path) -> str:
    """`<sha256>  <path>` for every file of `site` but the skipped ones, sorted by path."""
    rows = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(SKIPPED):
            rows.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {rel}")
    return "\n".join(rows) + "\n"


def regenerate() -> None:
    from search_support import build_sample

    with tempfile.TemporaryDirectory() as tmp:
        site = build_sample(Path(tmp) / "site")
        GOLDEN.write_text(listing(site), encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit(__doc__)
    regenerate()
