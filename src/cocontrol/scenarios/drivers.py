"""Drivers (关键假设: GDP, population, industry structure, energy intensity …) as yearly series.

A driver is a base-year value and an expression (:mod:`.expressions`); drivers of one
``group`` are siblings (shares of a whole) so ``Remainder(100)`` fills the rest and no year may
exceed the whole. Drivers are evaluated in dependency order (``GrowthAs`` reads another
driver); a cycle is an error naming the drivers in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.scenarios import expressions as ex


@dataclass(frozen=True)
class Driver:
    """One key assumption: ``base`` value in the base year, ``expression`` for later years,
    ``sigma`` the standard deviation of its yearly log growth (Monte Carlo), ``group`` the
    sibling group for shares."""

    name: str
    base: float
    expression: ex.Node
    unit: str = ""
    sigma: float = 0.0
    group: str | None = None
    where: dict = field(default_factory=dict, compare=False)


def order(drivers: Mapping[str, Driver]) -> list[str]:
    """Names in evaluation order (a driver after those its GrowthAs reads; Remainder last in
    its group). Raises for unknown references and cycles."""
    deps: dict[str, set[str]] = {}
    for name, d in drivers.items():
        refs = ex.references(d.expression)
        unknown = refs - set(drivers)
        if unknown:
            raise InputError(f"driver {name!r} reads an unknown driver",
                             expected=", ".join(sorted(drivers)), found=", ".join(sorted(unknown)),
                             **d.where)
        if ex.uses_remainder(d.expression):
            refs = refs | {o for o, od in drivers.items()
                           if o != name and od.group == d.group}
        deps[name] = refs
    done: list[str] = []
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        if state.get(n) == 2:
            return
        if state.get(n) == 1:
            cycle = [*path[path.index(n):], n]
            raise InputError("drivers depend on each other in a circle",
                             expected="GrowthAs chains without cycles",
                             found=" → ".join(cycle), **drivers[n].where)
        state[n] = 1
        for m in sorted(deps[n]):
            visit(m, [*path, n])
        state[n] = 2
        done.append(n)

    for n in drivers:
        visit(n, [])
    return done


def series(drivers: Mapping[str, Driver], years: np.ndarray) -> dict[str, np.ndarray]:
    """Every driver's values over ``years`` (``years[0]`` is the base year)."""
    out: dict[str, np.ndarray] = {}
    for name in order(drivers):
        d = drivers[name]
        sib = None
        if ex.uses_remainder(d.expression):
            if d.group is None:
                raise InputError(f"driver {name!r} uses Remainder but belongs to no group",
                                 expected="a driver inside a group of shares", **d.where)
            sib = sum((out[o] for o, od in drivers.items() if o != name and od.group == d.group),
                      np.zeros(len(years)))
        out[name] = ex.evaluate(d.expression, years, d.base, out, sib)
    _check_groups(drivers, out, years)
    return out


def _check_groups(drivers: Mapping[str, Driver], values: Mapping[str, np.ndarray],
                  years: np.ndarray) -> None:
    groups: dict[str, list[str]] = {}
    for name, d in drivers.items():
        if d.group is not None:
            groups.setdefault(d.group, []).append(name)
    for group, names in groups.items():
        whole = next((float(drivers[n].expression.args[0].value) for n in names
                      if ex.uses_remainder(drivers[n].expression)), 100.0)
        total = sum(values[n] for n in names)
        bad = np.flatnonzero((total > whole * (1 + 1e-9)) |
                             np.any([values[n] < -1e-9 for n in names], axis=0))
        if bad.size:
            y = int(years[bad[0]])
            raise InputError(f"shares of group {group!r} exceed {whole:g} or turn negative in {y}",
                             expected=f"shares between 0 and {whole:g} summing to at most {whole:g}",
                             found=f"{total[bad[0]]:g}", **drivers[names[0]].where)


def table(values: Mapping[str, np.ndarray], years: np.ndarray,
          drivers: Mapping[str, Driver]) -> pd.DataFrame:
    """Long table year, driver, value, unit."""
    rows = [{"year": int(y), "driver": n, "value": float(v[i]), "unit": drivers[n].unit}
            for n, v in values.items() for i, y in enumerate(years)]
    return pd.DataFrame(rows, columns=["year", "driver", "value", "unit"])
