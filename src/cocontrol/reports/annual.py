"""Annual evaluation (年度减污降碳协同成果评价报告) assembled from the layers' results.

Structure after the seed plans' evaluation clauses (威海 pilot: "开展年度减污降碳协同成果评价";
荣成 "十四五" plan: annual review of 目标指标、重点任务、重大工程): 一、总体情况;
二、目标指标完成情况; 三、温室气体与大气污染物排放; 四、减污降碳协同成效; 五、同类城市比较
(:mod:`cocontrol.reports.peers`); 六、重点任务进展; 七、存在问题; 八、下一步工作; annex 方法与数据来源. Every number comes from a layer result or a
plan; where a layer is missing the section says "本节数据暂缺：…".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pandas as pd

from cocontrol.data.names import label
from cocontrol.errors import CocontrolError
from cocontrol.figures import convention, display, figure
from cocontrol.figures.emissions import (
    co2_by_sector,
    co2_by_year,
    latest_year,
    species_totals,
)
from cocontrol.figures.synergy import elasticity_rows, sector_changes
from cocontrol.figures.targets import NO_DATA, peak_goal, status_counts, target_figures
from cocontrol.plans.model import Binding
from cocontrol.reports import charts
from cocontrol.reports.dispatch import (
    problem_mask,
    status_column,
    target_id,
    target_quotes,
    target_units,
    unit_summary,
    warnings_table,
)
from cocontrol.reports.model import AnnexEntry, Column, Figure, Report, Section, Table
from cocontrol.reports.peers import peer_section
from cocontrol.reports.synergy_tables import SYNERGY_TABLES, synergy_table
from cocontrol.reports.tables import RELATIONS, SPECIES, frame_table, sector_names
from cocontrol.reports.workspace import LAYER_NAMES, Results

TARGET_COLUMNS = ["indicator", "target_year", "relation", "target_value", "qualitative", "unit",
                  "latest_year", "latest_value", "status_label", "forecast", "reason"]




def gap(text: str) -> str:
    return f"本节数据暂缺：{text}。"


def _plan_names(res: Results) -> str:
    names = [f"《{d.plan.title}》" + (f"（{d.plan.doc_number}）" if d.plan.doc_number else "")
             for d in res.plans]
    return "、".join(names)


def _illustrative(res: Results) -> bool:
    return any("label" in f.columns and (f["label"] == "illustrative").any()
               for f in (res.activity, res.statistics, res.observations))


def _co2_by_year(res: Results) -> dict[int, float]:
    """Figure ``co2`` by year in its display unit (万吨), as :mod:`cocontrol.figures` defines it."""
    spec = figure("co2")
    return {y: float(spec.scaled(v)) for y, v in co2_by_year(res.emissions).items()}


def _figures(res: Results) -> dict[str, dict]:
    """Published status figures of every target (status with its basis: :mod:`cocontrol.figures.targets`)."""
    return target_figures(res.status)


def _summary(res: Results) -> Section:
    """一页摘要: headline figures, status counts and the lagging targets with their 责任单位."""
    sec = Section("摘要")
    figs = _figures(res)
    if res.plans:
        n_tasks = sum(len(d.tasks) for d in res.plans)
        text = f"依据{_plan_names(res)}评价{res.region}{res.year}年度工作。方案共有重点任务{n_tasks}项、目标指标"
        if figs:
            parts = "、".join(f"{k}{v}项" for k, v in status_counts(figs).items())
            text += f"{len(figs)}项，其中{parts}。"
        else:
            text += f"{sum(len(d.targets) for d in res.plans)}项。"
        sec.add(text)
    else:
        sec.add(gap(f"没有{res.region}的规划方案，无法评价目标完成情况"))
    rows = _headline_rows(res)
    if rows:
        sec.add(Table("主要数据（直接排放，范围一）", [Column("数据项"), Column("年份"), Column("数值"), Column("单位"),
                                                 Column("比上年变化", "%", 1)], rows,
                      note="比上年变化 = 本年 ÷ 上年 − 1，负值表示下降。" + (
                          "部分数据为示例数据，仅用于演示，不得作为正式数据引用。" if _illustrative(res) else ""),
                      sheet="主要数据"))
    lagging = _lagging(res)
    if lagging:
        shown = lagging[:3]
        more = f"（前{len(shown)}项，全部{len(lagging)}项见Excel工作簿）" if len(lagging) > len(shown) else ""
        sec.add(Table(f"滞后或存在风险的目标指标{more}", [Column("指标"), Column("状态"), Column("判定依据"),
                                                      Column("责任单位")], shown, sheet="滞后目标"))
    elif figs:
        sec.add("经评价，未发现滞后或存在风险的目标指标。")
    if _illustrative(res) and not rows:
        sec.add("说明：部分数据为示例数据，仅用于演示，不得作为正式数据引用。")
    return sec


def _headline_rows(res: Results) -> list[list]:
    """CO2 and APeq of the evaluation year (else the latest before it) with the change on the year before."""
    from cocontrol.figures.emissions import apeq_by_year

    rows = []
    for key, values in (("co2", co2_by_year(res.emissions)), ("apeq", _safe_apeq(res, apeq_by_year))):
        y = latest_year(values, res.year)
        if y is None:
            continue
        spec = figure(key)
        change = (values[y] / values[y - 1] - 1) * 100 if values.get(y - 1) else None
        rows.append([spec.name_zh, y, display(key, values[y]), spec.display_unit,
                     figure("co2_change_rate").scaled(change)])
    return rows


def _safe_apeq(res: Results, fn) -> dict[int, float]:  # type: ignore[no-untyped-def]
    try:
        return fn(res.emissions)
    except CocontrolError:
        return {}


def _lagging(res: Results) -> list[list]:
    """Targets 严重滞后 or 存在风险: indicator, status, basis, responsible units (严重滞后 first)."""
    figs = _figures(res)
    owners = target_units(res.plans)
    names = {str(r["target_id"]): r["indicator"] for r in res.status.to_dict("records")} if res.status is not None else {}
    out = []
    for order in ("严重滞后", "存在风险"):
        for tid, f in figs.items():
            if f["status"] == order:
                out.append([names.get(tid, tid), f["status"], f["basis"], "、".join(owners.get(tid, [])) or "未明确"])
    return out


def _binding_of(res: Results) -> dict[str, str]:
    return {target_id(d, i): str(t.binding) for d in res.plans for i, t in enumerate(d.targets) if t.binding}


def _target_text(r: dict) -> str:
    """目标 as one phrase: 2025年不低于7%, 2030年下降68%, or the qualitative requirement."""
    relation = r.get("judged_relation") if isinstance(r.get("judged_relation"), str) else r.get("relation")
    year = f"{int(r['target_year'])}年" if pd.notna(r.get("target_year")) else ""
    if pd.isna(r.get("target_value")):
        return year + (str(r.get("qualitative")) if isinstance(r.get("qualitative"), str) else "定性要求")
    unit = r.get("unit") if isinstance(r.get("unit"), str) else ""
    if (peak := peak_goal(unit, r.get("relation"), r.get("target_value"))) is not None:
        return peak  # 2030年前达峰
    return f"{year}{RELATIONS.get(str(relation), '')}{_num(r.get('target_value'))}{unit}"


def _target_rows(res: Results, part: pd.DataFrame) -> list[list]:
    figs = _figures(res)
    rows = []
    for r in part.to_dict("records"):
        f = figs.get(str(r["target_id"]), {"status": NO_DATA, "basis": ""})
        rows.append([r["indicator"], _target_text(r), f["basis"] or "—", f["status"]])
    return rows


TARGET_HEADER = [Column("指标"), Column("目标"), Column("最新值（年份）"), Column("状态")]


def _targets(res: Results) -> Section:
    sec = Section("目标指标完成情况")
    status = res.status
    if status is None or status.empty:
        sec.add(gap(res.gaps.get("tracking", "目标跟踪结果为空")))
        rows = [{"indicator": t.indicator, "target_year": t.year, "relation": str(t.relation),
                 "target_value": t.value, "unit": t.unit, "binding": t.binding}
                for d in res.plans for t in d.targets if t.value is not None]
        if rows:
            sec.add("以下列出规划方案确定的量化目标，完成情况待目标跟踪结果补齐后评价。")
            sec.add(frame_table(pd.DataFrame(rows), "规划量化目标", sheet="规划量化目标"))
        return sec
    frame = status.copy()
    binding = _binding_of(res)
    frame["binding"] = frame["target_id"].map(binding) if "target_id" in frame else None
    if "target_id" in frame and "qualitative" not in frame:
        qualitative = {target_id(d, i): t.qualitative for d in res.plans for i, t in enumerate(d.targets)}
        frame["qualitative"] = frame["target_id"].map(qualitative)
    groups = [(b.value, frame[frame["binding"] == b.value]) for b in Binding]
    other = frame[~frame["binding"].isin([b.value for b in Binding])]
    if other.shape[0] == frame.shape[0]:
        groups = [("", frame)]
    elif not other.empty:
        groups.append(("未标注属性", other))
    note = "“最新值（年份）”为状态所依据的数值；“基期值”为规划基期数据，其后尚无监测值。预测值和判定说明见Excel工作簿。"
    source = _plan_names(res)
    figs = _figures(res)
    for name, part in groups:
        if part.empty:
            continue
        shown = [figs.get(str(t), {}).get("status", NO_DATA) for t in part["target_id"]]
        attention = part[[s in ATTENTION for s in shown]]
        caption = f"{name}指标中滞后或存在风险的目标" if name else "滞后或存在风险的目标"
        blocks: list[Table | str] = []
        if not attention.empty:
            blocks.append(Table(caption, TARGET_HEADER, _target_rows(res, attention), note=note, source=source,
                                sheet=caption[:20]))
        blocks.append(_others_line(shown, first=attention.empty))
        if name:
            sub = Section(f"{name}指标")
            sub.add(f"{name}指标共{len(part)}项。")
            for b in blocks:
                sub.add(b)
            sec.add(sub)
        else:
            for b in blocks:
                sec.add(b)
    return sec


ATTENTION = ("严重滞后", "存在风险")
"""Statuses listed target by target in the report's status chapter; the others are counted in one
line and listed in the Excel workbook (目标状态, the same columns), so a city with 86 targets stays about
15 pages (issue 9, item 7)."""


def _others_line(shown: list[str], *, first: bool) -> str:
    """One line counting the targets of a group not listed: 其余52项（已完成3项、进度正常49项）明细见…"""
    rest = [s for s in shown if s not in ATTENTION]
    if not rest:
        return "上表列出本类全部目标。"
    parts = "、".join(f"{k}{v}项" for k, v in status_counts([{"status": s} for s in rest]).items())
    head = f"{len(rest)}项目标中没有滞后或存在风险的目标（{parts}）" if first else f"其余{len(rest)}项目标{parts}"
    return f"{head}，明细见Excel工作簿“目标状态”表。"


def _target_detail(res: Results) -> Table | None:
    """Every target with forecast and reason (Excel workbook only)."""
    if res.status is None or res.status.empty:
        return None
    figs = _figures(res)
    frame = res.status.copy()
    if "judged_relation" in frame.columns:
        frame["relation"] = frame["judged_relation"].fillna(frame["relation"])
    frame["status_label"] = [figs.get(str(t), {}).get("status", NO_DATA) for t in frame["target_id"]]
    frame["latest_value"] = [figs.get(str(t), {}).get("latest_value") for t in frame["target_id"]]
    frame["latest_year"] = [figs.get(str(t), {}).get("latest_year") for t in frame["target_id"]]
    frame["basis"] = [figs.get(str(t), {}).get("basis") or None for t in frame["target_id"]]
    cols = ["indicator", "target_year", "relation", "target_value", "unit", "latest_year",
            "latest_value", "basis", "status_label", "forecast", "reason"]
    table = frame_table(frame, "目标指标完成情况明细", cols, sheet="目标明细", drop_empty=True)
    return Table(table.caption, [Column("判定依据") if c.label == "basis" else c for c in table.columns],
                 table.rows, sheet=table.sheet)


def _emissions(res: Results) -> Section:
    sec = Section("温室气体与大气污染物排放")
    em = res.emissions
    if em is None or em.empty:
        sec.add(gap(res.gaps.get("inventory", "排放清单结果为空")))
        return sec
    co2 = co2_by_year(em)
    y = latest_year(co2, res.year)
    if y is None:
        sec.add(gap(f"排放清单没有{res.year}年及以前的结果"))
        return sec
    text = f"排放清单核算结果显示，{y}年{res.region}二氧化碳排放量（直接排放）为{display('co2', co2[y], unit=True)}"
    if co2.get(y - 1):
        change = (co2[y] / co2[y - 1] - 1) * 100
        shown = figure("co2_change_rate").scaled(change)
        text += f"，比{y - 1}年{'下降' if shown < 0 else '上升' if shown > 0 else '持平'}" + (
            f"{display('co2_change_rate', abs(change))}%" if shown else "")
    text += "。" if y == res.year else f"（清单最新年份为{y}年，{res.year}年数据尚未核算）。"
    sec.add(text)
    sec.add(_species_table(em, y))
    sectors = co2_by_sector(em, y)
    if not sectors.empty:
        spec = figure("co2_sector")
        top = sectors.head(TOP_SECTORS)
        rows = [[r["sector"], spec.scaled(r["co2"]), figure("share").scaled(r["share"])] for r in top.to_dict("records")]
        if len(sectors) > TOP_SECTORS:
            rest = sectors.iloc[TOP_SECTORS:]
            rows.append(["其他", spec.scaled(rest["co2"].sum()), figure("share").scaled(rest["share"].sum())])
        names = sector_names()
        rows = [[names.get(r[0], r[0]), r[1], r[2]] for r in rows]
        sec.add(Table(f"{y}年分部门二氧化碳排放量", [Column("部门"), Column(spec.name_zh, spec.display_unit, spec.decimals),
                                                  Column("占比", "%", figure("share").decimals)], rows,
                      note="直接排放（范围一）口径。", sheet="分部门二氧化碳"))
    trend = _co2_by_year(res)
    if len(trend) > 1:
        sec.add(Figure(charts.line_chart({"二氧化碳排放量": trend}, f"{res.region}二氧化碳排放量（直接排放）", "万吨"),
                       "二氧化碳排放量变化趋势", width_cm=12.0))
        from cocontrol.data.boundaries import boundary_note

        note = boundary_note(res.region, list(trend), res.activity)  # 济南 + 莱芜 (2019): restated or a break
        if note:
            sec.add(note)
    if res.indicators is not None and not res.indicators.empty:
        sec.add("单位地区生产总值二氧化碳排放、能耗等派生指标见Excel工作簿。")
    else:
        sec.add(gap(res.gaps.get("indicators", "派生指标结果为空")))
    return sec


def _series_detail(res: Results) -> Table | None:
    """Figures ``co2`` and ``apeq`` by year (Excel workbook)."""
    from cocontrol.figures.emissions import apeq_by_year

    co2, apeq = co2_by_year(res.emissions), _safe_apeq(res, apeq_by_year)
    years = sorted(y for y in set(co2) | set(apeq) if y <= res.year)
    if not years:
        return None
    c, a = figure("co2"), figure("apeq")
    rows = [[y, c.scaled(co2.get(y)), a.scaled(apeq.get(y))] for y in years]
    return Table("分年度二氧化碳排放量与大气污染物当量",
                 [Column("年份"), Column(c.name_zh, c.display_unit, c.decimals), Column(a.name_zh, a.display_unit, a.decimals)],
                 rows, note="直接排放（范围一）口径。", sheet="分年度排放")


def _formulas(res: Results) -> list[list[str]]:
    """[indicator's name, formula] of every derived indicator (附件 → Excel workbook)."""
    ind = res.indicators
    if ind is None or "formula" not in ind.columns:
        return []
    return [[r["label"] if isinstance(r.get("label"), str) else r["indicator"], str(r["formula"])]
            for _, r in ind.drop_duplicates("indicator").iterrows()]


def _formula_table(res: Results) -> Table | None:
    rows = _formulas(res)
    return Table("派生指标计算口径", [Column("指标"), Column("计算公式")], rows, sheet="计算口径",
                 source=METHOD_SOURCES["indicators"]) if rows else None


def _notes_table(res: Results) -> Table | None:
    notes = getattr(res.synergy, "notes", None) or []
    return Table("协同评价数据说明", [Column("说明")], [[str(n)] for n in notes], sheet="数据说明") if notes else None


def _indicator_detail(res: Results) -> Table | None:
    ind = res.indicators
    if ind is None or ind.empty:
        return None
    rows = ind[ind["year"] <= res.year] if "year" in ind else ind
    if "label" in rows.columns:  # derive() gives the Chinese name in ``label``
        rows = rows.assign(indicator=rows["label"].fillna(rows["indicator"]))
    return frame_table(rows, "派生指标", ["indicator", "year", "value", "unit"], note="计算口径见附件。",
                       sheet="派生指标")


TOP_SECTORS = 10


def _species_table(em: pd.DataFrame, year: int) -> Table:
    """Totals per species for ``year`` and the year before (CO2 in 万吨, others in 吨), change in %."""
    totals = species_totals(em, [year - 1, year])
    prev, cur = f"{year - 1}年", f"{year}年"
    rows = []
    for species, group in totals.groupby("species", sort=False):
        key = "co2" if species in ("CO2", "CO2e") else "pollutant"
        spec = figure(key)
        vals = {int(r["year"]): float(r["value"]) for r in group.to_dict("records")}
        a, b = vals.get(year - 1), vals.get(year)
        change = (b / a - 1) * 100 if a and b is not None else None
        rows.append([SPECIES.get(str(species), str(species)), spec.display_unit,
                     display(key, a) if a is not None else None,
                     display(key, b) if b is not None else None,
                     figure("co2_change_rate").scaled(change)])
    order = {n: i for i, n in enumerate(["二氧化碳", "温室气体（二氧化碳当量）", "二氧化硫", "氮氧化物"])}
    rows.sort(key=lambda r: order.get(r[0], 99))
    return Table(f"{year}年主要排放物排放量", [Column("排放物"), Column("单位"), Column(prev), Column(cur),
                                             Column("变化率", "%", 1)], rows, sheet="排放总量",
                 note="直接排放（范围一）口径；温室气体当量按 IPCC 第五次评估报告（AR5）全球增温潜势折算；"
                      + convention("change_zh"))


IN_REPORT = ("index",)
"""Synergy tables printed in the report; the others (coupling, decoupling, LMDI) go to the workbook."""
TOP_CHANGES = 10


def _synergy(res: Results) -> Section:
    sec = Section("减污降碳协同成效")
    result = res.synergy
    if result is None:
        sec.add(gap(res.gaps.get("synergy", "协同评价结果为空")))
        return sec
    frame = getattr(result, "index", None)
    if isinstance(frame, pd.DataFrame) and not frame.empty:
        spec = next(x for x in SYNERGY_TABLES if x.attr == "index")
        table = synergy_table(frame, spec, res.region, res.year)
        if table is not None:
            sec.add(table)
        series = frame[(frame["region"] == res.region) & (frame["year"] <= res.year)].set_index("year")["index"]
        if len(series) > 1:
            points = {int(k): float(v) for k, v in series.items()}
            sec.add(Figure(charts.line_chart({"综合指数": points}, "减污降碳协同度综合指数", "指数（0–100）"),
                           "协同度综合指数变化", width_cm=12.0))
    el = _elasticity_table(res)
    if el is not None:
        sec.add(el)
    ch = _sector_change_table(res, TOP_CHANGES)
    if ch is not None:
        sec.add(ch)
    sec.add("耦合协调度、脱钩状态和排放变化因素分解（LMDI）见Excel工作簿。")
    if getattr(result, "notes", None):
        sec.add("部分评价指标因数据不足未纳入计算，详见附件。")
    return sec


def _elasticity_table(res: Results) -> Table | None:
    """Figures ``apeq_change_rate``, ``co2_change_rate``, ``els`` and the reading by period."""
    frame = elasticity_rows(res.emissions, res.year)
    if frame.empty:
        return None
    ra, rc, els = figure("apeq_change_rate"), figure("co2_change_rate"), figure("els")
    rows = [[f"{int(r['base_year'])}→{int(r['target_year'])}", ra.scaled(r["apeq_change_rate"]),
             rc.scaled(r["co2_change_rate"]), els.scaled(r["els"]), r["reading"]] for r in frame.to_dict("records")]
    return Table("减污降碳协同效应弹性系数", [Column("时段"), Column(ra.name_zh, "%", ra.decimals),
                                          Column(rc.name_zh, "%", rc.decimals), Column("弹性系数Els", None, els.decimals),
                                          Column("协同类型")], rows,
                 note=convention("change_zh") + "类型由同一行显示的两项变化率的符号判定。", sheet="弹性系数")


def _sector_change_table(res: Results, top: int | None = None) -> Table | None:
    """Figures ``apeq_change``, ``co2_change`` and ``synergy_class`` by sector (largest |ΔCO2| first)."""
    base, target, frame = sector_changes(res.emissions, res.year)
    if frame.empty:
        return None
    names = sector_names()
    dc, da = figure("co2_change"), figure("apeq_change")
    part = frame.head(top) if top else frame
    rows = [[names.get(r["sector"], r["sector"]), da.scaled(r["apeq_change"]), dc.scaled(r["co2_change"]),
             r["synergy_class"]] for r in part.to_dict("records")]
    more = f"变化最大的{top}个部门，全部{len(frame)}个部门见Excel工作簿。" if top and len(frame) > top else ""
    return Table(f"分部门减污降碳协同类型（{'' if top else '全部部门，'}{base}→{target}年）",
                 [Column("部门"), Column(da.name_zh, da.display_unit, da.decimals),
                  Column(dc.name_zh, dc.display_unit, dc.decimals), Column("协同类型")], rows,
                 note=more + convention("change_zh"), sheet="分部门协同类型")


def _synergy_detail(res: Results) -> list[Table]:
    result = res.synergy
    out: list[Table] = []
    if result is None:
        return out
    for spec in SYNERGY_TABLES:
        if spec.attr in IN_REPORT:
            continue
        frame = getattr(result, spec.attr, None)
        if isinstance(frame, pd.DataFrame) and not frame.empty:
            table = synergy_table(frame, spec, res.region, res.year)
            if table is not None:
                out.append(table)
    full = _sector_change_table(res)
    if full is not None:
        out.append(full)
    return out


def _tasks(res: Results) -> Section:
    sec = Section("重点任务进展")
    if not res.plans:
        sec.add(gap("没有规划方案，无法列出责任单位的重点任务"))
        return sec
    summary = unit_summary(res)
    lagging = summary[summary["滞后或有风险"] > 0]
    sec.add(f"规划方案涉及责任单位{len(summary)}个，其中{len(lagging)}个单位有滞后或存在风险的目标指标（下表）。"
            "全部责任单位的任务与目标情况、预警事项见Excel工作簿，逐项调度情况见调度表。")
    if not lagging.empty:
        sec.add(frame_table(lagging, "有滞后或风险目标的责任单位", sheet="责任单位"))
    return sec


def _task_detail(res: Results) -> list[Table]:
    if not res.plans:
        return []
    out = [frame_table(unit_summary(res), "责任单位重点任务与目标情况", sheet="责任单位汇总")]
    if res.warnings is not None and not res.warnings.empty:
        out.append(warnings_table(res.warnings))
    return out


def problem_rows(res: Results) -> pd.DataFrame:
    """Targets whose status label says they lag or are at risk."""
    if res.status is None or res.status.empty:
        return pd.DataFrame()
    figs = _figures(res)  # a status without its basis is published as 无数据 (cocontrol.figures.targets)
    shown = res.status["target_id"].astype(str).map(lambda t: figs.get(t, {}).get("status", NO_DATA))
    return res.status[problem_mask(res.status) & (shown != NO_DATA)]


PROBLEMS_SHOWN = 6
"""存在问题 and 下一步工作 name at most this many targets (units): the report stays about 15 pages;
every lagging target is in the Excel workbook (滞后目标（全部）)."""


def _worst_first(res: Results, rows: pd.DataFrame) -> pd.DataFrame:
    """Problem rows 严重滞后 before 存在风险, plan order within each."""
    figs = _figures(res)
    rank = rows["target_id"].astype(str).map(lambda t: 0 if figs.get(t, {}).get("status") == "严重滞后" else 1)
    return rows.assign(_rank=rank.to_numpy()).sort_values("_rank", kind="stable").drop(columns="_rank")


def _num(value: object) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):g}"  # type: ignore[arg-type]


_BOOKMARK = re.compile(r"\[bookmark:[^\]]*(?:\]|$)")
QUOTE_CHARS = 120
"""A plan quote in the 存在问题 list is cut after this many characters (……): a sentence read
from a table may run on into the next rows."""


def _short_quote(quote: str | None) -> str:
    """The plan's sentence without Word bookmark marks, at most :data:`QUOTE_CHARS` characters."""
    text = _BOOKMARK.sub("", quote or "").strip()
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rstrip("，、；：") + "……"


def _problems(res: Results) -> Section:
    sec = Section("存在问题")
    rows = problem_rows(res)
    if res.status is None:
        sec.add(gap(res.gaps.get("tracking", "目标跟踪结果为空")))
    elif rows.empty:
        sec.add("经评价，未发现滞后或存在风险的量化目标指标。")
    else:
        col = status_column(rows)
        quotes = target_quotes(res.plans)
        for _, r in _worst_first(res, rows).head(PROBLEMS_SHOWN).iterrows():
            unit = r.get("unit") or ""
            relation = r.get("judged_relation") if isinstance(r.get("judged_relation"), str) else r.get("relation")
            text = (f"{r['indicator']}：" if pd.isna(r.get("target_value"))  # qualitative: the reason says it
                    else f"{r['indicator']}：目标为{r.get('target_year') or ''}年"
                         f"{RELATIONS.get(str(relation), '')}{_num(r.get('target_value'))}{unit}，")
            basis = _figures(res).get(str(r.get("target_id")), {}).get("basis")
            if basis:
                text += f"最新为{basis}，"
            text += f"评价为“{r[col]}”。"
            if isinstance(r.get("reason"), str) and r["reason"]:
                text += r["reason"].rstrip("。") + "。"
            quote = _short_quote(quotes.get(str(r.get("target_id"))))
            if quote:
                text += f"（规划原文：“{quote}”）"
            sec.add(text)
        if len(rows) > PROBLEMS_SHOWN:
            sec.add(f"以上为最突出的{PROBLEMS_SHOWN}项，全部{len(rows)}项滞后或存在风险的目标见Excel工作簿。")
    missing = [text for layer, text in res.gaps.items() if layer in LAYER_NAMES]
    if missing:
        sec.add("数据支撑不足：" + "；".join(missing) + "。")
    return sec


def _next_steps(res: Results) -> Section:
    sec = Section("下一步工作")
    rows = problem_rows(res)
    owners = target_units(res.plans)
    by_units: dict[str, list[str]] = {}  # one sentence per group of units, worst targets first
    for _, r in (_worst_first(res, rows) if not rows.empty else rows).iterrows():
        units = "、".join(owners.get(str(r.get("target_id")), [])) or "相关责任单位"
        names = by_units.setdefault(units, [])
        if r["indicator"] not in names:
            names.append(r["indicator"])
    for units, names in list(by_units.items())[:PROBLEMS_SHOWN]:
        if len(names) == 1:
            sec.add(f"督促{units}对照“{names[0]}”目标加快推进相关工作，按月调度进展。")
        else:
            quoted = "".join(f"“{n}”" for n in names[:3])  # GB/T 15834: no 顿号 between quoted items
            sec.add(f"督促{units}对照{quoted}等{len(names)}项目标加快推进相关工作，按月调度进展。")
    if len(by_units) > PROBLEMS_SHOWN:
        sec.add(f"其余{len(by_units) - PROBLEMS_SHOWN}组责任单位的滞后目标见Excel工作簿。")
    if res.gaps:
        sec.add("补齐评价所需数据：" + "；".join(res.gaps.values()) + "。")
    sec.add("按规划方案要求，定期调度各责任单位目标任务进展，开展年度减污降碳协同成果评价，评价结果向市政府报告。")
    return sec


METHODS = {
    "tracking": ("目标完成情况研判", (
        "对每项量化目标，取评价年度及以前的最新监测值，与目标值及从基期到目标年的进度要求比较，"
        "并按趋势外推预测目标年数值（给出90%区间）：已达到目标为“已完成”；预测可达标且进度滞后不超过"
        "所需变化量10%为“进度正常”；预测差距不超过25%或进度滞后较多为“存在风险”；差距更大或目标年已过"
        "未达标为“严重滞后”；无可用监测值为“无数据”。定性目标按填报的完成情况判断。")),
    "inventory": ("温室气体与大气污染物排放清单", (
        "排放量 = 活动水平 × 排放因子 × (1 − Σ 治理技术普及率 × 去除效率)，按部门、燃料、排放物汇总，"
        "报告中的排放总量为直接排放（范围一）口径；"
        "温室气体按 IPCC 第五次评估报告（AR5）全球增温潜势折算为二氧化碳当量。大气污染物排放因子默认采用"
        "团体标准 T/CSES 144—2024《城市大气污染源排放清单编制技术指南》（该标准未给出数值的沿用原值并注明未核实），"
        "去除效率为该标准表A.1的平均去除效率乘以设施投运率。")),
    "indicators": ("派生指标", "单位GDP二氧化碳排放、单位GDP能耗、非化石能源比重、污染物减排率等由清单与统计数据计算，"
                              "GDP按基准年不变价，各指标计算口径如下。"),
    "synergy": ("减污降碳协同评价", (
        "大气污染物按污染当量折算为大气污染物当量（APeq）；协同控制坐标与协同效应弹性系数（Els）比较"
        "大气污染物当量与二氧化碳的相对削减；Tapio脱钩弹性判断排放与经济增长的脱钩状态；LMDI分解人口、"
        "经济发展、能源强度和碳排放强度效应；协同度综合指数按熵权与层次分析法组合赋权（0–100）；"
        "耦合协调度D = √(C × T)。")),
    "peers": ("同类城市比较", (
        "将工作区中有数据的各城市合并为一个面板，统一标准化、统一赋权计算协同度综合指数，按评价年度"
        "（本市有指数的最近年份）排名（指数最高为第1，并列取最好名次）；各指标贡献 = 100 × 权重 × "
        "标准化值，之和等于综合指数，据此给出各指标名次与首位城市的差距。")),
}


METHOD_SOURCES = {
    "tracking": "各规划方案文本；各责任单位填报数据",
    "inventory": "IPCC 2006年国家温室气体清单指南；省级温室气体清单编制指南（试行）；大气污染物排放清单编制技术指南（2014）",
    "indicators": "统计年鉴与统计公报；本平台排放清单",
    "synergy": "毛显强等（2012）协同控制坐标系；邢有凯等（2020）《中国环境管理》12(4)",
    "peers": "本平台同类城市面板；邢有凯等（2020）《中国环境管理》12(4)",
}
"""Where each method comes from, named as documents (the 附件 cites publications, not code)."""


def _source_text(source: str) -> str:
    """A data row's source as a reader reads it: demo data as 示例数据, never a script's path."""
    if source.startswith("illustrative") or re.search(r"\w+/\w+\.py|\.py\b", source):
        return label("label", "illustrative")
    return source


def _annex(res: Results) -> list[AnnexEntry]:
    entries = []
    for d in res.plans:
        p = d.plan
        meta = "，".join(x for x in (p.issuer, p.doc_number, f"{p.date:%Y年%-m月%-d日}" if p.date else None) if x)
        cited = None if re.search(r"\.[A-Za-z]{2,4}$", p.source or "") else p.source  # a file name is no citation
        entries.append(AnnexEntry(f"规划方案：{p.title}", meta or "（发文信息未录入）", cited))
    for name, frame in (("活动水平数据", res.activity), ("统计数据", res.statistics), ("指标监测值", res.observations)):
        if frame.empty:
            entries.append(AnnexEntry(name, "工作区中无此类数据。"))
            continue
        parts, labels = [], set()
        if "label" in frame.columns:
            labels = {label("label", k) for k in frame["label"].dropna().unique()}
            parts.append("，".join(f"{label('label', k)}{v}行" for k, v in frame["label"].value_counts().items()))
        if "source" in frame.columns:  # a source that only repeats the data's label is not said twice
            sources = sorted({_source_text(x) for x in frame["source"].dropna().astype(str)} - labels)
            shown = [x if len(x) <= 80 else x[:80] + "…" for x in sources[:3]]
            if shown:
                parts.append("来源：" + "；".join(shown) + (f"等{len(sources)}项" if len(sources) > 3 else ""))
        entries.append(AnnexEntry(name, "。".join(parts) or f"共{len(frame)}行。"))
    for layer, (name, text) in METHODS.items():
        if layer not in res.gaps and (layer != "peers" or res.peers is not None):
            entries.append(AnnexEntry(f"方法：{name}", text, METHOD_SOURCES.get(layer)))
    notes = getattr(res.synergy, "notes", None) or []
    if notes:  # one line here; every note in the workbook
        entries.append(AnnexEntry("协同评价数据说明", f"{len(notes)}项评价指标因数据不足未纳入计算，逐项说明见Excel工作簿。"
                                  if len(notes) > 3 else "；".join(str(n) for n in notes) + "。"))
    if _formulas(res):  # the formulas themselves fill pages: they go to the workbook
        entries.append(AnnexEntry("派生指标计算口径", f"{len(_formulas(res))}项派生指标的计算公式见Excel工作簿。",
                                  METHOD_SOURCES["indicators"]))
    entries.append(AnnexEntry("数据性质说明", f"{label('label', 'real')}有公开来源；{label('label', 'illustrative')}"
                                        "仅用于演示，不得作为正式数据引用。"))
    return entries


SECTIONS = (
    ("摘要", _summary),
    ("目标指标完成情况", _targets),
    ("温室气体与大气污染物排放", _emissions),
    ("减污降碳协同成效", _synergy),
    ("同类城市比较", peer_section),
    ("重点任务进展", _tasks),
    ("存在问题", _problems),
    ("下一步工作", _next_steps),
)


def _guarded(title: str, build: Callable[[Results], Section], res: Results) -> Section:
    """A section, or — when a layer's result cannot be read (e.g. a unit pint does not know) —
    the section with a 本节数据暂缺 line naming the problem, so one bad table never stops the report."""
    try:
        return build(res)
    except CocontrolError as exc:
        res.gaps.setdefault(f"section:{title}", f"{title}：{exc}")
        return Section(title, [gap(str(exc))])


def _peak_path(res: Results) -> list[Section]:
    """碳达峰路径 (:mod:`cocontrol.scenarios.report`) when the region has a scenario file."""
    from cocontrol.scenarios.report import TITLE, chapter_for

    try:
        chapter = chapter_for(res.region)
    except CocontrolError as exc:
        res.gaps.setdefault(f"section:{TITLE}", f"{TITLE}：{exc}")
        return [Section(TITLE, [gap(str(exc))])]
    return [] if chapter is None else [chapter]


def _blue_carbon(res: Results) -> list[Section]:
    """海洋碳汇（蓝碳）(:mod:`cocontrol.sinks.report`) when the region has blue-carbon data."""
    from cocontrol.sinks.report import TITLE, chapter

    try:
        found = chapter(res.region, res.year, res.emissions, projects=res.restoration)
    except CocontrolError as exc:
        res.gaps.setdefault(f"section:{TITLE}", f"{TITLE}：{exc}")
        return [Section(TITLE, [gap(str(exc))])]
    return [] if found is None else [found]


def build_annual(res: Results, *, date: dt.date | None = None, issuer: str = "") -> Report:
    """Assemble the annual evaluation report from gathered results."""
    sections = [_guarded(title, build, res) for title, build in SECTIONS]
    at = next(i for i, (title, _) in enumerate(SECTIONS) if title == "存在问题")
    sections[at:at] = _peak_path(res) + _blue_carbon(res)
    return Report(
        title=f"{res.region}{res.year}年度减污降碳协同增效工作评价报告",
        subtitle="（年度减污降碳协同成果评价）",
        issuer=issuer,
        date=date or dt.date.today(),
        sections=sections,
        annex=_annex(res),
        gaps=list(res.gaps.values()),
        workbook=_workbook(res),
    )


def _workbook(res: Results) -> list[Table]:
    """Detail tables for the Excel workbook only (附表): targets with forecast and reason, derived
    indicators, coupling / decoupling / LMDI, every sector's co-control class, units and warnings."""
    tables: list[Table | None] = []
    lagging = _lagging(res) if res.status is not None and not res.status.empty else []
    if lagging:
        tables.append(Table("滞后或存在风险的目标指标（全部）", [Column("指标"), Column("状态"), Column("判定依据"),
                                                         Column("责任单位")], lagging, sheet="滞后目标（全部）"))
    if res.status is not None and not res.status.empty:
        tables.append(Table("目标指标完成情况（全部）", TARGET_HEADER, _target_rows(res, res.status),
                            source=_plan_names(res), sheet="目标状态"))
    for build in (lambda: [_target_detail(res)], lambda: [_series_detail(res)], lambda: [_indicator_detail(res)], lambda: [_formula_table(res)], lambda: [_notes_table(res)],
                  lambda: _synergy_detail(res),
                  lambda: _task_detail(res)):
        try:
            tables += build()
        except CocontrolError:  # the section that prints this data already says 本节数据暂缺
            continue
    return [t for t in tables if t is not None]
