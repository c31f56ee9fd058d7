"""Run a batch of behaviour records through the checks and the crediting (one engine session).

:func:`credit_batch` binds the expressions of :mod:`cocontrol.inclusive.credit` to DuckDB (or
Spark), refuses the whole batch when :func:`~cocontrol.inclusive.credit.checks` finds an input
error (nothing credited half-way), keeps the per-record result inside the engine and returns the
aggregates. With ``journal`` the credited records are streamed to that Parquet file — the
record-level journal that later batches are checked against (``seen``), so a re-posted record
is never credited twice.

On Spark the batch runs in one pass (:mod:`cocontrol.inclusive.onepass`): Spark shuffles the
records by person once and each part runs the DuckDB steps of :func:`duckdb_steps` in a Python
task; ``COCONTROL_SPARK_PLAN=cached`` selects the earlier plan (stage 1 cached in Spark, each
step a Spark query: :func:`_spark_stages`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd
import pyarrow as pa

from cocontrol.errors import Problem, ValidationFailed
from cocontrol.inclusive import credit as c
from cocontrol.inclusive.methodology import copollutants, scene_names
from cocontrol.inclusive.records import parquet_view_sql
from cocontrol.inventory.engines import Session, compile_sql, session

METHOD_COLUMNS = [n for n in c.METHODS.names if n != "m_id"]


@dataclass
class CreditResult:
    """Aggregates of one credited batch (grams of CO2)."""

    total_g: float
    persons: pd.DataFrame
    rejected: pd.DataFrame
    by_scene_month: pd.DataFrame
    avoided: dict[str, float] = field(default_factory=dict)
    records: int = 0
    credited: pd.DataFrame | None = None

    def to_json(self) -> dict[str, object]:
        """The CLI contract: total_g, persons, rejected (+ added keys)."""
        rejected = [{"row": int(r.row), "record_id": r.record_id,
                     "reason": reason_text(r.reason, r.other)}
                    for r in self.rejected.itertuples()]
        persons = [{"person": p.person, "credited_g": round(float(p.credited_g), 3),
                    "records_credited": int(p.records_credited),
                    "records_rejected": int(p.records_rejected)}
                   for p in self.persons.itertuples()]
        return {"total_g": round(self.total_g, 3), "persons": persons, "rejected": rejected,
                "records": self.records,
                "avoided_g": {k: round(v, 3) for k, v in self.avoided.items()}}


def reason_text(code: str, other: object = None) -> str:
    """The rejection reason shown to partners and the bureau; an overlap names the record."""
    text = c.REASONS[code]
    return f"{text}（记录 {other}）" if isinstance(other, str) and other else text


def _aliases(methods: pd.DataFrame) -> pa.Table:
    names = scene_names(methods)
    return pa.table({"name": list(names), "scene_key": list(names.values())})


def _methods(methods: pd.DataFrame) -> pa.Table:
    frame = methods[METHOD_COLUMNS].copy()
    for col in ("methodology", "version", "scene", "kind", "unit"):
        frame[col] = frame[col].astype(str)
    frame["m_id"] = range(len(frame))  # rows carry this number, not the methodology's texts
    return pa.Table.from_pandas(frame, schema=c.METHODS.to_pyarrow(), preserve_index=False)


PRIOR_SCHEMA = c.PRIOR.to_pyarrow()


def _journals_with_times(seen: list[str]) -> list[str]:
    """The journal files that carry trip times (journals written before the overlap rule
    across batches have none; their trips cannot be checked for overlap)."""
    import pyarrow.parquet as pq

    return [s for s in seen if "start" in pq.read_schema(s).names]


def _file_sql(engine: str, paths: list[str], union_by_name: bool = False) -> str:
    """The table expression reading Parquet ``paths`` in the engine's SQL (the engine reads
    them itself)."""
    if engine == "duckdb":
        files = ", ".join("'" + s.replace("'", "''") + "'" for s in paths)
        return f"read_parquet([{files}]{', union_by_name = true' if union_by_name else ''})"
    return "parquet.`" + paths[0].replace("`", "``") + "`"


def _register(ses: Session, records: pa.Table | str, seen: list[str],
              seen_ids: pa.Table | None, prior: pa.Table | None) -> None:
    """Register the records, the ids already credited and the trips already credited
    (journal files, read by the engine itself, and/or tables)."""
    if isinstance(records, str):
        ses.register_sql("records", parquet_view_sql(records, ses.engine))
    else:
        ses.register("records", records)
    extra = seen_ids if seen_ids is not None else pa.table({"seen_id": pa.array([], pa.string())})
    trips = prior if prior is not None else PRIOR_SCHEMA.empty_table()
    if not seen:
        ses.register("seen", extra)
        ses.register("prior", trips)
        return
    ses.register("seen_extra", extra)
    ses.register("prior_extra", trips)
    timed = _journals_with_times(seen)
    text = "VARCHAR" if ses.engine == "duckdb" else "STRING"
    end = '"end"' if ses.engine == "duckdb" else "`end`"
    # DuckDB reads the list of files at once; Spark SQL names one file per source
    groups = [seen] if ses.engine == "duckdb" else [[s] for s in seen]
    ids = " UNION ".join(f"SELECT DISTINCT CAST(record_id AS {text}) AS seen_id "
                         f"FROM {_file_sql(ses.engine, g)}" for g in groups)
    ses.register_sql("seen", f"{ids} UNION SELECT seen_id FROM seen_extra")
    union = ("SELECT prior_id, prior_person, CAST(prior_start AS TIMESTAMP) AS prior_start, "
             "CAST(prior_end AS TIMESTAMP) AS prior_end FROM prior_extra")
    groups = [timed] if ses.engine == "duckdb" else [[s] for s in timed]
    for g in groups if timed else []:
        union = (f"SELECT CAST(record_id AS {text}) AS prior_id, CAST(person AS {text}) "
                 f"AS prior_person, CAST(start AS TIMESTAMP) AS prior_start, "
                 f"CAST({end} AS TIMESTAMP) AS prior_end "
                 f"FROM {_file_sql(ses.engine, g, union_by_name=True)} "
                 f"WHERE start IS NOT NULL UNION ALL {union}")
    ses.register_sql("prior", union)


def _problems(first: pd.DataFrame, counts: pd.DataFrame, file: str | None,
              scenes: str | None = None) -> list[Problem]:
    problems = [Problem(c.ERRORS[r.code][0], file=file, row=int(r.row), column=r.column,
                        expected=scenes if r.code == "unknown_scene" else None,
                        found=r.found or None) for r in first.itertuples()]
    shown = len(problems)
    total = int(counts["cells"].sum())
    if total > shown:
        detail = "; ".join(f"{c.ERRORS[r.code][0]}: {int(r.cells):,}"
                           for r in counts.itertuples())
        problems.append(Problem(f"{total - shown:,} more offending cells not listed ({detail})",
                                file=file))
    return problems


@lru_cache(maxsize=1)
def _plan() -> dict[str, Any]:
    """The unbound expressions of a run, built once per process (building Ibis expressions
    costs more than running them on a partner's batch of a few hundred records)."""
    recs, meth, alias, seen_t, prior_t = c.tables()
    stage0 = c.offending(recs, meth, alias)
    first, counts = c.checks(ibis.table(stage0.schema(), name="offending"))
    stage1 = c.flags(recs, meth, alias, seen_t)
    repeats = c.repeated(recs)
    flags = ibis.table(stage1.schema(), name="flags")
    stage2 = c.overlaps(flags, prior_t)
    stage3 = c.flagged(flags, ibis.table(stage2.schema(), name="overlaps"), meth)
    flagged_t = ibis.table(stage3.schema(), name="flagged")
    day_over = c.over_cap(flagged_t, "day")
    day_fix = c.cap_fix(flagged_t, ibis.table(day_over.schema(), name="day_over"), "day")
    day_fix_t = ibis.table(day_fix.schema(), name="day_fix")
    year_over = c.over_cap(flagged_t, "year", day_fix_t)
    year_fix = c.cap_fix(flagged_t, ibis.table(year_over.schema(), name="year_over"), "year",
                         day_fix_t)
    stage4 = c.credited(flagged_t, day_fix_t, ibis.table(year_fix.schema(), name="year_fix"))
    per_record = ibis.table(stage4.schema(), name="per_record")
    described = c.with_method(per_record, meth)
    ok = described.filter(described.reason.isnull())
    # Spark: stage 1 shuffled once by person and sorted by the caps' keys (person, scene,
    # year, day); the overlap rule and the caps then run per person without another
    # shuffle (see :func:`_spark_stages`); the repeated ids are a table of their own (few:
    # Spark broadcasts them rather than shuffling every record to join an aggregate)
    flags_p = c.flags(recs, meth, alias, seen_t, ibis.table(repeats.schema(), name="repeated"))
    flags_p = flags_p.mutate(day=flags_p.start.date(), year=flags_p.start.year())
    fp = ibis.table(flags_p.schema(), name="flags")
    spark = {"flags": flags_p}
    for key, prior in (("", None), ("_prior", prior_t)):
        pool = c.trip_pool(fp, prior)
        hits = c.overlap_hits(pool, prior=prior is not None, reverse=True)
        spark["hits" + key] = hits
        spark["overlaps" + key] = c.overlap_named(ibis.table(hits.schema(), name="hits"), pool)
    flagged_p = c.flagged(fp, ibis.table(stage2.schema(), name="overlaps"), meth)
    spark["flagged"] = flagged_p
    ft = ibis.table(flagged_p.schema(), name="flagged")
    # the caps' groups with the year before the day: the order stage 1 is sorted in, so
    # Spark aggregates them as they stream by (sort aggregates, no hash table, no shuffle)
    spark["day_over"] = c.over_cap(ft, "day", with_year=True)
    spark["day_fix"] = c.cap_fix(ft, ibis.table(spark["day_over"].schema(), name="day_over"),
                                 "day", with_year=True)
    spark["year_over"] = c.over_cap(ft, "year", day_fix_t)
    spark["year_fix"] = c.cap_fix(ft, ibis.table(year_over.schema(), name="year_over"), "year",
                                  day_fix_t)
    spark["per_record"] = c.credited(ft, day_fix_t, ibis.table(year_fix.schema(),
                                                               name="year_fix"))
    # Spark, one pass: the ids looked up across people (whole batch), then every part of the
    # batch by person runs the DuckDB steps with stage 1 joining them as tables
    spark["known"] = c.known_ids(recs, seen_t)
    spark["flags_known"] = c.flags(recs, meth, alias, seen_t,
                                   ibis.table(repeats.schema(), name="repeated"))
    return {"spark": spark, "offending": stage0, "first": first, "counts": counts, "flags": stage1,
            "repeated": repeats,
            "bad": flags.filter(flags.bad).select("row").limit(1),
            "overlaps": stage2, "flagged": stage3, "day_over": day_over, "day_fix": day_fix,
            "year_over": year_over, "year_fix": year_fix, "per_record": stage4,
            "persons": c.by_person(per_record), "rejected": c.rejected(per_record), "months": c.by_scene_month(described),
            "credited": ok.select("record_id", "person", "scene", "day", "methodology",
                                  "version", "credited_g",
                                  start=_trip_time(ok, ok.start), end=_trip_time(ok, ok.end))}


def _trip_time(t: ir.Table, value: ir.Value) -> ir.Value:
    """A trip's time for the journal (the overlap rule of later batches); NULL for counts."""
    return ibis.cases((t.unit == "km", value), else_=ibis.null("timestamp"))


def credit_batch(records: pa.Table | str, methods: pd.DataFrame, *,
                 seen: list[str] | None = None, journal: str | Path | None = None,
                 partner: str = "file", batch: str = "", engine: str = "duckdb",
                 file: str | None = None, seen_ids: pa.Table | None = None,
                 prior: pa.Table | None = None, keep_records: bool = False) -> CreditResult:
    """Check and credit one batch; raise :class:`ValidationFailed` (nothing credited) on any
    input error. ``seen``: journal Parquet files of earlier batches of the same partner;
    ``seen_ids``: further ids already credited (a ``seen_id`` column); ``prior``: further trips
    already credited (:data:`~cocontrol.inclusive.credit.PRIOR`); ``keep_records``: return
    the credited records too (small batches posted through the API)."""
    plan = _plan()
    seen = list(seen or [])
    with session(engine=engine) as ses:
        _register(ses, records, seen, seen_ids, prior)
        ses.register("methods", _methods(methods))
        ses.register("aliases", _aliases(methods))
        # each stage computed once inside the engine; the overlaps (few rows) are joined to
        # the flags where the caps read them (five times) rather than copied into a table.
        # The scan of stage 1 also marks input errors; only a file with one is read again to
        # name them (nothing credited)
        if ses.engine != "duckdb" and os.environ.get("COCONTROL_SPARK_PLAN") != "cached":
            from cocontrol.inclusive import onepass

            journal_expr = (None if journal is None else plan["credited"].mutate(
                partner=ibis.literal(partner), batch=ibis.literal(batch)))
            out = onepass.credit_spark(
                ses, plan, records, _methods(methods), _aliases(methods),
                journal_expr=journal_expr, journal=journal, keep_records=keep_records,
                refuse=lambda: _refuse_found(ses, plan, methods, file))
            return _result(out)
        if ses.engine != "duckdb":
            out = _spark_stages(ses, plan, records, methods, file,
                                has_prior=bool(_journals_with_times(seen))
                                or (prior is not None and prior.num_rows > 0),
                                keep_records=keep_records)
            if journal is not None:
                ses.write_parquet(plan["credited"].mutate(partner=ibis.literal(partner),
                                                          batch=ibis.literal(batch)), journal)
            return _result(out)
        for name, expr, how in duckdb_steps(plan):
            if how == "view":
                ses.register_sql(name, compile_sql(expr, "duckdb"))
            else:
                ses.materialize(name, expr)
            if name == "flags":
                _refuse_bad(ses, plan, methods, file)
        wanted = {k: plan[k] for k in ("persons", "rejected", "months")}
        if keep_records:
            wanted["credited"] = plan["credited"]
        out = ses.run(wanted)
        if journal is not None:
            ses.write_parquet(plan["credited"].mutate(partner=ibis.literal(partner),
                                                      batch=ibis.literal(batch)), journal)
    return _result(out)


def duckdb_steps(plan: dict[str, Any], flags: str = "flags") -> list[tuple[str, ir.Table, str]]:
    """The DuckDB engine's steps in order: (name, expression, ``table`` materialised or
    ``view``). Run over a whole batch by :func:`credit_batch`, and over each part of a batch
    by person on Spark (:mod:`cocontrol.inclusive.partition`, stage 1 ``flags="flags_known"``:
    the repeated and seen ids given as tables) — one list, one SQL of every rule."""
    stage1 = plan[flags] if flags == "flags" else plan["spark"][flags]
    return [("flags", stage1, "table"), ("overlaps", plan["overlaps"], "table"),
            # stage 3 is a view: stage 1 joined to the few overlaps and the methodologies
            # (small build sides) costs less than a second table of every record
            ("flagged", plan["flagged"], "view"),
            # the caps: the groups over a cap and their rows' capped amounts (few rows each)
            *((stage, plan[stage], "table")
              for stage in ("day_over", "day_fix", "year_over", "year_fix")),
            ("per_record", plan["per_record"], "table")]


def _refuse_bad(ses: Session, plan: dict[str, Any], methods: pd.DataFrame,
                file: str | None) -> None:
    """Raise :class:`ValidationFailed` naming the offending cells when stage 1 marked a
    record with an input error (the records are read again only then)."""
    if len(ses.run({"bad": plan["bad"]})["bad"]):
        _refuse_found(ses, plan, methods, file)


def _refuse_found(ses: Session, plan: dict[str, Any], methods: pd.DataFrame,
                  file: str | None) -> None:
    """Name the offending cells (the records read again) and raise :class:`ValidationFailed`."""
    ses.materialize("offending", plan["offending"])
    found = ses.run({"first": plan["first"], "counts": plan["counts"]})
    if len(found["first"]):
        scenes = " / ".join(dict.fromkeys(methods["scene_zh"].astype(str)))
        raise ValidationFailed(_problems(found["first"], found["counts"], file, scenes),
                               "behaviour records: nothing credited")


def _person_parts(records: pa.Table | str) -> int:
    """Spark: the parts stage 1 is shuffled into by person — one per ~1 M records (each part
    is sorted in the JVM's memory; ``COCONTROL_SPARK_PERSON_PARTITIONS`` overrides)."""
    import os

    if os.environ.get("COCONTROL_SPARK_PERSON_PARTITIONS"):
        return int(os.environ["COCONTROL_SPARK_PERSON_PARTITIONS"])
    if isinstance(records, str):
        import pyarrow.parquet as pq

        rows = pq.read_metadata(records).num_rows
    else:
        rows = records.num_rows
    return max(2, -(-rows // 1_000_000))


def _spark_stages(ses: Session, plan: dict[str, Any], records: pa.Table | str,
                  methods: pd.DataFrame, file: str | None, *, has_prior: bool,
                  keep_records: bool) -> dict[str, pd.DataFrame]:
    """The earlier Spark plan (``COCONTROL_SPARK_PLAN=cached``): one shuffle of every record,
    by person, cached.

    The repeated ids (few) are cached first so Spark broadcasts them; stage 1 is then
    hash-partitioned by person, each part sorted by (person, scene, year, day) and cached (on
    local disk with ``COCONTROL_SPARK_CACHE=disk``). Everything after reads it in place: the
    overlap window (one sort of the narrow trip pool per part), the few overlapping trips
    named by a broadcast join, the caps' groups aggregated as the sorted rows stream by
    (sort aggregates: the same stages as DuckDB's, grouped by year and day), the persons'
    totals. Only the small results (persons, rejections, scene-months) leave the engine, as
    Arrow."""
    import os

    sp = plan["spark"]
    ses.materialize("repeated", plan["repeated"])
    disk = os.environ.get("COCONTROL_SPARK_CACHE", "memory") == "disk"
    ses.materialize("flags", sp["flags"], by="person",
                    order=["person", "scene_key", "year", "day"],
                    partitions=_person_parts(records), disk=disk)
    _refuse_bad(ses, plan, methods, file)
    key = "_prior" if has_prior else ""
    ses.materialize("hits", sp["hits" + key])
    ses.materialize("overlaps", sp["overlaps" + key])
    ses.register_sql("flagged", compile_sql(sp["flagged"], "pyspark"))
    for stage in ("day_over", "day_fix", "year_over", "year_fix"):
        ses.materialize(stage, sp[stage])
    # stage 4 a view: stage 1 with broadcast joins of the small stages, still partitioned
    # by person (the persons' totals need no shuffle either)
    ses.register_sql("per_record", compile_sql(sp["per_record"], "pyspark"))
    wanted = {k: plan[k] for k in ("persons", "rejected", "months")}
    if keep_records:
        wanted["credited"] = plan["credited"]
    return ses.run(wanted)


def credit_small(records: pa.Table, methods: pd.DataFrame, *, seen: list[str] | None = None,
                 seen_ids: set[str] | None = None,
                 prior: list[tuple[str, str, object, object]] | None = None) -> CreditResult:
    """Check and credit a partner's small batch in Python (:mod:`cocontrol.inclusive.small`,
    the engine's rules record by record); a batch with an input error goes to
    :func:`credit_batch`, whose report names row and column. ``seen``: journal files of the
    partner's bulk batches (their ids and trips are looked up for this batch only)."""
    from cocontrol.inclusive import small

    rows = small.rows_of(records)
    prepared = small.rules(methods)
    if small.has_input_error(rows, prepared):
        return credit_batch(records, methods, seen=seen, keep_records=True, file="records",
                            seen_ids=pa.table({"seen_id": pa.array(sorted(seen_ids or ()),
                                                                   pa.string())}),
                            prior=_prior_table(prior or []))
    ids = set(seen_ids or ())
    trips = list(prior or [])
    if seen:
        more_ids, more_trips = _journal_lookup(seen, rows)
        ids |= more_ids
        trips += more_trips
    out = small.results(small.per_record(rows, prepared, ids, trips))  # type: ignore[arg-type]
    return _result(out)


def _prior_table(prior: list[tuple[str, str, object, object]]) -> pa.Table:
    return pa.Table.from_arrays([pa.array([p[i] for p in prior], t.type)
                                 for i, t in enumerate(PRIOR_SCHEMA)], schema=PRIOR_SCHEMA)


def _journal_lookup(journals: list[str], rows: list[dict[str, object]]
                    ) -> tuple[set[str], list[tuple[str, str, object, object]]]:
    """Ids of this batch credited by the partner's bulk batches, and those batches' trips of
    this batch's people (DuckDB over the journal files; only matching rows leave it)."""
    import duckdb

    files = ", ".join("'" + s.replace("'", "''") + "'" for s in journals)
    con = duckdb.connect()
    try:
        con.register("batch_ids", pa.table({"id": [str(r["record_id"]) for r in rows]}))
        ids = {r[0] for r in con.execute(
            f"SELECT DISTINCT CAST(record_id AS VARCHAR) FROM read_parquet([{files}]) "
            "WHERE CAST(record_id AS VARCHAR) IN (SELECT id FROM batch_ids)").fetchall()}
        timed = _journals_with_times(journals)
        trips: list[tuple[str, str, object, object]] = []
        if timed:
            con.register("batch_people", pa.table({"p": sorted({str(r["person"]) for r in rows})}))
            files = ", ".join("'" + s.replace("'", "''") + "'" for s in timed)
            trips = [tuple(t) for t in con.execute(  # type: ignore[misc]
                "SELECT CAST(record_id AS VARCHAR), CAST(person AS VARCHAR), start, \"end\" "
                f"FROM read_parquet([{files}], union_by_name = true) WHERE start IS NOT NULL "
                "AND CAST(person AS VARCHAR) IN (SELECT p FROM batch_people)").fetchall()]
        return ids, trips
    finally:
        con.close()


def _result(out: dict[str, pd.DataFrame]) -> CreditResult:
    months = out["months"]
    travel = float(months.loc[months["kind"] == "travel", "credited_g"].sum())
    persons = out["persons"]
    return CreditResult(
        total_g=float(persons["credited_g"].sum()), persons=persons,
        rejected=out["rejected"], by_scene_month=months,
        avoided={species: travel * ratio for species, ratio in copollutants().items()},
        records=int(persons["records_credited"].sum() + persons["records_rejected"].sum()),
        credited=out.get("credited"))
