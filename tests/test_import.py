"""`gazette import`: .docx files built here with python-docx, imported, checked, filled, built."""

import os
import re
import subprocess
import sys

import docx
import markdown
import pytest
from docx.oxml import parse_xml

from gazette.markdown import EXTENSIONS
from gazette.project import load_and_check
from gazette.wordimport.numbering import chinese_number
from wordfiles import centered, policy_docx


def gazette(*args, cwd=None):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    return subprocess.run([sys.executable, "-m", "gazette", *args], cwd=cwd, env=env, capture_output=True, text=True)


def import_file(root, source, *options):
    result = gazette("-C", str(root), "import", str(source), *options)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return root / result.stdout.strip(), result.stderr


def errors(root):
    _, report = load_and_check(root)
    return [f.format() for f in report.findings]


def fill(path, values: dict[str, str]):
    """Replace each placeholder line `key: 【待填写…】` (or its list item) with a real value."""
    lines, key = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\s*-?\s*)([a-z_]+):", line)
        if match:
            key = match.group(2)
        if "【待填写" in line and key in values:
            line = re.sub(r"【待填写[^】]*】", values[key], line)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_round_trip_passes_check_once_filled_and_builds(project, tmp_path):
    root = project(site=True)
    path, messages = import_file(root, policy_docx(tmp_path / "来文.docx", picture=True))
    assert path == root / "content/documents/2024/wj-2024-1.md"
    assert "已从原文提取：标题、发文字号、成文日期、发文机关、2 个附件说明、1 个表格、1 张图片" in messages
    text = path.read_text(encoding="utf-8")
    for line in ("title: 上海市普陀区人民政府办公室关于做好示例工作的通知", "doc_number: 普府办〔2024〕7号",
                 "signed: 2024-03-01", "issuer: 上海市普陀区人民政府办公室", "- title: 示例项目申报表"):
        assert line in text.splitlines(), line
    body = text.split("\n---\n", 1)[1]
    assert "## 一、总体要求" in body and "### （一）完善工作机制" in body
    assert "（二）加强经费保障。区财政局按年度预算安排资金。" in body.splitlines(), "a numbered sentence stays a paragraph"
    assert "普府办〔2024〕7号" not in body and "文件\n" not in body, "masthead and 发文字号 are not repeated in the body"

    # Before filling: gazette check reports exactly the placeholders, with their lines.
    found = errors(root)
    assert [re.sub(r":\d+:", ":N:", f).split("）")[0] for f in found] == [
        f"content/documents/2024/wj-2024-1.md:N: 错误: {key}" for key in
        ("published（发布日期", "disclosure（公开属性", "topics（主题分类", "attachments（附件")]
    assert all("仍是占位符" in f for f in found)

    (path.parent / "wj-2024-1-fujian1.csv").write_text("项目,金额\n示例,1\n", encoding="utf-8")
    (path.parent / "wj-2024-1-fujian2.txt").write_text("材料清单\n", encoding="utf-8")
    fill(path, {"published": "2024-03-05", "disclosure": "主动公开", "topics": "综合政务"})
    text = path.read_text(encoding="utf-8")
    text = text.replace("【待填写：附件文件名，文件放在本文件旁边】", "wj-2024-1-fujian1.csv", 1)
    path.write_text(text.replace("【待填写：附件文件名，文件放在本文件旁边】", "wj-2024-1-fujian2.txt"), encoding="utf-8")
    assert errors(root) == []

    html = markdown.markdown(path.read_text(encoding="utf-8").split("\n---\n", 1)[1],
                             extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)
    assert re.search(r"<h2 id=\"[^\"]+\">一、总体要求", html) and "<h3" in html
    assert "<td>300</td>" in html and "<td>含 | 竖线</td>" in html and "<th>标准（元/月）</th>" in html
    assert "<li>明确责任分工</li>" in html and "<strong>需求导向</strong>" in html

    site = tmp_path / "site"
    built = gazette("-C", str(root), "build", "--out", str(site))
    assert built.returncode == 0, built.stderr
    page = (site / "documents/2024/wj-2024-1/index.html").read_text(encoding="utf-8")
    assert "关于做好示例工作的通知" in page and "<td>500</td>" in page and "wj-2024-1-1.png" in page
    assert (site / "documents/2024/wj-2024-1-1.png").is_file(), "the picture is published with the document"


def test_title_by_wording_chinese_date_and_joint_signature(project, tmp_path):
    root = project()
    source = policy_docx(tmp_path / "联合.docx", title_style=False, date="二〇二四年三月十一日",
                         signature="上海市普陀区人民政府办公室　　上海市普陀区发展和改革委员会")
    path, _ = import_file(root, source, "--id", "2024/lh-2024-1")
    text = path.read_text(encoding="utf-8")
    assert "title: 上海市普陀区人民政府办公室关于做好示例工作的通知" in text
    assert "signed: 2024-03-11" in text
    assert "issuer:\n- 上海市普陀区人民政府办公室\n- 上海市普陀区发展和改革委员会\n" in text


def test_unknown_signature_becomes_a_placeholder_with_a_hint(project, tmp_path):
    root = project()
    source = policy_docx(tmp_path / "来文.docx", signature="普陀区发改委")
    path, messages = import_file(root, source, "--kind", "公告通报")
    assert path.name == "gg-2024-2.md"
    text = path.read_text(encoding="utf-8")
    assert "issuer: 【待填写：发文机关，落款为“普陀区发改委”，不在发文机关词表中；是否应为“上海市普陀区发展和改革委员会”】" in text
    assert "topics" not in text, "主题分类 is required only for 政策文件"
    assert "doc_number: 普府办〔2024〕7号" in text, "a 发文字号 found is kept for any kind"
    assert any("issuer（发文机关）仍是占位符" in f for f in errors(root))
    assert "落款为“普陀区发改委”" in messages


def numbered_docx(path):
    """Headings numbered by Word itself (一、 （一）), not typed: numbering defined with python-docx's XML API."""
    d = docx.Document()
    centered(d, "关于示例工作的通知", style="Title")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("总体要求", 0), ("主要任务", 0), ("完善机制", 1), ("加强保障", 1), ("工作要求", 0)]:
        para = d.add_paragraph(text)
        num = para._p.get_or_add_pPr().get_or_add_numPr()
        num.get_or_add_numId().val = 90
        num.get_or_add_ilvl().val = level
    for text in ("第一步", "第二步"):
        d.add_paragraph(text, style="List Number")
    d.save(str(path))
    return path


def test_word_numbering_becomes_headings_and_lists(project, tmp_path):
    root = project()
    path, _ = import_file(root, numbered_docx(tmp_path / "编号.docx"), "--kind", "公告通报")
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert [line for line in body.splitlines() if line.startswith(("#", "1. "))] == [
        "## 一、总体要求", "## 二、主要任务", "### （一）完善机制", "### （二）加强保障", "## 三、工作要求",
        "1. 第一步", "1. 第二步"]


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23, 100, 105, 110)] == \
        ["一", "十", "十一", "二十", "二十三", "一百", "一百零五", "一百一十"]


def test_not_a_docx_and_existing_id_are_clear_errors(project, tmp_path):
    root = project()
    fake = tmp_path / "假的.docx"
    fake.write_text("这不是 Word 文件", encoding="utf-8")
    result = gazette("-C", str(root), "import", str(fake))
    assert result.returncode == 1 and "不是 Word .docx 文件" in result.stderr and "Traceback" not in result.stderr
    source = policy_docx(tmp_path / "来文.docx")
    result = gazette("-C", str(root), "import", str(source), "--id", "2024/ptfb-2024-1")
    assert result.returncode == 1 and "已存在" in result.stderr
    result = gazette("-C", str(root), "import", str(tmp_path / "没有.docx"))
    assert result.returncode == 1 and "找不到 Word 文件" in result.stderr


@pytest.mark.parametrize("text", ["# 井号开头", "- 横线开头", "1. 数字开头", "含有 *星号* 和 [方括号]"])
def test_printed_text_is_not_read_as_markdown(project, tmp_path, text):
    root = project()
    d = docx.Document()
    centered(d, "关于示例的公告", style="Title")
    d.add_paragraph(text)
    d.save(str(tmp_path / "x.docx"))
    path, _ = import_file(root, tmp_path / "x.docx", "--kind", "公告通报")
    html = markdown.markdown(path.read_text(encoding="utf-8").split("\n---\n", 1)[1], extensions=list(EXTENSIONS),
                             extension_configs=EXTENSIONS)
    assert html == f"<p>{text}</p>"
