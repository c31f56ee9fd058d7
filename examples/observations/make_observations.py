"""Build the illustrative observations (指标监测值) of the four seed cities.

Run from the repository root: ``.venv/bin/python examples/observations/make_observations.py``.
It rewrites ``examples/observations/<city>.csv`` with the columns
``region, plan, target, indicator, year, value, unit, label, source, submitter``.

Every value is ``illustrative`` (made up to look plausible and to exercise every status rule);
none is a published figure. Rows name their target by indicator text, as a department's
report does, and :func:`cocontrol.tracking.observations.resolve_target` finds the target(s);
where two targets of one plan name the same indicator differently (济南 非化石能源消费比重 /
占比) the row gives the target id and plan instead. Shares of non-fossil energy and coal
consumption for 2020–2023 are taken from ``examples/statistics`` so the two agree.
Qualitative targets (完成上级分解任务, 稳中向好 …) get a reported judgement
(完成/进展正常/存在风险/未完成), with the indicator's number where it has one.

The hand-written series above cover part of each plan; :func:`generated` then gives every
other target an illustrative series that follows a storyline (on track, achieved, at risk,
off track; every 15th left unreported), so that a newcomer sees a city at work rather than a
wall of 无数据. These numbers are derived from the plan's own target and baseline and are as
made up as the rest: the ``label`` column says ``illustrative`` on every row.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
STATS = HERE.parent / "statistics"
SOURCE = "illustrative: made up for the demo by examples/observations/make_observations.py"


def _share(slug: str, part: str, years: range) -> dict[int, float]:
    s = pd.read_csv(STATS / f"{slug}.csv")
    w = s.pivot_table(index="year", columns="indicator", values="value")
    return {y: round(float(w.loc[y, part] / w.loc[y, "energy_consumption"] * 100), 1) for y in years}


def series(indicator: str, values: dict[int, object], unit: str | None, submitter: str,
           target: str = "", plan: str = "") -> list[dict]:
    return [{"plan": plan, "target": target, "indicator": indicator, "year": y, "value": v,
             "unit": unit or "", "submitter": submitter} for y, v in values.items()]


def judged(indicator: str, values: dict[int, str], submitter: str) -> list[dict]:
    return series(indicator, values, None, submitter)


def rongcheng() -> list[dict]:
    env, dev, agr, eco = "荣成市生态环境分局", "市发展改革局", "市农业农村局", "市自然资源局"
    nonfossil = _share("rongcheng", "non_fossil_consumption", range(2020, 2024))
    return [
        # 力争在2027年实现二氧化碳排放达到峰值 (T068): the bureau's judgement
        *judged("二氧化碳排放达峰", {2023: "进展正常", 2024: "存在风险"}, env),
        # 专栏1 (T001–T024 of rongcheng-2021-eco)
        *judged("氮氧化物排放总量减少", {2021: "进展正常", 2022: "进展正常", 2023: "进展正常",
                                        2024: "进展正常", 2025: "完成"}, env),
        *judged("挥发性有机物排放总量减少", {2023: "进展正常", 2024: "进展正常"}, env),
        *judged("化学需氧量排放总量减少", {2024: "进展正常", 2025: "完成"}, env),
        *judged("氨氮排放总量减少", {2023: "进展正常", 2024: "存在风险"}, env),
        *judged("单位地区生产总值能源消耗下降率", {2024: "进展正常", 2025: "完成"}, dev),
        *judged("单位地区生产总值二氧化碳排放下降比例", {2023: "进展正常", 2024: "存在风险"}, dev),
        *series("非化石能源占一次能源消费比例", nonfossil, "%", dev),
        *judged("非化石能源占一次能源消费比例", {2024: "进展正常"}, dev),
        *series("一般工业固体废物综合利用率", {2021: 99.7, 2022: 99.7, 2023: 99.8, 2024: 99.8}, "%", env),
        *judged("一般工业固体废物综合利用率", {2025: "完成"}, env),
        *series("细颗粒物（PM2.5）浓度", {2021: 19, 2022: 18, 2023: 20, 2024: 19, 2025: 18}, "μg/m³", env),
        *judged("细颗粒物（PM2.5）浓度", {2025: "完成"}, env),
        *series("环境空气质量优良天数比率", {2021: 97.5, 2022: 96.7, 2023: 95.3, 2024: 96.4}, "%", env),
        *judged("环境空气质量优良天数比率", {2025: "完成"}, env),
        *series("地表水达到或好于III类水体比例", {2021: 66.7, 2022: 66.7, 2023: 66.7, 2024: 66.7}, "%", env),
        *judged("地表水达到或好于III类水体比例", {2025: "完成"}, env),
        *series("地表水劣V类水体比例", {y: 0 for y in range(2021, 2026)}, "%", env),
        *series("城市黑臭水体比例", {y: 0 for y in range(2021, 2026)}, "%", "市住房城乡建设局"),
        *series("城市集中式饮用水水源地水质达标率", {y: 100 for y in range(2021, 2026)}, "%", env),
        *judged("地下水质量V类水比例", {2025: "完成"}, env),
        *series("近岸海域水质优良（一、二类）比例", {2021: 100, 2022: 98.9, 2023: 100, 2024: 100}, "%", env),
        *judged("近岸海域水质优良（一、二类）比例", {2025: "完成"}, env),
        *series("农村生活污水治理率", {2021: 46.0, 2022: 48.0, 2023: 50.0, 2024: 51.5}, "%", env),
        *series("受污染耕地安全利用率", {y: 100 for y in range(2021, 2025)}, "%", agr),
        *judged("重点建设用地安全利用", {2025: "完成"}, env),
        *series("生态质量指数（EQI）", {2021: 60.1, 2022: 60.4, 2023: 60.8}, "", env),
        *judged("生态质量指数（EQI）", {2024: "进展正常"}, env),
        *judged("生态保护红线占国土面积比例", {2025: "完成"}, eco),
        *series("森林覆盖率", {2021: 24.72, 2022: 24.80, 2023: 24.86, 2024: 24.95}, "%", eco),
        *series("化肥施用量（折纯量）", {2021: 2110, 2022: 2030, 2023: 1950, 2024: 1872, 2025: 1776}, "吨", agr),
        *series("农药使用量", {2021: 142, 2022: 137, 2023: 131, 2024: 127}, "吨", agr),
        # a few task targets
        *series("新能源装机占全市装机比例", {2021: 70, 2022: 76, 2023: 80, 2024: 83}, "%", dev),
        *series("煤炭消费总量", {2020: 113.0, 2021: 117.2, 2022: 118.1, 2023: 120.5}, "万吨标准煤", dev),
        *series("新能源汽车新车销量占比", {2023: 18.0, 2024: 19.3, 2025: 19.5}, "%", "市商务局"),
    ]


def weihai() -> list[dict]:
    dev, env, eco = "市发展改革委", "市生态环境局", "市住房城乡建设局"
    return [
        *series("PM2.5浓度", {2023: 28, 2024: 26, 2025: 25}, "μg/m³", env),
        *series("单位地区生产总值二氧化碳排放", {2024: 3.4, 2025: 2.6}, "%", dev),
        *series("非化石能源消费占比", {2024: 21.5, 2025: 23.0}, "%", dev),
        *series("NOx减排量", {2024: 720, 2025: 1350}, "吨", env),
        *series("VOCs减排量", {2024: 300, 2025: 580}, "吨", env),
        *series("COD减排量", {2024: 1200, 2025: 2300}, "吨", env),
        *series("NH3-N减排量", {2024: 40, 2025: 70}, "吨", env),
        *series("在运在建抽水蓄能电站装机规模", {2024: 180}, "万千瓦", dev),
        *series("核能供热面积", {2024: 680, 2025: 1050}, "万平方米", eco),
        *series("海上风电在运在建装机规模", {2024: 1500, 2025: 2100}, "MW", dev),  # converted to 万千瓦
        *series("光伏发电在运在建装机规模", {2024: 112, 2025: 146}, "万千瓦", dev),
        *series("中心城区绿色出行比例", {2023: 66, 2024: 68, 2025: 69.5}, "%", "市交通运输局"),
        *series("无废细胞数量", {2024: 420, 2025: 515}, "个", env),
    ]


def zibo() -> list[dict]:
    dev = "市发展改革委"
    nonfossil = _share("zibo", "non_fossil_consumption", range(2023, 2024))
    return [
        *series("光伏发电等新能源装机总容量", {2023: 330, 2024: 410, 2025: 470}, "万千瓦", dev),
        *series("非化石能源消费占比", {**nonfossil, 2024: 7.8, 2025: 9.0}, "%", dev),
        *series("中心城区绿色出行比例", {2024: 71, 2025: 72}, "%", "市交通运输局"),
        *series("多式联运货运量", {2023: 1520, 2024: 1690, 2025: 1860}, "万吨", "市交通运输局"),
        *series("城镇建筑可再生能源替代率", {2024: 8.6, 2025: 9.7}, "%", "市住房城乡建设局"),
        *series("新增大宗固废综合利用率", {2024: 58, 2025: 61}, "%", "市工业和信息化局"),
    ]


def jinan() -> list[dict]:
    dev, plan = "市发展改革委", "jinan-2023-carbon-peak"
    nonfossil = _share("jinan", "non_fossil_consumption", range(2021, 2024))
    share = {**nonfossil, 2024: 7.9, 2025: 8.3}
    return [
        *series("非化石能源消费比重", share, "%", dev, target="T001", plan=plan),
        *series("非化石能源消费占比", share, "%", dev, target="T004", plan=plan),
        *series("单位地区生产总值能源消耗", {2021: 3.2, 2022: 6.0, 2023: 9.1, 2024: 11.5}, "%", dev),
        *series("单位地区生产总值二氧化碳排放",
                {2005: 3.10, 2020: 1.33, 2021: 1.27, 2022: 1.22, 2023: 1.18, 2024: 1.13}, "吨/万元", dev),
        *judged("单位地区生产总值二氧化碳排放", {2024: "进展正常"}, dev),
        # peak targets (2030年前碳达峰): a department's judgement, as for qualitative targets — 存在风险, as the
        # report's 碳达峰路径 (examples/scenarios/jinan.yaml) finds no peak before 2030 in any scenario
        *judged("碳达峰", {2023: "进展正常", 2024: "存在风险"}, dev),
        *judged("陆路交通运输石油消费达峰", {2024: "进展正常"}, "市交通运输局"),
        *series("光伏发电装机规模", {2022: 160, 2023: 230, 2024: 300, 2025: 370}, "万千瓦", dev),
        *series("新型储能设施规模", {2023: 10, 2024: 25, 2025: 45}, "万千瓦", dev),
        *series("城市绿色出行比例", {2024: 69, 2025: 70.4}, "%", "市交通运输局"),
        *series("森林覆盖率", {2021: 19.2, 2022: 19.5, 2023: 19.9, 2024: 20.2, 2025: 20.5}, "%",
                "市园林和林业绿化局"),
    ]


CITIES = {"jinan": ("济南市", jinan), "zibo": ("淄博市", zibo), "weihai": ("威海市", weihai),
          "rongcheng": ("荣成市", rongcheng)}


AS_OF = 2025
"""The year the demo is judged in (the web and the reports default to the year before today)."""
FUTURE = ("at_risk", "on_track", "achieved", "off_track", "on_track", "at_risk", "achieved")
PAST = ("achieved", "off_track", "achieved")
"""Illustrative storylines cycled over the targets the hand-written series leave without
data, so that every status appears: targets due after :data:`AS_OF` cycle through
:data:`FUTURE`; targets already due can only be achieved or missed (the value in the target
year decides) and cycle through :data:`PAST`."""
UNREPORTED_EVERY = 15
"""Every 15th target without hand-written data is left unreported (无数据 appears too)."""
WORDS = {"achieved": "完成", "on_track": "进展正常", "at_risk": "存在风险", "off_track": "未完成"}
COUNT_UNITS = ("个", "家", "座", "处", "项", "条", "台", "辆", "所", "户", "村", "艘", "套", "只", "次")
"""Units of things counted whole: demo values in them are whole numbers."""


def _targets(region: str) -> pd.DataFrame:
    """The targets of every reviewed plan of ``region`` (``examples/plans``), judged relation
    included (a bare number to build is a minimum, see ``tracking.status``)."""
    import yaml

    from cocontrol import demo
    from cocontrol.plans.model import PlanDocument
    from cocontrol.tracking import targets_frame
    from cocontrol.tracking.status import judged_relations

    docs = [PlanDocument.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in demo.plan_files()]
    frames = [targets_frame(d) for d in docs if d.plan.region == region]
    t = pd.concat(frames, ignore_index=True)
    return t.assign(judged=judged_relations(t)["judged_relation"].to_numpy())


def _progress(scenario: str, t: int, y0: int, y: int) -> float:
    """Share of the way from the start to the target reached in year ``t``."""
    f = (t - y0) / (y - y0)
    if scenario == "achieved":
        return min(1.0, (t - y0) / max(1, min(y, AS_OF - 1) - y0))
    if scenario == "on_track":
        return min(f * 1.03, 0.98) if y > AS_OF else f
    return f * (0.8 if scenario == "at_risk" else 0.35)


def _level_series(tr: dict, scenario: str) -> dict[int, float] | None:
    """Levels from a start (the plan's baseline, else a plausible one) toward the target."""
    target, y = float(tr["target_value"]), int(tr["target_year"])
    rel = tr["judged"]
    if pd.notna(tr["baseline_value"]) and pd.notna(tr["baseline_year"]):
        x0, y0 = float(tr["baseline_value"]), int(tr["baseline_year"])
    else:
        start = tr.get("period_start")
        y0 = int(start) - 1 if pd.notna(start) else 2020
        if rel == "<=":
            x0 = target * 1.3 if target > 0 else 5.0
        elif str(tr["unit"]) == "%" and target >= 95:
            x0 = target - 12
        else:
            x0 = target * 0.7
    y0 = min(max(y0, 2018), AS_OF - 2, y - 2)
    count = _is_count(tr["unit"])
    if count:  # things are counted whole: start from a whole number on the far side
        x0 = float(math.floor(x0) if x0 < target else math.ceil(x0))
    if x0 == target:
        return None
    out: dict[int, float] = {}
    for year in range(y0, min(AS_OF, y) + 1):
        g = _progress(scenario, year, y0, y)
        v = float(target) if g >= 1 else x0 + (target - x0) * g
        # a count never reaches the target by rounding up (or down, for a ceiling)
        out[year] = (int(math.floor(v) if x0 < target else math.ceil(v)) if count and g < 1
                     else int(round(v)) if count else round(v, 2))
    return out


def _is_count(unit: object) -> bool:
    """A unit of things counted one by one (家, 个, 座 …; not 万个, a rounded number)."""
    return isinstance(unit, str) and unit in COUNT_UNITS


def _change_series(tr: dict, scenario: str, base: int) -> dict[int, float]:
    """Reported changes in % since the base year (cumulative), or per year for an average
    annual rate, in the target's sign (a 下降 target reports its reduction as positive)."""
    r, y = float(tr["target_value"]), int(tr["target_year"])
    out = {}
    for year in range(base + 1, min(AS_OF, y) + 1):
        if bool(tr.get("annual_rate")):
            boost = {"achieved": (y - base) / max(1, min(y, AS_OF - 1) - base) * 1.02,
                     "on_track": 1.02, "at_risk": 0.8, "off_track": 0.3}[scenario]
            out[year] = round(r * boost, 2)
        else:
            out[year] = round(r * _progress(scenario, year, base, y) + (
                0.01 if scenario == "achieved" and year >= min(y, AS_OF - 1) else 0), 2)
    return out


def _known(unit: str) -> bool:
    """The unit is one ``cocontrol.units`` reads (万株 is not: such targets get a judgement)."""
    from cocontrol.errors import UnitError
    from cocontrol.units import parse_unit

    try:
        parse_unit(unit)
    except UnitError:
        return False
    return True


def generated(region: str, hand: list[dict], submitter: str) -> list[dict]:
    """Illustrative series for every target of ``region`` that ``hand`` leaves without data.

    Each uncovered target gets a storyline from :data:`FUTURE` or :data:`PAST` (in plan order) and a
    series that follows it: levels from the plan's baseline (else a plausible start) toward
    the target value, changes in % since the base year, yearly changes for average annual
    rates, and a reported judgement for qualitative targets; every
    :data:`UNREPORTED_EVERY`-th is left without data. Rows name the target by its
    indicator within its plan (every milestone of that indicator takes them) or, where the
    indicator is shared with a target that already has data, by id."""
    from cocontrol.tracking.observations import normalise_indicator, validate_observations

    targets = _targets(region)
    have = validate_observations(pd.DataFrame(hand).assign(region=region), targets)
    covered = set(zip(have["plan"], have["target"], strict=True))
    targets["_norm"] = targets["indicator"].map(normalise_indicator)
    rows: list[dict] = []
    done: set[tuple[str, str]] = set()
    n, counts = 0, {True: 0, False: 0}
    for tr in targets.to_dict("records"):
        key = (tr["plan_id"], tr["target_id"])
        group = targets[(targets["plan_id"] == tr["plan_id"]) & (targets["_norm"] == tr["_norm"])]
        by_text = not any((tr["plan_id"], g) in covered for g in group["target_id"])
        if key in covered or (by_text and (tr["plan_id"], tr["_norm"]) in done):
            continue
        n += 1
        if n % UNREPORTED_EVERY == 0:  # not reported yet: 无数据 is part of the story too
            continue
        due = pd.notna(tr["target_year"]) and int(tr["target_year"]) <= AS_OF
        cycle = PAST if due else FUTURE
        scenario = cycle[counts[due] % len(cycle)]
        counts[due] += 1
        base = tr["base_year"] if pd.notna(tr["base_year"]) else tr["baseline_year"]
        if pd.isna(base) and pd.notna(tr.get("period_start")):
            base = int(tr["period_start"]) - 1
        values: dict[int, object] | None = None
        unit = "" if pd.isna(tr["unit"]) else str(tr["unit"])
        if pd.notna(tr["target_value"]) and pd.notna(tr["target_year"]) and _known(unit):
            if tr["relation"] in ("reduce_by", "increase_by") and unit == "%" and pd.notna(base):
                values = _change_series(tr, scenario, int(base))
            elif tr["judged"] in (">=", "<=", "="):
                values = _level_series(tr, scenario)
        if not values:
            values, unit = {AS_OF - 1: WORDS[scenario]}, ""
        ident = {"plan": tr["plan_id"]}
        if by_text:
            ident["target"] = ""
            done.add((tr["plan_id"], tr["_norm"]))
        else:
            ident["target"] = tr["target_id"]
        rows += [{**ident, "indicator": tr["indicator"], "year": year, "value": v, "unit": unit,
                  "submitter": str(tr["responsible"] or submitter).split("、")[0] or submitter}
                 for year, v in values.items()]
    return rows


def main() -> None:
    for slug, (region, build) in CITIES.items():
        hand = build()
        hand = [{"plan": "", "target": "", **r} for r in hand]
        frame = pd.DataFrame(hand + generated(region, hand, "市生态环境局"))
        frame.insert(0, "region", region)
        from cocontrol.tracking.observations import validate_observations

        validate_observations(frame, _targets(region))  # raises on any row that does not fit
        frame["label"], frame["source"] = "illustrative", SOURCE
        cols = ["region", "plan", "target", "indicator", "year", "value", "unit", "label", "source",
                "submitter"]
        frame[cols].to_csv(HERE / f"{slug}.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
