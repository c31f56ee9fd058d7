"""Tables of a scenario run and writing them (Excel workbook, CSV, Parquet, IAMC CSV).

Every file is written to a temporary name and moved into place (``cocontrol.files``), so a
failure leaves nothing half-written.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from cocontrol import refdata
from cocontrol.errors import InputError
from cocontrol.files import write_atomic, write_bytes_atomic
from cocontrol.scenarios.runner import PERCENTILES, RunResult, apeq_weights

QCOLS = [f"p{round(q * 100):02d}" for q in PERCENTILES]

IAMC_SPECIES = {"CO2": ("CO2", "Mt CO2/yr", 1e-6), "CH4": ("CH4", "kt CH4/yr", 1e-3),
                "N2O": ("N2O", "kt N2O/yr", 1e-3), "SO2": ("Sulfur", "kt SO2/yr", 1e-3),
                "NOx": ("NOx", "kt NOx/yr", 1e-3), "VOCs": ("VOC", "kt VOC/yr", 1e-3),
                "NH3": ("NH3", "kt NH3/yr", 1e-3), "CO": ("CO", "kt CO/yr", 1e-3),
                "PM2.5": ("PM2.5", "kt PM2.5/yr", 1e-3), "PM10": ("PM10", "kt PM10/yr", 1e-3)}


def pathways(result: RunResult) -> pd.DataFrame:
    """Yearly emissions by scenario, sector, fuel, technology, species and scope [t] with
    the Monte Carlo percentiles (when drawn)."""
    frames = []
    for r in result.scenarios:
        pw = r.pathway
        y, k, j = pw.emissions.shape
        frame = pd.DataFrame({
            "scenario": r.name, "region": result.spec.region,
            "year": np.repeat(pw.years, k * j),
            "sector": np.tile(np.repeat(pw.keys["sector"].to_numpy(), j), y),
            "fuel": np.tile(np.repeat(pw.keys["fuel"].to_numpy(), j), y),
            "technology": np.tile(np.repeat(pw.keys["technology"].to_numpy(), j), y),
            "species": np.tile([s for s, _ in pw.pairs], y * k),
            "scope": np.tile([c for _, c in pw.pairs], y * k),
            "value": pw.emissions.reshape(-1), "unit": "t"})
        if r.quantiles is not None:
            for qi, col in enumerate(QCOLS):
                frame[col] = r.quantiles[qi].reshape(-1)
        frames.append(frame[frame["value"] != 0])
    return pd.concat(frames, ignore_index=True)


def totals(result: RunResult) -> pd.DataFrame:
    """City totals by scenario, year and species (CO2 over the spec's scopes, others all
    scopes; APeq; energy in tce) with mean and percentiles over the draws."""
    rows = []
    scopes = result.spec.co2_scopes
    w = apeq_weights()
    for r in result.scenarios:
        pw = r.pathway
        series = {s: (pw.total(s, scopes if s == "CO2" else (1, 2)),
                      None if r.draws is None else r.draws.total(
                          s, scopes if s == "CO2" else (1, 2)))
                  for s in dict.fromkeys(s for s, _ in pw.pairs)}
        series["APeq"] = (sum(pw.total(s, (1,)) * a for s, a in w.items()),
                          None if r.draws is None else
                          sum(r.draws.total(s, (1,)) * a for s, a in w.items()))
        from cocontrol.scenarios import montecarlo as mc

        energy_draws = (None if r.draws is None else
                        r.draws.totals[:, :, r.draws.pairs.index(mc.ENERGY)])
        series["energy"] = (pw.energy().sum(axis=1), energy_draws)
        for s, (central, draws) in series.items():
            q = np.quantile(draws, PERCENTILES, axis=0) if draws is not None else None
            for i, year in enumerate(pw.years):
                row = {"scenario": r.name, "year": int(year), "species": s,
                       "unit": "tce" if s == "energy" else "t SO2-eq" if s == "APeq" else "t",
                       "value": float(central[i])}
                if q is not None:
                    row["mean"] = float(draws[:, i].mean())
                    row.update({c: float(q[qi, i]) for qi, c in enumerate(QCOLS)})
                rows.append(row)
    return pd.DataFrame(rows)


def target_table(result: RunResult) -> pd.DataFrame:
    rows = [{"scenario": r.name, **t} for r in result.scenarios for t in r.targets]
    return pd.DataFrame(rows)


def peak_distribution(result: RunResult) -> pd.DataFrame:
    """Share of draws peaking in each year, per scenario, a peak as
    :func:`.montecarlo.peak_years` defines it; year 0: draws with no peak within the horizon
    (the shares add up to 1)."""
    from cocontrol.scenarios import montecarlo as mc

    rows = []
    for r in result.scenarios:
        if r.draws is None:
            continue
        py = mc.peak_years(r.draws.total("CO2", result.spec.co2_scopes), r.draws.years)
        for y in [*r.draws.years, 0]:
            rows.append({"scenario": r.name, "year": int(y), "share": float(np.mean(py == y))})
    return pd.DataFrame(rows, columns=["scenario", "year", "share"])


def peak_sheet(result: RunResult) -> pd.DataFrame:
    """:func:`peak_distribution` as exported: draws without a peak have no year (blank, not 0)
    and ``peaked`` False, so a spreadsheet's average of the year column is not pulled to 0."""
    dist = peak_distribution(result)
    peaked = dist["year"] != 0
    return dist.assign(year=dist["year"].astype("Int64").where(peaked), peaked=peaked)


def measure_table(result: RunResult) -> pd.DataFrame:
    rows = []
    for m in result.spec.measures.values():
        rows.append({"measure": m.name, "kind": m.kind, "sectors": "、".join(m.sectors),
                     "fuels": "、".join(m.fuels), "start": m.start, "full": m.full,
                     "annual_cost_wan_yuan": m.cost.annualised(),
                     "investment_wan_yuan": m.cost.investment, "life": m.cost.life,
                     "discount_rate": m.cost.discount_rate, "uptake": str(list(m.uptake)),
                     "quote": m.quote, "responsible": m.responsible, "label": m.label,
                     "source": m.source})
    return pd.DataFrame(rows)


def driver_table(result: RunResult) -> pd.DataFrame:
    rows = []
    for r in result.scenarios:
        for name, values in r.pathway.drivers.items():
            unit = result.spec.drivers[name].unit
            rows += [{"scenario": r.name, "driver": name, "year": int(y), "value": float(v),
                      "unit": unit} for y, v in zip(r.pathway.years, values, strict=True)]
    return pd.DataFrame(rows)


def _concat(result: RunResult, attr: str) -> pd.DataFrame:
    frames = [getattr(r, attr).assign(scenario=r.name) for r in result.scenarios
              if getattr(r, attr) is not None and len(getattr(r, attr))]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def stirpat_tables(result: RunResult) -> dict[str, pd.DataFrame]:
    """The STIRPAT fit shown: elasticities, ridge constant, R², observed vs fitted."""
    fit = result.spec.stirpat
    if fit is None:
        return {}
    coef = pd.DataFrame([{"term": n, "elasticity": b} for n, b in fit.beta.items()]
                        + [{"term": "ln a (intercept)", "elasticity": fit.intercept},
                           {"term": "ridge k (GCV)", "elasticity": fit.k},
                           {"term": "R² of ln I", "elasticity": fit.r2}])
    return {"STIRPAT系数": coef, "STIRPAT拟合": fit.fitted}


def tables(result: RunResult) -> dict[str, pd.DataFrame]:
    """Every table of the run by its sheet name."""
    return {**stirpat_tables(result),"情景汇总": totals(result), "规划目标": target_table(result),
            "达峰年份分布": peak_sheet(result), "协同效益": _concat(result, "cobenefits"),
            "边际减排成本": _concat(result, "mac"), "敏感性": _concat(result, "sensitivity"),
            "驱动因素": driver_table(result), "措施库": measure_table(result),
            "排放路径": pathways(result)}


def iamc(result: RunResult, model_name: str = "cocontrol") -> pd.DataFrame:
    """IAMC long format (model, scenario, region, variable, unit, year, value). Emissions|X
    is the scope-1 total, the sum of Emissions|X|Energy (fuel combustion) and
    Emissions|X|Industrial Processes (products); scope 2 is Emissions|CO2|Indirect, not
    part of Emissions|CO2 (so aggregation checks hold)."""
    rows = []
    fuels = set(refdata.load("fuels")["fuel"])
    for r in result.scenarios:
        pw = r.pathway
        is_fuel = pw.keys["fuel"].isin(fuels).to_numpy()
        for j, (sp, scope) in enumerate(pw.pairs):
            if sp not in IAMC_SPECIES:
                continue
            name, unit, mult = IAMC_SPECIES[sp]
            e = pw.emissions[:, :, j]
            if scope == 2:
                parts = {f"Emissions|{name}|Indirect": e.sum(axis=1)}
            else:
                parts = {f"Emissions|{name}": e.sum(axis=1),
                         f"Emissions|{name}|Energy": e[:, is_fuel].sum(axis=1),
                         f"Emissions|{name}|Industrial Processes": e[:, ~is_fuel].sum(axis=1)}
            for var, values in parts.items():
                rows += [{"model": model_name, "scenario": r.name,
                          "region": result.spec.region, "variable": var, "unit": unit,
                          "year": int(y), "value": float(v) * mult}
                         for y, v in zip(pw.years, values, strict=True)]
        energy = pw.energy().sum(axis=1)
        rows += [{"model": model_name, "scenario": r.name, "region": result.spec.region,
                  "variable": "Final Energy", "unit": "Mtce/yr", "year": int(y),
                  "value": float(v) * 1e-6} for y, v in zip(pw.years, energy, strict=True)]
    return pd.DataFrame(rows, columns=["model", "scenario", "region", "variable", "unit", "year",
                                       "value"])


def write(result: RunResult, path: str | Path) -> Path:
    """``.xlsx`` (every table, one sheet each), ``.csv`` or ``.parquet`` (the pathways)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".parquet"):
        raise InputError("unsupported output", file=str(path),
                         expected=".xlsx, .csv or .parquet", found=suffix or "no suffix")
    if suffix == ".xlsx":
        sheets = tables(result)

        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as xw:
            for name, frame in sheets.items():
                frame.to_excel(xw, sheet_name=name, index=False)
        return write_bytes_atomic(path, buffer.getvalue())
    frame = pathways(result)
    if suffix == ".csv":
        return write_atomic(path, lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8"))
    return write_atomic(path, lambda tmp: frame.to_parquet(tmp, index=False))


def write_iamc(result: RunResult, path: str | Path) -> Path:
    frame = iamc(result)
    return write_atomic(Path(path), lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8"))
