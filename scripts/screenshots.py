"""Screenshots of the built site for a person to look at: home, a document, an issue, search and
subscribe, at 1280 px and 375 px wide, in normal and 适老化 mode.

Usage: PYTHONPATH=. .venv/bin/python scripts/screenshots.py [SITE_DIR] [OUT_DIR]
(defaults: build/site and build/screenshots; build the site first with `gazette build`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from a11y_support import PAGES, SiteHandler, new_context, open_page  # noqa: E402
from search_support import chromium, serve  # noqa: E402

SHOTS = ("home", "policy", "issue", "search", "subscribe")
WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with serve(site, SiteHandler) as base, chromium() as browser:
        for mode in ("normal", "elder"):
            for device, (width, height) in WIDTHS.items():
                context = new_context(browser, elder=mode == "elder", viewport={"width": width, "height": height})
                page = context.new_page()
                for name in SHOTS:
                    open_page(page, base, PAGES[name])
                    path = out / f"{name}-{device}-{mode}.png"
                    page.screenshot(path=str(path), full_page=device == "phone" and name != "search")
                    print(path)
                context.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else ROOT / "build" / "site", Path(args[1]) if len(args) > 1 else ROOT / "build" / "screenshots")
