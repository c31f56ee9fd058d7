"""Small table helpers shared by the synergy methods (column checks, unit conversion)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.units import conversion_factor


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise :class:`InputError` naming every column of ``columns`` that ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(
            f"{what} lacks column(s) {missing}",
            expected=f"columns {list(columns)}",
            found=str(list(frame.columns)),
        )


def to_unit(values: pd.Series, units: pd.Series, target: str, what: str) -> pd.Series:
    """Convert ``values`` given row-wise in ``units`` into ``target``.

    One conversion factor per distinct unit (not per row), through :mod:`cocontrol.units`.
    Every row whose unit cannot be converted is reported at once.
    """
    factors: dict[str, float] = {}
    problems: list[Problem] = []
    for unit in pd.unique(units.astype(str)):
        try:
            factors[unit] = conversion_factor(unit, target)
        except Exception as exc:  # UnitError and pint dimensionality errors
            rows = units.index[units.astype(str) == unit][:20]
            for row in rows:
                problems.append(Problem(
                    f"{what}: unit {unit!r} cannot be converted to {target!r} ({exc})",
                    row=int(row) + 2 if isinstance(row, (int, np.integer)) else None,
                    column="unit", expected=f"a unit convertible to {target}", found=unit,
                ))
    if problems:
        raise ValidationFailed(problems, summary=f"{what}: unconvertible units")
    return values.astype(float) * units.astype(str).map(factors).astype(float)


def statistic(statistics: pd.DataFrame, indicator: str, unit: str) -> pd.Series:
    """One indicator of a long statistics table as a Series indexed by (region, year).

    ``statistics`` has columns region, year, indicator, value, unit; values are converted to
    ``unit``. Raises :class:`InputError` if the indicator is absent or duplicated.
    """
    require_columns(statistics, ("region", "year", "indicator", "value", "unit"), "statistics")
    rows = statistics[statistics["indicator"] == indicator]
    if rows.empty:
        present = sorted(map(str, pd.unique(statistics["indicator"])))
        raise InputError(
            f"statistics have no indicator {indicator!r}",
            column="indicator", expected=indicator, found=", ".join(present[:30]),
        )
    dup = rows.duplicated(["region", "year"], keep=False)
    if dup.any():
        pairs = rows.loc[dup, ["region", "year"]].drop_duplicates().head(10)
        raise InputError(
            f"statistics give {indicator!r} more than once for "
            f"{[tuple(p) for p in pairs.itertuples(index=False)]}",
            column="indicator", expected="one value per region and year",
        )
    values = to_unit(rows["value"], rows["unit"], unit, f"statistics {indicator!r}")
    return pd.Series(
        values.to_numpy(), index=pd.MultiIndex.from_frame(rows[["region", "year"]]), name=indicator
    )


def check_sum_to_one(weights: dict[str, float] | pd.Series, what: str, tol: float = 1e-6) -> None:
    """Raise :class:`InputError` if ``weights`` are negative or do not sum to 1 within ``tol``."""
    series = pd.Series(weights, dtype=float)
    negative = series[series < 0]
    if not negative.empty:
        raise InputError(
            f"{what}: weights must not be negative: {negative.to_dict()}",
            expected="weights ≥ 0 that sum to 1",
        )
    total = float(series.sum())
    if abs(total - 1.0) > tol:
        raise InputError(
            f"{what}: weights sum to {total:.6g}, not 1 (tolerance {tol:g}); "
            f"weights given: {series.to_dict()}",
            expected="weights that sum to 1",
            found=f"{total:.6g}",
        )


def key_columns(frame: pd.DataFrame, candidates: Sequence[str]) -> list[str]:
    """The columns of ``candidates`` present in ``frame``, in order."""
    return [c for c in candidates if c in frame.columns]


def species_total(
    emissions: pd.DataFrame, species: str, keys: Sequence[str], scopes: Sequence[object] | None = None
) -> pd.Series:
    """Tonnes of one species summed by ``keys`` (e.g. CO2 by region, year, sector).

    ``scopes`` keeps only rows whose ``scope`` column is in it (None: every row).
    """
    require_columns(emissions, ("species", "value", "unit", *keys), "emissions")
    rows = emissions[emissions["species"].astype(str) == species]
    if scopes is not None:
        require_columns(emissions, ("scope",), "emissions")
        rows = rows[rows["scope"].isin(list(scopes))]
    tonnes = to_unit(rows["value"], rows["unit"], "t", f"emissions of {species}")
    return tonnes.groupby([rows[k] for k in keys], sort=True).sum().rename(species)


def period_pairs(
    table: pd.DataFrame,
    keys: Sequence[str],
    columns: Sequence[str],
    periods: Sequence[tuple[int, int]] | None = None,
) -> pd.DataFrame:
    """Pair each group's values at a base and a target year.

    ``table`` has ``keys``, year and ``columns``; ``periods`` lists (base_year, target_year),
    None meaning consecutive years present in each group. Returns ``keys`` + base_year,
    target_year and ``<column>_0`` / ``<column>_1`` for every column (vectorised, no row loop).
    """
    keys = list(keys)
    require_columns(table, (*keys, "year", *columns), "table")
    data = table.sort_values([*keys, "year"]).reset_index(drop=True)
    if not keys:
        data, keys = data.assign(_all=0), ["_all"]
    cols = list(columns)
    if periods is None:
        prev = data.groupby(keys, sort=False)[["year", *cols]].shift(1)
        out = data[keys].copy()
        out["base_year"], out["target_year"] = prev["year"], data["year"]
        for c in cols:
            out[f"{c}_0"], out[f"{c}_1"] = prev[c], data[c]
        out = out.dropna(subset=["base_year"])
    else:
        idx = data.set_index([*keys, "year"])[cols]
        frames = []
        for y0, y1 in periods:
            a = idx.xs(y0, level="year").add_suffix("_0")
            b = idx.xs(y1, level="year").add_suffix("_1")
            frames.append(a.join(b, how="inner").reset_index().assign(base_year=y0, target_year=y1))
        out = pd.concat(frames, ignore_index=True)
    out["base_year"] = out["base_year"].astype(int)
    out["target_year"] = out["target_year"].astype(int)
    order = [*keys, "base_year", "target_year"] + [f"{c}_{i}" for c in cols for i in (0, 1)]
    return out[order].drop(columns=["_all"], errors="ignore").reset_index(drop=True)
