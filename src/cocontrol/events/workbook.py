"""The event workbook (大型活动碳中和填报表): template and reader.

Sheets: ``活动`` (项目 | 内容: 阶段 计划/实际, 名称, 类型, 开始日期, 结束日期, 地点, 城市 — the platform region the
event belongs to —, 地区 — the province whose grid factor applies —, 年份, 参会人数),
``排放源`` (类别, 项目, 数量, 单位, [排放因子 kgCO2e/单位, 因子来源], 备注) and ``抵消``
(类型, 序列号, 年份, 数量 tCO2e), optional ``减排措施`` (措施, 预计减排量 t). Rows are numbered as the
spreadsheet shows them. The guideline's order: reduce first, then offset — a 计划 account (before
the event) states the expected emissions, the measures and the offset route; the 实际 account
(after it) is the one judged neutral.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.events.footprint import SOURCES

STAGES = {"计划": "plan", "实际": "actual", "plan": "plan", "actual": "actual"}
INFO_KEYS = {"阶段": "stage", "名称": "name", "类型": "type", "开始日期": "start", "结束日期": "end",
             "地点": "venue", "城市": "city", "地区": "region", "年份": "year", "参会人数": "attendees"}
SOURCE_COLUMNS = ("类别", "项目", "数量", "单位", "排放因子", "因子来源", "备注")
CREDIT_COLUMNS = ("类型", "序列号", "年份", "数量")
EXAMPLE_SOURCES = [
    ("场馆燃料", "天然气", 0.12, "万立方米", None, None, "场馆锅炉（示例）"),
    ("外购电力", "电力", 18000, "kWh", None, None, "场馆及办公电表读数（示例）"),
    ("交通", "高铁/火车", 250000, "人·公里", None, None, "参会人员往返（示例）"),
    ("交通", "地铁", 8000, "人·公里", None, None, "市内交通（示例）"),
    ("住宿", "电力", 14000, "kWh", None, None, "协议酒店按会议间·夜分摊的电量（示例）"),
    ("住宿", "天然气", 0.05, "万立方米", None, None, "协议酒店按会议间·夜分摊的燃气（示例）"),
    ("餐饮", "餐饮", 3000, "人次", None, None, "（示例）"),
    ("废弃物", "厨余垃圾填埋", 600, "kg", None, None, "（示例）"),
    ("废弃物", "纸类垃圾填埋", 150, "kg", None, None, "（示例）"),
]


def write_template(path: str | Path) -> Path:
    """A workbook with the three sheets, one illustrative event filled in."""
    from openpyxl import Workbook

    from cocontrol.files import write_atomic

    book = Workbook()
    info = book.active
    info.title = "活动"
    info.append(["项目", "内容"])
    for row in (("阶段", "实际"), ("名称", "示例论坛（示例数据）"), ("类型", "会议"), ("开始日期", "2026-05-20"),
                ("结束日期", "2026-05-21"), ("地点", "威海国际会展中心"), ("城市", "威海市"),
                ("地区", "山东"),
                ("年份", 2023), ("参会人数", 600)):
        info.append(list(row))
    sources = book.create_sheet("排放源")
    sources.append(list(SOURCE_COLUMNS))
    for row in EXAMPLE_SOURCES:
        sources.append(list(row))
    credits = book.create_sheet("抵消")
    credits.append(list(CREDIT_COLUMNS))
    credits.append(["CCER", "CCER-14-EXAMPLE-0001", 2025, 100])
    measures = book.create_sheet("减排措施")
    measures.append(["措施", "预计减排量"])
    measures.append(["场馆使用绿色电力（示例）", 5.0])
    measures.append(["参会人员优先公共交通（示例）", 2.0])
    notes = book.create_sheet("说明")
    notes.append(["阶段：活动前填“计划”（碳中和实施计划：预计排放、减排措施、抵消方式），活动后填“实际”（按实际排放核算并注销）"])
    notes.append(["类别可填：" + "、".join(SOURCES.values())])
    notes.append(["抵消类型可填：配额、CCER、碳普惠、CER（《大型活动碳中和实施指南（试行）》）"])
    notes.append(["排放因子留空时采用内置因子；自填因子须注明因子来源。示例数据仅作演示。"])
    notes.append(["住宿：无可引用的缺省因子。请填写协议酒店分摊给本活动的能耗（项目填 电力、天然气、热力 等，单位 kWh、万立方米、GJ），"
                  "或填写每间·夜的排放因子并注明因子来源。"])
    notes.append(["会议用品：无可引用的缺省因子，须填写排放因子并注明因子来源（如供应商的产品碳足迹）。"])
    notes.append(["废弃物：按 厨余垃圾填埋、纸类垃圾填埋、塑料、金属、玻璃等填埋 分列（单位 kg），"
                  "因子按 IPCC 2006 第5卷第3章缺省参数推算；混合垃圾请分列或填写带来源的因子。"])
    return write_atomic(path, book.save)


def _sheet(book: pd.ExcelFile, name: str, columns: tuple[str, ...], file: str,
           required: int) -> pd.DataFrame:
    if name not in book.sheet_names:
        raise ValidationFailed([Problem("missing sheet", file=file, sheet=name,
                                        expected=", ".join(("活动", "排放源", "抵消")))],
                               "event workbook")
    frame = pd.read_excel(book, sheet_name=name, dtype=object)
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in columns[:required] if c not in frame.columns]
    if missing:
        raise ValidationFailed([Problem("missing columns", file=file, sheet=name,
                                        expected=", ".join(columns[:required]),
                                        found=", ".join(missing))], "event workbook")
    frame = frame.dropna(how="all")
    frame.index = frame.index + 2
    return frame


def read_event(path: str | Path) -> tuple[dict[str, object], pd.DataFrame, pd.DataFrame]:
    """(event information, 排放源 rows, 抵消 rows) of an event workbook."""
    from cocontrol.data.sniff import check_table_file

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError("an event workbook is an .xlsx file", file=str(path),
                         found=path.suffix or "(no suffix)")
    check_table_file(path)  # missing, empty, junk or zip bomb: refused before parsing
    try:
        book = pd.ExcelFile(path, engine="calamine")
    except Exception:  # calamine raises its own error types for junk files
        raise InputError("not a readable Excel workbook", file=str(path),
                         expected="an .xlsx workbook") from None  # calamine's text is not for users
    info_frame = _sheet(book, "活动", ("项目", "内容"), str(path), 2)
    info = {INFO_KEYS.get(str(k).strip(), str(k).strip()): v
            for k, v in zip(info_frame["项目"], info_frame["内容"], strict=True)}
    if not str(info.get("name") or "").strip():
        raise InputError("the event needs a name", file=str(path), sheet="活动", column="内容",
                         expected="a row 名称")
    year = pd.to_numeric(info.get("year"), errors="coerce")
    if pd.isna(year):
        start = pd.to_datetime(info.get("start"), errors="coerce")
        year = start.year if not pd.isna(start) else 0
    info["year"] = int(year)
    stage = str(info.get("stage") or "实际").strip()
    if stage not in STAGES:
        raise InputError("unknown stage", file=str(path), sheet="活动", column="内容",
                         expected="计划 (before the event) or 实际 (after it)", found=stage)
    info["stage"] = STAGES[stage]
    measures = (_sheet(book, "减排措施", ("措施", "预计减排量"), str(path), 2)
                if "减排措施" in book.sheet_names else pd.DataFrame(columns=["措施", "预计减排量"]))
    info["measures"] = [(str(r["措施"]), pd.to_numeric(r["预计减排量"], errors="coerce"))
                        for _, r in measures.iterrows()]
    sources = _sheet(book, "排放源", SOURCE_COLUMNS, str(path), 4)
    credits = _sheet(book, "抵消", CREDIT_COLUMNS, str(path), 4)
    return info, sources, credits
