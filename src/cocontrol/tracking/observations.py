"""Observations (指标监测值/填报值): reported values of plan indicators by region and period.

Schema (one row per region × target × year [× month]):

``region, plan, target, indicator, year, month, value, value_text, unit, label, source,
submitter`` and, after :func:`validate_observations`, ``kind`` (``level`` — the indicator's
value; ``change`` — a reported change in % against the base year, or against the previous
year for annual-rate targets; ``judgement`` — 完成/未完成 … for qualitative targets),
``orig_value``/``orig_unit`` (as submitted), and the place it came from (``file, sheet, row``).
:func:`merge_versions` adds ``version, submitted_at, is_latest``.

Rules:

* CSV in UTF-8 (with or without BOM) or GBK/GB18030 (Excel's "CSV" on Chinese Windows); Excel
  ``.xlsx``/``.xls`` with every data sheet read (sheets named 说明/目标/填报说明 are skipped).
  Chinese headers of the template (地区, 目标编号, 指标, 年份, 数值, 单位 …) are accepted.
* Rows with an empty value are unfilled template rows and are skipped.
* A value is converted into the target's unit through :mod:`cocontrol.units`
  (326 万千瓦 → 3260 MW); a unit of another kind (万吨 against %) is an error naming both.
* For ``reduce_by``/``increase_by`` targets written in %, an observation in % is the change
  itself; an observation in any other unit is the indicator's level (e.g. CO2 per GDP in
  t/万元), from which the change is computed against the base year.
* Everything is checked before anything is returned; every offending row is listed
  (:class:`~cocontrol.errors.ValidationFailed`) with file, sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from cocontrol.errors import InputError, Problem, UnitError, ValidationFailed
from cocontrol.plans.model import PlanDocument
from cocontrol.tracking.targets import targets_frame
from cocontrol.units import conversion_factor, parse_unit

_factor = lru_cache(maxsize=1024)(conversion_factor)


@lru_cache(maxsize=1024)
def _is_percent(unit: str) -> bool:
    return parse_unit(unit) == parse_unit("%")

OBS_COLUMNS = ["region", "plan", "target", "indicator", "year", "month", "value", "value_text",
               "unit", "label", "source", "submitter", "file", "sheet", "row"]

HEADER_ALIASES: dict[str, str] = {
    "地区": "region", "区域": "region", "行政区": "region", "城市": "region",
    "规划": "plan", "规划编号": "plan", "方案": "plan",
    "目标编号": "target", "目标": "target", "target_id": "target",
    "指标": "indicator", "指标名称": "indicator",
    "年份": "year", "年度": "year", "年": "year",
    "月份": "month", "月": "month",
    "数值": "value", "填报值": "value", "值": "value", "完成情况": "value",
    "单位": "unit", "计量单位": "unit",
    "数据性质": "label", "标签": "label",
    "来源": "source", "数据来源": "source",
    "填报单位": "submitter", "填报人": "submitter",
    "备注": "note",
}

SKIP_SHEETS = {"说明", "填报说明", "目标", "目标清单"}

JUDGEMENTS: dict[str, str] = {
    "完成": "achieved", "已完成": "achieved", "达到": "achieved", "已达到": "achieved",
    "达标": "achieved", "achieved": "achieved",
    "基本完成": "on_track", "进展正常": "on_track", "进度正常": "on_track",
    "按进度推进": "on_track", "正常": "on_track", "on_track": "on_track",
    "存在风险": "at_risk", "滞后": "at_risk", "进度滞后": "at_risk", "at_risk": "at_risk",
    "未完成": "off_track", "未达到": "off_track", "严重滞后": "off_track",
    "off_track": "off_track",
}
"""Reported judgements (完成情况) and the status each stands for. Accepted for every target;
a numeric target uses them only when it has no numeric observation."""
JUDGEMENT_WORDS = ("完成", "进展正常", "存在风险", "未完成")
JUDGEMENT_WORDS_EN = ("achieved", "on track", "at risk", "not achieved")
"""The judgement words in English, in the order of :data:`JUDGEMENT_WORDS`."""

CHANGE_RELATIONS = {"reduce_by", "increase_by"}


# --------------------------------------------------------------------------- reading
def _read_csv(path: Path) -> pd.DataFrame:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(path, encoding=enc, dtype=str, keep_default_na=False)
        except UnicodeDecodeError:
            continue
    raise InputError("cannot decode the CSV file", file=str(path), expected="UTF-8 or GBK text")


def _read_sheets(path: Path) -> list[tuple[str | None, pd.DataFrame]]:
    from cocontrol.data.sniff import check_table_file

    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".xlsx", ".xlsm", ".xls"):
        check_table_file(path)  # empty, binary, zip bomb: refused before parsing
    if suffix in (".csv", ".txt"):
        try:
            return [(None, _read_csv(path))]
        except pd.errors.EmptyDataError:
            raise InputError("file is empty", file=str(path)) from None
        except pd.errors.ParserError as exc:
            raise InputError(f"cannot read the CSV file: {str(exc).splitlines()[0][:200]}",
                             file=str(path)) from None
    if suffix in (".xlsx", ".xlsm", ".xls"):
        try:
            book = pd.read_excel(path, sheet_name=None, dtype=str, engine="calamine")
        except Exception as exc:  # calamine raises its own error types
            raise InputError(f"cannot read the workbook: {exc}", file=str(path)) from exc
        return [(name, df.fillna("")) for name, df in book.items() if name not in SKIP_SHEETS]
    raise InputError("unsupported file type", file=str(path), expected=".csv, .xlsx or .xls",
                     found=path.suffix)


def _canonical_headers(df: pd.DataFrame) -> pd.DataFrame:
    renamed = {}
    for col in df.columns:
        key = re.sub(r"[（(].*?[)）]|\*", "", str(col)).strip()
        renamed[col] = HEADER_ALIASES.get(key, key.lower())
    return df.rename(columns=renamed)


def _blank(x: object) -> bool:
    return x is None or (isinstance(x, float) and np.isnan(x)) or str(x).strip() in ("", "nan")


def parse_rows(raw: pd.DataFrame, *, file: str | None, sheet: str | None,
               submitter: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Turn a raw sheet (strings, header on row 1) into the observation schema.

    Returns the parsed rows and the problems found (missing columns, bad years, months).
    """
    df = _canonical_headers(raw)
    problems: list[Problem] = []
    missing = [c for c in ("year", "value") if c not in df.columns]
    if "target" not in df.columns and "indicator" not in df.columns:
        missing.append("target or indicator")
    if missing:
        return pd.DataFrame(columns=OBS_COLUMNS), [Problem(
            f"missing column(s) {', '.join(missing)}", file=file, sheet=sheet, row=1,
            expected="columns 年份/year, 数值/value and 目标编号/target or 指标/indicator",
            found=", ".join(map(str, raw.columns)))]
    rows = []
    for pos, rec in enumerate(df.to_dict("records")):
        row = pos + 2
        if _blank(rec.get("value")):
            continue
        out = {c: (None if _blank(rec.get(c)) else str(rec.get(c)).strip())
               for c in ("region", "plan", "target", "indicator", "unit", "label", "source",
                         "submitter")}
        out.update(file=file, sheet=sheet, row=row)
        out["submitter"] = out["submitter"] or submitter
        try:
            year = int(float(str(rec["year"]).strip().removesuffix("年")))
            if not 1949 <= year <= 2100:
                raise ValueError
        except ValueError:
            problems.append(Problem("bad year", file=file, sheet=sheet, row=row, column="year",
                                    expected="a year such as 2023", found=str(rec["year"])))
            continue
        out["year"] = year
        month = rec.get("month")
        out["month"] = None
        if not _blank(month):
            try:
                out["month"] = int(float(str(month).strip().removesuffix("月")))
                if not 1 <= out["month"] <= 12:
                    raise ValueError
            except ValueError:
                problems.append(Problem("bad month", file=file, sheet=sheet, row=row,
                                        column="month", expected="1–12 or empty",
                                        found=str(month)))
                continue
        text = str(rec["value"]).strip().replace(",", "")
        try:
            out["value"], out["value_text"] = float(text), None
        except ValueError:
            out["value"], out["value_text"] = np.nan, text
        if out["value_text"] is None and not np.isfinite(out["value"]):
            problems.append(Problem("not a finite number", file=file, sheet=sheet, row=row,
                                    column="value", expected="a finite number or a judgement "
                                    "(inf, nan and numbers beyond 1e308 are not values)",
                                    found=text))
            continue
        if not out["target"] and not out["indicator"]:
            problems.append(Problem("row names no target", file=file, sheet=sheet, row=row,
                                    column="target", expected="目标编号 or 指标名称"))
            continue
        rows.append(out)
    frame = pd.DataFrame(rows, columns=OBS_COLUMNS)
    frame["month"] = frame["month"].astype("Int64")
    frame["year"] = frame["year"].astype("Int64")
    frame["value"] = frame["value"].astype("float64")
    return frame, problems


def read_observations(path: str | Path, *, plan: PlanDocument | None = None,
                      submitter: str | None = None) -> pd.DataFrame:
    """Read observations from CSV (UTF-8/GBK) or Excel; validate against ``plan`` if given.

    All-or-nothing: raises :class:`ValidationFailed` listing every bad row of every sheet.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    frames, problems = [], []
    for sheet, raw in _read_sheets(path):
        frame, probs = parse_rows(raw, file=path.name, sheet=sheet, submitter=submitter)
        frames.append(frame)
        problems += probs
    obs = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=OBS_COLUMNS)
    if plan is not None:
        try:
            obs = validate_observations(obs, targets_frame(plan))
        except ValidationFailed as exc:
            problems += list(exc.problems)
    if problems:
        raise ValidationFailed(problems, f"{path.name}: observations rejected, nothing imported")
    return obs


# --------------------------------------------------------------------------- resolving
_BRACKET = re.compile(r"[（(]([^（()）]*)[)）]")
_PUNCT = re.compile(r"[\s\[\]【】“”\"'、，,。：:；;]")


def _unit_or_empty(text: str) -> bool:
    if not text.strip():
        return True
    try:
        parse_unit(text.strip())
    except UnitError:
        return False
    return True


def normalise_indicator(text: str) -> str:
    """Indicator text for matching: units in brackets dropped (（%）, （μg/m3）), other bracketed
    words kept without the brackets (（PM2.5）), spaces and punctuation removed, lower case."""
    text = str(text or "").replace("Ｐ", "P").replace("Ｍ", "M")
    text = _BRACKET.sub(lambda m: "" if _unit_or_empty(m.group(1)) else m.group(1), text)
    return _PUNCT.sub("", text).lower()


def _resolve(indicator: str, targets: pd.DataFrame, region: str | None = None,
             plan: str | None = None) -> tuple[list[int], list[str]]:
    """Row positions of the targets ``indicator`` names (see :func:`resolve_target`)."""
    names = targets["_norm"] if "_norm" in targets.columns else targets["indicator"].map(normalise_indicator)
    mask = np.ones(len(targets), dtype=bool)
    if region and "region" in targets.columns:
        same = targets["region"].isin([region, region.removesuffix("市"), ""]).to_numpy()
        mask = same if same.any() else mask
    if plan and "plan_id" in targets.columns:
        mine = mask & (targets["plan_id"] == plan).to_numpy()
        mask = mine if mine.any() else mask
    key = normalise_indicator(indicator)
    if not key:
        return [], []
    pos = np.flatnonzero(mask)
    pool = names.to_numpy()[pos]
    exact = pos[pool == key]
    if len(exact):
        return list(exact), []
    hit = np.array([bool(n) and (key in n or n in key) for n in pool], dtype=bool)
    if len(set(pool[hit])) == 1:
        return list(pos[hit]), []
    return [], [f"{targets['target_id'].iloc[i]} {targets['indicator'].iloc[i]}" for i in pos[hit]]


def resolve_target(indicator: str, targets: pd.DataFrame, region: str | None = None
                   ) -> tuple[list[str], list[str]]:
    """Match an indicator name to the targets it measures, by text (what a real import needs).

    Targets with the same indicator (milestones 2024/2025/2026 of one indicator) all take the
    observation. Exact match on the normalised text first, then containment either way; if
    containment finds targets of more than one indicator, nothing is chosen. Returns
    ``(ids, candidates)`` — ids empty when nothing or several indicators fit (candidates
    name them).
    """
    found, candidates = _resolve(indicator, targets, region)
    return [str(targets["target_id"].iloc[i]) for i in found], candidates


# --------------------------------------------------------------------------- validating
def _where(rec: dict, column: str | None = None) -> dict:
    return {"file": rec.get("file"), "sheet": rec.get("sheet"),
            "row": None if _blank(rec.get("row")) else int(rec["row"]), "column": column}


def _check_row(rec: dict, t: dict, level_units: dict[tuple[str, str], str]
               ) -> tuple[dict, Problem | None]:
    """Classify and convert one observation for target ``t``; returns (row, problem)."""
    out = dict(rec, orig_value=rec.get("value"), orig_unit=rec.get("unit"))
    value, text = rec.get("value"), rec.get("value_text")
    has_number = value is not None and not (isinstance(value, float) and np.isnan(value))
    if not has_number:
        if text in JUDGEMENTS:
            return dict(out, kind="judgement", unit=None), None
        expected = ("a judgement: " + "/".join(JUDGEMENT_WORDS) if t["qualitative"]
                    else f"a number in {t['unit']} or a judgement ({'/'.join(JUDGEMENT_WORDS)})")
        return out, Problem(f"value does not fit target {t['target_id']} ({t['indicator']})",
                            **_where(rec, "value"), expected=expected, found=str(text))
    if pd.isna(t["target_value"]):  # qualitative target: a number is kept as information
        return dict(out, kind="level"), None
    unit, tunit = rec.get("unit") or t["unit"], t["unit"]
    try:
        parse_unit(unit)
    except UnitError as exc:
        return out, Problem(str(exc), **_where(rec, "unit"), expected=f"a unit such as {tunit}")
    change = t["relation"] in CHANGE_RELATIONS and _is_percent(tunit)
    if change and _is_percent(unit):
        return dict(out, kind="change", unit=tunit), None
    if change:  # a level of the indicator; all levels of a target share the first one's unit
        tunit = level_units.setdefault((str(t["plan_id"]), str(t["target_id"])), unit)
    try:
        factor = _factor(unit, tunit)
    except UnitError:
        return out, Problem(
            f"unit {unit!r} does not fit the unit {tunit!r} of target {t['target_id']} "
            f"({t['indicator']})", **_where(rec, "unit"), expected=f"a unit convertible to {tunit}",
            found=unit)
    return dict(out, kind="level", unit=tunit, value=float(value) * factor), None


def validate_observations(df: pd.DataFrame, targets: pd.DataFrame, *,
                          strict: bool = True) -> pd.DataFrame:
    """Resolve each row to a target, classify it and convert it into the target's unit.

    ``targets`` is :func:`~cocontrol.tracking.targets_frame` output (one or many plans).
    Rows name their target by id (``target``, with ``plan`` when several plans share the
    id) or by indicator text (resolved with :func:`resolve_target`, within the row's plan
    when given; the row then counts for every milestone target of that indicator). Two rows
    for the same region, plan, target and period in one submission are an error. ``strict=False`` drops
    bad rows instead of raising and lists them in ``result.attrs["problems"]``.
    """
    problems: list[Problem] = []
    targets = targets.reset_index(drop=True)
    targets = targets.assign(_norm=targets["indicator"].map(normalise_indicator))
    recs_t = targets.to_dict("records")
    by_key = {(str(r["plan_id"]), str(r["target_id"])): i for i, r in enumerate(recs_t)}
    by_id: dict[str, list[int]] = {}
    for (_, tid), i in by_key.items():
        by_id.setdefault(tid, []).append(i)
    level_units: dict[tuple[str, str], str] = {}
    cache: dict[tuple, tuple[list[int], list[str]]] = {}
    rows = []
    for rec in _as_records(df):
        tid = None if _blank(rec.get("target")) else str(rec["target"])
        plan = rec.get("plan")
        if tid is not None and (str(plan), tid) in by_key:
            found = [by_key[(str(plan), tid)]]
        elif tid is not None and len(by_id.get(tid, [])) == 1:
            found = by_id[tid]
        elif tid is not None and tid in by_id:
            problems.append(Problem(
                f"target id {tid!r} is in several plans", **_where(rec, "plan"),
                expected="the plan id in column 规划/plan: "
                + ", ".join(str(recs_t[i]["plan_id"]) for i in by_id[tid])))
            continue
        else:
            name = rec.get("indicator") or tid or ""
            ck = (name, rec.get("region"), plan)
            if ck not in cache:
                cache[ck] = _resolve(name, targets, rec.get("region"), plan)
            found, candidates = cache[ck]
            if not found:
                expected = ("one of " + "; ".join(candidates[:8]) if candidates
                            else "a target id or indicator name of the plan")
                problems.append(Problem(
                    f"{'ambiguous' if candidates else 'unknown'} target {name!r}",
                    **_where(rec, "target" if tid else "indicator"), expected=expected))
                continue
        for i in found:
            t = recs_t[i]
            row, problem = _check_row(dict(
                rec, target=t["target_id"], region=rec.get("region") or t["region"],
                plan=t["plan_id"], indicator=rec.get("indicator") or t["indicator"]),
                t, level_units)
            if problem:
                problems.append(problem)
                break
            rows.append(row)
    out = pd.DataFrame(rows, columns=[*OBS_COLUMNS, "kind", "orig_value", "orig_unit"])
    problems += _duplicates(out)
    if problems and strict:
        raise ValidationFailed(problems, "observations rejected, nothing imported")
    out["year"] = out["year"].astype("Int64")
    out["month"] = out["month"].astype("Int64")
    out["value"] = out["value"].astype("float64")
    out.attrs["problems"] = problems
    return out


def _as_records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with blanks as None (column-wise, fast on large frames)."""
    frame = df.copy()
    for col in OBS_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    if frame["value_text"].isna().all() and not pd.api.types.is_numeric_dtype(frame["value"]):
        num = pd.to_numeric(frame["value"], errors="coerce")
        frame["value_text"] = frame["value"].where(num.isna())
        frame["value"] = num
    cols: dict[str, list] = {}
    for col in frame.columns:
        series = frame[col]
        if col == "value":
            cols[col] = pd.to_numeric(series, errors="coerce").astype(float).tolist()
            continue
        if col in ("year", "month", "row"):
            num = pd.to_numeric(series, errors="coerce")
            cols[col] = [None if pd.isna(v) else int(v) for v in num.tolist()]
            continue
        obj = series.astype(object)
        blank = obj.isna() | (obj.astype(str).str.strip().isin(["", "nan", "None"]))
        cols[col] = obj.where(~blank, None).tolist()
    names = list(cols)
    recs = [dict(zip(names, vals, strict=True)) for vals in zip(*cols.values(), strict=True)]
    for i, r in enumerate(recs):
        if r["row"] is None and r["file"] is None:
            r["row"] = i + 2
    return recs


def _duplicates(obs: pd.DataFrame) -> list[Problem]:
    key = ["region", "plan", "target", "year", "month", "kind"]
    dup = obs[obs.duplicated(key, keep=False)]
    problems = []
    for _, group in dup.groupby(key, dropna=False):
        rows = ", ".join(str(r) for r in group["row"])
        for rec in group.to_dict("records"):
            problems.append(Problem(
                f"duplicate submission for target {rec['target']} {rec['year']} (rows {rows})",
                **_where(rec, "year"), expected="one row per region, target and period"))
    return problems


# --------------------------------------------------------------------------- versioning
KEY = ["region", "plan", "target", "year", "month", "kind"]
"""A submission's identity: a number and a judgement for the same period are two records."""


def merge_versions(existing: pd.DataFrame | None, new: pd.DataFrame,
                   submitted_at: str | None = None) -> pd.DataFrame:
    """Append a submission to the history: same (region, target, period, kind) → version + 1.

    Nothing is dropped or overwritten; ``is_latest`` marks the row that counts (the highest
    version of its key). ``submitted_at`` defaults to now (UTC, ISO 8601).
    """
    stamp = submitted_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    old = _key_types(existing) if existing is not None and not existing.empty else None
    new = _key_types(new)
    if "submitted_at" not in new.columns or new["submitted_at"].isna().all():
        new["submitted_at"] = stamp
    if old is None:
        new["version"] = 1
        both = new
    else:
        old = old.copy()
        if "version" not in old.columns:
            old["version"] = 1
        top = (old.groupby(KEY, dropna=False)["version"].max().rename("_top").reset_index())
        new = new.drop(columns=["version"], errors="ignore").merge(top, on=KEY, how="left")
        new["version"] = new["_top"].fillna(0).astype(int) + 1
        both = pd.concat([old, new.drop(columns="_top")], ignore_index=True)
    both["version"] = both["version"].astype(int)
    both["is_latest"] = both["version"] == both.groupby(KEY, dropna=False)["version"].transform("max")
    return both.sort_values([*KEY, "version"], kind="stable").reset_index(drop=True)


def _key_types(df: pd.DataFrame) -> pd.DataFrame:
    """Same dtypes for the key columns whether the frame came from a file or from memory."""
    df = df.copy()
    for col in KEY:
        if col not in df.columns:
            df[col] = None
    for col in ("year", "month"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    for col in ("region", "plan", "target", "kind"):
        df[col] = df[col].astype("string")
    return df


def latest(obs: pd.DataFrame) -> pd.DataFrame:
    """The rows that count: ``is_latest`` ones, or the last row of each key without history."""
    if "is_latest" in obs.columns:
        return obs[obs["is_latest"].astype(bool)]
    cols = [c for c in KEY if c in obs.columns]
    if "version" in obs.columns:
        obs = obs.sort_values("version", kind="stable")
    return obs.drop_duplicates(cols, keep="last") if cols else obs
