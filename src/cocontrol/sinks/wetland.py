"""Coastal wetland sinks (滨海湿地碳汇): seagrass 海草床, salt marsh 盐沼, mangrove 红树林.

Area-rate method of the IPCC 2013 Wetlands Supplement, Ch. 4 (Tier 1, soil carbon
accumulation of rewetted, revegetated or created coastal wetlands, Table 4.12)::

    ΔC = A_effective × R_soil                   [t C/yr]
    A_effective = A × 保存率 (retention / survival of the restored area; 1 when not given)
    CO2 removed = ΔC × 44/12                    (reported as negative t CO2)

``A`` may be given in 亩, 公顷, 万亩 or km² (converted with :mod:`cocontrol.units`; 1 公顷 =
15 亩). The rates in ``refdata/sink_ecosystem_rates.csv`` are recalled IPCC defaults, marked
unverified, so every row computed with them carries ``status == "unverified"``; the low–high range
of the table is given in the note. Biomass gain of the vegetation is not counted (Tier 1).

Example (sinks-and-accounts.md §1.5): Weihai's 1150 亩 鳗草 restoration = 76.67 ha ×
0.43 t C/ha/yr × 44/12 ≈ 121 t CO2/yr at full retention.
"""

from __future__ import annotations

import pandas as pd

from cocontrol import refdata
from cocontrol.errors import Problem
from cocontrol.sinks.table import C_TO_CO2, Param, parameter_index, provenance, rows_of

TABLE = "sink_ecosystem_rates"
RATE_UNIT = "tC/公顷/年"


def rates(table: pd.DataFrame) -> dict[str, dict[str, Param]]:
    """Sink type → {rate, rate_low, rate_high} in t C/ha/yr, from ``sink_ecosystem_rates``."""
    return parameter_index(table, "sink_type", ("soil_accumulation_rate",), RATE_UNIT, TABLE)


def compute(rows: pd.DataFrame, table: pd.DataFrame | None = None,
            ) -> tuple[list[dict[str, object]], list[Problem]]:
    """Removals (negative t CO2/yr) per site and year for validated wetland rows."""
    table = refdata.load(TABLE) if table is None else table
    known = rates(table)
    records: list[dict[str, object]] = []
    problems: list[Problem] = []
    for (region, year, sink, item), group in rows.groupby(
            ["region", "year", "sink_type", "item"], sort=True):
        by_var = dict(zip(group["variable"], group["amount"], strict=True))
        where = f"{sink} {item!r} {region} {year}"
        if "area" not in by_var:
            problems.append(Problem(f"{where}: retention given without an area (rows "
                                    f"{rows_of(group)})", row=int(group.index[0]),
                                    column="variable", expected="a row with variable area"))
            continue
        retention = by_var.get("retention", 1.0)
        if not 0 < retention <= 1:
            row = int(group.index[list(group["variable"]).index("retention")])
            problems.append(Problem("retention (保存率) out of range", row=row, column="value",
                                    expected="a share in (0, 100 %]", found=f"{retention:g}"))
            continue
        if sink not in known:
            problems.append(Problem(f"no sequestration rate for {sink!r} in {TABLE}",
                                    row=int(group.index[0]), column="sink_type"))
            continue
        rate = known[sink]["soil_accumulation_rate"]
        hectares = by_var["area"] * retention
        co2 = hectares * rate.value * C_TO_CO2
        low, high = known[sink].get("rate_low"), known[sink].get("rate_high")
        span = (f"; IPCC range {low.value:g}–{high.value:g} t C/ha/yr gives "
                f"{hectares * low.value * C_TO_CO2:.4g}–{hectares * high.value * C_TO_CO2:.4g}"
                " t CO2" if low and high else "")
        kept = "retention given" if "retention" in by_var else "retention not given: 100 % assumed"
        records.append({
            "region": region, "year": int(year), "sink_type": sink, "item": item,
            "component": "soil", "species": "CO2", "value": -co2, "unit": "tCO2",
            "method": f"IPCC 2013 Wetlands Supplement Tier 1 area × rate: "
                      f"{by_var['area']:g} ha × {retention:g} × R × 44/12",
            **provenance([rate]), "note": kept + span})
    return records, problems
