"""Prepared factor tables (排放因子表) for the engine, built from ``refdata`` (small, pandas).

Every factor is turned into tonnes of species per canonical activity unit (see
:func:`cocontrol.data.activity.canonical_units`) so the engine multiplies once:

* combustion CO2 (IPCC 2006 Vol.2 Eq. 2.1 / 省级温室气体清单编制指南 form):
  ``EF = NCV × CC × OF × 44/12`` [t CO2 / unit]; e.g. raw coal
  20.908 GJ/t × 0.02637 tC/GJ × 0.94 × 44/12 = 1.9003 t CO2/t.
* energy-based factors (CH4/N2O in kg/TJ, pollutants in g/GJ): ``EF × NCV``.
* mass/volume-based factors (kg/t, kg/万立方米, g/km, kg/head): unit conversion only.
* process CO2 (cement clinker, lime, steel …): ``refdata/process_factors.csv`` in t/t.
* scope 2: grid factors by (region, year) for electricity (t/MWh → t/万千瓦时) and heat
  (t/GJ), ``refdata/grid_factors.csv``.

Each scope-1 factor carries its IPCC method ``tier`` (2006 GL Vol.1 Ch.1.2): 1 for a default
from a generic source (IPCC, EMEP/EEA, AP-42, stoichiometry), 2 for a country- or
technology-specific Chinese factor (national guidelines, the census manual, NDRC, CEADs);
the rule is in ``refdata/SOURCES.md``. A user's own factor table may give 3 (measured, plant
level); without a ``tier`` column its rows have none. Scope-2 grid factors have no tier.

Sector-specific factors win over the ``*`` row of the same fuel, technology and species.
Factors with a technology (boiler class 层燃炉/煤粉炉…, kiln type, vehicle standard) are used
when the activity row names that technology (column ``technology``); a species without a
technology-specific row, and activity without a technology, take the default (empty) row:
(sector, fuel, tech) > (``*``, fuel, tech) > (sector, fuel, —) > (``*``, fuel, —).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from cocontrol import refdata
from cocontrol.data.activity import _ncv, canonical_units
from cocontrol.errors import InputError, ReferenceDataError
from cocontrol.units import conversion_factor

if TYPE_CHECKING:
    from cocontrol.inventory.factor_sets import FactorSet

FACTOR_COLUMNS = ["sector", "fuel", "technology", "species", "ef", "scope", "factor_id", "source",
                  "tier"]
#: IPCC method tier of combustion CO2 from the Chinese NCV × CC × OF defaults (country-specific)
COUNTRY_SPECIFIC = 2
SPECIES = ("CO2", "CH4", "N2O", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "NH3", "CO")
GWP_SPECIES = ("CO2", "CH4", "N2O")


def _cite(row: Mapping[str, object]) -> str:
    return f"{row['source']} ({row['edition']}; {row['status']})"


def combustion_co2() -> pd.DataFrame:
    """CO2 per canonical unit of the 17 CEADs fuels: NCV × CC × OF × 44/12."""
    table = refdata.load("combustion_co2")
    wide = table.pivot(index="fuel", columns="parameter", values="value").astype(float)
    cites = table.groupby("fuel").apply(
        lambda g: "; ".join(dict.fromkeys(_cite(r) for r in g.to_dict("records"))),
        include_groups=False)
    rows = []
    units = canonical_units()
    for fuel, p in wide.iterrows():
        ncv_value, ncv_unit = _ncv()[fuel]
        ncv = ncv_value * conversion_factor(ncv_unit, f"GJ/{units[fuel]}")
        rows.append({"sector": "*", "fuel": fuel, "technology": "", "species": "CO2",
                     "ef": ncv * p["cc"] * p["of"] * 44 / 12, "scope": 1,
                     "factor_id": f"combustion_co2:{fuel}",
                     "source": cites[fuel], "tier": COUNTRY_SPECIFIC})
    return pd.DataFrame(rows)


def per_unit(fuel: str, value: float, unit: str) -> float:
    """Factor value in t species per canonical unit of ``fuel``."""
    species_unit, _, per = unit.partition("/")
    target = canonical_units()[fuel]
    mass = conversion_factor(species_unit, "t")
    try:
        return value * mass * conversion_factor(target, per) if per else value * mass
    except Exception:
        ncv_value, ncv_unit = _ncv()[fuel]
        ncv_gj = ncv_value * conversion_factor(ncv_unit, f"GJ/{target}")
        return value * mass * conversion_factor("GJ", per) * ncv_gj


def emission_factors(table: pd.DataFrame | None = None, *, name: str = "emission_factors"
                     ) -> pd.DataFrame:
    """Non-CO2 factors (CH4, N2O, air pollutants, NH3) and process CO2, in t per unit.

    ``table``: raw rows in the form of ``refdata/emission_factors.csv`` (a factor set's, see
    :mod:`cocontrol.inventory.factor_sets`); default the shipped default set. A row with a
    ``factor_row`` column (a user file) keeps that row number in its ``factor_id``.
    """
    ef = refdata.load("emission_factors") if table is None else table
    ef = ef.assign(technology=ef["technology"].astype("string").fillna("").str.strip())
    rows = []
    bad = []
    for i, r in zip(ef.index, ef.to_dict("records"), strict=True):
        try:
            value = per_unit(r["fuel"], float(r["value"]), str(r["unit"]))
        except Exception as exc:
            bad.append(f"{name}.csv row {i + 2}: {exc}")
            continue
        row_no = r.get("factor_row", i + 2)
        table_name = r.get("factor_table", name)
        tier = r.get("tier")
        rows.append({"sector": r["sector"], "fuel": r["fuel"],
                     "technology": str(r["technology"]), "species": r["species"],
                     "ef": value, "scope": 1, "factor_id": f"{table_name}:{int(row_no)}",
                     "source": _cite(r), "tier": None if pd.isna(tier) else int(tier)})
    proc = refdata.load("process_factors")
    for i, r in zip(proc.index, proc.to_dict("records"), strict=True):
        rows.append({"sector": "*", "fuel": r["process"], "technology": "",
                     "species": r["species"],
                     "ef": float(r["value"]) * conversion_factor(str(r["unit"]).split("/")[0],
                                                                 "t"),
                     "scope": 1, "factor_id": f"process_factors:{i + 2}", "source": _cite(r),
                     "tier": int(r["tier"])})
    if bad:
        raise ReferenceDataError("; ".join(bad[:10]))
    return pd.DataFrame(rows)


def expand_sectors(factors: pd.DataFrame) -> pd.DataFrame:
    """One row per (sector, fuel, technology, species): a sector's own factor, else the
    ``*`` row. A table without a ``technology`` column holds default factors only; one
    without ``tier`` leaves the tier empty."""
    sectors = refdata.load("sectors")["sector"].tolist()
    tech = factors["technology"] if "technology" in factors.columns else pd.Series("", factors.index)
    tier = factors["tier"] if "tier" in factors.columns else pd.Series(pd.NA, factors.index)
    factors = factors.assign(technology=tech.astype("string").fillna("").str.strip().astype(str),
                             tier=pd.to_numeric(tier, errors="coerce").astype("Int64"))
    specific = factors[factors["sector"] != "*"]
    generic = factors[factors["sector"] == "*"].drop(columns="sector")
    generic = generic.merge(pd.DataFrame({"sector": sectors}), how="cross")
    key = ["sector", "fuel", "technology", "species"]
    generic = generic.merge(specific[key], on=key, how="left", indicator=True)
    generic = generic[generic["_merge"] == "left_only"].drop(columns="_merge")
    out = pd.concat([specific, generic[FACTOR_COLUMNS]], ignore_index=True)
    return out.drop_duplicates(key, keep="first").reset_index(drop=True)


def default_factors() -> pd.DataFrame:
    """All scope-1 factors, expanded to the 47 sectors (sector, fuel, species, ef …)."""
    return _default_factors().copy()


@lru_cache(maxsize=1)
def _default_factors() -> pd.DataFrame:
    return set_factors(None)


def set_factors(spec: object = None) -> pd.DataFrame:
    """Scope-1 factors of a factor set (name, file or :class:`FactorSet`; None = default),
    expanded to the 47 sectors; ``attrs["factor_set"]`` holds the set's label."""
    return resolve(spec)[0]


@lru_cache(maxsize=4)
def _named_factors(name: str) -> pd.DataFrame:
    from cocontrol.inventory import factor_sets

    return _expanded(factor_sets.load(name))


def _expanded(fs: FactorSet) -> pd.DataFrame:
    """Combustion CO2 plus the set's factors, expanded to the 47 sectors, named."""
    table = expand_sectors(pd.concat(
        [combustion_co2(), emission_factors(fs.emission, name=fs.table)], ignore_index=True))
    table.attrs["factor_set"] = fs.label
    return table


def resolve(factors: object) -> tuple[pd.DataFrame, pd.DataFrame | None, str, str | None]:
    """(expanded scope-1 factors, control-efficiency table, set label, cache key) for the
    ``factors`` argument of :func:`cocontrol.inventory.compute`: None (the default set), a set
    name, a factor file path, a :class:`~cocontrol.inventory.factor_sets.FactorSet`, or a
    prepared factor frame (t per canonical unit; controls then use the default set)."""
    from cocontrol.inventory import factor_sets

    if isinstance(factors, pd.DataFrame):
        label = str(factors.attrs.get("factor_set", "自定义排放因子表"))
        return expand_sectors(factors), None, label, None
    fs = factor_sets.load(factors)  # type: ignore[arg-type]
    table = _named_factors(fs.name).copy() if fs.cacheable else _expanded(fs)
    return table, fs.efficiency, fs.label, fs.name if fs.cacheable else None


@lru_cache(maxsize=4096)
def _province(region: str) -> list[str]:
    """Grid regions to try for ``region``: itself, its province, then 全国."""
    from cocontrol.store.parents import PARENTS

    chain = [region]
    while chain[-1] in PARENTS:
        chain.append(PARENTS[chain[-1]][0])
    short = [c.removesuffix("省").removesuffix("市") for c in chain]
    return [*dict.fromkeys([*chain, *short, "全国"])]


def grid_factors(pairs: pd.DataFrame, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Scope-2 factors for each needed (region, year) and energy (Electricity, Heat).

    Lookup: the region itself, its province (济南市 → 山东), then 全国; within a region the
    factor of the same year, else the closest published year (ties: the earlier one). The
    chosen factor's region and year are kept in ``factor_id`` for provenance.
    """
    grid = refdata.load("grid_factors") if table is None else table
    published: dict[tuple[str, str], list[tuple[float | None, int]]] = {}
    for i, (energy, region, year) in enumerate(
            grid[["energy", "region", "year"]].itertuples(index=False)):
        number = pd.to_numeric(year, errors="coerce")
        published.setdefault((str(energy), str(region)), []).append(
            (None if pd.isna(number) else float(number), i))
    out = []
    chosen: dict[tuple[str, str, int], dict | None] = {}  # one lookup per grid row and year

    def pick(energy: str, fuel: str, chain: tuple[str, ...], year: int) -> dict | None:
        for name in chain:
            rows = published.get((energy, name))
            if not rows:
                continue
            # closest published year, ties to the earlier one; an undated row is distance 0
            dist = [(0.0 if y is None else abs(y - year) + 0.1 * (y > year), k)
                    for k, (y, _i) in enumerate(rows)]
            key = (energy, name, rows[min(dist)[1]][1])
            if key not in chosen:
                hit = grid.iloc[key[2]]
                species_unit, _, energy_unit = str(hit["unit"]).partition("/")
                ef = float(hit["value"]) * conversion_factor(species_unit, "t") * \
                    conversion_factor(canonical_units()[fuel], energy_unit)
                used = "" if pd.isna(hit["year"]) else int(hit["year"])
                chosen[key] = {"fuel": fuel, "species": "CO2", "ef": ef, "scope": 2,
                               "factor_id": f"grid_factors:{hit['region']}:{used}:{energy}",
                               "source": _cite(hit)}
            return chosen[key]
        return None

    chains: dict[str, tuple[str, ...]] = {}
    for region, year in pairs[["region", "year"]].drop_duplicates().itertuples(index=False):
        if region not in chains:
            chains[region] = tuple(_province(str(region)))
        for energy, fuel in (("electricity", "Electricity"), ("heat", "Heat")):
            row = pick(energy, fuel, chains[region], int(year))
            if row is not None:
                out.append({"region": region, "year": int(year), **row})
    cols = ["region", "year", "fuel", "species", "ef", "scope", "factor_id", "source"]
    return pd.DataFrame(out, columns=cols)


def control_multipliers(controls: pd.DataFrame, *, file: str | None = None,
                        efficiency: pd.DataFrame | None = None,
                        factors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Remaining fraction per (region, year, sector, fuel, applies_to, species) after controls.

    GAINS form ``E = A × EF × Σ_m X_m (1 − η_m)`` with the uncontrolled share ``1 − Σ X_m``
    having η = 0, i.e. multiplier ``ctrl = 1 − Σ_m X_m η_m`` (GAINS; MEP 2014 guidelines),
    summed over the rows of one activity technology ``applies_to`` (``""``: every activity
    technology of the sector × fuel; a technology's own rows replace these in the engine,
    :func:`cocontrol.inventory.expressions.join_controls`). Removal efficiencies η come from
    ``refdata/control_technologies.csv`` (sector/fuel-specific rows win over ``*``).
    ``controls``: raw or :func:`cocontrol.data.controls.read_controls` frame; raises
    :class:`ValidationFailed` for every bad row (unknown technologies, penetration outside
    [0, 1], shares of one key × species summing above 1 …). ``efficiency``: the factor set's
    control table (default set when None); η = efficiency × 投运率 (T/CSES 144—2024 formula
    (2)). Where the set gives PM2.5 and PM2.5–10 efficiencies (表A.1) the PM10 efficiency of a
    device is ``s × η_PM2.5 + (1 − s) × η_PM2.5–10`` with ``s`` the PM2.5/PM10 ratio of the
    uncontrolled factor of that sector × fuel × activity technology (``factors``, the expanded
    set; the technology's own factor, else the default row).
    """
    from cocontrol.data.controls import DETAIL_KEY, control_detail

    detail = pm10_efficiency(control_detail(controls, file=file, efficiency=efficiency),
                             default_factors() if factors is None else factors)
    detail["removed"] = detail["x"] * detail["eta"]
    mult = detail.groupby(DETAIL_KEY, as_index=False).agg(
        removed=("removed", "sum"),
        control=("technology", lambda s: "+".join(sorted(set(s)))))
    mult["ctrl"] = 1.0 - mult.pop("removed")
    return mult[[*DETAIL_KEY, "ctrl", "control"]]


def pm10_efficiency(detail: pd.DataFrame, factors: pd.DataFrame) -> pd.DataFrame:
    """Replace each control row's PM2.5–10 efficiency by a PM10 one (see
    :func:`control_multipliers`); rows that already have PM10 keep it."""
    coarse = detail[detail["species"] == "PM2.5-10"]
    if coarse.empty:
        return detail
    fine = detail[detail["species"] == "PM2.5"][["row_no", "eta"]].rename(columns={"eta": "eta25"})
    has10 = set(detail.loc[detail["species"] == "PM10", "row_no"])
    coarse = coarse[~coarse["row_no"].isin(has10)].merge(fine, on="row_no", how="left")
    pm = factors[factors["species"].isin(["PM10", "PM2.5"])].pivot_table(
        index=["sector", "fuel", "technology"], columns="species", values="ef", aggfunc="first")
    share = (pm.get("PM2.5", 0) / pm["PM10"]).clip(0, 1) if "PM10" in pm else pd.Series(dtype=float)
    def fine_share(r: pd.Series) -> float:
        for tech in (r["applies_to"], ""):
            s = share.get((r["sector"], r["fuel"], tech))
            if s is not None and pd.notna(s):
                return float(s)
        return 0.0
    s = coarse.apply(fine_share, axis=1) if len(coarse) else pd.Series(dtype=float)
    eta25 = coarse["eta25"].fillna(coarse["eta"])
    pm10 = coarse.assign(species="PM10", eta=s * eta25 + (1 - s) * coarse["eta"])
    rest = detail[detail["species"] != "PM2.5-10"]
    return pd.concat([rest, pm10[rest.columns]], ignore_index=True).sort_values(
        "row_no", kind="stable", ignore_index=True)


def gwp_table(gwp: str) -> pd.DataFrame:
    """GWP-100 of CO2, CH4, N2O in the chosen set (AR4/AR5/AR6, IPCC; ``refdata/gwp.csv``)."""
    table = refdata.load("gwp")
    table = table[(table["gwp_set"] == gwp) & table["species"].isin(GWP_SPECIES)]
    if len(table) != len(GWP_SPECIES):
        raise InputError("unknown GWP set", column="gwp", expected="AR4, AR5 or AR6", found=gwp)
    return table[["species", "value"]].rename(columns={"value": "gwp"}).astype({"gwp": float})
