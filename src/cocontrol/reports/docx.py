"""Word writer (Word 报告) in the layout of a Chinese government document (公文格式).

Layout after GB/T 9704-2012 《党政机关公文格式》: A4, margins 37/35/28/26 mm; title in
方正小标宋简体 二号 (22 pt) centred; body 仿宋_GB2312 三号 (16 pt), fixed 28 pt line pitch,
two-character first-line indent; level-1 headings 一、 in 黑体, level-2 （一） in 楷体_GB2312;
page numbers "— n —" in the footer. Tables are 三线表 (top and bottom rules 1.5 pt, a 0.75 pt
rule under the header, no vertical lines) with the caption 表n above; figures carry 图n below.

python-docx writes only ``w:ascii``/``w:hAnsi``; Chinese text keeps the theme font unless
``w:eastAsia`` is set (python-docx#154, #1139; reference §1.9) — :func:`set_run_font` sets all
four slots and removes the theme attributes. The font table names a fallback (``w:altName``)
for each 公文 font so machines without 仿宋_GB2312 use 仿宋, etc.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from lxml import etree

from cocontrol.reports.english import split_marked
from cocontrol.reports.model import (
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    column_shares,
    dateline,
    format_cell,
    walk,
    writer_words,
)

LATIN = "Times New Roman"
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
# 公文 font → installed fallback (w:altName in the font table)
FALLBACKS = {FONT_TITLE: "宋体", FONT_BODY: "仿宋", FONT_H2: "楷体", FONT_H1: "SimHei"}

SIZE_TITLE = Pt(22)  # 二号
SIZE_BODY = Pt(16)  # 三号
SIZE_TABLE = Pt(10.5)  # 五号
SIZE_CAPTION = Pt(12)  # 小四
SIZE_ANNEX = Pt(14)  # 四号: the methods annex
ANNEX_PITCH = Pt(24)
LINE_PITCH = Pt(28)
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_run_font(run, latin: str = LATIN, east_asia: str = FONT_BODY, size=None, bold: bool | None = None) -> None:  # type: ignore[no-untyped-def]
    """Set Latin and East-Asian fonts of a run (or a style) explicitly, incl. ``w:eastAsia``."""
    run.font.name = latin
    element = run._r if hasattr(run, "_r") else run.element  # a Run or a Style
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asia), ("w:cs", latin)):
        fonts.set(qn(attr), name)
    if size is not None:
        run.font.size = size
    if bold is not None:
        run.font.bold = bold


def _paragraph(doc, text: str, font: str = FONT_BODY, size=SIZE_BODY, align=None, indent: bool = True, bold: bool = False):  # type: ignore[no-untyped-def]
    para = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        para.alignment = align
    add_text(para, text, east_asia=font, size=size, bold=bold)
    return para


def add_text(para, text: str, **font) -> None:  # type: ignore[no-untyped-def]
    """``text`` as runs; plan wording kept in Chinese in an English report
    (:func:`cocontrol.reports.english.original`) is marked ``w:lang`` zh-CN."""
    for piece, chinese in split_marked(text):
        run = para.add_run(piece)
        set_run_font(run, **font)
        if chinese:
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), "zh-CN")
            lang.set(qn("w:eastAsia"), "zh-CN")
            run._r.get_or_add_rPr().append(lang)


def _style_fonts(doc) -> None:  # type: ignore[no-untyped-def]
    """Normal and heading styles in 公文 fonts, black, no theme fonts."""
    for name, font, size, bold in (
        ("Normal", FONT_BODY, SIZE_BODY, False),
        ("Heading 1", FONT_H1, SIZE_BODY, False),
        ("Heading 2", FONT_H2, SIZE_BODY, False),
        ("Heading 3", FONT_BODY, SIZE_BODY, True),
    ):
        style = doc.styles[name]
        set_run_font(style, east_asia=font, size=size, bold=bold)
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
        if name != "Normal":
            fmt.first_line_indent = Pt(32)
            fmt.keep_with_next = True


def _font_fallbacks(doc) -> None:  # type: ignore[no-untyped-def]
    """Declare each 公文 font in the font table with its fallback (w:altName) and GB2312 charset."""
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    for name, alt in FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alt)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "modern" if name == FONT_BODY else "auto")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page(doc, landscape: bool = False) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(26), Mm(20)
        section.left_margin, section.right_margin = Mm(20), Mm(20)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(footer.add_run("— "), east_asia="宋体", size=Pt(14))
    run = footer.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    inner.append(text)
    field.append(inner)
    run._r.addnext(field)
    set_run_font(footer.add_run(" —"), east_asia="宋体", size=Pt(14))


def _border(parent, edge: str, size: int | None) -> None:  # type: ignore[no-untyped-def]
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single" if size else "nil")
    if size:
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
    parent.append(el)


def _three_line(table: DocxTable) -> None:
    """三线表: thick top and bottom rules, thin rule under the header row, nothing else."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge, size in (("top", 12), ("left", None), ("bottom", 12), ("right", None),
                       ("insideH", None), ("insideV", None)):
        _border(borders, edge, size)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")  # 1 mm left/right instead of Word's 1.9 mm
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # repeat the header on each page
    for cell in header.cells:
        tc_borders = OxmlElement("w:tcBorders")
        _border(tc_borders, "bottom", 6)
        cell._tc.get_or_add_tcPr().append(tc_borders)


def _cell_text(cell, text: str, bold: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:  # type: ignore[no-untyped-def]
    para = cell.paragraphs[0]
    para.alignment = align
    para.paragraph_format.first_line_indent = Pt(0)
    para.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    add_text(para, text, east_asia=FONT_H1 if bold else FONT_BODY, size=SIZE_TABLE)


def _caption(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    para = _paragraph(doc, text, font=FONT_H1, size=SIZE_CAPTION, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    para.paragraph_format.keep_with_next = True


def _table(doc, label: str, table: Table, words: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _caption(doc, f"{label}  {table.caption}")
    out = doc.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    section = doc.sections[0]
    usable = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    for i, share in enumerate(column_shares(table, usable)):
        width = share * usable
        out.columns[i].width = Mm(width)  # w:gridCol (LibreOffice) and w:tcW (Word) both
        for cell in out.columns[i].cells:
            cell.width = Mm(width)
    for cell, col in zip(out.rows[0].cells, table.columns, strict=True):
        _cell_text(cell, col.header, bold=True)
    for r, row in enumerate(table.rows, start=1):
        for cell, col, value in zip(out.rows[r].cells, table.columns, row, strict=True):
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            _cell_text(cell, format_cell(value, col.decimals),
                       align=WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT)
    _three_line(out)
    for line in (([words["note"] + table.note] if table.note else [])
                 + ([words["source"] + table.source] if table.source else [])):
        note = _paragraph(doc, line, size=SIZE_TABLE, indent=False)
        note.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _paragraph(doc, "", size=Pt(8), indent=False)


def _figure(doc, label: str, figure: Figure) -> None:  # type: ignore[no-untyped-def]
    doc.add_picture(io.BytesIO(figure.png), width=Cm(figure.width_cm))
    picture = doc.paragraphs[-1]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.first_line_indent = Pt(0)
    picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    picture.paragraph_format.keep_with_next = True
    _caption(doc, f"{label}  {figure.caption}")


def _heading(doc, level: int, text: str) -> None:  # type: ignore[no-untyped-def]
    para = doc.add_paragraph(style=f"Heading {min(level, 3)}")
    add_text(para, text, east_asia={1: FONT_H1, 2: FONT_H2}.get(level, FONT_BODY), size=SIZE_BODY, bold=level >= 3)


def _annex(doc, report: Report) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    head, _, title = report.annex_title.partition("：")
    if report.lang == "en":
        head, _, title = report.annex_title.partition(": ")
    _paragraph(doc, head if title else writer_words(report)["annex"], font=FONT_H1, indent=False)
    _paragraph(doc, title or report.annex_title, font=FONT_TITLE, size=SIZE_TITLE,
               align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    sep = "\u2003"  # em space after the run-in heading (a title may hold its own colon: 方法：…)
    for i, entry in enumerate(report.annex, start=1):  # run-in heading, 四号 (as the PDF's annex)
        para = _paragraph(doc, "", size=SIZE_ANNEX)
        para.paragraph_format.line_spacing = ANNEX_PITCH
        para.paragraph_format.space_before = Pt(4)
        add_text(para, f"{i}. {entry.title}", east_asia=FONT_BODY, size=SIZE_ANNEX, bold=True)
        add_text(para, sep + entry.text, east_asia=FONT_BODY, size=SIZE_ANNEX)
        if entry.source:
            _paragraph(doc, writer_words(report)["cited"] + entry.source, size=SIZE_CAPTION)


def render_docx(report: Report) -> bytes:
    """The report as a .docx file's bytes."""
    doc = Document()
    _style_fonts(doc)
    _font_fallbacks(doc)
    _page(doc, report.landscape)
    doc.core_properties.title = report.title
    doc.core_properties.author = report.issuer or "cocontrol"
    _paragraph(doc, report.title, font=FONT_TITLE, size=SIZE_TITLE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    if report.subtitle:
        _paragraph(doc, report.subtitle, font=FONT_H2, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _paragraph(doc, dateline(report), font=FONT_BODY, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _paragraph(doc, "", indent=False)
    for entry in walk(report):
        block = entry.block
        if isinstance(block, Section):
            _heading(doc, entry.level, f"{entry.label}{block.title}")
        elif isinstance(block, Table):
            _table(doc, entry.label, block, writer_words(report))
        elif isinstance(block, Figure):
            _figure(doc, entry.label, block)
        elif isinstance(block, Paragraph):
            _paragraph(doc, block.text)
    if report.annex:
        _annex(doc, report)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
