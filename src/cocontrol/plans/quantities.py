"""Quantities as plans write them: number + unit + bound word (326万千瓦, 不少于1980吨,
90%以上, 24微克/立方米以下, 百分之十, 两个).

The unit is kept as written (万千瓦 stays 万千瓦), with spaces removed and full-width ％
written as ``%``; a 万/亿 directly before the base unit is part of the unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cocontrol.plans.numerals import parse_number

CONCENTRATION_UNITS = ("微克/立方米", "毫克/立方米", "μg/m³", "µg/m³", "μg/m3", "µg/m3",
                       "ug/m3", "mg/m³", "mg/m3", "毫克/升", "mg/L", "mg/l")
BASE_UNITS = (
    "千瓦时", "千瓦", "兆瓦时", "兆瓦", "吉瓦", "MWh", "kWh", "GWh", "MW", "GW", "kW",
    "克标准煤", "千克标准煤", "吨标准煤", "吨标煤", "个等级", "克", "吨二氧化碳当量", "吨二氧化碳", "吨", "千克", "公斤",
    "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩", "公里", "千米",
    "个百分点", "百分点", "个", "家", "座", "台", "套", "处", "辆", "艘", "户", "条", "所",
    "项", "株", "粒", "只", "头", "棵", "元", "天", "小时", "人", "蒸吨",
)
COUNT_UNITS = frozenset({"个", "家", "座", "台", "套", "处", "辆", "艘", "户", "条", "所", "项",
                         "株", "粒", "只", "头", "棵", "人"})
_PREFIX = r"(?:百万|千万|万|亿)?"
_BASE = "|".join(re.escape(u) for u in sorted(BASE_UNITS, key=len, reverse=True))
_CONC = "|".join(re.escape(u) for u in sorted(CONCENTRATION_UNITS, key=len, reverse=True))
_PER = rf"(?:/(?:万元|元|年|日|天|小时|人|户|{_BASE}))?"
UNIT = rf"(?:%|％|‰|{_CONC}|{_PREFIX}(?:{_BASE}){_PER})"
BOUND_AFTER = ("及以上", "以上", "及以下", "以下", "以内", "左右", "多")
_CN = "零〇一二两三四五六七八九十百千点"
QUANTITY = re.compile(
    rf"(?P<num>(?<![A-Za-z0-9.\-_/×\u2160-\u217f])\d+(?:\.\d+)?(?![\d.]*[A-Za-z]{{2}})"
    rf"|(?<![第国每统周星之其唯万亿{_CN}])[{_CN}]+)"
    rf"\s*(?P<unit>{UNIT})(?P<bound>{'|'.join(BOUND_AFTER)})?"
    rf"|百分之(?P<pct>[{_CN}]+)(?P<pbound>{'|'.join(BOUND_AFTER)})?"
    rf"|(?P<half>一半)(?P<hbound>{'|'.join(BOUND_AFTER)})?"
    rf"|(?P<tenth>[一二两三四五六七八九])成(?P<tbound>{'|'.join(BOUND_AFTER)})?(?![为立功效果本员])"
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
    """Unit as written, without spaces and with ASCII ``%``."""
    return re.sub(r"\s+", "", unit).replace("％", "%")


def find_quantities(text: str) -> list[Quantity]:
    """All number+unit occurrences in ``text`` (clean text, see :mod:`textnorm`)."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if m.group("pct") is not None:
            try:
                value = parse_number(m.group("pct"))
            except (ValueError, KeyError):
                continue
            out.append(Quantity(value, "%", m.group("pbound") or "", m.start(), m.end(),
                                m.group(0)))
            continue
        if m.group("tenth") is not None:  # 三成 = 30 %
            value = 10.0 * parse_number(m.group("tenth"))
            out.append(Quantity(value, "%", m.group("tbound") or "", m.start(), m.end(), m.group(0)))
            continue
        if m.group("half") is not None:
            out.append(Quantity(50.0, "%", m.group("hbound") or "", m.start(), m.end(), "一半"))
            continue
        num = m.group("num")
        try:
            value = parse_number(num)
        except (ValueError, KeyError):
            continue
        unit = normalize_unit(m.group("unit"))
        if not num[0].isdigit() and unit in ("%", "‰"):
            continue
        out.append(Quantity(value, unit, m.group("bound") or "", m.start(), m.end(), num))
        out[len(out) - 1 : len(out)] = [*_shared_unit(text, out[-1]), out[-1]]
    return out


_BARE_LIST = re.compile(r"(?<![\d.\-A-Za-z])(\d+(?:\.\d+)?)\s*、\s*$")


def _shared_unit(text: str, q: Quantity) -> list[Quantity]:
    """Numbers listed before a quantity share its unit: 分别下降到30、50微克/立方米 → 30 微克/立方米."""
    found: list[Quantity] = []
    end = q.start
    while True:
        m = _BARE_LIST.search(text, max(0, end - 20), end)
        if m is None:
            break
        found.insert(0, Quantity(float(m.group(1)), q.unit, q.bound, m.start(1), m.end(1), m.group(1)))
        end = m.start()
    return found
