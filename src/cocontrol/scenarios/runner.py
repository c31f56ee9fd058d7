"""Run a scenario specification: every scenario's pathway, co-benefits, targets, Monte Carlo.

Pure apart from reading the spec's activity/control files; writing is in :mod:`.io`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cocontrol.errors import InputError
from cocontrol.inventory import core
from cocontrol.scenarios import model, morris
from cocontrol.scenarios import montecarlo as mc
from cocontrol.scenarios import targets as tg
from cocontrol.scenarios.spec import Resolved, Spec, resolve
from cocontrol.synergy.apeq import default_weights

PERCENTILES = (0.05, 0.5, 0.95)


@dataclass
class ScenarioResult:
    name: str
    resolved: Resolved
    pathway: model.Pathway
    draws: mc.Draws | None = None
    quantiles: np.ndarray | None = None
    targets: list[dict] = field(default_factory=list)
    cobenefits: pd.DataFrame | None = None
    sensitivity: pd.DataFrame | None = None
    mac: pd.DataFrame | None = None

    def peak(self, scopes: tuple[int, ...]) -> tuple[int, float]:
        co2 = self.pathway.total("CO2", scopes)
        i = int(np.argmax(co2))
        return int(self.pathway.years[i]), float(co2[i])

    def peaked(self, scopes: tuple[int, ...]) -> bool:
        """Whether the central pathway peaks within the horizon, by the rule the draws' peak
        probability uses (:func:`.montecarlo.peak_years`)."""
        return bool(mc.peak_years(self.pathway.total("CO2", scopes), self.pathway.years) > 0)


@dataclass
class RunResult:
    spec: Spec
    scenarios: list[ScenarioResult]
    draws: int
    seed: int


def apeq_weights() -> dict[str, float]:
    return default_weights(["SO2", "NOx", "PM10", "PM2.5", "VOCs"])


def cobenefits(pw: model.Pathway, year: int, scopes: tuple[int, ...],
               costs: dict[str, float]) -> pd.DataFrame:
    """Per measure, in the order applied: reduction of each species and APeq in ``year``
    (the run without the measure minus the run with it; reductions positive), its annual
    cost and cost per t CO2 — the co-control coordinates x = ΔAPeq, y = ΔCO2."""
    yi = list(pw.years).index(year)
    w = apeq_weights()
    rows = []
    for i in range(1, len(pw.steps)):
        name = pw.steps[i][0]
        before, after = pw.steps[i - 1][2][yi], pw.steps[i][2][yi]
        row: dict[str, object] = {"measure": name, "year": year}
        for j, (sp, scope) in enumerate(pw.pairs):
            if sp == "CO2" and scope not in scopes:
                continue
            row[sp] = float(row.get(sp, 0.0)) + float(before[:, j].sum() - after[:, j].sum())
        row["APeq"] = sum(float(row.get(s, 0.0)) * a for s, a in w.items())
        row["cost"] = costs.get(name, 0.0)
        co2 = float(row.get("CO2", 0.0))
        row["cost_per_t_co2"] = row["cost"] * 1e4 / co2 if co2 > 0 else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def mac_curve(proj: model.Projector, spec: Spec, res: Resolved, first: pd.DataFrame,
              year: int) -> pd.DataFrame:
    """Marginal abatement cost curve built incrementally (LEAP MACC "retrospective"
    approach, Sathaye & Meyers 1995): measures sorted by their cost per t CO2 in the order
    applied, then the scenario re-run adding them in that order so each bar is the
    reduction it adds to those before it (interactions never counted twice). Bars: width
    ΔCO2 [t], height cost per t [元/t], APeq avoided per t CO2 beside each bar."""
    if first.empty:
        return first.assign(cumulative_co2=[])
    order = first.assign(_k=first["cost_per_t_co2"].fillna(np.inf)).sort_values(
        "_k", kind="stable")["measure"].tolist()
    pw = proj.run(res.name, res.drivers, res.activity_rules,
                  [spec.measures[m] for m in order])
    costs = {m: spec.measures[m].cost.annualised() for m in order}
    curve = cobenefits(pw, year, spec.co2_scopes, costs)
    curve["apeq_per_t_co2"] = np.where(curve["CO2"] > 0, curve["APeq"] / curve["CO2"], np.nan)
    curve["cumulative_co2"] = curve["CO2"].clip(lower=0).cumsum()
    return curve


class _References:
    """CO2 / energy / GDP / species of a reference year: the spec's ``history`` first, else the
    base year's own values, else the inventory of that year from the activity file."""

    def __init__(self, spec: Spec, activity: pd.DataFrame, controls: pd.DataFrame | None,
                 base: model.Base):
        self.spec, self.activity, self.controls, self.base = spec, activity, controls, base
        self._cache: dict[int, pd.DataFrame] = {}

    def _inventory(self, year: int) -> pd.DataFrame:
        if year not in self._cache:
            self._cache[year] = self._compute(year)
        return self._cache[year]

    def _compute(self, year: int) -> pd.DataFrame:
        act = self.activity[(self.activity["region"] == self.spec.region)
                            & (self.activity["year"] == year)]
        if act.empty:
            raise InputError(f"no value for the reference year {year}", file=self.spec.file,
                             expected=f"history: {{CO2: {{{year}: …}}}} in the spec or activity "
                                      f"of {year} in the activity file")
        ctl = None
        if self.controls is not None:
            ctl = self.controls[(self.controls["region"] == self.spec.region)
                                & (self.controls["year"] == year)]
            ctl = ctl if len(ctl) else None
        return core.compute(act.reset_index(drop=True), controls=ctl, co2e_rows=False)

    def __call__(self, quantity: str, year: int) -> float:
        hist = {k.lower(): v for k, v in self.spec.history.items()}
        if year in hist.get(quantity.lower(), {}):
            return float(hist[quantity.lower()][year])
        if quantity == "GDP":
            d = next((d for n, d in self.spec.drivers.items() if n.lower() == "gdp"), None)
            if d is not None and year == self.spec.base_year:
                return d.base
            raise InputError(f"no GDP for the reference year {year}", file=self.spec.file,
                             expected=f"history: {{GDP: {{{year}: …}}}} (constant prices)")
        if quantity == "energy":
            b = model.load_base(self.activity, None, self.spec.region, year, file=self.spec.file)
            return float((b.amount * model.gj_per_unit(b.keys["fuel"].tolist())).sum()
                         * model.TCE_PER_GJ)
        inv = self._inventory(year)
        rows = inv[inv["species"] == quantity]
        if quantity == "CO2":
            rows = rows[rows["scope"].isin(self.spec.co2_scopes)]
        return float(rows["value"].sum())


def _series(pw: model.Pathway, scopes: tuple[int, ...]) -> tg.Series:
    energy = pw.energy().sum(axis=1)
    coal = (pw.energy() * pw.keys["fuel"].isin(model.coal_fuels()).to_numpy()).sum(axis=1)

    def total(species: str) -> np.ndarray:
        if species == "APeq":
            return sum(pw.total(s, (1,)) * a for s, a in apeq_weights().items())
        return pw.total(species, scopes if species == "CO2" else (1, 2))
    return tg.Series(pw.years, total, energy, coal, pw.drivers, scopes)


def _draw_series(d: mc.Draws, scopes: tuple[int, ...]) -> tg.Series:
    j_e, j_c = d.pairs.index(mc.ENERGY), d.pairs.index(mc.COAL)

    def total(species: str) -> np.ndarray:
        if species == "APeq":
            return sum(d.total(s, (1,)) * a for s, a in apeq_weights().items())
        return d.total(species, scopes if species == "CO2" else (1, 2))
    return tg.Series(d.years, total, d.totals[:, :, j_e], d.totals[:, :, j_c], d.drivers,
                     scopes)


def morris_co2(r: ScenarioResult, lay: mc.Layout, spec: Spec, year_index: int, seed: int,
               trajectories: int = 20) -> pd.DataFrame:
    """Morris elementary effects (:mod:`.morris`) of every sampled input (a driver's yearly
    innovations as one group) on CO2 of the year ``year_index`` [t per unit of the input's
    sample quantile], from ``trajectories`` × (inputs + 1) runs of the vectorised model."""
    names, groups = mc.groups(lay)

    def co2(u: np.ndarray) -> np.ndarray:
        inp = mc.inputs(lay, u, r.resolved.drivers, spec.measures)
        return mc.simulate(r.pathway, inp).total("CO2", spec.co2_scopes)[:, year_index]
    return morris.screen(co2, groups, names, lay.size, trajectories, seed=seed)


def run(spec: Spec, *, draws: int | None = None, seed: int | None = None,
        quantiles: bool = True, base: model.Base | None = None,
        activity: pd.DataFrame | None = None, controls: pd.DataFrame | None = None
        ) -> RunResult:
    """Every scenario of ``spec``: central pathway, co-benefits per measure, targets and —
    with ``draws`` > 0 — the Monte Carlo probabilities and percentiles."""
    from cocontrol.data.activity import read_activity
    from cocontrol.data.controls import read_controls

    draws = spec.draws if draws is None else draws
    seed = spec.seed if seed is None else seed
    if activity is None:
        activity = read_activity(spec.activity)
        controls = read_controls(spec.controls) if spec.controls else None
    if base is None:
        base = model.load_base(activity, controls, spec.region, spec.base_year,
                               file=str(spec.activity))
    proj = model.Projector(base, spec.years, spec.grid_driver)
    refs = _References(spec, activity, controls, base)
    results = []
    for name in spec.scenarios:
        res = resolve(spec, name)
        pw = proj.run(name, res.drivers, res.activity_rules,
                      [spec.measures[m] for m in res.measures])
        costs = {m: spec.measures[m].cost.annualised() for m in res.measures}
        year = next((t.year for t in spec.targets if t.indicator == "peak_year"),
                    spec.end_year)
        out = ScenarioResult(name, res, pw, cobenefits=cobenefits(pw, int(min(year, spec.end_year)),
                                                                   spec.co2_scopes, costs))
        if res.measures:
            out.mac = mac_curve(proj, spec, res, out.cobenefits, int(min(year, spec.end_year)))
        results.append(out)
    if draws and draws > 0:
        all_measures = list(dict.fromkeys(m for r in results for m in r.resolved.measures))
        species = sorted({s for r in results for s, _ in r.pathway.pairs})
        cats = sorted({c for r in results for c in mc.category_of(r.pathway.keys["fuel"].tolist())})
        lay = mc.layout(spec.drivers, len(spec.years), all_measures, cats, species)
        u = mc.sample(lay, draws, seed)
        cache: dict = {}
        for r in results:
            inp = mc.inputs(lay, u, r.resolved.drivers, spec.measures)
            r.draws = mc.simulate(r.pathway, inp)
            if quantiles:
                r.quantiles = mc.quantiles(r.pathway, inp, PERCENTILES, cache=cache)
            target_year = next((t.year for t in spec.targets if t.indicator == "peak_year"),
                               spec.end_year)
            yi = list(spec.years).index(int(target_year))
            r.sensitivity = mc.first_order(
                r.draws.columns, r.draws.total("CO2", spec.co2_scopes)[:, yi])
            r.sensitivity = r.sensitivity.merge(
                morris_co2(r, lay, spec, yi, seed), on="input", how="left")
    by_name = {r.name: r for r in results}
    for r in results:
        s = _series(r.pathway, spec.co2_scopes)
        sd = _draw_series(r.draws, spec.co2_scopes) if r.draws is not None else None
        for t in spec.targets:
            other = (_series(by_name[t.against].pathway, spec.co2_scopes)
                     if isinstance(t.against, str) else None)
            projected = float(tg.evaluate(t, s, refs, other))
            prob = None
            if sd is not None:
                od = (_draw_series(by_name[t.against].draws, spec.co2_scopes)
                      if isinstance(t.against, str) else None)
                prob = float(np.mean(tg.met(t, tg.evaluate(t, sd, refs, od))))
            gap = projected - t.value if t.relation == "<=" or t.indicator == "peak_year" \
                else t.value - projected
            r.targets.append({
                "indicator": t.indicator, "year": t.year, "value": t.value,
                "unit": tg.UNITS[t.indicator], "relation": t.relation,
                "species": t.species, "against": t.against,
                "projected": projected, "gap": gap, "probability": prob,
                "met_central": bool(tg.met(t, np.asarray(projected))),
                "label": t.label, "source": t.source})
    return RunResult(spec, results, int(draws or 0), int(seed))


def summary(result: RunResult) -> dict:
    """The JSON of ``cocontrol scenario run --format json`` (the CLI contract)."""
    out = []
    scopes = result.spec.co2_scopes
    for r in result.scenarios:
        year, value = r.peak(scopes)
        p_by = (mc.p_peak_by(r.draws.total("CO2", scopes), r.draws.years)
                if r.draws is not None else {})
        out.append({
            "name": r.name, "peak_year": year, "peak_value_t": value, "p_peak_by": p_by,
            "peaked": r.peaked(scopes),
            "targets": [{k: (None if isinstance(t[k], float) and t[k] != t[k] else t[k])
                         for k in ("indicator", "year", "value", "unit", "relation",
                                   "projected", "probability", "met_central")}
                        for t in r.targets]})
    return {"region": result.spec.region, "scenarios": out}
