"""Nothing from content runs in a reader's browser (issue 11: checked, then sanitised; the CSP).

A gazette of hostile documents (tests/hostile.py): `gazette check` reports every
body payload on its line; then, with the check bypassed (as if someone ran MkDocs
by hand on unchecked content), the site is built once and every page opened in
headless Chromium, recording dialogs, CSP violations and requests to other sites.
"""

from __future__ import annotations

import os
from urllib.parse import quote
from unittest import mock

import pytest

from emitted import EPOCH_2025
from gazette.build import build_site
from gazette.project import load_and_check
from hostile import COLLECTION, COLLECTION_FILE, D, LINE, LINES, PAYLOADS, SHOWN, TEXT, TITLE, doc_id, hostile_files
from projects import write_project
from search_support import chromium, serve

RECORDER = """
window.__gz = {csp: []};
document.addEventListener('securitypolicyviolation',
  (e) => window.__gz.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""

# Everything a page could still carry that runs or leaves the site: collected after every handler had its chance.
AUDIT = """() => {
  const body = document.querySelector('.gz-document__body') || document.createElement('div');
  for (const el of document.querySelectorAll('.md-content *')) {
    for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error']) el.dispatchEvent(new Event(type));
    // A click inside a link would follow it and abort the next page.goto: links are audited by protocol.
    if (!el.closest('a, area')) el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  }
  const all = [...document.querySelectorAll('*')];
  return {
    handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
    links: [...document.querySelectorAll('a[href], area[href]')].map((a) => a.protocol)
      .filter((p) => !['http:', 'https:', 'mailto:'].includes(p)),
    sources: all.filter((el) => el.src || el.data || el.action || el.formAction)
      .map((el) => el.src || el.data || el.action || el.formAction).filter((u) => !/^https?:/.test(u)),
    scripts: [...document.scripts].filter((s) => !s.src && !['application/ld+json', 'application/json'].includes(s.type))
      .map((s) => s.outerHTML),
    elements: [...body.querySelectorAll('iframe, object, embed, base, form, meta, svg, math, style, link, input, button')]
      .map((el) => el.tagName),
    csp: window.__gz.csp,
  };
}"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    return write_project(tmp_path_factory.mktemp("hostile") / "project", hostile_files(), site=True)


@pytest.fixture(scope="module")
def hostile_site(hostile_project):
    """The hostile gazette built once with the check bypassed: only the sanitiser and the CSP stand.

    The PDFs are left out (print is what takes time; tests/test_outside_files.py builds them).
    """
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH_2025
    with mock.patch("gazette.project.run_checks", lambda library, report: None):
        return build_site(hostile_project, hostile_project / "build" / "site", pdfs=False)


def test_check_reports_every_body_payload_on_its_line(hostile_project):
    _, report = load_and_check(hostile_project)
    errors = {(f.path, f.line) for f in report.errors}
    missed = [name for name in PAYLOADS if (f"{D}h-{name}.md", LINES.get(name, LINE)) not in errors]
    assert missed == []
    assert (COLLECTION_FILE, 11) in errors  # the 专题 intro's script, on its line
    assert all(f.message for f in report.errors)
    assert not [f.format() for f in report.findings if "/h-" not in f.path or any(
        f.path.endswith(f"h-{name}.md") for name in [*TEXT, "title"])]


def test_no_payload_runs_in_chromium_and_text_stays_text(hostile_site):
    pages = [f"documents/{doc_id(name)}/" for name in [*PAYLOADS, *TEXT, "title"]] + [
        "", "documents/", "collections/", f"collections/{COLLECTION}/"]
    dialogs, foreign, problems = [], [], {}
    with serve(hostile_site) as base, chromium() as browser:
        context = browser.new_context()
        context.add_init_script(RECORDER)
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                      else (foreign.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        for url in pages:
            page.goto(base + url)
            page.wait_for_load_state("load")
            found = {key: value for key, value in page.evaluate(AUDIT).items() if value}
            if found:
                problems[url] = found
        page.goto(base + "search/?q=" + quote("示例"))  # Pagefind and its WebAssembly under the CSP
        page.wait_for_selector("[data-gz-search][data-state]", state="attached", timeout=30000)
        searched = (page.get_attribute("[data-gz-search]", "data-state"), page.locator(".gz-result").count(),
                    page.evaluate("window.__gz.csp"))
        shown = {}
        for name in TEXT:
            page.goto(base + f"documents/{doc_id(name)}/")
            shown[name] = page.inner_text(".gz-document__body")
        page.goto(base + f"documents/{doc_id('title')}/")
        title = page.inner_text("h1.gz-document__title")
        page.goto(base + f"collections/{COLLECTION}/")
        collection_title = page.inner_text("h1")
        context.close()
    assert dialogs == [] and foreign == [] and problems == {} and errors == []
    assert searched[0] == "done" and searched[1] > 0 and searched[2] == []
    assert {name: SHOWN[name] in text for name, text in shown.items()} == {name: True for name in TEXT}
    assert title == TITLE and collection_title == TITLE


def test_jsonld_keeps_a_script_end_in_a_title_inside_the_block(hostile_site):
    page = (hostile_site / f"documents/{doc_id('title')}/index.html").read_text(encoding="utf-8")
    block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "alert" in block and "<" not in block
