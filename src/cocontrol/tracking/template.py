"""Excel template for reporting indicator values (指标填报模板), generated from a plan.

Sheets: ``填报`` (one row per target × year, prefilled with region, plan, target id,
indicator, year and unit; the reporter fills 数值, 数据性质, 来源, 填报单位), ``目标``
(the targets for reference) and ``说明`` (how to fill it in). Dropdowns: 数据性质
(统计/监测/核算/估算), and for qualitative targets 数值 (完成/进展正常/存在风险/未完成).
:func:`cocontrol.tracking.observations.read_observations` reads the filled file back.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from cocontrol.excel import escape_formulas, header_row
from cocontrol.files import write_atomic
from cocontrol.plans.model import PlanDocument
from cocontrol.tracking.targets import targets_frame

HEADERS = ["地区", "规划", "目标编号", "指标", "年份", "月份", "数值", "单位", "数据性质", "来源",
           "填报单位", "备注"]
DATA_KINDS = ["统计", "监测", "核算", "估算"]
JUDGEMENT_CHOICES = ["完成", "进展正常", "存在风险", "未完成"]

INSTRUCTIONS = [
    "填报说明",
    "1. 在“填报”工作表中每个目标、每个年份一行，只需填写“数值”“数据性质”“来源”“填报单位”；"
    "不填数值的行导入时跳过。",
    "2. 数值按“单位”列填写；如用其他单位（如兆瓦代替万千瓦），请同时修改“单位”，系统自动换算；"
    "单位类别不符（如万吨对%）将被拒绝并指明行号。",
    "3. 下降率/增长率类目标（比基准年下降X%）：可填写指标本身的数值（如吨/万元，系统按基准年计算变化），"
    "也可直接填写累计变化百分比（单位填%）；年均下降类目标填写当年比上年的变化百分比。",
    "4. 定性目标（如“完成上级分解任务”）在“数值”中从下拉框选择：完成、进展正常、存在风险、未完成。",
    "5. 年度数据“月份”留空；月度数据填1–12。",
    "6. 同一地区、目标、年份（月份）重复报送时保留历史版本，以最新一次为准。",
    "7. 整个文件校验通过才导入；任何一行有误都会列出全部错误行，不会部分导入。",
]


def _years(row: dict, horizon: tuple[int, int] | None) -> range:
    end = row["target_year"]
    start = row["baseline_year"] if row["baseline_year"] is not None else None
    if start is None and row["base_year"] is not None and row["relation"] in ("reduce_by", "increase_by"):
        start = row["base_year"] if end is None or end - row["base_year"] <= 10 else None
    if start is None and horizon:
        start = horizon[0] - 1
    if end is None and horizon:
        end = horizon[1]
    if end is None:
        return range(0)
    start = start if start is not None else end - 5
    return range(int(start), int(end) + 1)


def build_template(doc: PlanDocument, region: str | None = None) -> Workbook:
    """Workbook with the 填报, 目标 and 说明 sheets for ``doc`` (see module docstring)."""
    targets = targets_frame(doc, region=region)
    wb = Workbook()
    ws = header_row(wb.active, "填报", HEADERS)
    qual_rows: list[int] = []
    for rec in targets.astype(object).where(targets.notna(), None).to_dict("records"):
        for year in _years(rec, doc.plan.horizon):
            ws.append([rec["region"], rec["plan_id"], rec["target_id"], rec["indicator"], year,
                       None, None, rec["unit"] or ("" if rec["qualitative"] else None), None, None,
                       None, rec["qualitative"] or None])
            if rec["target_value"] is None:
                qual_rows.append(ws.max_row)
    last = max(ws.max_row, 2)
    kinds = DataValidation(type="list", formula1='"' + ",".join(DATA_KINDS) + '"', allow_blank=True)
    kinds.add(f"I2:I{last}")
    ws.add_data_validation(kinds)
    if qual_rows:
        judge = DataValidation(type="list", formula1='"' + ",".join(JUDGEMENT_CHOICES) + '"',
                               allow_blank=True)
        for r in qual_rows:
            judge.add(f"G{r}")
        ws.add_data_validation(judge)
    for col, width in zip("ABCDEFGHIJKL", (10, 18, 16, 40, 8, 6, 12, 12, 10, 24, 18, 24), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"

    tsheet = header_row(wb.create_sheet(), "目标", ["目标编号", "指标", "关系", "目标年", "目标值", "单位",
                                                   "基准年", "基期年", "基期值", "定性目标",
                                                   "指标属性", "责任单位"])
    cols = ["target_id", "indicator", "relation", "target_year", "target_value", "unit", "base_year",
            "baseline_year", "baseline_value", "qualitative", "binding", "responsible"]
    for rec in targets[cols].astype(object).where(targets[cols].notna(), None).itertuples(index=False):
        tsheet.append(list(rec))

    info = wb.create_sheet("说明")
    info.append([f"{doc.plan.title}（{doc.plan.id}）指标填报模板"])
    for line in INSTRUCTIONS:
        info.append([line])
    info["A1"].font = Font(bold=True, size=13)
    info.column_dimensions["A"].width = 120
    for row in info.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)
    return wb


def write_template(doc: PlanDocument, path: str | Path, region: str | None = None) -> Path:
    """Write the template to ``path`` atomically (temporary file, then rename)."""
    return write_atomic(path, escape_formulas(build_template(doc, region=region)).save)
