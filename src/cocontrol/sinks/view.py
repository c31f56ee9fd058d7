"""What the 蓝碳 page shows (arranged from :func:`cocontrol.sinks.blue.blue_carbon`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cocontrol.data.names import label, names
from cocontrol.web.i18n import MESSAGES, words


def page_view(table: pd.DataFrame, region: str | None, lang: str) -> dict[str, Any]:
    w = words("bluecarbon", lang, region="region") | {
        "t": label("unit", "吨", lang), "real": label("data", "real", lang), "illustrative": label("data", "illustrative", lang),
        "mu": label("unit", "亩", lang), "ha": label("unit", "公顷", lang)}
    regions = sorted(table["region"].unique()) if len(table) else []
    chosen = region if region in regions else (regions[0] if regions else None)
    mine = table[table["region"] == chosen] if chosen else table.iloc[0:0]
    types = {c: label("sink_type", c, lang) for c in names("sink_type")}
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


def _pct(value: float | None) -> str:
    return "—" if value is None or pd.isna(value) else f"{value * 100:.1f}%"


def projects_view(projects: list, lang: str) -> list[dict[str, Any]]:
    """The stored projects of the chosen region as the page lists them, from
    :func:`cocontrol.sinks.restoration.assess` (nothing computed here)."""
    from cocontrol.sinks.restoration import assess, eligibility

    i = 0 if lang == "zh" else 1
    types = {c: label("sink_type", c, lang) for c in names("sink_type")}
    out = []
    for sp in projects:
        p = sp.project
        result = assess(p, sp.surveys)
        by_date = {s["date"]: s["status"] for s in result["surveys"]}
        surveys = []
        for s in sp.surveys.sort_values("date").itertuples():
            day = s.date.strftime("%Y-%m-%d")
            verdict = by_date.get(day, "")
            surveys.append([day, "—" if pd.isna(s.shoot_density) else f"{s.shoot_density:,.0f}",
                            _pct(s.shoot_survival), _pct(s.seedling_emergence),
                            _pct(s.seedling_survival), _pct(s.cover),
                            label("verdict", verdict, lang), verdict])
        rng = result["sink_t_per_year"]
        end = "" if p.end is None else p.end.strftime("%Y-%m-%d")
        out.append({
            "id": sp.id, "name": p.name, "type": types.get(p.sink_type, p.sink_type),
            "site": p.site, "method": p.method, "area_ha": p.area_ha, "area_mu": p.area_ha * 15,
            "planted": p.shoots_planted, "seeds": p.seeds_sown,
            "period": f"{p.start.strftime('%Y-%m-%d')}—{end or '…'}",
            "care": p.care_years, "thresholds": f"{p.shoot_threshold:.0%} / {p.seedling_threshold:.0%}",
            "surveys": surveys, "range": (rng["low"], rng["central"], rng["high"]),
            "stock": result["biomass_stock_t"],
            "notes": result["eligibility"] if i == 0 else eligibility(p, lang),
            "data": label("data", "real" if sp.label == "real" else "illustrative", lang),
            "note": sp.note,
        })
    return out


COLUMN_ZH = {"date": "日期", "shoot_density": "株密度(株/平方米)", "shoot_survival": "植株成活率(%)",
             "seedling_emergence": "幼苗出苗率(%)", "seedling_survival": "幼苗成活率(%)",
             "cover": "覆盖度(%)", "biomass": "生物量(克干重/平方米)"}


def problem_text(problem: Any, lang: str, file: str) -> str:
    """One workbook problem in the page's language with the workbook's own (Chinese) column
    names (the one renderer of every surface, :func:`cocontrol.messages.render`)."""
    from cocontrol.messages import render

    return render(problem, lang, file=file, columns=COLUMN_ZH, strict=True)
