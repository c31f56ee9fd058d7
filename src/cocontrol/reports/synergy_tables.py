"""Synergy results (协同评价结果) as report tables: which columns, Chinese headers, units.

:class:`cocontrol.synergy.SynergyResult` frames carry more columns than a report shows; each
:class:`SynergySpec` picks the columns a bureau reader needs and names them in Chinese. Rates
the synergy layer gives as fractions (0.15) are shown in % (converted with
:func:`cocontrol.units.conversion_factor`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cocontrol.reports.model import Table
from cocontrol.reports.tables import frame_table, sector_names
from cocontrol.units import conversion_factor


@dataclass(frozen=True)
class SynergySpec:
    """How one :class:`cocontrol.synergy.SynergyResult` table is shown: columns → (label, unit, decimals).

    Rates the synergy layer gives as fractions (0.15) are shown in % (``percent``), converted
    with :func:`cocontrol.units.conversion_factor`.
    """

    attr: str
    caption: str
    columns: dict[str, tuple[str, str | None, int | None]]
    percent: tuple[str, ...] = ()
    all_regions: bool = False
    co2_tonnes: tuple[str, ...] = ()
    """CO2 amounts in t shown in the display unit of the published figure ``co2_change`` (万吨)."""


RATE = ("%", 1)
SYNERGY_TABLES = (  # elasticity and sector coordinates: cocontrol.figures.synergy (change = later − earlier)
    SynergySpec("index", "减污降碳协同度综合指数", {
        "year": ("年份", None, None), "index": ("综合指数（0–100）", None, 1),
        "goal": ("目标协同", None, 3), "path": ("路径协同", None, 3), "effect": ("效应协同", None, 3),
        "u_pollution": ("减污子系统", None, 3), "u_carbon": ("降碳子系统", None, 3)}),
    SynergySpec("coupling", "减污与降碳耦合协调度", {
        "year": ("年份", None, None), "C": ("耦合度C", None, 3), "T": ("综合协调指数T", None, 3),
        "D": ("耦合协调度D", None, 3), "class_zh": ("协调等级", None, None)}),
    SynergySpec("decoupling", "排放与经济增长脱钩状态（Tapio）", {
        "base_year": ("基期", None, None), "target_year": ("末期", None, None),
        "pressure": ("压力指标", None, None), "pressure_change_rate": ("排放变化率", *RATE),
        "gdp_change_rate": ("GDP变化率", *RATE), "elasticity": ("脱钩弹性", None, 2),
        "state_zh": ("脱钩状态", None, None)},
        percent=("pressure_change_rate", "gdp_change_rate")),
    SynergySpec("lmdi", "二氧化碳排放变化因素分解（LMDI）", {
        "base_year": ("基期", None, None), "target_year": ("末期", None, None),
        "total_change": ("排放变化量", "万吨", 2), "population": ("人口效应", "万吨", 2),
        "gdp_per_capita": ("经济发展效应", "万吨", 2), "energy_intensity": ("能源强度效应", "万吨", 2),
        "carbon_intensity": ("碳排放强度效应", "万吨", 2)},
        co2_tonnes=("total_change", "population", "gdp_per_capita", "energy_intensity", "carbon_intensity")),
)
PRESSURES = {"co2": "二氧化碳", "apeq": "大气污染物当量"}


def synergy_table(frame: pd.DataFrame, spec: SynergySpec, region: str, year: int) -> Table | None:
    """One synergy table for ``region`` up to ``year`` (``all_regions``: every region in ``year``;
    the 同类城市 ranking has its own section, :mod:`cocontrol.reports.peers`)."""
    if "region" in frame.columns:
        frame = frame[frame["year"] == year] if spec.all_regions and "year" in frame else frame[frame["region"] == region]
    last = "target_year" if "target_year" in frame.columns else "year"
    if last in frame.columns:
        frame = frame[frame[last] <= year]
    if frame.empty:
        return None
    frame = frame.copy()
    for col in spec.percent:
        if col in frame.columns:
            frame[col] = frame[col].astype(float) * conversion_factor("1", "%")
    for col in spec.co2_tonnes:
        if col in frame.columns:
            frame[col] = frame[col].astype(float) * conversion_factor("t", "万吨")
    if "sector" in frame.columns:
        names = sector_names()
        frame["sector"] = frame["sector"].map(lambda x: names.get(x, x))
    if "pressure" in frame.columns:
        frame["pressure"] = frame["pressure"].map(lambda x: PRESSURES.get(x, x))
    cols = [c for c in spec.columns if c in frame.columns]
    shown = frame[cols].rename(columns={c: spec.columns[c][0] for c in cols})
    return frame_table(shown, spec.caption, units={v[0]: v[1] for v in spec.columns.values() if v[1]},
                       decimals={v[0]: v[2] for v in spec.columns.values() if v[2] is not None},
                       sheet=spec.caption[:20], drop_empty=True)
