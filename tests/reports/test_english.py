"""The English edition: hand-checked translations, plan wording kept and marked, writers' marks."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from cocontrol.reports.docx import render_docx
from cocontrol.reports.english import english, numbering, original, plain, split_marked, translate
from cocontrol.reports.model import Column, Report, Section, Table
from cocontrol.reports.xlsx import ORIGINAL_NOTE, render_xlsx


@pytest.mark.parametrize("zh, en", [
    ("基期值 43.4%（2020年）", "baseline 43.4% (2020)"),
    ("基期值 147.79吨（2020年）", "baseline 147.79 t (2020)"),
    ("2025年不低于55%", "at least 55% by 2025"),
    ("2030年下降68%", "reduce by 68% by 2030"),
    ("森林覆盖率", "Forest coverage"),
    ("市生态环境局", "Municipal Ecology and Environment Bureau"),
    ("市发展改革委、市生态环境局", "Municipal Development and Reform Commission, Municipal Ecology and Environment Bureau"),
    ("存在风险", "at risk"),
    ("进度正常", "on track"),
    ("协同减排", "co-reduction"),
    ("150万千瓦", "150 10⁴ kW"),
    ("经评价，未发现滞后或存在风险的目标指标。", "No target lags or is at risk."),
    ("变化最大的10个部门，全部26个部门见Excel工作簿。", "The 10 sectors with the largest change; all 26 in the Excel workbook."),
    ("济南市2025年度减污降碳重点任务调度表", "Jinan 2025: dispatch table of key tasks"),
])
def test_translations(zh, en):
    assert translate(zh) == en


@pytest.mark.parametrize("zh, en", [("三、（一）6.", "3.(1)6."), ("十二、（三）4.", "12.(3)4."),
                                    ("三.一.专栏1.1", "3.1.Box 1.1"), ("二、", "2.")])
def test_plan_numbering(zh, en):
    assert numbering(zh) == en


def test_plan_wording_without_english_is_kept_whole_and_marked():
    task = "着力推动煤炭清洁高效利用，严控新增耗煤项目"
    assert translate(task, plan=True) == original(task)
    assert split_marked("Plan: " + original("荣成市规划")) == [("Plan: ", False), ("荣成市规划", True)]
    assert plain(original("荣成")) == "荣成"


def test_a_generated_sentence_without_english_is_not_hidden():
    """Report text the catalogue lacks stays Chinese and unmarked, so the language test fails on it."""
    assert translate("本节为新增的说明文字。") == "本节为新增的说明文字。"


def _report() -> Report:
    table = Table("目标指标完成情况", [Column("指标"), Column("目标"), Column("状态"), Column("内容")],
                  [["森林覆盖率", "2025年不低于25%", "存在风险", "着力推动煤炭清洁高效利用"]], note="直接排放（范围一）口径。")
    return Report(title="荣成市2025年度减污降碳协同增效工作评价报告", subtitle="（年度减污降碳协同成果评价）",
                  date=dt.date(2026, 12, 6), sections=[Section("摘要", [table])])


def test_english_report_and_its_writers_mark_kept_wording():
    report = english(_report())
    assert report.lang == "en" and report.title == "Rongcheng 2025: evaluation of pollution and carbon co-reduction work"
    row = report.sections[0].blocks[0].rows[0]
    assert row[:3] == ["Forest coverage", "at least 25% by 2025", "at risk"]
    assert row[3] == original("着力推动煤炭清洁高效利用")
    word = docx.Document(BytesIO(render_docx(report)))
    runs = [(r.text, r._r.rPr is not None and r._r.rPr.find(qn("w:lang")) is not None)
            for t in word.tables for c in t.rows[1].cells for p in c.paragraphs for r in p.runs]
    assert ("着力推动煤炭清洁高效利用", True) in runs and ("Forest coverage", False) in runs
    texts = [p.text for p in word.paragraphs]
    assert "6 December 2026" in texts and any(t.startswith("Table 1") for t in texts)
    assert any(t.startswith("Note: Direct emissions (scope 1).") for t in texts)
    book = openpyxl.load_workbook(BytesIO(render_xlsx(report)))
    cells = {c.value: c for ws in book.worksheets for r in ws.iter_rows() for c in r if isinstance(c.value, str)}
    assert cells["着力推动煤炭清洁高效利用"].comment.text == ORIGINAL_NOTE
    assert cells["Forest coverage"].comment is None


def test_a_plan_quote_is_kept_whole_never_a_patchwork():
    """威海's green-factory sentence (威政字〔2024〕52号) once came out as "创建市级及以上绿色工厂105家,
    Green industrial parks (city level or above) 4 enterprises, 国家, province, 市三级…": pieces the
    glossary knows translated, the rest kept. A quote is the plan's own words: kept whole, marked."""
    quote = "到2025年，创建市级及以上绿色工厂105家，市级及以上绿色工业园区4家，国家、省、市三级绿色工厂梯度培育机制进一步健全；"
    en = translate("市级及以上绿色工业园区：目标为2025年不低于4家，最新为2家（2025年），评价为“严重滞后”。"
                   f"（规划原文：“{quote}”）")
    assert en.endswith(f'(plan wording: "{original(quote)}")'), en
    assert en.startswith("Green industrial parks (city level or above): target"), en
    assert split_marked(en)[-2] == (quote, True)
