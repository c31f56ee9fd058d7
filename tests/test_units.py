"""Unit registry against published conversions.

Sources: GB/T 2589-2020 (1 kgce = 29 307.6 kJ); 市制 1 公顷 = 15 亩; SI prefixes.
"""

import math

import pytest

from cocontrol.errors import UnitError
from cocontrol.units import conversion_factor, convert, is_compatible, parse_unit, to_base


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (326, "万千瓦", "MW", 3260),  # 威海 nuclear 326万千瓦 = 3.26 GW
        (1, "万千瓦", "千瓦", 1e4),
        (1, "吉瓦", "万千瓦", 100),
        (500, "兆瓦", "万千瓦", 50),
        (1, "亿千瓦时", "GWh", 100),
        (1, "万千瓦时", "千瓦时", 1e4),
        # 中国能源统计年鉴 能源平衡表 units: 热力 万百万千焦 (1e4 × 1e6 kJ), 电力 亿千瓦小时
        (1, "万百万千焦", "GJ", 1e4),
        (3.6, "百万千焦", "千瓦时", 1000),
        (1, "亿千瓦小时", "亿千瓦时", 1),
        (1, "吨标准煤", "GJ", 29.3076),  # GB/T 2589-2020
        (1, "万吨标准煤", "PJ", 0.293076),
        (1, "亿吨标准煤", "万吨标准煤", 1e4),
        (1, "千克标准煤", "MJ", 29.3076),
        (1, "tce", "吨标准煤", 1),
        (3.5, "万吨", "t", 35000),
        (1, "亿吨", "万吨", 1e4),
        (1, "千吨", "t", 1000),
        (1, "亩", "平方米", 10000 / 15),  # 666.67 m²
        (1150, "亩", "公顷", 1150 / 15),  # 威海 seagrass 1150亩 ≈ 76.67 ha
        (1, "万亩", "平方千米", 10000 / 15 * 1e4 / 1e6),
        (1, "公顷", "亩", 15),
        (1, "万公顷", "公顷", 1e4),
        (500, "万平方米", "平方米", 5e6),
        (1, "亿平方米", "万平方米", 1e4),
        (1, "亿元", "万元", 1e4),
        (1, "万元", "元", 1e4),
        (1, "万立方米", "m³", 1e4),
        (1, "亿立方米", "万标准立方米", 1e4),
        (1, "Nm³", "立方米", 1),
        (24, "微克/立方米", "μg/m³", 24),
        (24, "μg/m³", "mg/m³", 0.024),
        (1, "万辆", "辆", 1e4),
        (100, "家", "个", 100),
        (25, "%", "percent", 25),
        (2, "个百分点", "%", 2),
        (1, "万吨标准煤/万元", "tce/元", 1),
    ],
)
def test_published_conversions(value, src, dst, expected):
    assert math.isclose(convert(value, src, dst), expected, rel_tol=1e-12)


def test_mu_is_666_67_square_metres():
    assert round(conversion_factor("亩", "平方米"), 2) == 666.67


def test_tonne_is_not_a_percentage():
    with pytest.raises(UnitError, match=r"万吨.*%|cannot convert"):
        convert(1, "万吨", "%")


def test_count_is_not_a_percentage():
    assert not is_compatible("个", "%")
    assert not is_compatible("万千瓦", "万千瓦时")


@pytest.mark.parametrize("bad", ["kt", "C", "", "   ", "furlongs per 吨", "万万"])
def test_ambiguous_or_unknown_units_are_refused(bad):
    with pytest.raises(UnitError):
        parse_unit(bad)


def test_to_base_gives_si():
    value, unit = to_base(326, "万千瓦")
    assert math.isclose(value, 3.26e9)
    assert "kg" in unit and "m" in unit and "s" in unit


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (0.5703, "tCO2/MWh", "kgCO2/kWh", 0.5703),  # grid factor, per-MWh and per-kWh
        (0.11, "tCO2/GJ", "t/GJ", 0.11),
        (26.37, "tC/TJ", "t/GJ", 0.02637),  # raw-coal carbon content
        (3, "头", "item", 3),
        (1, "万吨二氧化碳", "tCO2", 1e4),
    ],
)
def test_species_mass_units(value, src, dst, expected):
    assert math.isclose(convert(value, src, dst), expected, rel_tol=1e-12)
