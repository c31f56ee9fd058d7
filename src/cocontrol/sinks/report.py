"""海洋碳汇（蓝碳）chapter of the annual report: blue carbon by type and site, and the city's CO2
net of all sinks (figures ``blue_carbon``, ``sinks``, ``net_co2`` of :mod:`cocontrol.figures`)."""

from __future__ import annotations

import pandas as pd

from cocontrol.data.names import label
from cocontrol.figures import display, figure
from cocontrol.figures.emissions import co2_by_year
from cocontrol.reports.model import Column, Section, Table
from cocontrol.sinks.blue import blue_carbon, net_co2_by_year, removals_by_year, sink_activity
from cocontrol.sinks.restoration import StoredProject, assess, merge_projects, project_activity
from cocontrol.sinks.table import SINK_TYPES

TITLE = "海洋碳汇（蓝碳）"


def chapter(region: str, year: int, emissions: pd.DataFrame | None,
            activity: pd.DataFrame | None = None,
            projects: list[StoredProject] | None = None) -> Section | None:
    """The chapter, or None when the region has no blue-carbon data up to ``year``.

    ``projects``: the restoration projects stored in the platform (they replace file rows of
    the same site, and get their own table: status of the latest survey and the sink range)."""
    projects = [p for p in projects or [] if p.region == region]
    activity = sink_activity(projects=projects) if activity is None else merge_projects(
        activity, project_activity(projects))
    table = blue_carbon(activity)
    mine = table[(table["region"] == region) & (table["year"] <= year)] if len(table) else table
    if mine.empty:
        return None
    total, blue = removals_by_year(activity, region)
    net = {n: v for n, v in net_co2_by_year(co2_by_year(emissions), total).items() if n <= year}
    # the year the inventory and the sinks share (the net figure's year), else the latest sinks year
    y = max(net) if net else int(mine["year"].max())
    latest = mine[mine["year"] == y]
    parts = "、".join(f"{SINK_TYPES[t]}{display('blue_carbon', v, unit=True)}"
                      for t, v in latest.groupby("sink_type")["removal_t"].sum().items())
    sec = Section(TITLE, [f"{y}年{region}蓝碳碳汇量为{display('blue_carbon', blue.get(y), unit=True)}"
                         f"二氧化碳，其中{parts}。"])
    if net:
        sec.add(f"{y}年二氧化碳直接排放量扣除全部碳汇（{display('sinks', total[y], unit=True)}）后，"
                f"净排放量为{display('net_co2', net[y], unit=True)}。")
    by_year = mine.pivot_table(index="year", columns="sink_type", values="removal_t",
                               aggfunc="sum", fill_value=0.0).sort_index()
    sec.add(Table("各年蓝碳碳汇量", [Column("年份")] + [
        Column(SINK_TYPES.get(c, c), "吨二氧化碳", 0) for c in by_year.columns],
        [[int(yr), *[float(v) for v in vals]] for yr, vals in zip(
            by_year.index, by_year.to_numpy(), strict=True)], sheet="蓝碳（分年）"))
    rows = [[SINK_TYPES.get(r.sink_type, r.sink_type), r.item, r.removal_t,
             label("param_status", r.status), label("data", "real" if r.label == "real" else "illustrative")]
            for r in latest.sort_values(["sink_type", "item"]).itertuples()]
    spec = figure("blue_carbon")
    sec.add(Table(f"{y}年蓝碳碳汇（分地点）", [Column("类型"), Column("地点/品种"),
                                           Column(spec.name_zh, "吨二氧化碳", spec.decimals),
                                           Column("参数状态"), Column("数据")], rows,
                  note="贝藻为可移出碳汇，不等同于永久封存；海草床、盐沼按面积×埋藏速率计，修复项目的区间另见修复项目核算；"
                       "“示例”数据仅作演示。", sheet="蓝碳"))
    if projects:
        sec.add(project_table(projects, year))
        surveys = survey_table(projects, year)
        if surveys.rows:
            sec.add(surveys)
        else:  # a table of dashes says less than one sentence
            sec.add(f"截至{year}年修复项目尚无监测结果。{surveys.note}")
    return sec


def survey_table(projects: list[StoredProject], year: int) -> Table:
    """每次监测（截至 ``year``）对照项目阈值的状态（没有监测时无行）。"""
    def pct(v: float | None) -> float | None:
        return None if v is None else v * 100

    rows = []
    for sp in projects:
        surveys = sp.surveys[sp.surveys["date"].dt.year <= year]
        for s in assess(sp.project, surveys)["surveys"]:
            rows.append([sp.project.name, s["date"], pct(s["shoot_survival"]),
                         pct(s["seedling_survival"]), pct(s["cover"]), s["status"]])
    return Table("修复项目监测结果", [Column("项目"), Column("监测日期"), Column("植株成活率", "%", 1),
                                      Column("幼苗成活率", "%", 1), Column("覆盖度", "%", 1),
                                      Column("状态")],
                 rows,
                 note="阈值为项目自定（威海：植株保存率不低于45%、种子实生苗保存率不低于30%，3年管护）。",
                 sheet="修复项目监测")


def project_table(projects: list[StoredProject], year: int) -> Table:
    """修复项目：面积、最近一次监测（截至 ``year``）的状态、年碳汇区间（低—高，中值）。"""
    rows = []
    for sp in projects:
        surveys = sp.surveys[sp.surveys["date"].dt.year <= year]
        result = assess(sp.project, surveys)
        last = result["surveys"][-1] if result["surveys"] else None
        rng = result["sink_t_per_year"]
        started = sp.project.start.year <= year
        status = (last["status"] if last else "未监测") if started else "尚未开工"
        rows.append([sp.project.name, SINK_TYPES.get(sp.project.sink_type, sp.project.sink_type),
                     sp.project.area_ha, sp.project.area_ha * 15,
                     last["date"] if last else "—", status,
                     *((rng["low"], rng["central"], rng["high"]) if started else (None,) * 3),
                     "实际" if sp.label == "real" else "示例"])
    return Table(f"海草床、盐沼修复项目（截至{year}年）", [
        Column("项目"), Column("类型"), Column("面积", "公顷", 2), Column("面积", "亩", 0),
        Column("最近监测"), Column("状态"), Column("年碳汇低值", "吨二氧化碳", 1),
        Column("年碳汇中值", "吨二氧化碳", 1), Column("年碳汇高值", "吨二氧化碳", 1), Column("数据")],
        rows, note="状态按项目自定的植株、幼苗成活率阈值判定（管护期内）；报告年度尚未开工的项目不列碳汇；碳汇区间=面积×最近一次监测覆盖度×"
                   "低、中、高沉积物埋藏速率×44/12，不含初级生产力；生物量碳储量为一次性储量，不计入年碳汇。",
        sheet="修复项目")
