"""The data-intake sheets (填报表) and their columns, as the issue's contract lists them.

Every sheet is a table with a header row; a workbook has one sheet per name, a folder one file
per name (``fuel.csv``, ``cems.parquet`` …). Required columns must be present and filled;
optional columns may be missing or empty.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sheet:
    """One intake sheet: its name, required and optional columns, and a Chinese title."""

    name: str
    title_zh: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


SHEETS: dict[str, Sheet] = {s.name: s for s in (
    Sheet("enterprises", "企业名录",
          ("enterprise_id", "name", "uscc", "region", "industry", "two_high"), ("permit_no",)),
    Sheet("facilities", "设施名录",
          ("enterprise_id", "facility_id", "kind", "capacity", "capacity_unit"),
          ("design_hours",)),
    Sheet("stacks", "排口名录",
          ("enterprise_id", "stack_id", "facility_id"), ("height", "permit_outlet_id")),
    Sheet("fuel", "燃料消耗与化验",
          ("enterprise_id", "facility_id", "year", "month", "fuel", "amount", "unit"),
          ("ncv", "carbon_content", "oxidation", "sulfur", "measured", "hydrogen", "moisture",
           "sample_date", "test_date", "report_date", "hours", "load")),
    Sheet("production", "产品产量与增加值",
          ("enterprise_id", "year", "month", "product", "amount", "unit"), ("value_added",)),
    Sheet("electricity", "外购电力",
          ("enterprise_id", "year", "month", "purchased_mwh"), ("green_mwh",)),
    Sheet("operation", "设施运行记录",
          ("enterprise_id", "facility_id", "year", "month", "hours"),
          ("load", "output", "output_unit")),
    Sheet("permit_report", "排污许可执行报告",
          ("enterprise_id", "year", "species", "reported"), ("month", "stack_id")),
    Sheet("controls", "污染治理设施",
          ("enterprise_id", "facility_id", "species", "efficiency"), ("start", "end")),
    Sheet("cems", "在线监测（小时）",
          ("enterprise_id", "stack_id", "time", "flow"), ("so2", "nox", "pm", "o2", "co2")),
)}
REQUIRED_SHEETS = ("enterprises", "fuel")

# Chinese explanation of every column (template 说明 sheet)
COLUMN_HELP: dict[str, str] = {
    "enterprise_id": "企业编号（各表一致）", "name": "企业名称",
    "uscc": "统一社会信用代码（18位，按GB 32100校验）", "region": "所在区县",
    "industry": "国民经济行业代码（GB/T 4754，如 4411 火力发电、3011 水泥制造）",
    "two_high": "是否两高企业（是/否）", "permit_no": "排污许可证编号",
    "facility_id": "设施编号（机组、锅炉、窑炉；排口表可填多个，用“|”分隔）", "year": "年份", "month": "月份（1–12；执行报告留空表示全年合计）",
    "fuel": "燃料品种（如 原煤、天然气）", "amount": "消耗量或产量",
    "unit": "单位（燃料：t、万t；气体：万Nm³、Nm³）",
    "ncv": "低位发热量（GJ/t；气体 GJ/万Nm³）", "carbon_content": "单位热值含碳量（tC/GJ）",
    "oxidation": "碳氧化率（0–1 或 百分数如 99%）", "sulfur": "收到基硫分（%）",
    "measured": "是否实测（本月含碳量是否经CMA/CNAS实验室实测，是/否）", "hydrogen": "氢（%）",
    "moisture": "全水分（%）", "sample_date": "采样日期", "test_date": "检测日期",
    "report_date": "报告日期", "hours": "运行小时（h）", "load": "平均负荷率（0–1 或 百分数）",
    "product": "产品名称（如 供电量、水泥熟料、轮胎、合成氨）", "value_added": "工业增加值（万元）",
    "purchased_mwh": "外购电量（MWh）", "green_mwh": "其中绿电（MWh）",
    "species": "污染物（SO2、NOx、颗粒物、VOCs）", "reported": "执行报告实际排放量（t）",
    "efficiency": "去除效率（0–1 或 百分数）", "start": "投运日期（空为全年）",
    "end": "停运日期（空为至今）", "stack_id": "排口编号（在线监测、排口表一致；执行报告按排放口填报时填写）", "time": "监测时间（小时）",
    "flow": "标态烟气流量（Nm³/h）", "so2": "SO2浓度（mg/Nm³）", "nox": "NOx浓度（mg/Nm³）",
    "kind": "设施类别（机组、锅炉、窑炉、加热炉、气化炉、焚烧炉、其他）",
    "capacity": "额定容量（数值）",
    "capacity_unit": "容量单位（机组 MW 或 万千瓦；锅炉 t/h 蒸发量；窑炉 t/d 或 t/h 熟料）",
    "design_hours": "设计年运行小时（h，已知时填）", "height": "排气筒高度（m）",
    "permit_outlet_id": "排污许可证排放口编号",
    "output": "当月产出（发电量、熟料、蒸汽等，负荷率与产出至少填一项）",
    "output_unit": "产出单位（MWh、万kWh、t、万t；与容量单位对应）",
    "pm": "颗粒物浓度（mg/Nm³）", "o2": "含氧量（%）", "co2": "CO2浓度（%，有CO2在线监测时）",
}
FACILITY_KINDS = ("机组", "锅炉", "窑炉", "加热炉", "气化炉", "焚烧炉", "其他")
# capacity units → (dimension, factor to the per-hour base: MW or t/h)
CAPACITY_UNITS: dict[str, tuple[str, float]] = {
    "mw": ("power", 1.0), "万千瓦": ("power", 10.0), "万kw": ("power", 10.0),
    "kw": ("power", 1e-3), "t/h": ("mass", 1.0), "t/d": ("mass", 1.0 / 24.0),
    "吨/小时": ("mass", 1.0), "吨/时": ("mass", 1.0), "吨/天": ("mass", 1.0 / 24.0),
    "吨/日": ("mass", 1.0 / 24.0)}
# output units → (dimension, factor to the base: MWh or t)
OUTPUT_UNITS: dict[str, tuple[str, float]] = {
    "mwh": ("power", 1.0), "万kwh": ("power", 10.0), "万千瓦时": ("power", 10.0),
    "kwh": ("power", 1e-3), "千瓦时": ("power", 1e-3), "t": ("mass", 1.0), "吨": ("mass", 1.0),
    "万t": ("mass", 1e4), "万吨": ("mass", 1e4)}
SPECIES = {"so2": "SO2", "nox": "NOx", "颗粒物": "颗粒物", "pm": "颗粒物", "烟尘": "颗粒物",
           "vocs": "VOCs"}


def sheet_zh(name: str | None) -> str:
    """The Chinese title a reader sees for intake sheet ``name`` (the template's 说明 sheet);
    anything else (a file name, an empty cell) is returned as given."""
    if not name:
        return ""
    sheet = SHEETS.get(str(name))
    return sheet.title_zh if sheet else str(name)


def column_zh(name: str | None) -> str:
    """The Chinese name of intake column ``name``: the head of its 说明 text in
    :data:`COLUMN_HELP` before the bracketed detail (``carbon_content`` → 单位热值含碳量)."""
    if not name:
        return ""
    text = COLUMN_HELP.get(str(name))
    return text.split("（", 1)[0] if text else str(name)
