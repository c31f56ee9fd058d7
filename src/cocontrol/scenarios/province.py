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

from cocontrol.inventory import core
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
    # scope-2 factors of every (region, year) looked up once (cached for the engine run)
    grid = core._grid(tuple((b.region, int(y)) for b in bases for y in ys))
    acts, ctls, classes, full = [], [], {}, {}
    for b in bases:
        full[b.region] = model._controls_for_years(b, ys, None)
        classes[b.region] = model.year_classes(b.region, ys, full[b.region], grid_rows=grid)
        a, c = model.class_inputs(b.region, ys, b.keys, full[b.region], classes[b.region])
        acts.append(a)
        if c is not None:
            ctls.append(c)
    act = pd.concat(acts, ignore_index=True)
    controls = pd.concat(ctls, ignore_index=True) if ctls else None
    inv = model.unit_emissions(act, controls, None, engine)
    parts = dict(iter(inv.groupby("region", sort=False)))
    for b in bases:
        p = projectors[b.region]
        cube = model.cube_from_classes(parts[b.region], ys, b.keys, classes[b.region])
        p._cubes[p.cube_key(b.keys, full[b.region], None)] = cube
    return {b.region: projectors[b.region].run(
        name, drivers[b.region], rules[b.region], (measures or {}).get(b.region, ()))
        for b in bases}
