"""The print edition inside `gazette build` and `gazette pdf`, on small projects."""

import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

import pdftools
import projects
from gazette.errors import GazetteError
from gazette.findings import Report
from gazette.library.loader import load_library
from gazette.print.edition import Edition
from projects import POLICY

BASE_URL = "https://gazette.example.gov.cn/"  # gazette.yml site_url of the test projects

SECRET = """\
---
title: 关于内部事项的请示
kind: 公告通报
issuer: 长征镇
published: 2024-03-06
disclosure: 依申请公开
---

这一段文字只在未公开的文件中出现。
"""

WEB_ONLY = """\
---
title: 关于公布示例事项清单的公告
kind: 公告通报
issuer: 长征镇
published: 2024-03-07
disclosure: 主动公开
print: false
---

清单全文只在网站上印出。
"""

OLD = """\
---
title: 上海市普陀区人民政府办公室关于印发《旧示例办法》的通知
kind: 政策文件
issuer: 区府办
doc_number: 普府办〔2023〕7号
signed: 2023-03-01
published: 2023-03-05
disclosure: 主动公开
topics: [综合政务]
---

旧办法正文。
"""

LINKS = POLICY.replace("示例政策正文。", "示例政策正文，[旧办法](../2023/old.md)同时废止。") \
    .replace("tags: [营商环境]", "tags: [营商环境]\nrepeals: [2023/old]")

ISSUE = projects.ISSUE + """\
  - title: 公告通报
    documents: [2024/gg-2024-1, 2024/web-only]
"""

FILES = {
    "content/documents/2024/ptfb-2024-1.md": LINKS,
    "content/documents/2023/old.md": OLD,
    "content/documents/2024/secret.md": SECRET,
    "content/documents/2024/web-only.md": WEB_ONLY,
    "issues/2024-01.yml": ISSUE,
}


def gazette(*args, epoch="1735660800"):
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    return subprocess.run([sys.executable, "-m", "gazette", *args], env=env, capture_output=True, text=True)


def pdf_bytes(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.pdf")}


def test_build_makes_every_pdf_reproducibly_and_links_them(project, tmp_path):
    root = project(FILES, site=True)
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        shutil.rmtree(root / "build" / ".cache", ignore_errors=True)  # lay every PDF out anew
        result = gazette("-C", str(root), "build", "--out", str(out))
        assert result.returncode == 0, result.stderr
    made = pdf_bytes(first)
    assert set(made) == {"issues/2024/1/gazette-2024-1.pdf", "documents/2024/ptfb-2024-1.pdf",
                         "documents/2024/gg-2024-1.pdf", "documents/2024/web-only.pdf", "documents/2023/old.pdf"}
    assert made == pdf_bytes(second)  # same input: the same bytes
    for path in made:
        pdf = first / path
        assert all(font.embedded and font.subset for font in pdftools.fonts(pdf)), path
        assert pdftools.info(pdf)["Page size"].endswith("(A4)"), path
        assert 'pdfaid:part="3"' in pdftools.run("pdfinfo", "-meta", str(pdf)), path
    info = pdftools.info(first / "documents/2024/ptfb-2024-1.pdf")
    assert info["Title"] == "上海市普陀区人民政府办公室关于印发《示例管理办法》的通知"
    assert info["Author"] == "上海市普陀区人民政府办公室" and "普府办〔2024〕1号" in info["Subject"]
    issue_page = (first / "issues/2024/1/index.html").read_text(encoding="utf-8")
    assert 'href="gazette-2024-1.pdf"' in issue_page
    document_page = (first / "documents/2024/ptfb-2024-1/index.html").read_text(encoding="utf-8")
    assert 'href="../ptfb-2024-1.pdf"' in document_page


def test_unchanged_pdfs_come_from_the_cache_and_changed_ones_are_made_again(project, tmp_path):
    """A later build lays out only what changed; its PDFs equal a fresh build's, whatever the clock."""
    root = project(FILES, site=True)
    cache = root / "build" / ".cache" / "print"
    assert gazette("-C", str(root), "build", "--out", str(tmp_path / "one")).returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    assert len(before) == 5
    source = root / "content/documents/2024/gg-2024-1.md"
    source.write_text(source.read_text(encoding="utf-8").replace("示例公告正文。", "修改后的公告正文。"), encoding="utf-8")
    later = tmp_path / "two"
    assert gazette("-C", str(root), "build", "--out", str(later), epoch="1767225600").returncode == 0
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    kept = set(before) & set(after)
    # The issue holding the notice was laid out again, with the notice and the policy cut from it;
    # the two documents laid out alone (web-only, and one in no issue) were not.
    assert len(after) == 5 and len(kept) == 2
    assert all(before[name] == after[name] for name in kept)  # the others were not rewritten
    assert "修改后的公告正文" in pdftools.text(later / "documents/2024/gg-2024-1.pdf")
    shutil.rmtree(cache)
    fresh = tmp_path / "three"
    assert gazette("-C", str(root), "build", "--out", str(fresh)).returncode == 0
    assert pdf_bytes(later) == pdf_bytes(fresh)


def png(width: int, height: int) -> bytes:
    from PIL import Image

    stream = io.BytesIO()
    Image.new("RGB", (width, height), (180, 30, 30)).save(stream, "PNG")
    return stream.getvalue()


def test_a_replaced_image_is_laid_out_again(project, tmp_path):
    """An image is part of what a cached PDF depends on: replacing it under the same name makes the PDF again."""
    notice = projects.NOTICE.replace("示例公告正文。", "![示意图](tu.png)")
    image = "content/documents/2024/tu.png"
    root = project({"content/documents/2024/gg-2024-1.md": notice, image: png(40, 20)}, site=True)
    sizes = []
    for name, (width, height) in (("one", (40, 20)), ("two", (64, 48))):
        (root / image).write_bytes(png(width, height))
        assert gazette("-C", str(root), "build", "--out", str(tmp_path / name)).returncode == 0
        listing = pdftools.run("pdfimages", "-list", str(tmp_path / name / "documents/2024/gg-2024-1.pdf"))
        sizes.append([line.split()[3:5] for line in listing.splitlines()[2:]])
    assert sizes == [[["40", "20"]], [["64", "48"]]]


def test_pdfs_never_carry_a_non_public_document(project, tmp_path):
    root = project(FILES, site=True)
    out = tmp_path / "site"
    assert gazette("-C", str(root), "build", "--out", str(out)).returncode == 0
    assert not (out / "documents/2024/secret.pdf").exists()
    pdfs = list(out.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = pdftools.squash(pdftools.text(pdf))
        assert "内部事项" not in text and "只在未公开的文件中出现" not in text, pdf
        for page in PdfReader(pdf).pages:
            for annotation in page.get("/Annots") or []:
                assert "secret" not in str(annotation.get_object().get("/A", {}).get("/URI", "")), pdf


def test_links_become_site_urls(project, tmp_path):
    root = project(FILES, site=True)
    out = tmp_path / "site"
    assert gazette("-C", str(root), "build", "--out", str(out)).returncode == 0
    pdf = out / "documents/2024/ptfb-2024-1.pdf"
    uris = [annotation.get_object()["/A"]["/URI"] for page in PdfReader(pdf).pages
            for annotation in page.get("/Annots") or []]
    assert uris == [BASE_URL + "documents/2023/old/"]


def test_web_only_document_in_the_issue_and_alone(project, tmp_path):
    root = project(FILES, site=True)
    out = tmp_path / "site"
    assert gazette("-C", str(root), "build", "--out", str(out)).returncode == 0
    issue = out / "issues/2024/1/gazette-2024-1.pdf"
    url = BASE_URL + "documents/2024/web-only/"
    page = next(n for n in range(pdftools.page_count(issue), 0, -1)  # the last one: the first is the contents
                if "关于公布示例事项清单的公告" in pdftools.squash(pdftools.text(issue, n, n)))
    assert url in pdftools.squash(pdftools.text(issue, page, page))
    assert "清单全文只在网站上印出" not in pdftools.squash(pdftools.text(issue))
    assert pdftools.qr_codes(issue, page, tmp_path) == [url]
    # Downloaded from its page, the document's own PDF has the text.
    assert "清单全文只在网站上印出。" in pdftools.squash(pdftools.text(out / "documents/2024/web-only.pdf"))


def test_repealed_document_pdf_says_so(project, tmp_path):
    root = project(FILES, site=True)
    out = tmp_path / "site"
    assert gazette("-C", str(root), "build", "--out", str(out)).returncode == 0
    text = pdftools.squash(pdftools.text(out / "documents/2023/old.pdf"))
    assert "本文件已废止" in text and "普府办〔2024〕1号" in text
    issue_text = pdftools.squash(pdftools.text(out / "issues/2024/1/gazette-2024-1.pdf"))
    assert "已废止" not in issue_text  # an issue is printed as it was published


def test_pdf_command_writes_the_issue_and_is_reproducible(project, tmp_path):
    root = project(FILES, site=True)
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    for target in (one, two):
        shutil.rmtree(root / "build" / ".cache", ignore_errors=True)
        result = gazette("-C", str(root), "pdf", "2024-01", "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert one.read_bytes() == two.read_bytes()
    assert pdftools.info(one)["Title"] == "测试公报 2024年第1期"
    default = gazette("-C", str(root), "pdf", "2024-1")
    assert default.returncode == 0
    assert (root / "build/print/gazette-2024-1.pdf").read_bytes() == one.read_bytes()


def test_pdf_command_explains_a_wrong_issue(project):
    root = project(FILES, site=True)
    for wrong, expected in (("2024-7", "没有 2024年第7期"), ("第一期", "不是期号的写法")):
        result = gazette("-C", str(root), "pdf", wrong)
        assert result.returncode == 1
        assert expected in result.stderr and "现有：2024-1" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_character_no_font_has_is_found_by_the_check_and_refused_by_the_print_step(project, tmp_path):
    text = POLICY.replace("示例政策正文。", "示例政策正文。\n\n第二段有一个无字形的字符：\U0010FFFD。")
    root = project({**FILES, "content/documents/2024/ptfb-2024-1.md": text}, site=True)
    line = text.split("\n").index("第二段有一个无字形的字符：\U0010FFFD。") + 1
    finding = f"content/documents/2024/ptfb-2024-1.md:{line}: 错误: 字符“\U0010FFFD”（U+10FFFD）"
    result = gazette("-C", str(root), "pdf", "2024-1", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert finding in result.stdout and "私用区字符" in result.stdout  # `gazette check` finds it before any layout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    build = gazette("-C", str(root), "build", "--out", str(tmp_path / "site"))
    assert build.returncode == 1 and "U+10FFFD" in build.stdout
    assert not (tmp_path / "site").exists()
    # The print step itself still refuses it, with the same message (were the check and the fonts to disagree).
    library = load_library(root, Report())
    edition = Edition(library)
    with pytest.raises(GazetteError) as refused:
        edition.make([edition.document_job(library.documents["2024/ptfb-2024-1"])], tmp_path / "print")
    assert finding in str(refused.value) and "私用区字符" in str(refused.value)
    assert not (tmp_path / "print").exists()


def test_no_pdf_builds_no_print_edition_and_links_none(project, tmp_path):
    """`gazette build --no-pdf`: no PDF anywhere, no link or size pointing at one, no printed pages cited
    (they come from a layout that was not made); the issue is still named."""
    root = project(FILES, site=True)
    site = tmp_path / "site"
    result = gazette("-C", str(root), "build", "--no-pdf", "--out", str(site))
    assert result.returncode == 0, result.stderr
    assert "排版印刷版 PDF" not in result.stderr
    assert not list(site.rglob("*.pdf")) and not (root / "build" / ".cache" / "print").exists()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert ".pdf" not in text and "gz-pdf-size" not in text and "pageStart" not in text, page
    document = (site / "documents/2024/ptfb-2024-1/index.html").read_text(encoding="utf-8")
    assert ">刊登于《测试公报》2024年第1期</span>" in document
    data = json.loads((site / "api/documents.json").read_text(encoding="utf-8"))
    record = next(r for r in data["documents"] if r["id"] == "2024/ptfb-2024-1")
    assert record["pdf_url"] is None and record["printed"] is None and record["issue"]["pdf_url"] is None
    with_pdfs = tmp_path / "with"
    assert gazette("-C", str(root), "build", "--out", str(with_pdfs)).returncode == 0
    assert "第" in (with_pdfs / "documents/2024/ptfb-2024-1/index.html").read_text(encoding="utf-8").split(
        ">刊登于《测试公报》2024年第1期")[1].split("</span>")[0]


def test_build_help_names_the_options_in_chinese():
    result = gazette("build", "--help")
    assert "--no-pdf" in result.stdout and "不生成印刷版 PDF" in result.stdout
    assert "--jobs" in result.stdout and "GAZETTE_JOBS" in result.stdout
