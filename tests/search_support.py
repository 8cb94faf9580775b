"""Helpers for the search tests: build the sample gazette, serve it, drive Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import lxml.html
import pytest
from emitted import build
from projects import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


def published_text(page_html: str) -> tuple[str, str]:
    """(title, text under the title) of a published document page, as a reader sees them:
    the 发文字号 and the body, heading permalinks left out."""
    tree = lxml.html.fromstring(page_html)
    title = " ".join(tree.find_class("gz-document__title")[0].text_content().split())
    parts = tree.find_class("gz-document__number") + tree.find_class("gz-document__body")
    for permalink in (link for part in parts for link in part.find_class("headerlink")):
        permalink.drop_tree()
    return title, "\n".join(part.text_content().strip() for part in parts)


def build_sample(out: Path) -> Path:
    result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(site: Path, handler=QuietHandler):
    """Serve `site` on 127.0.0.1 (a free port) for the duration of the block; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium():
    """Debian's Chromium through Playwright (no browser download: scripts/apt-test.txt installs it)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: run scripts/setup.sh test"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


CONSOLE_ERRORS = {}  # page -> the errors its console printed, shown when a search fails


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    # Playwright's wait_for_function evaluates its predicate with eval, which the site's CSP forbids
    # (tests/test_hostile.py checks the search page under the CSP).
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.on("console", lambda message: message.type == "error" and CONSOLE_ERRORS.setdefault(page, []).append(message.text))
    yield page
    context.close()
    CONSOLE_ERRORS.pop(page, None)
    assert not errors


def open_search(page, base, query, **filters):
    params = [("q", query)] + [(key, value) for key, values in filters.items() for value in values]
    page.goto(f"{base}search/?{urlencode(params)}")
    return finish(page)


def finish(page):
    """Wait for the search, show every result, return them in order."""
    page.wait_for_selector("[data-gz-search][data-state]", state="attached", timeout=30000)
    assert page.get_attribute("[data-gz-search]", "data-state") == "done", \
        (page.inner_text(".gz-search__status"), CONSOLE_ERRORS.get(page))
    more = page.locator(".gz-search__more")
    load_results(page)
    while more.is_visible():
        count = page.locator(".gz-result").count()
        more.click()
        wait_until(page, f"document.querySelectorAll('.gz-result').length > {count}")
        load_results(page)
    return [{
        "url": item.locator(".gz-result__title").get_attribute("href").lstrip("/"),
        "number": item.locator(".gz-result__number").all_inner_texts(),
        "issuer": item.locator(".gz-result__issuer").inner_text(),
        "date": item.locator(".gz-result__date").inner_text(),
        "excerpt": item.locator(".gz-result__excerpt").inner_text(),
    } for item in page.locator(".gz-result").all()]


def load_results(page):
    """Bring every shown result near the screen (that is when it is filled in) and wait for all of them."""
    for item in page.locator(".gz-result").all():
        item.scroll_into_view_if_needed()
    wait_until(page, "[...document.querySelectorAll('.gz-result')].every((e) => 'loaded' in e.dataset)")


def wait_until(page, expression: str, timeout: float = 30) -> None:
    """Poll `expression` from here until it is true. Playwright's wait_for_function polls inside the page with
    eval, which the site's CSP forbids in contexts that keep it (the accessibility tests); page.evaluate goes
    through DevTools, which the CSP does not govern."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"never true within {timeout} s: {expression}"
        page.wait_for_timeout(100)


def facet_counts(page) -> dict[str, dict[str, int]]:
    """{facet: {value: count}} as the search page shows them."""
    counts = {}
    for group in page.locator(".gz-facet").all():
        values = group.locator(".gz-facet__value").all_inner_texts()
        numbers = [int(n) for n in group.locator(".gz-facet__count").all_inner_texts()]
        counts[group.locator(".gz-facet__title").inner_text()] = dict(zip(values, numbers))
    return counts
