"""What the 碳普惠 page shows, arranged from the store's aggregates (no computation here beyond
unit scaling for display: grams → 吨/千克)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cocontrol.inclusive.methodology import copollutants, load

WORDS = {
    "title": ("碳普惠", "Carbon inclusion"),
    "participants": ("参与人数", "Participants"),
    "issued": ("累计签发减排量", "Credits issued"),
    "redeemed": ("已兑换", "Redeemed"),
    "balance": ("账户余额合计", "Balances"),
    "avoided": ("同步减少的大气污染物", "Air pollutants avoided"),
    "scenes": ("场景与方法学", "Scenes and methodologies"),
    "scene": ("场景", "Scene"),
    "unit": ("计量单位", "Unit"),
    "credit": ("每单位减排量（克CO2）", "Credit per unit (g CO2)"),
    "daily": ("每日上限（克）", "Daily cap (g)"),
    "yearly": ("年度上限（克）", "Yearly cap (g)"),
    "source": ("来源", "Source"),
    "valid": ("有效期", "Valid"),
    "monthly": ("各月减排量（吨CO2）", "Reductions by month (t CO2)"),
    "none": ("暂无合作方提交的行为记录。", "No behaviour records have been posted yet."),
    "partners": ("接入的合作方", "Partner systems"),
    "export": ("导出（供省级平台）", "Export (for the provincial platform)"),
    "t": ("吨", "t"),
    "kg": ("千克", "kg"),
    "status_note": ("方法学因子转引自深圳、武汉公开资料，上限为示例设置；城市可上传本地方法学。",
                    "Factors quoted from Shenzhen and Wuhan publications; caps are illustrative; "
                    "a city may load its own methodology."),
}
SCENES_EN = {"metro": "Metro", "bus": "Bus", "cycling": "Cycling", "walking": "Walking",
             "metro_ride": "Metro (per ride)"}
UNITS_EN = {"km": "km", "次": "ride", "步": "step", "件": "item", "kg": "kg"}
UNITS_ZH = {"km": "公里", "kg": "千克"}


def page_view(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The page's view model from :func:`cocontrol.store.inclusive.summary`."""
    i = 0 if lang == "zh" else 1
    w = {k: v[i] for k, v in WORDS.items()}
    methods = load()
    scene_label = ({str(k): str(z) for k, z in zip(methods["scene"], methods["scene_zh"],
                                                    strict=True)} if i == 0 else SCENES_EN)
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
             UNITS_ZH.get(r.unit, r.unit) if i == 0 else UNITS_EN.get(r.unit, r.unit),
             r.credit_g_per_unit, r.daily_cap_g, r.yearly_cap_g,
             f"{r.source}（{r.version}）" if i == 0 else f"{r.source} (v{r.version})",
             f"{r.valid_from}—{r.valid_to}"] for r in methods.itertuples()]
    return {
        "w": w, "title": w["title"], "participants": data["participants"],
        "issued_t": ledger["issue"] / 1e6, "redeemed_t": -ledger["redeem"] / 1e6 + 0.0,
        "balance_t": ledger["balance"] / 1e6,
        "avoided": [(species, travel_g * ratio / 1000) for species, ratio in copollutants().items()],
        "scenes": rows, "chart": chart, "partners": data["partners"], "empty": not len(months),
    }
