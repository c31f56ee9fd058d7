"""Published figures (发布数据项): every number the product publishes, defined once.

``registry.yaml`` (in this package) holds each figure's Chinese and English name, definition
and formula, unit and display unit, scope and sign convention and displayed precision.
:mod:`cocontrol.figures.emissions`, :mod:`cocontrol.figures.synergy` and
:mod:`cocontrol.figures.targets` compute the figures once for a region and year from the
inventory and tracking results; the web pages, the JSON API, the Word/PDF/Excel reports and the
CLI read them from there and format them with :func:`display`, so the same figure reads the
same on every surface.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from cocontrol.units import conversion_factor


@dataclass(frozen=True)
class FigureDef:
    """One published figure as the registry defines it."""

    key: str
    name_zh: str
    name_en: str
    definition_zh: str
    definition_en: str
    formula: str
    unit: str
    display_unit: str
    display_unit_en: str
    decimals: int
    scope: str
    sign: str

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def unit_shown(self, lang: str = "zh") -> str:
        return self.display_unit if lang == "zh" else self.display_unit_en

    def header(self, lang: str = "zh") -> str:
        """Column header: name and display unit, e.g. 二氧化碳排放量（万吨）."""
        unit = self.unit_shown(lang)
        if not unit:
            return self.name(lang)
        return f"{self.name(lang)}（{unit}）" if lang == "zh" else f"{self.name(lang)} ({unit})"

    def scaled(self, value: float | None) -> float | None:
        """The value in the display unit (万吨 for CO2 in t), rounded to the displayed precision;
        None for a missing value. −0.0 becomes 0.0 so no sign is shown that the digits do not carry."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        factor = _factor(self.unit, self.display_unit) if self.display_unit else 1.0
        shown = round(float(value) * factor, self.decimals)
        return shown + 0.0 if shown != 0 else 0.0


@functools.cache
def _factor(unit: str, display: str) -> float:
    if unit == display or unit in ("%", "1", ""):
        return 1.0
    return conversion_factor(unit, display)


@functools.cache
def _raw() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("registry.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.cache
def registry() -> dict[str, FigureDef]:
    """Every published figure by key (``co2``, ``apeq``, ``co2_change`` …)."""
    return {key: FigureDef(key=key, **{k: (int(v) if k == "decimals" else str(v)) for k, v in spec.items()})
            for key, spec in _raw()["figures"].items()}


def figure(key: str) -> FigureDef:
    """The definition of one figure (KeyError names the known keys)."""
    try:
        return registry()[key]
    except KeyError:
        raise KeyError(f"no published figure {key!r}; known: {', '.join(registry())}") from None


def convention(name: str) -> Any:
    """A registry-wide convention (``change_zh``, ``change_en``, ``base_year``)."""
    return _raw()["conventions"][name]


def number(value: float, decimals: int, *, grouping: bool = True) -> str:
    """The one way a number is written on every surface: ``decimals`` fixed places, thousands
    grouped with commas (``9,956.65``), −0 written 0. :func:`display` and the report writers'
    table cells (:func:`cocontrol.reports.model.format_cell`) both write numbers through it."""
    shown = round(float(value), decimals)
    shown = shown + 0.0 if shown != 0 else 0.0
    return f"{shown:,.{decimals}f}" if grouping else f"{shown:.{decimals}f}"


def display(key: str, value: float | None, *, unit: bool = False, lang: str = "zh",
            grouping: bool = True) -> str:
    """The text every surface shows for ``value`` (in the figure's ``unit``): scaled to the display
    unit, rounded to the registry's decimals, thousands grouped, "—" when missing; ``unit`` appends
    the display unit (``9,956.65万吨``)."""
    spec = figure(key)
    shown = spec.scaled(value)
    if shown is None:
        return "—"
    text = number(shown, spec.decimals, grouping=grouping)
    if unit and spec.unit_shown(lang):
        text += spec.unit_shown(lang) if lang == "zh" else f" {spec.unit_shown(lang)}"
    return text


__all__ = ["FigureDef", "convention", "display", "figure", "number", "registry"]
