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


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_no_axe_violations_on_any_page_type(browser, base, elder):
    context = new_context(browser, elder)
    page = context.new_page()
    found = {}
    for name, url in PAGES.items():
        open_page(page, base, url)
        assert page.evaluate("document.documentElement.classList.contains('gz-elder')") == elder, name
        violations = axe_violations(page)
        if elder:  # 适老化: contrast of at least 7:1 (WCAG AAA 1.4.6)
            violations += axe_violations(page, ["color-contrast-enhanced"])
        if violations:
            found[name] = violations
    context.close()
    assert not found


def test_search_filters_open_on_a_phone_have_no_axe_violations(browser, base):
    context = new_context(browser, False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    open_page(page, base, PAGES["search"])
    page.click("[data-gz-filters]")
    assert page.locator(".gz-facet").first.is_visible()
    assert axe_violations(page) == []
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


def test_no_request_fails_and_no_english_on_any_page(browser, base):
    context = new_context(browser, False)
    page = context.new_page()
    failed, english = [], {}
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}"))
    for name, url in PAGES.items():
        open_page(page, base, url)
        page.wait_for_load_state("networkidle")  # every request answered before the next page
        runs = visible_latin(page)
        if runs:
            english[name] = sorted(set(runs))
    context.close()
    assert failed == [f"404 {base}{PAGES['404']}"]  # only the missing page itself
    assert not english
