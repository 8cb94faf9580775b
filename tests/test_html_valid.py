"""Every page type of the sample gazette is valid HTML for the Nu HTML Checker (vnu.jar, one Java run)."""

from a11y_support import PAGES, html_file, vnu_errors


def test_every_page_type_is_valid_html(sample_site):
    files = sorted({html_file(sample_site, url) for url in PAGES.values()})
    assert sample_site / "404.html" in files and len(files) == len(PAGES)
    assert vnu_errors(files) == []


def test_the_checker_reports_errors(tmp_path):
    """The check can fail: an invalid page gives errors."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="zh-Hans"><title>x</title><p><div></span>', encoding="utf-8")
    assert vnu_errors([page])
