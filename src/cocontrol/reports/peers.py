"""同类城市比较: where the report's city stands among the cities with data on the 协同度 index.

The synergy layer is run once on every region of the workspace with data (one panel: common
min–max normalisation and common weights, :func:`cocontrol.synergy.evaluate`), and its
ranking with contributions (:func:`cocontrol.synergy.rank_regions`) is read for the report's
city in the latest year up to the report year in which the city has an index:

* rank on the composite index (1 = highest; ties share the best rank) among the n cities
  ranked that year, and rank on each dimension score (目标协同, 路径协同 …);
* per indicator j: the city's contribution 100·W_j·x'_ij (index points; contributions sum to
  the index), its rank among the n cities, the best city and the gap to it;
* strongest component: best indicator rank, ties broken by the largest margin over the best
  other city (contribution − the others' maximum); weakest: worst rank, ties broken by the
  largest shortfall.

With fewer than two cities ranked the section says so instead of ranking.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from cocontrol.reports import charts
from cocontrol.reports.model import Column, Figure, Section, Table
from cocontrol.reports.workspace import Results

TITLE = "同类城市比较"


@dataclass(frozen=True)
class PeerRanking:
    """The report city's standing among the cities ranked in ``year``."""

    region: str
    year: int
    rank: int
    n: int
    cities: pd.DataFrame       # rank, region, index, <dimension name> … (sorted by rank)
    dimension_ranks: dict[str, int]
    components: pd.DataFrame   # name_zh, dimension, weight, contribution, rank, best_region, gap_to_best, margin
    parts: dict[str, dict[str, float]]  # region → dimension name → index points (for the chart)
    reading: str


def _dimension_names(result: Any) -> dict[str, str]:
    """Dimension id → Chinese name, from the indicator system the result was computed with."""
    from cocontrol.synergy import load_system

    names = dict(load_system().dimensions)
    dims = list(dict.fromkeys(result.weights["dimension"])) if "dimension" in result.weights else []
    return {d: names.get(d, d) for d in dims}


def peer_ranking(result: Any, region: str, year: int,
                 dimension_names: dict[str, str] | None = None) -> PeerRanking | None:
    """The standing of ``region`` (see the module docstring), or ``None`` when it has no index
    in any year up to ``year``. ``result`` has the :class:`cocontrol.synergy.SynergyResult`
    tables ``index``, ``ranking``, ``contributions`` and ``weights``."""
    ranking = result.ranking
    if ranking is None or ranking.empty:
        return None
    mine = ranking[(ranking["region"] == region) & (ranking["year"] <= year)]
    if mine.empty:
        return None
    y = int(mine["year"].max())
    names = dimension_names if dimension_names is not None else _dimension_names(result)
    ranked = ranking[ranking["year"] == y].sort_values(["rank", "region"])
    scores = result.index[result.index["year"] == y].set_index("region")
    cities = ranked[["rank", "region", "index"]].reset_index(drop=True)
    dimension_ranks = {}
    for dim, name in names.items():
        if dim in scores.columns:
            cities[name] = cities["region"].map(scores[dim]).astype(float)
            ranks = cities[name].rank(ascending=False, method="min").astype(int)
            dimension_ranks[name] = int(ranks[cities["region"] == region].iloc[0])
    contrib = result.contributions[result.contributions["year"] == y]
    components = _components(contrib, result.weights, region, names)
    parts = {r: {names.get(d, d): float(v) for d, v in g.groupby("dimension")["contribution"].sum().items()}
             for r, g in contrib.merge(result.weights[["indicator", "dimension"]], on="indicator")
             .groupby("region")}
    order = [n for n in names.values()]
    parts = {r: {n: parts[r][n] for n in order if n in parts[r]} for r in cities["region"] if r in parts}
    rank = int(mine.loc[mine["year"] == y, "rank"].iloc[0])
    standing = PeerRanking(region, y, rank, len(cities), cities, dimension_ranks, components, parts, "")
    return replace(standing, reading=reading(standing))


def _components(contrib: pd.DataFrame, weights: pd.DataFrame, region: str,
                names: dict[str, str]) -> pd.DataFrame:
    c = contrib[["region", "indicator", "contribution"]].copy()
    c["rank"] = c.groupby("indicator")["contribution"].rank(ascending=False, method="min").astype(int)
    best = c.sort_values(["contribution", "region"], ascending=[False, True]).drop_duplicates("indicator")
    others_max = c[c["region"] != region].groupby("indicator")["contribution"].max()
    own = c[c["region"] == region].set_index("indicator")
    w = weights.set_index("indicator")
    out = pd.DataFrame({
        "name_zh": w["name_zh"].reindex(own.index),
        "dimension": w["dimension"].reindex(own.index).map(lambda d: names.get(d, d)),
        "weight": w["weight"].reindex(own.index).astype(float),
        "contribution": own["contribution"].astype(float),
        "rank": own["rank"],
        "best_region": best.set_index("indicator")["region"].reindex(own.index),
        "gap_to_best": best.set_index("indicator")["contribution"].reindex(own.index) - own["contribution"],
        "margin": own["contribution"] - others_max.reindex(own.index),
    })
    order = list(w.index)
    return out.loc[[i for i in order if i in out.index]]


def _points(v: float) -> str:
    return f"{abs(v):.2f}个指数点"


def reading(p: PeerRanking) -> str:
    """One paragraph: 排名第x / 共n个城市, the dimensions, the strongest and weakest indicator."""
    me = p.cities[p.cities["region"] == p.region].iloc[0]
    head = p.cities.iloc[0]
    text = (f"{p.year}年，{p.region}减污降碳协同度综合指数为{me['index']:.1f}，在有数据的"
            f"{'、'.join(p.cities['region'])}中排名第{p.rank}（共{p.n}个城市）")
    if p.rank == 1:
        text += "，居首位。"
    else:
        text += f"，首位为{head['region']}（{head['index']:.1f}），本市低{head['index'] - me['index']:.1f}。"
    if p.dimension_ranks:
        text += "分维度看，" + "、".join(f"{k}排名第{v}" for k, v in p.dimension_ranks.items()) + "。"
    comp = p.components.dropna(subset=["contribution"])
    if len(comp) >= 2:
        strong = comp.sort_values(["rank", "margin"], ascending=[True, False]).iloc[0]
        weak = comp.sort_values(["rank", "margin"], ascending=[False, True]).iloc[0]
        lead = (f"领先其余城市最好水平{_points(strong['margin'])}" if strong["margin"] > 0
                else f"落后于{strong['best_region']}{_points(strong['gap_to_best'])}" if strong["gap_to_best"] > 0
                else "与最好水平持平")
        text += (f"分指标看，相对最强的是“{strong['name_zh']}”（排名第{int(strong['rank'])}，{lead}），"
                 f"相对最弱的是“{weak['name_zh']}”（排名第{int(weak['rank'])}，"
                 + (f"落后于{weak['best_region']}{_points(weak['gap_to_best'])}）。" if weak["gap_to_best"] > 0
                    else "与最好水平持平）。"))
    return text


NOTE = ("同类城市比较将{n}个城市的数据合并为一个面板，统一标准化并统一赋权后计算，"
        "综合指数与上一部分（仅用本市历年数据）的数值口径不同，不宜直接对比。"
        "指标贡献 = 100 × 权重 × 标准化值（指数点），各指标贡献之和等于综合指数。")


def peer_section(res: Results) -> Section:
    """The 同类城市比较 section of the annual report (a ranking, or why there is none)."""
    sec = Section(TITLE)
    regions = res.peer_regions
    if res.peers is None:
        if len(regions) == 1 or (not regions and "peers" not in res.gaps and res.emissions is not None):
            sec.add(f"工作区中仅有{res.region}一个城市有排放与统计数据，不作同类城市排名；"
                    "其他城市数据接入后将给出排名。")
        else:
            sec.add(f"本节数据暂缺：{res.gaps.get('peers', '同类城市协同评价未计算')}。")
        return sec
    p = peer_ranking(res.peers, res.region, res.year)
    if p is None:
        sec.add(f"本节数据暂缺：{res.region}{res.year}年及以前没有完整的协同度指标值，无法参与同类城市排名。")
        return sec
    if p.n < 2:
        sec.add(f"{p.year}年仅有{res.region}一个城市有完整的协同度指标值，不作同类城市排名。")
        return sec
    sec.add(p.reading + (f"（{res.year}年指标数据尚未齐全，采用有完整指标的最近年份{p.year}年。）"
                         if p.year < res.year else ""))
    dims = [c for c in p.cities.columns if c not in ("rank", "region", "index")]
    sec.add(Table(
        f"同类城市减污降碳协同度综合指数排名（{p.year}年）",
        [Column("排名"), Column("城市"), Column("综合指数", None, 1), *(Column(d, None, 3) for d in dims)],
        [[int(r["rank"]), str(r["region"]), float(r["index"]), *(float(r[d]) for d in dims)]
         for _, r in p.cities.iterrows()],
        note=NOTE.format(n=p.n) + "维度得分为维度内指标标准化值的加权和（0–1）。",
        source="本平台同类城市面板（协同度综合指数与区域排名）", sheet="同类城市排名"))
    sec.add(Figure(charts.ranking_chart(p.parts, f"同类城市减污降碳协同度综合指数（{p.year}年）",
                                        "综合指数（按维度分解，指数点）", highlight=res.region),
                   f"同类城市减污降碳协同度综合指数及维度构成（{p.year}年）", width_cm=13.0))
    c = p.components
    sec.add(Table(
        f"{res.region}协同度各指标贡献与同类城市比较（{p.year}年）",
        [Column("指标"), Column("维度"), Column("权重", None, 3), Column("本市贡献", "指数点", 2),
         Column(f"本市排名（共{p.n}个）"), Column("该指标首位城市"), Column("与首位差距", "指数点", 2)],
        [[str(r["name_zh"]), str(r["dimension"]), float(r["weight"]), float(r["contribution"]),
          int(r["rank"]), str(r["best_region"]), float(r["gap_to_best"])] for _, r in c.iterrows()],
        sheet="同类城市指标比较"))
    return sec
