"""Document bodies as print HTML: GB/T 9704 roles, unique ids, absolute links."""

from html.parser import HTMLParser

from gazette.findings import Report
from gazette.library.body import ParsedBody
from gazette.library.loader import load_library
from gazette.print.addresses import Addresses
from gazette.print.body import body_html

BASE = "https://gazette.example.gov.cn/"

NOTICE = """\
区政府各委、办、局，各街道办事处、镇政府：

《示例办法》已经区政府常务会议审议通过，现印发给你们，请认真按照执行。

上海市普陀区人民政府办公室

上海市普陀区发展和改革委员会

2024年1月30日

**示例办法**

## 第一章　总则

**第一条** 为了规范示例事项，制定本办法。见[第二章](#第二章-附则)。[^1]

## 第二章　附则

第二条 本办法自2024年3月1日起施行。

[^1]: 注释。
"""


class Roles(HTMLParser):
    """tag, class and id of every element, and the text it holds directly."""

    def __init__(self, html):
        super().__init__()
        self.rows, self.hrefs, self.ids = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.rows.append([tag, attrs.get("class", ""), ""])
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "a":
            self.hrefs.append(attrs.get("href"))

    def handle_data(self, data):
        if self.rows:
            self.rows[-1][2] += data.strip()

    def with_class(self, name):
        return [text for _, classes, text in self.rows if name in classes.split()]


def no_links(_href):
    raise AssertionError("no external link expected")


def test_gbt_9704_roles_are_marked():
    roles = Roles(body_html(ParsedBody(NOTICE, 1), "doc-x", no_links, no_links))
    assert roles.with_class("gz-addressee") == ["区政府各委、办、局，各街道办事处、镇政府："]
    assert roles.with_class("gz-signature") == ["上海市普陀区人民政府办公室", "上海市普陀区发展和改革委员会"]
    assert roles.with_class("gz-date") == ["2024年1月30日"]
    assert roles.with_class("gz-subtitle") == [""]  # the text is in its <strong>
    assert roles.with_class("gz-chapter") == ["第一章　总则", "第二章　附则"]


def test_an_opening_sentence_is_no_addressee():
    opening = "根据《中华人民共和国刑事诉讼法》的有关规定，结合工作实际，制定如下规定：\n\n一、正文。\n"
    assert Roles(body_html(ParsedBody(opening, 1), "d", no_links, no_links)).with_class("gz-addressee") == []


def test_a_date_inside_text_is_no_signature():
    body = ParsedBody("本办法自2024年3月1日起施行。\n\n施行日期：\n\n2024年3月1日\n", 1)
    roles = Roles(body_html(body, "d", no_links, no_links))
    assert roles.with_class("gz-date") == ["2024年3月1日"]
    assert roles.with_class("gz-signature") == []  # “施行日期：” ends with a colon: text, not a name


def test_ids_and_anchor_links_are_prefixed_and_footnote_arrows_and_permalinks_dropped():
    body = ParsedBody(NOTICE, 1)
    html = body_html(body, "doc-x", no_links, no_links)
    assert "headerlink" in body.html and 'id="第二章-附则"' in body.html  # the one parse, left as the site has it
    assert "headerlink" not in html and "¶" not in html
    assert body._conversion is None  # print reads the tree last: it is let go, the site's HTML stays
    assert body_html(body, "doc-x", no_links, no_links) == html and "headerlink" in body.html
    roles = Roles(html)
    assert roles.ids and all(i.startswith("doc-x-") for i in roles.ids)
    assert "#doc-x-第二章-附则" in roles.hrefs
    assert "doc-x-第二章-附则" in roles.ids
    assert "footnote-backref" not in html and "↩" not in html


def test_links_resolve_to_site_urls_and_hidden_documents_lose_theirs(project):
    root = project({
        "content/documents/2024/secret.md": "---\ntitle: 关于内部事项的请示\nkind: 公告通报\nissuer: 长征镇\n"
                                            "published: 2024-03-06\ndisclosure: 依申请公开\n---\n正文\n",
        "content/documents/2024/table.csv": "a,b\n",
    })
    library = load_library(root, Report())
    doc = library.documents["2024/gg-2024-1"]
    addresses = Addresses(library, BASE)
    link = addresses.links(doc)
    assert link("ptfb-2024-1.md") == BASE + "documents/2024/ptfb-2024-1/"
    assert link("/documents/2024/ptfb-2024-1.md#一总体要求") == BASE + "documents/2024/ptfb-2024-1/#一总体要求"
    assert link("secret.md") is None
    assert link("table.csv") == BASE + "documents/2024/table.csv"
    assert link("../../../agencies/qfb/") == BASE + "agencies/qfb/"  # relative to the page /documents/2024/gg-2024-1/
    assert link("https://zwdt.sh.gov.cn/x") == "https://zwdt.sh.gov.cn/x"
    assert link("../../../../etc/passwd.md") is None
    image = addresses.images(doc)
    assert image("table.csv") == (root / "content/documents/2024/table.csv").resolve().as_uri()
    assert image("https://example.com/a.png") is None and image("missing.png") is None
    html = body_html(ParsedBody("见[内部请示](secret.md)。", 1), "d", link, image)
    assert "<span>内部请示</span>" in html and "href" not in html
