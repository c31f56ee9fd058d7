"""Large Parquet activity files, checked and computed inside the engine (no pandas copy).

For files beyond memory (10⁸ facility rows) ``compute_parquet`` never loads the rows into
Python: one pass sums the file per (region, year, sector, fuel, technology, unit) as given,
counting missing and negative values; a second finds duplicate keys by a hash of the key
(exactly checked on the candidates). Names, units and technologies are resolved for the
summary rows only, and the staged inventory of ``compute`` runs on them. Problems name the
file, the column and the offending value with its number of rows (row numbers are not
portable across engines; use ``read_activity`` for small files, which lists every row).

An optional ``technology`` column (boiler/kiln/vehicle class, code or Chinese name such as
层燃炉) picks technology-specific factors and controls exactly as in ``compute``; NULL or
``""`` is the default technology, and a file without the column has the default throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pandas as pd

from cocontrol.data import names
from cocontrol.data.activity import technology_choices, technology_code, unit_multiplier
from cocontrol.errors import Problem, UnitError, ValidationFailed
from cocontrol.inventory import expressions as ex
from cocontrol.inventory import factors as fx
from cocontrol.inventory.core import evaluate
from cocontrol.inventory.engines import session, to_arrow


def _resolve(summary: pd.DataFrame, file: str) -> tuple[dict, dict, list[Problem]]:
    """Codes of the sector and fuel names given (``{given: code}``), and a problem (with the
    row count and the closest names) for each unknown name."""
    problems: list[Problem] = []
    maps: dict[str, dict] = {"sector": {}, "fuel": {}}
    for col, vocab in (("sector", names.sectors()), ("fuel", names.fuels())):
        for given, n in summary.groupby(col, dropna=False)["rows"].sum().items():
            code = vocab.resolve(given) if isinstance(given, str) else None
            if code is None:
                hint = vocab.suggest(given) if isinstance(given, str) else []
                problems.append(Problem(
                    f"unknown {col} in {n:,} rows"
                    + (f" — did you mean {' / '.join(hint)}?" if hint else ""),
                    file=file, column=col, found=None if pd.isna(given) else str(given)))
            else:
                maps[col][given] = code
    return maps["sector"], maps["fuel"], problems


def _check_groups(summary: pd.DataFrame, fuel_map: dict, file: str) -> list[Problem]:
    """Missing region/year, units that do not fit the fuel, missing and negative values:
    one problem per offending value with its number of rows."""
    problems = []
    for col in ("region", "year"):
        n = int(summary.loc[summary[col].isna(), "rows"].sum())
        if n:
            problems.append(Problem(f"missing {col} in {n:,} rows", file=file, column=col))
    profile = summary.groupby(["sector", "fuel", "unit"], dropna=False, sort=True)[
        ["rows", "missing", "negative"]].sum()
    for (sector, fuel, unit), r in profile.iterrows():
        if fuel in fuel_map and isinstance(unit, str):
            try:
                unit_multiplier(fuel_map[fuel], unit)
            except UnitError as exc:
                problems.append(Problem(f"unit mismatch in {int(r['rows']):,} rows: {exc}",
                                        file=file, column="unit", found=unit))
        elif not isinstance(unit, str):
            problems.append(Problem(f"missing unit in {int(r['rows']):,} rows", file=file,
                                    column="unit"))
        if r["missing"]:
            problems.append(Problem(f"missing value in {int(r['missing']):,} rows of {sector} × "
                                    f"{fuel}", file=file, column="value"))
        if r["negative"]:
            problems.append(Problem(f"negative value in {int(r['negative']):,} rows of {sector} × "
                                    f"{fuel}", file=file, column="value"))
    return problems


def _check_duplicates(dups: pd.DataFrame, file: str) -> list[Problem]:
    return [Problem(f"duplicate key ({d.rows} rows)", file=file,
                    column="region/year/month/sector/fuel/technology/facility",
                    found=" ".join(str(v) for v in (
                        d.region, d.year, d.month, d.sector, d.fuel, d.technology, d.facility)
                        if v is not None and v == v and v != ""))
            for d in dups.head(1000).itertuples(index=False)]


def _technologies(summary: pd.DataFrame, fuel_map: dict, file: str
                  ) -> tuple[dict, list[Problem]]:
    """Codes of the technologies given per fuel (``{(fuel code, given): code}``, ``""`` the
    default) and a problem per unknown (fuel, technology) with its number of rows."""
    used = summary[summary["technology"] != ""].groupby(["fuel", "technology"])["rows"].sum()
    problems, codes = [], {}
    for (fuel, given), n in used.items():
        code = fuel_map.get(fuel)
        if code is None:
            continue  # unknown fuel: reported already
        tech = technology_code(code, given)
        if tech is None:
            problems.append(Problem(
                f"unknown technology for {code} in {n:,} rows", file=file, column="technology",
                expected=technology_choices(code), found=given))
        else:
            codes[(code, given)] = tech
    return codes, problems


def is_canonical_parquet(path: str | Path) -> bool:
    """True for a Parquet file with all canonical activity columns (month/facility too)."""
    import pyarrow.parquet as pq

    if Path(path).suffix.lower() not in (".parquet", ".pq"):
        return False
    have = set(pq.read_schema(path).names)
    return {k for k in ex.ACTIVITY_SCHEMA.names if k not in ("row_id", "technology")} <= have


def _activity_table(path: str | Path) -> ir.Table:
    """The unbound ``activity`` table of the file, technology trimmed and ``""`` where NULL
    or absent (the default technology)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    have = {f.name for f in schema if not (f.name == "technology" and f.type == pa.null())}
    act = ibis.table({k: v for k, v in ex.ACTIVITY_SCHEMA.items()
                      if k != "row_id" and (k != "technology" or k in have)}, name="activity")
    tech = (act.technology.strip().coalesce("") if "technology" in have
            else ibis.literal(""))
    return act.mutate(technology=tech)


def scan_activity(path: str | Path, *, engine: str = "duckdb",
                  spark_master: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two passes over the file in one engine session: the per-group summary
    (:func:`cocontrol.inventory.expressions.summarise_activity`) and the repeated key hashes;
    a third pass over the rows of repeated hashes only, when there are any, finds the
    duplicate keys exactly. Returns (summary, duplicate keys)."""
    act = _activity_table(path)
    with session({"activity": str(path)}, engine=engine, spark_master=spark_master) as ses:
        first = ses.run({"summary": ex.summarise_activity(act),
                         "hashes": ex.repeated_key_hashes(act)})
        if len(first["hashes"]) == 0:
            dups = pd.DataFrame(columns=[*ex.DUPLICATE_KEYS, "rows"])
        else:
            ses.register("repeated", to_arrow(first["hashes"], ex.HASHES_SCHEMA))
            repeated = ibis.table(ex.HASHES_SCHEMA, name="repeated")
            dups = ses.run({"dups": ex.duplicate_keys(act, repeated)})["dups"]
    return first["summary"], dups


def compute_parquet(path: str | Path, *, gwp: str = "AR5", engine: str = "duckdb",
                    controls: pd.DataFrame | None = None, spark_master: str | None = None,
                    progress: Callable[[str], None] | None = None,
                    factors: object = None) -> pd.DataFrame:
    """``compute`` for a canonical-column Parquet file of any size (see module docstring).

    The file has the columns of :data:`cocontrol.inventory.expressions.ACTIVITY_SCHEMA`
    except ``row_id`` (month, facility and technology may be NULL, technology may be absent).
    ``controls``: a raw or :func:`cocontrol.data.controls.read_controls` frame, incl. the
    ``applies_to`` activity technology. ``factors``: the factor set (name, file; None = default).

    The file is read twice (:func:`scan_activity`); everything after works on the summary —
    one row per region, year, sector, fuel, technology and unit as given — whose values are
    the sums of the file's (``Σ_i A_i × EF × c = (Σ_i A_i) × EF × c``): names, units and
    technologies are resolved for those rows only, then :func:`cocontrol.inventory.core.evaluate`
    runs the same staged inventory as ``compute``. ``progress(text)`` is told when each of the
    two steps (scanning the file, computing the summary) begins."""
    file = str(path)
    step = progress or (lambda text: None)
    fx.gwp_table(gwp)
    step(f"扫描并校验 {Path(file).name} / scanning ({engine})")
    summary, dups = scan_activity(path, engine=engine, spark_master=spark_master)
    sector_map, fuel_map, problems = _resolve(summary, file)
    problems += _check_groups(summary, fuel_map, file)
    problems += _check_duplicates(dups, file)
    tech_map, more = _technologies(summary, fuel_map, file)
    problems += more
    if problems:
        raise ValidationFailed(problems, summary=f"activity data {Path(file).name} is invalid")
    fuel = summary["fuel"].map(fuel_map)
    activity = pd.DataFrame({
        "region": summary["region"], "year": summary["year"].astype("int64"),
        "sector": summary["sector"].map(sector_map), "fuel": fuel,
        "technology": [tech_map.get((f, t), "") for f, t in zip(fuel, summary["technology"],
                                                                strict=True)],
        "value": summary["total"].astype("float64"), "unit": summary["unit"]})

    def no_factor(keys: pd.DataFrame) -> ValidationFailed:
        return ValidationFailed(
            [Problem("no emission factor for this sector and fuel", file=file, column="fuel",
                     found=f"{k.sector} × {k.fuel} ({k.region} {k.year})")
             for k in keys.itertuples(index=False)], summary="activity without factor")

    step(f"核算 {len(activity):,} 组 / computing ({engine})")
    return evaluate(activity, gwp=gwp, engine=engine, controls=controls, factors=factors,
                    spark_master=spark_master, no_factor=no_factor)
