"""What the 蓝碳 page shows (arranged from :func:`cocontrol.sinks.blue.blue_carbon`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cocontrol.sinks.table import SINK_TYPES

WORDS = {
    "title": ("蓝碳", "Blue carbon"), "region": ("地区", "Region"),
    "by_year": ("各年蓝碳碳汇量（吨CO2）", "Blue-carbon removals by year (t CO2)"),
    "sites": ("分地点碳汇", "By site"), "site": ("地点/品种", "Site / species"),
    "type": ("类型", "Type"), "year": ("年份", "Year"), "removal": ("碳汇量（吨CO2）", "Removal (t CO2)"),
    "status": ("参数状态", "Parameters"), "data": ("数据", "Data"),
    "real": ("实际", "real"), "illustrative": ("示例", "illustrative"),
    "none": ("所选地区暂无蓝碳数据。", "No blue-carbon data for this region."),
    "note": ("海草床、盐沼按面积×埋藏速率计（修复项目另按低、中、高埋藏速率给出区间）；贝藻为可移出碳汇，"
             "不等同于永久封存；参数“待核”者为尚未在原文核实的数值。",
             "Seagrass and salt marsh: area × burial rate (restoration projects get a low–high "
             "range); shellfish and "
             "seaweed: removable carbon, not permanent storage; 'to be checked' parameters are not "
             "yet verified in their source."),
    "t": ("吨", "t"),
    "net": ("{y}年二氧化碳直接排放量扣除全部碳汇（{s}）后，净排放量为{n}。",
            "In {y}, direct CO2 net of all removals ({s}) was {n}."),
}
STATUS = {"verified": ("已核实", "verified"), "transcribed": ("转引", "transcribed"),
          "unverified": ("待核", "to be checked")}
TYPES_EN = {"aquaculture": "Shellfish & seaweed", "seagrass": "Seagrass", "salt_marsh": "Salt marsh",
            "mangrove": "Mangrove", "forest": "Forest"}


def page_view(table: pd.DataFrame, region: str | None, lang: str) -> dict[str, Any]:
    i = 0 if lang == "zh" else 1
    w = {k: v[i] for k, v in WORDS.items()}
    regions = sorted(table["region"].unique()) if len(table) else []
    chosen = region if region in regions else (regions[0] if regions else None)
    mine = table[table["region"] == chosen] if chosen else table.iloc[0:0]
    types = SINK_TYPES if i == 0 else TYPES_EN
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
             STATUS[r.status][i], w["real"] if r.label == "real" else w["illustrative"]]
            for r in mine.sort_values(["year", "sink_type", "item"]).itertuples()]
    return {"w": w, "title": w["title"], "regions": regions, "region": chosen, "chart": chart,
            "rows": rows, "net": None, "lang": lang}


def net_text(net: tuple[int, float, float] | None, lang: str) -> str:
    """The net-emissions sentence in the figures' display units (or empty)."""
    from cocontrol.figures import display

    if net is None:
        return ""
    y, sinks, value = net
    words = WORDS["net"][0 if lang == "zh" else 1]
    return words.format(y=y, s=display("sinks", sinks, unit=True, lang=lang),
                        n=display("net_co2", value, unit=True, lang=lang))
