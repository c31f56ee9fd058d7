"""Carbon sinks (碳汇): marine aquaculture, coastal wetlands (seagrass, salt marsh, mangrove), forest.

``compute_sinks(activity)`` takes the long sink activity table of :mod:`cocontrol.sinks.table`
(``region, year, sink_type, item, variable, value, unit``) and returns one row per region, year,
sink type, item and component::

    region, year, sink_type, item, component, species, value, unit,
    method, parameters, sources, status, note

**Sign convention.** ``value`` is t CO2 in the inventory convention of IPCC 2006: a removal
(sink) is **negative** and an emission (e.g. forest harvest exceeding growth) positive, so
net emissions after sinks = inventory CO2 + ``value.sum()``. ``species`` is ``CO2``; ``unit``
``tCO2``. ``status`` is the weakest status of the reference numbers used (``unverified`` means a
number recalled from memory was used, not yet checked in its source: do not quote it as final).

Modules: :mod:`~cocontrol.sinks.aquaculture` (HY/T 0305-2021 removable carbon of shellfish and
seaweed), :mod:`~cocontrol.sinks.wetland` (IPCC 2013 Wetlands Supplement area × rate),
:mod:`~cocontrol.sinks.forest` (IPCC 2006 Vol.4 gain-loss / stock difference). Every problem of
the input is raised at once as :class:`~cocontrol.errors.ValidationFailed` naming the row (the
frame's index) and column; nothing is returned half-computed.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from cocontrol.errors import ValidationFailed
from cocontrol.sinks import aquaculture, forest, wetland
from cocontrol.sinks.table import COMPONENTS, OUTPUT, SINK_TYPES, frame, validate

__all__ = ["COMPONENTS", "OUTPUT", "SINK_TYPES", "compute_sinks"]


def compute_sinks(activity: pd.DataFrame, *, file: str | None = None,
                  tables: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Sink removals (negative t CO2) of a sink activity table; see the module docstring.

    ``file`` is named in error messages; ``tables`` may replace the shipped reference tables
    (``sink_aquaculture``, ``sink_ecosystem_rates``, ``sink_forest``) for a sensitivity run.
    """
    tables = tables or {}
    rows, problems = validate(activity)
    records: list[dict[str, object]] = []
    for module, types in ((aquaculture, ("aquaculture",)),
                          (wetland, ("seagrass", "salt_marsh", "mangrove")),
                          (forest, ("forest",))):
        part = rows[rows["sink_type"].isin(types)]
        if not part.empty:
            out, trouble = module.compute(part, tables.get(module.TABLE))
            records += out
            problems += trouble
    if problems:
        if file:
            problems = [replace(p, file=file) for p in problems]
        raise ValidationFailed(sorted(problems, key=lambda p: p.row or 0),
                               "sink activity failed validation")
    result = frame(records)
    return result.sort_values(["region", "year", "sink_type", "item", "component"],
                              ignore_index=True)
