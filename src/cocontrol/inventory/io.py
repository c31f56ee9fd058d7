"""Inventory output: tidy long table, pivots and IAMC format (pyam-compatible).

IAMC: columns ``model, scenario, region, variable, unit`` and one column per year; variables
``Emissions|<species>|Energy|<IPCC category>|<sector>`` for scope 1, ``…|Indirect|Electricity``
for scope 2 (the pyam hierarchy with ``|``). Units are IAMC-style ``Mt CO2/yr``, ``kt SO2/yr``.
"""

from __future__ import annotations

import pandas as pd

from cocontrol import refdata

_MT = {"CO2", "CO2e"}


def to_iamc(df: pd.DataFrame, *, model: str = "cocontrol", scenario: str = "inventory",
            by: str = "sector") -> pd.DataFrame:
    """IAMC wide table from the long inventory (values converted t → Mt or kt)."""
    sectors = refdata.load("sectors").set_index("sector")["ipcc_category"]
    data = df.copy()
    process = ~data["fuel"].isin(refdata.load("fuels")["fuel"])
    branch = pd.Series("Energy", index=data.index).where(~process, "Industrial Processes")
    branch = branch.where(data["scope"] == 1, "Indirect")
    ipcc = data["sector"].map(sectors).fillna("other").astype(str)
    tail = data[by].astype(str) if by in ("sector", "fuel") else ""
    data["variable"] = ("Emissions|" + data["species"] + "|" + branch + "|" + ipcc + "|" + tail)
    big = data["species"].isin(_MT)
    data["value"] = data["value"] / 1e6 * big + data["value"] / 1e3 * ~big
    data["unit"] = ("Mt " + data["species"].str.replace("CO2e", "CO2-equiv") + "/yr").where(
        big, "kt " + data["species"] + "/yr")
    wide = data.pivot_table(index=["region", "variable", "unit"], columns="year",
                            values="value", aggfunc="sum").reset_index()
    wide.insert(0, "scenario", scenario)
    wide.insert(0, "model", model)
    wide.columns = [c if isinstance(c, str) else int(c) for c in wide.columns]
    return wide


def pivot(df: pd.DataFrame, *, index: str = "sector", columns: str = "species",
          year: int | None = None) -> pd.DataFrame:
    """A sector × species (or any two columns) table of summed values [t]."""
    data = df if year is None else df[df["year"] == year]
    return data.pivot_table(index=index, columns=columns, values="value", aggfunc="sum",
                            fill_value=0.0)


def write(df: pd.DataFrame, path: str) -> None:
    """Write CSV or Parquet atomically: a temporary file in the same folder, then rename."""
    from cocontrol.files import write_atomic

    if str(path).lower().endswith(".parquet"):
        write_atomic(path, lambda tmp: df.to_parquet(tmp, index=False))
    else:
        write_atomic(path, lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8-sig"))


def by_ipcc(df: pd.DataFrame) -> pd.DataFrame:
    """The inventory summed by IPCC 2006 category (CEADs sector → ``ipcc_category`` of
    ``refdata/sectors.csv``, e.g. power and heat → 1A1a, iron and steel → 1A2a)."""
    sectors = refdata.load("sectors").set_index("sector")["ipcc_category"]
    data = df.assign(ipcc_category=df["sector"].map(sectors).fillna("other"))
    keys = ["region", "year", "ipcc_category", "species", "scope", "unit"]
    return data.groupby(keys, as_index=False)["value"].sum()
