"""What the 情景分析 page and the report show, built from a run (chart options and rows).

No figure is computed here that the run has not: totals, percentiles, peak-year shares,
target probabilities, co-benefits and the MAC curve all come from :mod:`.runner` / :mod:`.io`;
this module only arranges them (ECharts option dictionaries, table rows, labels).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from cocontrol.scenarios import io
from cocontrol.scenarios import optimize as op
from cocontrol.scenarios.runner import RunResult, summary

PALETTE = ["#5d6d7e", "#1f5fa8", "#c0392b", "#2e8b57", "#d68910", "#7d3c98"]
INDICATORS = {
    "peak_year": ("碳排放达峰年份", "CO2 peak year"),
    "peak_value": ("碳排放峰值", "CO2 peak value"),
    "co2_per_gdp": ("单位GDP二氧化碳排放变化", "Change in CO2 per GDP"),
    "energy_per_gdp": ("单位GDP能耗变化", "Change in energy per GDP"),
    "coal_share": ("煤炭消费占比", "Coal share of energy use"),
    "non_fossil_share": ("非化石能源消费占比", "Non-fossil share of energy use"),
    "emission": ("排放量", "Emission"),
    "reduction": ("减排量", "Reduction"),
}
SPECIES_ZH = {"CO2": "CO2", "SO2": "SO2", "NOx": "NOx", "PM2.5": "PM2.5", "PM10": "PM10",
              "VOCs": "VOCs", "NH3": "NH3", "APeq": "大气污染物当量", "CO": "CO"}
TEXT = {
    "pathway": ("二氧化碳排放路径（万吨，阴影为5%–95%区间）", "CO2 pathways (10^4 t; band: 5–95 %)"),
    "peak": ("达峰年份分布（各情景抽样占比）", "Peak-year distribution (share of draws)"),
    "no_peak": ("未见明显峰值", "no clear peak"),
    "coords": ("措施协同减排坐标（减排为正）", "Measures on co-control coordinates (reductions positive)"),
    "mac": ("边际减排成本曲线（元/吨CO2）", "Marginal abatement cost curve (CNY per t CO2)"),
    "x": ("大气污染物当量减排（吨）", "APeq avoided (t)"),
    "y": ("CO2减排（吨）", "CO2 avoided (t)"),
    "against": ("相对", "vs "),
}


def _t(key: str, lang: str) -> str:
    return TEXT[key][0 if lang == "zh" else 1]


def named(text: Any, lang: str) -> str:
    """A name from the scenario file (scenario, measure, package) in ``lang``: on English pages
    the glossary's English (``refdata/terms.csv``), else the name as written."""
    text = "" if text is None else str(text)
    if lang != "en" or not text:
        return text
    from cocontrol.reports.english import plain, translate

    return plain(translate(text, plan=True))


def light(probability: float | None, met: bool) -> str:
    """Traffic light: green ≥ 90 %, amber 50–90 %, red < 50 % (central path when undrawn)."""
    if probability is None:
        return "green" if met else "red"
    return "green" if probability >= 0.9 else "amber" if probability >= 0.5 else "red"


def pathway_chart(result: RunResult, lang: str) -> dict[str, Any]:
    tot = io.totals(result)
    co2 = tot[tot["species"] == "CO2"]
    years = sorted(co2["year"].unique())
    opt: dict[str, Any] = {
        "color": PALETTE, "title": {"text": _t("pathway", lang), "left": "center",
                                    "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"}, "legend": {"bottom": 0},
        "grid": {"left": 70, "right": 24, "top": 48, "bottom": 48},
        "xAxis": {"type": "category", "data": [str(y) for y in years]},
        "yAxis": {"type": "value", "name": "万吨" if lang == "zh" else "10⁴ t",
                  **({"min": 0} if (co2["value"] >= 0).all() else {"scale": True})},  # amounts from zero
        "series": []}
    for i, (scenario, g) in enumerate(co2.groupby("scenario", sort=False)):
        g = g.sort_values("year")
        color = PALETTE[i % len(PALETTE)]
        shown = named(scenario, lang)
        opt["series"].append({"name": shown, "type": "line", "symbolSize": 5,
                              "lineStyle": {"color": color}, "itemStyle": {"color": color},
                              "data": [round(v / 1e4, 1) for v in g["value"]]})
        if "p05" in g.columns and g["p05"].notna().all():
            band = f"{shown}（5%–95%区间）" if lang == "zh" else f"{shown} (5–95 % range)"
            opt["series"] += [  # lower edge and width share the band's name (no helper in the legend)
                {"name": band, "type": "line", "stack": f"band{i}", "symbol": "none",
                 "lineStyle": {"opacity": 0}, "tooltip": {"show": False},
                 "data": [round(v / 1e4, 1) for v in g["p05"]]},
                {"name": band, "type": "line", "stack": f"band{i}", "symbol": "none",
                 "lineStyle": {"opacity": 0}, "tooltip": {"show": False},
                 "areaStyle": {"color": color, "opacity": 0.15},
                 "data": [round((h - lo) / 1e4, 1) for lo, h in zip(g["p05"], g["p95"],
                                                                   strict=True)]}]
    opt["legend"]["data"] = [named(n, lang) for n in co2["scenario"].unique()]
    return opt


def peak_chart(result: RunResult, lang: str) -> dict[str, Any] | None:
    dist = io.peak_distribution(result)
    if dist.empty:
        return None
    years = sorted(dist["year"].unique(), key=lambda y: (y == 0, y))  # no peak last
    return {"color": PALETTE, "title": {"text": _t("peak", lang), "left": "center",
                                        "textStyle": {"fontSize": 14}},
            "tooltip": {"trigger": "axis"}, "legend": {"bottom": 0},
            "grid": {"left": 60, "right": 24, "top": 48, "bottom": 96},
            "xAxis": {"type": "category", "data": [str(y) if y else _t("no_peak", lang) for y in years],
                      "axisLabel": {"interval": 0, "rotate": 45}},  # every year and 未见明显峰值 named
            "yAxis": {"type": "value", "name": "%", "max": 100},
            "series": [{"name": named(n, lang), "type": "bar",
                        "data": [round(100 * float(g.loc[g["year"] == y, "share"].sum()), 1)
                                 for y in years]}
                       for n, g in dist.groupby("scenario", sort=False)]}


def targets(result: RunResult, lang: str) -> list[dict[str, Any]]:
    rows = []
    for r in result.scenarios:
        for t in r.targets:
            name = INDICATORS[t["indicator"]][0 if lang == "zh" else 1]
            if t["indicator"] in ("emission", "reduction"):
                sp = SPECIES_ZH.get(t["species"], t["species"]) if lang == "zh" else t["species"]
                name = f"{sp}{name}" if lang == "zh" else f"{sp} {name.lower()}"
            against = t["against"]
            digits = 0 if t["unit"] in ("年", "t") else 1
            sep = "" if t["unit"] == "年" else ","
            rows.append({
                "scenario": r.name, "indicator": name, "year": t["year"],
                "against": "" if against is None else f"{_t('against', lang)}{named(against, lang)}",
                "target": f"{t['relation'].replace('<=', '≤').replace('>=', '≥')} "
                          f"{t['value']:{sep}.{digits}f}",
                "unit": "" if t["unit"] == "年" else t["unit"],
                "projected": (("未达峰" if lang == "zh" else "no peak") if t["projected"] != t["projected"]
                              else f"{t['projected']:{sep}.{digits}f}"),
                "probability": None if t["probability"] is None else round(100 * t["probability"]),
                "light": light(t["probability"], t["met_central"]),
                "source": _source(t["source"], lang)})
    return rows


def _source(text: Any, lang: str) -> str:
    """A target's source: a document number as written; ``illustrative`` as 示例."""
    from cocontrol.data.names import label

    text = "" if text is None else str(text)
    return label("label", text, lang) if text == "illustrative" else text


def _measures(result: RunResult) -> pd.DataFrame:
    frames = [r.cobenefits.assign(scenario=r.name) for r in result.scenarios
              if r.cobenefits is not None and len(r.cobenefits)]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames).drop_duplicates("measure", keep="last")


def coordinates_chart(result: RunResult, lang: str) -> dict[str, Any] | None:
    m = _measures(result)
    if m.empty:
        return None
    return {"color": PALETTE[1:], "title": {"text": _t("coords", lang), "left": "center",
                                            "textStyle": {"fontSize": 14}},
            "tooltip": {"trigger": "item"},
            "grid": {"left": 100, "right": 130, "top": 48, "bottom": 48},
            "xAxis": {"type": "value", "name": _t("x", lang), "nameLocation": "middle",
                      "nameGap": 28},
            "yAxis": {"type": "value", "name": _t("y", lang), "nameLocation": "middle",
                      "nameGap": 70},
            "series": [{"type": "scatter", "symbolSize": 12,
                        "data": [{"name": named(n, lang), "value": [round(float(x), 1), round(float(y), 1)]}
                                 for n, x, y in zip(m["measure"], m["APeq"], m["CO2"],
                                                    strict=True)],
                        "label": {"show": True, "formatter": "{b}", "position": "right",
                                  "fontSize": 11},
                        "markLine": {"silent": True, "symbol": "none",
                                     "lineStyle": {"color": "#888"},
                                     "data": [{"xAxis": 0}, {"yAxis": 0}]}}]}


def mac_chart(result: RunResult, lang: str) -> dict[str, Any] | None:
    """Bars in MAC order (width = ΔCO2 shown in the label), height 元/t, APeq per t beside."""
    frames = [r.mac for r in result.scenarios if r.mac is not None and len(r.mac)]
    if not frames:
        return None
    mac = frames[-1]
    mac = mac[mac["CO2"] > 0]
    if mac.empty:
        return None
    label = "万吨, 当量/吨" if lang == "zh" else "10^4 t, APeq/t"
    return {"color": ["#2e8b57"], "title": {"text": _t("mac", lang), "left": "center",
                                            "textStyle": {"fontSize": 14}},
            "tooltip": {"trigger": "axis"},
            "grid": {"left": 70, "right": 24, "top": 48, "bottom": 90},
            "xAxis": {"type": "category", "data": [named(n, lang) for n in mac["measure"]],
                      "axisLabel": {"rotate": 20, "fontSize": 11}},
            "yAxis": {"type": "value", "name": "元/t" if lang == "zh" else "CNY/t"},
            "series": [{"type": "bar", "name": label,
                        "data": [{"value": round(float(c), 1),
                                  "label": {"show": True, "position": "top", "fontSize": 10,
                                            "formatter": f"{w / 1e4:,.0f} | {a:.4f}"}}
                                 for c, w, a in zip(mac["cost_per_t_co2"], mac["CO2"],
                                                    mac["apeq_per_t_co2"], strict=True)]}]}


def measure_library(result: RunResult) -> pd.DataFrame:
    """The measures as the optimiser reads them (costs below zero count as zero)."""
    m = _measures(result)
    if m.empty:
        return m
    table = pd.DataFrame({"measure": m["measure"], "cost": m["cost"].clip(lower=0.0),
                          "CO2": m["CO2"].clip(lower=0.0), "APeq": m["APeq"].clip(lower=0.0),
                          "lumpy": "否"})
    return op.check_measures(table)


def portfolio(result: RunResult, co2_share: float, apeq_share: float) -> dict[str, Any]:
    """Least-cost portfolio for targets given as shares (0–1) of the library's maximum."""
    lib = measure_library(result)
    if lib.empty:
        return {"status": "none"}
    targets = {"CO2": float(lib["CO2"].sum()) * co2_share,
               "APeq": float(lib["APeq"].sum()) * apeq_share}
    p = op.optimize(lib, targets, continuous=True)
    return {"status": p.status, "targets": targets, "cost": p.cost, "x": p.x,
            "selected": p.selected, "reductions": p.reductions, "prices": p.shadow_prices,
            "shortfall": p.shortfall}


CATEGORIES = {"solid": ("固体燃料", "solid fuels"), "liquid": ("液体燃料", "liquid fuels"),
              "gas": ("气体燃料", "gaseous fuels"), "secondary": ("电力热力", "electricity and heat"),
              "process": ("工业过程", "industrial processes"), "*": ("其他", "other")}


def input_label(name: str, lang: str) -> str:
    """A sampled input's name for people (driver:GDP → 驱动因素 GDP …)."""
    zh = lang == "zh"
    kind, _, rest = name.partition(":")
    if kind == "driver":
        from cocontrol.data.names import label

        return f"驱动因素 {label('driver', rest, lang)}" if zh else f"driver {label('driver', rest, lang)}"
    if kind == "measure":
        return f"措施效果 {rest}" if zh else f"measure uptake {named(rest, lang)}"
    if kind == "factor":
        cat, _, sp = rest.partition(":")
        c = CATEGORIES.get(cat, (cat, cat))[0 if zh else 1]
        return f"排放因子 {c} {sp}" if zh else f"emission factor {c} {sp}"
    if kind == "activity":
        c = CATEGORIES.get(rest, (rest, rest))[0 if zh else 1]
        return f"基准活动水平 {c}" if zh else f"base activity {c}"
    return name


def sensitivity(result: RunResult, lang: str, top: int = 6) -> list[dict[str, Any]]:
    """The inputs that matter most for CO2 in the peak-target year, per scenario
    (first-order Sobol indices from the run; beside them the Morris ``μ*`` as the mean change
    of CO2 [万吨] when the input moves half its range, ``μ* × Δ`` with Δ = ½ of the quantile
    scale, :mod:`.morris`)."""
    rows = []
    for r in result.scenarios:
        if r.sensitivity is None:
            continue
        for x in r.sensitivity.head(top).itertuples(index=False):
            mu = getattr(x, "mu_star", float("nan"))
            rows.append({"scenario": r.name, "input": input_label(x.input, lang),
                         "s1": round(100 * float(x.s1), 1),
                         "morris": None if mu != mu else round(float(mu) * 0.5 / 1e4, 2)})
    return rows


def peaks(result: RunResult) -> list[dict[str, Any]]:
    """Each scenario's peak as the page's cards, the report's 碳达峰路径 chapter and the CLI
    print it: the year and value of the central pathway's maximum, whether that is a peak by
    the rule the probability of peaking by 2030 counts (:func:`.montecarlo.peak_years`), how
    far the last year lies below the maximum (%), and ``words`` — the sentence in Chinese and
    English (:func:`peak_words`). One formatter (:func:`cocontrol.figures.display`, figures
    ``scenario_peak`` and ``peak_probability``)."""
    from cocontrol.figures import display, number
    from cocontrol.scenarios.montecarlo import peak_margin

    end = result.spec.end_year
    by_name = {r.name: r for r in result.scenarios}
    out = []
    for s in summary(result)["scenarios"]:
        p = s["p_peak_by"].get("2030")
        co2 = by_name[s["name"]].pathway.total("CO2", result.spec.co2_scopes)
        state = "peak" if s["peaked"] else ("rising" if s["peak_year"] >= end else "plateau")
        sc = {"name": s["name"], "peak_year": s["peak_year"], "peaked": s["peaked"],
              "state": state, "end_year": end,
              "peak": display("scenario_peak", s["peak_value_t"]),
              "end_below": number(100 * (1 - float(co2[-1]) / s["peak_value_t"]), 1),
              "margin": number(100 * peak_margin(), 0),
              "p2030": None if p is None else display("peak_probability", 100 * p)}
        sc["words"] = {lang: peak_words(sc, lang) for lang in ("zh", "en")}
        out.append(sc)
    return out


def peak_rule(result: RunResult, lang: str) -> str:
    """The peak rule in words, beside the cards and in the report's chapter."""
    from cocontrol.figures import number
    from cocontrol.scenarios.montecarlo import peak_margin

    end, m = result.spec.end_year, number(100 * peak_margin(), 0)
    return (f"达峰指排放最高值出现在{end}年以前、且{end}年排放比最高值低{m}%以上；中心路径与各抽样按同一规则判定。"
            if lang == "zh" else
            f"A peak is a maximum before {end} with {end} more than {m} % below it; the central pathway "
            "and every draw are judged by the same rule.")


def peak_words(sc: dict[str, Any], lang: str) -> str:
    """What a scenario's peak figures say, in one clause: peaked in Y at N; still rising at
    the end; or no clear peak (the last year within the margin of the maximum: a plateau)."""
    y, n, end = sc["peak_year"], sc["peak"], sc["end_year"]
    if sc["state"] == "peak":
        return f"于{y}年达峰，峰值{n}万吨" if lang == "zh" else f"peak in {y} at {n} 10⁴ t"
    if sc["state"] == "rising":
        return (f"至{end}年仍未达峰（{end}年{n}万吨）" if lang == "zh"
                else f"have not peaked by {end} ({n} 10⁴ t in {end})")
    g, m = sc["end_below"], sc["margin"]
    return (f"至{end}年未见明显峰值（最高{n}万吨，出现在{y}年；{end}年仅比最高值低{g}%，"
            f"达峰须低{m}%以上，呈平台期）" if lang == "zh" else
            f"show no clear peak by {end} (highest {n} 10⁴ t, in {y}; {end} is only {g} % below it, "
            f"a peak needs more than {m} %: a plateau)")


def page(result: RunResult, lang: str) -> dict[str, Any]:
    return {"region": result.spec.region, "draws": result.draws, "scopes": sorted(result.spec.co2_scopes),
            "scenarios": peaks(result), "peak_rule": peak_rule(result, lang),
            "pathway": pathway_chart(result, lang), "peak": peak_chart(result, lang),
            "targets": targets(result, lang), "coords": coordinates_chart(result, lang),
            "mac": mac_chart(result, lang), "portfolio": portfolio(result, 0.5, 0.5),
            "sensitivity": sensitivity(result, lang)}
