"""Where a report's data comes from (报告数据来源): a :class:`Workspace` and the layer results.

A workspace holds the inputs (reviewed plans, activity, statistics, observations, controls);
the demo workspace reads ``examples/`` through :mod:`cocontrol.demo`, the web app builds one
from its database. :func:`gather` runs the computing layers (tracking, inventory, indicators,
synergy) for one region and year. A layer that is not installed yet, or that rejects the
data, does not stop the report: its result is ``None`` and :attr:`Results.gaps` says why, so
the report prints "本节数据暂缺：…" and never invents a number.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from cocontrol.errors import CocontrolError, InputError
from cocontrol.plans.model import PlanDocument

logger = logging.getLogger(__name__)


@dataclass
class Workspace:
    """Inputs of every region a report may cover (long tables as :mod:`cocontrol.demo` documents)."""

    plans: list[PlanDocument] = field(default_factory=list)
    activity: pd.DataFrame = field(default_factory=pd.DataFrame)
    statistics: pd.DataFrame = field(default_factory=pd.DataFrame)
    observations: pd.DataFrame = field(default_factory=pd.DataFrame)
    controls: pd.DataFrame = field(default_factory=pd.DataFrame)
    name: str = "工作区"
    name_en: str = ""  # the English of ``name`` for an English message (the Chinese one comes from messages.csv)
    plan_files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be loaded, for the report
    known_regions: set[str] = field(default_factory=set)  # regions served even without data
    task_progress: pd.DataFrame = field(default_factory=pd.DataFrame)  # plan, task, year, progress, note
    restoration: list[Any] = field(default_factory=list)  # stored restoration projects (sinks.restoration.StoredProject)

    @classmethod
    def demo(cls) -> Workspace:
        """The four seed cities' demo workspace (``examples/``)."""
        from cocontrol import demo

        files = demo.plan_files()
        notes: list[str] = []
        try:
            plans = [_load_plan(p) for p in files]
        except MissingLayer as exc:
            plans = []
            notes.append(f"规划方案（examples/plans）未能读取：{exc}")
        return cls(
            plans=plans,
            notes=notes,
            activity=demo.activity(),
            statistics=demo.statistics(),
            observations=demo.observations(),
            controls=demo.controls(),
            name="示例工作区（examples/）", name_en="the example workspace",
            known_regions=set(demo.CITIES.values()),
            plan_files=files,
        )

    def regions(self) -> set[str]:
        found = set(self.known_regions) | {d.plan.region for d in self.plans if d.plan.region}
        for frame in (self.activity, self.statistics, self.observations):
            if "region" in frame.columns:
                found |= set(frame["region"].dropna().astype(str))
        return found

    def resolve(self, region: str) -> str:
        """Full region name for ``荣成``/``荣成市``/``rongcheng``, as the workspace spells it."""
        known = self.regions()
        candidates = [region, f"{region}市"]
        try:
            from cocontrol.demo import CITIES, city_slug

            candidates.append(CITIES[city_slug(region)])
        except CocontrolError:
            pass
        for name in candidates:
            if name in known:
                return name
        raise InputError(
            f"region {region!r} is not in {self.name_en or self.name}",
            expected=_names(sorted(known)) or "a workspace with plans or data",
        )

    def plans_of(self, region: str) -> list[PlanDocument]:
        return [d for d in self.plans if d.plan.region == region]


class MissingLayer(LookupError):
    """A computing layer (module or function) the report needs is not installed yet."""


def _load_plan(path: Path) -> PlanDocument:
    return layer_function("cocontrol.plans.io", "load_yaml")(path)


def rows_of(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """Rows of one region (all rows when the table has no ``region`` column or is empty)."""
    if frame.empty or "region" not in frame.columns:
        return frame
    return frame[frame["region"] == region].reset_index(drop=True)


@dataclass
class Results:
    """What the layers computed for one region (``None`` where a layer is missing)."""

    region: str
    year: int
    plans: list[PlanDocument]
    targets: pd.DataFrame | None = None
    status: pd.DataFrame | None = None
    warnings: pd.DataFrame | None = None
    emissions: pd.DataFrame | None = None
    indicators: pd.DataFrame | None = None
    synergy: Any = None
    peers: Any = None  # synergy evaluated on every region with data (同类城市比较)
    peer_regions: list[str] = field(default_factory=list)
    statistics: pd.DataFrame = field(default_factory=pd.DataFrame)
    observations: pd.DataFrame = field(default_factory=pd.DataFrame)
    activity: pd.DataFrame = field(default_factory=pd.DataFrame)
    gaps: dict[str, str] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)
    task_progress: pd.DataFrame = field(default_factory=pd.DataFrame)
    restoration: list[Any] = field(default_factory=list)  # the region's stored restoration projects


LAYER_NAMES = {
    "tracking": "目标跟踪",
    "inventory": "排放清单",
    "indicators": "派生指标",
    "synergy": "协同评价",
    "peers": "同类城市比较",
}
DEFAULT_LAYERS = ("tracking", "inventory", "indicators", "synergy")
"""Layers :func:`gather` runs unless told otherwise; ``peers`` (every region's inventory) is
asked for by the annual report only."""


def layer_function(module: str, name: str) -> Callable[..., Any]:
    """``module.name`` or :class:`MissingLayer` saying which layer piece is missing."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            logger.warning("layer module %s is not available", module)  # for maintainers, not users
            logger.warning("layer function %s.%s is not available", module, name)
        raise MissingLayer("该部分的计算功能尚不可用") from exc
        raise
    fn = getattr(mod, name, None)
    if fn is None:
        logger.warning("layer function %s.%s is not available", module, name)
        raise MissingLayer("该部分的计算功能尚不可用")
    return fn


def _run(results: Results, layer: str, step: Callable[[], Any]) -> Any:
    """Run one layer step; a missing layer, rejected data or a layer's own defect becomes a gap
    (logged with its traceback), not a crash — the other sections are still written."""
    try:
        return step()
    except MissingLayer as exc:
        results.gaps.setdefault(layer, f"{LAYER_NAMES[layer]}：{exc}")
    except CocontrolError as exc:
        results.gaps.setdefault(layer, f"{LAYER_NAMES[layer]}：数据未通过校验（{exc}）")
    except Exception as exc:  # a defect inside a layer: report it loudly, keep the other sections
        logger.exception("report layer %s failed", layer)
        results.gaps.setdefault(layer, f"{LAYER_NAMES[layer]}：计算出错（{type(exc).__name__}: {exc}），请联系维护人员")
    return None


def _method(results: Results, key: str, fn: Callable[..., Any]) -> None:
    doc = inspect.getdoc(fn)
    if doc:
        results.methods[key] = doc.split("\n\n")[0].replace("\n", " ")


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _tracking(ws: Workspace, results: Results) -> None:
    docs = results.plans
    if not docs:
        results.gaps["tracking"] = f"{LAYER_NAMES['tracking']}：工作区中没有{results.region}的规划方案"
        return
    targets_frame = layer_function("cocontrol.tracking", "targets_frame")
    assess = layer_function("cocontrol.tracking.status", "assess")
    # targets_frame carries the plan sentence (quote): tracking judges 建成 → 不低于 from it
    results.targets = _concat([targets_frame(d, region=results.region) for d in docs])
    obs = rows_of(ws.observations, results.region)
    results.status = assess(results.targets, obs, as_of=results.year)
    _method(results, "目标状态判定", assess)
    by_unit = layer_function("cocontrol.tracking.warnings", "by_responsible_unit")
    results.warnings = _concat([by_unit(results.status, d) for d in docs])
    _method(results, "预警", by_unit)


def _compute(activity: pd.DataFrame, controls: pd.DataFrame) -> pd.DataFrame:
    """The inventory of ``activity`` (AR5), with the control penetrations when given."""
    compute = layer_function("cocontrol.inventory", "compute")
    kwargs: dict[str, Any] = {"gwp": "AR5"}
    if "controls" in inspect.signature(compute).parameters and not controls.empty:
        kwargs["controls"] = controls
    return compute(activity, **kwargs)


def _inventory(ws: Workspace, results: Results) -> None:
    activity = rows_of(ws.activity, results.region)
    if activity.empty:
        results.gaps["inventory"] = f"{LAYER_NAMES['inventory']}：工作区中没有{results.region}的活动水平数据"
        return
    results.emissions = _compute(activity, rows_of(ws.controls, results.region))
    _method(results, "排放清单核算", layer_function("cocontrol.inventory", "compute"))


def peer_regions(ws: Workspace) -> list[str]:
    """Regions of the workspace with activity data (the cities a 协同度 ranking can cover)."""
    if ws.activity.empty or "region" not in ws.activity.columns:
        return []
    return sorted(set(ws.activity["region"].dropna().astype(str)))


def _peers(ws: Workspace, results: Results) -> None:
    """Synergy evaluated on every region with data at once (one panel, one set of weights), so
    the regions can be ranked (同类城市比较); the report's own inventory is reused."""
    if results.emissions is None:
        results.gaps.setdefault("peers", f"{LAYER_NAMES['peers']}：需要本地区排放清单结果")
        return
    regions = peer_regions(ws)
    results.peer_regions = regions
    others = [r for r in regions if r != results.region]
    if not others:  # one city: nothing to rank against, said in the section
        return
    activity = ws.activity[ws.activity["region"].isin(others)]
    controls = ws.controls[ws.controls["region"].isin(others)] if "region" in ws.controls.columns else ws.controls
    emissions = pd.concat([results.emissions, _compute(activity, controls)], ignore_index=True)
    stats = ws.statistics
    if "region" in stats.columns:
        stats = stats[stats["region"].isin(regions)]
    evaluate = layer_function("cocontrol.synergy", "evaluate")
    results.peers = evaluate(emissions, stats if not stats.empty else None)


def _base_year(results: Results) -> int:
    years = [t.base_year for d in results.plans for t in d.targets if t.base_year]
    return max(set(years), key=years.count) if years else 2020


def _indicators(results: Results) -> None:
    if results.emissions is None:
        results.gaps.setdefault("indicators", f"{LAYER_NAMES['indicators']}：需要排放清单结果")
        return
    derive = layer_function("cocontrol.indicators", "derive")
    results.indicators = derive(results.emissions, results.statistics, base_year=_base_year(results))
    _method(results, "派生指标", derive)


def _synergy(results: Results) -> None:
    if results.emissions is None:
        results.gaps.setdefault("synergy", f"{LAYER_NAMES['synergy']}：需要排放清单结果")
        return
    evaluate = layer_function("cocontrol.synergy", "evaluate")
    results.synergy = evaluate(results.emissions, results.statistics)
    _method(results, "减污降碳协同评价", evaluate)


def gather(region: str, year: int, workspace: Workspace | None = None,
           progress: Callable[[str], None] | None = None,
           layers: tuple[str, ...] = DEFAULT_LAYERS) -> Results:
    """Run the ``layers`` (default: :data:`DEFAULT_LAYERS`) for ``region`` and ``year``; missing
    pieces are listed in ``gaps``. Layers not asked for stay ``None`` and are not reported as gaps."""
    ws = workspace if workspace is not None else Workspace.demo()
    name = ws.resolve(region)
    results = Results(
        region=name, year=year, plans=ws.plans_of(name),
        statistics=rows_of(ws.statistics, name), observations=rows_of(ws.observations, name),
        activity=rows_of(ws.activity, name), task_progress=ws.task_progress,
        restoration=[p for p in ws.restoration if p.region == name],
    )
    for i, note in enumerate(ws.notes):
        results.gaps[f"workspace{i}"] = note
    steps = (
        ("tracking", lambda: _tracking(ws, results)),
        ("inventory", lambda: _inventory(ws, results)),
        ("indicators", lambda: _indicators(results)),
        ("synergy", lambda: _synergy(results)),
        ("peers", lambda: _peers(ws, results)),
    )
    for layer, step in steps:
        if layer not in layers:
            continue
        if progress:
            progress(LAYER_NAMES[layer])
        _run(results, layer, step)
    return results


def _names(regions: list[str]) -> str:
    """The regions for an error message in both languages, ``济南市、威海市 / Jinan, Weihai``
    (each CLI language shows its half), by the English names of ``refdata/terms.csv``; in
    Chinese only when a region has no English name there."""
    from cocontrol.data.names import label

    english = [label("region", r, "en") for r in regions]
    if any(re.search(r"[\u4e00-\u9fff]", e) for e in english):
        return ", ".join(regions)
    return "、".join(regions) + " / " + ", ".join(english)
