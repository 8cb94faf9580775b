"""The 复制引用 button on a document page, keyboard only, under the site's CSP: Tab reaches it with a
visible focus ring, Enter puts the citation (with the printed pages) on the clipboard."""

import html
import re

import pytest

from a11y_support import SiteHandler
from search_support import browser, serve  # noqa: F401 (fixture)
from test_keyboard import FOCUSED

DOCUMENT = "documents/2024/ptfb-2024-15/"  # printed in 2024年第2期 over several pages


@pytest.fixture(scope="module")
def base(sample_site):
    with serve(sample_site, SiteHandler) as url:
        yield url


def test_enter_on_the_copy_button_copies_the_citation(browser, base, sample_site):
    source = (sample_site / DOCUMENT / "index.html").read_text(encoding="utf-8")
    expected = html.unescape(re.search(r'data-clipboard-text="([^"]*)"', source).group(1))
    assert re.search(r"刊登于《.+》2024年第2期（总第\d+期）第\d+–\d+页。$", expected)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(base + DOCUMENT)
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["text"] == "复制引用":
            break
    else:
        raise AssertionError("Tab never reached the 复制引用 button")
    assert focused["tag"] == "BUTTON" and focused["ring"] and focused["shown"], focused
    page.keyboard.press("Enter")
    copied = ""
    for _ in range(50):  # polled from here: wait_for_function would evaluate a string, which the CSP forbids
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied:
            break
        page.wait_for_timeout(100)
    assert copied == expected
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()
