"""What the 蓝碳 page shows (arranged from :func:`cocontrol.sinks.blue.blue_carbon`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cocontrol.data.names import label
from cocontrol.web.i18n import MESSAGES, words


def page_view(table: pd.DataFrame, region: str | None, lang: str) -> dict[str, Any]:
    w = words("bluecarbon", lang, region="region") | {
        "t": label("unit", "吨", lang), "real": label("data", "real", lang),
        "illustrative": label("data", "illustrative", lang)}
    regions = sorted(table["region"].unique()) if len(table) else []
    chosen = region if region in regions else (regions[0] if regions else None)
    mine = table[table["region"] == chosen] if chosen else table.iloc[0:0]
    types = {c: label("sink_type", c, lang) for c in set(table["sink_type"])} if len(table) else {}
    chart = None
    if len(mine):
        pivot = mine.pivot_table(index="year", columns="sink_type", values="removal_t",
                                 aggfunc="sum", fill_value=0.0).sort_index()
        chart = {"tooltip": {"trigger": "axis"}, "legend": {"bottom": 0},
                 "grid": {"left": 80, "right": 24, "top": 30, "bottom": 60},
                 "xAxis": {"type": "category", "data": [str(y) for y in pivot.index]},
                 "yAxis": {"type": "value", "name": w["t"] + " CO2", "min": 0},
                 "series": [{"name": types.get(c, c), "type": "bar", "stack": "s",
                             "data": [round(float(x), 1) for x in pivot[c]]} for c in pivot.columns]}
    rows = [[r.year, types.get(r.sink_type, r.sink_type), r.item, r.removal_t,
             label("param_status", r.status, lang), w["real"] if r.label == "real" else w["illustrative"]]
            for r in mine.sort_values(["year", "sink_type", "item"]).itertuples()]
    return {"w": w, "title": w["title"], "regions": regions, "region": chosen, "chart": chart,
            "rows": rows, "net": None, "lang": lang}


def net_text(net: tuple[int, float, float] | None, lang: str) -> str:
    """The net-emissions sentence in the figures' display units (or empty)."""
    from cocontrol.figures import display

    if net is None:
        return ""
    y, sinks, value = net
    sentence = MESSAGES["bluecarbon.net"][0 if lang == "zh" else 1]
    return sentence.format(y=y, s=display("sinks", sinks, unit=True, lang=lang),
                        n=display("net_co2", value, unit=True, lang=lang))
