"""Exports of a verification run: the contract JSON (banks' 碳效贷 systems and scripts) and the
Excel workbook 核查结果 (accounts, findings, rules, monthly accounting) in Chinese."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cocontrol.data.names import label
from cocontrol.enterprises.parameters import rules
from cocontrol.enterprises.rulebook import HEADERS_ZH, rulebook
from cocontrol.enterprises.schema import COLUMN_HELP, column_zh
from cocontrol.enterprises.verify import VerificationResult
from cocontrol.excel import header_row
from cocontrol.files import write_atomic, write_bytes_atomic

SEVERITY_ZH = {"high": "高", "medium": "中", "info": "提示"}
ACCOUNT_HEADERS = {
    "enterprise_id": "企业编号", "name": "企业名称", "region": "区县", "industry": "行业代码",
    "two_high": "两高", "year": "年份", "co2_t": "范围一CO2（t）", "scope2_t": "范围二CO2（t）",
    "total_t": "合计CO2（t）", "value_added": "工业增加值（万元）",
    "intensity": "碳排放强度L（t/万元）", "product": "主要产品", "output": "产量",
    "output_unit": "产量单位", "intensity_output": "单位产品CO2（t/单位产品）",
    "industry_mean": "行业平均L（t/万元）", "benchmark_source": "行业平均来源", "k": "碳效值K",
    "level": "碳效等级（浙江，L）", "grade": "碳效级别（浙江，K 1–5）",
    "colour": "色标（山东，示例分档）", "intensity_change": "L较上年变化"}
MONTH_HEADERS = {
    "enterprise_id": "企业编号", "facility_id": "设施编号", "year": "年份", "month": "月份",
    "fuel_code": "燃料品种", "amount": "消耗量（t 或 万Nm³）", "ncv_used": "低位发热量（GJ/t）",
    "cc_used": "单位热值含碳量（tC/GJ）", "default_used": "采用缺省值", "of_used": "碳氧化率",
    "energy_gj": "热量（GJ）", "co2_t": "CO2（t）", "sulfur": "硫分（%）",
    "eta": "当月脱硫效率", "so2_balance_t": "物料衡算SO2（t）"}


EVIDENCE_ZH = {
    "year": "年份", "month": "月份", "months": "月份", "row": "行号", "threshold": "阈值",
    "relative_gap": "相对差", "so2_reported_t": "执行报告SO2（t）",
    "so2_balance_t": "物料衡算SO2（t）", "so2_cems_t": "在线监测SO2（t）",
    "co2_cems_t": "在线监测CO2（t）", "co2_accounted_t": "核算CO2（t）",
    "cems_hours": "监测小时数", "reported": "报告值", "predicted": "回归值", "residual": "偏差",
    "limit": "阈值", "rmse": "均方根误差", "samples": "样本数",
    "unmeasured_months": "未实测月份", "measured_months": "实测月数",
    "default_cc": "缺省含碳量（tC/GJ）", "columns": "项目", "values": "数值",
    "amounts": "消耗量（t）", "step": "整数步长（t）", "sample_date": "采样日期",
    "test_date": "检测日期", "report_date": "报告日期", "same_as": "相同企业",
    "energy_tce": "综合能耗（tce）", "output": "产量", "energy_per_output": "单位产品能耗",
    "advanced": "标杆水平", "unit": "单位", "product": "产品", "hours": "运行小时",
    "load": "负荷率", "energy_gj": "燃料热量（GJ）", "ratio": "单位小时负荷热量（GJ）",
    "median": "全年中位数（GJ）", "fuel_per_capacity": "满负荷单位产出燃料（中位数）",
    "low_factor": "下限系数", "high_factor": "上限系数", "implied_load": "产出折合负荷率（最高）",
    "maximum_load": "最大负荷率", "loads": "产出折合负荷率", "stack": "排口",
    "cems_t": "在线监测量（t）", "accounted_t": "核算量（t）", "coverage": "在线监测覆盖率", "species": "污染物", "limit_level": "基准水平",
    "hours_total": "全年运行小时（h）", "design_hours": "设计年运行小时（h）",
    "months_counted": "计入月数", "hours_share": "占设计年运行小时", "maximum_ratio": "阈值"}
RULE_EVIDENCE_ZH = {  # keys whose meaning differs by rule: (rule, key) → words
    ("energy_per_output", "limit"): "基准水平", ("energy_per_output", "advanced"): "标杆水平",
    ("lab_carbon_regression", "limit"): "允许偏差（%）",
    ("lab_ncv_regression", "limit"): "允许偏差（GJ/t）"}


PERCENT_KEYS = frozenset({"relative_gap", "threshold", "coverage", "hours_share",
                          "maximum_ratio"})  # fractions read as %


def evidence_zh(evidence: dict[str, Any], rule: str = "") -> str:
    """Evidence as Chinese ``名称：值`` pairs (no identifiers shown to users); a key whose
    meaning depends on the rule (``limit`` is the 基准 level of energy per output but the
    allowed deviation of a regression) is named for ``rule``; intake columns by their
    template names (:func:`cocontrol.enterprises.schema.column_zh`)."""
    def number(k: str, v: Any) -> str:
        if isinstance(v, bool) or not isinstance(v, float | int):
            return column_zh(str(v)) if str(v) in COLUMN_HELP else str(v)
        if k in PERCENT_KEYS:
            return {"relative_gap": f"{v:+.1%}", "threshold": f"±{v:.1%}"}.get(k, f"{v:.1%}")
        return f"{v:,.1f}" if isinstance(v, float) and abs(v) >= 1000 else f"{v:g}"

    def value(k: str, v: Any) -> str:
        if isinstance(v, dict):
            return "，".join(f"{column_zh(k)} {x}" for k, x in v.items())
        if isinstance(v, list):
            return "、".join(number(k, x) for x in v)
        return number(k, v)

    def name(k: str) -> str:
        return RULE_EVIDENCE_ZH.get((rule, k)) or EVIDENCE_ZH.get(k, k)
    return "；".join(f"{name(k)}：{value(k, v)}" for k, v in evidence.items())


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def to_json(result: VerificationResult) -> dict[str, list[dict[str, Any]]]:
    """The CLI contract: ``{"enterprises": [...], "findings": [...]}`` (year in evidence)."""
    ents = [{k: _plain(r[k]) for k in ("enterprise_id", "year", "co2_t", "scope2_t",
                                       "intensity", "level", "grade", "colour")}
            for _, r in result.accounts.iterrows()]
    finds = []
    for _, r in result.findings.iterrows():
        evidence = {"year": int(r["year"]), **r["evidence"]}
        finds.append({"enterprise_id": r["enterprise_id"], "facility_id": r["facility_id"] or None,
                      "rule": r["rule"], "severity": r["severity"], "message": r["message"],
                      "evidence": evidence})
    return {"enterprises": ents, "findings": finds}


def json_text(result: VerificationResult) -> str:
    return json.dumps(to_json(result), ensure_ascii=False, indent=2, default=str)


def write_json(result: VerificationResult, path: str | Path) -> Path:
    return write_bytes_atomic(path, json_text(result).encode("utf-8"))


def _sheet(book: Workbook, title: str, frame: pd.DataFrame, headers: dict[str, str],
           first: bool = False) -> None:
    sheet = book.active if first else book.create_sheet()
    header_row(sheet, title, [headers.get(c, c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_plain(v) for v in row])
    for i, col in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(10, len(headers.get(col, col)) * 2)


ACCOUNT_NOTES = [
    "企业碳账户（供银行碳效贷等使用）",
    "碳排放强度L = （范围一 + 范围二）CO2 / 工业增加值；碳效值K = L / 行业平均L。",
    "碳效等级（L）和碳效级别（K 1–5）按浙江省规上工业企业碳效等级评价方法；"
    "山东色标的分档为示例（未见公开的分档数值），城市可换用自己的分档。",
    "单位产品CO2 = （范围一 + 范围二）CO2 / 主要产品产量。"]


def accounts_workbook(accounts: pd.DataFrame) -> bytes:
    """The banks' export (碳效贷): a 说明 sheet and the 企业碳账户 sheet (one row per enterprise
    and year, Chinese headers) of stored or computed accounts (``ACCOUNT_HEADERS`` columns)."""
    import io

    book = Workbook()
    intro = book.active
    intro.title = "说明"
    notes = list(ACCOUNT_NOTES)
    if accounts["name"].astype(str).str.contains("示例").any():
        notes.append("本文件中的企业和数据均为示例，不是真实企业的数据。")
    for line in notes:
        intro.append([line])
    intro.column_dimensions["A"].width = 110
    frame = accounts[[c for c in ACCOUNT_HEADERS if c in accounts]].copy()
    if "two_high" in frame:
        frame["two_high"] = frame["two_high"].map({True: "是", False: "否"})
    _sheet(book, "企业碳账户", frame, ACCOUNT_HEADERS)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_excel(result: VerificationResult, path: str | Path) -> Path:
    """Workbook 核查结果: 说明, 企业碳账户, 核查发现, 核查规则, 月度核算."""
    book = Workbook()
    intro = book.active
    intro.title = "说明"
    illustrative = result.accounts["name"].astype(str).str.contains("示例").any()
    lines = ["固定源污染物与碳排放协同核查结果",
             "核查发现是提示，不是结论：每条发现列出触发它的数据，需要核实。",
             "CO2 = 燃料消耗量 × 低位发热量 × 单位热值含碳量 × 碳氧化率 × 44/12；"
             "未实测月份的燃煤含碳量按缺省值 0.03085 tC/GJ。",
             "范围二 = （外购电量 − 绿电）× 当年电网排放因子。",
             "碳效等级：L = 合计CO2 / 工业增加值；K = L / 行业平均L（浙江方法）；山东色标为示例分档。"]
    if illustrative:
        lines.append("本文件中的企业和数据均为示例，不是真实企业的数据。")
    for line in lines:
        intro.append([line])
    intro.column_dimensions["A"].width = 110
    accounts = result.accounts.copy()
    accounts["two_high"] = accounts["two_high"].map({True: "是", False: "否"})
    _sheet(book, "企业碳账户", accounts, ACCOUNT_HEADERS)
    names = dict(zip(result.accounts["enterprise_id"], result.accounts["name"], strict=False))
    table = rules()
    finds = pd.DataFrame({
        "企业编号": result.findings["enterprise_id"],
        "企业名称": result.findings["enterprise_id"].map(names),
        "设施": result.findings["facility_id"], "年份": result.findings["year"],
        "规则": result.findings["rule"].map(table["name_zh"]),
        "严重程度": result.findings["severity"].map(SEVERITY_ZH),
        "发现": result.findings["message"],
        "依据数据": [evidence_zh(e, r) for e, r in zip(
            result.findings["evidence"], result.findings["rule"], strict=True)]})
    _sheet(book, "核查发现", finds, {})
    rule_rows = pd.DataFrame(rulebook("zh")).rename(columns=HEADERS_ZH)
    _sheet(book, "核查规则", rule_rows, {})
    months = result.accounting.facility_months[[c for c in MONTH_HEADERS
                                                 if c in result.accounting.facility_months]].copy()
    months["default_used"] = months["default_used"].map({True: "是", False: "否"})
    months["fuel_code"] = months["fuel_code"].map(lambda c: label("fuel", c))
    _sheet(book, "月度核算", months, MONTH_HEADERS)
    return write_atomic(path, book.save)
