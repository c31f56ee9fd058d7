"""Demo workspace (示例数据): the seed cities' reviewed plans and data under ``examples/``.

Layout (every numeric row labelled ``real`` with its source, or ``illustrative``)::

    examples/seeds/<file>.txt           the seed plan documents as published (public documents)
    examples/plans/<slug>.yaml          reviewed PlanDocument (cocontrol plan load format)
    examples/activity/<city>.csv        region, year, sector, fuel, value, unit, label, source
    examples/statistics/<city>.csv      region, year, indicator, value, unit, label, source
    examples/observations/<city>.csv    region, plan, target, indicator, year, value, unit, label, source
    examples/controls/<city>.csv        region, year, sector, fuel, technology, penetration, label, source
    examples/sinks/<city>.csv           region, year, sink_type, item, variable, value, unit, label, source

The folder is found from ``COCONTROL_EXAMPLES`` or next to the source tree. Loaders return
empty tables when a file is absent, so every consumer works on a partial workspace.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from cocontrol.errors import InputError

CITIES: dict[str, str] = {
    "jinan": "济南市",
    "zibo": "淄博市",
    "weihai": "威海市",
    "rongcheng": "荣成市",
}


def examples_dir() -> Path:
    """The examples folder: ``$COCONTROL_EXAMPLES`` or ``<repo>/examples``."""
    env = os.environ.get("COCONTROL_EXAMPLES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "examples"


def seeds_dir() -> Path:
    """The five seed plan documents as published (``examples/seeds``, decoded UTF-8 text)."""
    return examples_dir() / "seeds"


def city_slug(region: str) -> str:
    """Slug of a city given its slug, full name (荣成市) or short name (荣成)."""
    for slug, name in CITIES.items():
        if region in (slug, name, name.removesuffix("市")):
            return slug
    raise InputError(
        f"unknown demo city {region!r}",
        expected=", ".join(f"{n} ({s})" for s, n in CITIES.items()),
    )


def plan_files() -> list[Path]:
    """Reviewed plan YAML files shipped in ``examples/plans``."""
    folder = examples_dir() / "plans"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _table(kind: str, city: str | None) -> pd.DataFrame:
    folder = examples_dir() / kind
    slugs = [city_slug(city)] if city else list(CITIES)
    frames = [
        pd.read_csv(folder / f"{slug}.csv", encoding="utf-8")
        for slug in slugs
        if (folder / f"{slug}.csv").is_file()
    ]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def activity(city: str | None = None) -> pd.DataFrame:
    """Activity data (活动水平) of one or all demo cities."""
    return _table("activity", city)


def statistics(city: str | None = None) -> pd.DataFrame:
    """Statistics (GDP, deflator, population, energy totals …) of one or all demo cities."""
    return _table("statistics", city)


def observations(city: str | None = None) -> pd.DataFrame:
    """Reported indicator values (指标监测值) for plan targets of one or all demo cities."""
    return _table("observations", city)


def controls(city: str | None = None) -> pd.DataFrame:
    """Penetration of control technologies (污染治理设施) of one or all demo cities."""
    return _table("controls", city)


def sinks(city: str | None = None) -> pd.DataFrame:
    """Sink activity (碳汇活动数据: 贝藻产量, 海草床面积, 森林蓄积) of one or all demo cities.

    ``examples/sinks/<city>.csv``: region, year, sink_type, item, variable, value, unit, label,
    source — the input of :func:`cocontrol.sinks.compute_sinks`.
    """
    return _table("sinks", city)
