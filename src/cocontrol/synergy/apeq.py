"""Pollution equivalents and APeq (大气污染物当量).

Method (毛显强 et al. co-control literature; weights from 《中华人民共和国环境保护税法》附表二
《应税污染物和当量值表》, see ``refdata/pollution_equivalents.csv``)::

    PE_p   = E_p / w_p                  pollution equivalents of pollutant p (污染当量数),
                                        E_p in kg, w_p the equivalent value in kg
    α_p    = w_SO2 / w_p = 0.95 / w_p    SO2-normalised weight
    APeq   = Σ_p α_p · E_p              tonnes of SO2-equivalent (t SO2-eq)

so with the default set ``APeq = SO2 + NOx + 0.4358·PM10 + VOCs`` (0.95 / 2.18 = 0.4358).

Product conventions (marked in the CSV ``note`` column): PM10 and PM2.5 have no row in the law
and borrow the 烟尘 value 2.18 kg; VOCs have no row either and use 0.95 kg from the 2015
《挥发性有机物排污收费试点办法》. The default set is SO2, NOx, PM10 (PM2.5 only when the
inventory has no PM10: PM2.5 is part of PM10 and is never added twice) and VOCs. Every weight
can be replaced with ``weights=``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from cocontrol.errors import InputError
from cocontrol.refdata import load
from cocontrol.synergy._frames import key_columns, require_columns, to_unit

SO2_EQUIVALENT_KG = 0.95
"""w_SO2, the equivalent value that normalises APeq to tonnes of SO2 (附表二 row 1)."""

GREENHOUSE_GASES = frozenset({"CO2", "CH4", "N2O", "CO2e", "HFCs", "PFCs", "SF6", "NF3",
                              "CH4_fossil", "CH4_nonfossil"})
"""Species that are never air pollutants in APeq; they pass through silently."""

NOT_WEIGHTED = frozenset({"BC", "OC", "TSP"})
"""Air species an inventory may carry that have no equivalent value (left out of APeq)."""

ALIASES = {"NMVOC": "VOCs", "VOC": "VOCs", "VOCS": "VOCs", "PM25": "PM2.5", "PM2_5": "PM2.5",
           "NOX": "NOx", "NH3N": "NH3-N"}

KEYS = ("region", "year", "sector", "measure")


def equivalent_values() -> pd.DataFrame:
    """The shipped table of pollution-equivalent values (kg per equivalent) with provenance."""
    return load("pollution_equivalents")


def default_weights(species_present: Sequence[str] = ()) -> dict[str, float]:
    """SO2-normalised APeq weights α_p = 0.95 / w_p for the default species set.

    PM2.5 is used instead of PM10 only if ``species_present`` has PM2.5 but no PM10.
    """
    table = equivalent_values()
    air = table[(table["medium"] == "air") & table["in_default_apeq"].astype(str).str.lower().eq("true")]
    alpha = dict(zip(air["species"], SO2_EQUIVALENT_KG / air["equivalent_value"].astype(float),
                     strict=True))
    present = set(species_present)
    if "PM2.5" in present and "PM10" not in present:
        alpha.pop("PM10", None)
    else:
        alpha.pop("PM2.5", None)
    return alpha


def normalise_species(species: pd.Series) -> pd.Series:
    """Map common spellings (NMVOC, PM25, NOX …) to the names of the equivalents table."""
    text = pd.Series(species.astype(str).to_numpy(dtype=object), index=species.index)
    mapping = {s: ALIASES.get(s.upper(), ALIASES.get(s, s)) for s in pd.unique(text)}
    return text.map(mapping)


def apeq(
    emissions: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    by: Sequence[str] | None = None,
    *,
    ignore_unknown: bool = False,
) -> pd.DataFrame:
    """APeq (大气污染物当量) by region, year (and sector / measure when present).

    ``emissions`` is the inventory's long table (region, year, [sector], species, value, unit)
    — or any table of species tonnages with the ``by`` columns, e.g. a measure's reductions;
    values are converted to tonnes through the unit registry. ``weights`` maps species to
    SO2-normalised weights α_p (default: :func:`default_weights`). ``by`` defaults to the
    columns of region, year, sector, measure that exist.

    Returns ``by`` + ``apeq`` (t SO2-eq), ``unit``, ``species_used`` (comma list).
    Species that are neither weighted, greenhouse gases, nor in :data:`NOT_WEIGHTED` and not in
    the equivalents table are listed in an :class:`InputError` (typos such as ``S02``) unless
    ``ignore_unknown``.
    """
    require_columns(emissions, ("species", "value", "unit"), "emissions")
    keys = list(by) if by is not None else key_columns(emissions, KEYS)
    require_columns(emissions, keys, "emissions")
    species = normalise_species(emissions["species"])
    alpha = dict(weights) if weights is not None else default_weights(pd.unique(species).tolist())
    bad = {k: v for k, v in alpha.items() if not (float(v) >= 0)}
    if bad:
        raise InputError(f"APeq weights must be numbers ≥ 0: {bad}", expected="α_p ≥ 0")
    known = set(equivalent_values()["species"]) | GREENHOUSE_GASES | NOT_WEIGHTED | set(alpha)
    unknown = sorted(set(pd.unique(species)) - known)
    if unknown and not ignore_unknown:
        raise InputError(
            f"emissions contain species with no pollution-equivalent value: {unknown}",
            column="species",
            expected=f"one of the equivalents table, a greenhouse gas, or a key of weights= "
                     f"(weighted now: {sorted(alpha)})",
            found=", ".join(unknown),
        )
    mask = species.isin(list(alpha)).to_numpy()
    rows = emissions.loc[mask, keys].copy()
    tonnes = to_unit(emissions.loc[mask, "value"], emissions.loc[mask, "unit"], "t", "emissions")
    rows["apeq"] = tonnes * species[mask].map(alpha).astype(float)
    rows["_species"] = species[mask]
    if rows.empty:
        frame = emissions[keys].drop_duplicates().copy()
        frame["apeq"] = 0.0
        frame["species_used"] = ""
    else:
        frame = rows.groupby(keys, sort=True, dropna=False)["apeq"].sum().to_frame()
        used = rows[[*keys, "_species"]].drop_duplicates().sort_values("_species")
        frame["species_used"] = used.groupby(keys, sort=True, dropna=False)["_species"].agg(",".join)
        frame = frame.reset_index()
    frame["unit"] = "t SO2-eq"
    return frame[[*keys, "apeq", "unit", "species_used"]]


def pollution_equivalents(emissions: pd.DataFrame, by: Sequence[str] | None = None) -> pd.DataFrame:
    """Pollution equivalents PE_p = E_p[kg] / w_p (污染当量数) per species, as the tax law counts them.

    Species without an equivalent value raise :class:`InputError` listing them.
    Returns ``by`` + species, ``equivalents`` (count of 污染当量).
    """
    require_columns(emissions, ("region", "year", "species", "value", "unit"), "emissions")
    keys = list(by) if by is not None else key_columns(emissions, KEYS)
    table = equivalent_values()
    w = dict(zip(table["species"], table["equivalent_value"].astype(float), strict=True))
    species = normalise_species(emissions["species"])
    unknown = sorted(set(pd.unique(species)) - set(w))
    if unknown:
        raise InputError(f"no pollution-equivalent value for species {unknown}", column="species",
                         expected=f"one of {sorted(w)}")
    rows = emissions[keys].copy()
    rows["species"] = species
    rows["equivalents"] = to_unit(emissions["value"], emissions["unit"], "kg", "emissions") / species.map(w)
    return rows.groupby([*keys, "species"], sort=True)["equivalents"].sum().reset_index()
