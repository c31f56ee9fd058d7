"""Many cities (a province) in one engine run.

The per-unit factor cubes of every city's base keys and policies in force are computed in
ONE inventory-engine session (DuckDB or Spark: the same Ibis expressions) over one
unit-activity table holding all regions, then each city is projected with its own drivers,
rules and measures (a measure that adds keys or changes controls computes its own cube).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from cocontrol.scenarios import drivers as dr
from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios import model
from cocontrol.scenarios.measures import Measure


def run_cities(bases: Sequence[model.Base], years: Sequence[int],
               drivers: Mapping[str, Mapping[str, dr.Driver]],
               rules: Mapping[str, Mapping[str, ex.Node]],
               measures: Mapping[str, Sequence[Measure]] | None = None, *,
               engine: str = "duckdb", name: str = "基准情景") -> dict[str, model.Pathway]:
    """Pathways by region; ``drivers``/``rules``/``measures`` keyed by region."""
    ys = np.asarray(years, dtype=int)
    projectors = {b.region: model.Projector(b, ys, None, engine) for b in bases}
    acts, ctls = [], []
    for b in bases:
        acts.append(model._unit_activity(b.region, ys, b.keys))
        ctl = model._controls_for_years(b, ys, None)
        if ctl is not None:
            ctls.append(ctl)
    act = pd.concat(acts, ignore_index=True)
    controls = pd.concat(ctls, ignore_index=True) if ctls else None
    inv = model.unit_emissions(act, controls, None, engine)
    parts = dict(iter(inv.groupby("region", sort=False)))
    for b in bases:
        p = projectors[b.region]
        ctl = model._controls_for_years(b, ys, None)
        cube = model.cube_from(parts[b.region], ys, b.keys)
        p._cubes[p.cube_key(b.keys, ctl, None)] = cube
    return {b.region: projectors[b.region].run(
        name, drivers[b.region], rules[b.region], (measures or {}).get(b.region, ()))
        for b in bases}
