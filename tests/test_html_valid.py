"""Every page type of the sample gazette is valid HTML for the Nu HTML Checker (vnu.jar, one Java run)."""

from a11y_support import PAGES, html_file, vnu_errors


def test_every_page_type_is_valid_html(sample_site, tmp_path):
    files = sorted({html_file(sample_site, url) for url in PAGES.values()})
    assert sample_site / "404.html" in files and len(files) == len(PAGES)
    invalid = tmp_path / "invalid.html"  # proves in the same run that the checker does report errors
    invalid.write_text('<!doctype html><html lang="zh-Hans"><title>x</title><p><div></span>', encoding="utf-8")
    errors = vnu_errors([*files, invalid])
    assert [e for e in errors if "/invalid.html:" not in e] == []
    assert any("/invalid.html:" in e for e in errors)
