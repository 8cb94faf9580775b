"""WCAG 2.1 AA with axe-core, in normal and 适老化 mode, on every page type of the sample gazette;
no failed request and no English a reader can see."""

import re

import pytest

from a11y_support import PAGES, SiteHandler, axe_violations, new_context, open_page
from search_support import browser, serve  # noqa: F401 (fixture)

# Latin text a Chinese reader may meet: file formats, feed formats, sizes, the project's name; besides
# URLs, 发文字号 and 索引号 (removed before looking).
LATIN_ALLOWED = {"PDF", "RSS", "Atom", "OPML", "JSON", "XML", "CSV", "TXT", "DOCX", "XLSX", "KB", "MB", "iCalendar",
                 "gazette", "JavaScript"}
INDEX_NUMBER = re.compile(r"\b\d{6}-[a-z]+-\d{4}-\d+\b")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:cn|com|org|gov)\b\S*")


@pytest.fixture(scope="module")
def base(sample_site):
    with serve(sample_site, SiteHandler) as url:
        yield url


@pytest.fixture(scope="module", params=[False, True], ids=["normal", "elder"])
def visits(request, browser, base):
    """Every page type visited once in one mode: {name: {"elder", "axe", "failed", "latin"}}."""
    elder = request.param
    context = new_context(browser, elder)
    page = context.new_page()
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    # ERR_ABORTED: a request the browser dropped because the test moved on to the next page.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(f"{r.failure} {r.url}"))
    found = {}
    for name, url in PAGES.items():
        failed.clear()
        open_page(page, base, url)
        found[name] = {
            "elder": page.evaluate("document.documentElement.classList.contains('gz-elder')"),
            # 适老化: also a contrast of at least 7:1 (WCAG AAA 1.4.6)
            "axe": axe_violations(page, ("color-contrast-enhanced",) if elder else ()),
            "failed": list(failed), "latin": visible_latin(page),
        }
    context.close()
    return elder, found


def test_no_axe_violations_on_any_page_type(visits):
    elder, found = visits
    assert all(v["elder"] == elder for v in found.values())
    assert {name: v["axe"] for name, v in found.items() if v["axe"]} == {}


def test_no_request_fails_on_any_page(visits, base):
    _, found = visits
    assert found["404"]["failed"] == [f"404 {base}{PAGES['404']}"]  # only the missing page itself
    assert {name: v["failed"] for name, v in found.items() if v["failed"] and name != "404"} == {}


def test_no_english_a_reader_meets(visits):
    _, found = visits
    assert {name: sorted(set(v["latin"])) for name, v in found.items() if v["latin"]} == {}


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_search_filters_open_on_a_phone_have_no_axe_violations(browser, base, elder):
    context = new_context(browser, elder, viewport={"width": 375, "height": 812})
    page = context.new_page()
    open_page(page, base, PAGES["search"])
    page.click("[data-gz-filters]")
    assert page.locator(".gz-facet").first.is_visible()
    assert axe_violations(page, ("color-contrast-enhanced",) if elder else ()) == []
    heights = page.eval_on_selector_all(".gz-facet__option", "(all) => all.map((e) => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44  # each filter is a 44 px tap target
    context.close()


def visible_latin(page) -> list[str]:
    """Runs of Latin letters in visible text and in labels, titles and alt texts a reader or screen reader meets."""
    texts = page.evaluate("""() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (el && el.closest("script, style, noscript, template")) continue;
        if (el && el.checkVisibility && !el.checkVisibility()) continue;
        if (node.textContent.trim()) out.push(node.textContent);
      }
      for (const el of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
        for (const name of ["aria-label", "title", "alt", "placeholder"]) {
          if (el.getAttribute(name)) out.push(el.getAttribute(name));
        }
      }
      out.push(document.title);
      return out;
    }""")
    runs = []
    for text in texts:
        text = INDEX_NUMBER.sub(" ", URL.sub(" ", text))
        text = re.sub(r"[A-Za-z0-9〔〕\[\]]+〔\d{4}〕\d+号", " ", text)
        runs += [run for run in re.findall(r"[A-Za-z]{2,}", text) if run not in LATIN_ALLOWED]
    return runs
