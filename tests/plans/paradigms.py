"""Lexical metamorphic tests of goal statements (issue 10, helper lv): the paradigms of a goal
statement as plans write them, composed into sentences whose answer is known.

A goal statement is read here as five choices, each a *dimension* of the paradigm table
(``tests/plans/gold/README.md``, "Goal-statement paradigms"):

* ``deadline`` — how the year is written: 到2025年 / 到2025年底 / 2025年前 / 2025年底前 / 至2025年 /
  2025年末 / “十四五”末 / 到“十四五”期末 / 2025年以前 … (the forms of the ~3 000 annotated targets of
  ``gold/unseen``; a bare future year 2027年 too);
* ``context`` — where the statement stands: one clause with its deadline (到2025年全市…), after a
  year clause and "，" (到2025年，全市…), with its subject before the deadline (全市…到2025年达到…),
  after a first target and "，", or after "；" following a year clause and a first target;
* ``frame`` — the verb or relation: a level (达到, 达, 提高到, 提升至, 增至, 超过, 突破, 不低于, 不少于,
  稳定在…以上, 降至, 下降到, 控制在…以内, 不高于, 不超过, 压减至 …), a change (比2020年下降, 较2020年降低,
  下降, 累计下降, 年均增长, 提高…个百分点, 翻一番 …) or a verb of work with its object (建成N个…);
* ``hedge`` — 力争 / 确保 before the verb, 约 after 达到, 左右 / 以上 / 以内 / 以下 after the value;
* ``numeral`` — Arabic integer or decimal, 百分之十五, 两成, 三分之一, 十五个.

The indicator families (a subject with its unit and the verbs that honestly go with it: 降至 with a
level, 下降 with a change, 以内 with 控制在) keep every composition a sentence a plan would write.
Report forms (截至2023年底 / 2023年 / “十三五”期间 / 已 / 累计完成 / 同比 …) compose negatives whose
answer is "no target".

``cases()`` yields every composition; ``sample(n, seed)`` a fixed random subset for the fast test
(``tests/plans/test_paradigms.py``). Run the whole table and print the failing cells with::

    PYTHONPATH=src .venv/bin/python -m tests.plans.paradigms [--examples N] [--cell DIM=VALUE]
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

Key = tuple[int, float, str]  # (year, value, unit): the key of the unseen sets


@dataclass(frozen=True)
class Answer:
    year: int
    value: float
    unit: str
    relation: str


@dataclass(frozen=True)
class Case:
    text: str
    answers: tuple[Answer, ...]
    cell: dict[str, str] = field(hash=False, compare=False)


# --- deadlines: (name, lead form before "，", inline form after a subject, year) -------------------
# {Y} is the year; the name is the form with Y as "Y".
_DEADLINES: list[tuple[str, str, int]] = [
    ("到Y年", "到{Y}年", 0), ("到Y年底", "到{Y}年底", 0), ("到Y年末", "到{Y}年末", 0),
    ("到Y年年底", "到{Y}年年底", 0), ("Y年前", "{Y}年前", 0), ("Y年底前", "{Y}年底前", 0),
    ("Y年年底前", "{Y}年年底前", 0), ("到Y年底前", "到{Y}年底前", 0), ("至Y年", "至{Y}年", 0),
    ("Y年末", "{Y}年末", 0), ("Y年底", "{Y}年底", 0), ("Y年以前", "{Y}年以前", 0), ("Y年之前", "{Y}年之前", 0),
    ("到Y年前", "到{Y}年前", 0), ("Y年(bare)", "{Y}年", 0), ("力争到Y年", "力争到{Y}年", 0),
    ("确保到Y年", "确保到{Y}年", 0), ("在Y年", "在{Y}年", 0), ("于Y年底前", "于{Y}年底前", 0),
    ("到“十四五”末", "到“十四五”末", 2025), ("“十四五”末", "“十四五”末", 2025),
    ("到“十四五”期末", "到“十四五”期末", 2025), ("“十四五”期间", "“十四五”期间", 2025),
    ("“十四五”时期", "“十四五”时期", 2025), ("到“十五五”末", "到“十五五”末", 2030),
    ("“十五五”期间", "“十五五”期间", 2030),
]
YEARS = (2025, 2027, 2030)


def _deadline_forms() -> list[tuple[str, str, int]]:
    out = []
    for name, form, fixed in _DEADLINES:
        if fixed:
            out.append((name, form, fixed))
        else:
            for y in YEARS:
                out.append((name, form.replace("{Y}", str(y)), y))
    return out


# --- numerals: how a value is written ---------------------------------------------------------------
@dataclass(frozen=True)
class Num:
    style: str
    text: str  # as written, unit included when the numeral carries it (百分之十五, 两成)
    value: float
    unit_written: bool  # True when ``text`` already holds the unit


def _pct(v: float, cn: str | None = None, cheng: str | None = None, frac: str | None = None) -> list[Num]:
    out = [Num("arabic_int" if v == int(v) else "arabic_dec", f"{v:g}", v, False)]
    if cn:
        out.append(Num("百分之N", f"百分之{cn}", v, True))
    if cheng:
        out.append(Num("N成", cheng, v, True))
    if frac:
        out.append(Num("N分之M", frac, round(v, 1), True))
    return out


def _plain(*vals: float) -> list[Num]:
    return [Num("arabic_int" if v == int(v) else "arabic_dec", f"{v:g}", v, False) for v in vals]


def _counts() -> list[Num]:
    return _plain(15, 120) + [Num("chinese_count", "十五", 15, False), Num("chinese_count", "两", 2, False)]


# --- frames: (name, template, relation, hedges allowed) ---------------------------------------------
# template: {v} the value with its unit; {h} a hedge before the verb (力争/确保); {a} after the value
GE = ">="
LE = "<="
EQ = "="
RED = "reduce_by"
INC = "increase_by"

LEVEL_UP = [("达到", "{h}达到{v}{a}"), ("达", "{h}达{v}{a}"), ("提高到", "{h}提高到{v}{a}"),
            ("提高至", "{h}提高至{v}{a}"), ("提升到", "{h}提升到{v}{a}"), ("提升至", "{h}提升至{v}{a}"),
            ("增至", "{h}增至{v}{a}"), ("增加到", "{h}增加到{v}{a}"), ("超过", "{h}超过{v}"), ("突破", "{h}突破{v}"), ("逾", "逾{v}"),
            ("不低于", "{h}不低于{v}"), ("稳定在…以上", "{h}稳定在{v}以上"), ("保持在…以上", "{h}保持在{v}以上"),
            ("达到约", "{h}达到约{v}"), ("提升为", "{h}提升为{v}{a}"), ("提高为", "{h}提高为{v}{a}")]
LEVEL_DOWN = [("降至", "{h}降至{v}{a}"), ("降到", "{h}降到{v}{a}"), ("下降到", "{h}下降到{v}{a}"),
              ("下降至", "{h}下降至{v}{a}"), ("降低到", "{h}降低到{v}{a}"), ("降低至", "{h}降低至{v}{a}"),
              ("控制在…以内", "{h}控制在{v}以内"), ("控制在…以下", "{h}控制在{v}以下"),
              ("控制在…左右", "{h}控制在{v}左右"), ("控制在", "{h}控制在{v}"), ("不高于", "{h}不高于{v}"),
              ("不超过", "{h}不超过{v}"), ("低于", "{h}低于{v}"), ("降为", "{h}降为{v}{a}")]
CHANGE_DOWN = [("比B下降", "{h}比2020年下降{v}{a}"), ("较B降低", "{h}较2020年降低{v}{a}"), ("下降", "{h}下降{v}{a}"),
               ("降低", "{h}降低{v}{a}"), ("累计下降", "{h}累计下降{v}{a}"), ("比B累计下降", "{h}比2020年累计下降{v}{a}"),
               ("较B减少", "{h}较2020年减少{v}{a}"), ("比“十三五”末下降", "{h}比“十三五”末下降{v}{a}"),
               ("比2005年下降", "{h}比2005年下降{v}{a}"), ("降幅达到", "{h}降幅达到{v}{a}")]
CHANGE_UP = [("比B提高", "{h}比2020年提高{v}{a}"), ("提高", "{h}提高{v}{a}"), ("增长", "{h}增长{v}{a}"),
             ("比B增长", "{h}比2020年增长{v}{a}"), ("年均增长", "{h}年均增长{v}{a}")]
AFTER_UP = ("", "以上", "左右")  # hedges after a value reached (达到30%以上, 达到30%左右)
AFTER_DOWN = ("", "以下", "左右")
AFTER_CHANGE = ("", "以上", "左右")
BEFORE = ("", "力争", "确保", "将", "要", "争取")  # 力争/确保 hedge; 将/要/争取 are modal verbs a plan writes too


@dataclass(frozen=True)
class Family:
    """An indicator with its unit and the frames that go with it."""

    name: str
    subjects: tuple[str, ...]
    unit: str
    frames: tuple[tuple[list[tuple[str, str]], str, tuple[str, ...]], ...]  # (frames, relation, after-hedges)
    nums: tuple[Num, ...]
    written: str = ""  # the unit as the sentence writes it when it differs from the key's (微克每立方米)


FAMILIES: list[Family] = [
    Family("share (%)", ("森林覆盖率", "全省的森林覆盖率", "非化石能源消费比重", "城市空气质量优良天数比例",
                         "一般工业固体废物综合利用率", "县级以上城市建成区的绿地率"), "%",
           ((LEVEL_UP, GE, AFTER_UP),), tuple(_pct(30, "三十", "三成") + _pct(42.5))),
    Family("share (fraction)", ("可再生能源发电量占全社会用电量的比重", "绿色建筑占城镇新建建筑的比例"), "%",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过", "提高到")], GE, ("",)),),
           (Num("N分之M", "三分之一", 33.3, True), Num("一半", "一半", 50.0, True))),
    Family("concentration", ("细颗粒物（PM2.5）平均浓度", "PM2.5年均浓度", "全市的PM2.5年均浓度",
                             "城市细颗粒物浓度"), "微克/立方米",
           ((LEVEL_DOWN, LE, AFTER_DOWN),), tuple(_plain(35, 32.5))),
    Family("concentration (unit as written)", ("PM2.5年均浓度", "细颗粒物平均浓度"), "μg/m³",
           (([x for x in LEVEL_DOWN if x[0] in ("降至", "控制在…以内", "不高于")], LE, ("",)),), tuple(_plain(35))),
    Family("concentration (unit as written)", ("PM2.5年均浓度", "细颗粒物平均浓度"), "微克/立方米",
           (([x for x in LEVEL_DOWN if x[0] in ("降至", "控制在…以内", "不高于")], LE, ("",)),), tuple(_plain(33)),
           "微克每立方米"),
    Family("amount cap", ("能源消费总量",), "万吨标煤",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "不超过")], LE, ("",)),), tuple(_plain(4200))),
    Family("count level", ("新能源公交车保有量", "纯电动出租车数量"), "辆",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过", "突破")], GE, ("", "以上")),),
           (Num("thousands", "1,200", 1200.0, False), Num("arabic_int", "1200", 1200.0, False))),
    Family("flow", ("城镇污水处理能力", "全市的污水处理能力"), "万立方米/日",
           (([x for x in LEVEL_UP if x[0] in ("达到", "提高到", "超过")], GE, ("", "以上")),), tuple(_plain(50, 12.5))),
    Family("flow", ("再生水利用量",), "亿立方米/年",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过")], GE, ("", "以上")),), tuple(_plain(1.2))),
    Family("power (Latin units)", ("光伏发电装机容量", "风电装机规模"), "GW",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过")], GE, ("", "以上")),), tuple(_plain(2, 12.5))),
    Family("power (Latin units)", ("光伏发电装机容量",), "万kW",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破")], GE, ("", "以上")),), tuple(_plain(200))),
    Family("emission cap", ("二氧化碳排放量", "全市的二氧化碳排放总量"), "亿吨",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "控制在", "不超过", "降至")], LE, ("",)),), tuple(_plain(1.2))),
    Family("noise", ("城市道路交通噪声平均值", "区域环境噪声平均等效声级"), "分贝",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "控制在…以下", "不高于", "不超过")], LE, ("",)),),
           tuple(_plain(68, 55.5))),
    Family("count level", ("新能源汽车保有量", "纯电动公交车数量"), "万台",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过", "突破")], GE, ("", "以上")),), tuple(_plain(30))),
    Family("concentration change", ("细颗粒物（PM2.5）平均浓度", "城市PM2.5浓度"), "%",
           ((CHANGE_DOWN, RED, AFTER_CHANGE),), tuple(_pct(10, "十"))),
    Family("intensity change", ("单位地区生产总值能耗", "单位GDP二氧化碳排放", "单位地区生产总值二氧化碳排放量",
                                "万元工业增加值用水量", "全市的单位地区生产总值能源消耗"), "%",
           ((CHANGE_DOWN, RED, AFTER_CHANGE),), tuple(_pct(13.5) + _pct(15, "十五", None) + _pct(20, None, "两成"))),
    Family("capacity (万千瓦)", ("新能源装机容量", "光伏发电装机规模", "可再生能源发电装机容量", "全市的风电装机容量"),
           "万千瓦", (([x for x in LEVEL_UP if x[0] not in ("稳定在…以上", "保持在…以上")], GE, AFTER_UP),),
           tuple(_plain(500, 1200.5))),
    Family("capacity (亿千瓦)", ("可再生能源发电装机容量",), "亿千瓦",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过")], GE, ("", "左右")),), tuple(_plain(1.2))),
    Family("amount up", ("港口集装箱吞吐量",), "万标准箱",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过", "增至")], GE, ("", "左右")),), tuple(_plain(300))),
    Family("amount up", ("天然气供应能力", "全省的天然气供应能力"), "亿立方米",
           (([x for x in LEVEL_UP if x[0] in ("达到", "提高到", "突破", "超过")], GE, ("", "以上")),), tuple(_plain(150, 12.5))),
    Family("amount up", ("数字经济核心产业增加值", "节能环保产业营业收入"), "亿元",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过")], GE, ("", "左右")),), tuple(_plain(2000))),
    Family("amount up", ("地区生产总值",), "万亿元",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过")], GE, ("", "左右")),), tuple(_plain(1.5))),
    Family("amount up", ("港口货物吞吐量",), "亿吨",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过")], GE, ("", "以上")),), tuple(_plain(5.5))),
    Family("amount cap", ("用水总量", "全市的用水总量"), "亿立方米",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "控制在", "不超过")], LE, ("",)),), tuple(_plain(28.6))),
    Family("amount cap", ("能源消费总量",), "万吨标准煤",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "控制在…左右", "不超过")], LE, ("",)),), tuple(_plain(4500))),
    Family("amount cap", ("煤炭消费量", "煤炭消费总量"), "万吨",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "降至", "不超过", "降为")]
             + [("压减至", "{h}压减至{v}{a}"), ("压减到", "{h}压减到{v}{a}"), ("压降至", "{h}压降至{v}{a}"),
                ("削减至", "{h}削减至{v}{a}"), ("减至", "{h}减至{v}{a}")], LE, ("", "以下", "左右")),),
           tuple(_plain(3000))),
    Family("amount cut", ("煤炭消费量", "氮氧化物排放总量", "化学需氧量排放总量"), "万吨",
           (([("比B减少", "{h}比2020年减少{v}{a}"), ("削减", "{h}削减{v}{a}"), ("压减", "{h}压减{v}{a}"),
              ("压降", "{h}压降{v}{a}"),
              ("下降", "{h}下降{v}{a}")], RED, ("", "以上", "左右")),), tuple(_plain(120, 1.25))),
    Family("points", ("非化石能源消费比重", "城市空气质量优良天数比例", "城镇绿色建筑的占比"), "个百分点",
           (([("提高", "{h}提高{v}{a}"), ("比B提高", "{h}比2020年提高{v}{a}"), ("提升", "{h}提升{v}{a}")],
             INC, ("", "以上", "左右")),), tuple(_plain(3, 2.5))),
    Family("points down", ("重污染天数比例", "劣V类水体比例"), "个百分点",
           (([("下降", "{h}下降{v}{a}"), ("比B下降", "{h}比2020年下降{v}{a}"), ("降低", "{h}降低{v}{a}")],
             RED, ("", "以上")),), tuple(_plain(1.5, 2))),
    Family("growth", ("数字经济核心产业增加值", "战略性新兴产业增加值", "地区生产总值"), "%",
           ((CHANGE_UP, INC, ("", "以上", "左右")),), tuple(_pct(6.5) + _pct(8))),
    Family("days", ("空气质量优良天数", "城市空气质量优良天数"), "天",
           (([x for x in LEVEL_UP if x[0] in ("达到", "不低于", "超过", "稳定在…以上", "保持在…以上")]
             + [("不少于", "{h}不少于{v}")], GE, ("", "以上")),), tuple(_plain(300))),
    Family("days cap", ("重污染天数",), "天",
           (([x for x in LEVEL_DOWN if x[0] in ("控制在…以内", "控制在", "不超过", "降至", "不高于")], LE, ("",)),),
           tuple(_plain(5))),
    Family("intensity level", ("单位地区生产总值能耗", "全市的单位地区生产总值能耗"), "吨标准煤/万元",
           (([x for x in LEVEL_DOWN if x[0] in ("降至", "下降到", "降低到", "控制在…以内", "控制在…以下", "不高于")],
             LE, ("", "以下")),), tuple(_plain(0.42))),
    Family("intensity level", ("万元工业增加值用水量", "万元地区生产总值用水量"), "立方米",
           (([x for x in LEVEL_DOWN if x[0] in ("降至", "下降到", "控制在…以内", "控制在…以下", "不超过")],
             LE, ("", "以下")),), tuple(_plain(12, 25.5))),
    Family("electricity", ("可再生能源发电量", "全市的光伏发电量"), "亿千瓦时",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过", "提高到")], GE, ("", "以上", "左右")),),
           tuple(_plain(500, 12.6))),
    Family("area", ("人均公园绿地面积", "城市人均公园绿地面积"), "平方米",
           (([x for x in LEVEL_UP if x[0] in ("达到", "提高到", "不低于", "稳定在…以上")], GE, ("", "以上")),),
           tuple(_plain(15, 14.5))),
    Family("area", ("湿地保护面积", "全省的湿地保护面积"), "万公顷",
           (([x for x in LEVEL_UP if x[0] in ("达到", "不低于", "稳定在…以上", "保持在…以上")], GE, ("", "以上")),),
           tuple(_plain(80))),
    Family("length", ("城市轨道交通运营里程", "高速公路通车里程"), "公里",
           (([x for x in LEVEL_UP if x[0] in ("达到", "突破", "超过", "增至")], GE, ("", "以上", "左右")),),
           tuple(_plain(300, 8500))),
    Family("count level", ("国家级绿色工厂", "省级以上绿色工厂数量"), "家",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过", "不少于", "突破")]
             + [("不少于", "{h}不少于{v}")], GE, ("", "以上", "左右")),), tuple(_plain(50))),
    Family("count level", ("公共充电桩", "新能源汽车保有量"), "万辆",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过", "突破")], GE, ("", "以上", "左右")),), tuple(_plain(12, 3.5))),
    Family("share (为)", ("非化石能源消费比重", "清洁能源消费比重"), "%",
           (([("为", "{h}为{v}{a}"), ("保持在", "{h}保持在{v}{a}")], EQ, ("", "左右")),), tuple(_pct(20))),
    Family("share (成, 三分之二)", ("城市生活垃圾资源化利用率", "绿色建筑占新建建筑的比例"), "%",
           (([x for x in LEVEL_UP if x[0] in ("达到", "超过", "提高到")], GE, ("", "以上")),),
           (Num("N成", "九成", 90.0, True), Num("N分之M", "三分之二", 66.7, True), Num("百分之N", "百分之九十五", 95.0, True))),
    Family("amount cap", ("煤炭消费量",), "万吨",
           (([("减少到", "{h}减少到{v}{a}"), ("减少至", "{h}减少至{v}{a}"), ("下降到", "{h}下降到{v}{a}")], LE, ("", "以下")),),
           tuple(_plain(2800))),
    Family("annual change", ("单位地区生产总值能耗", "万元工业增加值用水量"), "%",
           (([("年均下降", "{h}年均下降{v}{a}"), ("年均降低", "{h}年均降低{v}{a}")], RED, ("", "以上", "左右")),),
           tuple(_pct(3) + _pct(2.5))),
    Family("dimensionless", ("农田灌溉水有效利用系数", "全市的农田灌溉水有效利用系数"), "无量纲",
           (([x for x in LEVEL_UP if x[0] in ("达到", "提高到", "提高至", "不低于", "稳定在…以上")], GE, ("", "以上")),),
           tuple(_plain(0.6, 0.585))),
    Family("ratio N∶1", ("城乡居民收入比", "城乡居民人均可支配收入比"), "无量纲",
           (([("缩小到", "{h}缩小到{v}{a}"), ("缩小至", "{h}缩小至{v}{a}"), ("控制在…以内", "{h}控制在{v}以内")],
             LE, ("", "以内")),), (Num("ratio", "2.2∶1", 2.2, True), Num("ratio", "2.1:1", 2.1, True))),
    Family("dimensionless", ("新建大型数据中心电能利用效率（PUE）", "新建数据中心PUE"), "无量纲",
           (([x for x in LEVEL_DOWN if x[0] in ("降至", "降到", "降低到", "控制在…以内", "控制在…以下", "不高于", "低于")],
             LE, ("", "以下")),), tuple(_plain(1.3, 1.25))),
]
# hedges that read as an adverb before the verb make no sense with a verb that is already a comparison
_NO_BEFORE = ("不低于", "不少于", "不高于", "不超过", "低于", "超过", "突破", "逾")

# verbs of work with their object: 建成15个绿色工厂 (relation =)
CREATE = [("至少建成", "至少建成{v}{u}绿色工厂"), ("建成", "建成{v}{u}绿色工厂"), ("创建", "创建{v}{u}绿色工厂"), ("培育", "培育{v}{u}专精特新企业"),
          ("新建", "新建{v}{u}加氢站"), ("累计建成", "累计建成{v}{u}零碳园区"), ("打造", "打造{v}{u}零碳示范园区"),
          ("建设", "建设{v}{u}近零碳排放示范区")]
_COUNT_UNIT = {"至少建成": "个", "建成": "个", "创建": "家", "培育": "家", "新建": "座", "累计建成": "个", "打造": "个", "建设": "个"}
CREATE_AMOUNT = [("新增", "新增光伏发电装机{v}万千瓦", "万千瓦", 200.0, "200"),
                 ("完成", "完成造林{v}万亩", "万亩", 12.5, "12.5"),
                 ("新增(object first)", "新增{v}万千瓦光伏发电装机", "万千瓦", 200.0, "200"),
                 ("推广", "推广新能源汽车{v}万辆", "万辆", 3.0, "3"),
                 ("改造", "完成既有建筑节能改造{v}万平方米", "万平方米", 500.0, "500"),
                 ("实现节能量", "实现节能量{v}万吨标准煤", "万吨标准煤", 50.0, "50"),
                 ("减排", "减排二氧化碳{v}万吨", "万吨", 300.0, "300")]

FILLERS = (("全市新能源汽车保有量达到10万辆", 10.0, "万辆", GE),
           ("城市生活污水集中收集率达到70%", 70.0, "%", GE))


@dataclass(frozen=True)
class Statement:
    family: str
    frame: str
    hedge: str
    numeral: str
    subject: str | None  # None: a verb of work with its object
    vp: str  # verb phrase with the value
    value: float
    unit: str
    relation: str


def statements() -> Iterator[Statement]:
    """Every honest (verb, value, hedge) of the families (their subjects in turn), then the verbs of work."""
    turn = 0
    for fam in FAMILIES:
        for frames, rel, afters in fam.frames:
            for (fname, tpl), num, before, after in itertools.product(frames, fam.nums, BEFORE, afters):
                if "{a}" not in tpl and after:
                    continue
                if before and fname in _NO_BEFORE or (before == "要" and fname == "为"):
                    continue  # (要为20%: 要 before 为 reads "to … for", not a goal)
                if after == "左右" and "约" in tpl:
                    continue
                if num.style in ("N成", "N分之M", "一半") and after == "左右":
                    continue
                v = num.text + ("" if num.unit_written else ("%" if fam.unit == "%" else
                                                             "" if fam.unit == "无量纲" else fam.written or fam.unit))
                vp = tpl.format(h=before, v=v, a=after)
                hedge = "+".join(x for x in (before, "约" if "约" in tpl else "", after) if x) or "none"
                subj = fam.subjects[turn % len(fam.subjects)]  # the subjects taken in turn
                turn += 1
                yield Statement(fam.name, fname, hedge, num.style, subj, vp, num.value, fam.unit, rel)
    for (fname, tpl), num, before in itertools.product(CREATE, _counts(), BEFORE):
        u = _COUNT_UNIT[fname]
        yield Statement("count (verb + object)", fname, before or "none", num.style, None,
                        before + tpl.format(v=num.text, u=u), num.value, u, GE if "至少" in fname else EQ)
    for (fname, tpl, unit, value, written), before in itertools.product(CREATE_AMOUNT, BEFORE):
        # (减排/压减 an amount: reduce_by, lead's convention of session 9)
        yield Statement("amount (verb + object)", fname, before or "none", "arabic", None,
                        before + tpl.format(v=written), value, unit, RED if fname == "减排" else EQ)
    # multiples: 比2020年翻一番 = 2 倍 (relation =, as most of the unseen gold writes it)
    for subj, before, (fname, vp, value) in itertools.product(
            ("数字经济核心产业增加值", "节能环保产业规模"), BEFORE,
            (("比B翻一番", "比2020年翻一番", 2.0), ("比B翻番", "比2020年翻番", 2.0), ("实现翻番", "实现翻番", 2.0),
             ("比B翻两番", "比2010年翻两番", 4.0))):
        if before == "要" and fname == "实现翻番":
            continue
        yield Statement("multiple", fname, before or "none", "翻N番", subj, before + vp, value, "倍", EQ)


CONTEXTS = ("one clause", "year clause ，", "subject before deadline", "after target ，", "after year clause ；",
            "year clause ， + 责任单位")


def _compose(st: Statement, deadline: tuple[str, str, int], context: str, filler: int) -> Case | None:
    dname, dform, year = deadline
    subj = st.subject if st.subject is not None else "全市"
    full = subj + st.vp if st.subject is not None else st.vp
    ans = [Answer(year, st.value, st.unit, st.relation)]
    if context == "one clause":
        if dform.startswith(("力争", "确保")) or st.hedge.startswith(("力争", "确保")):
            return None  # 力争到2025年全市…力争达到: two hedges in one clause
        text = f"{dform}{subj if st.subject is None else ''}{full}。"
    elif context == "year clause ，":
        text = f"{dform}，{full}。"
    elif context == "year clause ， + 责任单位":
        text = f"{dform}，{full}。（责任单位：市发展改革委、市生态环境局）"
    elif context == "subject before deadline":
        if st.subject is None or dform.startswith(("力争", "确保")):
            return None
        text = f"{subj}{dform}{st.vp}。"
    else:
        ftext, fval, funit, frel = FILLERS[filler % len(FILLERS)]
        if st.unit == funit and abs(st.value - fval) < 1e-9:
            return None
        ans.insert(0, Answer(year, fval, funit, frel))
        mark = "，" if context == "after target ，" else "；"
        if st.subject is None and mark == "，":
            text = f"{dform}，{ftext}，{st.vp}。"
        else:
            text = f"{dform}，{ftext}{mark}{full}。"
    cell = {"family": st.family, "frame": st.frame, "hedge": st.hedge, "numeral": st.numeral,
            "deadline": dname, "context": context, "unit": st.unit,
            "subject_de": "with 的" if "的" in subj else "without 的"}
    return Case(text, tuple(ans), cell)


# --- report forms: not targets ------------------------------------------------------------------------
REPORTS = [
    ("截至Y年底", "截至2023年底，{s}。"), ("截至Y年", "截至2023年，{s}。"), ("截止Y年底", "截止2023年底，{s}。"),
    ("截至Y年底(one clause)", "截至2023年底{s}。"), ("“十三五”期间(one clause)", "“十三五”期间{s}。"),
    ("“十三五”时期", "“十三五”时期，{s}。"), ("“十三五”末", "“十三五”末，{s}。"), ("Y年(past)", "2023年，{s}。"), ("Y年(past, inline)", "2023年{s}。"), ("“十三五”期间", "“十三五”期间，{s}。"),
    ("“十三五”以来", "“十三五”以来，{s}。"), ("Y年以来", "2021年以来，{s}。"), ("去年", "去年，{s}。"),
    ("目前…已", "目前，{s_done}。"), ("已", "{s_done}。"), ("同比", "2023年，{s_yoy}。"),
    ("过去五年", "过去五年，{s}。"), ("与2015年相比，2020年", "与2015年相比，2020年{s}。"),
    ("累计完成", "截至2023年底，累计完成造林{n}万亩。"), ("下降了", "2023年，{s_le}。"),
    ("截至目前", "截至目前，{s}。"), ("近年来", "近年来，{s}。"), ("今年以来", "今年以来，{s}。"), ("1—10月", "1—10月，{s}。"),
    ("已提前完成", "{s_done}，提前完成“十四五”目标。"),
]
_REPORT_STATEMENTS = [
    ("森林覆盖率", "达到30%", "已达到30%", "同比提高1.2个百分点", "达到了30%"),
    ("新能源装机容量", "达到500万千瓦", "已达到500万千瓦", "同比增长12%", "达到了500万千瓦"),
    ("单位地区生产总值能耗", "比2020年下降13.5%", "已比2020年下降13.5%", "同比下降3.2%", "下降了3.2%"),
    ("PM2.5年均浓度", "降至35微克/立方米", "已降至35微克/立方米", "同比下降5.1%", "降至了35微克/立方米"),
    ("全市", "建成15个绿色工厂", "已建成15个绿色工厂", "新建绿色工厂同比增加3个", "建成了15个绿色工厂"),
    ("我国", "累计完成造林5.29亿亩", "已累计完成造林5.29亿亩", "完成造林面积同比增加6%", "完成了造林5.29亿亩"),
]


def reports() -> Iterator[Case]:
    for (rname, tpl), (subj, s, done, yoy, le) in itertools.product(REPORTS, _REPORT_STATEMENTS):
        text = tpl.format(s=subj + s, s_done=subj + done, s_yoy=subj + yoy, s_le=subj + le, n="12.5")
        yield Case(text, (), {"family": "report", "frame": rname, "hedge": "none", "numeral": "arabic",
                              "deadline": rname, "context": "report", "unit": "-", "subject_de": "without 的"})
    # a report, then a target after ；: only the target counts
    for (subj, s, _, _, _), (dname, dform, year) in itertools.product(
            _REPORT_STATEMENTS[:2], [d for d in _deadline_forms() if d[2] == 2025 or "十" in d[0]][:12]):
        unit, value = ("%", 40.0) if "覆盖率" in subj else ("万千瓦", 800.0)
        text = f"截至2023年底，{subj}{s}；{dform}，{subj}达到{value:g}{unit}。"
        yield Case(text, (Answer(year, value, unit, GE),),
                   {"family": "report then target", "frame": "达到", "hedge": "none", "numeral": "arabic",
                    "deadline": dname, "context": "report ；target", "unit": unit, "subject_de": "without 的"})


def _case(text: str, answers: list[Answer], family: str, frame: str, deadline: str, context: str, unit: str,
          hedge: str = "none") -> Case:
    return Case(text, tuple(answers), {"family": family, "frame": frame, "hedge": hedge, "numeral": "arabic",
                                       "deadline": deadline, "context": context, "unit": unit,
                                       "subject_de": "without 的"})


# --- peak targets: indicator …达峰, relation <=, value the year, unit 年 -------------------------------
PEAK_SUBJECTS = ("全市", "全省", "工业领域", "城乡建设领域", "交通运输领域")
PEAK_FORMS = [  # (name, template with {s} subject and {Y} year)
    ("Y年前实现碳达峰", "{s}{Y}年前实现碳达峰"), ("在Y年前实现碳达峰", "{s}在{Y}年前实现碳达峰"),
    ("力争Y年前实现碳达峰", "{s}力争{Y}年前实现碳达峰"), ("力争在Y年前实现碳达峰", "{s}力争在{Y}年前实现碳达峰"),
    ("确保Y年前实现碳达峰", "{s}确保{Y}年前实现碳达峰"), ("二氧化碳排放Y年前达到峰值", "{s}二氧化碳排放{Y}年前达到峰值"),
    ("力争在Y年实现二氧化碳排放达到峰值", "{s}力争在{Y}年实现二氧化碳排放达到峰值"),
    ("碳排放力争Y年前达峰", "{s}碳排放力争{Y}年前达峰"),
    ("到Y年，…二氧化碳排放量达到峰值", "到{Y}年，{s}二氧化碳排放量达到峰值"),
    ("到Y年，…实现碳达峰", "到{Y}年，{s}实现碳达峰"),
]
PEAK_NOT = [  # a title, a work, a means, after the peak: no target
    ("《…碳达峰实施方案》", "{s}印发《{Y}年前碳达峰实施方案》。"), ("为…奠定基础", "为{Y}年前实现碳达峰奠定坚实基础。"),
    ("碳达峰后稳中有降", "{s}碳排放达峰后稳中有降。"), ("制定碳达峰行动方案", "{s}制定{Y}年前碳达峰行动方案。"),
]


def peaks() -> Iterator[Case]:
    for i, ((name, tpl), subj) in enumerate(itertools.product(PEAK_FORMS, PEAK_SUBJECTS)):
        year = (2030, 2028, 2027)[i % 3]
        yield _case(tpl.format(s=subj, Y=year) + "。", [Answer(year, float(year), "年", LE)], "peak", name,
                    name.split("Y")[0] + "Y" + name.split("Y")[1][:3], "peak", "年")
    for (name, tpl), subj in itertools.product(PEAK_NOT, PEAK_SUBJECTS[:2]):
        yield _case(tpl.format(s=subj, Y=2030), [], "peak (not a target)", name, "-", "report", "-")


# --- a year range: a level held over it → one record per year; an amount over it (累计, 新增) or an
# annual rate (年均) → one record for its last year (lead's conventions, session 9) -------------------
RANGE_SEPS = ("—", "至", "-", "到")
RANGE_LEVELS = [("稳定在…以上", "森林覆盖率稳定在30%以上", 30.0, "%", GE),
                ("保持在…以上", "城市空气质量优良天数比例保持在85%以上", 85.0, "%", GE),
                ("控制在…以内", "PM2.5年均浓度控制在35微克/立方米以内", 35.0, "微克/立方米", LE),
                ("不低于", "城市生活污水集中收集率不低于70%", 70.0, "%", GE)]
RANGE_AMOUNTS = [("累计新增", "累计新增光伏发电装机200万千瓦", 200.0, "万千瓦", EQ),
                 ("累计完成", "累计完成造林12.5万亩", 12.5, "万亩", EQ),
                 ("年均下降", "单位地区生产总值能耗年均下降3%", 3.0, "%", RED),
                 ("累计下降", "单位地区生产总值二氧化碳排放累计下降18%", 18.0, "%", RED)]


def ranges() -> Iterator[Case]:
    for sep, (first, last) in itertools.product(RANGE_SEPS, ((2024, 2026), (2025, 2027))):
        dname = f"Y{sep}Y年"
        for name, text, value, unit, rel in RANGE_LEVELS:
            yield _case(f"{first}{sep}{last}年，{text}。", [Answer(y, value, unit, rel) for y in range(first, last + 1)],
                        "year range (level)", name, dname, "year clause ，", unit)
        for name, text, value, unit, rel in RANGE_AMOUNTS:
            yield _case(f"{first}{sep}{last}年，全市{text}。", [Answer(last, value, unit, rel)],
                        "year range (amount, 年均)", name, dname, "year clause ，", unit)


# --- a move from a base year's level to a target year's (由2020年的23%提高到2025年的30%) -------------------
MOVES = [("由…提高到", "森林覆盖率由2020年的23%提高到{Y}年的30%", 30.0, "%", GE),
         ("从…提升至", "非化石能源消费比重从2020年的16.4%提升至{Y}年的25%", 25.0, "%", GE),
         ("由…下降到", "PM2.5年均浓度由2020年的40微克/立方米下降到{Y}年的35微克/立方米", 35.0, "微克/立方米", LE),
         ("从…降至", "煤炭消费量从2020年的3500万吨降至{Y}年的3000万吨", 3000.0, "万吨", LE),
         ("由…增加到", "新能源装机容量由2020年的300万千瓦增加到{Y}年的800万千瓦", 800.0, "万千瓦", GE)]


def moves() -> Iterator[Case]:
    for (name, tpl, value, unit, rel), year, subj in itertools.product(MOVES, (2025, 2030), ("", "全市")):
        yield _case(subj + tpl.format(Y=year) + "。", [Answer(year, value, unit, rel)], "move (由…到Y年的…)", name,
                    "Y年的 (after 到)", "one clause", unit)


# --- a binding and a strive level of one indicator (确保达到1700万千瓦，力争达到2000万千瓦) -----------------------
BILEVELS = [("新能源装机容量", 1700.0, 2000.0, "万千瓦", "确保达到{a}，力争达到{b}", GE),
            ("非化石能源消费比重", 20.0, 22.0, "%", "确保达到{a}，力争达到{b}", GE),
            ("单位地区生产总值能耗", 13.5, 15.0, "%", "确保下降{a}，力争下降{b}", RED),
            ("PM2.5年均浓度", 35.0, 32.0, "微克/立方米", "确保控制在{a}以内，力争降至{b}", LE)]


def bilevels() -> Iterator[Case]:
    for (subj, a, b, unit, tpl, rel), dform, year in itertools.product(
            BILEVELS, ("到{Y}年，", "{Y}年前，", "到{Y}年底，"), (2025, 2030)):
        u = "" if unit == "%" else unit
        text = dform.format(Y=year) + subj + tpl.format(a=f"{a:g}{'%' if unit == '%' else u}",
                                                        b=f"{b:g}{'%' if unit == '%' else u}") + "。"
        yield _case(text, [Answer(year, a, unit, rel), Answer(year, b, unit, rel)], "确保…，力争…",
                    tpl.split("{")[0] + "…力争", dform.replace("{Y}", "Y").rstrip("，"), "year clause ，", unit)


# --- 分别/均 lists: over years, over indicators, one value shared -----------------------------------------
def lists() -> Iterator[Case]:
    for y in (2025, 2027):
        y2 = 2030 if y == 2025 else 2035
        rows = [
            ("over years", f"到{y}年和{y2}年，森林覆盖率分别达到30%和32%。", [(y, 30.0, "%"), (y2, 32.0, "%")], GE),
            ("over years", f"到{y}年、{y2}年，非化石能源消费比重分别达到20%、25%左右。", [(y, 20.0, "%"), (y2, 25.0, "%")], GE),
            ("over indicators", f"到{y}年，PM2.5、PM10年均浓度分别控制在35、60微克/立方米以内。",
             [(y, 35.0, "微克/立方米"), (y, 60.0, "微克/立方米")], LE),
            ("over indicators", f"到{y}年，全市化学需氧量、氨氮排放总量分别比2020年下降8%和9%。", [(y, 8.0, "%"), (y, 9.0, "%")], RED),
            ("over indicators", f"到{y}年，城市生活垃圾回收利用率、资源化利用率分别达到35%、60%以上。",
             [(y, 35.0, "%"), (y, 60.0, "%")], GE),
            ("one value shared (均)", f"到{y}年，化肥、农药利用率均提高到43%以上。", [(y, 43.0, "%"), (y, 43.0, "%")], GE),
            ("one value shared (均)", f"{y}年底前，全市二氧化硫、氮氧化物排放总量均比2020年下降10%。", [(y, 10.0, "%"), (y, 10.0, "%")], RED),
        ]
        for name, text, keys, rel in rows:
            yield _case(text, [Answer(a, b, c, rel) for a, b, c in keys], "分别/均 list", name, "到Y年", "year clause ，",
                        keys[0][2])


# --- a level and its change in one statement; a share of a total; a level held near a value -----------------
COMPOUNDS = [
    ("level, 比B提高 points", "森林覆盖率达到30%，比2020年提高5个百分点", [(30.0, "%", GE), (5.0, "个百分点", INC)]),
    ("level, 较B下降 %", "PM2.5年均浓度降至32微克/立方米，较2020年下降15%", [(32.0, "微克/立方米", LE), (15.0, "%", RED)]),
    ("达到X的N%", "全省新能源汽车新车销售量达到汽车新车销售总量的20%左右", [(20.0, "%", GE)]),
    ("X占Y比重达到", "非化石能源占能源消费总量比重达到20%左右", [(20.0, "%", GE)]),
    ("稳定在…左右", "PM2.5年均浓度稳定在30微克/立方米左右", [(30.0, "微克/立方米", EQ)]),
    ("prose goal, then a number", "城市黑臭水体基本消除，县级城市建成区黑臭水体消除比例达到90%", [(90.0, "%", GE)]),
]


def compounds() -> Iterator[Case]:
    forms = [f for f in _deadline_forms() if f[0] in ("到Y年", "Y年前", "到Y年底", "“十四五”末", "力争到Y年")]
    for (name, text, keys), (dname, dform, year) in itertools.product(COMPOUNDS, forms):
        yield _case(f"{dform}，{text}。", [Answer(year, v, u, r) for v, u, r in keys], "compound statement", name,
                    dname, "year clause ，", keys[0][1])


# --- a statistic and a goal in one sentence (截至2023年底，…达到300万千瓦，到2025年达到500万千瓦) ------------------------
STAT_THEN_GOAL = [("截至Y年底，…，到Y年…", "截至2023年底，{s}{a}，到{Y}年{h}{b}。"),
                  ("目前…为…，到Y年…", "目前{s}为{a0}，到{Y}年{h}{b}。"),
                  ("Y年…为…，到Y年…", "2023年{s}为{a0}，到{Y}年{h}{b}。")]
_STAT_ROWS = [("全市新能源装机", "达到300万千瓦", "300万千瓦", "达到500万千瓦", 500.0, "万千瓦", GE),
              ("全市森林覆盖率", "达到25%", "25%", "达到30%", 30.0, "%", GE),
              ("PM2.5年均浓度", "降至38微克/立方米", "38微克/立方米", "降至35微克/立方米", 35.0, "微克/立方米", LE)]


PAST_MOVES = [("森林覆盖率由2020年的23%提高到2023年的25%，到{Y}年{h}达到30%", 30.0, "%", GE),
              ("PM2.5年均浓度由2020年的42微克/立方米下降到2023年的38微克/立方米，到{Y}年{h}降至35微克/立方米", 35.0,
               "微克/立方米", LE)]


def stats_then_goals() -> Iterator[Case]:
    for (tpl, value, unit, rel), year, hedge in itertools.product(PAST_MOVES, (2025, 2030), ("", "力争")):
        yield _case(tpl.format(Y=year, h=hedge) + "。", [Answer(year, value, unit, rel)], "statistic, then goal",
                    "由…到2023年的…，到Y年…", "到Y年", "report ，target", unit, hedge or "none")
    for (name, tpl), (subj, a, a0, b, value, unit, rel), year, hedge in itertools.product(
            STAT_THEN_GOAL, _STAT_ROWS, (2025, 2030), ("", "力争")):
        text = tpl.format(s=subj, a=a, a0=a0, b=b, Y=year, h=hedge)
        yield _case(text, [Answer(year, value, unit, rel)], "statistic, then goal", name, "到Y年", "report ，target", unit,
                    hedge or "none")


@functools.cache
def cases() -> list[Case]:
    """Every statement in two contexts (contexts and deadlines taken in turn), every family with
    every deadline form in every context, the report forms, peaks, year ranges, moves and
    binding/strive pairs."""
    out: list[Case] = []
    forms = _deadline_forms()
    all_statements = list(statements())
    for i, st in enumerate(all_statements):
        for j in (i % len(CONTEXTS), (i + 2) % len(CONTEXTS)):
            case = _compose(st, forms[(i * 7 + j * 3) % len(forms)], CONTEXTS[j], i + j)
            if case is not None:
                out.append(case)
    # every family meets every deadline form in every context (its statements taken in turn)
    by_family: dict[str, list[Statement]] = defaultdict(list)
    for st in all_statements:
        by_family[st.family].append(st)
    by_name: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for form in forms:
        by_name[form[0]].append(form)
    k = 0
    for family, sts in by_family.items():
        for (name, dforms), context in itertools.product(by_name.items(), CONTEXTS):
            for _ in range(4):  # (a composition refused as unidiomatic: the family's next statement)
                case = _compose(sts[k % len(sts)], dforms[k % len(dforms)], context, k)
                k += 1
                if case is not None:
                    out.append(case)
                    break
    out.extend(reports())
    for extra in (peaks(), ranges(), moves(), bilevels(), lists(), compounds(), stats_then_goals()):
        out.extend(extra)
    return out


def sample(n: int, seed: int = 10) -> list[Case]:
    """A fixed random subset (the fast test's): the same ``seed`` gives the same cases."""
    all_ = cases()
    return random.Random(seed).sample(all_, min(n, len(all_)))


# --- scoring -----------------------------------------------------------------------------------------
def _keys(answers: tuple[Answer, ...] | list[Answer]) -> list[Key]:
    return sorted((a.year, round(a.value, 3), a.unit) for a in answers)


def run(case: Case) -> tuple[bool, list[Key], list[tuple[Key, str]]]:
    """(passes, predicted keys, relations predicted) of one case under the unseen sets' key."""
    from cocontrol.plans.extract import extract_plan

    got = [t for t in extract_plan(case.text).targets if t.value is not None]
    pred = sorted((t.year or 0, round(t.value or 0.0, 3), t.unit or "") for t in got)
    rels = [((t.year or 0, round(t.value or 0.0, 3), t.unit or ""), str(t.relation)) for t in got]
    return pred == _keys(case.answers), pred, rels


DIMENSIONS = ("family", "frame", "hedge", "numeral", "deadline", "context", "unit", "subject_de")


def score(items: list[Case]) -> tuple[dict[str, dict[str, list[int]]], list[tuple[Case, list[Key]]], int]:
    """Per dimension and value: [passed, total]; the failing cases; relation errors (not in the key)."""
    per: dict[str, dict[str, list[int]]] = {d: defaultdict(lambda: [0, 0]) for d in DIMENSIONS}
    failing: list[tuple[Case, list[Key]]] = []
    relation_errors = 0
    for case in items:
        ok, pred, rels = run(case)
        for d in DIMENSIONS:
            cell = per[d][case.cell[d]]
            cell[0] += ok
            cell[1] += 1
        if not ok:
            failing.append((case, pred))
        else:
            want = {(a.year, round(a.value, 3), a.unit): a.relation for a in case.answers}
            relation_errors += sum(1 for k, r in rels if want.get(k) != r)
    return per, failing, relation_errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=3, help="failing sentences shown per failing cell")
    ap.add_argument("--cell", default=None, help="only cases of DIM=VALUE (e.g. frame=达到)")
    ap.add_argument("--all", action="store_true", help="print every cell, not only the failing ones")
    args = ap.parse_args(argv)
    items = cases()
    if args.cell:
        dim, _, val = args.cell.partition("=")
        items = [c for c in items if c.cell.get(dim) == val]
    per, failing, rel_err = score(items)
    passed = len(items) - len(failing)
    print(f"{len(items)} compositions, {passed} pass ({passed / max(1, len(items)):.3f}); "
          f"relation differences on passing cases: {rel_err}")
    for d in DIMENSIONS:
        rows = sorted(per[d].items(), key=lambda kv: kv[1][0] / kv[1][1])
        bad = [(v, p, n) for v, (p, n) in rows if p < n]
        print(f"\n[{d}] {len(per[d])} cells, {len(bad)} failing")
        for v, (p, n) in rows if args.all else [(v, (p, n)) for v, p, n in bad]:
            print(f"  {v:28s} {p:5d}/{n:<5d} {p / n:.3f}")
            shown = 0
            for case, pred in failing:
                if case.cell[d] == v and shown < args.examples:
                    print(f"      {case.text}  want {_keys(case.answers)} got {pred}")
                    shown += 1
    return 0 if not failing else 1


if __name__ == "__main__":
    raise SystemExit(main())
