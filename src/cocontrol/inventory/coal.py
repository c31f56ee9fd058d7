"""Coal-boiler factors by mass balance (燃煤源物料衡算), T/CSES 144—2024 §7.2.

* SO2, formula (3): ``EF_SO2 = 2 × S × (1 − sr)`` (kg SO2 per kg coal; × 1000 → kg/t), S the
  as-received sulfur share, sr the share of sulfur to bottom ash (表C.1: 0.15 for every boiler);
* PM, formula (4): ``EF_PM = A_ar × (1 − ar) × f_PM``, A_ar the as-received ash share, ar the
  share of ash to bottom ash (表C.1), f_PM the PM2.5 or PM10 share of the fly ash (表C.2);
* emission, formula (2): ``E = A × EF × (1 − η × 投运率)``.

The parameters below are those of 表C.1 and 表C.2 (PDF p.40–41) for the boiler classes that
the activity table knows (煤粉炉, 循环流化床锅炉, 层燃炉 = 自动炉排层燃炉), by 部门: ``power``
(电力生产), ``heat`` (热力生产和供应) and ``industry`` (采矿业、制造业、燃气生产和供应业).
"""

from __future__ import annotations

from typing import NamedTuple

SULFUR_TO_ASH = 0.15  # 表C.1, every sector and boiler


class AshParameters(NamedTuple):
    """Share of ash to bottom ash (ar) and PM10 / PM2.5 shares of the fly ash (f)."""

    ar: float
    f_pm10: float
    f_pm25: float


#: (sector, technology) → 表C.1 ar and 表C.2 f_PM10, f_PM2.5
ASH: dict[tuple[str, str], AshParameters] = {
    ("power", "pulverized_coal_boiler"): AshParameters(0.25, 0.23, 0.06),
    ("power", "cfb_boiler"): AshParameters(0.44, 0.29, 0.07),
    ("power", "grate_boiler"): AshParameters(0.85, 0.33, 0.10),
    ("heat", "pulverized_coal_boiler"): AshParameters(0.25, 0.23, 0.06),
    ("heat", "cfb_boiler"): AshParameters(0.44, 0.29, 0.07),
    ("heat", "grate_boiler"): AshParameters(0.85, 0.33, 0.10),
    ("industry", "pulverized_coal_boiler"): AshParameters(0.25, 0.23, 0.06),
    ("industry", "cfb_boiler"): AshParameters(0.40, 0.20, 0.07),
    ("industry", "grate_boiler"): AshParameters(0.85, 0.20, 0.07),
}


def coal_factors(sulfur: float, ash: float, *, sector: str = "industry",
                 technology: str = "grate_boiler") -> dict[str, float]:
    """Uncontrolled SO2, PM10 and PM2.5 factors in kg per t coal.

    ``sulfur`` and ``ash``: as-received shares (0.01 for 1 %). E.g. industrial grate boiler,
    S = 1 %, A_ar = 20 %: SO2 = 2 × 0.01 × 0.85 × 1000 = 17.0; PM10 = 0.20 × 0.15 × 0.20 × 1000
    = 6.0; PM2.5 = 0.20 × 0.15 × 0.07 × 1000 = 2.1 kg/t.
    """
    if not (0 <= sulfur < 1 and 0 <= ash < 1):
        raise ValueError("sulfur and ash are shares in [0, 1), e.g. 0.01 for 1 %")
    p = ASH[(sector, technology)]
    fly = ash * (1 - p.ar) * 1000
    return {"SO2": 2 * sulfur * (1 - SULFUR_TO_ASH) * 1000, "PM10": fly * p.f_pm10,
            "PM2.5": fly * p.f_pm25}


def emission(activity_t: float, factor_kg_per_t: float, efficiency: float = 0.0,
             operating_rate: float = 1.0) -> float:
    """Emission in t, formula (2): ``A × EF × (1 − η × 投运率) / 1000``."""
    return activity_t * factor_kg_per_t * (1 - efficiency * operating_rate) / 1000
