"""What the 碳普惠 page shows, arranged from the store's aggregates (no computation here beyond
unit scaling for display: grams → 吨/千克)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cocontrol.data.names import label
from cocontrol.inclusive.methodology import copollutants, load
from cocontrol.web.i18n import words


def page_view(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The page's view model from :func:`cocontrol.store.inclusive.summary`."""
    i = 0 if lang == "zh" else 1
    w = words("inclusive", lang) | {"t": label("unit", "吨", lang), "kg": label("unit", "kg", lang)}
    methods = load()
    scene_label = ({str(k): str(z) for k, z in zip(methods["scene"], methods["scene_zh"], strict=True)} if i == 0
                   else {str(k): label("scene", k, "en") for k in methods["scene"]})
    months: pd.DataFrame = data["months"]
    ledger = data["ledger"]
    travel = set(methods.loc[methods["kind"] == "travel", "scene"])
    travel_g = float(months.loc[months["scene"].isin(travel), "credited_g"].sum()) \
        if len(months) else 0.0
    chart = None
    if len(months):
        pivot = months.pivot_table(index="month", columns="scene", values="credited_g",
                                   aggfunc="sum", fill_value=0.0).sort_index()
        chart = {
            "tooltip": {"trigger": "axis"}, "legend": {"bottom": 0},
            "grid": {"left": 70, "right": 24, "top": 40, "bottom": 60},
            "xAxis": {"type": "category", "data": list(pivot.index)},
            "yAxis": {"type": "value", "name": w["t"] + " CO2", "min": 0},
            "series": [{"name": scene_label.get(c, c), "type": "bar", "stack": "s",
                        "data": [round(v / 1e6, 4) for v in pivot[c]]} for c in pivot.columns],
        }
    rows = [[scene_label.get(r.scene, r.scene),
             label("unit", r.unit, lang),
             r.credit_g_per_unit, r.daily_cap_g, r.yearly_cap_g,
             f"{r.source}（{r.version}）" if i == 0 else f"{r.source} (v{r.version})",
             w["valid_open"].format(start=r.valid_from) if str(r.valid_to) >= "2099"
             else f"{r.valid_from}—{r.valid_to}"] for r in methods.itertuples()]
    return {
        "w": w, "title": w["title"], "participants": data["participants"],
        "issued_t": ledger["issue"] / 1e6, "redeemed_t": -ledger["redeem"] / 1e6 + 0.0,
        "balance_t": ledger["balance"] / 1e6,
        "expired_t": -ledger["expire"] / 1e6 + 0.0, "corrected_t": ledger["correct"] / 1e6 + 0.0,
        "avoided": [(species, travel_g * ratio / 1000) for species, ratio in copollutants().items()],
        "scenes": rows, "chart": chart, "partners": data["partners"], "empty": not len(months),
    }
