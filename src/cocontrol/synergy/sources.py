"""Indicator values from the inventory and the statistics (the ``from`` field of the system).

Vocabulary (one term, a ratio of two terms, or ``reduction_rate`` of either)::

    stat:<indicator>      statistics table, region × year (units below are converted)
    emission:<species>    inventory total of a species, t
    apeq                  APeq, t SO2-eq (:func:`cocontrol.synergy.apeq.apeq`)
    A / B                 ratio
    reduction_rate(X)     (X[t−1] − X[t]) / X[t−1] × 100, %, previous calendar year

Statistics indicators with a canonical unit (converted through the unit registry):
``gdp_constant`` 亿元 (constant prices), ``population`` 万人, ``energy_consumption``
万吨标准煤. Any other statistic is used in its own unit, which must be the same on every row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from cocontrol.data.names import label
from cocontrol.errors import CocontrolError, InputError
from cocontrol.synergy._frames import require_columns, species_total, statistic
from cocontrol.synergy.apeq import apeq as compute_apeq
from cocontrol.synergy.system import IndicatorSystem

CANONICAL_UNITS = {"gdp_constant": "亿元", "population": "万人", "energy_consumption": "万吨标准煤"}

_RATE = re.compile(r"^\s*reduction_rate\((.*)\)\s*$")
_TERM = re.compile(r"^(stat:[\w.\-]+|emission:[\w.\-]+|apeq)$")


class Unavailable(CocontrolError):
    """The data an indicator needs are not in the inputs (the indicator is left out, with a note)."""


def parse(expression: str) -> tuple[bool, list[str]]:
    """``(is_rate, [term] or [numerator, denominator])``; raises InputError on bad syntax."""
    match = _RATE.match(expression)
    inner = match.group(1) if match else expression
    terms = [t.strip() for t in inner.split("/")]
    if not 1 <= len(terms) <= 2 or not all(_TERM.match(t) for t in terms):
        raise InputError(f"cannot read indicator formula {expression!r}",
                         expected="stat:<name>, emission:<species>, apeq, A / B or reduction_rate(…)")
    return bool(match), terms


def _term(term: str, emissions: pd.DataFrame | None, statistics: pd.DataFrame | None,
          weights: Mapping[str, float] | None, scopes: Sequence[object] | None) -> pd.Series:
    kind, _, name = term.partition(":")
    if kind == "stat":
        if statistics is None or name not in set(pd.unique(statistics["indicator"])):
            raise Unavailable(f"统计数据中没有“{label('statistic', name)}”")
        if name in CANONICAL_UNITS:
            return statistic(statistics, name, CANONICAL_UNITS[name])
        rows = statistics[statistics["indicator"] == name]
        units = sorted(set(pd.unique(rows["unit"].astype(str))))
        if len(units) > 1:
            raise InputError(f"statistic {name!r} comes in several units {units}", column="unit",
                             expected="one unit per indicator")
        return pd.Series(rows["value"].astype(float).to_numpy(),
                         index=pd.MultiIndex.from_frame(rows[["region", "year"]]), name=name)
    if emissions is None or emissions.empty:
        raise Unavailable("没有排放清单")
    if kind == "emission":
        if name not in set(pd.unique(emissions["species"].astype(str))):
            raise Unavailable(f"排放清单中没有 {name}")
        return species_total(emissions, name, ["region", "year"], scopes if name == "CO2" else None)
    return compute_apeq(emissions, weights, by=["region", "year"]).set_index(["region", "year"])["apeq"]


def evaluate_expression(expression: str, emissions: pd.DataFrame | None,
                        statistics: pd.DataFrame | None, *,
                        weights: Mapping[str, float] | None = None,
                        scopes: Sequence[object] | None = None,
                        cache: dict[str, pd.Series] | None = None) -> pd.Series:
    """Values of one indicator formula by (region, year); NaN where inputs are missing.

    ``cache`` (term → series) lets several formulas share the terms they have in common.
    """
    is_rate, terms = parse(expression)
    memo = cache if cache is not None else {}
    parts = []
    for t in terms:
        if t not in memo:
            memo[t] = _term(t, emissions, statistics, weights, scopes)
        parts.append(memo[t])
    series = parts[0].astype(float)
    if len(parts) == 2:
        num, den = series.align(parts[1].astype(float), join="inner")
        series = num / den.where(den != 0)
    series.index = series.index.set_names(["region", "year"])
    if is_rate:
        prev = series.copy()
        prev.index = pd.MultiIndex.from_arrays(
            [prev.index.get_level_values(0), prev.index.get_level_values(1) + 1],
            names=["region", "year"])
        prev = prev.reindex(series.index)
        series = (prev - series) / prev.where(prev != 0) * 100.0
    return series.replace([np.inf, -np.inf], np.nan)


def indicator_values(system: IndicatorSystem, emissions: pd.DataFrame | None,
                     statistics: pd.DataFrame | None, *,
                     weights: Mapping[str, float] | None = None,
                     scopes: Sequence[object] | None = None) -> tuple[pd.DataFrame, list[str]]:
    """Long table (region, year, indicator, value) for every computable indicator, and notes
    naming each indicator left out and why."""
    if statistics is not None:
        require_columns(statistics, ("region", "year", "indicator", "value", "unit"), "statistics")
    frames, notes = [], []
    cache: dict[str, pd.Series] = {}
    for ind in system.indicators:
        try:
            s = evaluate_expression(ind.source, emissions, statistics, weights=weights,
                                    scopes=scopes, cache=cache)
        except Unavailable as exc:
            notes.append(f"“{ind.name_zh}”未计算：{exc}")
            continue
        s = s.dropna()
        if s.empty:
            notes.append(f"“{ind.name_zh}”未计算：没有一个年份具备所需数据")
            continue
        frames.append(s.rename("value").reset_index().assign(indicator=ind.id))
    if not frames:
        return pd.DataFrame(columns=["region", "year", "indicator", "value"]), notes
    return pd.concat(frames, ignore_index=True)[["region", "year", "indicator", "value"]], notes
