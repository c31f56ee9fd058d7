"""Factor coverage (排放因子覆盖情况): which activity has no factor for a requested species.

A missing factor must never be a silent zero. ``coverage(activity)`` lists, for every
(sector, fuel or process, technology) in the activity and every requested species, whether a
scope-1 factor is found — with the same precedence as the engine, (sector, fuel, tech) >
(``*``, fuel, tech) > (sector, fuel, —) > (``*``, fuel, —) — and which one. Electricity and heat
are scope 2 (grid factors, CO2 only): their air pollutants are not applicable, not missing.

Default species: :data:`COMBUSTION_SPECIES` for the 17 CEADs fuels, electricity and heat; process
products, vehicle travel and livestock are only checked for the species passed explicitly
(their factor sets differ by nature: clinker has process CO2, not CH4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from cocontrol import refdata

if TYPE_CHECKING:
    import pandas as pd

COMBUSTION_SPECIES = ("CO2", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "CO", "CH4", "N2O")
SCOPE2 = ("Electricity", "Heat")
COLUMNS = ["sector", "fuel", "technology", "species", "status", "factor_id", "rows"]


def combustion_fuels() -> list[str]:
    """The 17 CEADs fuels (``refdata/fuels.csv`` without electricity and heat)."""
    return [f for f in refdata.load("fuels")["fuel"] if f not in SCOPE2]


def factor_lookup(factors: pd.DataFrame) -> dict[tuple[str, str, str, str], str]:
    """``{(sector, fuel, technology, species): factor_id}`` of an expanded factor table, the
    first row of each key (the lookup of :func:`factor_coverage`)."""
    lookup = factors.set_index(["sector", "fuel", "technology", "species"])["factor_id"]
    return lookup[~lookup.index.duplicated()].to_dict()


def factor_coverage(activity: pd.DataFrame, factors: pd.DataFrame | None,
                    species: Sequence[str] | None = None,
                    lookup: dict[tuple[str, str, str, str], str] | None = None) -> pd.DataFrame:
    """Coverage table from a prepared activity (``technology`` ``""`` = default) and an
    expanded factor table (:func:`cocontrol.inventory.factors.expand_sectors`) — or its
    :func:`factor_lookup` made beforehand (``lookup``; then ``factors`` is not read).

    Columns: sector, fuel, technology, species, status (``found`` / ``missing`` /
    ``scope 2``), factor_id (the factor used, if found), rows (activity rows concerned):
    :func:`coverage_rows` of the activity's (sector, fuel, technology) groups.
    """
    import pandas as pd

    keys = ["sector", "fuel", "technology"]
    groups = activity.groupby(keys, dropna=False).size().rename("rows").reset_index()
    if lookup is None:
        assert factors is not None
        lookup = factor_lookup(factors)
    out = coverage_rows(groups.itertuples(index=False), lookup, species)
    return pd.DataFrame(out, columns=COLUMNS)


def coverage_rows(groups: Iterable[tuple[str, str, str, int]],
                  lookup: dict[tuple[str, str, str, str], str],
                  species: Sequence[str] | None = None,
                  fuels: Iterable[str] | None = None) -> list[tuple]:
    """The rows of :func:`factor_coverage` (:data:`COLUMNS`) for (sector, fuel, technology,
    rows) groups in order: per requested species (default :data:`COMBUSTION_SPECIES` for
    the combustion ``fuels`` — :func:`combustion_fuels` unless given — electricity and
    heat), the factor found with the engine's precedence, ``missing`` or ``scope 2``."""
    known = {*(combustion_fuels() if fuels is None else fuels), *SCOPE2}
    out = []
    for sector, fuel, tech, rows in groups:
        wanted = species if species is not None else (COMBUSTION_SPECIES if fuel in known
                                                      else ())
        for sp in wanted:
            if fuel in SCOPE2:
                status, fid = ("scope 2", None)
            else:
                fid = lookup.get((sector, fuel, tech, sp)) or lookup.get((sector, fuel, "", sp))
                status = "found" if fid else "missing"
            out.append((sector, fuel, tech, sp, status, fid, int(rows)))
    return out


def missing_note(table: pd.DataFrame | Iterable[tuple]) -> str:
    """One short line for a warning: the distinct (fuel, species) pairs without a factor — of
    a coverage table (:func:`factor_coverage`, or its rows: :func:`coverage_rows`).

    Sectors and row counts are left to :func:`cocontrol.inventory.coverage` (and
    ``result.attrs["missing_factors"]``) so a server log gets one line per run, not one per
    sector, e.g. ``no emission factor for 2 fuel × species pairs, absent (not zero): Coke PM10,
    LPG SO2 (see inventory.coverage)``.
    """
    rows = (zip(table["fuel"], table["species"], table["status"], strict=True)
            if hasattr(table, "columns") else ((r[1], r[3], r[4]) for r in table))
    miss = {(fuel, sp) for fuel, sp, status in rows if status == "missing"}
    pairs = sorted(f"{f} {s}" for f, s in miss)
    return (f"no emission factor for {len(pairs)} fuel × species pair"
            f"{'' if len(pairs) == 1 else 's'}, absent (not zero): {', '.join(pairs)}"
            " (see inventory.coverage)")
