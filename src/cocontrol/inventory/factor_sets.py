"""Factor sets (排放因子集): editions of the air-pollutant factors and control efficiencies.

A factor set is a pair of tables in the form of ``refdata/emission_factors.csv`` (sector, fuel,
technology, species, value, unit, …) and ``refdata/control_technologies.csv`` (sector, fuel,
technology, species, removal_efficiency, basis, …), chosen per run:

* ``tcses2024`` (default) — T/CSES 144—2024《城市大气污染源排放清单编制技术指南》 where the
  standard gives a value; other rows keep the previous value and say why (``refdata/SOURCES.md``);
* ``previous`` — the values shipped before (order-of-magnitude values, mostly unverified), kept
  so that a result can be compared with, or reproduced from, an earlier run;
* a user FILE (.csv/.xlsx): a city's own measured factors and efficiencies laid over the default
  set — its rows replace the default rows of the same (sector, fuel, technology, species).

The registry is ``refdata/factor_sets.csv``. In a user file a row whose unit is ``%``, ``1`` or
``share`` is a control efficiency (``technology`` = the control technology, species SO2, NOx,
VOCs, PM2.5, PM2.5-10 or PM10); every other row is an emission factor (mass of species per unit
of activity or per GJ). Checks (every offending row at once, file / sheet / row / column):
unknown species or fuel, a unit whose numerator is not a mass or whose denominator does not fit
the fuel's activity, a factor 100 times or more away from the default of the same key (a g vs kg
slip: g/kg = kg/t, g/t = 0.001 kg/t), an efficiency outside 0–1 (0–100 %), a PM2.5 factor above
the PM10 factor and a PM2.5 efficiency above the PM10 or PM2.5–10 efficiency of the same device.

What an efficiency means is stated per row (``basis``): ``average`` — the standard's 平均去除效率
(an operating average, T/CSES 144—2024 表A.1); ``design`` — a design efficiency (ultra-low
emission packages). Either is multiplied by the 投运率 (operating share) of the controls table
(formula (2) of the standard: actual η = efficiency × 投运率; default 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from cocontrol import refdata
from cocontrol.errors import InputError, Problem, ValidationFailed

DEFAULT = "tcses2024"
EFFICIENCY_UNITS = {"%": 0.01, "1": 1.0, "share": 1.0, "fraction": 1.0, "比例": 1.0}
EFFICIENCY_SPECIES = ("SO2", "NOx", "VOCs", "PM2.5", "PM2.5-10", "PM10", "NH3", "CO")
#: a user factor this many times above or below the default of the same key is refused
UNIT_SLIP = 100.0
HEADERS = {"物种": "species", "污染物": "species", "排放物": "species", "来源": "source",
           "版本": "edition", "状态": "status", "备注": "note", "去除效率": "value",
           "排放系数": "value", "产生系数": "value"}
KEY = ["sector", "fuel", "technology", "species"]


@dataclass(frozen=True)
class FactorSet:
    """One edition: raw emission-factor rows, control-efficiency rows and its names."""

    name: str
    label: str
    emission: pd.DataFrame = field(repr=False)
    efficiency: pd.DataFrame = field(repr=False)
    cacheable: bool = True
    table: str = "emission_factors"  # name in the factor ids (file row numbers)


def registry() -> pd.DataFrame:
    """The shipped sets (``refdata/factor_sets.csv``: name, label_zh, label_en, tables …)."""
    return refdata.load("factor_sets")


def display_label(which: str | None = None, lang: str = "zh") -> str:
    """The name of a factor set as shown to users, from the registry (the same ``label_zh`` the
    CLI summary line, the workbook and the provenance carry): ``which`` is a shipped set's name
    or its ``label_zh`` (what ``result.attrs["factor_set"]`` holds); None = the default set. A
    label the registry does not know (a user's factor file) is returned as it is."""
    sets = registry()
    hit = sets[(sets["name"] == (which or DEFAULT)) | (sets["label_zh"] == which)]
    if hit.empty:
        return str(which)
    return str(hit.iloc[0]["label_en" if lang == "en" else "label_zh"])


def _clean(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Rows with the technology as text and their file and CSV row (for factor ids)."""
    return table.assign(technology=table["technology"].astype("string").fillna("").str.strip()
                        .astype(str), factor_table=name, factor_row=table.index + 2)


@lru_cache(maxsize=8)
def _shipped(name: str) -> FactorSet:
    sets = registry().set_index("name")
    if name not in sets.index:
        raise InputError("unknown factor set", column="factors", found=name,
                         expected=", ".join(sets.index) + " or a factor file (.csv/.xlsx)")
    row = sets.loc[name]
    ef, ct = str(row["emission_factors"]), str(row["control_technologies"])
    return FactorSet(name, str(row["label_zh"]), _clean(refdata.load(ef), ef),
                     _clean(refdata.load(ct), ct), table=ef)


def load(spec: str | Path | FactorSet | None = None) -> FactorSet:
    """The factor set named ``spec`` (``tcses2024``, ``previous``), read from a file path, or
    the default when None. Raises :class:`InputError` / :class:`ValidationFailed`."""
    if isinstance(spec, FactorSet):
        return spec
    if spec is None or str(spec) in set(registry()["name"]):
        return _shipped(DEFAULT if spec is None else str(spec))
    path = Path(spec)
    if path.suffix.lower() not in (".csv", ".xlsx", ".xlsm", ".xls") or not path.is_file():
        _shipped(str(spec))  # raises: unknown set name
    return read_user_set(path)


def read_user_set(path: str | Path, *, sheet: str | None = None,
                  base: str = DEFAULT) -> FactorSet:
    """A user's factor table laid over the shipped set ``base`` (see the module docstring)."""
    from cocontrol.data.tables import read_table

    raw, used = read_table(path, sheet=sheet)
    raw = raw.rename(columns=lambda c: HEADERS.get(str(c).strip(), str(c).strip()))
    where = {"file": str(path), "sheet": used}
    base_set = _shipped(base)
    missing = [c for c in ("fuel", "species", "value", "unit") if c not in raw.columns]
    if missing:
        raise ValidationFailed([Problem("missing column", column=c, expected=(
            "columns sector, fuel, technology, species, value, unit (行业 能源品种 技术 物种 数值 "
            "单位)"), **where) for c in missing], summary=f"factor file {Path(path).name} is invalid")
    emission, efficiency, problems = _user_rows(raw, base_set, where, Path(path).name)
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda p: p.row or 0),
                               summary=f"factor file {Path(path).name} is invalid")
    label = f"{Path(path).stem}（未列出的因子取 {base_set.label}）"
    return FactorSet(Path(path).name, label, _overlay(base_set.emission, emission),
                     _overlay(base_set.efficiency, efficiency), cacheable=False,
                     table=Path(path).name)


def _overlay(base: pd.DataFrame, user: pd.DataFrame) -> pd.DataFrame:
    if user.empty:
        return base
    keys = pd.MultiIndex.from_frame(user[KEY])
    kept = base[~pd.MultiIndex.from_frame(base[KEY]).isin(keys)]
    return pd.concat([kept, user], ignore_index=True)


def _text(frame: pd.DataFrame, col: str, default: str = "") -> pd.Series:
    if col not in frame.columns:
        return pd.Series(default, index=frame.index, dtype=object)
    s = frame[col].astype("string").str.strip()
    return s.mask(s.isna() | (s == ""), default).astype(object)


def _user_rows(raw: pd.DataFrame, base: FactorSet, where: dict, name: str
               ) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    from cocontrol.data import names
    from cocontrol.data.activity import technology_choices, technology_code
    from cocontrol.data.controls import control_names
    from cocontrol.inventory.factors import SPECIES, per_unit

    problems: list[Problem] = []
    sectors, fuels = names.sectors(), names.fuels()
    frame = pd.DataFrame({"sector": _text(raw, "sector", "*"), "fuel": _text(raw, "fuel"),
                          "technology": _text(raw, "technology"),
                          "species": _text(raw, "species"), "unit": _text(raw, "unit"),
                          "value": pd.to_numeric(_text(raw, "value", "x"), errors="coerce")},
                         index=raw.index)
    is_eff = frame["unit"].str.lower().isin(EFFICIENCY_UNITS)
    factor_rows, eff_rows = [], []
    base_ef = base.emission.set_index(KEY)
    for r, row in frame.iterrows():
        def bad(message: str, column: str, found: object = None, expected: str | None = None,
                r: object = r) -> None:
            problems.append(Problem(message, row=int(r), column=column, expected=expected,
                                    found=None if found is None else str(found), **where))

        sector = "*" if row["sector"] in ("*", "全部") else sectors.resolve(row["sector"])
        if sector is None:
            bad("unknown sector", "sector", row["sector"], "a CEADs sector name or *")
        if pd.isna(row["value"]):
            bad("value is not a number", "value", raw.loc[r].get("value"), "a number")
            continue
        if is_eff.loc[r]:
            eta = float(row["value"]) * EFFICIENCY_UNITS[row["unit"].lower()]
            if row["species"] not in EFFICIENCY_SPECIES:
                bad(f"unknown species for an efficiency: {row['species']}", "species",
                    row["species"], ", ".join(EFFICIENCY_SPECIES))
            if not 0 <= eta <= 1:
                bad(f"removal efficiency {row['value']} (unit {row['unit']}) is outside 0–1",
                    "value", row["value"], "0–1 (share) or 0–100 (%)")
            tech = control_names().get(row["technology"], control_names().get(
                row["technology"].lower()))
            if tech is None:
                bad("unknown control technology", "technology", row["technology"],
                    ", ".join(sorted(set(control_names().values()))))
            fuel = "*" if row["fuel"] in ("", "*", "全部") else fuels.resolve(row["fuel"])
            if fuel is None:
                bad("unknown fuel or product", "fuel", row["fuel"], "a CEADs fuel, or * for all")
            eff_rows.append({"row": r, "sector": sector or "*", "fuel": fuel or "*",
                             "technology": tech or row["technology"],
                             "species": row["species"], "removal_efficiency": eta,
                             "basis": _text(raw, "basis", "measured").loc[r]})
            continue
        fuel = fuels.resolve(row["fuel"]) if row["fuel"] else None
        if fuel is None:
            bad("unknown fuel or product", "fuel", row["fuel"], "a CEADs fuel or a product code")
            continue
        if row["species"] not in SPECIES or (row["species"] == "CO2" and fuel in _fuel_codes()):
            bad(f"unknown species {row['species']}", "species", row["species"],
                ", ".join(s for s in SPECIES if s != "CO2") + " (CO2 only for processes)")
            continue
        tech = row["technology"]
        if tech:
            code = technology_code(fuel, tech)
            if code is None:
                bad(f"unknown technology for {fuel}", "technology", tech,
                    technology_choices(fuel))
            tech = code or tech
        if float(row["value"]) < 0:
            bad("negative emission factor", "value", row["value"], "a number ≥ 0")
        try:
            if "/" not in str(row["unit"]):
                raise ValueError("no per-activity unit")
            ef = per_unit(fuel, float(row["value"]), str(row["unit"]))
        except Exception:
            bad(f"unit {row['unit']} does not fit {row['species']} of {fuel}", "unit",
                row["unit"], "mass of species per unit of the fuel's activity or per GJ, "
                "e.g. kg/t, g/kg, kg/万立方米, g/GJ")
            continue
        key = (sector or "*", fuel, tech, row["species"])
        ref = _default_ef(base_ef, key)
        if ref and ef > 0 and not 1 / UNIT_SLIP < ef / ref < UNIT_SLIP:
            bad(f"{row['value']} {row['unit']} is {ef / ref:.3g} times the default factor of "
                f"{fuel} {row['species']}: check the unit (g/kg = kg/t; g/t = 0.001 kg/t)",
                "unit", row["unit"], f"a factor within ×{UNIT_SLIP:g} of the default")
        factor_rows.append({"row": r, "sector": sector or "*", "fuel": fuel,
                            "technology": tech, "species": row["species"],
                            "value": float(row["value"]), "unit": row["unit"], "ef_t": ef})
    emission = pd.DataFrame(factor_rows, columns=["row", *KEY, "value", "unit", "ef_t"])
    efficiency = pd.DataFrame(eff_rows, columns=["row", *KEY, "removal_efficiency", "basis"])
    problems += _pm_order(emission, "ef_t", "PM2.5 factor above the PM10 factor", where,
                          ("PM10",))
    problems += _pm_order(efficiency, "removal_efficiency",
                          "PM2.5 removal efficiency above the", where, ("PM10", "PM2.5-10"))
    cite = {"source": _text(raw, "source", f"用户因子表 {name}"),
            "edition": _text(raw, "edition", name), "status": _text(raw, "status", "unverified"),
            "note": _text(raw, "note", "")}
    for table in (emission, efficiency):
        for col, series in cite.items():
            table[col] = [series.loc[r] for r in table["row"]]
        table["factor_row"] = table["row"].astype(int)
        table["factor_table"] = name
    emission["tier"] = pd.to_numeric(_text(raw, "tier", "3").reindex(emission["row"]),
                                     errors="coerce").to_numpy()
    return (emission.drop(columns=["row", "ef_t"]), efficiency.drop(columns="row"), problems)


def _fuel_codes() -> set[str]:
    """Fuels whose CO2 comes from NCV × CC × OF (``combustion_co2``), not from a factor."""
    return set(refdata.load("fuels")["fuel"])


def _default_ef(base: pd.DataFrame, key: tuple[str, str, str, str]) -> float | None:
    """The default factor of ``key`` in t per canonical unit (sector row, else ``*``)."""
    from cocontrol.inventory.factors import per_unit

    sector, fuel, tech, species = key
    for k in ((sector, fuel, tech, species), ("*", fuel, tech, species),
              (sector, fuel, "", species), ("*", fuel, "", species)):
        if k in base.index:
            hit = base.loc[[k]].iloc[0]
            try:
                return per_unit(fuel, float(hit["value"]), str(hit["unit"])) or None
            except Exception:
                return None
    return None


def _pm_order(table: pd.DataFrame, col: str, message: str, where: dict,
              coarser: tuple[str, ...]) -> list[Problem]:
    """PM2.5 rows whose value exceeds a coarser class of the same sector, fuel, technology."""
    out: list[Problem] = []
    fine = table[table["species"] == "PM2.5"]
    for other in coarser:
        big = table[table["species"] == other]
        both = fine.merge(big, on=["sector", "fuel", "technology"], suffixes=("", "_o"))
        for r in both[both[col] > both[f"{col}_o"] + 1e-12].itertuples(index=False):
            label = message if message.endswith("factor") else f"{message} {other} efficiency"
            out.append(Problem(f"{label} ({getattr(r, col):.4g} > {getattr(r, col + '_o'):.4g}; "
                               f"{other} on row {int(r.row_o)})", row=int(r.row),
                               column="value", expected=f"PM2.5 ≤ {other}", **where))
    return out
