"""Scenario specification (情景设定): YAML → checked objects, with LEAP-style inheritance.

A specification holds the region, base and end year, the activity (and control) file of the
city's inventory, drivers (key assumptions), activity rules (sector → expression of a
relative index, 1 in the base year), the measure library, measure packages, scenarios and
the plan's targets. A scenario is a ``parent`` plus an ordered list of packages
(``inherits``) and its own overrides; every value is looked up along LEAP's search order
(LEAP help, Expression Search Examples; scenarios.md §2.2): the scenario, its packages in
order, then their packages, then the parent's own search order, then the base (the spec's
top level), then the default. Mitigation ← [Industry, Buildings, Transport ← [Cars, Buses,
Rail]], parent Baseline: Mitigation, Industry, Buildings, Transport, Cars, Buses, Rail,
Baseline, base, default. A circle of parents or packages is an error.

Every problem names the file and line and what was expected; nothing is computed before the
whole file is checked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cocontrol import refdata
from cocontrol.data import names
from cocontrol.errors import InputError, Problem, ValidationFailed
from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios.drivers import Driver
from cocontrol.scenarios.measures import KINDS, Cost, Measure

MAX_END_YEAR = 2060
SPECIES = ("CO2", "CH4", "N2O", "SO2", "NOx", "PM10", "PM2.5", "VOCs", "NH3", "CO", "CO2e",
           "APeq")


def load_yaml(text: str) -> tuple[Any, dict[tuple, int]]:
    """Parsed YAML and the 1-based line of every mapping key / sequence item by path."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    lines: dict[tuple, int] = {}

    def walk(node: yaml.Node | None, path: tuple) -> None:
        if node is None:
            return
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = (*path, k.value)
                lines[key] = k.start_mark.line + 1
                walk(v, key)
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, (*path, i))

    walk(root, ())
    return yaml.safe_load(text), lines


@dataclass(frozen=True)
class Target:
    """A target of the plan: ``indicator`` (peak_year, peak_value, co2_per_gdp,
    energy_per_gdp, coal_share, non_fossil_share, emission, reduction), year, value, unit,
    relation (<= or >=), optional species, reference year or scenario (``against``)."""

    indicator: str
    year: int
    value: float
    unit: str
    relation: str
    species: str = "CO2"
    against: int | str | None = None
    label: str = ""
    source: str = ""


@dataclass(frozen=True)
class Node:
    """A scenario or a measure package: overrides and what it inherits."""

    name: str
    kind: str  # "scenario" | "package"
    parent: str | None = None
    inherits: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    drivers: Mapping[str, ex.Node] = field(default_factory=dict)
    activity: Mapping[str, ex.Node] = field(default_factory=dict)
    line: int | None = None


@dataclass(frozen=True)
class Spec:
    file: str | None
    region: str
    base_year: int
    end_year: int
    activity: Path
    controls: Path | None
    drivers: Mapping[str, Driver]
    activity_rules: Mapping[str, ex.Node]
    measures: Mapping[str, Measure]
    packages: Mapping[str, Node]
    scenarios: Mapping[str, Node]
    targets: tuple[Target, ...]
    history: Mapping[str, Mapping[int, float]]
    co2_scopes: tuple[int, ...] = (1, 2)
    grid_driver: str | None = None
    draws: int = 10_000
    seed: int = 20_240_921
    stirpat: Any = None  # stirpat.Fit when the spec fits activity on the city's history

    @property
    def years(self) -> list[int]:
        return list(range(self.base_year, self.end_year + 1))


@dataclass(frozen=True)
class Resolved:
    """A scenario after inheritance: its search order, measures in the order applied
    (ancestors first), and its drivers and activity rules."""

    name: str
    search_order: tuple[str, ...]
    measures: tuple[str, ...]
    drivers: Mapping[str, Driver]
    activity_rules: Mapping[str, ex.Node]


def search_order(spec: Spec, name: str) -> list[str]:
    """LEAP's search order for scenario ``name`` (names of scenarios and packages, then
    ``base`` and ``default``)."""
    order: list[str] = []
    seen_parents: list[str] = []
    current: str | None = name
    while current is not None:
        if current in seen_parents:
            cycle = " → ".join([*seen_parents[seen_parents.index(current):], current])
            raise InputError("circular scenario inheritance", file=spec.file,
                             line=spec.scenarios[current].line,
                             expected="a chain of parents ending at a scenario without parent",
                             found=cycle)
        seen_parents.append(current)
        node = spec.scenarios[current]
        order.append(current)
        order += _packages(spec, node, [current])
        current = node.parent
    return [*dict.fromkeys(order), "base", "default"]


def _packages(spec: Spec, node: Node, path: list[str]) -> list[str]:
    """Packages of ``node``: its list in order, then their packages (breadth first)."""
    out: list[str] = []
    level = [(p, path) for p in node.inherits]
    while level:
        nxt = []
        for p, trail in level:
            if p in trail:
                raise InputError("circular package inheritance", file=spec.file,
                                 line=spec.packages[p].line,
                                 expected="packages that do not include themselves",
                                 found=" → ".join([*trail, p]))
            out.append(p)
            nxt += [(c, [*trail, p]) for c in spec.packages[p].inherits]
        level = nxt
    return out


def resolve(spec: Spec, name: str) -> Resolved:
    """Inheritance applied: first non-blank value along :func:`search_order`."""
    if name not in spec.scenarios:
        raise InputError("unknown scenario", file=spec.file,
                         expected=", ".join(spec.scenarios), found=name)
    order = search_order(spec, name)
    nodes = [spec.scenarios.get(n) or spec.packages[n] for n in order[:-2]]
    drivers = {}
    for dname, d in spec.drivers.items():
        expr = next((n.drivers[dname] for n in nodes if dname in n.drivers), d.expression)
        drivers[dname] = Driver(d.name, d.base, expr, d.unit, d.sigma, d.group, d.where)
    rules = dict(spec.activity_rules)
    for n in reversed(nodes):
        rules.update(n.activity)
    measures: list[str] = []
    for level in _levels(spec, name):  # root ancestor first; its packages, then itself
        for n in level:
            measures += [m for m in n.measures if m not in measures]
    return Resolved(name, tuple(order), tuple(measures), drivers, rules)


def _levels(spec: Spec, name: str) -> list[list[Node]]:
    """Per scenario of the parent chain, root first: its packages (search order), then the
    scenario — the order in which measures are applied."""
    chain: list[str] = []
    current: str | None = name
    while current is not None:
        chain.append(current)
        current = spec.scenarios[current].parent
    out = []
    for sc in reversed(chain):
        node = spec.scenarios[sc]
        out.append([spec.packages[p] for p in _packages(spec, node, [sc])] + [node])
    return out


# ---------------------------------------------------------------- reading
class _Reader:
    def __init__(self, file: str | None, lines: dict[tuple, int]) -> None:
        self.file, self.lines, self.problems = file, lines, []

    def line(self, path: tuple) -> int | None:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path)

    def add(self, path: tuple, message: str, expected: str | None = None,
            found: object = None) -> None:
        self.problems.append(Problem(message, file=self.file, line=self.line(path),
                                     expected=expected,
                                     found=None if found is None else str(found)))

    def where(self, path: tuple) -> dict:
        return {"file": self.file, "line": self.line(path)}

    def expr(self, value: object, path: tuple, base_year: int, end_year: int) -> ex.Node | None:
        try:
            node = ex.parse(value, **self.where(path))
            ex.check_years(node, base_year, end_year, **self.where(path))
            return node
        except InputError as exc:
            self.problems.append(exc.problem)
            return None

    def number(self, value: object, path: tuple, *, low: float | None = None,
               high: float | None = None, what: str = "a number") -> float | None:
        try:
            text = str(value).strip()
            x = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except (TypeError, ValueError):
            self.add(path, f"{path[-1]} is not a number", what, value)
            return None
        if (low is not None and x < low) or (high is not None and x > high):
            self.add(path, f"{path[-1]} out of range", what, value)
            return None
        return x


def _mapping(r: _Reader, data: object, path: tuple) -> dict:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        r.add(path, f"{'/'.join(map(str, path)) or 'file'} must be a mapping", "key: value lines",
              type(data).__name__)
        return {}
    return dict(data)


def _list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def sector_groups() -> dict[str, list[str]]:
    """Group name (``refdata/sectors.csv`` column group, e.g. energy_industries) → sectors."""
    table = refdata.load("sectors")
    return {g: list(s["sector"]) for g, s in table.groupby("group", sort=False)}


def _sectors(r: _Reader, value: object, path: tuple) -> tuple[str, ...]:
    out = []
    groups = sector_groups()
    for v in _list(value) or ["*"]:
        if v == "*" or v in groups:
            out.append(str(v))
            continue
        code = names.sectors().resolve(v)
        if code is None:
            r.add(path, "unknown sector", "a CEADs sector, its Chinese name, a group (" +
                  ", ".join(groups) + ") or *", f"{v} (close: {names.sectors().suggest(v)})")
        else:
            out.append(code)
    return tuple(out)


def _fuels(r: _Reader, value: object, path: tuple, allow_all: bool = True) -> tuple[str, ...]:
    out = []
    for v in _list(value) or (["*"] if allow_all else []):
        if v == "*" and allow_all:
            out.append("*")
            continue
        code = names.fuels().resolve(v)
        if code is None:
            r.add(path, "unknown fuel", "a fuel such as 原煤, Raw_Coal, 电力",
                  f"{v} (close: {names.fuels().suggest(v)})")
        else:
            out.append(code)
    return tuple(out)


def _measure(r: _Reader, name: str, m: dict, path: tuple) -> Measure | None:
    kind = str(m.get("kind", "")).strip()
    if kind not in KINDS:
        r.add((*path, "kind"), f"measure {name!r}: unknown kind", ", ".join(KINDS), kind)
        return None
    start = r.number(m.get("start", 0), (*path, "start"), low=1900, high=MAX_END_YEAR,
                     what="a year")
    full = r.number(m.get("full", m.get("start", 0)), (*path, "full"), low=1900,
                    high=MAX_END_YEAR, what="a year")
    share = amount = None
    if "share" in m:
        share = r.number(m["share"], (*path, "share"), low=0, high=1,
                         what="a share from 0 to 1 (or 0–100 %)")
    if "amount" in m:
        amount = r.number(m["amount"], (*path, "amount"), low=0, what="an amount ≥ 0")
    if kind != "control" and ("share" in m) == ("amount" in m):
        r.add(path, f"measure {name!r} needs either share or amount", "share: 0.3 or amount: …")
    species = tuple(str(s) for s in _list(m.get("species")))
    for s in species:
        if s not in SPECIES[:10]:
            r.add((*path, "species"), f"measure {name!r}: unknown species", ", ".join(SPECIES[:10]),
                  s)
    cost = _mapping(r, m.get("cost"), (*path, "cost"))
    c = {}
    for k in ("investment", "om", "fuel_savings", "life", "discount_rate", "annual"):
        if k in cost:
            c[k] = r.number(cost[k], (*path, "cost", k), low=0,
                            what="a number ≥ 0 (costs in 万元; savings as fuel_savings)")
    uptake = [r.number(u, (*path, "uptake"), low=0, high=2, what="uptake factors 0–2")
              for u in _list(m.get("uptake", [1.0, 1.0]))]
    if len(uptake) not in (2, 3) or None in uptake or sorted(uptake) != [u for u in uptake]:
        r.add((*path, "uptake"), "uptake is [low, high] or [low, mode, high]", "[0.8, 1.0]",
              m.get("uptake"))
        uptake = [1.0, 1.0]
    if None in (start, full) or (start and full and full < start):
        r.add((*path, "full"), "full year before start year", "full ≥ start", m.get("full"))
        return None
    technology = m.get("technology")
    if kind == "control":
        known = set(refdata.load("control_technologies")["technology"])
        if technology not in known:
            r.add((*path, "technology"), f"measure {name!r}: unknown control technology",
                  ", ".join(sorted(known)), technology)
        if "penetration" not in m:
            r.add(path, f"measure {name!r} needs penetration", "penetration: 0.9")
    penetration = (r.number(m.get("penetration"), (*path, "penetration"), low=0, high=1,
                            what="a share from 0 to 1") if kind == "control" else None)
    to_fuel = _fuels(r, m.get("to_fuel"), (*path, "to_fuel"), allow_all=False)
    if kind == "fuel_switch" and len(to_fuel) != 1:
        r.add((*path, "to_fuel"), f"measure {name!r}: fuel_switch needs one to_fuel", "电力")
    ratio = (r.number(m["ratio"], (*path, "ratio"), low=0) if "ratio" in m else None)
    if not species and kind == "emission_factor":
        r.add((*path, "species"), f"measure {name!r}: which species' factor changes?",
              "species: [SO2, NOx]")
    return Measure(
        name=name, kind=kind, sectors=_sectors(r, m.get("sector"), (*path, "sector")),
        fuels=_fuels(r, m.get("fuel"), (*path, "fuel")), share=share, amount=amount,
        unit=str(m.get("unit", "")) or None, to_fuel=to_fuel[0] if to_fuel else None,
        ratio=ratio, species=species, technology=technology, penetration=penetration,
        start=int(start or 0), full=int(full or 0),
        cost=Cost(**{k: v for k, v in c.items() if v is not None}),
        uptake=tuple(float(u) for u in uptake), quote=str(m.get("quote", "")),
        responsible=str(m.get("responsible", "")), source=str(m.get("source", "")),
        label=str(m.get("label", "illustrative")), line=r.line(path))


TARGET_UNITS = {
    "peak_year": {"年", "year"}, "peak_value": {"t", "万吨", "亿吨"},
    "co2_per_gdp": {"%"}, "energy_per_gdp": {"%"}, "coal_share": {"%"},
    "non_fossil_share": {"%"}, "emission": {"t", "万吨"}, "reduction": {"t", "万吨"},
}
_TONNES = {"t": 1.0, "万吨": 1e4, "亿吨": 1e8}


def _target(r: _Reader, t: dict, path: tuple, spec_years: tuple[int, int],
            scenario_names: set[str]) -> Target | None:
    ind = str(t.get("indicator", ""))
    if ind not in TARGET_UNITS:
        r.add((*path, "indicator"), "unknown target indicator", ", ".join(TARGET_UNITS), ind)
        return None
    unit = str(t.get("unit", ""))
    if unit not in TARGET_UNITS[ind]:
        r.add((*path, "unit"), f"target {ind}: wrong unit", " or ".join(sorted(TARGET_UNITS[ind])),
              unit)
        return None
    rel = str(t.get("relation", "<="))
    if rel not in ("<=", ">="):
        r.add((*path, "relation"), "relation must be <= or >=", "<= or >=", rel)
    value = r.number(t.get("value"), (*path, "value"))
    year = r.number(t.get("year", spec_years[1]), (*path, "year"), low=spec_years[0],
                    high=spec_years[1], what=f"a year from {spec_years[0]} to {spec_years[1]}")
    species = str(t.get("species", "CO2"))
    if species not in SPECIES:
        r.add((*path, "species"), "unknown species", ", ".join(SPECIES), species)
    against = t.get("against")
    if ind in ("co2_per_gdp", "energy_per_gdp") and against is None:
        r.add((*path, "against"), f"target {ind} needs the reference year", "against: 2005")
    if isinstance(against, str) and against not in scenario_names:
        r.add((*path, "against"), "unknown scenario to compare with", ", ".join(scenario_names),
              against)
    if value is None or year is None:
        return None
    if unit in _TONNES:
        value, unit = value * _TONNES[unit], "t"
    return Target(ind, int(year), value, unit, rel, species, against,
                  str(t.get("label", "")), str(t.get("source", "")))


def _stirpat(r: _Reader, block: object, folder: Path, region: str,
             drivers: Mapping[str, Driver]) -> Any:
    """Fit STIRPAT on the city's history (``stirpat: {history: FILE, impact: INDICATOR,
    drivers: {DRIVER: INDICATOR or A/B}, k: optional}``); the rule ``STIRPAT`` is then
    ``GrowthAs(d1, β1) * GrowthAs(d2, β2) …`` (:mod:`cocontrol.scenarios.stirpat`)."""
    if block is None:
        return None
    from cocontrol.data.tables import read_table
    from cocontrol.scenarios import stirpat

    p = ("stirpat",)
    b = _mapping(r, block, p)
    path = folder / str(b.get("history", ""))
    if not path.is_file():
        r.add((*p, "history"), "history file not found",
              "a statistics file (region, year, indicator, value)", path)
        return None
    frame, _ = read_table(path)
    missing = {"region", "year", "indicator", "value"} - set(frame.columns)
    if missing:
        r.add((*p, "history"), "history file lacks columns", "region, year, indicator, value",
              ", ".join(sorted(missing)))
        return None
    frame = frame[frame["region"].astype(str) == region]
    wide = frame.pivot_table(index="year", columns="indicator", values="value", aggfunc="first")

    def column(spec: str, where: tuple) -> Any:
        num, _, den = str(spec).partition("/")
        for part in (num, den):
            if part and part.strip() not in wide.columns:
                r.add(where, "indicator not in the history file", ", ".join(map(str, wide.columns)),
                      part)
                return None
        col = wide[num.strip()].astype(float)
        return col / wide[den.strip()].astype(float) if den else col

    impact = column(b.get("impact", ""), (*p, "impact"))
    cols = {}
    for d, ind in _mapping(r, b.get("drivers"), (*p, "drivers")).items():
        if d not in drivers:
            r.add((*p, "drivers", d), "unknown driver", ", ".join(drivers), d)
            continue
        cols[d] = column(ind, (*p, "drivers", d))
    if impact is None or not cols or any(v is None for v in cols.values()):
        return None
    import pandas as pd

    hist = pd.DataFrame({"year": wide.index, "impact": impact.to_numpy(),
                         **{d: v.to_numpy() for d, v in cols.items()}})
    k = b.get("k")
    try:
        return stirpat.fit(hist, "impact", list(cols), k=None if k in (None, "auto") else float(k))
    except InputError as exc:
        r.add(p, f"STIRPAT cannot be fitted: {exc.problem.message}", exc.problem.expected,
              exc.problem.found)
        return None


def read_spec(path: str | Path) -> Spec:
    """Read and check a scenario YAML; raises :class:`ValidationFailed` listing every problem
    with file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the scenario file: {exc.strerror}", file=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not a UTF-8 text file", file=str(path),
                         expected="a scenario file (YAML text in UTF-8)") from None
    try:
        data, lines = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", file=str(path),
                         line=mark.line + 1 if mark else None) from None
    return parse_spec(data, lines, file=str(path), folder=path.parent)


def parse_spec(data: object, lines: dict[tuple, int] | None = None, *, file: str | None = None,
               folder: Path | None = None) -> Spec:
    """Checked :class:`Spec` from parsed YAML (``lines`` from :func:`load_yaml`)."""
    r = _Reader(file, lines or {})
    top = _mapping(r, data, ())
    known = {"region", "base_year", "end_year", "activity", "controls", "drivers", "activity_rules",
             "measures", "packages", "scenarios", "targets", "history", "co2_scopes",
             "grid_factor", "draws", "seed", "title", "note", "stirpat"}
    for k in top:
        if k not in known:
            r.add((k,), "unknown key", ", ".join(sorted(known)), k)
    for k in ("region", "base_year", "activity", "scenarios"):
        if k not in top:
            r.add((), f"missing {k}", k)
    base = int(r.number(top.get("base_year", 2020), ("base_year",), low=1990, high=2050) or 2020)
    end = int(r.number(top.get("end_year", 2035), ("end_year",), low=base + 1,
                       high=MAX_END_YEAR, what=f"a year after the base year up to {MAX_END_YEAR}")
              or 2035)
    folder = folder or Path(".")

    drivers: dict[str, Driver] = {}
    for name, d in _mapping(r, top.get("drivers"), ("drivers",)).items():
        p = ("drivers", name)
        d = _mapping(r, d, p) if isinstance(d, Mapping) else {"base": d}
        if "group" in d and "base" not in d:  # a group of shares: name → {member: {...}}
            pass
        members = d.get("members")
        items = ([(f"{m}", mv, (*p, "members", m), name) for m, mv in
                  _mapping(r, members, (*p, "members")).items()] if members is not None
                 else [(name, d, p, None)])
        for dname, dv, dp, group in items:
            dv = _mapping(r, dv, dp)
            b = r.number(dv.get("base"), (*dp, "base"), what="the base-year value")
            e = r.expr(dv.get("expression", dv.get("base", 0)) if "expression" in dv
                       else (b if b is not None else 0.0), (*dp, "expression"), base, end)
            sigma = r.number(dv.get("sigma", 0), (*dp, "sigma"), low=0, high=1,
                             what="a yearly log-growth standard deviation from 0 to 1")
            if b is not None and e is not None and sigma is not None:
                drivers[dname] = Driver(dname, b, e, str(dv.get("unit", "")), sigma, group,
                                        r.where(dp))
    grid = top.get("grid_factor")
    if grid is not None and grid not in drivers:
        r.add(("grid_factor",), "grid_factor names an unknown driver", ", ".join(drivers), grid)

    fit = _stirpat(r, top.get("stirpat"), folder or Path("."), str(top.get("region", "")),
                   drivers)

    def rules(value: object, p: tuple) -> dict[str, ex.Node]:
        out = {}
        for key, e in _mapping(r, value, p).items():
            sec = _sectors(r, key, (*p, key))
            if isinstance(e, str) and e.strip().upper() == "STIRPAT":
                if fit is None:
                    r.add((*p, key), "STIRPAT rule without a stirpat: block",
                          "stirpat: {history, impact, drivers}")
                    continue
                e = fit.expression()
            node = r.expr(e, (*p, key), base, end)
            if node is not None and sec:
                unknown = ex.references(node) - set(drivers)
                if unknown:
                    r.add((*p, key), "activity rule reads an unknown driver",
                          ", ".join(drivers), ", ".join(sorted(unknown)))
                out[sec[0]] = node
        return out

    def overrides(value: object, p: tuple) -> dict[str, ex.Node]:
        out = {}
        for dname, e in _mapping(r, value, p).items():
            if dname not in drivers:
                r.add((*p, dname), "unknown driver", ", ".join(drivers) or "a driver of drivers:",
                      dname)
                continue
            node = r.expr(e, (*p, dname), base, end)
            if node is not None:
                out[dname] = node
        return out

    measures: dict[str, Measure] = {}
    for i, m in enumerate(_list(top.get("measures"))):
        p = ("measures", i)
        m = _mapping(r, m, p)
        name = str(m.get("name", "")).strip()
        if not name:
            r.add(p, "measure without name", "name: …")
            continue
        if name in measures:
            r.add(p, "measure name given twice", "unique names", name)
            continue
        meas = _measure(r, name, m, p)
        if meas is not None:
            if not (base < meas.start <= end):
                r.add((*p, "start"), f"measure {name!r} starts outside the scenario years",
                      f"a year from {base + 1} to {end}", meas.start)
            measures[name] = meas

    def nodes(value: object, key: str, kind: str) -> dict[str, Node]:
        out = {}
        items = value.items() if isinstance(value, Mapping) else []
        if not isinstance(value, Mapping) and value is not None:
            r.add((key,), f"{key} must be a mapping of names", "name: {…}")
        for name, v in items:
            p = (key, name)
            v = _mapping(r, v, p)
            for m in _list(v.get("measures")):
                if m not in measures:
                    r.add((*p, "measures"), "unknown measure", ", ".join(measures) or "none defined",
                          m)
            out[str(name)] = Node(
                str(name), kind, v.get("parent"), tuple(map(str, _list(v.get("inherits")))),
                tuple(map(str, _list(v.get("measures")))), overrides(v.get("drivers"), (*p, "drivers")),
                rules(v.get("activity_rules"), (*p, "activity_rules")), r.line(p))
        return out

    packages = nodes(top.get("packages"), "packages", "package")
    scenarios = nodes(top.get("scenarios"), "scenarios", "scenario")
    for name, n in scenarios.items():
        if n.parent is not None and n.parent not in scenarios:
            r.add(("scenarios", name, "parent"), "unknown parent scenario", ", ".join(scenarios),
                  n.parent)
    for name, n in [*scenarios.items(), *packages.items()]:
        where = "scenarios" if n.kind == "scenario" else "packages"
        for p in n.inherits:
            if p not in packages:
                r.add((where, name, "inherits"), "unknown package", ", ".join(packages) or "none",
                      p)
    targets = []
    for i, t in enumerate(_list(top.get("targets"))):
        tt = _target(r, _mapping(r, t, ("targets", i)), ("targets", i), (base, end),
                     set(scenarios))
        if tt is not None:
            targets.append(tt)
    history: dict[str, dict[int, float]] = {}
    for k, v in _mapping(r, top.get("history"), ("history",)).items():
        history[str(k)] = {}
        for y, x in _mapping(r, v, ("history", k)).items():
            val = r.number(x, ("history", k, y), low=0)
            if val is not None:
                history[str(k)][int(y)] = val
    act = folder / str(top.get("activity", ""))
    if "activity" in top and not act.is_file():
        r.add(("activity",), "activity file not found", "a path relative to the spec file", act)
    ctl = folder / str(top["controls"]) if top.get("controls") else None
    if ctl is not None and not ctl.is_file():
        r.add(("controls",), "controls file not found", "a path relative to the spec file", ctl)
    scopes = tuple(int(s) for s in _list(top.get("co2_scopes", [1, 2])))
    if r.problems:
        raise ValidationFailed(r.problems, summary=f"scenario file {file or ''} has problems")
    spec = Spec(file, str(top["region"]), base, end, act, ctl, drivers,
                rules(top.get("activity_rules"), ("activity_rules",)), measures, packages,
                scenarios, tuple(targets), history, scopes, grid,
                int(top.get("draws", 10_000)), int(top.get("seed", 20_240_921)), fit)
    for name in scenarios:  # circular inheritance, before any computation
        search_order(spec, name)
    from cocontrol.scenarios.drivers import order

    order(spec.drivers)
    if r.problems:
        raise ValidationFailed(r.problems, summary=f"scenario file {file or ''} has problems")
    return spec


def resolve_all(spec: Spec) -> list[Resolved]:
    return [resolve(spec, n) for n in spec.scenarios]


def names_of(spec: Spec) -> Sequence[str]:
    return list(spec.scenarios)
