"""The restoration-project workbook (海草床/盐沼修复项目表): template and reader.

Sheets: ``项目`` (项目 | 内容: 名称, 城市 — the platform region —, 地点, 类型 海草床/盐沼, 面积,
面积单位 亩/公顷, 方法, 种植株数, 播撒种子数, 开始日期, 结束日期, 管护年限, 植株成活率阈值(%),
幼苗成活率阈值(%), 修复前植被覆盖度(%), 数据性质 实际/示例, 数据说明) and
``监测`` (日期, 株密度(株/平方米), 植株成活率(%), 幼苗出苗率(%), 幼苗成活率(%), 覆盖度(%),
生物量(克干重/平方米)). Percent columns take 45 or "45%"; a share above 100 % is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.sinks.restoration import (
    SURVEY_FIELDS,
    Project,
    StoredProject,
    area_in_hectares,
    check_surveys,
    weihai_plan_parameters,
)

TYPES = {"海草床": "seagrass", "盐沼": "salt_marsh", "seagrass": "seagrass",
         "salt_marsh": "salt_marsh"}
SURVEY_COLUMNS = {"日期": "date", "株密度(株/平方米)": "shoot_density",
                  "植株成活率(%)": "shoot_survival", "幼苗出苗率(%)": "seedling_emergence",
                  "幼苗成活率(%)": "seedling_survival", "覆盖度(%)": "cover",
                  "生物量(克干重/平方米)": "biomass"}
PERCENT = ("shoot_survival", "seedling_emergence", "seedling_survival", "cover")
LABELS = {"实际": "real", "示例": "illustrative", "real": "real", "illustrative": "illustrative"}


def _percent(value: object) -> float | None:
    """45, "45%", "45 %" → 0.45; empty → None; anything else raises ValueError."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
        return None
    text = str(value).strip().rstrip("%").strip()
    return float(text) / 100


def write_template(path: str | Path) -> Path:
    """The workbook with 威海's 1150 亩 鳗草 project (plan figures of ``sink_restoration``, each
    quoting 威政字〔2024〕52号) and illustrative surveys, labelled 示例."""
    from openpyxl import Workbook

    from cocontrol.files import write_atomic

    plan = weihai_plan_parameters()
    book = Workbook()
    info = book.active
    info.title = "项目"
    info.append(["项目", "内容"])
    for row in (("名称", "天鹅湖鳗草海草床修复"), ("城市", "威海市"),
                ("地点", "荣成大天鹅国家级自然保护区 天鹅湖及养鱼池湾"),
                ("类型", "海草床"), ("面积", plan["area"]), ("面积单位", "亩"), ("方法", "植株移植与播种"),
                ("种植株数", plan["shoots_planted"]), ("播撒种子数", plan["seeds_sown"]),
                ("开始日期", "2024-04-01"), ("结束日期", "2024-06-30"),
                ("管护年限", plan["care_years"]),
                ("植株成活率阈值(%)", round(plan["shoot_threshold"] * 100, 6)),
                ("幼苗成活率阈值(%)", round(plan["seedling_threshold"] * 100, 6)),
                ("数据性质", "示例"),
                ("数据说明", "面积、株数、种子数、管护年限、保存率阈值取自《威海市减污降碳协同创新试点实施方案》"
                          "（威政字〔2024〕52号）二（二）2；开始、结束日期和监测数据为示例")):
        info.append(list(row))
    surveys = book.create_sheet("监测")
    surveys.append(list(SURVEY_COLUMNS))
    surveys.append(["2024-10-15", 160, 52, 18, 35, 40, 180])
    surveys.append(["2025-10-15", 150, 44.9, 20, 31, 45, 210])
    return write_atomic(path, book.save)


def _headed(problems: Sequence[Problem]) -> list[Problem]:
    """Problems named by the 监测 sheet's own headers (植株成活率(%) …), as the user sees them."""
    header = {v: k for k, v in SURVEY_COLUMNS.items()}
    return [replace(p, column=header.get(p.column or "", p.column)) for p in problems]


def read_project(path: str | Path) -> tuple[Project, pd.DataFrame]:
    """(the project, its surveys with shares 0–1); every bad cell named (sheet, row, column)."""
    project, frame, _meta = _read(path)
    return project, frame


def read_stored(path: str | Path) -> StoredProject:
    """The project as the platform stores it: 城市 (the region) is required, 数据性质 实际/示例
    (default 实际), 数据说明 kept as the note."""
    project, frame, meta = _read(path, need_region=True)
    return StoredProject(project=project, surveys=frame[list(SURVEY_FIELDS)].copy(),
                         region=str(meta["region"]), label=str(meta["label"]),
                         note=str(meta["note"]))


def _read(path: str | Path, need_region: bool = False) -> tuple[
        Project, pd.DataFrame, dict[str, object]]:
    from cocontrol.data.sniff import check_table_file

    path = Path(path)
    check_table_file(path)  # missing, empty, junk or zip bomb: refused before parsing
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError("unsupported file type", file=str(path), expected="an .xlsx workbook",
                         found=path.suffix or "(no suffix)")
    try:
        book = pd.ExcelFile(path, engine="calamine")
    except Exception:  # calamine's own error types for junk files
        raise InputError("not a readable Excel workbook", file=str(path),
                         expected="an .xlsx workbook") from None  # calamine's text is not for users
    for sheet in ("项目", "监测"):
        if sheet not in book.sheet_names:
            raise InputError("missing sheet", file=str(path), sheet=sheet,
                             expected="项目 and 监测")
    info_frame = pd.read_excel(book, sheet_name="项目", dtype=object)
    info_frame.index = info_frame.index + 2
    info = {str(k).strip(): (v, row) for row, k, v in zip(
        info_frame.index, info_frame.iloc[:, 0], info_frame.iloc[:, 1], strict=True)}
    problems: list[Problem] = []

    def get(key: str, convert, required: bool = True):  # type: ignore[no-untyped-def]
        value, row = info.get(key, (None, None))
        if value is None or (isinstance(value, float) and pd.isna(value)):
            if required:
                problems.append(Problem("missing value", file=str(path), sheet="项目", row=row,
                                        column=key))
            return None
        try:
            return convert(value)
        except (ValueError, TypeError, KeyError, InputError):
            problems.append(Problem("cannot read the value", file=str(path), sheet="项目",
                                    row=row, column=key, found=str(value)))
            return None

    kind = get("类型", lambda v: TYPES[str(v).strip()])
    unit = get("面积单位", str) or "亩"
    area = get("面积", float)
    start = get("开始日期", lambda v: pd.Timestamp(str(v)))
    end = get("结束日期", lambda v: pd.Timestamp(str(v)), False)
    region = get("城市", lambda v: str(v).strip() or None, need_region)
    label = get("数据性质", lambda v: LABELS[str(v).strip()], False) or "real"
    shoot = get("植株成活率阈值(%)", _percent)
    seedling = get("幼苗成活率阈值(%)", _percent)
    for key, share in (("植株成活率阈值(%)", shoot), ("幼苗成活率阈值(%)", seedling)):
        if share is not None and not 0 <= share <= 1:
            problems.append(Problem("share out of range", file=str(path), sheet="项目",
                                    row=info[key][1], column=key, expected="0–100 %"))
    if area is not None and area <= 0:
        problems.append(Problem("area must be > 0", file=str(path), sheet="项目",
                                row=info["面积"][1], column="面积"))
    frame = pd.read_excel(book, sheet_name="监测", dtype=object).dropna(how="all")
    frame.index = frame.index + 2
    frame = frame.rename(columns={c: SURVEY_COLUMNS.get(str(c).strip(), str(c).strip())
                                  for c in frame.columns})
    if "date" not in frame.columns:
        problems.append(Problem("missing column", file=str(path), sheet="监测", column="日期"))
    else:
        frame["date"] = pd.to_datetime(frame["date"].astype(str), errors="coerce")
    for col in (*PERCENT, "shoot_density", "biomass"):
        if col not in frame.columns:
            frame[col] = None
        convert = _percent if col in PERCENT else (lambda v: None if pd.isna(v) else float(v))
        values = []
        for row, v in frame[col].items():
            try:
                values.append(convert(v))
            except (ValueError, TypeError):
                problems.append(Problem("not a number", file=str(path), sheet="监测", row=int(row),
                                        column=col, found=str(v)))
                values.append(None)
        frame[col] = pd.Series(values, index=frame.index, dtype="float64")
    if problems:
        raise ValidationFailed(_headed(problems), "restoration project workbook")
    try:
        check_surveys(frame, str(path))
    except ValidationFailed as exc:  # named by the workbook's own column headers
        raise ValidationFailed(_headed(exc.problems), exc.summary) from None
    hectares = area_in_hectares(area, unit)
    project = Project(
        name=str(info["名称"][0]) if "名称" in info else path.stem, sink_type=kind,
        area_ha=hectares, start=start, care_years=get("管护年限", float, False) or 3.0,
        shoot_threshold=shoot if shoot is not None else 0.0,
        seedling_threshold=seedling if seedling is not None else 0.0,
        site=str(get("地点", str, False) or ""), method=str(get("方法", str, False) or ""),
        shoots_planted=get("种植株数", float, False), seeds_sown=get("播撒种子数", float, False),
        pre_project_cover=get("修复前植被覆盖度(%)", _percent, False), end=end)
    note = get("数据说明", str, False) or ""
    return project, frame, {"region": region, "label": label, "note": note}
