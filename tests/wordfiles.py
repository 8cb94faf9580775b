"""Word files built with python-docx in the tests themselves, laid out like a 公文 (GB/T 9704)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

# A 1×1 PNG, so that pictures can be carried over (bytes written here, not a fixture file).
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201e2215bc10000000049454e44ae426082")


def centered(document, text: str, style: str | None = None):
    para = document.add_paragraph(text, style=style)
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return para


def policy_docx(path: Path, *, title_style: bool = True, signature: str = "上海市普陀区人民政府办公室",
                date: str = "2024年3月1日", picture: bool = False) -> Path:
    """A 区府办 notice: masthead, 发文字号, title, headings, a list, a table, 附件说明, signature, 附注."""
    d = docx.Document()
    centered(d, "上海市普陀区人民政府办公室文件")
    centered(d, "普府办〔2024〕7号")
    centered(d, "上海市普陀区人民政府办公室关于做好示例工作的通知", style="Title" if title_style else None)
    d.add_paragraph("区政府各委、办、局，各街道办事处、镇政府：")
    d.add_paragraph("为做好示例工作，现将有关事项通知如下：")
    d.add_paragraph("一、总体要求")
    intro = d.add_paragraph("坚持")
    intro.add_run("需求导向").bold = True
    intro.add_run("，统筹推进示例工作。")
    d.add_paragraph("二、主要任务")
    d.add_paragraph("（一）完善工作机制")
    d.add_paragraph("建立季度会商制度，主要内容包括：")
    d.add_paragraph("明确责任分工", style="List Bullet")
    d.add_paragraph("细化工作台账", style="List Bullet")
    d.add_paragraph("（二）加强经费保障。区财政局按年度预算安排资金。")
    d.add_paragraph("补贴标准见下表：")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["类别", "标准（元/月）", "备注"], ["一级", "300", "按月发放"], ["二级", "500", "含 | 竖线"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if picture:
        d.add_picture(io.BytesIO(PNG))
    d.add_paragraph("附件：1．示例项目申报表")
    d.add_paragraph("2．示例材料清单")
    d.add_paragraph(signature)
    d.add_paragraph(date)
    d.add_paragraph("（此件公开发布）")
    d.save(str(path))
    return path
