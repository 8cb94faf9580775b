"""The sample gazette on a 375 px phone, in normal and 适老化 mode: no sideways scrolling, the first
search result on the first screen, 44 px tap targets, the 公文要素 as a label/value list, wide tables
scrolling in their own box."""

import pytest

from a11y_support import PAGES, SiteHandler, new_context, open_page
from search_support import browser, serve  # noqa: F401 (fixture)

PHONE = {"width": 375, "height": 812}
FIRST_SCREEN = 800
TARGET = 44
# Controls a finger taps, outside running text (links inside a sentence or a table cell are exempt, WCAG 2.5.5).
SMALL_TARGETS = """(least) => [...document.querySelectorAll('a[href], button, input, select, summary')]
  .filter((e) => e.checkVisibility() && !e.closest('.md-skip, .gz-visually-hidden'))
  .filter((e) => !e.closest('p:not(.gz-feed):not(.gz-document__pdf):not(.gz-issue__pdf):not(.gz-cover__pdf), dd, td, h2, .gz-relations, .gz-breadcrumb li:last-child'))
  .map((e) => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.height < least - 0.5)
  .map(([e, r]) => `${e.tagName}.${e.className} ${Math.round(r.width)}x${Math.round(r.height)} ${e.textContent.trim().slice(0, 20)}`)"""


@pytest.fixture(scope="module")
def base(sample_site):
    with serve(sample_site, SiteHandler) as url:
        yield url


@pytest.fixture(scope="module", params=[False, True], ids=["normal", "elder"])
def phone(request, browser):
    context = new_context(browser, request.param, viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_and_targets_are_large(phone, base):
    wide, small = {}, {}
    for name, url in PAGES.items():
        open_page(phone, base, url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[name] = width
        targets = phone.evaluate(SMALL_TARGETS, TARGET)
        if targets:
            small[name] = targets
    assert not wide
    assert not small


def test_the_first_search_result_is_on_the_first_screen(phone, base):
    open_page(phone, base, PAGES["search"])
    assert phone.locator(".gz-result").count() > 0
    assert phone.locator(".gz-result").first.bounding_box()["y"] < FIRST_SCREEN
    filters = phone.locator("[data-gz-filters]")
    assert filters.is_visible() and not phone.locator(".gz-facet").first.is_visible()
    filters.click()
    assert filters.get_attribute("aria-expanded") == "true"
    assert phone.locator(".gz-facet").first.is_visible() and phone.locator(".gz-search__sort").is_visible()


def test_the_elements_panel_is_a_label_value_list(phone, base):
    open_page(phone, base, PAGES["policy"])
    items = phone.locator(".gz-elements__item").all()
    assert len(items) >= 8
    content = phone.locator(".md-content__inner").bounding_box()
    for item in items:
        box, label, value = item.bounding_box(), item.locator("dt").bounding_box(), item.locator("dd").bounding_box()
        assert box["width"] > content["width"] * 0.9  # one pair a row
        beside = label["x"] < value["x"] and abs(label["y"] - value["y"]) < 2 and label["width"] < value["width"]
        above = label["y"] + label["height"] <= value["y"] + 1 and value["width"] > content["width"] * 0.8
        assert beside or above
    for date in phone.locator(".gz-elements time").all():  # a date is never broken over lines
        line = phone.evaluate("(e) => parseFloat(getComputedStyle(e).lineHeight)", date.element_handle())
        assert date.bounding_box()["height"] < 1.5 * line


def test_a_wide_table_scrolls_inside_its_own_box(phone, base):
    open_page(phone, base, PAGES["notice-attachments-table"])
    table = phone.locator(".gz-document__body table").first
    box = phone.evaluate("(t) => { const b = t.parentElement.closest('.md-typeset__scrollwrap') || t;"
                         " return [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]; }", table.element_handle())
    scroll_width, client_width, overflow = box
    assert client_width <= PHONE["width"] and overflow in ("auto", "scroll")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
