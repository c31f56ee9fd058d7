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
"""

from __future__ import annotations

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
        *series("光伏发电装机规模", {2022: 160, 2023: 230, 2024: 300, 2025: 370}, "万千瓦", dev),
        *series("新型储能设施规模", {2023: 10, 2024: 25, 2025: 45}, "万千瓦", dev),
        *series("城市绿色出行比例", {2024: 69, 2025: 70.4}, "%", "市交通运输局"),
        *series("森林覆盖率", {2021: 19.2, 2022: 19.5, 2023: 19.9, 2024: 20.2, 2025: 20.5}, "%",
                "市园林和林业绿化局"),
    ]


CITIES = {"jinan": ("济南市", jinan), "zibo": ("淄博市", zibo), "weihai": ("威海市", weihai),
          "rongcheng": ("荣成市", rongcheng)}


def main() -> None:
    for slug, (region, build) in CITIES.items():
        frame = pd.DataFrame(build())
        frame.insert(0, "region", region)
        frame["label"], frame["source"] = "illustrative", SOURCE
        cols = ["region", "plan", "target", "indicator", "year", "value", "unit", "label", "source",
                "submitter"]
        frame[cols].to_csv(HERE / f"{slug}.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
