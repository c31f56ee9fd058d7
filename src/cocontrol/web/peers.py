"""同类城市比较 on the 协同度评价 page: the annual report's peer evaluation, within the viewer's scope.

The numbers are those of :mod:`cocontrol.reports.peers`: the synergy layer run once on every
region of the workspace with activity data (one panel: common min–max normalisation and common
weights, ``gather(..., layers=(…, "peers"))``), read with :func:`~cocontrol.reports.peers.peer_ranking`.
That evaluation computes an inventory per city, so it is a background job of its own
(:data:`PEERS` in place of a region in the :class:`~cocontrol.web.refresh.Refresher` key,
computed by :func:`peer_results`), shared by every region and user.

Region scoping: the page lists only the cities the viewer may see (:meth:`Viewer.sees`). Their
rank stays the rank among all n cities of the panel (共n个城市), so it equals the report's;
a city outside the scope is never named and none of its values is shown (the reading sentence
and the contribution table then name only the viewer's own cities, and give no gap to a hidden
leader).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cocontrol.data.names import label
from cocontrol.reports.peers import NOTE, PeerRanking, peer_ranking
from cocontrol.reports.workspace import Results, Workspace, gather, peer_regions
from cocontrol.web import charts

PEERS = "同类城市比较"
"""Refresher key 'region' of the peer evaluation (a label in the 正在重新计算 banner, not a region)."""

HIDDEN = "权限范围外城市"


def peer_results(ws: Workspace, year: int, progress: Callable[[str], None] | None = None) -> Results:
    """The peer evaluation of ``ws``: :func:`gather` with the inventory and ``peers`` layers for
    the first region with activity data (``peers`` covers every region with data, so which one
    anchors it does not matter). ``peers`` is None with one city (``peer_regions`` then names it)
    or with none (a gap)."""
    regions = peer_regions(ws)
    if not regions:
        return Results(region=PEERS, year=year, plans=[],
                       gaps={"peers": "同类城市比较：工作区中没有任何城市的活动水平数据"})
    return gather(regions[0], year, ws, progress=progress, layers=("inventory", "peers"))


def _anchor(res: Results, region: str, year: int, sees: Callable[[str], bool]) -> str | None:
    """``region`` when it is ranked up to ``year``, else the visible city ranked latest (to read
    the table of that year), else None."""
    ranking = res.peers.ranking
    ranked = ranking[ranking["year"] <= year] if ranking is not None else ranking
    if ranked is None or ranked.empty:
        return None
    if region in set(ranked["region"]):
        return region
    mine = ranked[ranked["region"].map(lambda r: sees(str(r)))]
    if mine.empty:
        return None
    return str(mine.sort_values(["year", "rank", "region"], ascending=[False, True, True]).iloc[0]["region"])


def peer_view(res: Results, region: str, year: int, sees: Callable[[str], bool],
              standing: Callable[[str], PeerRanking | None] | None = None, lang: str = "zh") -> dict[str, Any]:
    """What the page shows (JSON-ready). ``state``: ``ranked`` (a ranking of the visible cities,
    ``current`` says whether ``region`` is among them), ``single`` (one city has data: said
    instead of ranking), ``none`` (no visible city is ranked) or ``gap`` (``message`` says why).
    ``standing(anchor)`` gives :func:`peer_ranking` for an anchor city (memoised by the caller)."""
    get = standing or (lambda anchor: peer_ranking(res.peers, anchor, year))
    view: dict[str, Any] = {"state": "gap", "message": "", "year": year, "n": 0, "rows": [], "dimensions": [],
                            "components": [], "reading": "", "note": "", "chart": None, "current": False}
    if res.peers is None:
        only = res.peer_regions
        if len(only) == 1 and "peers" not in res.gaps:
            name = only[0] if sees(only[0]) else "一个城市"
            view.update(state="single", message=f"工作区中仅有{name}一个城市有排放与统计数据，不作同类城市排名；"
                                                 "其他城市数据接入后将给出排名。")
        else:  # why: the peer layer's gap (with the inventory's when that stopped it), or still computing
            why = [res.gaps[k] for k in ("peers", "inventory") if k in res.gaps]
            view["message"] = "；".join(why) or res.gaps.get("refresh", "同类城市比较尚未计算")
        return view
    anchor = _anchor(res, region, year, sees)
    p = get(anchor) if anchor else None
    if p is None:
        view.update(state="none", message=f"{year}年及以前，您权限范围内没有参与同类城市排名的城市（需有完整的协同度指标值）。")
        return view
    view.update(year=p.year, n=p.n, current=p.region == region)
    if p.n < 2:
        view.update(state="single", message=f"{p.year}年仅有{p.region}一个城市有完整的协同度指标值，不作同类城市排名。")
        return view
    dims = [c for c in p.cities.columns if c not in ("rank", "region", "index")]
    visible = p.cities[p.cities["region"].map(lambda r: sees(str(r)))]
    view.update(
        state="ranked", dimensions=dims, hidden=p.n - len(visible),
        rows=[{"rank": int(r["rank"]), "region": str(r["region"]), "index": float(r["index"]),
               "scores": {d: float(r[d]) for d in dims}, "current": r["region"] == region}
              for _, r in visible.iterrows()],
        note=NOTE.format(n=p.n) + "维度得分为维度内指标标准化值的加权和（0–1）。",
        chart=charts.stacked_ranking(
            {r: p.parts[r] for r in visible["region"] if r in p.parts},
            (f"同类城市减污降碳协同度综合指数（{p.year}年）", f"Synergy index of peer cities ({p.year})")[lang == "en"],
            ("指数点", "index points")[lang == "en"],
            highlight=region, ranks=dict(zip(visible["region"], visible["rank"].astype(int), strict=True)),
            rank_text=("第{}名 ", "#{} ")[lang == "en"],
            display={n: label(k, n, lang) for k in ("region", "synergy") for n in [*p.parts, *dims]
                   if label(k, n, lang) != n}),
    )
    if view["current"]:
        full = len(visible) == p.n
        view["reading"] = (p.reading if full else scoped_reading(p, list(visible["region"]))) + (
            f"（{year}年指标数据尚未齐全，采用有完整指标的最近年份{p.year}年。）" if p.year < year else "")
        view["components"] = [
            {"name_zh": str(c["name_zh"]), "dimension": str(c["dimension"]), "weight": float(c["weight"]),
             "contribution": float(c["contribution"]), "rank": int(c["rank"]),
             "best_region": str(c["best_region"]) if sees(str(c["best_region"])) else HIDDEN,
             "gap_to_best": float(c["gap_to_best"]) if sees(str(c["best_region"])) else None}
            for _, c in p.components.dropna(subset=["contribution"]).iterrows()]
    return view


def scoped_reading(p: PeerRanking, visible: list[str]) -> str:
    """The reading of :func:`cocontrol.reports.peers.reading` without the cities outside the
    viewer's scope: rank among all n cities, dimension ranks, strongest and weakest indicator by
    rank (chosen by the report's rule: best rank, ties by the largest margin; worst rank, ties by
    the largest shortfall), and no name or value of a hidden city."""
    me = p.cities[p.cities["region"] == p.region].iloc[0]
    text = (f"{p.year}年，{p.region}减污降碳协同度综合指数为{me['index']:.1f}，在有数据的{p.n}个城市中"
            f"排名第{p.rank}（共{p.n}个城市）" + ("，居首位。" if p.rank == 1 else "。"))
    if p.dimension_ranks:
        text += "分维度看，" + "、".join(f"{k}排名第{v}" for k, v in p.dimension_ranks.items()) + "。"
    comp = p.components.dropna(subset=["contribution"])
    if len(comp) >= 2:
        strong = comp.sort_values(["rank", "margin"], ascending=[True, False]).iloc[0]
        weak = comp.sort_values(["rank", "margin"], ascending=[False, True]).iloc[0]
        text += (f"分指标看，相对最强的是“{strong['name_zh']}”（排名第{int(strong['rank'])}），"
                 f"相对最弱的是“{weak['name_zh']}”（排名第{int(weak['rank'])}）。")
    return text + f"（表中仅列出您权限范围内的城市：{'、'.join(visible)}。）"
