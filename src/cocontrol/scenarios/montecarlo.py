"""Monte Carlo over drivers, measure uptake and emission factors (不确定性分析), vectorised.

Inputs (one Latin hypercube, ``scipy.stats.qmc.LatinHypercube``, seeded; the same sample for
every scenario, so differences between scenarios are paired — common random numbers):

* drivers with ``sigma``: yearly log-growth innovations ``ln X_t = ln X̂_t + σ Σ_{τ≤t} z_τ``,
  ``z ~ N(0, 1)`` i.i.d. (a random walk around the central path);
* activity rule ``r`` of a sector: ``A = Â × Π_k (X_k / X̂_k)^{β_r,k}`` with the elasticities of
  its ``GrowthAs`` terms (exact for GrowthAs/STIRPAT rules; other rules carry no driver risk);
* measure uptake ``u_m``: uniform on [low, high] or triangular [low, mode, high]; a measure's
  effect (its with/without difference in the order applied) scales linearly with ``u_m``;
* emission factors and base activity: multiplicative by fuel category × species with the
  95 % half-widths of the inventory's ``refdata/uncertainty_defaults.csv`` (normal truncated
  at 0, or lognormal where the table says so; IPCC 2006 Vol.1 Ch.3).

``E_d,t = Σ_{r,c} M_d,t,r · f_d,c,p · (B_t,r,c,p + Σ_m (u_d,m − 1) Δ_m,t,r,c,p)`` — sums over a
few (rule × fuel category) classes, so 10 000 draws cost a few array products.
Probabilities carry the binomial standard error √(p(1−p)/N).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.special import ndtri
from scipy.stats import qmc

from cocontrol import refdata
from cocontrol.data.activity import canonical_units
from cocontrol.inventory.uncertainty import Z95
from cocontrol.scenarios import expressions as ex
from cocontrol.scenarios.drivers import Driver
from cocontrol.scenarios.measures import Measure
from cocontrol.scenarios.model import TCE_PER_GJ, Pathway, coal_fuels, gj_per_unit

ENERGY, COAL = ("energy", 0), ("coal_energy", 0)


@dataclass(frozen=True)
class Layout:
    """Columns of the unit-hypercube sample."""

    drivers: tuple[str, ...]
    n_years: int
    measures: tuple[str, ...]
    ef_classes: tuple[tuple[str, str], ...]  # (category, species)
    act_classes: tuple[str, ...]  # category

    @property
    def size(self) -> int:
        return (len(self.drivers) * (self.n_years - 1) + len(self.measures)
                + len(self.ef_classes) + len(self.act_classes))


def category_of(fuels: Sequence[str]) -> list[str]:
    cats = refdata.load("fuels").set_index("fuel")["category"].to_dict()
    units = canonical_units()
    return [cats.get(f, "process" if f in units else "*") for f in fuels]


@lru_cache(maxsize=1024)
def _half_width(quantity: str, category: str, species: str) -> tuple[float, str]:
    t = refdata.load("uncertainty_defaults")
    t = t[t["quantity"] == quantity]
    for c, s in ((category, species), ("*", species), (category, "*"), ("*", "*")):
        hit = t[(t["category"] == c) & (t["species"] == s)]
        if len(hit):
            return float(hit["half_width_95"].iloc[0]), str(hit["distribution"].iloc[0])
    return 0.0, "normal"


def layout(drivers: Mapping[str, Driver], n_years: int, measures: Sequence[str],
           categories: Sequence[str], species: Sequence[str]) -> Layout:
    cats = tuple(sorted(set(categories)))
    return Layout(tuple(n for n, d in drivers.items() if d.sigma > 0), n_years,
                  tuple(measures), tuple((c, s) for c in cats for s in species), cats)


def sample(lay: Layout, draws: int, seed: int) -> np.ndarray:
    """Latin hypercube in [0, 1)^D (scrambled, seeded)."""
    if lay.size == 0:
        return np.full((draws, 0), 0.5)
    return qmc.LatinHypercube(d=lay.size, seed=seed).random(draws)


@dataclass
class Inputs:
    """The sample turned into model inputs for one scenario's drivers and measures."""

    log_dev: dict[str, np.ndarray]  # driver → [N, Y] deviation of ln X from the central path
    uptake: dict[str, np.ndarray]  # measure → [N]
    ef: dict[tuple[str, str], np.ndarray]  # (category, species) → [N]
    act: dict[str, np.ndarray]  # category → [N]
    columns: dict[str, np.ndarray]  # named input columns (for the sensitivity)


def _mult(u: np.ndarray, half: float, dist: str) -> np.ndarray:
    z = ndtri(np.clip(u, 1e-12, 1 - 1e-12))
    if dist == "lognormal":
        return np.exp(z * np.log1p(half) / Z95)
    return np.maximum(1.0 + z * half / Z95, 0.0)


def inputs(lay: Layout, u: np.ndarray, drivers: Mapping[str, Driver],
           measures: Mapping[str, Measure]) -> Inputs:
    col = 0
    log_dev, columns = {}, {}
    for name in lay.drivers:
        z = ndtri(np.clip(u[:, col:col + lay.n_years - 1], 1e-12, 1 - 1e-12))
        col += lay.n_years - 1
        dev = np.zeros((u.shape[0], lay.n_years))
        dev[:, 1:] = drivers[name].sigma * np.cumsum(z, axis=1)
        log_dev[name] = dev
        columns[f"driver:{name}"] = dev[:, -1]
    uptake = {}
    for name in lay.measures:
        lo, *mid, hi = measures[name].uptake
        x = u[:, col]
        col += 1
        if hi <= lo:
            uptake[name] = np.full(u.shape[0], lo)
        elif mid and lo < mid[0] < hi:
            uptake[name] = qmc_triangular(x, lo, mid[0], hi)
        else:
            uptake[name] = lo + (hi - lo) * x
        columns[f"measure:{name}"] = uptake[name]
    ef = {}
    for c, s in lay.ef_classes:
        half, dist = _half_width("factor", c, s)
        ef[(c, s)] = _mult(u[:, col], half, dist)
        columns[f"factor:{c}:{s}"] = ef[(c, s)]
        col += 1
    act = {}
    for c in lay.act_classes:
        half, dist = _half_width("activity", c, "*")
        act[c] = _mult(u[:, col], half, dist)
        columns[f"activity:{c}"] = act[c]
        col += 1
    return Inputs(log_dev, uptake, ef, act, columns)


def qmc_triangular(x: np.ndarray, lo: float, mode: float, hi: float) -> np.ndarray:
    """Inverse CDF of the triangular distribution."""
    fc = (mode - lo) / (hi - lo)
    return np.where(x < fc, lo + np.sqrt(x * (hi - lo) * (mode - lo)),
                    hi - np.sqrt((1 - x) * (hi - lo) * (hi - mode)))


@dataclass
class Draws:
    """Per draw and year: totals per (species, scope) pair plus energy and coal energy
    (``pairs``), and each driver's values."""

    years: np.ndarray
    pairs: tuple[tuple[str, int], ...]
    totals: np.ndarray  # [N, Y, J]
    drivers: dict[str, np.ndarray]  # [N, Y]
    columns: dict[str, np.ndarray]

    def total(self, species: str, scopes: Sequence[int] = (1, 2)) -> np.ndarray:
        j = [i for i, (s, c) in enumerate(self.pairs) if s == species and c in scopes]
        return self.totals[:, :, j].sum(axis=2)


def _classes(pw: Pathway) -> tuple[np.ndarray, np.ndarray, list[str]]:
    cats = category_of(pw.keys["fuel"].tolist())
    names = sorted(set(cats))
    return pw.rule_of_key, np.array([names.index(c) for c in cats]), names


def _with_energy(pw: Pathway, e: np.ndarray, act: np.ndarray) -> np.ndarray:
    tce = act * gj_per_unit(pw.keys["fuel"].tolist()) * TCE_PER_GJ
    coal = tce * pw.keys["fuel"].isin(coal_fuels()).to_numpy()
    return np.concatenate([e, tce[:, :, None], coal[:, :, None]], axis=2)


def simulate(pw: Pathway, inp: Inputs) -> Draws:
    """Totals of every draw and year (see the module docstring)."""
    pairs = (*pw.pairs, ENERGY, COAL)
    g_of, c_of, cats = _classes(pw)
    n_g, n_c, n_y = len(pw.rules), len(cats), len(pw.years)
    n_j = len(pairs)

    steps = pw.steps
    full = [_with_energy(pw, e, a) for _, a, e in steps]
    base_agg = _aggregate(full[-1], g_of, c_of, n_g, n_c)
    deltas = [_aggregate(full[i] - full[i - 1], g_of, c_of, n_g, n_c)
              for i in range(1, len(full))]
    names = [n for n, _, _ in steps[1:]]
    n = next(iter(inp.columns.values())).shape[0] if inp.columns else 1
    # activity multiplier per rule: exp(Σ β (ln X − ln X̂))
    m = np.ones((n, n_y, n_g))
    for g, node in enumerate(pw.rules):
        for drv, beta in ex.elasticities(node).items():
            if drv in inp.log_dev:
                m[:, :, g] *= np.exp(beta * inp.log_dev[drv])
    # factor multiplier per category × pair (activity × factor)
    f = np.ones((n, n_c, n_j))
    for ci, c in enumerate(cats):
        a = inp.act.get(c, np.ones(n))
        for j, (sp, _) in enumerate(pairs):
            f[:, ci, j] = a * (inp.ef.get((c, sp), np.ones(n)) if sp in {
                s for _, s in inp.ef} else 1.0)
    u = np.column_stack([inp.uptake.get(nm, np.ones(n)) - 1.0 for nm in names]) if names \
        else np.zeros((n, 0))
    totals = np.zeros((n, n_y, n_j))
    for g in range(n_g):
        for ci in range(n_c):
            b = base_agg[:, g, ci, :]  # [Y, J]
            dm = [d[:, g, ci, :] for d in deltas]
            if not b.any() and not any(x.any() for x in dm):
                continue
            v = np.broadcast_to(b, (n, n_y, n_j))
            if dm:
                v = v + (u @ np.stack(dm).reshape(len(dm), -1)).reshape(n, n_y, n_j)
            totals += m[:, :, g, None] * f[:, ci, None, :] * v
    drv = {k: pw.drivers[k][None, :] * np.exp(inp.log_dev.get(k, np.zeros((1, n_y))))
           for k in pw.drivers}
    return Draws(pw.years, pairs, totals, drv, inp.columns)


def _aggregate(e: np.ndarray, g_of: np.ndarray, c_of: np.ndarray, n_g: int,
               n_c: int) -> np.ndarray:
    """[Y, K, J] → [Y, G, C, J] summed over the keys of each (rule, category) class."""
    n_y, _, n_j = e.shape
    out = np.zeros((n_y, n_g * n_c, n_j))
    cls = g_of * n_c + c_of
    for ci in np.unique(cls):
        out[:, ci, :] = e[:, cls == ci, :].sum(axis=1)
    return out.reshape(n_y, n_g, n_c, n_j)


def peak_margin() -> float:
    """The decline after the maximum that makes it a peak (share of the maximum): the registry's
    convention ``peak_margin`` (:mod:`cocontrol.figures`)."""
    from cocontrol.figures import convention

    return float(convention("peak_margin"))


def peak_years(series: np.ndarray, years: np.ndarray, margin: float | None = None) -> np.ndarray:
    """Peak year of each path ([N, Y] → [N]; a single path [Y] → scalar), 0 when it has none.

    The one definition of a peak, for the central pathway and every draw alike: the year of the
    maximum (the first on ties), counted as a peak only when the last scenario year lies more
    than ``margin`` (share of the maximum, default :func:`peak_margin`) below it. A path still
    rising at the end, or ending within the margin of its maximum (a plateau, a rebound), has
    no peak within the horizon."""
    margin = peak_margin() if margin is None else margin
    s = np.asarray(series, float)
    i = np.argmax(s, axis=-1)
    top = np.max(s, axis=-1)
    peaked = (i < s.shape[-1] - 1) & (s[..., -1] < (1.0 - margin) * top)
    return np.where(peaked, np.asarray(years)[i], 0)


def p_peak_by(series: np.ndarray, years: np.ndarray) -> dict[str, float]:
    """P(peak year ≤ Y) for every scenario year but the last, a peak as :func:`peak_years`
    defines it (a path with none counts as not peaked)."""
    py = peak_years(series, years)
    return {str(int(y)): float(np.mean((py > 0) & (py <= y))) for y in years[:-1]}


def first_order(columns: Mapping[str, np.ndarray], output: np.ndarray,
                bins: int | None = None) -> pd.DataFrame:
    """First-order Sobol indices from the given sample (Plischke, Borgonovo & Smith 2013,
    "given data" estimator): ``S_i = Var(E[Y | X_i]) / Var(Y)`` with X_i cut into equal-count
    bins (√N by default). Sorted, largest first."""
    n = output.size
    var = float(np.var(output))
    bins = bins or max(2, int(np.sqrt(n)))
    rows = []
    for name, x in columns.items():
        if var == 0 or np.ptp(x) == 0:
            rows.append({"input": name, "s1": 0.0})
            continue
        order = np.argsort(x, kind="stable")
        groups = np.array_split(output[order], bins)
        means = np.array([g.mean() for g in groups])
        sizes = np.array([g.size for g in groups])
        s1 = float((sizes * (means - output.mean()) ** 2).sum() / n / var)
        rows.append({"input": name, "s1": s1})
    return pd.DataFrame(rows).sort_values("s1", ascending=False, ignore_index=True)


def groups(lay: Layout) -> tuple[list[str], list[list[int]]]:
    """Sample columns grouped as the sensitivity names them (:func:`inputs`' ``columns``):
    one driver's yearly innovations form one group."""
    names, out, col = [], [], 0
    for name in lay.drivers:
        names.append(f"driver:{name}")
        out.append(list(range(col, col + lay.n_years - 1)))
        col += lay.n_years - 1
    singles = ([f"measure:{m}" for m in lay.measures]
               + [f"factor:{c}:{s}" for c, s in lay.ef_classes]
               + [f"activity:{c}" for c in lay.act_classes])
    for name in singles:
        names.append(name)
        out.append([col])
        col += 1
    return names, out


def quantiles(pw: Pathway, inp: Inputs, qs: Sequence[float] = (0.05, 0.5, 0.95),
              chunk: int = 256, cache: dict | None = None) -> np.ndarray:
    """Quantiles of every (year, key, pair) cell: ``[len(qs), Y, K, J]``. A cell that no
    measure touches is its central value times the quantile of its class multiplier
    ``M·f``; a cell a measure touches is computed draw by draw. ``cache``: class quantiles
    shared between scenarios run on the same sample (same drivers' draws)."""
    g_of, c_of, cats = _classes(pw)
    n_y, n_k, n_j = pw.emissions.shape
    n = next(iter(inp.columns.values())).shape[0] if inp.columns else 1
    m = np.ones((n, n_y, len(pw.rules)))
    for g, node in enumerate(pw.rules):
        for drv, beta in ex.elasticities(node).items():
            if drv in inp.log_dev:
                m[:, :, g] *= np.exp(beta * inp.log_dev[drv])
    f = np.ones((n, len(cats), n_j))
    ef_species = {s for _, s in inp.ef}
    for ci, c in enumerate(cats):
        for j, (sp, _) in enumerate(pw.pairs):
            f[:, ci, j] = inp.act.get(c, np.ones(n)) * (
                inp.ef.get((c, sp), np.ones(n)) if sp in ef_species else 1.0)
    out = np.empty((len(qs), n_y, n_k, n_j))
    central = pw.emissions
    # class quantiles (the same for every scenario with the same rule and category)
    for g in range(len(pw.rules)):
        for ci in range(len(cats)):
            keys = np.flatnonzero((g_of == g) & (c_of == ci))
            if not keys.size:
                continue
            ck = (pw.rules[g], cats[ci], pw.pairs, tuple(qs),
                  tuple(sorted(ex.elasticities(pw.rules[g]).items())))
            q = cache.get(ck) if cache is not None else None
            if q is None:
                prod = (m[:, :, g][:, :, None] * f[:, ci, :][:, None, :]).astype(np.float32)
                q = np.quantile(prod, qs, axis=0).astype(float)  # [Q, Y, J]
                if cache is not None:
                    cache[ck] = q
            out[:, :, keys, :] = central[None, :, keys, :] * q[:, :, None, :]
    # cells touched by a measure: v = E·(1 + Σ_m (u_m − 1) r_m), r = Δ_m / E; cells with the
    # same year, rule, category, pair and relative effects r share one distribution
    steps = pw.steps
    names = [nm for nm, _, _ in steps[1:]]
    if names:
        deltas = np.stack([steps[i][2] - steps[i - 1][2] for i in range(1, len(steps))])
        touched = np.argwhere(np.any(deltas != 0, axis=0))  # [R, 3] (y, k, j)
        u = np.column_stack([inp.uptake.get(nm, np.ones(n)) - 1.0 for nm in names])
        y, k, j = touched[:, 0], touched[:, 1], touched[:, 2]
        e = central[y, k, j]
        d = deltas[:, y, k, j].T  # [R, M]
        pos = e != 0
        r = np.zeros_like(d)
        r[pos] = d[pos] / e[pos, None]
        sig = np.column_stack([y, g_of[k], c_of[k], j, np.round(r, 12)])
        classes, inverse = np.unique(sig[pos], axis=0, return_inverse=True)
        for s0 in range(0, len(classes), chunk):
            cl = classes[s0:s0 + chunk]
            cy, cg, cc, cj = (cl[:, i].astype(int) for i in range(4))
            v = (m[:, cy, cg] * f[:, cc, cj]) * (1.0 + u @ cl[:, 4:].T)
            q = np.quantile(v, qs, axis=0)  # [Q, chunk]
            idx = np.flatnonzero(pos)
            sel = (inverse >= s0) & (inverse < s0 + len(cl))
            cells = idx[sel]
            out[:, y[cells], k[cells], j[cells]] = e[cells][None, :] * q[:, inverse[sel] - s0]
        for cell in np.flatnonzero(~pos):  # zero after every measure: draw by draw
            yy, kk, jj = y[cell], k[cell], j[cell]
            v = (u @ d[cell]) * m[:, yy, g_of[kk]] * f[:, c_of[kk], jj]
            out[:, yy, kk, jj] = np.quantile(v, qs, axis=0)
    return out
