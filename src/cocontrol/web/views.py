"""View models (页面数据): plain dicts shared by the pages and the JSON API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from cocontrol.data.names import label
from cocontrol.figures import convention, display, figure
from cocontrol.figures.emissions import latest_year
from cocontrol.figures.targets import (
    NO_DATA,
    peak_goal,
    status_counts,
    target_figure,
    target_figures,
)
from cocontrol.inventory.factor_sets import display_label as factor_set_label
from cocontrol.reports.peers import peer_ranking
from cocontrol.store import models as m
from cocontrol.store.platform import latest_task_progress
from cocontrol.units import conversion_factor
from cocontrol.web import charts
from cocontrol.web.deps import Viewer, WebError
from cocontrol.web.peers import PEERS, peer_view
from cocontrol.web.scope import region_of
from cocontrol.web.services import (
    Cache,
    apeq_by_year,
    co2_by_year,
    domain_label,
    inventory_path,
    latest_plan_ids,
    qualified,
    query_inventory,
    sector_breakdown,
    sector_label,
    status_by_target,
    status_class,
    top_n,
)


def all_regions(session: Session) -> list[dict[str, Any]]:
    """Every region with its parent's name (one query)."""
    parent = aliased(m.Region)
    rows = session.execute(select(m.Region.id, m.Region.name, m.Region.level, parent.name)
                           .outerjoin(parent, parent.id == m.Region.parent_id).order_by(m.Region.id)).all()
    return [{"id": i, "name": n, "level": lv, "parent": p} for i, n, lv, p in rows]


def visible_regions(session: Session, who: Viewer, cache: Cache | None = None) -> list[dict[str, Any]]:
    rows = cache.view(session, ("regions",), lambda: all_regions(session)) if cache else all_regions(session)
    return [r for r in rows if who.sees(r["name"])]


def default_region(session: Session, who: Viewer, region: str | None, cache: Cache | None = None) -> str:
    names = [r["name"] for r in visible_regions(session, who, cache)]
    if region:
        if region not in names:  # one line naming the regions this user may choose
            known = "、".join(names) or "无"
            raise WebError(404, "not_found", (f"地区“{region}”不在您的权限范围内或不存在（可选地区：{known}）",
                                              f"the region {region} does not exist or is outside your scope "
                                              f"(regions: {', '.join(names) or 'none'})"))
        return region
    with_plans = set(session.scalars(select(m.Plan.region)))
    for name in names:
        if name in with_plans:
            return name
    if not names:
        raise WebError(404, "not_found", ("您的权限范围内没有地区", "no region is within your scope"))
    return names[0]


FIRST_YEAR = 2000
"""Earliest evaluation year accepted (the demo and seed data start in 2005)."""


def check_year(year: int, configured: int | None = None) -> int:
    """``year`` when it can be evaluated: from :data:`FIRST_YEAR` to this calendar year (or the
    configured year); anything else is refused before a computation is queued for it."""
    last = max(dt.date.today().year, configured or 0)
    if not FIRST_YEAR <= year <= last:
        raise WebError(422, "invalid", f"year {year} is outside {FIRST_YEAR}–{last}")
    return year


def default_year(session: Session, year: int | None, configured: int | None, cache: Cache | None = None) -> int:
    """The year asked for (checked by :func:`check_year`), else the configured one, else the
    latest reported, else last year."""
    if year is not None:
        return check_year(year, configured)
    if configured:
        return configured

    def latest() -> int:
        found = session.scalar(select(func.max(m.Submission.period)).where(m.Submission.withdrawn.is_(False)))
        return int(found) if found else dt.date.today().year - 1

    return cache.view(session, ("default_year",), latest) if cache else latest()


def _labels_by_period(session: Session, target_ids: list[int]) -> dict[tuple[int, int], str]:
    """(target, year) → data label (``illustrative`` …) of the latest submission of that year, so a
    latest value from demo data is marked as such where it is shown."""
    rows = session.execute(
        select(m.Submission.target_id, m.Submission.period, m.Submission.label)
        .where(m.Submission.target_id.in_(target_ids), m.Submission.withdrawn.is_(False))
        .order_by(m.Submission.period, m.Submission.id)
    ).all()
    return {(tid, period): label for tid, period, label in rows if label}


def target_rows(session: Session, region: str, status: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    ids = latest_plan_ids(session, {region})
    targets = session.scalars(select(m.Target).where(m.Target.plan_id.in_(ids)).order_by(m.Target.id)).all()
    labels = _labels_by_period(session, [t.id for t in targets])
    out = []
    for t in targets:
        st = status.get(qualified(t.plan.slug, t.key))
        fig = target_figure(st) if st else None  # status, latest value and year: cocontrol.figures
        text = fig["status"] if fig else None
        shown_from = (t.id, fig["latest_year"]) if fig and not fig["baseline"] else None
        out.append({
            "id": t.id, "key": t.key, "indicator": t.indicator, "domain": t.domain or "other",
            "year": t.year, "value": t.value, "unit": t.unit, "relation": t.relation,
            "base_year": t.base_year, "annual_rate": t.annual_rate,
            "qualitative": t.qualitative, "binding": t.binding, "responsible": t.responsible,
            "latest_year": fig["latest_year"] if fig else None,
            "latest": fig["latest_value"] if fig else None,
            "latest_text": fig["latest_text"] if fig else "—", "basis": fig["basis"] if fig else "",
            "status": text, "status_class": status_class(text if text == NO_DATA else st),
            "version_id": t.version_id, "label": labels.get(shown_from) if shown_from else None,
        })
    return out


def _region_summary(session: Session, cache: Cache, region: str, year: int, lang: str) -> dict[str, Any]:
    res = cache.results(session, region, year)
    rows = target_rows(session, region, cache.derived(res, "status", lambda: status_by_target(res)))
    counts = status_counts([{"status": r["status"] or "—"} for r in rows])
    domains: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        domains.setdefault(r["domain"], []).append(r)
    co2 = cache.derived(res, "co2", lambda: co2_by_year(res.emissions))
    apeq = cache.derived(res, "apeq", lambda: apeq_by_year(res.emissions))[0]
    return {
        "region": region, "year": year, "gaps": dict(res.gaps), "targets": len(rows),
        "status_counts": counts, "co2": co2, "apeq": apeq,
        "domains": [{"domain": d, "label": domain_label(d, lang), "targets": ts} for d, ts in domains.items()],
        "sector": cache.derived(res, ("sector", year), lambda: sector_breakdown(res.emissions, year)),
        "co2_latest": co2.get(latest_year(co2, year)) if latest_year(co2, year) else None,
        "headline": headline(co2, apeq, year, lang),
        "co2_header": figure("co2").header(lang),
        "co2_text": display("co2", co2.get(latest_year(co2, year) or -1)),
    }


def _non_negative(series: dict[str, dict[int, float]], band: dict[int, tuple[float, float]] | None) -> bool:
    """A target chart starts its axis at zero (a cut axis exaggerates progress) unless a value
    or the forecast band goes below zero."""
    values = [v for s in series.values() for v in s.values()] + [v for pair in (band or {}).values() for v in pair]
    return all(v >= 0 for v in values)


def headline(co2: dict[int, float], apeq: dict[int, float], year: int, lang: str) -> list[dict[str, Any]]:
    """Headline figures of the overview (the same as the report's 摘要): CO2 and APeq of the
    evaluation year (else the latest year before it), in the registry's display unit."""
    out = []
    for key, values in (("co2", co2), ("apeq", apeq)):
        shown = latest_year(values, year)
        if shown is None:
            continue
        spec = figure(key)
        out.append({"key": key, "name": spec.name(lang), "year": shown,
                    "text": display(key, values[shown], lang=lang), "unit": spec.unit_shown(lang),
                    "label": f"{spec.name(lang)}（{shown}年，{spec.scope}）" if lang == "zh"
                    else f"{spec.name(lang)} ({shown}, scope 1)"})
    return out


def overview(session: Session, cache: Cache, who: Viewer, region: str | None, year: int | None,
             configured_year: int | None, lang: str, *, peek: bool = False) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """City overview: targets by domain with status, CO2 and APeq trends, sector breakdown;
    for a province also one summary row per city below it. Returns (cache key, view); with
    ``peek`` the view is None unless already computed."""
    region = default_region(session, who, region, cache)
    year = default_year(session, year, configured_year, cache)

    def build() -> dict[str, Any]:
        view = _region_summary(session, cache, region, year, lang)
        rid = session.scalar(select(m.Region.id).where(m.Region.name == region))
        children = session.scalars(select(m.Region.name).where(m.Region.parent_id == rid).order_by(m.Region.id)).all()
        view["children"] = [
            {k: v for k, v in _region_summary(session, cache, c, year, lang).items() if k not in ("domains",)}
            for c in children if who.sees(c)
        ]
        view["children"].sort(key=lambda c: -(c["status_counts"].get("已完成", 0) + c["status_counts"].get("进度正常", 0)))
        t = 1 if lang == "en" else 0
        wan = conversion_factor("t", "万吨")  # charts in 万吨 (official unit); API values stay in t
        sectors = top_n({sector_label(k, lang): v for k, v in view["sector"].items()}, 10, ("其他", "other")[t])
        view["charts"] = {
            "co2": charts.line(("二氧化碳排放", "CO2 emissions")[t], {"CO2": {y: v * wan for y, v in view["co2"].items()}},
                               ("万吨", "10⁴ t")[t], zero=True) if view["co2"] else None,
            "apeq": charts.line(("大气污染物当量", "APeq")[t], {"APeq": view["apeq"]}, figure("apeq").unit_shown(lang),
                                zero=True) if view["apeq"] else None,
            "sector": charts.bar(f"{('分部门二氧化碳排放', 'CO2 by sector')[t]}（{year if year in view['co2'] else max(view['co2'])}）",
                                 list(sectors), [v * wan for v in sectors.values()], ("万吨", "10⁴ t")[t])
            if view["sector"] else None,
        }
        view["regions"] = [r["name"] for r in visible_regions(session, who)]
        from cocontrol import demo
        from cocontrol.data.boundaries import boundary_note

        # the CO2 series across a boundary change (济南 + 莱芜, 2019): restated or not, said beside it
        view["boundary"] = boundary_note(region, list(view["co2"]), lambda: demo.activity(region)) if view["co2"] else None
        return view

    key = ("overview", region, year, lang, frozenset(who.regions or ()))
    return key, cache.view(session, key, None if peek else build)


def target_detail(session: Session, cache: Cache, who: Viewer, target_id: int, year: int, lang: str) -> dict[str, Any]:
    """Target detail: fields, quote, linked tasks, responsible units, submissions, trend."""
    t = session.get(m.Target, target_id)
    if t is None or not who.sees(t.plan.region):
        raise WebError(404, "not_found", ("该目标不存在或不在您的权限范围内",
                                          "this target does not exist or is outside your scope"))
    tasks = session.scalars(select(m.Task).join(m.TargetTask, m.TargetTask.task_id == m.Task.id)
                            .where(m.TargetTask.target_id == t.id)).all()
    progress = latest_task_progress(session, [k.id for k in tasks])
    units = session.scalars(select(m.Department.name).join(
        m.TargetResponsible, m.TargetResponsible.department_id == m.Department.id)
        .where(m.TargetResponsible.target_id == t.id)).all()
    subs = session.scalars(select(m.Submission).where(m.Submission.target_id == t.id)
                           .order_by(m.Submission.period, m.Submission.id)).all()
    res = cache.results(session, t.plan.region or "", year) if t.plan.region else None
    st = cache.derived(res, "status", lambda: status_by_target(res)).get(qualified(t.plan.slug, t.key)) if res else None
    series = {("填报值", "reported")[lang == "en"]: {s.period: s.value for s in subs if not s.withdrawn and s.value is not None}}
    if t.value is not None and t.year and t.relation in (">=", "<=", "=") and peak_goal(t.unit, t.relation, t.value) is None:
        series[("目标值", "target")[lang == "en"]] = {t.year: t.value}  # (a peak target's value is a year: no point to plot)
    band = forecast_band(st)
    fig = target_figure(st) if st else None
    return {
        "target": {c: getattr(t, c) for c in (
            "id", "key", "indicator", "domain", "year", "value", "unit", "relation", "base_year",
            "binding", "qualitative", "baseline_value", "baseline_year", "quote", "version_id",
            "approx", "strive", "annual_rate", "responsible")},
        "plan": {"id": t.plan.id, "slug": t.plan.slug, "title": t.plan.title, "version": t.plan.version,
                 "region": t.plan.region},
        "status": st, "status_text": fig["status"] if fig else None,
        "status_class": status_class(fig["status"] if fig and fig["status"] == NO_DATA else st),
        "basis": fig["basis"] if fig else "",
        "tasks": [{"id": k.id, "key": k.key, "title": k.title, **_reported(progress, k.id)} for k in tasks],
        "units": list(units),
        "submissions": [submission_dict(s) for s in subs],
        "chart": charts.line("", series, label("unit", t.unit or "", lang), band,
                             ("预测区间", "forecast range")[lang == "en"],
                             zero=_non_negative(series, band)) if any(series.values()) else None,
        "forecast_missing": band is None,
        "gaps": dict(res.gaps) if res else {},
    }


def forecast_band(status: dict[str, Any] | None) -> dict[int, tuple[float, float]] | None:
    """Forecast interval at the target year when the tracking layer provides one."""
    if not status:
        return None
    lo = status.get("forecast_low") if status.get("forecast_low") is not None else status.get("forecast_lower")
    hi = status.get("forecast_high") if status.get("forecast_high") is not None else status.get("forecast_upper")
    year = status.get("target_year")
    if lo is None or hi is None or year is None:
        return None
    return {int(year): (float(lo), float(hi))}


def visible_submissions(session: Session, who: Viewer, rows: Any) -> list[m.Submission]:
    """The submissions among ``rows`` whose target's or task's region ``who`` may see."""
    if who.regions is None:
        return list(rows)
    return [s for s in rows if who.sees(region_of(session, s))]


def submission_dict(s: m.Submission) -> dict[str, Any]:
    return {"id": s.id, "region": s.region, "target_id": s.target_id, "task_id": s.task_id,
            "period": s.period, "value": s.value, "unit": s.unit, "judgement": s.judgement,
            "progress": s.progress,
            "note": s.note, "label": s.label, "submitter": s.submitter,
            "created_at": s.created_at.isoformat(timespec="seconds"), "withdrawn": s.withdrawn,
            "evidence_name": s.evidence_name, "evidence_sha256": s.evidence_sha256,
            "version_id": s.version_id}


def _reported(progress: dict[int, dict], task_id: int) -> dict[str, Any]:
    """A task's latest reported progress and its year (None, None: 未报送), as the 调度表 shows it."""
    p = progress.get(task_id)
    return {"progress": p["progress"] if p else None, "progress_year": p["year"] if p else None}


def department(session: Session, cache: Cache, who: Viewer, dept_id: int | None, year: int) -> dict[str, Any]:
    """A department's own tasks and indicators, its submissions and warnings."""
    if dept_id is None:
        dept_id = who.user.department_id
    if who.role == "reporter" and dept_id != who.user.department_id:
        raise WebError(403, "forbidden", ("部门填报人只能查看本部门", "a department reporter sees only their own department"))
    depts = [d for d in session.scalars(select(m.Department).order_by(m.Department.id))
             if who.sees(d.region.name if d.region else None)]
    dept = who.check(session, session.get(m.Department, dept_id), "department", dept_id) if dept_id else None
    if dept is None:
        return {"department": None, "departments": [{"id": d.id, "name": d.name, "region": d.region.name if d.region else ""} for d in depts],
                "tasks": [], "targets": [], "submissions": [], "warnings": []}
    plan_ids = latest_plan_ids(session)
    tasks = session.scalars(select(m.Task).join(m.TaskResponsible, m.TaskResponsible.task_id == m.Task.id)
                            .where(m.TaskResponsible.department_id == dept.id, m.Task.plan_id.in_(plan_ids))).all()
    targets = session.scalars(select(m.Target).join(m.TargetResponsible, m.TargetResponsible.target_id == m.Target.id)
                              .where(m.TargetResponsible.department_id == dept.id, m.Target.plan_id.in_(plan_ids))).all()
    ids_t, ids_k = [t.id for t in targets], [k.id for k in tasks]
    progress = latest_task_progress(session, ids_k)
    subs = session.scalars(select(m.Submission).where(
        (m.Submission.target_id.in_(ids_t)) | (m.Submission.task_id.in_(ids_k))).order_by(m.Submission.id.desc()).limit(200)).all()
    region = dept.region.name if dept.region else None
    warnings: list[dict[str, Any]] = []
    gaps: dict[str, str] = {}
    figs: dict[str, dict[str, Any]] = {}
    if region:
        res = cache.results(session, region, year)
        gaps = dict(res.gaps)
        figs = target_figures(res.status)  # each status with the value and year it was judged from
        if res.warnings is not None and not res.warnings.empty:
            names = {dept.name, *(dept.aliases or [])}
            for rec in res.warnings.to_dict("records"):
                unit = rec.get("unit") or rec.get("responsible") or rec.get("department")
                if unit in names:
                    row = {k: (None if v != v else v) for k, v in rec.items()}
                    row["basis"] = figs.get(str(rec.get("target_id")), {}).get("basis") or ""
                    warnings.append(row)
    item = {**{("target", t.id): t.indicator for t in targets}, **{("task", k.id): k.title for k in tasks}}
    return {
        "department": {"id": dept.id, "name": dept.name, "region": region},
        "departments": [{"id": d.id, "name": d.name, "region": d.region.name if d.region else ""} for d in depts],
        "tasks": [{"id": k.id, "key": k.key, "title": k.title, "section": k.section, **_reported(progress, k.id),
                   "status_note": k.status_note, "version_id": k.version_id, "plan": k.plan.slug} for k in tasks],
        "targets": [{"id": t.id, "key": t.key, "indicator": t.indicator, "year": t.year, "value": t.value,
                     "unit": t.unit, "relation": t.relation, "base_year": t.base_year,
                     "annual_rate": t.annual_rate, "qualitative": t.qualitative,
                     "latest": figs.get(qualified(t.plan.slug, t.key), {}).get("latest_value"),
                     "latest_year": figs.get(qualified(t.plan.slug, t.key), {}).get("latest_year"),
                     "status": figs.get(qualified(t.plan.slug, t.key), {}).get("status"),
                     "basis": figs.get(qualified(t.plan.slug, t.key), {}).get("basis") or ""} for t in targets],
        "submissions": [{**submission_dict(s), "item": item.get(("target", s.target_id) if s.target_id else ("task", s.task_id)),
                         "item_kind": "target" if s.target_id else "task"} for s in subs],
        "warnings": warnings, "gaps": gaps,
    }


def inventory(session: Session, cache: Cache, who: Viewer, region: str | None, year: int | None,
              by: list[str], configured_year: int | None, lang: str = "zh", *, sector: str | None = None,
              page: int = 1) -> dict[str, Any]:
    """Inventory explorer: a sector summary (CO2 in 万吨, pollutants in t) of the latest year
    with data unless another is asked for, paged, with a drill-down into one sector's fuels and
    species; the sums come from the Parquet file (:func:`query_inventory`)."""
    region = default_region(session, who, region)
    res = cache.results(session, region, default_year(session, None, configured_year))
    path = inventory_path(session, region)
    years = sorted({int(y) for y in res.emissions["year"]}) if res.emissions is not None else []
    year = year if year in years else (years[-1] if years else default_year(session, year, configured_year))
    empty = {"region": region, "year": year, "by": by, "rows": [], "columns": [], "gaps": dict(res.gaps),
             "years": years, "uncertainty": None, "summary": [], "pages": 0, "page": 1, "sector": None}
    if path is None or not years:
        return empty
    gaps = dict(res.gaps)
    used = res.emissions.attrs.get("factor_set") if res.emissions is not None else None
    summary = sector_summary(query_inventory(path, ["sector", "species", "scope"], year), lang)
    pages = max(1, -(-len(summary) // PAGE))
    page = min(max(page, 1), pages)
    frame = query_inventory(path, by, year)  # the JSON API's rows (codes, t)
    view = {**empty, "gaps": gaps, "summary": summary[(page - 1) * PAGE: page * PAGE], "pages": pages,
            "columns": list(frame.columns), "rows": frame.to_dict("records"),
            "page": page, "species": [sp for sp in ("CO2", *POLLUTANTS) if any(sp in r for r in summary)],
            "factor_set": factor_set_label(used, lang)}
    if sector:
        frame = query_inventory(path, ["sector", "fuel", "species", "scope"], year)
        frame = frame[frame["sector"] == sector]
        wan = conversion_factor("t", "万吨")
        rows: dict[tuple[str, Any], dict[str, Any]] = {}
        for r in frame.to_dict("records"):
            row = rows.setdefault((str(r["fuel"]), r.get("scope")), {
                "fuel": label("fuel", r["fuel"], lang), "scope": r.get("scope")})
            value = float(r["value"] or 0.0)
            row[str(r["species"])] = row.get(str(r["species"]), 0.0) + (value * wan if r["species"] == "CO2" else value)
        view["sector"] = {"code": sector, "name": sector_label(sector, lang),
                          "rows": sorted(rows.values(), key=lambda r: (r["scope"] or 0, -r.get("CO2", 0.0)))}
    view["uncertainty"] = cache.view(session, ("uncertainty", region, year), lambda: co2_uncertainty(path, year, gaps))
    for u in view["uncertainty"] or []:
        u["sector_name"] = sector_label(str(u.get("sector")), lang) if u.get("sector") else ""
    view["chart"] = cache.view(session, ("pollutant_chart", region, year, lang),
                               lambda: pollutant_chart(query_inventory(path, ["sector", "species"], year), year,
                                                       lang=lang))
    return view


PAGE = 15
"""Sectors per page of the inventory explorer's summary."""


def sector_summary(by_sector: Any, lang: str = "zh") -> list[dict[str, Any]]:
    """One row per sector: direct (scope 1) CO2 in 万吨 (official unit) and each air pollutant
    in t, ordered by CO2 (largest first); CO2 of purchased electricity and heat (scope 2) apart
    as ``CO2_scope2`` — added to scope 1 it would count the power sector's emissions twice, and
    the sectors' scope 1 sum is the city's CO2 of the overview and the reports."""
    wan = conversion_factor("t", "万吨")
    rows: dict[str, dict[str, Any]] = {}
    for r in by_sector.to_dict("records"):
        row = rows.setdefault(str(r["sector"]), {"code": str(r["sector"]), "name": sector_label(str(r["sector"]), lang)})
        value = float(r["value"]) if r["value"] is not None else 0.0
        key = str(r["species"])
        if r.get("scope") == 2:
            if key != "CO2":
                continue
            key = "CO2_scope2"
        row[key] = row.get(key, 0.0) + (value * wan if r["species"] == "CO2" else value)
    return sorted(rows.values(), key=lambda r: -r.get("CO2", 0.0))


POLLUTANTS = ("SO2", "NOx", "PM2.5", "VOCs", "NH3")


def pollutant_chart(by_sector: Any, year: int, n: int = 10, lang: str = "zh") -> dict[str, Any] | None:
    """Stacked bars of the main air pollutants (t) for the ``n`` sectors emitting most of them
    (Chinese sector names on Chinese pages), the rest summed as 其他; None without pollutant rows."""
    rows = by_sector[by_sector["species"].isin(POLLUTANTS)].fillna({"value": 0.0})
    if rows.empty:
        return None
    table = rows.pivot_table(index="sector", columns="species", values="value", aggfunc="sum",
                             fill_value=0.0)
    table = table[[sp for sp in POLLUTANTS if sp in table.columns]]
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    zh = lang == "zh"
    parts = {sector_label(str(k), lang): row.to_dict() for k, row in table.head(n).iterrows()}
    if len(table) > n:
        parts["其他" if zh else "rest"] = table.iloc[n:].sum().to_dict()
    title = f"分行业主要大气污染物排放（{year}年）" if zh else f"Main air pollutants by sector ({year})"
    # bar totals written as the table beside it writes pollutants (registry figure ``pollutant``)
    return charts.stacked_ranking(parts, title, "吨" if zh else "t", decimals=figure("pollutant").decimals)


UNCERTAINTY_FAILED = "不确定性分析：本年度二氧化碳排放的不确定性区间未能算出，已记入运行日志，请联系平台管理员。"


def co2_uncertainty(path: Any, year: int, gaps: dict[str, str]) -> list[dict[str, Any]] | None:
    """CO2 (scope 1) 95 % intervals by sector and in total (IPCC approach 1 with the default ranges of
    ``cocontrol.inventory.uncertainty``); a missing piece becomes a gap, never a number."""
    try:
        import pandas as pd

        from cocontrol.inventory.uncertainty import default_ranges, error_propagation

        em = pd.read_parquet(path)
        em = em[em["year"] == year]
        if "scope" in em.columns:  # direct emissions, the city's CO2 of the overview and reports
            em = em[em["scope"].fillna(1) == 1]
        if em.empty:
            return None
        rows = _records(error_propagation(default_ranges(em, "CO2")))
        # largest sector first, as the sector summary above it; the total last
        return sorted(rows, key=lambda r: (r["sector"] == "total", -float(r["value"] or 0.0)))
    except Exception:  # the uncertainty layer is optional for the page
        import logging  # the exception is for operators (the log), the reader gets a sentence

        logging.getLogger(__name__).exception("CO2 uncertainty of %s (%s) failed", path, year)
        gaps["uncertainty"] = UNCERTAINTY_FAILED
        return None


def synergy(session: Session, cache: Cache, who: Viewer, region: str | None, year: int | None,
            configured_year: int | None, lang: str) -> dict[str, Any]:
    """Co-control coordinates by sector, elasticity by period, the city's own index by year, and
    the 同类城市比较 (``peers``: :func:`cocontrol.web.peers.peer_view` of the background peer
    evaluation, only the cities ``who`` may see)."""
    region = default_region(session, who, region)
    year = default_year(session, year, configured_year)
    res = cache.results(session, region, year)
    view: dict[str, Any] = {"region": region, "year": year, "gaps": dict(res.gaps), "coordinates": [],
                            "elasticity": [], "index": [], "chart": None}
    peers = cache.results(session, PEERS, year)
    view["peers"] = peer_view(peers, region, year, who.sees, lambda anchor: cache.derived(
        peers, ("peer", anchor, year), lambda: peer_ranking(peers.peers, anchor, year)), lang)
    em = res.emissions
    if em is None or em.empty:
        return view
    try:
        view.update(synergy_figures(em, year, region, lang))
    except Exception as exc:  # a layer rejecting the data becomes a gap panel
        view["gaps"]["synergy_detail"] = f"协同评价无法计算：{exc}"
    syn = res.synergy
    frame = syn.get("index") if isinstance(syn, dict) else getattr(syn, "index", None)
    if frame is not None and hasattr(frame, "to_dict"):
        view["index"] = index_rows(frame, region, lang)
    return view


INDEX_EN = {"年份": "year", "综合指数（0–100）": "index (0–100)", "目标协同": "goal", "路径协同": "path",
            "效应协同": "effect", "减污子系统": "pollution subsystem", "降碳子系统": "carbon subsystem"}


def index_rows(frame: Any, region: str, lang: str) -> list[dict[str, Any]]:
    """The city's own 协同度综合指数 by year with the columns, headers and decimals the annual
    report prints (:data:`cocontrol.reports.synergy_tables.SYNERGY_TABLES`), as display text."""
    from cocontrol.reports.synergy_tables import SYNERGY_TABLES

    spec = next(x for x in SYNERGY_TABLES if x.attr == "index")
    rows = frame[frame["region"] == region] if "region" in frame.columns else frame
    out = []
    for rec in rows.to_dict("records"):
        row: dict[str, Any] = {}
        for col, (head, _unit, decimals) in spec.columns.items():
            if col not in rec:
                continue
            value = rec[col]
            name = INDEX_EN.get(head, head) if lang == "en" else head
            missing = value is None or (isinstance(value, float) and value != value)
            row[name] = "—" if missing else (f"{float(value):.{decimals}f}" if decimals is not None else int(value))
        out.append(row)
    return out


def synergy_figures(em: Any, year: int, region: str, lang: str) -> dict[str, Any]:
    """ΔCO2 / ΔAPeq by sector with the synergy class, and the elasticity by period, as
    :mod:`cocontrol.figures.synergy` defines them (change = later − earlier; a reduction is
    negative), each value with its display text."""
    from cocontrol.figures.synergy import elasticity_rows, reading_en, sector_changes

    base, target, changes = sector_changes(em, year)
    en = lang == "en"
    rows = []
    for r in changes.to_dict("records"):
        rows.append({"sector": sector_label(str(r["sector"]), lang), "co2_change": r["co2_change"],
                     "apeq_change": r["apeq_change"],
                     "co2_change_text": display("co2_change", r["co2_change"]),
                     "apeq_change_text": display("apeq_change", r["apeq_change"]),
                     "synergy_class": reading_en(r["synergy_class"]) if en else r["synergy_class"]})
    out: dict[str, Any] = {"coordinates": rows, "base_year": base, "target_year": target,
                           "headers": {k: figure(k).header(lang) for k in (
                               "co2_change", "apeq_change", "co2_change_rate", "apeq_change_rate", "els",
                               "synergy_class")},
                           "convention": convention("change_en" if en else "change_zh")}
    if rows:
        pts = [(r["sector"], float(figure("apeq_change").scaled(r["apeq_change"]) or 0.0),
                float(figure("co2_change").scaled(r["co2_change"]) or 0.0)) for r in rows]
        out["chart"] = charts.scatter(f"{label('region', region, lang)} {base}→{target}", pts,
                                      figure("apeq_change").header(lang), figure("co2_change").header(lang))
    el = []
    for r in elasticity_rows(em, year).to_dict("records"):
        el.append({"base_year": r["base_year"], "target_year": r["target_year"],
                   "apeq_change_rate_text": display("apeq_change_rate", r["apeq_change_rate"]),
                   "co2_change_rate_text": display("co2_change_rate", r["co2_change_rate"]),
                   "els_text": display("els", r["els"]), "reading": reading_en(r["reading"]) if en else r["reading"],
                   "apeq_change_rate": r["apeq_change_rate"], "co2_change_rate": r["co2_change_rate"],
                   "els": r["els"]})
    out["elasticity"] = el
    return out


def _records(frame: Any) -> list[dict[str, Any]]:
    out = []
    for rec in frame.to_dict("records"):
        out.append({k: (None if isinstance(v, float) and v != v else (v.item() if hasattr(v, "item") else v))
                    for k, v in rec.items()})
    return out
