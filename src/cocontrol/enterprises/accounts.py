"""Enterprise carbon accounts (企业碳账户) and their ratings.

Per enterprise and year: scope 1 (combustion CO2) and scope 2 (net purchased power), intensity
per 万元 value added and per unit of the main product, the industry benchmark, and the ratings:

Zhejiang 规上工业企业碳效等级评价方法 (default scheme, ``enterprise_rating_zhejiang.csv``)::

    L [tCO2/万元] = (E_scope1 + E_scope2,net of green power) / value added
    level on L: ≤ 0.6 低碳 | ≤ 2.0 中碳 | > 2.0 高碳
    K = L / mean L of the industry in the same year;  grade 1–5 on K (0.6, 0.8, 1.2, 2.0)

The industry mean is taken over the enterprises of the same GB/T 4754 code in the data when
there are at least ``min_peers`` of them, otherwise from ``enterprise_benchmarks.csv``.
Shandong's colour labels (红/橙/黄/绿, ``enterprise_rating_shandong.csv``) are the second scheme;
both files are data a city can replace. Bounds: lower exclusive, upper inclusive.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from cocontrol.enterprises.codes import industry_digits
from cocontrol.enterprises.parameters import benchmarks, rating_scale

ACCOUNT_COLUMNS = ["enterprise_id", "name", "region", "industry", "two_high", "year", "co2_t",
                   "scope2_t", "total_t", "value_added", "intensity", "product", "output",
                   "output_unit", "intensity_output", "industry_mean", "benchmark_source", "k",
                   "level", "grade", "colour", "intensity_change"]


def classifier(scale: pd.DataFrame, axis: str) -> Callable[[float], tuple[str | None, int | None]]:
    """A function value → (label, grade) for ``axis`` of a scale: lower < value ≤ upper."""
    bands = [(-math.inf if pd.isna(r.lower) else float(r.lower),
              math.inf if pd.isna(r.upper) else float(r.upper), str(r.label),
              None if pd.isna(r.grade) else int(r.grade))
             for r in scale[scale["axis"] == axis].itertuples(index=False)]

    def rate(value: float) -> tuple[str | None, int | None]:
        if value is None or value != value:
            return None, None
        for lower, upper, label, grade in bands:
            if lower < value <= upper:
                return label, grade
        return None, None

    return rate


def classify(value: float, scale: pd.DataFrame, axis: str) -> tuple[str | None, int | None]:
    """The label (and grade) of ``value`` on ``axis`` of a scale: lower < value ≤ upper."""
    return classifier(scale, axis)(value)


def carbon_accounts(years: pd.DataFrame, enterprises: pd.DataFrame, production: pd.DataFrame,
                    *, scheme: pd.DataFrame | None = None, colours: pd.DataFrame | None = None,
                    min_peers: int = 3) -> pd.DataFrame:
    """The account table (one row per enterprise and year) from the per-enterprise-year sums
    of :func:`cocontrol.enterprises.accounting.enterprise_years`."""
    scheme = rating_scale("zhejiang") if scheme is None else scheme
    colours = rating_scale("shandong") if colours is None else colours
    bench = benchmarks().set_index("industry")
    ent = enterprises.set_index("enterprise_id")
    acc = years[["enterprise_id", "year", "co2_t", "scope2_t", "value_added"]].copy()
    acc["name"] = acc["enterprise_id"].map(ent["name"])
    acc["region"] = acc["enterprise_id"].map(ent["region"])
    acc["industry"] = acc["enterprise_id"].map(ent["industry"]).map(industry_digits)
    acc["two_high"] = acc["enterprise_id"].map(ent["two_high"])
    acc["total_t"] = acc["co2_t"] + acc["scope2_t"]
    va = acc["value_added"].where(acc["value_added"] > 0)
    acc["intensity"] = acc["total_t"] / va
    prod = production.groupby(["enterprise_id", "year", "product"], as_index=False).agg(
        amount=("amount", "sum"), unit=("unit", "first"))
    main = acc[["enterprise_id", "year", "industry"]].assign(
        main=acc["industry"].map(bench["product"]))
    prod = prod.merge(main, on=["enterprise_id", "year"], how="inner")
    # the industry's benchmark product when reported, else the largest output
    prod["rank"] = list(zip(prod["product"] != prod["main"], -prod["amount"], strict=True))
    pick = prod.sort_values("rank").drop_duplicates(["enterprise_id", "year"])
    pick = pick.rename(columns={"amount": "output", "unit": "output_unit"})
    acc = acc.merge(pick[["enterprise_id", "year", "product", "output", "output_unit"]],
                    on=["enterprise_id", "year"], how="left")
    acc["intensity_output"] = acc["total_t"] / acc["output"].where(acc["output"] > 0)
    rated = acc.dropna(subset=["intensity"])
    peers = rated.groupby(["industry", "year"])["intensity"].agg(["mean", "count"])
    acc = acc.merge(peers.reset_index(), on=["industry", "year"], how="left")
    own = acc["count"] >= min_peers
    fallback = acc["industry"].map(bench["carbon_intensity_mean"]).astype(float)
    acc["industry_mean"] = acc["mean"].where(own, fallback)
    acc["benchmark_source"] = None
    acc.loc[fallback.notna(), "benchmark_source"] = "行业基准表"
    acc.loc[own, "benchmark_source"] = [f"本数据同行业{int(n)}家平均" for n in acc.loc[own, "count"]]
    acc["k"] = acc["intensity"] / acc["industry_mean"]
    level, grade, colour = (classifier(scheme, "L"), classifier(scheme, "K"),
                            classifier(colours, "K"))
    acc["level"] = [level(v)[0] for v in acc["intensity"]]
    acc["grade"] = [grade(v)[1] for v in acc["k"]]
    acc["colour"] = [colour(v)[0] for v in acc["k"]]
    acc = acc.sort_values(["enterprise_id", "year"])
    acc["intensity_change"] = acc.groupby("enterprise_id")["intensity"].pct_change()
    acc["grade"] = acc["grade"].astype("Int64")
    return acc[ACCOUNT_COLUMNS].reset_index(drop=True)
