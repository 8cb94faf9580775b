"""One link resolver and one parsed body per document (gazette.library.links, gazette.library.body)."""

from projects import NOTICE_HEAD

from gazette.checks import links
from gazette.emit.excerpt import excerpt
from gazette.findings import Report
from gazette.library.links import Kind, LinkResolver
from gazette.library.loader import load_library
from gazette.site.files import published_sources

SECRET = ("---\ntitle: 关于内部事项的请示\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-06\n"
          "disclosure: 依申请公开\n---\n正文\n")


def test_every_kind_of_target_is_told_apart(project):
    root = project({
        "content/documents/2024/secret.md": SECRET,
        "content/documents/2024/附表 1.csv": "a,b\n",
        "content/about.md": "# 关于本站\n",
    })
    library = load_library(root, Report())
    doc = library.documents["2024/gg-2024-1"]
    resolve = LinkResolver(library).resolve
    content = root.resolve() / "content"

    def kind(href):
        return resolve(doc, href).kind

    assert [kind(h) for h in ("https://example.com/", "mailto:a@b.cn", "//cdn.example.com/x.js")] == [Kind.EXTERNAL] * 3
    assert kind("#一总体要求") is Kind.ANCHOR
    policy = resolve(doc, "/documents/2024/ptfb-2024-1.md#%E4%B8%80%E6%80%BB%E4%BD%93%E8%A6%81%E6%B1%82")
    assert (policy.kind, policy.document.id, policy.fragment) == (Kind.DOCUMENT, "2024/ptfb-2024-1", "一总体要求")
    assert resolve(doc, "secret.md").document is library.documents["2024/secret"]
    attachment = resolve(doc, "./x/../%E9%99%84%E8%A1%A8%201.csv")
    assert (attachment.kind, attachment.file) == (Kind.FILE, content / "documents/2024/附表 1.csv")
    assert resolve(doc, "../../about.md").file == content / "about.md"
    assert kind("../../../../etc/passwd.md") is Kind.OUTSIDE and kind("missing.png") is Kind.MISSING
    page = resolve(doc, "../../../agencies/qfb/")  # against the page URL documents/2024/gg-2024-1/
    assert (page.kind, page.url) == (Kind.PAGE, "agencies/qfb/")
    assert resolve(doc, "/").url == "" and resolve(doc, "/kinds/policies").url == "kinds/policies/"


def test_anchors_are_parsed_only_for_links_with_a_fragment(project):
    root = project({"content/documents/2024/gg-2024-1.md": NOTICE_HEAD + "见[政策](ptfb-2024-1.md)。\n"})
    library = load_library(root, Report())
    report = Report()
    links.check(library, report)
    assert report.ok
    assert all(doc.parsed._rendered is None for doc in library.documents.values())
    policy = library.documents["2024/ptfb-2024-1"]
    (policy.path).write_text("---\ntitle: 改过\n---\n## 别的标题\n", encoding="utf-8")  # the check reads no file again
    assert "一总体要求" in policy.parsed.anchors


def test_a_file_linked_from_content_root_is_published(project):
    root = project({
        "content/documents/2024/gg-2024-1.md": NOTICE_HEAD + "[附表](/documents/2024/table.csv)、[缺](none.csv)\n",
        "content/documents/2024/table.csv": "a,b\n",
        "content/documents/2024/other.csv": "a,b\n",
    })
    allowed = published_sources(load_library(root, Report()))
    folder = root.resolve() / "content/documents/2024"
    assert folder / "table.csv" in allowed and folder / "other.csv" not in allowed
    assert folder / "none.csv" not in allowed


def test_the_excerpt_reads_the_whole_body_so_late_footnotes_resolve(project):
    body = "本办法所称养老服务[^1]，是指照料服务。" + "各街道应当加强管理，落实责任。" * 60 + "\n\n[^1]: 见条例。\n"
    root = project({"content/documents/2024/gg-2024-1.md": NOTICE_HEAD + body})
    text = excerpt(load_library(root, Report()).documents["2024/gg-2024-1"])
    assert text.startswith("本办法所称养老服务1，是指照料服务。各街道") and text.endswith("……") and "[^" not in text
