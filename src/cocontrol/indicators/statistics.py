"""Statistics (统计数据) used by derived indicators: names, units and reading.

Long table ``region, year, indicator, value, unit, label, source``. Indicator names:

==========================  ===============  ==============================================
name                        unit             meaning
==========================  ===============  ==============================================
``gdp_current``             亿元             地区生产总值（当年价）
``gdp_deflator``            index            GDP平减指数（任一年 = 100；只用比值）
``gdp_constant``            亿元             地区生产总值（不变价，按给定价格年），可替代上两项
``population``              万人             常住人口
``energy_consumption``      万吨标准煤       能源消费总量（等价值）
``coal_consumption``        万吨标准煤       煤炭消费量（折标准煤）
``non_fossil_consumption``  万吨标准煤       非化石能源消费量（折标准煤）
==========================  ===============  ==============================================

Values in other units of the same kind (亿元 ↔ 万元, 万吨标准煤 ↔ tce) are converted
through :mod:`cocontrol.units`; an index has no unit to convert.
"""

from __future__ import annotations

import pandas as pd

from cocontrol.errors import Problem, UnitError, ValidationFailed
from cocontrol.units import conversion_factor

STAT_UNITS: dict[str, str | None] = {
    "gdp_current": "亿元",
    "gdp_deflator": None,
    "gdp_constant": "亿元",
    "population": "万人",
    "energy_consumption": "万吨标准煤",
    "coal_consumption": "万吨标准煤",
    "non_fossil_consumption": "万吨标准煤",
}

STAT_LABELS = {
    "gdp_current": "地区生产总值（当年价）",
    "gdp_deflator": "GDP平减指数",
    "gdp_constant": "地区生产总值（不变价）",
    "population": "常住人口",
    "energy_consumption": "能源消费总量",
    "coal_consumption": "煤炭消费量",
    "non_fossil_consumption": "非化石能源消费量",
}


def wide_statistics(statistics: pd.DataFrame) -> pd.DataFrame:
    """Known statistics as columns (region, year → one column per name) in canonical units.

    Unknown indicator names are ignored; a unit of the wrong kind is an error naming the row.
    """
    if statistics is None or statistics.empty:
        return pd.DataFrame(columns=["region", "year"])
    s = statistics[statistics["indicator"].isin(list(STAT_UNITS))].copy()
    problems = []
    factors = []
    for i, (name, unit) in enumerate(zip(s["indicator"], s.get("unit", pd.Series(None, index=s.index)),
                                         strict=True)):
        target = STAT_UNITS[name]
        if target is None or unit is None or pd.isna(unit) or str(unit) in ("", target, "index"):
            factors.append(1.0)
            continue
        try:
            factors.append(conversion_factor(str(unit), target))
        except UnitError:
            factors.append(float("nan"))
            problems.append(Problem(f"unit of {name} does not fit", row=i + 2, column="unit",
                                    expected=target, found=str(unit)))
    if problems:
        raise ValidationFailed(problems, "statistics rejected")
    from cocontrol.data.sniff import check_finite

    bad = check_finite(s["value"].tolist(), column="value")
    if bad:
        raise ValidationFailed(bad, "statistics rejected")
    s["value"] = pd.to_numeric(s["value"], errors="coerce") * factors
    wide = s.pivot_table(index=["region", "year"], columns="indicator", values="value", aggfunc="last")
    wide.columns.name = None
    return wide.reset_index()
