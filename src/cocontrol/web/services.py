"""Adapters between the pages and the computing layers (计算层适配).

The pages never call tracking, inventory, synergy or reports directly: they ask this module,
which builds a :class:`~cocontrol.reports.workspace.Workspace` from the database (stored plans,
non-withdrawn submissions) plus the demo activity/statistics, runs
:func:`cocontrol.reports.workspace.gather` (each missing layer becomes a *gap* — a "数据暂缺"
panel — never a crash and never an invented number), keeps the inventory as Parquet under
``COCONTROL_HOME``. Results are computed in the background (:mod:`cocontrol.web.refresh`) for
each data generation (counter in the ``settings`` table, so several workers agree); requests
read the last complete results and never wait for a computation.
"""

from __future__ import annotations

import functools
import logging
import math
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cocontrol import demo
from cocontrol.files import write_atomic
from cocontrol.plans.model import DOMAIN_LABELS, Domain, PlanDocument
from cocontrol.reports.peers import peer_ranking
from cocontrol.reports.workspace import Results, Workspace, gather
from cocontrol.store import models as m
from cocontrol.store.plans import load_document
from cocontrol.web.peers import PEERS, peer_results
from cocontrol.web.refresh import STEPS, Compute, Key, Progress, Refresher, compute_in_process

GENERATION_KEY = "generation"
log = logging.getLogger(__name__)


def generation(session: Session) -> int:
    """Data generation (bumped by every change); read once per session (request)."""
    if GENERATION_KEY not in session.info:
        value = session.scalar(select(m.Setting.value).where(m.Setting.key == GENERATION_KEY))
        session.info[GENERATION_KEY] = int(value) if value else 0
    return session.info[GENERATION_KEY]


def bump(session: Session) -> None:
    """Mark cached results stale (call inside the writing transaction)."""
    session.info.pop(GENERATION_KEY, None)
    done = session.execute(
        update(m.Setting).where(m.Setting.key == GENERATION_KEY)
        .values(value=str(generation(session) + 1))
    )
    if not done.rowcount:  # type: ignore[attr-defined]
        session.add(m.Setting(key=GENERATION_KEY, value="1"))
    session.info.pop(GENERATION_KEY, None)


def latest_plan_ids(session: Session, regions: set[str] | None = None) -> list[int]:
    """Row id of the newest version of every plan (optionally of some regions)."""
    rows = session.execute(select(m.Plan.id, m.Plan.slug, m.Plan.version, m.Plan.region)).all()
    best: dict[str, tuple[int, int]] = {}
    for pid, slug, version, region in rows:
        if regions is not None and region not in regions:
            continue
        if slug not in best or version > best[slug][1]:
            best[slug] = (pid, version)
    return sorted(v[0] for v in best.values())


def observations_frame(session: Session) -> pd.DataFrame:
    """Non-withdrawn indicator submissions in the long observation layout of ``cocontrol.demo``
    (latest submission per target, year and kind wins: a number and a judgement — 完成/进展正常 … in
    ``value``, as in the demo files — of the same year are two records)."""
    rows = session.execute(
        select(m.Submission, m.Target.key, m.Target.indicator, m.Plan.slug)
        .join(m.Target, m.Target.id == m.Submission.target_id)
        .join(m.Plan, m.Plan.id == m.Target.plan_id)
        .where(m.Submission.withdrawn.is_(False))
        .order_by(m.Submission.id)
    ).all()
    recs = {
        (s.target_id, s.period, s.judgement is not None): {
            "region": s.region, "plan": slug, "target": qualified(slug, key), "indicator": indicator,
            "year": s.period, "value": s.value if s.judgement is None else None,
            "value_text": s.judgement, "unit": "" if s.judgement is not None else s.unit, "label": s.label,
            "source": s.source or s.submitter,
        }
        for s, key, indicator, slug in rows
    }
    return pd.DataFrame(list(recs.values()))


def qualified(plan_slug: str, target_key: str) -> str:
    """Target id unique across plans (two plans of one city may both number targets T001 …)."""
    return f"{plan_slug}/{target_key}"


def _qualify(doc: PlanDocument) -> PlanDocument:
    data = doc.model_dump()
    slug = data["plan"]["id"]
    for t in data["targets"]:
        t["id"] = qualified(slug, t["id"])
    for k in data["tasks"]:
        k["targets"] = [qualified(slug, x) for x in k["targets"]]
    return PlanDocument.model_validate(data)


def task_progress_frame(session: Session) -> pd.DataFrame:
    """Latest reported task progress (:func:`cocontrol.store.platform.task_progress_frame`)."""
    from cocontrol.store.platform import task_progress_frame as frame

    return frame(session)


def workspace(session: Session) -> Workspace:
    """Inputs from the database plus the demo workspace's activity, statistics and controls;
    target ids are qualified by plan (:func:`qualified`)."""
    from cocontrol.store.restoration import stored_projects

    plans = [_qualify(load_document(session, pid)) for pid in latest_plan_ids(session)]
    regions = set(session.scalars(select(m.Region.name)))
    return Workspace(
        plans=plans, observations=observations_frame(session), activity=demo.activity(),
        statistics=demo.statistics(), controls=demo.controls(), name="平台数据库", name_en="the platform database",
        known_regions=regions, task_progress=task_progress_frame(session),
        restoration=stored_projects(session),
    )


REFRESH = "refresh"
"""``session.info`` key: (region, year) → :class:`Progress` of every result a request used that
is not up to date (the pages' 正在重新计算 banner)."""


def compute_remote(database_url: str, home: Path) -> Any:
    """``Refresher.remote``: the same computation (:func:`compute_results`) in a child process,
    which opens its own connection to ``database_url``."""
    return functools.partial(compute_in_process, functools.partial(_child_compute, database_url, home), home)


def _child_compute(database_url: str, home: Path) -> Compute:
    from cocontrol.store.db import get_engine, session_factory

    return compute_results(session_factory(get_engine(database_url, migrate=False)), home)


def compute_results(sessions: Any, home: Path) -> Compute:
    """The background job's computation: a :class:`Workspace` read in its own session, then
    :func:`cocontrol.reports.workspace.gather` (each layer reports its step), and the inventory
    kept as Parquet (:func:`save_inventory`); for the region :data:`~cocontrol.web.peers.PEERS`
    the 同类城市比较 over every city with data (:func:`~cocontrol.web.peers.peer_results`)."""

    def run(region: str, year: int, progress: Any) -> Results:
        progress(STEPS[0])
        with sessions() as session:
            if region == PEERS:  # every city's inventory and one synergy panel (同类城市比较)
                return peer_results(workspace(session), year, progress)
            res = gather(region, year, workspace(session), progress=progress)
            if res.emissions is not None and not res.emissions.empty:
                save_inventory(session, home, region, res.emissions)
        return res

    return run


@dataclass
class Cache:
    """Results per (region, year) from the background :class:`Refresher` (never computed in a
    request), and page view models memoised per data generation and results version."""

    home: Path
    refresher: Refresher
    _views: dict[tuple[Any, ...], tuple[int, int, dict[Key, Progress], Any]] = field(default_factory=dict)
    _building: dict[tuple[Any, ...], threading.Lock] = field(default_factory=dict)
    _derived: dict[int, tuple[weakref.ref[Results], dict[Any, Any]]] = field(default_factory=dict)

    def results(self, session: Session, region: str, year: int) -> Results:
        """The last complete results at once; a job is scheduled when they are older than the
        data. Nothing computed yet: an empty placeholder (the request is marked pending)."""
        gen = generation(session)
        key = (region, year)
        now = self.refresher.ensure(key, gen)
        if now.state != "done":
            session.info.setdefault(REFRESH, {})[key] = now
        hit = self.refresher.latest(key, gen)
        if hit is None:
            return Results(region=region, year=year, plans=[], gaps={"refresh": "正在计算，完成后自动显示"})
        return hit[1]

    def view(self, session: Session, key: tuple[Any, ...], build: Any) -> Any:
        """Memoise a page's view model for the current generation and results version
        (``build`` None: peek only, returning None on a miss). A view built from results that
        were not up to date re-checks them (another process may have finished) and is never kept
        when some of its results did not exist yet."""
        gen = generation(session)
        found = self._memo(session, key, gen, recheck=True)
        if found is not None or build is None:
            return found
        with self._building.setdefault(key, threading.Lock()):  # one build per key at a time
            found = self._memo(session, key, gen)
            return found if found is not None else self._build(session, key, gen, build)

    def _memo(self, session: Session, key: tuple[Any, ...], gen: int, recheck: bool = False) -> Any:
        """The memoised view when still valid (noting its not-up-to-date results), else None."""
        hit = self._views.get(key)
        if not hit or hit[0] != gen:
            return None
        if recheck:
            for k in hit[2]:
                self.refresher.latest(k, gen)
        if hit[1] != self.refresher.version:
            return None
        if hit[2]:
            session.info.setdefault(REFRESH, {}).update({k: self.refresher.ensure(k, gen) for k in hit[2]})
        return hit[3]

    def _build(self, session: Session, key: tuple[Any, ...], gen: int, build: Any) -> Any:
        version = self.refresher.version
        outer = session.info.get(REFRESH, {})
        session.info[REFRESH] = {}
        try:
            value = build()
        finally:
            used = session.info[REFRESH]
            session.info[REFRESH] = {**outer, **used}
        if all(p.shown is not None for p in used.values()):
            self._views[key] = (gen, version, used, value)
        return value

    def __post_init__(self) -> None:
        self.refresher.prepare = self.prepare

    def prepare(self, res: Results) -> None:
        """Derive in the job's thread what the overview (or, for the peer evaluation, the
        synergy page: every ranked city's standing) needs from new results."""
        if res.region == PEERS or res.peer_regions:
            ranked = res.peers.ranking if res.peers is not None else None
            for region in sorted(set(ranked["region"])) if ranked is not None else []:
                self.derived(res, ("peer", region, res.year), lambda r=region: peer_ranking(res.peers, r, res.year))
            return
        self.derived(res, "status", lambda: status_by_target(res))
        self.derived(res, "co2", lambda: co2_by_year(res.emissions))
        self.derived(res, "apeq", lambda: apeq_by_year(res.emissions))
        self.derived(res, ("sector", res.year), lambda: sector_breakdown(res.emissions, res.year))

    def derived(self, res: Results, name: Any, build: Any) -> Any:
        """A value derived from one :class:`Results` object (status by target, CO2 and APeq by
        year …), computed once per results object rather than per data generation, so a page
        built right after a data change reuses what the last complete results gave."""
        entry = self._derived.get(id(res))
        if entry is None or entry[0]() is not res:
            ident = id(res)
            entry = (weakref.ref(res, lambda _: self._derived.pop(ident, None)), {})
            self._derived[ident] = entry
        if name not in entry[1]:
            entry[1][name] = build()
        return entry[1][name]


def refresh_state(session: Session) -> list[Progress]:
    """Progress of the results this request used that are not up to date (empty: all fresh)."""
    return list(session.info.get(REFRESH, {}).values())


def save_inventory(session: Session, home: Path, region: str, emissions: pd.DataFrame) -> Path:
    """Keep a region's inventory as Parquet (bulk numbers stay out of the ORM) and record where.

    Written through a unique temporary file and a rename, recorded in its own transaction, so
    two workers computing the same region at once neither clash nor half-write.
    """
    folder = home / "inventory"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{demo.city_slug(region) if region in demo.CITIES.values() else region}.parquet"
    frame = emissions.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].astype(str)
    write_atomic(path, lambda tmp: frame.to_parquet(tmp, index=False))
    years = sorted({int(y) for y in frame["year"]}) if "year" in frame else []
    with Session(session.get_bind()) as own:
        try:
            for year in years:
                if own.scalar(select(m.InventoryFile.id).where(
                        m.InventoryFile.region == region, m.InventoryFile.year == year,
                        m.InventoryFile.gwp == "AR5")) is None:
                    own.add(m.InventoryFile(region=region, year=year, path=str(path),
                                            rows=int((frame["year"] == year).sum())))
            own.commit()
        except IntegrityError:  # another worker recorded it first
            own.rollback()
    return path


def inventory_path(session: Session, region: str) -> Path | None:
    path = session.scalar(select(m.InventoryFile.path).where(m.InventoryFile.region == region))
    return Path(path) if path and Path(path).is_file() else None


def query_inventory(path: Path, by: list[str], year: int | None) -> pd.DataFrame:
    """Sum ``value`` by ``by`` (sector/fuel/species/scope) with DuckDB over the Parquet file.
    Without ``scope`` among ``by`` the sums are direct emissions only (范围一, the published
    figures' scope: :func:`cocontrol.figures.emissions.direct_scopes`); with it each scope has
    its own rows."""
    import duckdb

    from cocontrol.figures.emissions import direct_scopes

    allowed = {"sector", "fuel", "species", "scope", "year", "unit"}
    cols = [c for c in by if c in allowed] or ["species"]
    con = duckdb.connect()
    try:
        have = set(con.execute("select * from read_parquet(?) limit 0", [str(path)]).df().columns)
        cols = [c for c in cols if c in have]
        conds, params = [], [str(path)]
        if year is not None and "year" in have:
            conds.append("year = ?")
            params.append(year)
        if "scope" in have and "scope" not in cols:
            scopes = [r[0] for r in con.execute("select distinct scope from read_parquet(?)",
                                                [str(path)]).fetchall()]
            keep = direct_scopes(scopes)
            if keep is not None:
                conds.append(f"scope in ({', '.join('?' for _ in keep)})")
                params += keep
        where = f"where {' and '.join(conds)}" if conds else ""
        select_cols = ", ".join(cols + (["unit"] if "unit" in have and "unit" not in cols else []))
        sql = (f"select {select_cols}, sum(value) as value from read_parquet(?) {where} "
               f"group by all order by value desc")
        return con.execute(sql, params).df()
    finally:
        con.close()


STATUS_CLASS = {
    "已完成": "ok", "achieved": "ok", "进度正常": "good", "on_track": "good", "进展顺利": "good",
    "存在风险": "risk", "at_risk": "risk", "严重滞后": "bad", "off_track": "bad", "滞后": "bad",
    "无数据": "none", "no_data": "none",
}


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def status_by_target(res: Results) -> dict[str, dict[str, Any]]:
    """Status rows keyed by target id (columns as ``cocontrol.tracking.status.assess`` gives)."""
    if res.status is None or res.status.empty:
        return {}
    frame = res.status
    key = next((c for c in ("target_id", "target") if c in frame.columns), None)
    if key is None:
        return {}
    return {str(r[key]): {k: _clean(v) for k, v in r.items()} for r in frame.to_dict("records")}


def status_text(row: dict[str, Any] | None) -> str | None:
    if not row:
        return None
    for col in ("status_zh", "status_label", "status"):
        if row.get(col):
            return str(row[col])
    return None


def status_class(row: dict[str, Any] | str | None) -> str:
    """CSS class (ok/good/risk/bad/none) of a status row (by its code) or a status label."""
    if isinstance(row, dict):
        return STATUS_CLASS.get(str(row.get("status") or ""), STATUS_CLASS.get(status_text(row) or "", "none"))
    return STATUS_CLASS.get(row or "", "none")


def domain_label(domain: str | None, lang: str = "zh") -> str:
    try:
        d = Domain(domain or "other")
    except ValueError:
        d = Domain.OTHER
    return DOMAIN_LABELS[d] if lang == "zh" else d.value.capitalize()


def co2_by_year(emissions: pd.DataFrame | None) -> dict[int, float]:
    """Figure ``co2`` (direct CO2, t) by year: :func:`cocontrol.figures.emissions.co2_by_year`."""
    from cocontrol.figures.emissions import co2_by_year as figure_co2

    return figure_co2(emissions)


def apeq_by_year(emissions: pd.DataFrame | None) -> tuple[dict[int, float], str | None]:
    """Figure ``apeq`` (t SO2-eq) by year (:func:`cocontrol.figures.emissions.apeq_by_year`);
    (values, gap message)."""
    if emissions is None or emissions.empty:
        return {}, None
    try:
        from cocontrol.figures.emissions import apeq_by_year as figure_apeq

        return figure_apeq(emissions), None
    except Exception as exc:  # a layer rejecting the data becomes a gap panel
        return {}, f"大气污染物当量无法计算：{exc}"


def sector_label(sector: str, lang: str = "zh") -> str:
    """Name of a CEADs sector in ``lang`` (:func:`cocontrol.data.names.label`)."""
    from cocontrol.data.names import label

    return label("sector", sector, lang)


def top_n(values: dict[str, float], n: int = 10, other: str = "其他") -> dict[str, float]:
    """The ``n`` largest entries and the rest summed under ``other``."""
    items = sorted(values.items(), key=lambda kv: -kv[1])
    head = dict(items[:n])
    rest = sum(v for _, v in items[n:])
    if rest:
        head[other] = head.get(other, 0.0) + rest
    return head


def sector_breakdown(emissions: pd.DataFrame | None, year: int) -> dict[str, float]:
    """Figure ``co2_sector`` (direct CO2, t) by sector in ``year`` (else the latest year with data)."""
    from cocontrol.figures.emissions import co2_by_sector, latest_year

    if emissions is None or emissions.empty:
        return {}
    shown = latest_year(co2_by_year(emissions), year) or max(int(y) for y in emissions["year"])
    frame = co2_by_sector(emissions, shown)
    return {str(k): float(v) for k, v in zip(frame["sector"], frame["co2"], strict=True)}
