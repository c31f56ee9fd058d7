"""Large Parquet activity files, checked and computed inside the engine (no pandas copy).

For files beyond memory (10⁸ facility rows) ``compute_parquet`` never loads the rows into
Python: the engine profiles the distinct (sector, fuel, unit) combinations, missing and
negative values and duplicate keys; names and units are resolved for the distinct values
only; then the staged inventory runs on the file. Problems name the file, the column and the
offending value with its number of rows (row numbers are not portable across engines; use
``read_activity`` for small files, which lists every row).

An optional ``technology`` column (boiler/kiln/vehicle class, code or Chinese name such as
层燃炉) picks technology-specific factors and controls exactly as in ``compute``; NULL or
``""`` is the default technology, and a file without the column has the default throughout.
"""

from __future__ import annotations

from pathlib import Path

import ibis
import pandas as pd

from cocontrol.data import names
from cocontrol.data.activity import technology_choices, technology_code, unit_multiplier
from cocontrol.errors import Problem, UnitError, ValidationFailed
from cocontrol.inventory import expressions as ex
from cocontrol.inventory import factors as fx
from cocontrol.inventory.core import OUTPUT, co2e
from cocontrol.inventory.engines import execute, to_arrow


def _check(profile: pd.DataFrame, dups: pd.DataFrame, file: str) -> tuple[dict, dict, list]:
    problems: list[Problem] = []
    sector_map, fuel_map = {}, {}
    for col, vocab, mapping in (("sector", names.sectors(), sector_map),
                                ("fuel", names.fuels(), fuel_map)):
        for given, n in profile.groupby(col, dropna=False)["rows"].sum().items():
            code = vocab.resolve(given) if isinstance(given, str) else None
            if code is None:
                hint = vocab.suggest(given) if isinstance(given, str) else []
                problems.append(Problem(
                    f"unknown {col} in {n:,} rows"
                    + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                    file=file, column=col, found=None if pd.isna(given) else str(given)))
            else:
                mapping[given] = code
    units = []
    for r in profile.itertuples(index=False):
        if r.fuel in fuel_map and isinstance(r.unit, str):
            try:
                units.append((fuel_map[r.fuel], r.unit, unit_multiplier(fuel_map[r.fuel], r.unit)))
            except UnitError as exc:
                problems.append(Problem(f"unit mismatch in {r.rows:,} rows: {exc}", file=file,
                                        column="unit", found=r.unit))
        elif not isinstance(r.unit, str):
            problems.append(Problem(f"missing unit in {r.rows:,} rows", file=file, column="unit"))
        if r.missing:
            problems.append(Problem(f"missing value in {int(r.missing):,} rows of {r.sector} × "
                                    f"{r.fuel}", file=file, column="value"))
        if r.negative:
            problems.append(Problem(f"negative value in {int(r.negative):,} rows of {r.sector} × "
                                    f"{r.fuel}", file=file, column="value"))
    for d in dups.head(1000).itertuples(index=False):
        problems.append(Problem(f"duplicate key ({d.rows} rows)", file=file,
                                column="region/year/month/sector/fuel/technology/facility",
                                found=" ".join(str(v) for v in (
                                    d.region, d.year, d.month, d.sector, d.fuel, d.technology,
                                    d.facility) if v is not None and v == v and v != "")))
    unit_table = pd.DataFrame(units, columns=["fuel", "unit", "mult"]).drop_duplicates(
        ["fuel", "unit"])
    return sector_map, fuel_map, [problems, unit_table]


def _check_technologies(used: pd.DataFrame, fuel_map: dict, file: str
                        ) -> tuple[pd.DataFrame, list[Problem]]:
    """``tech_names`` rows (fuel code, given, code) for the distinct technologies of the file,
    and a problem per unknown (fuel, technology) with its number of rows."""
    problems, rows = [], []
    for fuel, given, n in used[["fuel", "technology", "rows"]].itertuples(index=False):
        code = fuel_map.get(fuel)
        if code is None:
            continue  # unknown fuel: reported already
        tech = technology_code(code, given)
        if tech is None:
            problems.append(Problem(
                f"unknown technology for {code} in {n:,} rows", file=file, column="technology",
                expected=technology_choices(code), found=given))
        else:
            rows.append((code, given, tech))
    names_ = pd.DataFrame(rows, columns=list(ex.TECH_NAMES_SCHEMA.names))
    return names_.drop_duplicates(["fuel", "given"]), problems


def is_canonical_parquet(path: str | Path) -> bool:
    """True for a Parquet file with all canonical activity columns (month/facility too)."""
    import pyarrow.parquet as pq

    if Path(path).suffix.lower() not in (".parquet", ".pq"):
        return False
    have = set(pq.read_schema(path).names)
    return {k for k in ex.ACTIVITY_SCHEMA.names if k not in ("row_id", "technology")} <= have


def compute_parquet(path: str | Path, *, gwp: str = "AR5", engine: str = "duckdb",
                    controls: pd.DataFrame | None = None,
                    spark_master: str | None = None) -> pd.DataFrame:
    """``compute`` for a canonical-column Parquet file of any size (see module docstring).

    The file has the columns of :data:`cocontrol.inventory.expressions.ACTIVITY_SCHEMA`
    except ``row_id`` (month, facility and technology may be NULL, technology may be absent).
    ``controls``: a raw or :func:`cocontrol.data.controls.read_controls` frame, incl. the
    ``applies_to`` activity technology."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    file = str(path)
    fx.gwp_table(gwp)
    t = ex.tables()
    schema = pq.read_schema(path)
    have = {f.name for f in schema if not (f.name == "technology" and f.type == pa.null())}
    act = ibis.table({k: v for k, v in ex.ACTIVITY_SCHEMA.items()
                      if k != "row_id" and (k != "technology" or k in have)}, name="activity")
    tech = (act.technology.strip().coalesce("") if "technology" in have
            else ibis.literal(""))  # NULL / absent = default technology
    act = act.mutate(technology=tech)
    src = {"activity": file}
    run = {"profile": ex.profile(act), "dups": ex.duplicate_keys(act),
           "techs": ex.technologies_used(act), "ry": act.select("region", "year").distinct()}
    out = execute(run, src, engine=engine, spark_master=spark_master)
    sector_map, fuel_map, (problems, unit_table) = _check(out["profile"], out["dups"], file)
    tech_table, more = _check_technologies(out["techs"], fuel_map, file)
    problems += more
    if problems:
        raise ValidationFailed(problems, summary=f"activity data {Path(file).name} is invalid")
    maps = {"sector_names": pd.DataFrame(list(sector_map.items()), columns=["given", "code"]),
            "fuel_names": pd.DataFrame(list(fuel_map.items()), columns=["given", "code"])}
    named = {k: ibis.table(ex.NAMES_SCHEMA, name=k) for k in maps}
    tech_names = ibis.table(ex.TECH_NAMES_SCHEMA, name="tech_names")
    resolved = ex.resolve_names(act, named["sector_names"], named["fuel_names"], tech_names)
    stage1 = execute({"agg": ex.aggregate_activity(resolved, t["units"])},
                     {**src, "units": to_arrow(unit_table, ex.UNITS_SCHEMA),
                      "tech_names": to_arrow(tech_table, ex.TECH_NAMES_SCHEMA),
                      **{k: to_arrow(v, ex.NAMES_SCHEMA) for k, v in maps.items()}},
                     engine=engine, spark_master=spark_master)["agg"]
    agg = ex.agg_table()
    tables = {"agg": to_arrow(stage1, ex.AGG_SCHEMA),
              "factors": to_arrow(fx.default_factors(), ex.FACTORS_SCHEMA),
              "grid": to_arrow(fx.grid_factors(out["ry"]), ex.GRID_SCHEMA),
              "controls": to_arrow(
                  fx.control_multipliers(controls) if controls is not None and len(controls)
                  else pd.DataFrame(columns=list(ex.CONTROLS_SCHEMA.names)),
                  ex.CONTROLS_SCHEMA)}
    res = execute({"inv": ex.apply_factors(agg, t["factors"], t["grid"], t["controls"]),
                   "missing": ex.unmatched_keys(agg, t["factors"], t["grid"])},
                  tables, engine=engine, spark_master=spark_master)
    if len(res["missing"]):
        raise ValidationFailed(
            [Problem("no emission factor for this sector and fuel", file=file, column="fuel",
                     found=f"{m.sector} × {m.fuel} ({m.region} {m.year})")
             for m in res["missing"].itertuples(index=False)], summary="activity without factor")
    result = res["inv"].assign(unit="t")[OUTPUT].sort_values(ex.OUTPUT_KEYS, ignore_index=True)
    result = pd.concat([result, co2e(result, gwp)], ignore_index=True)
    return result.sort_values(["region", "year", "scope", "sector", "fuel", "species"],
                              ignore_index=True)
