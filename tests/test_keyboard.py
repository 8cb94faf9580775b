"""Keyboard only, from page load: Tab reaches the skip link, the search box, the 适老化 switch (Enter
toggles it and the choice holds on the next page) and the first document link, each with a visible
focus ring. And the 适老化 mode itself: 1.5× text, line spacing of 1.5 or more, holds at 200% zoom."""

import pytest

from a11y_support import PAGES, SiteHandler, new_context, open_page
from search_support import browser, serve  # noqa: F401 (fixture)

FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className || "", id: e.id, text: e.textContent.trim().slice(0, 20),
          ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none",
          shown: e.checkVisibility() && e.getBoundingClientRect().width > 1}; }"""
STOPS = {
    "skip": lambda f: "md-skip" in f["cls"],
    "search": lambda f: f["id"] == "gz-header-q",
    "switch": lambda f: "gz-elder-switch" in f["cls"],
    "document": lambda f: "gz-list__title" in f["cls"],
}


@pytest.fixture(scope="module")
def base(sample_site):
    with serve(sample_site, SiteHandler) as url:
        yield url


def tab_until(page, stop, limit=40) -> dict:
    """Press Tab until the focus is on `stop`; every element passed on the way shows its focus ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["ring"] and focused["shown"], focused
        if STOPS[stop](focused):
            return focused
    raise AssertionError(f"Tab never reached the {stop}")


def test_keyboard_alone_reaches_everything_and_the_switch_holds(browser, base):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    tab_until(page, "skip")
    tab_until(page, "search")
    switch = tab_until(page, "switch")
    assert switch["text"] == "长者模式"
    assert page.get_attribute("[data-gz-elder]", "aria-pressed") == "false"
    page.keyboard.press("Enter")
    assert page.get_attribute("[data-gz-elder]", "aria-pressed") == "true"
    assert page.evaluate("document.documentElement.classList.contains('gz-elder')")
    link = tab_until(page, "document")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().startswith(link["text"])  # the document page opened
    assert page.evaluate("document.documentElement.classList.contains('gz-elder')")
    assert page.get_attribute("[data-gz-elder]", "aria-pressed") == "true"
    context.close()


def text_metrics(browser, base, elder: bool, **options) -> dict:
    context = new_context(browser, elder, **options)
    page = context.new_page()
    open_page(page, base, PAGES["policy"])
    metrics = page.evaluate("""() => { const p = document.querySelector('.gz-document__body p'), s = getComputedStyle(p);
      return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight),
              width: document.documentElement.scrollWidth}; }""")
    context.close()
    return metrics


def test_elder_mode_is_larger_and_more_spaced(browser, base):
    normal, elder = text_metrics(browser, base, False), text_metrics(browser, base, True)
    assert elder["size"] >= 1.5 * normal["size"]
    assert elder["line"] >= 1.5 * elder["size"]


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_the_layout_holds_at_200_percent_zoom(browser, base, elder):
    """200% zoom of a 1280 px window is a 640 px wide layout."""
    for name in ("home", "policy", "search", "subscribe"):
        context = new_context(browser, elder, viewport={"width": 640, "height": 450})
        page = context.new_page()
        open_page(page, base, PAGES[name])
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, name
        context.close()
