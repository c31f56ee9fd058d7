"""Credit a partner's small batch (an API post of up to a few thousand records) in Python.

The same rules as :mod:`cocontrol.inclusive.credit` — methodology in force on the start date,
duplicate, seen, too fast, overlap (within the batch and against the partner's trips credited
earlier), daily then yearly caps in time order — evaluated record by record instead of by the
engine: an engine session costs ~100 ms of planning per post, which four partners posting at
once cannot share on two cores. The engine stays the definition: a property test
(``tests/inclusive/test_small.py``) checks that both give the same per-record result on
random batches, and a batch with any input error is handed to the engine, whose report
(row, column, what was expected) is the one the partner gets.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

import pandas as pd
import pyarrow as pa

from cocontrol.inclusive.methodology import scene_names


def _num(value: Any) -> float | None:
    """A cap or speed: None when absent (NaN/NULL)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _in_force(methods: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in methods.to_dict("records"):
        out[str(m["scene"])].append(m)
    return out


Rules = tuple[dict[str, str], dict[str, list[dict[str, Any]]]]


def rules(methods: pd.DataFrame) -> Rules:
    """(scene spelling → key, key → methodology rows) of a methodology table."""
    return scene_names(methods), _in_force(methods)


def has_input_error(rows: list[dict[str, Any]], prepared: Rules) -> bool:
    """True when stage 0 of :func:`cocontrol.inclusive.credit.offending` would report a cell."""
    names, by_scene = prepared
    for r in rows:
        for col in ("record_id", "person", "scene"):
            if r[col] is None or not str(r[col]).strip():
                return True
        if r["start"] is None or r["end"] is None or r["end"] < r["start"]:
            return True
        q = r["quantity"]
        if q is None or math.isnan(q) or math.isinf(q) or q < 0:
            return True
        key = names.get(r["scene"])
        if key is None:
            return True
        m = _method(by_scene, key, r["start"].date())
        if m is None or (r["unit"] is not None and r["unit"] != str(m["unit"])):
            return True
    return False


def _method(by_scene: dict[str, list[dict[str, Any]]], key: str,
            day: dt.date) -> dict[str, Any] | None:
    return next((m for m in by_scene.get(key, [])
                 if m["valid_from"] <= day <= m["valid_to"]), None)


def per_record(rows: list[dict[str, Any]], prepared: Rules, seen: set[str],
               prior: list[tuple[str, str, dt.datetime, dt.datetime]]) -> list[dict[str, Any]]:
    """The per-record result of :func:`cocontrol.inclusive.credit.credited` for a batch with
    no input error. ``prior``: (record id, person, start, end) of trips credited earlier."""
    names, by_scene = prepared
    first: dict[str, int] = {}
    for r in rows:
        first[r["record_id"]] = min(first.get(r["record_id"], r["row"]), r["row"])
    recs = []
    for r in rows:
        key = names[r["scene"]]
        m = _method(by_scene, key, r["start"].date())
        assert m is not None
        trip = r["unit"] == "km"
        seconds = (r["end"] - r["start"]).total_seconds()
        speed = _num(m["max_speed_kmh"])
        too_fast = (trip and speed is not None and r["quantity"] > 0
                    and (seconds <= 0 or r["quantity"] * 3600.0 > speed * seconds))
        is_dup = r["row"] != first[r["record_id"]]
        is_seen = r["record_id"] in seen
        recs.append({**r, "scene_key": key, "m": m, "trip": trip, "is_dup": is_dup,
                     "is_seen": is_seen, "too_fast": too_fast,
                     "candidate": trip and not (is_dup or is_seen or too_fast)})
    found = _overlaps(recs, prior)
    for r in recs:
        code, other = found.get(r["row"], (None, None))
        r["reason"] = ("duplicate" if r["is_dup"] else "seen" if r["is_seen"]
                       else "speed" if r["too_fast"] else code)
        r["other"] = other
        r["raw"] = r["quantity"] * float(r["m"]["credit_g_per_unit"]) if r["reason"] is None else 0.0
        r["day"] = r["start"].date()
        r["year"] = r["start"].year
    _capped(recs, "day", "daily_cap_g", "raw", "day_g")
    _capped(recs, "year", "yearly_cap_g", "day_g", "credited_g")
    out = []
    for r in recs:
        reason = r["reason"]
        if reason is None and r["raw"] > 0 and r["credited_g"] <= 0:
            reason = "daily_cap" if r["day_g"] <= 0 else "yearly_cap"
        m = r["m"]
        out.append({"row": r["row"], "record_id": r["record_id"], "person": r["person"],
                    "scene": r["scene_key"], "kind": str(m["kind"]), "day": r["day"],
                    "methodology": str(m["methodology"]), "version": str(m["version"]),
                    "quantity": r["quantity"], "unit": r["unit"],
                    "credited_g": r["credited_g"], "reason": reason, "other": r["other"],
                    "start": r["start"], "end": r["end"]})
    return out


def _overlaps(recs: list[dict[str, Any]],
              prior: list[tuple[str, str, dt.datetime, dt.datetime]]) -> dict[int, tuple[str, str]]:
    """row → (overlap code, the record overlapped), as :func:`credit.overlaps`."""
    if not recs:
        return {}
    lo = min(r["start"] for r in recs)
    hi = max(r["end"] for r in recs)
    pool: dict[str, list[tuple[dt.datetime, int, dt.datetime, str, bool]]] = defaultdict(list)
    for r in recs:
        if r["candidate"]:
            pool[r["person"]].append((r["start"], r["row"], r["end"], r["record_id"], True))
    for rid, person, start, end in prior:
        if end > lo and start < hi and person in pool:
            pool[person].append((start, 0, end, rid, False))
    found: dict[int, tuple[str, str]] = {}
    for trips in pool.values():
        trips.sort(key=lambda t: (t[0], t[1]))
        latest: dt.datetime | None = None
        hits = []
        for i, (start, row, end, _, new) in enumerate(trips):
            if new:
                later_old = [t[0] for t in trips[i + 1:] if not t[4]]
                if ((latest is not None and start < latest)
                        or (later_old and min(later_old) < end)):
                    hits.append((start, row, end))
            latest = end if latest is None else max(latest, end)
        for start, row, end in hits:
            old = [t[3] for t in trips if not t[4] and t[0] < end and start < t[2]]
            new = [t[3] for t in trips if t[4] and t[0] < end and start < t[2]
                   and (t[0], t[1]) < (start, row)]
            if old or new:  # a trip of no duration starting with another overlaps nothing
                found[row] = ("overlap_prior", max(old)) if old else ("overlap", max(new))
    return found


def _capped(recs: list[dict[str, Any]], period: str, cap: str, amount: str, out: str) -> None:
    """``out``: ``amount`` limited by the cap per person, scene and period in time order
    (as :func:`credit._capped`)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in recs:
        r[out] = r[amount]
        if r["reason"] is None:
            groups[(r["person"], r["scene_key"], r[period])].append(r)
    for members in groups.values():
        limit = _num(members[0]["m"][cap])
        if limit is None or sum(r[amount] for r in members) <= limit:
            continue
        before = 0.0
        for r in sorted(members, key=lambda r: (r["start"], r["row"])):
            r[out] = min(r[amount], max(limit - before, 0.0))
            before += r[amount]


def rows_of(records: pa.Table) -> list[dict[str, Any]]:
    """Records (:data:`cocontrol.inclusive.records.SCHEMA`) as Python rows."""
    rows = records.to_pylist()
    for r in rows:
        q = r["quantity"]
        r["quantity"] = float("nan") if q is None else float(q)
    return rows


def results(per: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    """The aggregates of :mod:`cocontrol.inclusive.run` (persons, rejected, months,
    credited) from the per-record rows (plain Python: pandas' group-by costs more than the
    crediting on a batch of a hundred records)."""
    persons: dict[str, list[Any]] = {}
    months: dict[tuple[Any, ...], list[Any]] = {}
    rejected, credited = [], []
    for r in per:
        p = persons.setdefault(r["person"], [0.0, 0, 0])
        p[0] += r["credited_g"]
        if r["reason"] is not None:
            p[2] += 1
            rejected.append((r["row"], r["record_id"], r["reason"], r["other"]))
            continue
        p[1] += 1
        month = pd.Timestamp(r["day"].year, r["day"].month, 1)
        g = months.setdefault((month, r["scene"], r["kind"]), [set(), 0, 0.0])
        g[0].add(r["person"])
        g[1] += 1
        g[2] += r["credited_g"]
        trip = r["unit"] == "km"
        credited.append((r["record_id"], r["person"], r["scene"], r["day"], r["methodology"],
                         r["version"], r["credited_g"], r["start"] if trip else None,
                         r["end"] if trip else None))
    return {
        "persons": pd.DataFrame([(k, *persons[k]) for k in sorted(persons)],
                                columns=["person", "credited_g", "records_credited",
                                         "records_rejected"]),
        "rejected": pd.DataFrame(sorted(rejected, key=lambda t: t[0]),
                                 columns=["row", "record_id", "reason", "other"]),
        "months": pd.DataFrame([(scene, kind, month, len(g[0]), g[1], g[2])
                                for (month, scene, kind), g in sorted(months.items())],
                               columns=["scene", "kind", "month", "participants", "records",
                                        "credited_g"]),
        "credited": pd.DataFrame(credited, columns=["record_id", "person", "scene", "day",
                                                    "methodology", "version", "credited_g",
                                                    "start", "end"]),
    }
