"""Each writer on the hand-built report, read back with the library that reads the format."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from cocontrol.errors import InputError
from cocontrol.reports.html import render_html
from cocontrol.reports.model import Report, chinese_number, format_cell, heading_label
from cocontrol.reports.write import format_of, write_report

from .conftest import SCRIPT

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_chinese_heading_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
    assert heading_label(1, 3) == "三、"
    assert heading_label(2, 2) == "（二）"


def test_format_cell():
    assert format_cell(None) == "—"
    assert format_cell(float("nan")) == "—"
    assert format_cell(24.0) == "24"
    assert format_cell(8.25) == "8.25"
    assert format_cell(512.345, 2) == "512.35"
    assert format_cell(123456.7) == "123,457"  # thousands grouped as on the web (9,956.65)
    assert format_cell(9956.654, 2) == "9,956.65" and format_cell(-0.001, 2) == "0.00"
    assert format_cell(2023) == "2023" and format_cell(12000, 1) == "12,000.0"  # a year stays a year


@pytest.fixture(scope="module")
def docx_doc(hand_report: Report, tmp_path_factory):
    path = write_report(hand_report, tmp_path_factory.mktemp("w") / "r.docx")
    return docx.Document(str(path)), path


def test_docx_structure(docx_doc, hand_report):
    doc, _ = docx_doc
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == hand_report.title
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == ["一、总体情况", "二、目标完成情况", "三、排放与协同", "四、存在问题", "五、下一步工作"]
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert h2 == ["（一）约束性指标", "（二）预期性指标"]
    assert "表1  目标指标完成情况" in texts and "图1  分部门二氧化碳排放量" in texts
    # annex after the body
    assert "方法与数据来源" in texts
    assert texts.index("方法与数据来源") > texts.index("五、下一步工作")
    assert any(t.startswith("1. 排放核算方法\u2003") for t in texts)  # run-in heading, as in the PDF


def test_docx_tables_have_chinese_headers_and_three_rules(docx_doc):
    doc, _ = docx_doc
    assert len(doc.tables) == 2
    header = [c.text for c in doc.tables[1].rows[0].cells]
    assert header == ["部门", "二氧化碳排放量（万吨）", "占比（%）"]
    assert doc.tables[1].rows[1].cells[1].text == "512.35"
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    vals = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
    assert vals == {"top": "single", "left": "nil", "bottom": "single", "right": "nil",
                    "insideH": "nil", "insideV": "nil"}


def test_docx_has_image_and_east_asia_fonts(docx_doc):
    doc, path = docx_doc
    assert len(doc.inline_shapes) == 1
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in z.namelist())
        body = z.read("word/document.xml").decode("utf-8")
        fonts = z.read("word/fontTable.xml").decode("utf-8")
        footer = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert 'w:eastAsia="方正小标宋简体"' in body  # title
    assert 'w:eastAsia="仿宋_GB2312"' in body  # body text
    assert 'w:eastAsia="黑体"' in body  # 一、 headings
    assert "w:eastAsiaTheme" not in body
    assert 'w:name="仿宋_GB2312"' in fonts and 'w:altName w:val="仿宋"' in fonts
    assert 'w:instr="PAGE"' in footer


def test_xlsx_every_table_a_sheet_numbers_numeric(hand_report, tmp_path):
    path = write_report(hand_report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["说明", "表1 目标指标完成情况", "表2 分部门排放"]
    ws = wb["表2 分部门排放"]
    assert [c.value for c in ws[1]] == ["部门", "二氧化碳排放量（万吨）", "占比（%）"]
    assert ws.freeze_panes == "A2"
    assert ws["B2"].value == pytest.approx(512.345) and isinstance(ws["B2"].value, float)
    assert ws["B2"].number_format == "#,##0.00"
    t1 = wb["表1 目标指标完成情况"]
    assert t1["B2"].value == 2025 and isinstance(t1["B2"].value, int)
    assert t1["C4"].value is None  # missing stays empty, never the text "—"
    assert t1.cell(row=t1.max_row, column=1).value.startswith("数据来源：")


def test_html_escapes_script_and_inlines_png(hand_report):
    page = render_html(hand_report)
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(" in page
    assert page.count("data:image/png;base64,") == 1
    assert '"Noto Serif CJK SC"' in page  # font stack reaches CSS unescaped


def test_pdf_has_pages_and_chinese_text(hand_report, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("weasyprint")
    path = write_report(hand_report, tmp_path / "r.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) >= 2
    text = "".join(page.extract_text() for page in reader.pages)
    assert "目标指标完成情况" in text and "一、总体情况" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("CJK" in f for f in fonts), fonts


def test_render_in_memory_matches_file(hand_report, tmp_path):
    from cocontrol.reports.write import render

    assert render(hand_report, "HTML") == write_report(hand_report, tmp_path / "r.html").read_bytes()
    with pytest.raises(InputError, match="odt"):
        render(hand_report, "odt")


def test_format_from_suffix_or_override(tmp_path):
    assert format_of(tmp_path / "a.DOCX") == "docx"
    assert format_of(tmp_path / "a.htm") == "html"
    assert format_of(tmp_path / "a.out", "pdf") == "pdf"
    with pytest.raises(InputError, match=r"a\.txt"):
        format_of(tmp_path / "a.txt")


def test_failed_render_leaves_no_file(hand_report, tmp_path, monkeypatch):
    """A writer that fails mid-way leaves neither the target nor a temp file behind."""
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")
    from cocontrol import files

    def boom(data):
        raise OSError("disk full")

    real = files.os.fsync
    monkeypatch.setattr(files.os, "fsync", lambda fd: (real(fd), boom(None)))
    with pytest.raises(OSError, match="disk full"):
        write_report(hand_report, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


def test_chart_png_is_deterministic():
    from cocontrol.reports import charts

    a = charts.line_chart({"二氧化碳": {2020: 1.0, 2021: 2.0}}, "趋势", "万吨")
    b = charts.line_chart({"二氧化碳": {2020: 1.0, 2021: 2.0}}, "趋势", "万吨")
    assert a == b and a.startswith(b"\x89PNG")
    assert io.BytesIO(a).getbuffer().nbytes > 1000


def test_column_shares_keep_numbers_whole():
    """40 mm = 21.62 characters of 1.85 mm. Wants: 指标 22 + 1.5 = 23.5 (capped), 年份 4 + 1.5 = 5.5;
    needs: 2 + 1.5 = 3.5 (CJK breaks anywhere) and 1.3 × 4 + 1.5 = 6.7 ("2025" must not break,
    with room for wider substitute digits), so 年份 wants 6.7 too. Only the flexible part is
    squeezed: 年份 keeps 6.7 characters = 12.395 mm."""
    from cocontrol.reports.model import Column, Table, column_shares

    table = Table("t", [Column("指标"), Column("年份")], [["很长的指标名称" * 4, 2025]])
    shares = column_shares(table, 40.0)
    assert sum(shares) == pytest.approx(1.0)
    assert shares[1] * 40.0 == pytest.approx(6.7 * 1.85)
    wide = column_shares(table, 400.0)  # room for everything: proportional to the wants
    assert wide == pytest.approx([23.5 / 30.2, 6.7 / 30.2])
