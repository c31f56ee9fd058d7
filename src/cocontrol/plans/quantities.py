"""Quantities as plans write them: number + unit + bound word (326万千瓦, 不少于1980吨,
90%以上, 24微克/立方米以下, 百分之十, 两个, 三分之一).

The unit is kept as written (万千瓦 stays 万千瓦), with spaces removed and full-width ％
written as ``%``; a 万/亿/万亿 directly before the base unit is part of the unit (1.2万亿元,
4.2亿吨标煤, 1.1万亿千瓦时, 1.5亿t), and so is a per-unit with its own prefix (182公里/万平方公里,
50万立方米/日, 330万吨/年); 每 reads as / (29微克每立方米 → 微克/立方米), and a volume written first
as the per-unit (每立方米22微克 → 22 微克/立方米), as is a time (每日70万吨 → 70 万吨/日).

Dimensionless values (issue 10) take the unit :data:`DIMENSIONLESS` (无量纲): a ratio written
2.2∶1 / 2.2:1 (value 2.2), and a bare number after an indicator that has no unit — 系数
(农田灌溉水有效利用系数达到0.60以上), PUE / 电能利用效率 (PUE降至1.3以下), 指数, 比值 — within
its clause; and a ratio named X与Y比 (炼焦产能与长流程炼钢产能比控制在0.4以下). Multiples: N倍 is a quantity with unit 倍, and 翻一番/翻两番 is 2/4 倍 (翻番 alone: 2 倍; 翻一番以上 keeps its bound).
Tenths: 三成 / 2成 = 30 % / 20 %; a Chinese figure before % is a share (约三十％ = 30 %). A number with only its 万/亿 in a
分别 list takes the base unit after the next one (分别达到2亿和1亿千瓦 → 2 亿千瓦); a power and its energy over a slash are
two amounts (500万千瓦/1000万千瓦时以上).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cocontrol.plans.numerals import parse_number

CONCENTRATION_UNITS = ("微克/立方米", "毫克/立方米", "μg/m³", "µg/m³", "μg/m3", "µg/m3",
                       "ug/m3", "mg/m³", "mg/m3", "毫克/升", "mg/L", "mg/l", "微克每立方米",
                       "毫克每立方米", "毫克每升", "毫克/千克", "mg/kg", "微克/升", "μg/L",
                       # (round wb) μ typed as u or the micro sign, in every form (25ug/m³, 0.5ug/L, 0.5µg/L)
                       "ug/m³", "ug/L", "µg/L",
                       # the cubic metre of Taiwan texts, 立方公尺 (15微克/立方公尺)
                       "微克/立方公尺", "毫克/立方公尺")
# tonnes of a gas, in both words for the tonne (吨; 公吨, the metric tonne of 台湾/香港/澳门 texts and some mainland
# ones: 减少631万公吨二氧化碳当量, 27.5万吨CO2e, 18.675百万公吨CO₂e)
TONNES_OF_GAS = tuple(t + g for t in ("吨", "公吨")
                      for g in ("二氧化碳当量", "二氧化碳", "CO2当量", "CO2e", "CO2", "CO₂e", "CO₂"))
# the money of other places, named as their texts name it (500亿港元, 300亿新台币, 4000亿澳门元, 2000亿人民币)
CURRENCIES = ("港元", "港币", "新台币", "台币", "澳门元", "澳门币", "人民币")
BASE_UNITS = (
    "千瓦时", "千瓦", "兆瓦时", "兆瓦", "吉瓦时", "吉瓦", "太瓦时", "太瓦", "千伏安", "兆伏安",
    "MWh", "kWh", "GWh", "TWh", "MW", "GW", "kW", "TW", "MVA", "kVA",
    "克标准煤", "千克标准煤", "吨标准煤", "吨标煤", "克标煤", "千克标煤", "t标准煤", "t标煤", "kgce", "tce", "个等级", "克",
    *TONNES_OF_GAS, "tCO2e", "tCO2", "吨原煤", "吨", "公吨", "千克", "公斤", "斤",
    "平方公里", "平方千米", "平方米", "标准立方米", "立方米", "标方", "公顷", "亩", "公里", "千米",
    "平方公尺", "立方公尺", "公尺",  # the metre of Taiwan texts, 公尺 (人行道宽3公尺, 绿地1.2万平方公尺)
    "m³", "m3", "km²", "km2", "hm²", "m²", "m2", "km",
    "标准箱", "标箱", "TEU", "人次", "车次", "艘次", "延米", "分贝", "次",
    "亩次", "公顷次", "架次",  # work repeated on the same land or by the same machines (统防统治50万亩次, 飞防作业2000架次)
    "EFLOPS", "PFLOPS", "TFLOPS", "EB", "PB", "TB", "GB", "Tbps", "Gbps", "Mbps",  # (出口带宽22Tbps, 月人均流量33GB)  # computing power and storage (算力规模超过300EFLOPS, 存储总量超过1800EB)
    "㎡", "㎢", "㎞", "㎥", "㎏", "㎾", "㎿",
    "个百分点", "百分点", "个", "家", "座", "台", "套", "处", "辆", "艘", "户", "条", "所",
    # (round ba) a network's delay in milliseconds (边缘计算节点访问时延小于3毫秒, 城际专网时延控制在15毫秒以内)
    "项", "株", "粒", "只", "头", "棵", "种", "美元", "元", "天", "小时", "分钟", "毫秒", "微秒", "人", "蒸吨", "倍", "岁", "t",
    "根", "盏", "栋", "幢",  # 充电桩15万根, 路灯2000盏, 建筑30栋
    "架", "标准机架", "标台",  # 数据中心机架规模达到50万架 / 50万标准机架; 死亡率控制在4.5人/万标台 (standard buses)
    "口",  # 新建200万口户用沼气池, 打井50口 (wells, pits)
    "重量箱",  # 淘汰平板玻璃产能2000万重量箱 (the weight case of plate glass, 50 kg)
    "回路",  # 外受电通道增加到18条37回路 (circuits of a power line)
    "瓩",  # 千瓦 written as one character in texts of Taiwan (裝置容量達19萬瓩, 達成1百萬瓩(GW)目標)
    *CURRENCIES,
    "羽", "枚", "尾", "匹",  # 出笼乌鸡1600万羽, 鸡蛋4000万枚, 增殖放流鱼苗1000万尾, 马2000匹 (counts of poultry, eggs, fish, horses)
)
# units read only after a 万/亿 prefix (1.2亿度电 is an amount of electricity; a bare 2度 is a temperature)
PREFIXED_ONLY = ("度", "方", "米")  # 350亿方 (亿立方米) of gas; a bare 方 is no unit; 11万米 of river buffer (a bare 米 is a height)
DIMENSIONLESS = "无量纲"
# measure words a year's list of works and services counts in (issue 10, round te): beds 张 (床位220张), rooms 间
# (30间休息室), lifts 部 (42部电梯), signs and pitches 块 (64块标志), people 名 (8000名老人), events 场/场次 (义诊活动
# 100场次), pieces 件 (年产家具120万件(套)), pots 盆 (花卉展摆不少于90万盆; not 盆地, 盆景), tracts 片 (打造6片城市森林;
# not 片区). Read after figures only — a list writes its counts in figures, and these words are also other words
# after a numeral (一张蓝图, 一部分, 一块儿) — and not where they begin another word (3部门, 10场馆, 5场景), nor 名 as a
# rank (前10名, 第3名: see find_quantities)
# (and 支, the measure word of Hong Kong and Taiwan texts for posts and poles: 充电桩约2万支, 高速充电桩4,000支; not
# 支持, 支出, 支付, 支援, 支柱, 支流, 支部, 支队)
MEASURE_WORDS = ("场次", "张", "间", "部", "块", "名", "场", "件", "盆", "片", "支")
_MEASURE_WORD = r"(?:场次|张|间(?![距隔])|部(?![门分委署级位])|块(?![状])|名(?![次单])|场(?![景馆地所站合面域])|件(?![事])|盆(?![地景栽])" \
    r"|片(?![区段状面刻断式])|支(?![持出付援柱流部队撑线路]))"
COUNT_UNITS = frozenset({"个", "家", "座", "台", "套", "处", "辆", "艘", "户", "条", "所", "项",
                         "株", "粒", "只", "头", "棵", "人", "次", "种", "根", "盏", "栋", "幢", "架", "标台", "口",
                         "羽", "枚", "尾", "匹", "回路", *MEASURE_WORDS})
_PREFIX = r"(?:百万|千万|万亿|万|亿|兆(?=[斤元吨]))?"  # (兆 = 万亿 in Taiwan copies: 1.45兆斤, 30兆元)
_BASE = "|".join(re.escape(u) for u in sorted(BASE_UNITS, key=len, reverse=True))
_CONC = "|".join(re.escape(u) for u in sorted(CONCENTRATION_UNITS, key=len, reverse=True))
# (降尘强度8.5吨/月·平方公里, 5吨/平方公里·月: a rate over a month and an area)
_PER = rf"(?:/{_PREFIX}(?:万元|元|年|月|日|天|小时|秒|人|户|{_BASE})(?:·(?:月|年|平方公里|平方千米))?)?"
UNIT = rf"(?:%|％|‰|{_CONC}|{_PREFIX}(?:余|多)?(?:{_BASE}){_PER}|(?:万亿|万|亿)(?:余|多)?(?:{'|'.join(PREFIXED_ONLY)})" \
       rf"|(?<=[\d余多])(?:万|亿)?(?:余|多)?{_MEASURE_WORD})"
# a number is not read where Latin letters follow it (5G, 3D, PM2.5ug), unless they are a unit (200GW, 12kWh)
_LATIN_UNIT = "|".join(re.escape(u) for u in sorted(
    [u for u in BASE_UNITS + CONCENTRATION_UNITS if u[:1].isascii() and u[:1].isalpha()], key=len, reverse=True))
BOUND_AFTER = ("及以上", "以上", "及以下", "以下", "以内", "左右", "多")
_CN = "零〇一二两三四五六七八九十百千点廿卅"
# a Chinese numeral, with a middle dot for 点 between its digits (廿七·五万吨 = 27.5 万吨)
_CN_NUMERAL = rf"[{_CN}]+(?:·[零〇一二三四五六七八九]+)?"
# N成 is N tenths (三成 = 30 %, 綠能占2成 = 20 %), not where 成 begins a word (二成员, 3成都, 一成不变, 两成本)
_TENTH_NOT_WORD = r"(?![为立功效果本员都长熟型交品就绩套片批年人网环林规不])"
# a figure glued to what is before it, where that cannot go on: the energy after a power (储能规模500万千瓦/1000万千瓦时),
# an amount after the name PM2.5 (削减PM2.5251.37公吨: PM2.5 has no more digits)
_GLUED_AFTER = r"|(?<=瓦/)(?=[\d.]+(?:万|亿)?千瓦时)|(?<=[kMG]W/)(?=[\d.]+[kMGT]Wh)|(?<=PM2\.5)(?=[1-9])"
QUANTITY = re.compile(
    rf"(?P<num>(?:(?<![A-Za-z0-9.\-_/×\u2160-\u217f])|(?<=[%％][-—－])|(?<=[\d万亿][-—－~～]){_GLUED_AFTER})(?:\d{{1,3}}(?:,\d{{3}})+(?![\d])|\d(?: \d{{3}})+(?=[\u4e00-\u9fff])|\d+)(?:\.\d+)?(?![\d.]*(?!{_LATIN_UNIT})[A-Za-z]{{2}})"
    rf"|(?<![第国每统周星之其唯万亿{_CN}])(?<![{_CN}]·){_CN_NUMERAL})"
    rf"(?P<more>余|多)?\s*(?P<unit>{UNIT})(?P<bound>{'|'.join(BOUND_AFTER)})?"
    # (百分之七点五至十, 百分之一到二: a range of shares, its high end written without its 百分之 — not 百分之十到百分之二十)
    rf"|百分之\s*(?P<pct>[{_CN}]+|\d+(?:\.\d+)?(?![\d.]))(?:\s*(?:至|到|[-—－~～])\s*(?P<pct2>[{_CN}]+)(?![分{_CN}]))?"
    rf"(?P<pbound>{'|'.join(BOUND_AFTER)})?"
    # 减半 (碳排放量减半) is a cut by half; not 减半征收 / 减半收取 / 减半计征 (a fee charged at half)
    rf"|(?P<half>一半|减半(?![征收缴计执]))(?P<hbound>{'|'.join(BOUND_AFTER)})?"
    # (三至四成: a range of tenths, the low end written without its 成)
    rf"|(?:(?P<tlow>[一二两三四五六七八九])\s*(?:至|到|[-—－~～])\s*(?=[一二两三四五六七八九]成))?"
    rf"(?<![\d.十百千万亿第])(?P<tenth>[一二两三四五六七八九]|[1-9])成(?P<tenth2>[一二三四五六七八九](?![成\u4e00-\u9fff]{{0,1}}[个家座])|半(?=以上|左右|以内|[，,。；;、）)\s]|$))?(?P<tbound>{'|'.join(BOUND_AFTER)})?{_TENTH_NOT_WORD}"
    rf"|(?<![\u4e00-\u9fff]{{2}}[率比])(?P<den>[二三四五六七八九十])分之(?P<fnum>[一二三四五六七八九])(?P<fbound>{'|'.join(BOUND_AFTER)})?"
    rf"|(?P<fanall>翻(?P<fan>[一两二三四])?番)(?P<fanbound>以上|多)?"
    # 装机实现倍增。: a doubling as the goal of its clause (not 倍增计划 / 倍增工程, a name)
    rf"|(?P<doubling>倍增)(?=[，,。；;、）)]|$)"
    rf"|(?P<ratio>(?<![\d.])\d+(?:\.\d+)?)\s*[∶:]\s*1(?![\d.])(?P<rbound>{'|'.join(BOUND_AFTER)})?"
)
# an indicator without a unit, then (within its clause) a bare number: 系数达到0.60以上, PUE降至1.3
_DIMLESS = re.compile(
    # 炼焦产能与长流程炼钢产能比控制在0.4以下: a ratio of two named quantities (X与Y比)
    r"(?:系数|PUE值?|电能利用效率|能源利用效率\(PUE\)|指数|比值|与[\u4e00-\u9fff]{1,12}?比(?![例重率]))"
    # (a deadline may stand between the indicator and its verb: 系数到2030年末确保达到0.6以上)
    r"(?:[^，,；;。：:\d%]|(?:19[5-9]\d|20\d{2})\s*年){0,16}?"
    rf"(?P<num>(?<![\d.])\d+(?:\.\d+)?)(?P<bound>{'|'.join(BOUND_AFTER)})?"
    r"(?![\d.%‰]|\s*[\u4e00-\u9fffA-Za-z/∶:]*(?:年|月|日|个|元|吨|米|瓦|时|倍|项|家|座|处))"
)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written; ``start``/``end`` index the clean text."""

    value: float
    unit: str
    bound: str
    start: int
    end: int
    numeral: str


def normalize_unit(unit: str) -> str:
    """Unit as written, without spaces, with ASCII ``%`` and 每 written as ``/``."""
    return re.sub(r"\s+", "", unit).replace("％", "%").replace("每", "/")


def _cn_value(numeral: str | None) -> float | None:
    """Value of a Chinese numeral, or None where there is none or it is no numeral (十 → 10.0; 点 alone → None)."""
    if not numeral:
        return None
    try:
        return parse_number(numeral)
    except (ValueError, KeyError):
        return None


# (round ad) the other measure word a count is written with, in brackets right after it (5000套(间), 13条(个)以上, 369台(套)):
# part of the amount as written — the unit stays the first word —, and a bound after it is the amount's
# (the count words a list writes both ways, as the gold does: not 120万件(套) of a product, an output in its own unit)
_ALT_MEASURED = frozenset("个条座处家所项台套")
_ALT_MEASURE = re.compile(r"[（(][个条座处家所项台套间][）)](?P<bound>及以上|以上|左右)?")


def find_quantities(text: str) -> list[Quantity]:
    """All number+unit occurrences in ``text`` (clean text, see :mod:`textnorm`)."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if m.group("fanall") is not None:  # 翻一番 = 2 倍, 翻两番 = 4 倍; 翻番 (no numeral) = 翻一番
            value = 2.0 ** parse_number(m.group("fan") or "一")
            out.append(Quantity(value, "倍", m.group("fanbound") or "", m.start(), m.end(), m.group(0)))
            continue
        if m.group("doubling") is not None:  # 实现倍增 = 2 倍 (as 翻一番)
            out.append(Quantity(2.0, "倍", "", m.start(), m.end(), m.group(0)))
            continue
        if m.group("den") is not None:  # 三分之一 → 33.3 %, 四分之三 → 75 % (one decimal, as a plan writes it)
            num, den = parse_number(m.group("fnum")), parse_number(m.group("den"))
            if num < den:
                out.append(Quantity(round(100.0 * num / den, 1), "%", m.group("fbound") or "", m.start(), m.end(),
                                    m.group(0)))
            continue
        if m.group("ratio") is not None:  # 2.2∶1 → 2.2 (dimensionless)
            out.append(Quantity(float(m.group("ratio")), DIMENSIONLESS, m.group("rbound") or "",
                                m.start(), m.end(), m.group("ratio")))
            continue
        if m.group("pct") is not None:
            try:
                value = parse_number(m.group("pct"))
            except (ValueError, KeyError):
                continue
            high = _cn_value(m.group("pct2"))
            if high is not None and high > value:  # 百分之七点五至十 → 7.5 % and 10 % (range ends, as 三至四成)
                out.append(Quantity(value, "%", m.group("pbound") or "", m.start(), m.end("pct"), m.group("pct")))
                out.append(Quantity(high, "%", m.group("pbound") or "", m.start("pct2"), m.end(), m.group("pct2")))
                continue
            out.append(Quantity(value, "%", m.group("pbound") or "", m.start(), m.end(),
                                m.group(0)))
            continue
        if m.group("tenth") is not None:  # 三成 = 30 %
            second = m.group("tenth2")  # 九成五 = 95 %, 一成半 = 15 % (half a tenth)
            value = 10.0 * parse_number(m.group("tenth")) + (
                (5.0 if second == "半" else parse_number(second)) if second else 0.0)
            low = m.group("tlow")
            if low is not None and 10.0 * parse_number(low) < value:  # 三至四成 → 30 % and 40 % (range ends)
                out.append(Quantity(10.0 * parse_number(low), "%", m.group("tbound") or "", m.start("tlow"),
                                    m.end("tlow"), low))
            out.append(Quantity(value, "%", m.group("tbound") or "", m.start("tenth"), m.end(),
                                m.group(0)[m.start("tenth") - m.start() :]))
            continue
        if m.group("half") is not None:
            out.append(Quantity(50.0, "%", m.group("hbound") or "", m.start(), m.end(), m.group("half")))
            continue
        num = m.group("num")
        try:
            value = parse_number(num)
        except (ValueError, KeyError):
            continue
        unit = normalize_unit(m.group("unit"))
        more = m.group("more") or ("多" if re.match(r"(?:万亿|万|亿)(?:余|多)", unit) else "")
        unit = re.sub(r"^(万亿|万|亿)(?:余|多)", r"\1", unit)  # 1万余个 → 1 万个, 100余家 → 100 家 (more than)
        if not num[0].isdigit() and unit in ("%", "‰") and not _CN_FIGURE.fullmatch(num):
            continue  # (a Chinese numeral before % is read only as a figure: 綠能約三十％, 十一点七％)
        if unit.endswith("名") and re.search(r"(?:前|后|第|排名|名列|位列)\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # 进入全省前10名, 第3名: a rank, not a number of people
        if re.match(r"0\d", num):
            continue  # 各2皱叶丁香00个: a page's spam word split the number; "00" (a leading zero) is no amount
        per = _RATE_FIRST.search(text, max(0, m.start() - 3), m.start()) or _PER_AREA_FIRST.search(
            text, max(0, m.start() - 16), m.start())
        if per is not None and "/" not in unit and unit not in ("%", "‰") and unit not in COUNT_UNITS:
            # 达到每日70万吨 → 万吨/日; 排放量每万平方米不高于300吨 → 吨/万平方米: the per-unit written first
            unit += "/" + per.group(1)  # (the word as written: 每天 → /天, 每日 → /日)
        end, bound = m.end(), m.group("bound") or ("多" if more else "")
        if not bound and unit in _ALT_MEASURED and (alt := _ALT_MEASURE.match(text, end)) is not None:
            end, bound = alt.end(), alt.group("bound") or ""  # 8000套(间)以上, 13条(个)以上: the bound after the other word
        out.append(Quantity(value, unit, bound, m.start(), end, num))
        if len(out) > 1 and out[-2].end == m.start() - 1 and text[out[-2].end] == "/" and not out[-2].bound:
            # 500万千瓦/1000万千瓦时以上: a power and its energy, one bound for both
            out[-2] = Quantity(out[-2].value, out[-2].unit, out[-1].bound, out[-2].start, out[-2].end, out[-2].numeral)
        out[len(out) - 1 : len(out)] = [*_shared_unit(text, out[-1]), out[-1]]
    for m in _PER_FIRST.finditer(text) if "每" in text else ():
        # 每立方米22微克: a concentration written with its volume first → 22 微克/立方米
        value = _cn_value(m.group("num"))  # (每立方公尺廿微克: a Chinese numeral too)
        if value is not None and not any(q.start < m.end() and m.start() < q.end for q in out):
            out.append(Quantity(value, f"{m.group('mass')}/{m.group('den')}", m.group("bound") or "",
                                m.start(), m.end(), m.group("num")))
            out.sort(key=lambda q: q.start)
    if "微克" in text or "毫克" in text:
        out = _with_mass_after_concentration(text, out)
    if "家" in text or "户" in text:
        # 推进千家万户节能行动, 一家一户: idioms whose numerals count nothing
        idioms = [(m.start(), m.end()) for m in _IDIOM.finditer(text)]
        out = [q for q in out if not any(a <= q.start < b for a, b in idioms)]
    if "±" in text:
        out = _without_margins(text, out)
    return _with_range_ends(text, _with_dimensionless(text, out))


# a value written with its margin (38%±2%, 38±2%): the value, its own % if written, and the ± right before the margin
_VALUE_MARGIN = re.compile(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)\s*([%％]?)\s*±\s*$")


def _without_margins(text: str, found: list[Quantity]) -> list[Quantity]:
    """A value and its margin are one amount, the written value: 减少38%±2% → 38 % (the ±2% is no amount), and
    减少38±2% → 38 % (the value takes the margin's unit)."""
    out: list[Quantity] = []
    for q in found:
        m = _VALUE_MARGIN.search(text, max(0, q.start - 16), q.start) if q.numeral[:1].isdigit() else None
        if m is None:
            out.append(q)
            continue
        value = next((o for o in out if o.start <= m.start(1) < o.end), None)
        if value is not None:  # 38%±2%: the value was read with its own unit; it spans its margin
            out.remove(value)
            out.append(Quantity(value.value, value.unit, q.bound or value.bound, value.start, q.end, value.numeral))
        else:  # 38±2%: the value takes the margin's unit
            out.append(Quantity(float(m.group(1)), q.unit, q.bound, m.start(1), q.end, m.group(1)))
    return out


_RATE_FIRST = re.compile(r"每\s*(日|天|小时)\s*$")
_PER_AREA_FIRST = re.compile(r"每\s*((?:万|亿)?(?:平方米|平方公里|立方米|吨|千瓦时|公里))\s*"
                             r"(?:不高于|不超过|不大于|低于|小于|控制在|降至|降到|下降到|下降至|降低到|降低至|达到|不低于|为|约)\s*$")
_PER_FIRST = re.compile(rf"每\s*(?P<den>立方米|立方公尺|升|千克)\s*(?P<num>(?<![\d.])\d+(?:\.\d+)?|[{_CN}]+)\s*(?P<mass>微克|毫克)"
                        rf"(?P<bound>{'|'.join(BOUND_AFTER)})?")
# a mass alone (十五微克, 12毫克) after a concentration of that mass in the same sentence (降到每立方公尺廿微克，2020年再降到
# 十五微克): the later level of the same measure, its volume said once
_BARE_MASS = re.compile(rf"(?P<num>(?<![\d.])\d+(?:\.\d+)?|(?<![{_CN}])[{_CN}]+)\s*(?P<mass>微克|毫克)(?![/每\u4e00-\u9fffA-Za-z])"
                        rf"(?P<bound>{'|'.join(BOUND_AFTER)})?")


def _with_mass_after_concentration(text: str, out: list[Quantity]) -> list[Quantity]:
    """``out`` with each bare mass (十五微克) read in the unit of a concentration of that mass before it, at most 40
    characters back and with no sentence end between (每立方公尺廿微克，…再降到十五微克 → 15 微克/立方公尺)."""
    added = []
    for m in _BARE_MASS.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in out):
            continue
        before = [q for q in out if q.end <= m.start() and m.start() - q.end <= 40 and "/" in q.unit
                  and q.unit.startswith(m.group("mass")) and not re.search(r"[。！？!?；;]", text[q.end : m.start()])]
        value = _cn_value(m.group("num"))
        if before and value is not None:
            added.append(Quantity(value, before[-1].unit, m.group("bound") or "", m.start(), m.end(), m.group("num")))
    return sorted(out + added, key=lambda q: q.start) if added else out


_LEVEL_THEN_DECIMAL = re.compile(
    rf"(?:降低到|降低至|降到|降至|下降到|下降至|提高到|提高至|提升到|提升至|达到|控制在|不高于|不低于|保持在)"
    rf"\s*(?P<num>(?<![\d.])\d+\.\d+)(?P<bound>{'|'.join(BOUND_AFTER)})?(?![\d.%‰\u4e00-\u9fffA-Za-z/])"
)


def _with_dimensionless(text: str, found: list[Quantity]) -> list[Quantity]:
    """Add the bare numbers of unitless indicators (系数, PUE …) that no unit claimed; a
    later clause of the same sentence that sets another bare decimal level (…PUE降至1.3以下，
    严寒和寒冷地区力争降低到1.25以下) continues the same unitless indicator."""
    extra = []
    for m in _DIMLESS.finditer(text):
        start, end = m.start("num"), m.end()
        if any(q.start < end and start < q.end for q in found + extra):
            continue
        extra.append(Quantity(float(m.group("num")), DIMENSIONLESS, m.group("bound") or "",
                              start, end, m.group("num")))
        stop = min((text.find(c, end) for c in "。；;" if text.find(c, end) >= 0), default=len(text))
        for c in _LEVEL_THEN_DECIMAL.finditer(text, end, stop):
            s, e = c.start("num"), c.end()
            if not any(q.start < e and s < q.end for q in found + extra):
                extra.append(Quantity(float(c.group("num")), DIMENSIONLESS, c.group("bound") or "",
                                      s, e, c.group("num")))
    for m in _BARE_PREFIX.finditer(text) if ("亿" in text or "万" in text) else ():
        # 用气人口约达到2.5亿，用户数超过5.6亿；: a count in 万/亿 whose unit the noun before it names
        start, end = m.start("num"), m.end()
        if not any(q.start < end and start < q.end for q in found + extra):
            extra.append(Quantity(float(m.group("num")), m.group("pre"), m.group("bound") or "", start, end, m.group("num")))
    for m in _YEARS_LONG.finditer(text) if "年" in text else ():
        # 劳动年龄人口平均受教育年限提高到11.7年: a length of time in years, not a year
        start, end = m.start("num"), m.end()
        if not any(q.start < end and start < q.end for q in found + extra):
            extra.append(Quantity(float(m.group("num")), "年", m.group("bound") or "", start, end, m.group("num")))
    for m in _ZERO_SHARE.finditer(text) if "0" in text else ():
        # 劣V类水体比例为0, 黑臭水体比例降至0: a share of none is written without its %
        start, end = m.start("num"), m.end("num")
        if not any(q.start < end and start < q.end for q in found + extra):
            extra.append(Quantity(0.0, "%", "", start, end, "0"))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


_IDIOM = re.compile(r"千家万户|万家灯火|百家争鸣|一家一户|千村万户|千家百户")
# the low end of a range of values written before its high end (30-35微克/立方米, 1-2家, 2至3个,
# 4.5%—5%): the number, its own % if written, and the separator right before the quantity
_RANGE_LOW = r"(?<![\d.A-Za-z/\-—－~～])(\d+(?:\.\d+)?)\s*({unit}|[%％]|)\s*(?:[-—－~～]|至|到)\s*$"


def _with_range_ends(text: str, found: list[Quantity]) -> list[Quantity]:
    """Add the low end of each range of values (lead's convention, session 9: a range gives its
    binding end, and the other end is recorded too): 30-35微克/立方米 → 30 and 35 微克/立方米, 2至3个
    → 2 and 3 个. Not a move (由20%到30%), not two units (下降30%至56微克), the low end below the high."""
    extra = []
    for q in found:
        if q.unit == DIMENSIONLESS or not q.numeral[:1].isdigit():
            continue
        # (1000万至1100万人, 1.5亿~1.6亿立方米: the low end carries the high end's prefix only)
        prefix = re.match(r"万亿|亿|万", q.unit)
        own = re.escape(q.unit) + ("|" + prefix.group(0) if prefix else "")
        m = re.compile(_RANGE_LOW.format(unit=own)).search(text, max(0, q.start - 24), q.start)
        if m is None or (m.group(2) in ("%", "％") and q.unit != "%"):
            continue
        low = float(m.group(1))
        if not low < q.value or re.search(r"(?:由|从)\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue
        if any(o.start < m.end(2) and m.start(1) < o.end for o in found if o is not q):
            continue  # 4.5%—5%: the low end was read with its own unit already
        extra.append(Quantity(low, q.unit, q.bound, m.start(1), max(m.end(1), m.end(2)), m.group(1)))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


_BARE_PREFIX = re.compile(rf"(?<![\d.A-Za-z])(?P<num>\d+(?:\.\d+)?)(?P<pre>万亿|亿|万)(?P<bound>{'|'.join(BOUND_AFTER)})?"
                          r"(?=[，,。；;）)])")  # (not at a text's end: a page cut before its unit)
# a length of time measured in years (受教育年限, 预期寿命 in 年, 使用年限): the number is no calendar year
_YEARS_LONG = re.compile(rf"(?:年限|寿命)[^，,；;。：:\d]{{0,8}}?(?P<num>(?<![\d.])\d{{1,2}}(?:\.\d+)?)\s*年"
                         rf"(?P<bound>{'|'.join(BOUND_AFTER)})?(?![底末前内起度后初中])")
# a share or rate set to a bare zero (比例为0, 占比降至0, 发生率控制在0)
_ZERO_SHARE = re.compile(r"(?:比例|比重|占比|率)\s*(?:为|降至|降为|降到|下降到|下降至|控制在|保持在?|实现)\s*(?P<num>0)(?![\d.%‰\u4e00-\u9fffA-Za-z/])")
# (a number with its own 万/亿 shares the base unit after the next one: 分别达到2亿和1亿千瓦 → 2 亿千瓦)
_BARE_LIST = re.compile(r"(?<![\d.\-A-Za-z])(\d+(?:\.\d+)?)(万亿|亿|万)?\s*(、|和|及|与)\s*$")
# a Chinese numeral that writes a figure (三十, 十一点七, 五十, 二十五): tens, units and a decimal part
_CN_FIGURE = re.compile(r"(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?(?:点[零〇一二三四五六七八九]+)?")


def _shared_unit(text: str, q: Quantity) -> list[Quantity]:
    """Numbers listed before a quantity share its unit: 分别下降到30、50微克/立方米 → 30 微克/立方米;
    joined by 和/及/与 only after 分别 (分别下降至50和30立方米: one value per indicator). A number written with its own
    万/亿 takes the base unit with its own prefix (风电和光伏装机分别达到2亿和1亿千瓦 → 2 亿千瓦)."""
    found: list[Quantity] = []
    end = q.start
    base = re.sub(r"^(?:万亿|亿|万)", "", q.unit)
    while True:
        m = _BARE_LIST.search(text, max(0, end - 20), end)
        if m is None or (m.group(3) != "、" and "分别" not in text[max(0, m.start() - 40) : m.start()]):
            break
        if m.group(2) and (base == q.unit or base in ("%", "‰")):
            break  # (2亿和3%: no base unit to share)
        unit = m.group(2) + base if m.group(2) else q.unit
        found.insert(0, Quantity(float(m.group(1)), unit, q.bound, m.start(1), m.end(2) if m.group(2) else m.end(1),
                                 m.group(1)))
        end = m.start()
    return found
