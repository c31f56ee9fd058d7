"""Blue carbon (蓝碳) of a city: aquaculture removable carbon, seagrass, salt marsh, mangrove.

The marine carbon-sink platform's one view: the sink rows of :func:`cocontrol.sinks.compute_sinks`
for the blue sink types, by site (item) and year, as removals (positive t CO2 here: the page and
the report speak of 碳汇量; the inventory's net-emissions figure keeps the IPCC sign, removals
negative). Each row keeps whether its input was real or illustrative and the weakest status of the
reference numbers it used.
"""

from __future__ import annotations

import pandas as pd

from cocontrol.sinks import compute_sinks

BLUE = ("aquaculture", "seagrass", "salt_marsh", "mangrove")


def blue_carbon(activity: pd.DataFrame) -> pd.DataFrame:
    """region, year, sink_type, item, removal_t, status, label — one row per site and year."""
    rows = activity[activity["sink_type"].isin(BLUE)]
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
