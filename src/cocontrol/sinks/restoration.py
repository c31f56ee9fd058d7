"""Seagrass and salt-marsh restoration projects (海草床、盐沼生态修复): monitoring status and sink range.

A project (site, area, method, planted shoots, seeds sown, start, years of care, its own
acceptance thresholds) is judged survey by survey: within the years of care a survey meets the
project when shoot survival (植株成活率) ≥ its threshold and seedling survival (幼苗成活率) ≥ its
threshold (威海's pilot: 45 % and 30 %, 3 years, quoted from 威政字〔2024〕52号 二（二）2 in
``sink_restoration`` — the plan says 保存率, i.e. shoots / seed-grown seedlings still present —
project parameters: they are not in the CCER-14-004 methodology or the national standards,
verification-and-accounts.md §E.1).

Sequestration is a range, never one number: restored area × cover (latest survey; 1 if not
surveyed) × the burial rates low / central / high of ``sink_ecosystem_rates`` (IPCC 2013 Wetlands
Supplement Tier 1) × 44/12 t CO2 per year. The standing biomass is a one-off stock
(biomass g DW/m² × carbon fraction 35.5 %), reported apart and never as a yearly sink; primary
production is never counted (Sanggou Bay fixes ~20× more carbon by NPP than it buries).
Salt marsh is eligible under CCER-14-003 only where vegetation cover before restoration < 5 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from cocontrol import refdata
from cocontrol.data.names import label as label_of
from cocontrol.errors import Problem, ValidationFailed
from cocontrol.sinks.table import C_TO_CO2
from cocontrol.sinks.wetland import rates
from cocontrol.units import conversion_factor

SHARES = ("shoot_survival", "seedling_emergence", "seedling_survival", "cover")


@dataclass(frozen=True)
class Project:
    """A restoration project and its acceptance thresholds (shares 0–1)."""

    name: str
    sink_type: str          # seagrass | salt_marsh
    area_ha: float
    start: pd.Timestamp
    care_years: float
    shoot_threshold: float
    seedling_threshold: float
    site: str = ""
    method: str = ""
    shoots_planted: float | None = None
    seeds_sown: float | None = None
    pre_project_cover: float | None = None
    end: pd.Timestamp | None = None         # planting finished (optional)


def _meets(value: float | None, threshold: float) -> bool | None:
    """``value ≥ threshold`` on shares, decided at 1e-9 so 0.45 meets 45 % and 0.449 does not."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(value, 9) >= round(threshold, 9)


def survey_status(project: Project, surveys: pd.DataFrame) -> pd.DataFrame:
    """Each survey with 达标 / 未达标 / 数据不全 / 管护期外 and the values it was judged from."""
    end_of_care = project.start + pd.DateOffset(days=round(project.care_years * 365.25))
    rows = []
    for row, s in surveys.sort_values("date").iterrows():
        shoots = _meets(s.get("shoot_survival"), project.shoot_threshold)
        seedlings = _meets(s.get("seedling_survival"), project.seedling_threshold)
        if s["date"] > end_of_care:
            status = "管护期外"
        elif shoots is None and seedlings is None:
            status = "数据不全"
        elif shoots is False or seedlings is False:
            status = "未达标"
        else:
            status = "达标"
        rows.append({"row": row, "date": s["date"], "shoot_survival": s.get("shoot_survival"),
                     "seedling_survival": s.get("seedling_survival"), "cover": s.get("cover"),
                     "shoots_ok": shoots, "seedlings_ok": seedlings, "status": status})
    return pd.DataFrame(rows)


def sink_range(project: Project, cover: float | None = None,
               table: pd.DataFrame | None = None) -> dict[str, object]:
    """Yearly sequestration (t CO2/yr, positive = removed) at low / central / high burial rates."""
    params = rates(refdata.load("sink_ecosystem_rates") if table is None else table)[
        project.sink_type]
    share = 1.0 if cover is None or pd.isna(cover) else float(cover)
    hectares = project.area_ha * share
    out: dict[str, object] = {"area_ha": project.area_ha, "effective_ha": hectares}
    for label, key in (("low", "rate_low"), ("central", "soil_accumulation_rate"),
                       ("high", "rate_high")):
        p = params[key]
        out[f"{label}_t"] = hectares * p.value * C_TO_CO2
        status = label_of("param_status", p.status)
        out[f"{label}_rate"] = f"{p.value:g} tC/公顷/年（{p.source}；{status}）"
    return out


def biomass_stock_t(project: Project, biomass_g_dw_m2: float | None,
                    cover: float | None = None) -> float | None:
    """One-off carbon stock of the standing biomass (t CO2) over the vegetated area (area ×
    cover), seagrass only; not a yearly sink."""
    if biomass_g_dw_m2 is None or pd.isna(biomass_g_dw_m2) or project.sink_type != "seagrass":
        return None
    table = refdata.load("sink_restoration")
    fc = float(table.loc[(table["sink_type"] == "seagrass")
                         & (table["parameter"] == "biomass_carbon_fraction"), "value"].iloc[0])
    share = 1.0 if cover is None or pd.isna(cover) else float(cover)
    m2 = project.area_ha * share * 10_000
    return biomass_g_dw_m2 * m2 * fc / 1e6 * C_TO_CO2


def eligibility(project: Project, lang: str = "zh") -> list[str]:
    """CCER notes (CCER-14-004 seagrass, CCER-14-003 salt marsh), in Chinese (``lang="en"``:
    English)."""
    en = lang == "en"
    if project.sink_type == "salt_marsh":
        limit = 0.05
        cover = project.pre_project_cover
        if cover is None:
            return ["A salt-marsh restoration must record the vegetation cover before restoration: "
                    "CCER-14-003-V01 requires less than 5 % (above it the marsh can recover by itself, "
                    "so it is not additional)" if en else
                    "盐沼修复须记录修复前植被覆盖度：CCER-14-003-V01 要求低于 5%（否则可自然恢复，不具额外性）"]
        if round(cover, 9) >= limit:
            return [f"Cover before restoration {cover:.1%} is not below 5 %: it does not meet the "
                    "additionality condition of CCER-14-003-V01" if en else
                    f"修复前植被覆盖度 {cover:.1%} 不低于 5%，不符合 CCER-14-003-V01 的额外性要求"]
        return [f"Cover before restoration {cover:.1%} is below 5 %: CCER-14-003-V01 applies" if en
                else f"修复前植被覆盖度 {cover:.1%} 低于 5%，符合 CCER-14-003-V01 的适用条件"]
    return ["Seagrass restoration can be developed under CCER-14-004-V01; mangrove, salt-marsh and "
            "seagrass projects of one province can be registered as a bundle; the survival "
            "thresholds are the project's own, not the methodology's" if en else
            "海草床植被修复可按 CCER-14-004-V01 开发；同省的红树林、盐沼、海草床项目可打捆登记；"
            "成活率阈值为项目自定指标，并非方法学要求"]


def check_surveys(surveys: pd.DataFrame, file: str | None = None) -> None:
    """Shares within 0–100 %, dates readable; every problem named by row and column."""
    problems = []
    for col in SHARES:
        if col not in surveys.columns:
            continue
        bad = surveys[col].notna() & ((surveys[col] < 0) | (surveys[col] > 1))
        for row in surveys.index[bad]:
            problems.append(Problem("share out of range", file=file, sheet="监测", row=int(row),
                                    column=col, expected="0–100 %",
                                    found=f"{surveys.at[row, col] * 100:g}%"))
    for row in surveys.index[surveys["date"].isna()]:
        problems.append(Problem("not a date", file=file, sheet="监测", row=int(row),
                                column="日期", expected="YYYY-MM-DD"))
    if problems:
        raise ValidationFailed(problems, "restoration surveys")


def area_in_hectares(value: float, unit: str) -> float:
    """Area in 公顷 from 亩 / 公顷 / 万亩 / km² (1 公顷 = 15 亩)."""
    return float(value) * conversion_factor(unit, "公顷")


def weihai_plan_parameters() -> dict[str, float]:
    """威海's eelgrass plan figures (1150 亩, 2300万株, 3000万粒, 3 年, 45 %, 30 %) from
    ``sink_restoration`` — each row quotes 威政字〔2024〕52号 二（二）2."""
    table = refdata.load("sink_restoration")
    rows = table[table["parameter"].str.startswith("weihai_")]
    return {str(r.parameter)[len("weihai_"):]: float(r.value) for r in rows.itertuples()}


@dataclass(frozen=True)
class StoredProject:
    """A project as the platform stores it: the project, its surveys (shares 0–1, columns of
    :data:`SURVEY_FIELDS`), the region it belongs to and whether its data are real."""

    project: Project
    surveys: pd.DataFrame
    region: str
    label: str = "real"          # real | illustrative
    note: str = ""
    id: int | None = None


SURVEY_FIELDS = ("date", "shoot_density", "shoot_survival", "seedling_emergence",
                 "seedling_survival", "cover", "biomass")


def _none(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def assess(project: Project, surveys: pd.DataFrame) -> dict[str, object]:
    """Everything shown of a project: status per survey, the sink range (latest survey's cover),
    the one-off biomass stock and the CCER notes — the CLI, the 蓝碳 page and the report's
    海洋碳汇 chapter all read this one result."""
    status = survey_status(project, surveys) if len(surveys) else pd.DataFrame()
    latest = surveys.sort_values("date").iloc[-1] if len(surveys) else None
    cover = None if latest is None else _none(latest.get("cover"))
    sink = sink_range(project, cover)
    stock = biomass_stock_t(project, None if latest is None else _none(latest.get("biomass")),
                            cover)
    return {
        "project": project.name, "sink_type": project.sink_type,
        "area_ha": round(project.area_ha, 3),
        "thresholds": {"shoot_survival": project.shoot_threshold,
                       "seedling_survival": project.seedling_threshold,
                       "care_years": project.care_years},
        "surveys": [{"row": int(r.row), "date": r.date.strftime("%Y-%m-%d"),
                     "shoot_survival": _none(r.shoot_survival),
                     "seedling_survival": _none(r.seedling_survival),
                     "cover": _none(r.cover), "status": r.status}
                    for r in status.itertuples()],
        "sink_t_per_year": {k: round(float(sink[f"{k}_t"]), 3)
                            for k in ("low", "central", "high")},
        "rates": {k: sink[f"{k}_rate"] for k in ("low", "central", "high")},
        "effective_ha": round(float(sink["effective_ha"]), 3),
        "biomass_stock_t": None if stock is None else round(stock, 3),
        "eligibility": eligibility(project),
    }


def project_activity(projects: list[StoredProject]) -> pd.DataFrame:
    """Sink activity rows (:mod:`cocontrol.sinks.table`) of stored projects, one year per
    surveyed year: restored area (公顷) and, when surveyed, the year's last cover as the
    retained share — so :func:`cocontrol.sinks.compute_sinks` gives the same central figure as
    :func:`sink_range` and the projects enter blue carbon and net emissions."""
    rows = []
    for sp in projects:
        p = sp.project
        surveys = sp.surveys.dropna(subset=["date"]).sort_values("date")
        for year, part in surveys.groupby(surveys["date"].dt.year):
            cover = _none(part.iloc[-1].get("cover"))
            src = f"修复项目（平台登记）：{p.name}"
            rows.append([sp.region, int(year), p.sink_type, p.name, "area", p.area_ha, "公顷",
                         sp.label, src])
            if cover is not None:
                rows.append([sp.region, int(year), p.sink_type, p.name, "retention", cover * 100,
                             "%", sp.label, src])
    return pd.DataFrame(rows, columns=["region", "year", "sink_type", "item", "variable",
                                       "value", "unit", "label", "source"])


def merge_projects(activity: pd.DataFrame, projects: pd.DataFrame) -> pd.DataFrame:
    """The sink activity with stored projects' rows in place of file rows of the same region,
    sink type and item (a project registered in the platform supersedes its file rows, so a
    site is never counted twice)."""
    if projects is None or projects.empty:
        return activity
    if activity is None or activity.empty:
        return projects.reset_index(drop=True)
    keys = set(zip(projects["region"], projects["sink_type"], projects["item"], strict=True))
    same = [k in keys for k in zip(activity["region"], activity["sink_type"], activity["item"],
                                   strict=True)]
    kept = activity[[not s for s in same]]
    return pd.concat([kept, projects], ignore_index=True)
