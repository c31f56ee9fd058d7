"""Annual evaluation (年度减污降碳协同成果评价报告) assembled from the layers' results.

Structure after the seed plans' evaluation clauses (威海 pilot: "开展年度减污降碳协同成果评价";
荣成 "十四五" plan: annual review of 目标指标、重点任务、重大工程): 一、总体情况;
二、目标指标完成情况; 三、温室气体与大气污染物排放; 四、减污降碳协同成效; 五、同类城市比较
(:mod:`cocontrol.reports.peers`); 六、重点任务进展; 七、存在问题; 八、下一步工作; annex 方法与数据来源. Every number comes from a layer result or a
plan; where a layer is missing the section says "本节数据暂缺：…".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from cocontrol.errors import CocontrolError
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
from cocontrol.reports.model import AnnexEntry, Figure, Report, Section, Table
from cocontrol.reports.peers import peer_section
from cocontrol.reports.synergy_tables import SYNERGY_TABLES, synergy_table
from cocontrol.reports.tables import RELATIONS, SPECIES, frame_table
from cocontrol.reports.workspace import LAYER_NAMES, Results
from cocontrol.units import convert

TARGET_COLUMNS = ["indicator", "target_year", "relation", "target_value", "qualitative", "unit",
                  "latest_year", "latest_value", "status_label", "forecast", "reason"]




def gap(text: str) -> str:
    return f"本节数据暂缺：{text}。"


DIRECT_SCOPES = ("1", "scope1", "scope 1", "范围1", "范围一")


def direct_emissions(em: pd.DataFrame) -> pd.DataFrame:
    """Scope-1 rows (直接排放, territorial, the CEADs boundary) when the inventory has several
    scopes — the same boundary :mod:`cocontrol.indicators` uses, so purchased electricity is not
    counted twice with local power plants; every row otherwise."""
    if "scope" not in em.columns:
        return em
    scope = em["scope"].astype(str).str.strip()
    if scope.nunique() > 1 and scope.isin(DIRECT_SCOPES).any():
        return em[scope.isin(DIRECT_SCOPES)]
    return em


def _plan_names(res: Results) -> str:
    names = [f"《{d.plan.title}》" + (f"（{d.plan.doc_number}）" if d.plan.doc_number else "")
             for d in res.plans]
    return "、".join(names)


def _illustrative(res: Results) -> bool:
    return any("label" in f.columns and (f["label"] == "illustrative").any()
               for f in (res.activity, res.statistics, res.observations))


def _co2_by_year(res: Results) -> dict[int, float]:
    """CO2 totals of the region by year in 万吨 (inventory value is in the row's unit)."""
    em = res.emissions
    if em is None or em.empty:
        return {}
    em = direct_emissions(em)
    co2 = em[em["species"] == "CO2"]
    totals: dict[int, float] = {}
    for (year, unit), group in co2.groupby(["year", "unit"]):
        totals[int(year)] = totals.get(int(year), 0.0) + convert(float(group["value"].sum()), str(unit), "万吨")
    return totals


def _overview(res: Results) -> Section:
    sec = Section("总体情况")
    if res.plans:
        n_targets = sum(len(d.targets) for d in res.plans)
        n_tasks = sum(len(d.tasks) for d in res.plans)
        sec.add(f"依据{_plan_names(res)}，对{res.region}{res.year}年度目标指标完成情况、重点任务进展和"
                f"减污降碳协同成效进行评价。上述规划方案共明确目标指标{n_targets}项、重点任务{n_tasks}项。")
    else:
        sec.add(gap(f"工作区中没有{res.region}的规划方案，无法评价目标完成情况"))
    if res.status is not None and not res.status.empty:
        col = status_column(res.status)
        counts = res.status[col].fillna("未判定").value_counts()
        parts = "、".join(f"{k}{v}项" for k, v in counts.items())
        sec.add(f"纳入跟踪的目标指标共{len(res.status)}项，其中{parts}。")
    co2 = _co2_by_year(res)
    years = [y for y in co2 if y <= res.year]
    if years:
        y = max(years)
        text = f"排放清单核算结果显示，{y}年{res.region}二氧化碳排放量为{co2[y]:.2f}万吨"
        if y - 1 in co2 and co2[y - 1]:
            change = (co2[y] / co2[y - 1] - 1) * 100
            text += f"，比{y - 1}年{'下降' if change < 0 else '上升'}{abs(change):.1f}%"
        text += "。" if y == res.year else f"（清单最新年份为{y}年，{res.year}年数据尚未核算）。"
        sec.add(text)
    if _illustrative(res):
        sec.add("说明：本报告使用的部分数据为示例数据（illustrative），仅用于演示平台功能，不得作为正式统计数据引用。")
    return sec


def _binding_of(res: Results) -> dict[str, str]:
    return {target_id(d, i): str(t.binding) for d in res.plans for i, t in enumerate(d.targets) if t.binding}


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
    if "judged_relation" in frame.columns:  # 目标方向 as judged (建成90座 → 不低于)
        frame["relation"] = frame["judged_relation"].fillna(frame["relation"])
    col = status_column(frame)
    frame["status_label"] = frame[col]
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
    source = _plan_names(res) + "；指标监测值见附件"
    for name, part in groups:
        if part.empty:
            continue
        caption = f"{name}指标完成情况" if name else "目标指标完成情况"
        table = frame_table(part, caption, TARGET_COLUMNS, source=source, drop_empty=True)
        if name:
            sub = Section(f"{name}指标")
            sub.add(f"{name}指标共{len(part)}项。")
            sub.add(table)
            sec.add(sub)
        else:
            sec.add(table)
    counts = frame["status_label"].fillna("未判定").value_counts()
    sec.add(Figure(charts.status_chart({str(k): int(v) for k, v in counts.items()}), "目标指标完成状态分布"))
    return sec


def _emissions(res: Results) -> Section:
    sec = Section("温室气体与大气污染物排放")
    em = res.emissions
    if em is None or em.empty:
        sec.add(gap(res.gaps.get("inventory", "排放清单结果为空")))
    else:
        em = direct_emissions(em)
        years = sorted(int(y) for y in em["year"].unique() if int(y) <= res.year)
        if not years:
            sec.add(gap(f"排放清单没有{res.year}年及以前的结果"))
        else:
            y = years[-1]
            sec.add(_species_table(em, y))
            co2 = em[(em["species"] == "CO2") & (em["year"] == y)]
            if not co2.empty:
                by_sector = co2.groupby(["sector", "unit"], as_index=False)["value"].sum()
                by_sector["value"] = [convert(v, u, "万吨") for v, u in zip(by_sector["value"], by_sector["unit"], strict=True)]
                by_sector["share"] = by_sector["value"] / by_sector["value"].sum() * 100
                by_sector = _top_sectors(by_sector.sort_values("value", ascending=False), TOP_SECTORS)
                by_sector = by_sector.rename(columns={"value": "二氧化碳排放量"})
                sec.add(frame_table(by_sector, f"{y}年分部门二氧化碳排放量", ["sector", "二氧化碳排放量", "share"],
                                    units={"二氧化碳排放量": "万吨", "share": "%"},
                                    decimals={"二氧化碳排放量": 2, "share": 1},
                                    sheet="分部门二氧化碳"))
            trend = _co2_by_year(res)
            if len(trend) > 1:
                sec.add(Figure(charts.line_chart({"二氧化碳排放量": trend}, f"{res.region}二氧化碳排放量", "万吨"),
                               "二氧化碳排放量变化趋势"))
    ind = res.indicators
    if ind is None or ind.empty:
        sec.add(gap(res.gaps.get("indicators", "派生指标结果为空")))
    else:
        rows = ind[ind["year"] == res.year] if "year" in ind else ind
        if rows.empty and "year" in ind:
            rows = ind[ind["year"] == ind["year"][ind["year"] <= res.year].max()]
        if "label" in rows.columns:  # derive() gives the Chinese name in ``label``
            rows = rows.assign(indicator=rows["label"].fillna(rows["indicator"]))
        sec.add(frame_table(rows, "主要派生指标", ["indicator", "year", "value", "unit"], note="计算口径见附件。",
                            sheet="派生指标"))
    return sec


TOP_SECTORS = 10


def _top_sectors(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` largest sectors and one row 其他 summing the rest (values and shares)."""
    if len(frame) <= n + 1:
        return frame
    rest = frame.iloc[n:]
    other = pd.DataFrame({"sector": ["其他"], "unit": [rest["unit"].iloc[0]], "value": [rest["value"].sum()],
                          "share": [rest["share"].sum()]})
    return pd.concat([frame.iloc[:n], other], ignore_index=True)


def _species_table(em: pd.DataFrame, year: int) -> Table:
    """Totals per species for ``year`` and the year before (万吨 for CO2, 吨 otherwise), change in %."""
    prev, cur = f"{year - 1}年", f"{year}年"
    rows = []
    for species, group in em.groupby("species"):
        unit_out = "万吨" if species in ("CO2", "CO2e") else "吨"
        totals: dict[str, float | None] = {}
        for name, y in ((prev, year - 1), (cur, year)):
            part = group[group["year"] == y]
            totals[name] = (sum(convert(float(v), str(u), unit_out)
                                for v, u in zip(part["value"], part["unit"], strict=True))
                            if not part.empty else None)
        a, b = totals[prev], totals[cur]
        change = (b / a - 1) * 100 if a and b is not None else None
        rows.append({"species": SPECIES.get(str(species), str(species)), "unit": unit_out,
                     prev: a, cur: b, "change_rate": change})
    return frame_table(pd.DataFrame(rows), f"{year}年主要排放物排放量",
                       ["species", "unit", prev, cur, "change_rate"], units={"change_rate": "%"},
                       decimals={prev: 2, cur: 2, "change_rate": 1}, sheet="排放总量",
                       note="直接排放（范围一）口径；温室气体当量按 IPCC 第五次评估报告（AR5）全球增温潜势折算。")


def _synergy(res: Results) -> Section:
    sec = Section("减污降碳协同成效")
    result = res.synergy
    if result is None:
        sec.add(gap(res.gaps.get("synergy", "协同评价结果为空")))
        return sec
    for spec in SYNERGY_TABLES:
        frame = getattr(result, spec.attr, None)
        if not isinstance(frame, pd.DataFrame) or frame.empty:
            continue
        table = synergy_table(frame, spec, res.region, res.year)
        if table is None:
            continue
        sec.add(table)
        if spec.attr == "index" and "year" in frame.columns:
            series = frame[(frame["region"] == res.region) & (frame["year"] <= res.year)].set_index("year")["index"]
            if len(series) > 1:
                points = {int(k): float(v) for k, v in series.items()}
                sec.add(Figure(charts.line_chart({"综合指数": points}, "减污降碳协同度综合指数", "指数（0–100）"),
                               "协同度综合指数变化"))
    if getattr(result, "notes", None):
        sec.add("部分评价指标因数据不足未纳入计算，详见附件。")
    if not sec.blocks:
        sec.add(gap("协同评价未返回本地区的结果"))
    return sec


def _tasks(res: Results) -> Section:
    sec = Section("重点任务进展")
    if not res.plans:
        sec.add(gap("没有规划方案，无法列出责任单位的重点任务"))
        return sec
    summary = unit_summary(res)
    sec.add(f"规划方案涉及责任单位{len(summary)}个。各责任单位承担的重点任务、关联目标及其状态如下表，"
            "逐项调度情况见调度表。")
    sec.add(frame_table(summary, "责任单位重点任务与目标情况", sheet="责任单位"))
    if res.warnings is not None and not res.warnings.empty:
        sec.add(warnings_table(res.warnings))
    return sec


def problem_rows(res: Results) -> pd.DataFrame:
    """Targets whose status label says they lag or are at risk."""
    if res.status is None or res.status.empty:
        return pd.DataFrame()
    return res.status[problem_mask(res.status)]


def _num(value: object) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):g}"  # type: ignore[arg-type]


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
        for _, r in rows.iterrows():
            unit = r.get("unit") or ""
            relation = r.get("judged_relation") if isinstance(r.get("judged_relation"), str) else r.get("relation")
            text = (f"{r['indicator']}：目标为{r.get('target_year') or ''}年"
                    f"{RELATIONS.get(str(relation), '')}{_num(r.get('target_value'))}{unit}，")
            if pd.notna(r.get("latest_value")):
                text += f"{int(r['latest_year'])}年为{_num(r['latest_value'])}{unit}，"
            text += f"评价为“{r[col]}”。"
            if isinstance(r.get("reason"), str) and r["reason"]:
                text += r["reason"].rstrip("。") + "。"
            quote = quotes.get(str(r.get("target_id")))
            if quote:
                text += f"（规划原文：“{quote.strip()}”）"
            sec.add(text)
    missing = [text for layer, text in res.gaps.items() if layer in LAYER_NAMES]
    if missing:
        sec.add("数据支撑不足：" + "；".join(missing) + "。")
    return sec


def _next_steps(res: Results) -> Section:
    sec = Section("下一步工作")
    rows = problem_rows(res)
    owners = target_units(res.plans)
    for _, r in rows.iterrows():
        units = "、".join(owners.get(str(r.get("target_id")), [])) or "相关责任单位"
        sec.add(f"督促{units}对照“{r['indicator']}”目标加快推进相关工作，按月调度进展。")
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


def _annex(res: Results) -> list[AnnexEntry]:
    entries = []
    for d in res.plans:
        p = d.plan
        meta = "，".join(x for x in (p.issuer, p.doc_number, f"{p.date:%Y年%-m月%-d日}" if p.date else None) if x)
        entries.append(AnnexEntry(f"规划方案：{p.title}", meta or "（发文信息未录入）", p.source))
    for name, frame in (("活动水平数据", res.activity), ("统计数据", res.statistics), ("指标监测值", res.observations)):
        if frame.empty:
            entries.append(AnnexEntry(name, "工作区中无此类数据。"))
            continue
        parts = []
        if "label" in frame.columns:
            parts.append("，".join(f"{k}数据{v}行" for k, v in frame["label"].value_counts().items()))
        if "source" in frame.columns:
            sources = sorted(set(frame["source"].dropna().astype(str)))
            shown = [x if len(x) <= 80 else x[:80] + "…" for x in sources[:3]]
            parts.append("来源：" + "；".join(shown) + (f"等{len(sources)}项" if len(sources) > 3 else ""))
        entries.append(AnnexEntry(name, "。".join(parts) or f"共{len(frame)}行。"))
    for layer, (name, text) in METHODS.items():
        if layer not in res.gaps and (layer != "peers" or res.peers is not None):
            entries.append(AnnexEntry(f"方法：{name}", text, f"cocontrol.{layer}"))
    notes = getattr(res.synergy, "notes", None) or []
    if notes:
        entries.append(AnnexEntry("协同评价数据说明", "；".join(str(n) for n in notes) + "。"))
    if res.indicators is not None and "formula" in res.indicators.columns:
        formulas = res.indicators.drop_duplicates("indicator")
        lines = [f"{r['label'] if isinstance(r.get('label'), str) else r['indicator']}：{r['formula']}"
                 for _, r in formulas.iterrows()]
        entries.append(AnnexEntry("派生指标计算口径", "；".join(lines) + "。", "cocontrol.indicators"))
    entries.append(AnnexEntry("数据性质说明", "real 为有公开来源的真实数据；illustrative 为示例数据，仅用于演示，不得作为正式数据引用。"))
    return entries


SECTIONS = (
    ("总体情况", _overview),
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


def build_annual(res: Results, *, date: dt.date | None = None, issuer: str = "") -> Report:
    """Assemble the annual evaluation report from gathered results."""
    sections = [_guarded(title, build, res) for title, build in SECTIONS]
    return Report(
        title=f"{res.region}{res.year}年度减污降碳协同增效工作评价报告",
        subtitle="（年度减污降碳协同成果评价）",
        issuer=issuer,
        date=date or dt.date.today(),
        sections=sections,
        annex=_annex(res),
        gaps=list(res.gaps.values()),
    )
