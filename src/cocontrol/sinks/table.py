"""Sink activity table (碳汇活动数据): schema, checks, and the shared output shape.

Input, one row per number (long format, like the inventory's activity table)::

    region, year, sink_type, item, variable, value, unit

``sink_type`` is one of :data:`SINK_TYPES`; ``item`` names the species (牡蛎, 海带), the site or
project (天鹅湖海草床) or the forest type (温带松林, 杨树); ``variable`` says what the number is
(:data:`VARIABLES`), so that, for instance, a wet-weight harvest is never mistaken for a dry one.
The frame's index is taken as the spreadsheet row number in messages (as in
:mod:`cocontrol.data.activity`).

Output rows carry the unit ``tCO2`` and the provenance of every parameter used
(:func:`provenance`): ``parameters`` (name=value unit [status]), ``sources`` (short citations,
full entries in ``refdata/SOURCES.md``) and ``status`` — the weakest status of the parameters
used, so a figure that rests on an unverified number says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from cocontrol.data.names import Vocabulary, names, normalise
from cocontrol.errors import Problem, ReferenceDataError, UnitError
from cocontrol.units import conversion_factor

COLUMNS = ("region", "year", "sink_type", "item", "variable", "value", "unit")
OUTPUT = ("region", "year", "sink_type", "item", "component", "species", "value", "unit",
          "method", "parameters", "sources", "status", "note")

#: sink types and their Chinese names (shown to bureau users)
SINK_TYPES: dict[str, str] = names("sink_type")
"""Sink type → Chinese name (``refdata/terms.csv``, kind ``sink_type``)."""

#: output components and their Chinese names
COMPONENTS: dict[str, str] = {
    "soft_tissue": "软体组织/藻体碳",
    "shell": "贝壳碳",
    "soil": "沉积物碳埋藏",
    "biomass_gain": "林木生物量生长",
    "wood_removal_loss": "采伐消耗",
    "stock_change": "生物量碳储量变化",
}

#: variables of each sink type: code → (accepted aliases, unit the value is converted to)
VARIABLES: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {
    "aquaculture": {
        "harvest_wet": (("鲜重产量", "活重产量", "产量(鲜重)", "wet"), "t"),
        "harvest_dry": (("干重产量", "产量(干重)", "dry"), "t"),
    },
    "seagrass": {"area": (("面积", "修复面积"), "公顷"), "retention": (("保存率",), "dimensionless")},
    "forest": {
        "area": (("面积", "林地面积"), "公顷"),
        "growing_stock": (("蓄积量", "活立木蓄积量"), "立方米"),
        "volume_increment": (("年生长量", "蓄积年生长量"), "立方米"),
        "harvest_volume": (("采伐量", "消耗量", "采伐消耗量"), "立方米"),
    },
}
VARIABLES["salt_marsh"] = VARIABLES["mangrove"] = VARIABLES["seagrass"]

STATUS_RANK = {"unverified": 0, "transcribed": 1, "verified": 2}

#: tonnes CO2 per tonne C (molar masses 44/12, the convention of IPCC 2006 and HY/T 0305)
C_TO_CO2 = 44.0 / 12.0


@dataclass(frozen=True)
class Param:
    """One reference number as used in a computation, with its provenance."""

    name: str
    value: float
    unit: str
    source: str
    status: str


def provenance(params: Iterable[Param]) -> dict[str, str]:
    """``parameters``, ``sources`` and the weakest ``status`` of the parameters used."""
    used = list(params)
    sources = list(dict.fromkeys(p.source for p in used))
    return {
        "parameters": "; ".join(f"{p.name}={p.value:g}{_unit(p.unit)} [{p.status}]" for p in used),
        "sources": "; ".join(sources),
        "status": min((p.status for p in used), key=STATUS_RANK.__getitem__),
    }


def parameter_index(table: pd.DataFrame, key: str, required: Iterable[str], unit: str,
                    name: str) -> dict[str, dict[str, Param]]:
    """``key`` value → parameter → :class:`Param` in ``unit``; every key needs ``required``."""
    out: dict[str, dict[str, Param]] = {}
    for r in table.to_dict("records"):
        value = float(r["value"]) * conversion_factor(str(r["unit"]), unit)
        out.setdefault(str(r[key]), {})[str(r["parameter"])] = Param(
            str(r["parameter"]), value, unit, str(r["source"]), str(r["status"]))
    for item, params in out.items():
        lacking = [p for p in required if p not in params]
        if lacking:
            raise ReferenceDataError(f"{name}: {item!r} lacks parameters {lacking}")
    return out


def _unit(unit: str) -> str:
    return "" if unit in ("", "1", "dimensionless") else f" {unit}"


def vocabulary(kind: str, names: Mapping[str, Iterable[str]]) -> Vocabulary:
    """A name vocabulary (code → aliases) with close-match suggestions for unknown names."""
    lookup: dict[str, str] = {}
    display: list[str] = []
    for code, aliases in names.items():
        for name in (code, *aliases):
            lookup.setdefault(normalise(name), code)
            display.append(name)
    return Vocabulary(kind, lookup, tuple(dict.fromkeys(display)))


def unknown(kind: str, vocab: Vocabulary, name: object, column: str, row: int) -> Problem:
    """A problem for an unknown name, listing the closest known names."""
    hint = vocab.suggest(name)
    text = f"unknown {kind}" + (f" — did you mean {' / '.join(hint)}?" if hint else "")
    return Problem(text, row=row, column=column, found=str(name),
                   expected=f"one of {', '.join(vocab.display[:12])}"
                   + (" …" if len(vocab.display) > 12 else ""))


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def validate(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Check the common columns; return rows with canonical codes and converted values.

    The result has the input columns plus ``amount`` (``value`` in the variable's unit of
    :data:`VARIABLES`); rows with a problem are dropped from it and listed in the problems.
    """
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        return pd.DataFrame(columns=[*COLUMNS, "amount"]), [Problem("missing column", column=c, expected="column present")
                                 for c in missing]
    types = vocabulary("sink type", {k: (v,) for k, v in SINK_TYPES.items()})
    problems: list[Problem] = []
    keep: dict[object, dict[str, object]] = {}
    for row, rec in zip(frame.index, frame.to_dict("records"), strict=True):
        row_problems = _check_row(int(row), rec, types)
        if isinstance(row_problems, dict):
            keep[row] = row_problems
        else:
            problems += row_problems
    out = pd.DataFrame.from_dict(keep, orient="index", columns=[*COLUMNS, "amount"])
    key = out[["region", "year", "sink_type", "item", "variable"]].astype(str)
    for rows in key[key.duplicated(keep=False)].groupby(list(key.columns)).groups.values():
        listed = ", ".join(str(int(r)) for r in rows)
        problems += [Problem(f"duplicate key (rows {listed})", row=int(r),
                             column="region/year/sink_type/item/variable",
                             expected="one row per key") for r in rows]
    return out, problems


def _check_row(row: int, rec: dict[str, object],
               types: Vocabulary) -> dict[str, object] | list[Problem]:
    problems: list[Problem] = []
    at = {"row": row}
    region, item = _text(rec["region"]), _text(rec["item"])
    for col, val in (("region", region), ("item", item)):
        if val is None:
            problems.append(Problem(f"missing {col}", column=col, **at))
    year = pd.to_numeric(_text(rec["year"]), errors="coerce")
    if pd.isna(year) or year != int(year) or not 1900 <= year <= 2100:
        problems.append(Problem("bad year", column="year", expected="a year such as 2023",
                                found=_text(rec["year"]), **at))
    sink = types.resolve(_text(rec["sink_type"]) or "")
    variable = None
    if sink is None:
        problems.append(unknown("sink type", types, rec["sink_type"], "sink_type", row))
    else:
        known = VARIABLES[sink]
        variables = vocabulary(f"variable of {sink}", {k: v[0] for k, v in known.items()})
        variable = variables.resolve(_text(rec["variable"]) or "")
        if variable is None:
            problems.append(unknown(f"variable of {sink}", variables, rec["variable"],
                                    "variable", row))
    raw = _text(rec["value"])
    value = pd.to_numeric(raw, errors="coerce")
    if raw is None or pd.isna(value):
        problems.append(Problem("missing value" if raw is None else "not a number",
                                column="value", expected="a number ≥ 0", found=raw, **at))
    elif value < 0:
        problems.append(Problem("negative value", column="value", expected="a number ≥ 0",
                                found=raw, **at))
    factor = None
    if sink is not None and variable is not None:
        target = VARIABLES[sink][variable][1]
        try:
            factor = conversion_factor(_text(rec["unit"]) or "", target)
        except UnitError as exc:
            problems.append(Problem(f"unit does not fit {variable}: {exc}", column="unit",
                                    expected=f"a unit convertible to {target}",
                                    found=_text(rec["unit"]), **at))
    if problems:
        return problems
    return {"region": region, "year": int(year), "sink_type": sink, "item": item,
            "variable": variable, "value": float(value), "unit": _text(rec["unit"]),
            "amount": float(value) * float(factor or 0.0)}


def rows_of(group: pd.DataFrame) -> str:
    """Row numbers of a group, for messages."""
    return ", ".join(str(int(r)) for r in group.index)


def frame(records: list[dict[str, object]]) -> pd.DataFrame:
    """Output records as a DataFrame with the :data:`OUTPUT` columns."""
    return pd.DataFrame.from_records(records, columns=list(OUTPUT))
