"""Emission figures of one region (排放数据项): CO2, APeq and pollutants by year, CO2 by sector.

All are computed on direct emissions (范围一, :func:`direct_emissions`): the territorial
boundary of CEADs and of :mod:`cocontrol.indicators`, so electricity bought from the grid is not
counted a second time beside the local power plants. Values are in tonnes; :func:`cocontrol.figures.display`
shows them in the registry's display unit (CO2 in 万吨, pollutants in 吨).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from cocontrol.units import convert

DIRECT_SCOPES = ("1", "scope1", "scope 1", "范围1", "范围一")


def direct_scopes(scopes: Iterable[Any]) -> list[Any] | None:
    """Of an inventory's distinct ``scope`` values, those kept as direct emissions (范围一) —
    ``None`` when every row counts (a single scope, or none of them direct). The one rule of
    :func:`direct_emissions` and of the JSON API's sums that do not break scopes out."""
    values = list(dict.fromkeys(scopes))
    direct = [v for v in values if str(v).strip() in DIRECT_SCOPES]
    return direct if len({str(v).strip() for v in values}) > 1 and direct else None


def direct_emissions(em: pd.DataFrame) -> pd.DataFrame:
    """Scope-1 rows (直接排放) when the inventory has several scopes; every row otherwise."""
    if em is None or em.empty or "scope" not in em.columns:
        return em
    keep = direct_scopes(pd.unique(em["scope"]))
    return em if keep is None else em[em["scope"].isin(keep)]


def _tonnes(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """``value`` converted to t (through the unit registry) and summed by ``keys``."""
    if rows.empty:
        return pd.Series(dtype=float)
    factors = {u: convert(1.0, str(u), "t") for u in pd.unique(rows["unit"])} if "unit" in rows else {}
    values = rows["value"].astype(float) * (rows["unit"].map(factors) if factors else 1.0)
    return values.groupby([rows[k] for k in keys]).sum()


def species_by_year(em: pd.DataFrame | None, species: str) -> dict[int, float]:
    """Direct emissions of one species (t) by year."""
    if em is None or em.empty:
        return {}
    em = direct_emissions(em)
    rows = em[em["species"].astype(str) == species]
    return {int(y): float(v) for y, v in _tonnes(rows, ["year"]).items()}


def co2_by_year(em: pd.DataFrame | None) -> dict[int, float]:
    """Figure ``co2``: direct CO2 (t) by year."""
    return species_by_year(em, "CO2")


def apeq_by_year(em: pd.DataFrame | None) -> dict[int, float]:
    """Figure ``apeq``: APeq (t SO2-eq) by year, :func:`cocontrol.synergy.apeq.apeq` over direct emissions."""
    if em is None or em.empty:
        return {}
    from cocontrol.synergy.apeq import apeq

    frame = apeq(direct_emissions(em), by=["year"])
    return {int(r["year"]): float(r["apeq"]) for r in frame.to_dict("records")}


def latest_year(values: dict[int, float], year: int) -> int | None:
    """The evaluation year if it has a value, else the latest year before it (None: none)."""
    years = [y for y in values if y <= year]
    return max(years) if years else None


def co2_by_sector(em: pd.DataFrame | None, year: int) -> pd.DataFrame:
    """Figures ``co2_sector`` and ``share``: direct CO2 (t) by sector in ``year`` (largest first)
    with its share of the total (%)."""
    if em is None or em.empty:
        return pd.DataFrame(columns=["sector", "co2", "share"])
    em = direct_emissions(em)
    rows = em[(em["species"].astype(str) == "CO2") & (em["year"] == year)]
    by = _tonnes(rows, ["sector"]).sort_values(ascending=False, kind="stable")
    out = pd.DataFrame({"sector": by.index.astype(str), "co2": by.to_numpy(float)})
    total = out["co2"].sum()
    out["share"] = out["co2"] / total * 100 if total else float("nan")
    return out.reset_index(drop=True)


def species_totals(em: pd.DataFrame | None, years: list[int]) -> pd.DataFrame:
    """Direct emissions (t) of every species in ``years``: species, year, value."""
    if em is None or em.empty:
        return pd.DataFrame(columns=["species", "year", "value"])
    em = direct_emissions(em)
    rows = em[em["year"].isin(years)]
    out = _tonnes(rows, ["species", "year"]).rename("value").reset_index()
    out["year"] = out["year"].astype(int)
    return out
