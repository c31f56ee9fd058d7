"""Provenance (数据溯源): which activity rows, factors (with source) and controls made a result.

``compute(..., provenance=True)`` keeps the per-row detail in ``result.attrs["provenance"]``;
:func:`explain` lists the contributions of one result row.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from cocontrol.errors import InputError

KEYS = ["region", "year", "sector", "fuel", "scope"]


def explain(result: pd.DataFrame, row: int | Mapping[str, object]) -> list[dict[str, object]]:
    """Contributions to the result row ``row`` (index label or a dict of key values).

    Each item: activity row (file row number), activity value and unit, canonical amount,
    factor id, factor value [t per unit], source and IPCC tier, the factor set (None for scope-2 grid
    factors and user factors without one), control technologies and the remaining
    fraction, and the contributed value [t]. CO2e rows list their CO2, CH4 and N2O parts.
    """
    detail = result.attrs.get("provenance")
    if detail is None:  # pragma: no cover - message path
        raise InputError("no provenance on this result", expected="compute(..., provenance=True)")
    detail = detail.frame
    keys = dict(result.loc[row]) if not isinstance(row, Mapping) else dict(row)
    mask = pd.Series(True, index=detail.index)
    for k in KEYS:
        if k in keys:
            mask &= detail[k] == keys[k]
    if keys.get("species") not in (None, "CO2e"):
        mask &= detail["species"] == keys["species"]
    elif keys.get("species") == "CO2e":
        mask &= detail["species"].isin(["CO2", "CH4", "N2O"])
    cols = ["row_id", "species", "activity_value", "activity_unit", "amount", "factor_id", "ef",
            "source", "tier", "control", "control_source", "ctrl", "value", "factor_set"]
    out = detail.loc[mask, cols].rename(columns={"row_id": "activity_row", "ef": "factor",
                                                  "source": "factor_source",
                                                  "tier": "factor_tier"})
    out["factor_tier"] = [None if pd.isna(t) else int(t) for t in out["factor_tier"]]
    return out.sort_values(["activity_row", "species"]).to_dict("records")
