"""Reference data of the enterprise module, each table a CSV in ``refdata/`` with its source:

``enterprise_parameters``      default carbon content of unmeasured months, SO2 conversion, …
``enterprise_rules``           the co-verification rules: name, formula, citation, explanation
``enterprise_rule_thresholds`` their thresholds (a city may pass its own table)
``enterprise_rating_zhejiang`` / ``enterprise_rating_shandong``  rating scales (replaceable)
``enterprise_benchmarks``      energy per output and mean carbon intensity by industry
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources

import pandas as pd

from cocontrol import refdata

COAL = frozenset({"Raw_Coal", "Cleaned_Coal", "Other_Washed_Coal", "Briquettes"})


def parameter(name: str) -> float:
    """One number of ``enterprise_parameters.csv``."""
    table = refdata.load("enterprise_parameters").set_index("parameter")
    return float(table.at[name, "value"])


@lru_cache(maxsize=1)
def fuel_defaults() -> pd.DataFrame:
    """Per fuel code: category, default NCV, carbon content and oxidation (combustion_co2.csv,
    NDRC guidelines), ``cc_unmeasured`` — the carbon content of a month not measured: the 2022
    notice's 0.03085 tC/GJ for coal, the fuel's default for the others — and ``is_coal``."""
    fuels = refdata.load("fuels").set_index("fuel")
    comb = refdata.load("combustion_co2").pivot(index="fuel", columns="parameter", values="value")
    table = comb.astype(float).join(fuels[["category"]], how="inner")
    table["is_coal"] = table.index.isin(COAL)
    coal_default = parameter("coal_cc_default_unmeasured")
    table["cc_unmeasured"] = table["cc"].where(~table["is_coal"], coal_default)
    return table


def rules() -> pd.DataFrame:
    """The co-verification rules, indexed by rule id."""
    return refdata.load("enterprise_rules").set_index("rule")


def thresholds(table: pd.DataFrame | None = None) -> dict[str, dict[str, str]]:
    """``{rule: {parameter: value-as-text}}`` from ``table`` or the shipped defaults; a
    city's table may list only the values it changes."""
    text = resources.files("cocontrol.refdata").joinpath(
        "enterprise_rule_thresholds.csv").read_text(encoding="utf-8")
    shipped = pd.read_csv(io.StringIO(text), dtype=str)
    if table is not None:
        table = table.astype(str)
    merged = shipped if table is None else pd.concat([shipped, table]).drop_duplicates(
        ["rule", "parameter"], keep="last")
    out: dict[str, dict[str, str]] = {}
    for row in merged.itertuples(index=False):
        out.setdefault(str(row.rule), {})[str(row.parameter)] = str(row.value)
    return out


def rating_scale(name: str = "zhejiang") -> pd.DataFrame:
    """A rating scale (``enterprise_rating_<name>``): axis, label, grade, lower, upper."""
    return refdata.load(f"enterprise_rating_{name}")


def benchmarks() -> pd.DataFrame:
    """Energy per output (advanced 标杆, limit 基准) and mean carbon intensity by industry."""
    table = refdata.load("enterprise_benchmarks")
    table["industry"] = table["industry"].astype(str)
    return table
