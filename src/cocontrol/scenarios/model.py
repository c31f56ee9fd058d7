"""Projection (情景预测): the city's inventory carried forward year by year.

Method (LEAP demand → environmental loadings; GAINS ``E = A × ef × (1 − η X)``):

1. Base year: the inventory's activity of ``region`` in ``base_year`` summed per
   (sector, fuel, technology) in canonical units, and its control-technology penetrations.
2. Activity: ``A_t,k = A_0,k × R_t,r(k)`` with ``R`` the activity rule of the sector (its own,
   else its group's, else ``*``, else constant): a LEAP expression of a relative index, 1 in the
   base year, e.g. ``GrowthAs(GDP, 0.4)`` or a STIRPAT product of ``GrowthAs`` terms.
3. Measures in order (:mod:`.measures`): activity, fuel switch, factor, control penetration.
4. Emissions of every species: the per-unit factor of every (year, sector, fuel, technology)
   comes from the inventory engine itself (:func:`cocontrol.inventory.core.prepare` and the
   same Ibis expressions, run on one canonical unit of activity per key and year with the
   year's controls and grid factor), so ``E_t,k,p = A_t,k × F_t,k,p`` — a projection and an
   inventory can never disagree on a factor, and the base year equals the inventory.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from cocontrol import refdata
from cocontrol.data.activity import _ncv, canonical_units, check_activity, unit_multiplier
from cocontrol.errors import InputError, UnitError
from cocontrol.inventory import core
from cocontrol.scenarios import drivers as dr
from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios.measures import Measure
from cocontrol.units import conversion_factor

KEY = ["sector", "fuel", "technology"]


@dataclass(frozen=True)
class Base:
    """Base year of a city: keys (sector, fuel, technology ``""`` = default), activity in
    canonical units, the base year's controls (canonical rows)."""

    region: str
    year: int
    keys: pd.DataFrame
    amount: np.ndarray
    controls: pd.DataFrame | None


def load_base(activity: pd.DataFrame, controls: pd.DataFrame | None, region: str,
              year: int, *, file: str | None = None) -> Base:
    """The base year from a canonical activity table (and controls)."""
    act = activity[(activity["region"] == region) & (activity["year"] == year)]
    if act.empty:
        years = sorted(activity.loc[activity["region"] == region, "year"].unique())
        raise InputError("no activity for the region in the base year", file=file,
                         column="year", expected=f"{region} in one of {years}" if years
                         else f"rows of {region}", found=f"{region} {year}")
    tech = act["technology"] if "technology" in act.columns else pd.Series("", act.index)
    act = act.assign(technology=tech.astype(object).where(tech.notna(), ""),
                     amount=[v * unit_multiplier(f, u) for v, f, u in
                             zip(act["value"], act["fuel"], act["unit"], strict=True)])
    grouped = act.groupby(KEY, sort=True, as_index=False)["amount"].sum()
    ctl = None
    if controls is not None and len(controls):
        ctl = controls[(controls["region"] == region) & (controls["year"] == year)]
        ctl = ctl.reset_index(drop=True) if len(ctl) else None
    return Base(region, year, grouped[KEY].reset_index(drop=True),
                grouped["amount"].to_numpy(float), ctl)


@lru_cache(maxsize=1)
def _gj_per_unit() -> dict[str, float]:
    """GJ per canonical unit of every fuel (electricity and heat by physics, fuels by NCV;
    products such as clinker have no energy: 0)."""
    out = {}
    for fuel, unit in canonical_units().items():
        try:
            out[fuel] = conversion_factor(unit, "GJ")
        except (UnitError, Exception):
            if fuel in _ncv():
                v, u = _ncv()[fuel]
                out[fuel] = v * conversion_factor(u, f"GJ/{unit}")
            else:
                out[fuel] = 0.0
    return out


def gj_per_unit(fuels: Sequence[str]) -> np.ndarray:
    table = _gj_per_unit()
    return np.array([table.get(f, 0.0) for f in fuels])


TCE_PER_GJ = 1.0 / 29.3076  # GB/T 2589-2020: 1 kgce = 29 307.6 kJ (cocontrol.units)


@lru_cache(maxsize=1)
def coal_fuels() -> frozenset[str]:
    """Fuels of category ``solid`` (coal and coal products, ``refdata/fuels.csv``)."""
    f = refdata.load("fuels")
    return frozenset(f.loc[f["category"] == "solid", "fuel"])


# ---------------------------------------------------------------- factor cube
@dataclass(frozen=True)
class Cube:
    """Per-unit factors F[year, key, j] for the (species, scope) pairs ``pairs``."""

    pairs: tuple[tuple[str, int], ...]
    values: np.ndarray


def _controls_for_years(base: Base, years: np.ndarray,
                        extra: pd.DataFrame | None) -> pd.DataFrame | None:
    """Base-year control rows carried to every year (policies in force stay), replaced per
    (year, sector, fuel, applies_to, technology) by ``extra`` rows (control measures)."""
    frames = []
    if base.controls is not None:
        frames += [base.controls.assign(year=int(y)) for y in years]
    if not frames and extra is None:
        return None
    rows = pd.concat(frames, ignore_index=True) if frames else None
    if extra is not None and len(extra):
        key = ["year", "sector", "fuel", "applies_to", "technology"]
        rows = extra if rows is None else pd.concat([extra, rows], ignore_index=True)
        rows = rows.drop_duplicates(key, keep="first")
    return rows.reset_index(drop=True)


def _unit_activity(region: str, years: np.ndarray, keys: pd.DataFrame) -> pd.DataFrame:
    """One canonical unit of activity per (year, key) of ``region``."""
    units = canonical_units()
    n_y = len(years)
    fuels = np.tile(keys["fuel"].to_numpy(), n_y)
    return pd.DataFrame({
        "region": region, "year": np.repeat(years, len(keys)).astype(int),
        "month": pd.array([pd.NA] * (n_y * len(keys)), dtype="Int64"),
        "sector": np.tile(keys["sector"].to_numpy(), n_y), "fuel": fuels,
        "technology": np.tile(keys["technology"].replace("", None).to_numpy(), n_y),
        "facility": None, "value": 1.0, "unit": [units[f] for f in fuels]})


def unit_emissions(act: pd.DataFrame, controls: pd.DataFrame | None,
                   grid: Mapping[tuple[str, int], float] | None = None,
                   engine: str = "duckdb") -> pd.DataFrame:
    """The inventory engine on unit activity (any number of regions in one run): per-unit
    emission by region, year, sector, fuel, technology, species, scope. ``grid``: electricity
    CO2 factor [t/MWh] by (region, year) replacing the published one."""
    tables = core.prepare(act, controls, None)
    if grid:
        g = tables["grid"]
        keys = list(zip(g["region"], g["year"].astype(int), strict=True))
        elec = (g["fuel"] == "Electricity") & (g["species"] == "CO2") & np.array(
            [k in grid for k in keys], dtype=bool)
        mult = conversion_factor(canonical_units()["Electricity"], "MWh")
        g.loc[elec, "ef"] = [grid[k] * mult for k, e in zip(keys, elec, strict=True) if e]
        g.loc[elec, "factor_id"] = "scenario grid factor"
    out = core._run(core._arrow(tables), engine, None)
    if len(out["missing"]):
        m = out["missing"].iloc[0]
        raise InputError("no emission factor for a sector and fuel of the scenario",
                         expected="a fuel with factors in this sector",
                         found=f"{m['sector']} × {m['fuel']}")
    inv = out["inv"]
    if "technology" not in inv.columns:
        inv = inv.assign(technology="")
    return inv.assign(technology=inv["technology"].fillna(""),
                      value=inv["value"].astype(float).fillna(0.0))


def cube_from(inv: pd.DataFrame, years: np.ndarray, keys: pd.DataFrame) -> Cube:
    """Per-unit rows of one region → F[year, key, (species, scope)]."""
    uniq = inv[["species", "scope"]].drop_duplicates()
    pairs = tuple(sorted(zip(uniq["species"].astype(str), uniq["scope"].astype(int),
                             strict=True)))
    kidx = pd.MultiIndex.from_frame(keys[KEY]).get_indexer(
        pd.MultiIndex.from_frame(inv[KEY]))
    yidx = pd.Index(years).get_indexer(inv["year"].astype(int))
    jidx = pd.MultiIndex.from_tuples(pairs).get_indexer(
        pd.MultiIndex.from_arrays([inv["species"], inv["scope"].astype(int)]))
    values = np.zeros((len(years), len(keys), len(pairs)))
    np.add.at(values, (yidx, kidx, jidx), inv["value"].to_numpy(float))
    return Cube(pairs, values)


def year_classes(region: str, years: np.ndarray, controls: pd.DataFrame | None,
                 grid: Mapping[tuple[str, int], float] | None = None,
                 grid_rows: pd.DataFrame | None = None) -> np.ndarray:
    """For each year, the index of the first year whose engine inputs are the same.

    A per-unit factor depends on the year only through the region's scope-2 factors of that
    year (:func:`cocontrol.inventory.factors.grid_factors`, or ``grid`` overriding the
    electricity one) and its control rows of that year; scope-1 factors have no year. Years
    with equal inputs give equal factors, so the engine runs once per class. ``grid_rows``:
    the scope-2 rows of these years when already looked up (several regions at once)."""
    g = core._grid(tuple((region, int(y)) for y in years)) if grid_rows is None else grid_rows
    g = g[g["region"] == region]
    sig_grid: dict[int, list] = {int(y): [] for y in years}
    for y, fuel, ef in zip(g["year"].astype(int), g["fuel"], g["ef"].astype(float),
                           strict=True):
        if grid and fuel == "Electricity" and (region, y) in grid:
            ef = ("override", grid[(region, y)])
        sig_grid[y].append((str(fuel), ef))
    sig_ctl: dict[int, tuple] = {}
    if controls is not None and len(controls):
        cols = [c for c in controls.columns if c not in ("region", "year")]
        rows: dict[int, list[str]] = {}
        for reg, y, *rest in zip(controls["region"], controls["year"],
                                 *(controls[c] for c in cols), strict=True):
            if reg == region:
                rows.setdefault(int(y), []).append(str(rest))
        sig_ctl = {y: tuple(sorted(r)) for y, r in rows.items()}
    first: dict[tuple, int] = {}
    out = np.empty(len(years), dtype=int)
    for i, y in enumerate(years):
        sig = (tuple(sorted(sig_grid[int(y)], key=str)), sig_ctl.get(int(y), ()))
        out[i] = first.setdefault(sig, i)
    return out


def factor_cube(base: Base, years: np.ndarray, keys: pd.DataFrame,
                controls: pd.DataFrame | None, grid: np.ndarray | None = None,
                engine: str = "duckdb") -> Cube:
    """Run the inventory engine on one canonical unit per (year, key): the per-unit emission
    of every species and scope. ``grid``: electricity CO2 factor by year [t/MWh] replacing the
    published one after the base year (the scenario's own grid path; the base year keeps the
    inventory's published factor, so the base year equals the inventory). Only one year of
    each :func:`year_classes` class goes through the engine; the others take its factors."""
    per = None
    if grid is not None:
        per = {(base.region, int(y)): float(v) for y, v in zip(years, grid, strict=True)
               if y > years[0]}
    cls = year_classes(base.region, years, controls, per)
    return cube_from_classes(unit_emissions(*class_inputs(base.region, years, keys, controls,
                                                          cls), per, engine),
                             years, keys, cls)


def class_inputs(region: str, years: np.ndarray, keys: pd.DataFrame,
                 controls: pd.DataFrame | None, cls: np.ndarray
                 ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Unit activity and control rows of the representative years ``years[unique(cls)]``."""
    sub = np.asarray(years)[np.unique(cls)]
    ctl = None
    if controls is not None:
        ctl = controls[(controls["region"] == region) & controls["year"].isin(sub.tolist())]
        ctl = ctl.reset_index(drop=True) if len(ctl) else None
    return _unit_activity(region, sub, keys), ctl


def cube_from_classes(inv: pd.DataFrame, years: np.ndarray, keys: pd.DataFrame,
                      cls: np.ndarray) -> Cube:
    """Per-unit rows of the representative years → the cube of every year."""
    rep = np.unique(cls)
    cube = cube_from(inv, np.asarray(years)[rep], keys)
    return Cube(cube.pairs, cube.values[np.searchsorted(rep, cls)])


# ---------------------------------------------------------------- projection
@dataclass
class Pathway:
    """A scenario's yearly activity [canonical units] and emissions [t] per key and pair."""

    name: str
    years: np.ndarray
    keys: pd.DataFrame
    activity: np.ndarray  # [Y, K]
    emissions: np.ndarray  # [Y, K, J]
    pairs: tuple[tuple[str, int], ...]
    drivers: dict[str, np.ndarray]
    rule_of_key: np.ndarray  # [K] index into rules
    rules: list[ex.Node]
    measures: tuple[str, ...] = ()
    steps: list[tuple[str, np.ndarray, np.ndarray]] = field(default_factory=list)

    def energy(self) -> np.ndarray:
        """Energy use [tce] per year and key (equivalent calorific value for electricity)."""
        return self.activity * gj_per_unit(self.keys["fuel"].tolist()) * TCE_PER_GJ

    def total(self, species: str, scopes: Sequence[int] = (1, 2)) -> np.ndarray:
        j = [i for i, (s, c) in enumerate(self.pairs) if s == species and c in scopes]
        return self.emissions[:, :, j].sum(axis=(1, 2))


def rule_for(sector: str, rules: Mapping[str, ex.Node], groups: Mapping[str, str]
             ) -> ex.Node:
    """The sector's own rule, else its group's, else ``*``, else constant 1."""
    for key in (sector, groups.get(sector), "*"):
        if key in rules:
            return rules[key]
    return ex.Num(1.0)


@lru_cache(maxsize=1)
def sector_group_of() -> dict[str, str]:
    t = refdata.load("sectors")
    return dict(zip(t["sector"], t["group"], strict=True))


def _match(keys: pd.DataFrame, m: Measure) -> np.ndarray:
    groups = sector_group_of()
    sec = keys["sector"].to_numpy()
    ok_s = np.array([("*" in m.sectors) or s in m.sectors or groups.get(s) in m.sectors
                     for s in sec])
    ok_f = keys["fuel"].isin(m.fuels).to_numpy() | ("*" in m.fuels)
    return ok_s & ok_f


def _share_per_year(m: Measure, keys: pd.DataFrame, act: np.ndarray, hit: np.ndarray,
                    phi: np.ndarray) -> np.ndarray:
    """Share of the matched activity removed/moved each year (share, or amount/total)."""
    if m.share is not None:
        return m.share * phi
    fuels = keys["fuel"].to_numpy()[hit]
    gj = gj_per_unit(fuels.tolist())
    try:
        amount_gj = m.amount * conversion_factor(m.unit or "", "GJ")
        total = (act[:, hit] * gj).sum(axis=1)
    except Exception:
        if len(set(fuels)) != 1:
            raise InputError(f"measure {m.name!r}: amount for several fuels needs an energy "
                             "unit", line=m.line, expected="tce or GJ", found=m.unit) from None
        amount_gj = m.amount * unit_multiplier(fuels[0], m.unit or "")
        total = act[:, hit].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(total > 0, amount_gj * phi / total, 0.0)
    return np.clip(s, 0.0, 1.0)


def _control_rows(base: Base, years: np.ndarray, keys: pd.DataFrame, m: Measure,
                  hit: np.ndarray, phi: np.ndarray, current: pd.DataFrame | None
                  ) -> pd.DataFrame:
    """Yearly control rows of a control measure: its technology ramps from its current
    penetration to the target, first from the uncontrolled share, then from technologies it
    supersedes (removing no other species, none better: :func:`_weaker`), in proportion;
    it stops where neither is left, so Σ X ≤ 1 per species and no emission can rise."""
    rows = []
    cur = current if current is not None else pd.DataFrame(
        columns=["region", "year", "sector", "fuel", "technology", "applies_to", "penetration"])
    pairs = keys.loc[hit, ["sector", "fuel"]].drop_duplicates()
    for yi, y in enumerate(years):
        if phi[yi] <= 0:
            continue
        here = cur[cur["year"] == y]
        for s, f in pairs.itertuples(index=False):
            mine = here[(here["sector"] == s) & (here["fuel"] == f)]
            for app in sorted(set(mine["applies_to"]) | {""}):
                part = mine[mine["applies_to"] == app]
                p0 = float(part.loc[part["technology"] == m.technology, "penetration"].sum())
                # a measure raises penetration; where it is already higher it stays
                want = p0 + max(0.0, float(m.penetration) - p0) * phi[yi]
                mine_sp = _species_of(m.technology)
                others = part[part["technology"] != m.technology]
                weak = {t: _weaker(t, m.technology, s, f) for t in others["technology"]}
                covers = {t: _species_of(t) & mine_sp for t in others["technology"]}
                x = dict(zip(others["technology"], others["penetration"].astype(float),
                             strict=True))

                def held(sp: str, replaceable: bool, x=x, covers=covers, weak=weak) -> float:
                    return sum(v for t, v in x.items() if sp in covers[t]
                               and weak[t] == replaceable)
                # the uncontrolled share and superseded technologies make room, per species
                p_max = min((1.0 - held(sp, False) for sp in mine_sp), default=1.0)
                p = max(p0, min(want, p_max))
                scale_sp = {}
                for sp in mine_sp:
                    tot = held(sp, True)
                    room = 1.0 - p - held(sp, False)
                    scale_sp[sp] = min(1.0, max(0.0, room) / tot) if tot > 0 else 1.0
                replace = others[np.array([weak[t] and bool(covers[t])
                                           for t in others["technology"]], dtype=bool)]
                replace = replace.assign(penetration=[
                    x[t] * min(scale_sp[sp] for sp in covers[t]) for t in replace["technology"]])
                rows.append({"region": base.region, "year": int(y), "sector": s, "fuel": f,
                             "technology": m.technology, "applies_to": app, "penetration": p})
                rows += [{"region": base.region, "year": int(y), "sector": s, "fuel": f,
                          "technology": o.technology, "applies_to": app,
                          "penetration": o.penetration}
                         for o in replace.itertuples(index=False)]
    return pd.DataFrame(rows, columns=cur.columns)


@lru_cache(maxsize=256)
def _species_of(technology: str) -> frozenset[str]:
    t = refdata.load("control_technologies")
    return frozenset(t.loc[t["technology"] == technology, "species"])


def _eta(technology: str, sector: str, fuel: str) -> dict[str, float]:
    """Removal efficiency by species (sector × fuel rows win over ``*``)."""
    t = refdata.load("control_technologies")
    t = t[t["technology"] == technology]
    out: dict[str, float] = {}
    for (sec, fu), _rank in (((sector, fuel), 0), ((sector, "*"), 1), (("*", fuel), 2),
                            (("*", "*"), 3)):
        for r in t[(t["sector"] == sec) & (t["fuel"] == fu)].itertuples(index=False):
            out.setdefault(str(r.species), float(r.removal_efficiency))
    return out


def _weaker(other: str, new: str, sector: str, fuel: str) -> bool:
    """``other`` removes only species ``new`` removes, each no better than ``new``: replacing
    it by ``new`` can never raise an emission."""
    eo, en = _eta(other, sector, fuel), _eta(new, sector, fuel)
    return all(sp in en and eta <= en[sp] for sp, eta in eo.items())


class Projector:
    """Projects one base year under any resolved scenario; caches the factor cube per set of
    control rows (only control measures change it)."""

    def __init__(self, base: Base, years: Sequence[int], grid_driver: str | None = None,
                 engine: str = "duckdb"):
        self.base = base
        self.years = np.asarray(years, dtype=int)
        self.grid_driver = grid_driver
        self.engine = engine
        self._cubes: dict[tuple, Cube] = {}

    @staticmethod
    def cube_key(keys: pd.DataFrame, controls: pd.DataFrame | None,
                 grid: np.ndarray | None) -> tuple:
        return (tuple(map(tuple, keys[KEY].itertuples(index=False, name=None))),
                None if controls is None else tuple(controls.itertuples(index=False, name=None)),
                None if grid is None else tuple(grid))

    def cube(self, keys: pd.DataFrame, controls: pd.DataFrame | None,
             grid: np.ndarray | None) -> Cube:
        ck = self.cube_key(keys, controls, grid)
        if ck not in self._cubes:
            self._cubes[ck] = factor_cube(self.base, self.years, keys, controls, grid,
                                          self.engine)
        return self._cubes[ck]

    def run(self, name: str, drivers: Mapping[str, dr.Driver],
            rules: Mapping[str, ex.Node], measures: Sequence[Measure]) -> Pathway:
        """Project and apply ``measures`` in order; ``steps`` keeps the emissions after each
        measure (the with/without runs of the co-benefits)."""
        years = self.years
        values = dr.series(drivers, years)
        grid = values.get(self.grid_driver) if self.grid_driver else None
        keys = self.base.keys.copy()
        groups = sector_group_of()
        nodes: list[ex.Node] = []
        rule_of_key = np.empty(len(keys), dtype=int)
        for i, s in enumerate(keys["sector"]):
            node = rule_for(s, rules, groups)
            if node not in nodes:
                nodes.append(node)
            rule_of_key[i] = nodes.index(node)
        index = np.column_stack([ex.evaluate(n, years, 1.0, values) for n in nodes])
        act = self.base.amount[None, :] * index[:, rule_of_key]
        np.ones((len(years), len(keys), 0))
        pw = Pathway(name, years, keys, act, np.zeros((len(years), len(keys), 0)), (),
                     values, rule_of_key, nodes, tuple(m.name for m in measures))
        # keys a fuel switch adds (e.g. electricity in transport) exist from the start with 0
        for m in measures:
            if m.kind == "fuel_switch":
                hit = _match(keys, m)
                new = keys.loc[hit, ["sector"]].drop_duplicates().assign(fuel=m.to_fuel,
                                                                         technology="")
                new = new.merge(keys, how="left", indicator=True)
                new = new[new["_merge"] == "left_only"].drop(columns="_merge")
                if len(new):
                    keys = pd.concat([keys, new], ignore_index=True)
                    rk = [nodes.index(rule_for(s, rules, groups)) if rule_for(s, rules, groups)
                          in nodes else 0 for s in new["sector"]]
                    rule_of_key = np.r_[rule_of_key, rk]
                    act = np.column_stack([act, np.zeros((len(years), len(new)))])
        pw.keys, pw.rule_of_key = keys, rule_of_key
        species_mult: dict[str, np.ndarray] = {}
        ctl = _controls_for_years(self.base, years, None)

        def emissions() -> tuple[np.ndarray, tuple]:
            cube = self.cube(keys, ctl, grid)
            e = act[:, :, None] * cube.values
            for j, (sp, scope) in enumerate(cube.pairs):
                if scope == 1 and sp in species_mult:
                    e[:, :, j] *= species_mult[sp]
            return e, cube.pairs

        e0, pairs = emissions()
        pw.steps.append(("", act.copy(), e0))
        for m in measures:
            hit = _match(keys, m)
            phi = m.ramp(years)
            if not hit.any():
                raise InputError(f"measure {m.name!r} matches no sector × fuel of the base year",
                                 line=m.line, expected="a sector and fuel present in the activity",
                                 found=f"{'、'.join(m.sectors)} × {'、'.join(m.fuels)}")
            if m.kind == "activity":
                s = _share_per_year(m, keys, act, hit, phi)
                act = act.copy()
                act[:, hit] *= (1.0 - s)[:, None]
            elif m.kind == "fuel_switch":
                s = _share_per_year(m, keys, act, hit, phi)
                act = act.copy()
                moved = act[:, hit] * s[:, None]
                act[:, hit] -= moved
                src = keys.loc[hit].reset_index(drop=True)
                gj_from = gj_per_unit(src["fuel"].tolist())
                gj_to = gj_per_unit([m.to_fuel])[0]
                ratio = (np.full(len(src), m.ratio) if m.ratio is not None
                         else gj_from / gj_to if gj_to > 0 else np.zeros(len(src)))
                target = pd.MultiIndex.from_frame(keys[KEY]).get_indexer(
                    pd.MultiIndex.from_arrays([src["sector"], [m.to_fuel] * len(src),
                                               [""] * len(src)]))
                np.add.at(act, (slice(None), target), moved * ratio[None, :])
            elif m.kind == "emission_factor":
                s = (m.share or 0.0) * phi
                for sp in m.species:
                    cur = species_mult.get(sp, np.ones_like(act))
                    cur = cur.copy()
                    cur[:, hit] *= (1.0 - s)[:, None]
                    species_mult[sp] = cur
            elif m.kind == "control":
                extra = _control_rows(self.base, years, keys, m, hit, phi, ctl)
                ctl = _controls_for_years(self.base, years, None) if ctl is None else ctl
                ctl = extra if ctl is None else pd.concat([extra, ctl], ignore_index=True)
                ctl = ctl.drop_duplicates(["year", "sector", "fuel", "applies_to",
                                           "technology"], keep="first").reset_index(drop=True)
            e, pairs = emissions()
            pw.steps.append((m.name, act.copy(), e))
        pw.activity, pw.emissions, pw.pairs = act, pw.steps[-1][2], pairs
        return pw


def long_table(pw: Pathway, region: str) -> pd.DataFrame:
    """Emissions by year, sector, fuel, species, scope [t] (technologies summed) plus CO2e."""
    y, k, j = pw.emissions.shape
    frame = pd.DataFrame({
        "region": region, "year": np.repeat(pw.years, k * j),
        "sector": np.tile(np.repeat(pw.keys["sector"].to_numpy(), j), y),
        "fuel": np.tile(np.repeat(pw.keys["fuel"].to_numpy(), j), y),
        "species": np.tile([s for s, _ in pw.pairs], y * k),
        "scope": np.tile([c for _, c in pw.pairs], y * k),
        "value": pw.emissions.reshape(-1)})
    keys = ["region", "year", "sector", "fuel", "species", "scope"]
    frame = frame.groupby(keys, as_index=False, sort=True)["value"].sum()
    frame["unit"] = "t"
    frame = frame[core.OUTPUT]
    out = pd.concat([frame, core.co2e(frame)], ignore_index=True)
    return out.assign(scenario=pw.name)


def read_base(activity_path: str, controls_path: str | None, region: str,
              year: int) -> tuple[Base, pd.DataFrame]:
    """Base year and the whole canonical activity table from the inventory's files."""
    from cocontrol.data.activity import read_activity
    from cocontrol.data.controls import read_controls

    act = read_activity(activity_path)
    ctl = read_controls(controls_path) if controls_path else None
    return load_base(act, ctl, region, year, file=str(activity_path)), act


def canonical(activity: pd.DataFrame) -> pd.DataFrame:
    return check_activity(activity)
