"""Helpers for the reader-facing tests: the page types of the sample gazette, axe-core, the Nu checker, 适老化 mode."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from projects import REPO
from search_support import QuietHandler, load_results

TOOLS = REPO / "tools" / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MISSING_TOOL = "{} is missing: run scripts/setup.sh test"

# One page of every type a reader meets (site-relative URLs of the sample gazette).
PAGES = {
    "home": "",
    "policy": "documents/2024/ptfb-2024-6/",
    "interpretation": "documents/2024/jd-ptfb-2024-6/",
    "notice-attachments-table": "documents/2024/gg-sjj-2024-mianshen/",
    "call-services": "documents/2024/sb-swx-2024-02/",
    "faq": "documents/2024/faq-mzj-yanglao/",
    "repealed-banner": "documents/2023/ptfb-2023-9/",
    "amended-banner": "documents/2023/pfg-2023-15/",
    "interpretation-of-repealed": "documents/2023/jd-ptfb-2023-9/",
    "issues": "issues/",
    "issue": "issues/2024/5/",
    "documents": "documents/",
    "collections": "collections/",
    "collection": "collections/yanglao-fuwu/",  # interpretations beside policies, services, a repealed member
    "collection-calls": "collections/huiqi-zhengce/",  # calls with their deadline state, an expired member
    "agencies": "agencies/",
    "agency": "agencies/qfb/",
    "topics": "topics/",
    "topic": "topics/minzheng/",
    "tags": "tags/",
    "tag": "tags/yanglao-fuwu/",
    "kinds": "kinds/",
    "kind": "kinds/policies/",
    "search": "search/?q=%E5%85%BB%E8%80%81",  # 养老
    "subscribe": "subscribe/",
    "404": "no-such-page/",
}
SEARCH_QUERY = "养老"
ELDER_KEY = "gz-elder"  # localStorage key of the 适老化 switch (theme/assets/elder.js)


def html_file(site: Path, url: str) -> Path:
    """The built file a page URL is served from (the 404 page for a missing one)."""
    path = site / url.split("?", 1)[0] / "index.html"
    return path if path.is_file() else site / "404.html"


def new_context(browser, elder: bool, **options):
    """A browser context whose pages start in normal or 适老化 mode, without motion (nothing mid-transition)."""
    context = browser.new_context(reduced_motion="reduce", **options)
    context.add_init_script(f"localStorage.setItem({ELDER_KEY!r}, {json.dumps('1' if elder else '0')})")
    return context


def open_page(page, base: str, url: str) -> None:
    """Open a page and wait until it is quiet (the search page: until its results are in)."""
    page.goto(base + url)
    if url.startswith("search/"):
        page.wait_for_selector("[data-gz-search][data-state=done]", state="attached", timeout=30000)
        load_results(page)
        page.evaluate("window.scrollTo(0, 0)")


def axe_violations(page, extra_rules: tuple[str, ...] = ()) -> list[str]:
    """axe-core's violations of the WCAG 2.1 A/AA rules (and of `extra_rules`, e.g. color-contrast-enhanced
    for 7:1) on the open page, one line per rule and element."""
    assert AXE.is_file(), MISSING_TOOL.format(AXE)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools: the page's CSP allows no injected script tag
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"],
               "rules": {rule: {"enabled": True} for rule in extra_rules}}
    result = page.evaluate("(options) => axe.run(document, options)", options)
    return [f"{v['id']}: {node['target']} {node.get('failureSummary', '')[:200]}"
            for v in result["violations"] for node in v["nodes"]]


def vnu_errors(files: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors on the files, checked in one Java process."""
    assert VNU.is_file(), MISSING_TOOL.format(VNU)
    result = subprocess.run(["java", "-Xss16m", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, check=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '')}: {m['message']}"
            for m in messages if m["type"] == "error"]


class SiteHandler(QuietHandler):
    """Serves the site like a web server would: a missing page gets 404.html with status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
