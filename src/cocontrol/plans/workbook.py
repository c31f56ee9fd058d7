"""Read back the review workbook (一表审核) that ``cocontrol plan extract --format xlsx`` writes.

Sheets 目标指标 (one row per target, headers :data:`cocontrol.plans.io.XLSX_HEADERS`), 重点任务
(:data:`cocontrol.plans.io.TASK_HEADERS`) and 规划信息 (label, value). Chinese labels are mapped
back (领域 能源 → energy, 关系 不低于 → ">=", 是 → true, "、"-joined lists, "起-止" spans). The
reviewer may edit cells; every problem names the sheet, the row and the column, all of them at
once, and nothing is returned unless the whole workbook validates.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.plans.io import RELATION_LABELS, TASK_HEADERS, XLSX_HEADERS
from cocontrol.plans.model import DOMAIN_LABELS, Plan, PlanDocument, Target, Task

_DOMAINS = {label: str(key) for key, label in DOMAIN_LABELS.items()}
_RELATIONS = {label: key for key, label in RELATION_LABELS.items()}
_TARGET_FIELDS = {
    "编号": "id", "指标": "indicator", "领域": "domain", "年份": "year", "目标值": "value", "单位": "unit",
    "关系": "relation", "基准年": "base_year", "年均": "annual_rate", "约数": "approx", "力争": "strive",
    "约束性/预期性": "binding", "定性目标": "qualitative", "基期值": "baseline_value", "基期年": "baseline_year",
    "责任单位": "responsible", "所属任务": "task", "原文": "quote", "位置": "span", "累计": "cumulative",
    "其他原文": "quotes", "其他位置": "spans",
}
_TASK_FIELDS = {"编号": "id", "序号": "section", "任务": "title", "领域": "domain", "责任单位": "responsible",
                "牵头单位": "lead", "目标": "targets", "内容": "text", "位置": "span"}
_PLAN_FIELDS = {"编号": "id", "标题": "title", "发文机关": "issuer", "文号": "doc_number", "印发日期": "date",
                "地区": "region", "期限": "horizon", "来源文件": "source", "文本摘要": "sha256"}
_FLAGS = {"annual_rate", "approx", "strive", "cumulative"}
_LISTS = {"responsible", "lead", "targets"}
_SPAN = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


def _text(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _cell(field: str, v: Any, where: dict[str, Any], problems: list[Problem]) -> Any:
    """Cell value → model value; a cell that cannot be read adds a problem and gives None."""
    s = _text(v)
    if field in _FLAGS:
        if s in (None, "否", "false", "False", "0"):
            return False
        if s in ("是", "true", "True", "1"):
            return True
        problems.append(Problem("not a yes/no cell", expected="是 or empty", found=s, **where))
        return False
    if field in _LISTS:
        return [x for x in re.split(r"[、，,；;]\s*", s) if x] if s else []
    if s is None:  # an empty 原文 cell is the empty quote the model's default writes
        return [] if field in ("quotes", "spans") else ("" if field == "quote" else None)
    if field == "domain":
        return _DOMAINS.get(s, s)
    if field == "relation":
        return _RELATIONS.get(s, s)
    if field == "span":
        m = _SPAN.match(s)
        if not m:
            problems.append(Problem("not a character range", expected="start-end, e.g. 120-135", found=s, **where))
            return None
        return (int(m.group(1)), int(m.group(2)))
    if field == "spans":
        out = []
        for part in re.split(r"[；;]", s):
            m = _SPAN.match(part)
            if m:
                out.append((int(m.group(1)), int(m.group(2))))
        return out
    if field == "quotes":
        return s.split("\n")
    return v if isinstance(v, int | float) and not isinstance(v, bool) else s


def _rows(ws: Any, headers: tuple[str, ...], fields: dict[str, str], file: str,
          problems: list[Problem]) -> list[tuple[int, dict[str, Any]]]:
    rows = list(ws.iter_rows(values_only=True))
    if not rows:
        problems.append(Problem("the sheet is empty", file=file, sheet=ws.title, row=1,
                                expected="the header row " + "、".join(headers)))
        return []
    header = [_text(h) for h in rows[0]]
    missing = [h for h in headers if h in fields and h not in header and h not in ("累计", "其他原文", "其他位置", "位置")]
    if missing:
        problems.append(Problem("columns missing", file=file, sheet=ws.title, row=1,
                                expected="、".join(missing)))
        return []
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if all(_text(v) is None for v in row):
            continue
        data: dict[str, Any] = {}
        for h, v in zip(header, row, strict=False):
            if h in fields:
                where = {"file": file, "sheet": ws.title, "row": n, "column": h}
                data[fields[h]] = _cell(fields[h], v, where, problems)
        out.append((n, data))
    return out


def _model_problems(exc: ValidationError, file: str, sheet: str, row: int,
                    columns: dict[str, str]) -> list[Problem]:
    back = {v: k for k, v in columns.items()}
    out = []
    for e in exc.errors():
        loc = [str(x) for x in e["loc"]]
        column = back.get(loc[0], loc[0]) if loc else None
        found = e.get("input")
        out.append(Problem(e["msg"], file=file, sheet=sheet, row=row, column=column,
                           found=None if isinstance(found, dict | list) else str(found)))
    return out


def _plan(ws: Any, file: str, problems: list[Problem]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if not row:
            continue
        label, value = _text(row[0]), row[1] if len(row) > 1 else None
        field = _PLAN_FIELDS.get(label or "")
        if field is None:
            continue
        if field == "horizon" and _text(value):
            m = re.match(r"^\s*(\d{4})\s*[—\-–~至]\s*(\d{4})\s*$", str(value))
            if not m:
                problems.append(Problem("not a period", file=file, sheet=ws.title, row=n, column="期限",
                                        expected="2021—2025", found=str(value)))
                continue
            data[field] = (int(m.group(1)), int(m.group(2)))
        elif field == "date" and isinstance(value, dt.datetime | dt.date):
            data[field] = value.date() if isinstance(value, dt.datetime) else value
        else:
            data[field] = _text(value)
    return data


def load_xlsx(path: str | Path) -> PlanDocument:
    """The plan of a review workbook; :class:`ValidationFailed` lists every bad cell."""
    from openpyxl import load_workbook

    from cocontrol.data.sniff import check_zip

    p = Path(path)
    file = str(p)
    if p.is_file():  # a zip bomb is refused from the archive's directory, before unpacking
        check_zip(p, kind="Excel workbook", required=("xl/workbook.xml",))
    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/InvalidFileException kinds
        raise InputError("not an Excel workbook (.xlsx) that can be opened", file=file,
                         expected="the workbook written by cocontrol plan extract --format xlsx") from exc
    try:
        missing = [s for s in ("目标指标", "重点任务", "规划信息") if s not in wb.sheetnames]
        if missing:
            raise InputError("sheets missing: " + "、".join(missing), file=file,
                             expected="sheets 目标指标, 重点任务, 规划信息 as plan extract writes them")
        problems: list[Problem] = []
        plan_data = _plan(wb["规划信息"], file, problems)
        target_rows = _rows(wb["目标指标"], XLSX_HEADERS, _TARGET_FIELDS, file, problems)
        task_rows = _rows(wb["重点任务"], TASK_HEADERS, _TASK_FIELDS, file, problems)
    finally:
        wb.close()
    from cocontrol.plans.extract import si_reading

    targets: list[Target] = []
    for n, data in target_rows:
        data["value_si"], data["unit_si"] = si_reading(data.get("value"), data.get("unit"))
        try:
            targets.append(Target.model_validate(data))
        except ValidationError as exc:
            problems += _model_problems(exc, file, "目标指标", n, _TARGET_FIELDS)
    tasks: list[Task] = []
    for n, data in task_rows:
        try:
            tasks.append(Task.model_validate({k: v for k, v in data.items() if v is not None}))
        except ValidationError as exc:
            problems += _model_problems(exc, file, "重点任务", n, _TASK_FIELDS)
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(plan_data)
    except ValidationError as exc:
        problems += _model_problems(exc, file, "规划信息", 1, _PLAN_FIELDS)
    if problems or plan is None:
        raise ValidationFailed(problems, summary=f"{file}: plan workbook does not validate")
    try:
        return PlanDocument(plan=plan, targets=targets, tasks=tasks)
    except ValidationError as exc:
        raise ValidationFailed([Problem(e["msg"], file=file) for e in exc.errors()],
                               summary=f"{file}: plan workbook does not validate") from exc
