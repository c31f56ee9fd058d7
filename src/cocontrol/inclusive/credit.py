"""Credit behaviour records (核算减排量): checks, plausibility rules, caps — in the engine.

Unbound Ibis expressions over three tables, run on DuckDB (default) or Spark through
:mod:`cocontrol.inventory.engines`, so a year of a city's records never passes through pandas:

``records``  :data:`cocontrol.inclusive.records.SCHEMA` (row, record_id, person, scene, start,
             end, quantity, unit);
``methods``  the methodology table (:mod:`cocontrol.inclusive.methodology`);
``aliases``  scene spellings (key and Chinese name) → scene key;
``seen``     record ids already credited by earlier batches of the same partner;
``prior``    the trips (id, person, start, end) already credited by earlier batches of the
             same partner, for the overlap rule across batches.

1. :func:`checks` — input errors that stop the whole file (nothing is credited): unknown
   scene, a time that cannot be read, end before start, a negative or non-finite amount, a
   unit the scene's methodology does not count in, a date outside every methodology's validity.
2. :func:`credited` — per record, the methodology in force on the trip's start date
   (DB11/T 3043-2024 eq. 1–3 reduced to ``credit = quantity × credit_g_per_unit``), then the
   plausibility rules in this order, each rejection with its reason: a record id seen earlier in
   the file or credited by an earlier batch; a trip faster than the scene's highest plausible
   speed (or of no duration); a trip starting before an earlier candidate trip of the same person
   ended, or overlapping a trip of that person credited by an earlier batch (the reason
   names the record); then the daily and yearly caps per person and scene, applied in time order
   (a trip that meets a cap is credited the part below it; one that finds the cap used up is
   rejected with the cap as its reason).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

RECORDS = ibis.schema({"row": "int64", "record_id": "string", "person": "string",
                       "scene": "string", "start": "timestamp", "end": "timestamp",
                       "quantity": "float64", "unit": "string"})
METHODS = ibis.schema({"methodology": "string", "version": "string", "scene": "string",
                       "kind": "string", "unit": "string", "credit_g_per_unit": "float64",
                       "daily_cap_g": "float64", "yearly_cap_g": "float64",
                       "max_speed_kmh": "float64", "valid_from": "date", "valid_to": "date",
                       "m_id": "int64"})
ALIASES = ibis.schema({"name": "string", "scene_key": "string"})
SEEN = ibis.schema({"seen_id": "string"})
PRIOR = ibis.schema({"prior_id": "string", "prior_person": "string",
                     "prior_start": "timestamp", "prior_end": "timestamp"})

#: reasons shown to the bureau and returned to partners (rejections are not errors)
REASONS = {
    "duplicate": "重复记录：本批次中已有相同记录编号",
    "seen": "重复提交：该记录已在此前批次中计入",
    "speed": "速度不合理：超过该出行方式的最高合理速度",
    "overlap": "行程时间重叠：与本人另一条出行记录时间重叠",
    "overlap_prior": "行程时间重叠：与本人此前批次已计入的出行记录时间重叠",
    "daily_cap": "已达每日上限",
    "yearly_cap": "已达年度上限",
}
#: input errors (stop the file): code → (message, column)
ERRORS = {
    "unknown_scene": ("unknown scene", "scene"),
    "empty": ("empty cell", None),
    "bad_time": ("not a date and time (YYYY-MM-DD HH:MM)", None),
    "time_order": ("end is before start (times out of order)", "end"),
    "negative": ("amount must be a finite number ≥ 0", None),
    "unit": ("unit does not match the scene's methodology", "unit"),
    "validity": ("no methodology of this scene is in force on the record's date", "start"),
}


def tables() -> tuple[ir.Table, ir.Table, ir.Table, ir.Table, ir.Table]:
    """The unbound input tables (records, methods, aliases, seen, prior)."""
    return (ibis.table(RECORDS, name="records"), ibis.table(METHODS, name="methods"),
            ibis.table(ALIASES, name="aliases"), ibis.table(SEEN, name="seen"),
            ibis.table(PRIOR, name="prior"))


def _joined(records: ir.Table, methods: ir.Table, aliases: ir.Table) -> ir.Table:
    """Records with their scene key and the methodology row in force on the start date."""
    r = records.left_join(aliases, records.scene == aliases.name).drop("name")
    day = r.start.date()
    m = methods.rename(method_scene="scene", method_unit="unit")
    return r.left_join(m, [r.scene_key == m.method_scene, day >= m.valid_from,
                           day <= m.valid_to])


def _conditions(j: ir.Table) -> list[tuple[str, str | ir.Value, ir.Value, ir.Value]]:
    """(code, column, condition, value found) of every input error, over the joined records."""
    # not ``isinf()``: Ibis compiles it to FALSE for Spark; -inf is caught by ``< 0``
    inf = ibis.literal(float("inf"))
    bad_amount = (j.quantity.isnull() | j.quantity.isnan() | (j.quantity == inf)
                  | (j.quantity < 0))
    # the value found, written alike by every engine (Spark writes NaN, Infinity)
    amount_text = ibis.cases((j.quantity.isnan(), "nan"), (j.quantity == inf, "inf"),
                             (j.quantity == -inf, "-inf"),
                             else_=j.quantity.cast("string")).fill_null("")
    out: list[tuple[str, str | ir.Value, ir.Value, ir.Value]] = [
        ("unknown_scene", "scene", j.scene.notnull() & j.scene_key.isnull(), j.scene)]
    # blank: only spaces, tabs, newlines — all below '!', so a text that is not below '!'
    # cannot be blank and the (slow, per-character) trim runs on almost no rows (a CASE:
    # DuckDB evaluates its branch only for the rows that take it, not an AND's right side)
    out += [("empty", col, j[col].isnull() | ibis.cases((j[col] < "!", j[col].strip() == ""),
                                                        else_=False),
             ibis.literal("")) for col in ("record_id", "person", "scene")]
    out += [("bad_time", col, j[col].isnull(), ibis.literal("")) for col in ("start", "end")]
    out += [
        ("time_order", "end", j.end < j.start, j.end.cast("string")),
        ("negative", ibis.cases((j.unit == "km", "distance_km"), else_="quantity"), bad_amount,
         amount_text),
        ("unit", "unit", j.method_unit.notnull() & j.unit.notnull() & (j.unit != j.method_unit),
         j.unit + ibis.literal(" ≠ ") + j.method_unit),
        ("validity", "start", j.scene_key.notnull() & j.start.notnull() & j.version.isnull(),
         j.start.cast("string")),
    ]
    return out


def offending(records: ir.Table, methods: ir.Table, aliases: ir.Table) -> ir.Table:
    """Stage 0: the records with at least one input error (one scan; usually empty), with a
    boolean column per condition and its found value."""
    j = _joined(records, methods, aliases)
    conds = _conditions(j)
    flags = {f"c{i}": cond.fill_null(False) for i, (_, _, cond, _) in enumerate(conds)}
    found = {f"f{i}": value.cast("string") for i, (_, _, _, value) in enumerate(conds)}
    cols = {f"k{i}": (col if isinstance(col, ir.Value) else ibis.literal(col))
            for i, (_, col, _, _) in enumerate(conds)}
    any_bad = ibis.or_(*flags.values())
    return j.filter(any_bad).select(row=j.row, **flags, **found, **cols)


def _any_error(j: ir.Table) -> ir.Value:
    """True for a joined record with at least one input error (the conditions of
    :func:`offending`)."""
    return ibis.or_(*(cond.fill_null(False) for _, _, cond, _ in _conditions(j)))


def checks(bad: ir.Table, limit: int = 1000) -> tuple[ir.Table, ir.Table]:
    """(first ``limit`` offending cells ordered by row, count of offending cells per code)
    from stage 0's table."""
    codes = [code for code, *_ in _conditions(_joined(*tables()[:3]))]
    parts = [bad.filter(bad[f"c{i}"]).select(row=bad.row, code=ibis.literal(code),
                                              column=bad[f"k{i}"], found=bad[f"f{i}"])
             for i, code in enumerate(codes)]
    found = ibis.union(*parts)
    first = found.order_by(["row", "column"]).limit(limit)
    counts = found.group_by("code").aggregate(cells=found.count())
    return first, counts


def repeated(records: ir.Table) -> ir.Table:
    """The record ids that occur more than once in the batch (few): ``dup_id``, the
    ``first_row`` of each and its ``copies`` — an aggregate (a small build side), not a
    window over every id."""
    return (records.group_by("record_id")
            .aggregate(first_row=records.row.min(), copies=records.count())
            .filter(lambda t: t.copies > 1).rename(dup_id="record_id"))


def known_ids(records: ir.Table, seen: ir.Table) -> ir.Table:
    """The whole batch's ids that a rule looks up across people (few): ``kid`` occurring more
    than once in the batch (``copies`` > 1, its ``first_row`` — :func:`repeated`) or credited
    by an earlier batch (``entries`` > ``copies``: ``seen`` holds it too). One aggregate of
    the ids; the engine's parts of the batch by person then join these as :func:`repeated`
    and ``seen``."""
    ids = records.select(kid=records.record_id, krow=records.row).union(
        seen.select(kid=seen.seen_id, krow=ibis.null("int64")), distinct=False)
    g = ids.group_by("kid").aggregate(first_row=ids.krow.min(), copies=ids.krow.count(),
                                      entries=ids.count())
    return g.filter((g.copies > 1) | ((g.copies > 0) & (g.entries > g.copies)))


def flags(records: ir.Table, methods: ir.Table, aliases: ir.Table, seen: ir.Table,
          repeats: ir.Table | None = None) -> ir.Table:
    """Stage 1: each record with its methodology and the flags of the rules that need no
    order (duplicate, seen, too fast) and ``candidate`` (a trip the overlap rule looks at).
    Its rules assume well-formed records: ``bad`` marks a record with an input error (the
    same scan finds them; :func:`offending` then names them and nothing is credited).
    ``repeats``: :func:`repeated` computed beforehand (Spark: a cached small table it
    broadcasts, rather than shuffling every record to join an aggregate of unknown size)."""
    j = _joined(records, methods, aliases)
    j = j.left_join(seen, j.record_id == seen.seen_id)
    dups = repeated(records) if repeats is None else repeats
    j = j.left_join(dups, j.record_id == dups.dup_id)
    trip = j.unit == "km"
    seconds = j.end.epoch_seconds() - j.start.epoch_seconds()
    j = j.mutate(
        bad=_any_error(j),
        trip=trip,
        is_dup=j.first_row.notnull() & (j.row != j.first_row),
        is_seen=j.seen_id.notnull(),
        too_fast=trip & j.max_speed_kmh.notnull() & (j.quantity > 0)
        # km·3600 > km/h·s rather than km/h > km/h: no division, so a trip exactly at the limit
        # (7 km in 14 min = 30 km/h) is judged alike by DuckDB, Spark and the small-batch path
        & ((seconds <= 0) | (j.quantity * 3600.0 > j.max_speed_kmh * seconds)),
    ).drop("seen_id", "dup_id", "first_row", "copies")
    # the stage is materialised: keep only what the later stages read (narrow rows spill less)
    # (the methodology by its number ``m_id``: its texts would be copied into every row)
    return j.mutate(candidate=~j.is_dup & ~j.is_seen & ~j.too_fast & j.trip).drop(
        "scene", "method_scene", "method_unit", "max_speed_kmh", "valid_from", "valid_to", "trip",
        "methodology", "version", "kind", "credit_g_per_unit", "daily_cap_g", "yearly_cap_g")


def flagged(flags: ir.Table, overlaps: ir.Table, methods: ir.Table) -> ir.Table:
    """Stage 3: stage 1 with the overlaps of stage 2 (few rows: a small build side) and its
    methodology's credit and caps, the ``reason`` code (NULL when plausible), ``other`` (the
    record an overlapping trip overlaps) and ``raw`` grams before the caps."""
    m = methods.select("m_id", "credit_g_per_unit", "daily_cap_g", "yearly_cap_g").rename(
        mm_id="m_id")
    j = flags.left_join(overlaps, flags.row == overlaps.ov_row).drop("ov_row")
    j = j.left_join(m, j.m_id == m.mm_id).drop("mm_id")
    overlap = j.ov_code.notnull()
    reason = ibis.cases((j.is_dup, "duplicate"), (j.is_seen, "seen"), (j.too_fast, "speed"),
                        (overlap, j.ov_code), else_=ibis.null("string"))
    # ``day``/``year`` kept when stage 1 carries them (Spark sorts its stage 1 by them)
    periods = {} if "day" in flags.columns else {"day": j.start.date(), "year": j.start.year()}
    j = j.mutate(reason=reason, **periods)
    return j.mutate(raw=ibis.cases((j.reason.isnull(), j.quantity * j.credit_g_per_unit),
                                   else_=0.0)).drop("ov_code", "bad", "is_dup", "is_seen", "too_fast",
                                                    "candidate", "credit_g_per_unit")


def overlaps(j: ir.Table, prior: ir.Table) -> ir.Table:
    """Stage 2: the candidate trips of stage 1 that overlap another trip of the same person: ``ov_row``, the
    ``ov_code`` (``overlap`` or ``overlap_prior``) and ``other``, a record it overlaps.

    Candidates and the earlier batches' trips (those that can meet this batch's time span)
    form one pool (:func:`trip_pool`), sorted once per person by start (:func:`overlap_hits`);
    the flagged trips — few — are joined back to the pool to name the record they overlap
    (:func:`overlap_named`).
    """
    pool = trip_pool(j, prior)
    return overlap_named(overlap_hits(pool), pool)


def trip_pool(j: ir.Table, prior: ir.Table | None) -> ir.Table:
    """The overlap rule's pool: stage 1's candidate trips (row, id, person, times, ``is_new``)
    and, unless ``prior`` is None (no earlier batch has trips), the earlier batches' trips that
    can meet this batch's time span (row 0)."""
    cand = j.filter(j.candidate)
    new = cand.select(row=cand.row, rid=cand.record_id, person=cand.person, start=cand.start,
                      end=cand.end, is_new=ibis.literal(True))
    if prior is None:
        return new
    near = prior.filter(prior.prior_end > j.start.min(), prior.prior_start < j.end.max())
    old = near.select(row=ibis.literal(0, "int64"), rid=near.prior_id,
                      person=near.prior_person, start=near.prior_start, end=near.prior_end,
                      is_new=ibis.literal(False))
    return new.union(old)


def overlap_hits(pool: ir.Table, prior: bool = True, reverse: bool = False) -> ir.Table:
    """The pool's new trips that overlap (``o_row``, ``o_person``, ``o_start``, ``o_end``):
    sorted per person by start, a candidate overlaps when it starts before the latest end of
    the pool's trips sorted before it, or when an earlier batch's trip sorted after it starts
    before it ends (credited trips are never displaced). ``prior=False``: the pool has no
    earlier batch's trip (that second test is left out). ``reverse``: the earliest later start
    of an earlier batch's trip as a running minimum in descending order (the same rows; Spark
    evaluates a frame up to UNBOUNDED FOLLOWING anew for every row)."""
    order = [pool.start, pool.row]
    before = ibis.window(group_by=pool.person, order_by=order, rows=(None, -1))
    hit = (pool.start < pool.end.max().over(before)).fill_null(False)
    if prior:
        old_start = ibis.cases((~pool.is_new, pool.start), else_=ibis.null("timestamp"))
        if reverse:
            after = ibis.window(group_by=pool.person, order_by=[ibis.desc(c) for c in order],
                                rows=(None, -1))
        else:
            after = ibis.window(group_by=pool.person, order_by=order, rows=(1, None))
        hit = pool.is_new & (hit | (old_start.min().over(after) < pool.end).fill_null(False))
    flagged = pool.select(o_row=pool.row, o_person=pool.person, o_start=pool.start,
                          o_end=pool.end, hit=hit)
    return flagged.filter(flagged.hit).drop("hit")


def overlap_named(flagged: ir.Table, pool: ir.Table) -> ir.Table:
    """Stage 2's rows from :func:`overlap_hits`: name the record, any pool trip of the person
    overlapping it, credited earlier or sorted before it (the earlier batches' first)."""
    k = flagged.inner_join(pool, [flagged.o_person == pool.person, pool.start < flagged.o_end,
                                  flagged.o_start < pool.end])
    k = k.filter(~k.is_new | (k.start < k.o_start) | ((k.start == k.o_start) & (k.row < k.o_row)))
    named = k.group_by(ov_row=k.o_row).aggregate(
        old_id=ibis.cases((~k.is_new, k.rid), else_=ibis.null("string")).max(),
        new_id=ibis.cases((k.is_new, k.rid), else_=ibis.null("string")).max())
    return named.select("ov_row", ov_code=ibis.cases((named.old_id.notnull(), "overlap_prior"),
                                                      else_="overlap"),
                        other=named.old_id.fill_null(named.new_id))


#: the caps: (period column, cap column, amount capped, column it gives)
CAPS = {"day": ("daily_cap_g", "raw", "day_g"), "year": ("yearly_cap_g", "day_g", "credited_g")}


def _amounts(flagged: ir.Table, day_fix: ir.Table | None) -> ir.Table:
    """The rows of stage 3 that pass the rules (``reason`` NULL), with ``day_g`` (the daily
    cap's result: ``raw`` unless the row is in ``day_fix``) when ``day_fix`` is given."""
    live = flagged.filter(flagged.reason.isnull())
    if day_fix is None:
        return live
    k = live.left_join(day_fix, live.row == day_fix.fix_row)
    return k.select(live, day_g=k.day_g.fill_null(k.raw))


def _keys(period: str, with_year: bool) -> list[str]:
    """A cap's group: person, scene and ``period`` (with the year before the day when
    ``with_year`` — the same groups, in the order Spark's stage 1 is sorted)."""
    return ["person", "scene_key", *(["year"] if with_year and period == "day" else []), period]


def over_cap(flagged: ir.Table, period: str, day_fix: ir.Table | None = None,
             with_year: bool = False) -> ir.Table:
    """The (person, scene, ``period``) groups whose amount passing the rules exceeds the cap
    (few: the only ones the cap changes). The yearly cap counts each row's ``day_g``."""
    cap, amount, _ = CAPS[period]
    live = _amounts(flagged, day_fix)
    keys = _keys(period, with_year)
    totals = live.group_by(keys).aggregate(_total=live[amount].sum(), _cap=live[cap].max())
    return totals.filter(totals._cap.notnull() & (totals._total > totals._cap)).select(*keys)


def cap_fix(flagged: ir.Table, over: ir.Table, period: str,
            day_fix: ir.Table | None = None, with_year: bool = False) -> ir.Table:
    """``fix_row`` and the capped amount of every passing row in a group of ``over``: in time
    order, each row is credited what is left of the cap after the rows before it (a
    cumulative window over those groups only)."""
    cap, amount, out = CAPS[period]
    keys = _keys(period, with_year)
    rows = flagged.filter(flagged.reason.isnull()).semi_join(
        over, [flagged[c] == over[c] for c in keys])
    rows = _amounts(rows, day_fix)
    window = ibis.window(group_by=keys, order_by=[rows.start, rows.row], rows=(None, 0))
    before = rows[amount].sum().over(window) - rows[amount]
    return rows.select(fix_row=rows.row, **{out: ibis.least(
        rows[amount], ibis.greatest(rows[cap] - before, 0.0))})


def credited(flagged: ir.Table, day_fix: ir.Table, year_fix: ir.Table) -> ir.Table:
    """Stage 4: the daily and yearly caps over stage 3's table; one row per record with
    its methodology's ``m_id`` (:func:`with_method`), credited_g and the rejection
    ``reason`` code (NULL when credited).

    A row not in ``day_fix`` (:func:`cap_fix` of the daily :func:`over_cap` groups) keeps its
    ``raw`` grams as ``day_g``; one not in ``year_fix`` keeps ``day_g`` as ``credited_g``.
    Rejected rows carry 0 and are never capped.
    """
    d = day_fix.rename(d_row="fix_row")
    y = year_fix.rename(y_row="fix_row")
    j = flagged.left_join(d, flagged.row == d.d_row).left_join(y, flagged.row == y.y_row)
    j = j.select(flagged, day_g=j.day_g.fill_null(j.raw), y_g=j.credited_g)
    j = j.mutate(credited_g=j.y_g.fill_null(j.day_g))
    capped = j.reason.isnull() & (j.raw > 0) & (j.credited_g <= 0)
    j = j.mutate(reason=ibis.cases(
        (capped & (j.day_g <= 0), "daily_cap"), (capped, "yearly_cap"), else_=j.reason))
    return j.select("row", "record_id", "person", scene=j.scene_key, m_id=j.m_id,
                    day=j.day, quantity=j.quantity, unit=j.unit, credited_g=j.credited_g,
                    reason=j.reason, other=j.other, start=j.start, end=j.end)


def with_method(per_record: ir.Table, methods: ir.Table) -> ir.Table:
    """Stage 4's rows with their methodology, version and kind (by ``m_id``)."""
    m = methods.select("methodology", "version", "kind", mm_id="m_id")
    j = per_record.left_join(m, per_record.m_id == m.mm_id)
    return j.select(per_record, j.methodology, j.version, j.kind)


def by_person(per_record: ir.Table) -> ir.Table:
    """Per person: credited_g, records_credited, records_rejected."""
    ok = per_record.reason.isnull()
    return (per_record.group_by("person")
            .aggregate(credited_g=per_record.credited_g.sum(),
                       records_credited=ok.cast("int64").sum(),
                       records_rejected=(~ok).cast("int64").sum())
            .order_by("person"))


def rejected(per_record: ir.Table) -> ir.Table:
    """Rejected records (row, record_id, reason code, ``other``: the record an overlapping
    trip overlaps) in file order."""
    return (per_record.filter(per_record.reason.notnull())
            .select("row", "record_id", "reason", "other").order_by("row"))


def by_scene_month(per_record: ir.Table) -> ir.Table:
    """The bureau's aggregate: participants, records and grams credited per scene and month."""
    ok = per_record.filter(per_record.reason.isnull())
    month = ok.day.truncate("M")
    return (ok.group_by(scene=ok.scene, kind=ok.kind, month=month)
            .aggregate(participants=ok.person.nunique(), records=ok.count(),
                       credited_g=ok.credited_g.sum())
            .order_by(["month", "scene"]))
