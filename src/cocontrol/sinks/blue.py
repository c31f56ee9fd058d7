"""Blue carbon (蓝碳) of a city: aquaculture removable carbon, seagrass, salt marsh, mangrove.

The marine carbon-sink platform's one view: the sink rows of :func:`cocontrol.sinks.compute_sinks`
for the blue sink types, by site (item) and year, as removals (positive t CO2 here: the page and
the report speak of 碳汇量; the inventory's net-emissions figure keeps the IPCC sign, removals
negative). Each row keeps whether its input was real or illustrative and the weakest status of the
reference numbers it used.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from cocontrol.sinks import compute_sinks

BLUE = ("aquaculture", "seagrass", "salt_marsh", "mangrove")


def blue_carbon(activity: pd.DataFrame) -> pd.DataFrame:
    """region, year, sink_type, item, removal_t, status, label — one row per site and year."""
    rows = activity[activity["sink_type"].isin(BLUE)] if "sink_type" in activity.columns \
        else activity.iloc[0:0]
    if rows.empty:
        return pd.DataFrame(columns=["region", "year", "sink_type", "item", "removal_t",
                                     "status", "label"])
    labels = (rows.groupby(["region", "year", "sink_type", "item"])["label"]
              .agg(lambda s: "illustrative" if (s != "real").any() else "real")
              if "label" in rows.columns else None)
    out = compute_sinks(rows.drop(columns=[c for c in ("label", "source") if c in rows.columns]))
    by_site = (out.groupby(["region", "year", "sink_type", "item"], as_index=False)
               .agg(removal_t=("value", lambda v: -v.sum()),
                    status=("status", lambda s: min(s, key={"unverified": 0, "transcribed": 1,
                                                            "verified": 2}.__getitem__))))
    by_site["label"] = (by_site.set_index(["region", "year", "sink_type", "item"]).index
                        .map(labels) if labels is not None else "real")
    return by_site.sort_values(["region", "year", "sink_type", "item"], ignore_index=True)


def sink_activity(home: Path | None = None, projects: list | None = None) -> pd.DataFrame:
    """The bureau's sink files (``<home>/sinks/*.csv``), or the demo examples when there are
    none, with the restoration projects stored in the platform (``projects``, a list of
    :class:`~cocontrol.sinks.restoration.StoredProject`) in place of file rows of the same site."""
    from cocontrol import demo
    from cocontrol.sinks.restoration import merge_projects, project_activity
    from cocontrol.store.db import home as default_home

    folder = (home or default_home()) / "sinks"
    files = sorted(folder.glob("*.csv"))
    if files:
        activity = pd.concat([pd.read_csv(f, encoding="utf-8") for f in files], ignore_index=True)
    else:
        activity = demo.sinks()
    return merge_projects(activity, project_activity(projects or []))


def removals_by_year(activity: pd.DataFrame, region: str) -> tuple[dict[int, float], dict[int, float]]:
    """(figure ``sinks``, figure ``blue_carbon``) by year for one region: t CO2 removed, positive."""
    rows = activity[activity["region"] == region] if len(activity) else activity
    if rows is None or rows.empty:
        return {}, {}
    out = compute_sinks(rows.drop(columns=[c for c in ("label", "source") if c in rows.columns]))
    total = (-out.groupby("year")["value"].sum()).to_dict()
    blue = (-out[out["sink_type"].isin(BLUE)].groupby("year")["value"].sum()).to_dict()
    return ({int(y): float(v) for y, v in total.items()},
            {int(y): float(v) for y, v in blue.items()})


def net_co2_by_year(co2: dict[int, float], removals: dict[int, float]) -> dict[int, float]:
    """Figure ``net_co2``: direct CO2 minus the same year's removals, for years with both."""
    return {y: co2[y] - removals[y] for y in sorted(set(co2) & set(removals))}
