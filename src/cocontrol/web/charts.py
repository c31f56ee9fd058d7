"""ECharts option dictionaries built in Python (passed to the page as JSON via ``tojson``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cocontrol.figures import number

PALETTE = ["#1f5fa8", "#c0392b", "#2e8b57", "#d68910", "#7d3c98", "#17a2b8", "#5d6d7e"]


def _base(title: str) -> dict[str, Any]:
    return {
        "color": PALETTE,
        "title": {"text": title, "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 70, "right": 24, "top": 48, "bottom": 40},
    }


def line(title: str, series: Mapping[str, Mapping[int, float]], unit: str,
         band: Mapping[int, tuple[float, float]] | None = None, band_name: str = "预测区间", *,
         zero: bool = False) -> dict[str, Any]:
    """Year-on-x line chart with every calendar year on the axis (years spaced by time: a year
    without data is an empty slot, not a skipped one); ``band`` draws the forecast interval
    (lower, upper) as a shaded fan from the last observed value (:func:`_fan`), one legend
    entry ``band_name`` (its invisible lower edge shares the name, so no helper series shows);
    ``zero`` starts the value axis at zero (amounts such as emissions: a cut axis exaggerates changes)."""
    known = {y for s in series.values() for y in s} | set(band or {})
    years = list(range(min(known), max(known) + 1)) if known else []
    opt = _base(title)
    opt["legend"] = {"bottom": 0}
    opt["xAxis"] = {"type": "category", "data": [str(y) for y in years], "boundaryGap": False}
    opt["yAxis"] = {"type": "value", "name": unit, "min": 0} if zero else {"type": "value", "name": unit, "scale": True}
    opt["series"] = [
        {"name": name, "type": "line", "connectNulls": True, "symbolSize": 6,
         "data": [round(s[y], 4) if y in s else None for y in years]}
        for name, s in series.items()
    ]
    if band:
        fan = _fan(band, next(iter(series.values()), {}))
        lower = [round(fan[y][0], 4) if y in fan else None for y in years]
        width = [round(fan[y][1] - fan[y][0], 4) if y in fan else None for y in years]
        # two series of one name: one legend entry (toggling both); the lower edge is invisible
        opt["series"] += [
            {"name": band_name, "type": "line", "stack": "band", "data": lower, "symbol": "none",
             "lineStyle": {"opacity": 0}, "tooltip": {"show": False}, "color": "rgba(31,95,168,0.45)"},
            {"name": band_name, "type": "line", "stack": "band", "data": width, "symbol": "none",
             "lineStyle": {"opacity": 0}, "areaStyle": {"color": "rgba(31,95,168,0.25)"},
             "color": "rgba(31,95,168,0.45)"},
        ]
    return opt


def _fan(band: Mapping[int, tuple[float, float]], observed: Mapping[int, float]) -> dict[int, tuple[float, float]]:
    """The forecast interval widening from the last observed value (zero width) to the
    interval at each band year, linearly in between, so a one-year interval is visible."""
    out = {y: (float(lo), float(hi)) for y, (lo, hi) in band.items()}
    for year, (lo, hi) in band.items():
        before = [y for y in observed if y < year]
        if not before:
            continue
        y0 = max(before)
        v0 = float(observed[y0])
        for y in range(y0, year):
            f = (y - y0) / (year - y0)
            out.setdefault(y, (v0 + f * (lo - v0), v0 + f * (hi - v0)))
    return out


def bar(title: str, categories: Sequence[str], values: Sequence[float], unit: str,
        horizontal: bool = True) -> dict[str, Any]:
    opt = _base(title)
    cat = {"type": "category", "data": list(categories), "inverse": horizontal}
    val: dict[str, Any] = {"type": "value", "name": unit, "axisLabel": {"hideOverlap": True}}
    if horizontal:  # a narrow card: few value ticks, or their numbers run together
        val["splitNumber"] = 3
    opt["xAxis"], opt["yAxis"] = (val, cat) if horizontal else (cat, val)
    opt["grid"]["left"] = 150 if horizontal else 70
    opt["grid"]["containLabel"] = False
    cat["axisLabel"] = {"width": 140, "overflow": "truncate"}
    opt["series"] = [{"type": "bar", "data": [round(v, 4) for v in values], "name": title}]
    return opt


def scatter(title: str, points: Sequence[tuple[str, float, float]], x_name: str, y_name: str) -> dict[str, Any]:
    """Co-control coordinate scatter: (label, x, y) with both axes crossing at zero."""
    opt = _base(title)
    opt["tooltip"] = {"trigger": "item"}
    opt["xAxis"] = {"type": "value", "name": x_name, "nameLocation": "middle", "nameGap": 26}
    opt["yAxis"] = {"type": "value", "name": y_name}
    opt["series"] = [{
        "type": "scatter", "symbolSize": 12,
        "data": [{"name": n, "value": [round(x, 4), round(y, 4)]} for n, x, y in points],
        "label": {"show": True, "formatter": "{b}", "position": "right", "fontSize": 11},
        "markLine": {"silent": True, "symbol": "none", "lineStyle": {"color": "#888"},
                     "data": [{"xAxis": 0}, {"yAxis": 0}]},
    }]
    return opt


def stacked_ranking(parts: Mapping[str, Mapping[str, float]], title: str, unit: str,
                    highlight: str | None = None, ranks: Mapping[str, int] | None = None,
                    rank_text: str = "第{}名 ", display: Mapping[str, str] | None = None,
                    decimals: int = 1) -> dict[str, Any]:
    """Horizontal stacked bars, one per region in the given order (rank 1 on top), each split
    into named parts (the 协同度 index into its dimensions, index points) with the total at its
    end; the ``highlight`` region is marked ★ in bold and drawn opaque, the others lighter
    (the web twin of :func:`cocontrol.reports.charts.ranking_chart`)."""
    regions = list(parts)
    names = list(dict.fromkeys(n for p in parts.values() for n in p))
    totals = {r: sum(float(v) for v in parts[r].values()) for r in regions}

    def label(r: str) -> str:
        rank = rank_text.format(ranks[r]) if ranks and r in ranks else ""
        return f"{rank}{'★' if r == highlight else ''}{(display or {}).get(r, r)}"

    opt = _base(title)
    opt["tooltip"] = {"trigger": "axis", "axisPointer": {"type": "shadow"}}
    opt["legend"] = {"bottom": 0}
    opt["grid"] = {"left": 130, "right": 60, "top": 48, "bottom": 48}
    opt["xAxis"] = {"type": "value", "name": unit, "max": round(max([*totals.values(), 1.0]) * 1.12, 1)}
    opt["yAxis"] = {"type": "category", "inverse": True, "data": [
        {"value": label(r), **({"textStyle": {"fontWeight": "bold", "color": PALETTE[1]}} if r == highlight else {})}
        for r in regions]}
    opt["series"] = []
    for i, name in enumerate(names):
        data = []
        for r in regions:
            item: dict[str, Any] = {"value": round(float(parts[r].get(name, 0.0)), 4)}
            if highlight is not None and r != highlight:
                item["itemStyle"] = {"opacity": 0.5}
            if i == len(names) - 1:
                item["label"] = {"show": True, "position": "right", "formatter": number(totals[r], decimals)}
            data.append(item)
        opt["series"].append({"name": (display or {}).get(name, name), "type": "bar", "stack": "total", "barMaxWidth": 28, "data": data})
    return opt
