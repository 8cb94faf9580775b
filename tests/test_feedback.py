"""政策咨询与评价: message-board links from gazette.yml's URL templates, filled in for each document page."""

from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
import yaml

from projects import GAZETTE_YML, NOTICE_HEAD, REPO

TEMPLATE = "https://www.shpt.gov.cn/hudong/liuyan/?wh={doc_number}&id={id}&t={title}"


def test_the_sample_page_links_the_board_with_the_document_filled_in(sample_site, sample_library):
    configured = yaml.safe_load((REPO / "gazette.yml").read_text(encoding="utf-8"))["feedback"]
    assert [f["title"] for f in configured] == ["政策留言板", "政策评价"]
    numbered = unnumbered = 0
    for doc in sample_library.public:
        page = lxml.html.fromstring((sample_site / doc.url / "index.html").read_bytes())
        section = page.xpath('//section[@class="gz-feedback"]')
        assert len(section) == 1, doc.id
        assert section[0].xpath("string(h2)") == "政策咨询与评价"
        links = section[0].xpath(".//a")
        assert [a.text_content() for a in links] == ["政策留言板", "政策评价"]
        for link, entry in zip(links, configured):
            href = link.get("href")
            assert href.startswith(entry["url"].split("?")[0] + "?")
            query = parse_qs(urlsplit(href).query, keep_blank_values=True)
            assert query == {"wh": [doc.doc_number or ""], "id": [doc.id]}, doc.id
            assert "〔" not in href and "/" not in urlsplit(href).query  # percent-encoded
        numbered += bool(doc.doc_number)
        unnumbered += not doc.doc_number
    assert numbered and unnumbered


def test_without_the_setting_there_is_no_section(tmp_path):
    from emitted import build
    from projects import write_project

    root = write_project(tmp_path / "project", {}, site=True)
    out = tmp_path / "site"
    assert build(root, out).returncode == 0
    assert "gz-feedback" not in (out / "documents/2024/ptfb-2024-1/index.html").read_text(encoding="utf-8")


def test_a_title_with_markup_is_encoded_not_injected(project):
    from gazette.project import load_and_check
    from gazette.site.views import Views

    root = project({"gazette.yml": GAZETTE_YML + f"feedback:\n  - title: 政策留言板\n    url: {TEMPLATE}\n",
                    "content/documents/2024/gg-2024-1.md": NOTICE_HEAD.replace(
                        "关于示例事项的公告", '关于"<b>示例</b>&事项"的公告') + "\n正文。\n"})
    library, report = load_and_check(root)
    assert report.ok, [f.format() for f in report.findings]
    [link] = Views(library, []).document(library.documents["2024/gg-2024-1"])["feedback"]
    assert link["url"] == ("https://www.shpt.gov.cn/hudong/liuyan/?wh=&id=2024%2Fgg-2024-1&t="
                           "%E5%85%B3%E4%BA%8E%22%3Cb%3E%E7%A4%BA%E4%BE%8B%3C%2Fb%3E%26%E4%BA%8B%E9%A1%B9%22%E7%9A%84%E5%85%AC%E5%91%8A")


@pytest.mark.parametrize("url, message", [
    ("http://www.shpt.gov.cn/?wh={doc_number}", "必须是以 https:// 开头的完整网址"),
    ("https://www.shpt.gov.cn/?wh={wenhao}", "中有未知的占位符“{wenhao}”"),
    ("https://www.shpt.gov.cn/?wh={doc_number", "中的花括号不成对"),
])
def test_a_wrong_template_is_an_error_with_its_line(findings, url, message):
    found = findings({"gazette.yml": GAZETTE_YML + f"feedback:\n  - title: 政策留言板\n    url: \"{url}\"\n"})
    assert len(found) == 1 and found[0].startswith("gazette.yml:8: 错误:") and message in found[0], found
