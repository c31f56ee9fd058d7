"""Unit registry (计量单位) with the units Chinese plans and statistics use.

One pint registry for the whole package. Chinese unit names (万千瓦, 万吨标准煤, 亿千瓦时,
微克/立方米, 亩 …) are defined explicitly, and ambiguous pint symbols are guarded:
``kt`` is a knot in pint and ``C`` a coulomb (pyam#442), so :func:`parse_unit` refuses them
instead of silently converting tonnes into speeds.

Definitions and their sources:

* 吨标准煤 (tce) = 29.3076 GJ — GB/T 2589-2020《综合能耗计算通则》: 1 kgce = 29 307.6 kJ.
* 亩 = 10000/15 m² (666.67 m²) — 《中华人民共和国法定计量单位》市制换算, 1 公顷 = 15 亩.
* 标准立方米 (Nm³) is a volume at 0 °C and 101.325 kPa; it is kept as a volume unit, the
  reference state being a property of the data, not of the unit.
* Counts (个, 家, 座, 台, 处, 辆 …) share the dimension ``[item]`` so that a count is never
  confused with a percentage.
"""

from __future__ import annotations

from functools import lru_cache

import pint

from cocontrol.errors import UnitError

_DEFINITIONS = """
# --- counts -----------------------------------------------------------------------
item = [item] = 个 = 项
家 = item
座 = item
台 = item
处 = item
辆 = item
艘 = item
户 = item
人 = item
套 = item
条 = item
所 = item
头 = item
只 = item
万头 = 1e4 * item
万个 = 1e4 * item
万辆 = 1e4 * item
万户 = 1e4 * item
万人 = 1e4 * item

# --- money ------------------------------------------------------------------------
yuan = [currency] = 元 = CNY
万元 = 1e4 * yuan
亿元 = 1e8 * yuan

# --- mass -------------------------------------------------------------------------
吨 = tonne
千吨 = 1e3 * tonne
万吨 = 1e4 * tonne
百万吨 = 1e6 * tonne
亿吨 = 1e8 * tonne
千克 = kilogram = 公斤
# mass of a named species (the species itself lives in its own column): tCO2/MWh, tC/GJ
tCO2 = tonne = tCO2e = 吨二氧化碳
tC = tonne = 吨碳
kgCO2 = kilogram = kgCO2e
万吨二氧化碳 = 1e4 * tonne
克 = gram
毫克 = milligram
微克 = microgram

# --- energy -----------------------------------------------------------------------
tce = 29.3076 * gigajoule = 吨标准煤 = 吨标煤
kgce = 1e-3 * tce = 千克标准煤 = 千克标煤
万吨标准煤 = 1e4 * tce = 万吨标煤
亿吨标准煤 = 1e8 * tce = 亿吨标煤
千瓦时 = kilowatt_hour = 度
万千瓦时 = 1e4 * kilowatt_hour
亿千瓦时 = 1e8 * kilowatt_hour
千瓦小时 = kilowatt_hour
万千瓦小时 = 1e4 * kilowatt_hour
亿千瓦小时 = 1e8 * kilowatt_hour
千焦 = kilojoule
兆焦 = megajoule = 千千焦
吉焦 = gigajoule = 百万千焦
万百万千焦 = 1e4 * gigajoule
太焦 = terajoule

# --- power ------------------------------------------------------------------------
千瓦 = kilowatt
万千瓦 = 1e4 * kilowatt
兆瓦 = megawatt
吉瓦 = gigawatt

# --- length, area, volume ----------------------------------------------------------
米 = meter
千米 = kilometer = 公里
万公里 = 1e4 * kilometer
平方米 = meter ** 2
万平方米 = 1e4 * meter ** 2
亿平方米 = 1e8 * meter ** 2
平方千米 = kilometer ** 2 = 平方公里
亩 = 10000 / 15 * meter ** 2
万亩 = 1e4 * 亩
公顷 = hectare
万公顷 = 1e4 * hectare
立方米 = meter ** 3
标准立方米 = meter ** 3 = Nm3
万立方米 = 1e4 * meter ** 3
亿立方米 = 1e8 * meter ** 3
万标准立方米 = 1e4 * meter ** 3
亿标准立方米 = 1e8 * meter ** 3
升 = liter

# --- time -------------------------------------------------------------------------
天 = day = 日
小时 = hour
年 = year

# --- shares -----------------------------------------------------------------------
百分点 = percent = 个百分点
"""

# Symbols pint knows but that mean something else in our field.
_AMBIGUOUS = {
    "kt": "kt is a knot in pint; write 千吨 or 'kilotonne'",
    "C": "C is a coulomb; write the species in its own column (CO2, C) and the unit as t",
    "Mt": None,  # megametric_ton: fine
}

# Spellings seen in statistics tables, mapped to registry expressions.
_ALIASES = {
    "%": "percent",
    "％": "percent",
    "‰": "permille",
    "μg/m³": "microgram / meter ** 3",
    "ug/m3": "microgram / meter ** 3",
    "µg/m³": "microgram / meter ** 3",
    "mg/m³": "milligram / meter ** 3",
    "万kW": "万千瓦",
    "万kWh": "万千瓦时",
    "亿kWh": "亿千瓦时",
    "MtCO2": "megatonne",
    "万tce": "万吨标准煤",
    "万m³": "万立方米",
    "万m3": "万立方米",
    "万Nm³": "万立方米",
    "Nm³": "标准立方米",
    "万Nm3": "万立方米",
    "亿m³": "亿立方米",
    "亿m3": "亿立方米",
    "m³": "meter ** 3",
    "m3": "meter ** 3",
    "m²": "meter ** 2",
    "m2": "meter ** 2",
    "t": "tonne",
    "kt": None,
}


def _build() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in _DEFINITIONS.strip().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ureg.define(line)
    ureg.define("permille = 0.001 = ‰")
    return ureg


ureg: pint.UnitRegistry = _build()
Quantity = ureg.Quantity


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> pint.Unit:
    """Parse a unit as written in a plan or a table (``"万千瓦"``, ``"μg/m³"``, ``"t"``).

    Raises :class:`UnitError` for an empty, unknown or ambiguous unit, naming it.
    """
    raw = (text or "").strip()
    if not raw:
        raise UnitError("empty unit; expected a unit such as 万吨, tce, 万千瓦时 or %")
    if _AMBIGUOUS.get(raw):
        raise UnitError(f"ambiguous unit {raw!r}: {_AMBIGUOUS[raw]}")
    expr = _ALIASES.get(raw, raw)
    if expr is None:
        raise UnitError(f"ambiguous unit {raw!r}")
    if expr == raw and any(ch.isspace() for ch in raw):
        raise UnitError(f"unknown unit {raw!r}: a unit is written without spaces, e.g. 万吨/年")
    expr = expr.replace("³", "**3").replace("²", "**2").replace("·", "*")
    try:
        return ureg.parse_units(expr)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError,
            TypeError, ValueError, AssertionError) as exc:
        raise UnitError(f"unknown unit {raw!r}") from exc


@lru_cache(maxsize=4096)
def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Multiplier that turns a value in ``from_unit`` into ``to_unit``.

    Convert factors and column metadata, not every row: inside Ibis the factor is one
    scalar multiplication (ecosystem notes §1.7). Cached per pair (a factor table asks for
    the same few pairs thousands of times); an error is not cached and raises each time.
    """
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    try:
        return float(ureg.Quantity(1.0, src).to(dst).magnitude)
    except pint.errors.DimensionalityError as exc:
        raise UnitError(
            f"cannot convert {from_unit!r} to {to_unit!r}: "
            f"{src.dimensionality} is not {dst.dimensionality}"
        ) from exc


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert a number between units, e.g. ``convert(326, "万千瓦", "MW") == 3260``."""
    return value * conversion_factor(from_unit, to_unit)


def is_compatible(unit_a: str, unit_b: str) -> bool:
    """True when both units parse and measure the same kind of quantity."""
    try:
        conversion_factor(unit_a, unit_b)
    except UnitError:
        return False
    return True


def to_base(value: float, unit: str) -> tuple[float, str]:
    """Value in SI base units and the unit's canonical string (for ``value_si``/``unit_si``)."""
    q = ureg.Quantity(value, parse_unit(unit)).to_base_units()
    return float(q.magnitude), f"{q.units:~}"
