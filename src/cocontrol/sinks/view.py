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
    "projects": ("海草床、盐沼修复项目", "Seagrass and salt-marsh restoration projects"),
    "project": ("项目", "Project"), "place": ("地点", "Site"), "area": ("面积", "Area"),
    "ha": ("公顷", "ha"), "mu": ("亩", "mu"), "method": ("方法", "Method"),
    "planted": ("种植株数", "Shoots planted"), "seeds": ("播撒种子数", "Seeds sown"),
    "period": ("开始—结束", "Start–end"), "care": ("管护年限", "Years of care"),
    "thresholds": ("成活率阈值（植株／幼苗）", "Survival thresholds (shoots / seedlings)"),
    "date": ("监测日期", "Survey date"), "density": ("株密度（株/平方米）", "Shoots per m²"),
    "shoot": ("植株成活率", "Shoot survival"), "emergence": ("幼苗出苗率", "Seedling emergence"),
    "seedling": ("幼苗成活率", "Seedling survival"), "cover": ("覆盖度", "Cover"),
    "verdict": ("状态", "Status"),
    "range": ("年碳汇（吨CO2，低—中—高）", "Yearly sink (t CO2, low–central–high)"),
    "stock": ("现存生物量碳储量（一次性，吨CO2）", "Standing biomass stock (one-off, t CO2)"),
    "no_projects": ("所选地区尚未登记修复项目。", "No restoration project stored for this region."),
    "upload": ("登记修复项目表", "Store a restoration project workbook"),
    "file": ("修复项目表（Excel 工作簿）", "Project workbook (Excel)"),
    "template": ("下载修复项目表模板", "Download the workbook template"),
    "store": ("登记", "Store"),
    "stored": ("已登记“{name}”，新增监测 {n} 次。", "Stored “{name}”: {n} new survey(s)."),
    "upload_note": ("同名项目再次登记只追加新日期的监测；项目参数或已登记监测的数值不同则整表拒绝，不改动已有数据。",
                    "A project stored again only adds surveys of new dates; different project "
                    "figures or a changed stored survey refuse the whole workbook."),
    "years": ("年", "years"),
}
VERDICT_EN = {"达标": "meets thresholds", "未达标": "below threshold", "数据不全": "incomplete",
              "管护期外": "after the care period", "未监测": "not surveyed"}
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


def _pct(value: float | None) -> str:
    return "—" if value is None or pd.isna(value) else f"{value * 100:.1f}%"


def projects_view(projects: list, lang: str) -> list[dict[str, Any]]:
    """The stored projects of the chosen region as the page lists them, from
    :func:`cocontrol.sinks.restoration.assess` (nothing computed here)."""
    from cocontrol.sinks.restoration import assess

    i = 0 if lang == "zh" else 1
    types = SINK_TYPES if i == 0 else TYPES_EN
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
                            verdict if i == 0 else VERDICT_EN.get(verdict, verdict), verdict])
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
            "notes": result["eligibility"] if i == 0 else [],
            "data": WORDS["real"][i] if sp.label == "real" else WORDS["illustrative"][i],
            "note": sp.note if i == 0 else "",
        })
    return out


PROBLEM_ZH = {
    "missing value": "缺少数值", "missing column": "缺少列", "missing sheet": "缺少工作表",
    "not a number": "不是数字", "not a date": "不是日期", "cannot read the value": "无法识别",
    "share out of range": "比例超出 0–100%", "area must be > 0": "面积须大于 0",
    "not a readable Excel workbook": "不是可读取的 Excel 工作簿",
    "the project is stored already with another value; nothing stored":
        "该项目已登记且此项数值不同，整表未登记",
    "a survey of this date is stored already with another value; nothing stored":
        "该日期的监测已登记且数值不同，整表未登记",
}
COLUMN_ZH = {"date": "日期", "shoot_density": "株密度(株/平方米)", "shoot_survival": "植株成活率(%)",
             "seedling_emergence": "幼苗出苗率(%)", "seedling_survival": "幼苗成活率(%)",
             "cover": "覆盖度(%)", "biomass": "生物量(克干重/平方米)"}


def problem_text(problem: Any, lang: str, file: str) -> str:
    """One workbook problem in the page's language: sheet, row, column, what is wrong."""
    column = COLUMN_ZH.get(problem.column, problem.column) if problem.column else None
    if lang != "zh":  # the workbook's own (Chinese) sheet and column names
        return str(problem.__class__(**{**problem.__dict__, "file": file, "column": column}))
    where = [f"文件“{file}”"]
    if problem.sheet:
        where.append(f"工作表“{problem.sheet}”")
    if problem.row is not None:
        where.append(f"第{problem.row}行")
    if column:
        where.append(f"“{column}”列")
    text = PROBLEM_ZH.get(problem.message, "数据有误")
    if problem.expected and not any(c.isascii() and c.isalpha() for c in problem.expected):
        text += f"，应为 {problem.expected}"
    elif problem.expected and problem.message.startswith(("the project", "a survey")):
        text += f"，已登记为 {problem.expected}"
    if problem.found is not None:
        text += f"，实为 {problem.found}"
    return "".join(where[:1]) + "，".join(["", *where[1:]]) + "：" + text
