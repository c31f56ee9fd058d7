"""Ranking of regions (区县、城市排名) by the 协同度 index, with each indicator's contribution.

Rank 1 is the highest index within a year (ties share the best rank, "min" method, as league
tables do). The index is the sum of indicator contributions W_j·x'_ij × 100
(:mod:`cocontrol.synergy.index`), so a region's gap to the year's leader splits exactly into
per-indicator gaps: ``gap_to_leader`` = leader's contribution − this region's contribution.
"""

from __future__ import annotations

import pandas as pd

from cocontrol.synergy._frames import require_columns


def rank_regions(scores: pd.DataFrame, contributions: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ranking, contributions) — ranking: region, year, index, rank, leader;
    contributions gain ``share`` (of the region's index) and ``gap_to_leader`` (index points)."""
    require_columns(scores, ("region", "year", "index"), "scores")
    require_columns(contributions, ("region", "year", "indicator", "contribution"), "contributions")
    ranking = scores[["region", "year", "index"]].copy()
    ranking["rank"] = ranking.groupby("year")["index"].rank(ascending=False, method="min").astype(int)
    ranking = ranking.sort_values(["year", "rank", "region"]).reset_index(drop=True)
    leaders = ranking.drop_duplicates("year")[["year", "region"]].rename(columns={"region": "leader"})
    ranking = ranking.merge(leaders, on="year", how="left")
    contrib = contributions.merge(ranking[["region", "year", "index", "rank"]], on=["region", "year"])
    contrib["share"] = contrib["contribution"] / contrib["index"].where(contrib["index"] != 0)
    lead = contrib.merge(leaders, on="year")
    lead = lead[lead["region"] == lead["leader"]][["year", "indicator", "contribution"]]
    contrib = contrib.merge(lead.rename(columns={"contribution": "_lead"}), on=["year", "indicator"])
    contrib["gap_to_leader"] = contrib.pop("_lead") - contrib["contribution"]
    return ranking, contrib.sort_values(["year", "rank", "region", "indicator"]).reset_index(drop=True)
