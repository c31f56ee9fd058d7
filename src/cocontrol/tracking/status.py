"""Status of every target (目标完成情况研判): achieved, on track, at risk, off track, no data.

Method (all targets at once, vectorised; :func:`assess`):

1. **Measure.** Each numeric target is judged on one series per target:

   * levels (``>=``, ``<=``, ``=``): the reported level in the target's unit;
   * ``reduce_by``/``increase_by`` r % against base year B: an *index* with B = 100, from
     reported levels (``100·x_t/x_B``) or from reported changes in % (``100·(1 ∓ c_t/100)``);
     the target is the index ``100·(1 ∓ r/100)``;
   * annual rates (年平均下降3%, ``annual_rate``): the same index, target
     ``100·(1 ∓ r/100)^(Y−B)``; reported yearly changes are chained
     (``∏(1 ∓ c_s/100)``) and a missing year stops the chain (the reason names it).

   Cumulative ``[ ]`` targets are changes over the plan period and follow the same rule.
   B is ``base_year``, else ``baseline_year``, else the year before the plan period
   (十四五 → 2020). The plan's baseline value
   (``baseline_value`` in ``baseline_year``) is a point of level series; when it is the latest
   point a status was judged from, ``latest_basis`` is ``baseline`` and the reason says
   基期值 (a baseline counts as data only when shown as such).
2. **Path** (进度要求) from the start (baseline or first observation, x₀ in year y₀) to the
   target T in year Y: linear for levels ``x₀ + (T−x₀)(t−y₀)/(Y−y₀)``; geometric for changes
   and rates ``100·(T/100)^((t−B)/(Y−B))`` (a constant yearly rate).
3. **Forecast** to Y with :func:`cocontrol.tracking.forecast.trend` (linear for levels,
   log-linear for changes and rates; 90 % interval).
4. **Status**, with D = |T − x₀| the change the plan asks for (at least 1 % of |T|):

   * ``achieved`` 已完成 — the latest value meets the target (in or after the target year,
     or already before it);
   * ``on_track`` 进度正常 — the forecast meets the target and the latest value lags the
     path by at most 10 % of D;
   * ``at_risk`` 存在风险 — the forecast misses by at most 25 % of D, or it meets the target
     but the latest value lags the path by more than 10 % of D; also a single observation
     that does not meet the target (no trend can be judged);
   * ``off_track`` 严重滞后 — the forecast misses by more than 25 % of D, or the target year
     has passed and the value in it does not meet the target;
   * ``no_data`` 无数据 — no usable observation up to ``as_of`` (or, for changes reported as
     levels, none in the base year).

   "Meets" uses a tolerance: 5 % of |T| for 左右/约 (``approx``) targets (5 % of the needed
   change for change targets), 0.5 % of |T| for targets judged ``=``, none otherwise.
5. **Qualitative** targets (完成上级分解任务 …), and numeric targets without any numeric
   observation, take the latest reported judgement
   (完成/进展正常/存在风险/未完成, see ``observations.JUDGEMENTS``); a judgement for the
   target year (or any after ``as_of`` passed it) that is not 完成 is off track.

**Judged relation** (判定口径, :func:`judged_relations`). The extractor marks bare numbers
("建成90座充电站", "新增光伏装机50万千瓦") ``=`` (annotation convention,
``tests/plans/gold/README.md``), but a city that builds 95 stations has not missed the target.
A numeric ``=`` target is judged by its meaning, read from the clause of its ``quote`` that
holds the number (when the targets frame has a ``quote`` column) and its indicator name:
limit wording (控制在, 降至, 不超过, 以内 …) → ``<=``; floor wording (以上, 不低于, 不少于 …)
→ ``>=``; wording of a level to hold (稳定在,
保持, 维持 …) → ``=`` (two-sided); quantities to build, add, complete, reach or cut (建成,
新增, 完成, 达到, 累计, 新建, 推广, 植树, 创建, 修复, 关停, 下降, 削减 …; a reduction stated as
an amount or a % cut is met by at least that amount), a cumulative ``[ ]`` value, or a unit
of count, area, length or capacity (座, 个, 万亩, 万千瓦 …) → ``>=``; otherwise ``=``. Every
other relation is judged as written. The output keeps ``relation`` and adds
``judged_relation``, ``judged_label`` (不低于/不高于/等于 …) and ``relation_basis`` (why).

Displayed values are in the target's terms: levels as levels; changes as the cumulative
change in % since B; annual rates as the average yearly rate in % since B.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from cocontrol.errors import UnitError
from cocontrol.figures.targets import latest_display
from cocontrol.tracking.forecast import trend
from cocontrol.tracking.observations import JUDGEMENTS, latest, validate_observations
from cocontrol.units import parse_unit

STATUS_LABELS = {
    "achieved": "已完成",
    "on_track": "进度正常",
    "at_risk": "存在风险",
    "off_track": "严重滞后",
    "no_data": "无数据",
}

ON_TRACK_LAG = 0.10
"""Largest lag behind the path, as a share of the needed change, still called on track."""
AT_RISK_SHORTFALL = 0.25
"""Largest forecast shortfall, as a share of the needed change, still called at risk."""
APPROX_TOLERANCE = 0.05
EQ_TOLERANCE = 0.005

RELATION_LABELS = {">=": "不低于", "<=": "不高于", "=": "等于", "reduce_by": "下降",
                   "increase_by": "增长"}
LIMIT_WORDS = ("控制在", "降至", "降到", "下降到", "下降至", "降低到", "降低至", "压减到", "压减至",
               "削减到", "削减至", "减少到", "减少至", "不超过", "不高于", "不大于", "以内", "以下")
"""Wording of a ceiling: the value may not be exceeded (judged ``<=``)."""
FLOOR_WORDS = ("以上", "不低于", "不少于", "超过", "至少", "突破")
"""Wording of a floor (judged ``>=``), e.g. 稳定在70%以上."""
HOLD_WORDS = ("稳定在", "保持在", "维持在", "保持", "维持", "稳定")
"""Wording of a level to hold: a genuine equality (judged ``=``, two-sided)."""
AT_LEAST_WORDS = (
    "建成", "新建", "建设", "新增", "完成", "达到", "累计", "推广", "植树", "造林", "种植", "播撒",
    "创建", "培育", "打造", "开展", "实施", "修复", "改造", "治理", "关停", "淘汰", "安装", "配建",
    "扩展", "覆盖", "新能源化", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至",
    "下降", "降低", "削减", "压减", "减少",
)
"""Quantities to build, add, complete, reach or cut (judged ``>=``: more is not a miss)."""
AT_LEAST_DIMENSIONS = ("[item]", "[length] ** 2", "[length]", "[mass] * [length] ** 2 / [time] ** 3")
"""Units of a count, area, length or capacity (座, 万亩, 公里, 万千瓦): a bare number is a minimum."""
NOT_VERBS = ("建成区", "建设用地", "完成率", "完成情况", "及以上", "及以下")
"""Phrases that contain a rule word but state no quantity or side (城市建成区, 市级及以上)."""
_CLAUSE = re.compile(r"[，,；;。！!？?]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

STATUS_COLUMNS = [
    "target_id", "plan_id", "region", "indicator", "target_year", "target_value", "unit",
    "relation", "judged_relation", "judged_label", "relation_basis", "measure", "base_year",
    "latest_year", "latest_value", "latest_text", "latest_basis", "required_value_now", "status", "status_label", "forecast", "forecast_low",
    "forecast_high", "forecast_method", "n_points", "reason", "responsible", "task",
]


def _clause(quote: str, value: float) -> str:
    """The clause (between ，；。) of ``quote`` that holds the number, else the whole quote."""
    for part in _CLAUSE.split(re.sub(r"\s+", "", quote)):
        if any(float(n) == value for n in _NUMBER.findall(part)):
            return part
    return quote


@lru_cache(maxsize=256)
def _unit_is_amount(unit: str | None) -> bool:
    try:
        dims = str(parse_unit(unit).dimensionality) if unit else ""
    except UnitError:
        return False
    return dims in AT_LEAST_DIMENSIONS


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


_RULES = ((_words(LIMIT_WORDS), "<=", "限值目标"), (_words(FLOOR_WORDS), ">=", "下限目标"),
          (_words(HOLD_WORDS), "=", f"保持类目标，两侧容差±{EQ_TOLERANCE:.1%}"))
_AT_LEAST = _words(AT_LEAST_WORDS)
_NOT_VERBS = _words(NOT_VERBS)


def judge_relation(relation: str, value: float | None, indicator: str, unit: str | None,
                   quote: str = "", cumulative: bool = False) -> tuple[str, str]:
    """(judged relation, basis) of one target — see "Judged relation" in the module docstring.

    Only a numeric ``=`` target is re-read; the first rule that applies decides, in this order:
    limit wording in the clause → ``<=``; floor wording (以上, 不低于) → ``>=``; hold wording
    in the clause → ``=``; build/complete/cut wording in the clause, then in the indicator →
    ``>=``; cumulative → ``>=``; a count, area, length or capacity unit → ``>=``; else ``=``.
    Within a rule the word written first in the text is named.
    """
    if relation != "=" or value is None or pd.isna(value):
        return relation, ""
    clause = _NOT_VERBS.sub("…", _clause(quote or "", value))
    for pattern, judged, why in _RULES:
        found = pattern.search(clause)
        if found:
            return judged, f"原文“{found.group()}”，{why}"
    for text, where in ((clause, "原文"), (_NOT_VERBS.sub("…", indicator or ""), "指标名称")):
        found = _AT_LEAST.search(text)
        if found:
            return ">=", f"{where}含“{found.group()}”，建设、完成或削减类数量目标"
    if cumulative:
        return ">=", "累计值目标"
    if _unit_is_amount(unit):
        return ">=", f"单位“{unit}”为数量或规模"
    return "=", f"未见方向用语，两侧容差±{EQ_TOLERANCE:.1%}"


def judged_relations(targets: pd.DataFrame) -> pd.DataFrame:
    """``judged_relation``, ``judged_label`` and ``relation_basis`` of every target row
    (:func:`judge_relation`; the ``quote`` column is used when present)."""
    n = len(targets)
    relation = targets["relation"].astype(str).tolist()
    quotes = targets["quote"].tolist() if "quote" in targets.columns else [""] * n
    cumulative = targets["cumulative"].tolist() if "cumulative" in targets.columns else [False] * n
    values, indicators, units = (targets[c].tolist() for c in ("target_value", "indicator", "unit"))
    rows = [judge_relation(r, v, i if isinstance(i, str) else "", u if isinstance(u, str) else None,
                           q if isinstance(q, str) else "", c is True or (isinstance(c, bool | np.bool_) and bool(c)))
            if r == "=" else (r, "")
            for r, v, i, u, q, c in zip(relation, values, indicators, units, quotes, cumulative, strict=True)]
    out = pd.DataFrame(rows, columns=["judged_relation", "relation_basis"], index=targets.index)
    out.insert(1, "judged_label", out["judged_relation"].map(RELATION_LABELS))
    return out


def _annual_rows(obs: pd.DataFrame, as_of: int) -> pd.DataFrame:
    """Rows up to ``as_of``; per target and year the annual row, else the latest month."""
    obs = obs[obs["year"].notna() & (obs["year"].astype(int) <= as_of)].copy()
    obs["year"] = obs["year"].astype(int)
    month = obs["month"] if "month" in obs.columns else pd.Series(pd.NA, index=obs.index)
    obs["_m"] = pd.to_numeric(month, errors="coerce").fillna(13)
    obs = obs.sort_values(["target", "year", "_m"], kind="stable")
    return obs.drop_duplicates(["target", "year", "kind"], keep="last")


def _prepare(targets: pd.DataFrame, observations: pd.DataFrame, as_of: int) -> pd.DataFrame:
    obs = observations
    if obs is None or obs.empty:
        return pd.DataFrame(columns=["target", "year", "value", "value_text", "kind", "month"])
    if "kind" not in obs.columns:
        obs = validate_observations(obs, targets, strict=False)
    obs = latest(obs)
    if "plan" not in obs.columns:
        obs = obs.assign(plan=None)
    obs = obs.assign(target=_key(obs["plan"], obs["target"], targets))
    obs = obs[obs["target"].isin(_key(targets["plan_id"], targets["target_id"]))]
    return _annual_rows(obs, as_of)


SEP = "\x1f"


def _key(plan: pd.Series, target: pd.Series, targets: pd.DataFrame | None = None) -> pd.Series:
    """Internal key ``plan SEP target`` (ids like T001 repeat across plans).

    An observation without a plan takes the plan of its target id when that id is unique.
    """
    plans = [None if na else str(x) for x, na in zip(plan.tolist(), plan.isna().tolist(), strict=True)]
    ids = [str(x) for x in target.tolist()]
    if targets is not None:
        counts = targets["target_id"].astype(str).value_counts()
        owner = dict(zip(targets["target_id"].astype(str).tolist(), targets["plan_id"].astype(str).tolist(),
                         strict=True))
        plans = [p if p is not None or counts.get(i, 0) != 1 else owner[i]
                 for p, i in zip(plans, ids, strict=True)]
    return pd.Series([f"{p}{SEP}{i}" for p, i in zip(plans, ids, strict=True)], index=plan.index,
                     dtype=object)


def _target_params(t: pd.DataFrame) -> pd.DataFrame:
    rel = t["relation"].astype(str)
    annual = t["annual_rate"].fillna(False).astype(bool)
    change = rel.isin(["reduce_by", "increase_by"])
    p = pd.DataFrame(index=t["target_id"])
    p["measure"] = np.where(change & annual, "annual_rate", np.where(change, "change", "level"))
    p["direction"] = rel.map({">=": 1, "increase_by": 1, "<=": -1, "reduce_by": -1, "=": 0}
                             ).fillna(0).to_numpy()
    p["Y"] = t["target_year"].astype("float").to_numpy()
    start = (t["period_start"].astype("float") - 1) if "period_start" in t.columns else np.nan
    base = t["base_year"].astype("float").fillna(t["baseline_year"].astype("float")).fillna(start)
    p["B"] = base.to_numpy()
    p["T_raw"] = t["target_value"].to_numpy(dtype=float)
    p["approx"] = t["approx"].fillna(False).astype(bool).to_numpy()
    p["x0_plan"] = t["baseline_value"].to_numpy(dtype=float)
    p["y0_plan"] = t["baseline_year"].astype("float").to_numpy()
    r = p["T_raw"] / 100 * np.where(p["direction"] > 0, 1, -1)
    p["T"] = np.where(p["measure"] == "level", p["T_raw"],
                      np.where(p["measure"] == "change", 100 * (1 + r),
                               100 * (1 + r) ** (p["Y"] - p["B"])))
    return p


def _series(p: pd.DataFrame, obs: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Points (key, year, y) in measure space, and a note per target (missing base/years)."""
    notes = pd.Series("", index=p.index, dtype=object)

    def base(targets: pd.Series) -> pd.Series:
        return targets.map(p["B"]).astype(float)

    num = obs[obs["kind"].isin(["level", "change"]) & obs["value"].notna()]
    num = num.assign(measure=num["target"].map(p["measure"]))
    # levels
    lv = num[(num["measure"] == "level") & (num["kind"] == "level")][["target", "year", "value"]]
    plan_base = p[(p["measure"] == "level") & p["x0_plan"].notna() & p["y0_plan"].notna()]
    base_pts = pd.DataFrame({"target": plan_base.index, "year": plan_base["y0_plan"].astype(int),
                             "value": plan_base["x0_plan"]})
    base_pts = base_pts[~base_pts.set_index(["target", "year"]).index.isin(
        lv.set_index(["target", "year"]).index)]
    levels = pd.concat([lv, base_pts], ignore_index=True)
    # changes from levels: index = 100·x_t/x_B
    ch = num[num["measure"] != "level"]
    chl = ch[ch["kind"] == "level"]
    b_of = base(chl["target"])
    xb = chl[chl["year"] == b_of].set_index("target")["value"]
    chl = chl[chl["target"].isin(xb.index) & (chl["year"] >= base(chl["target"]))]
    from_levels = pd.DataFrame({"target": chl["target"], "year": chl["year"],
                                "value": 100 * chl["value"] / chl["target"].map(xb).astype(float)})
    use_levels = set(xb.index)
    # changes reported in %
    chc = ch[(ch["kind"] == "change") & ~ch["target"].isin(use_levels)].copy()
    sign = np.where(chc["target"].map(p["direction"]).astype(float) > 0, 1.0, -1.0)
    chc["f"] = (1 + sign * chc["value"].astype(float) / 100).astype(float)
    cum = chc[chc["target"].map(p["measure"]) == "change"]
    ann = chc[chc["target"].map(p["measure"]) == "annual_rate"].sort_values(["target", "year"])
    ann = ann[ann["year"] > base(ann["target"])]
    expected = base(ann["target"]) + ann.groupby("target").cumcount() + 1
    broken = ann["year"] != expected
    gap_first = expected[broken].groupby(ann.loc[broken, "target"]).min()
    notes.loc[gap_first.index] = [f"缺少{int(y)}年数据，此后的年度变化未计入；" for y in gap_first]
    ann = ann[~broken.groupby(ann["target"]).cummax()]
    ann_idx = 100 * ann.groupby("target")["f"].cumprod()
    from_changes = pd.concat([
        pd.DataFrame({"target": cum["target"], "year": cum["year"], "value": 100 * cum["f"]}),
        pd.DataFrame({"target": ann["target"], "year": ann["year"], "value": ann_idx}),
    ], ignore_index=True)
    has_change = set(from_changes["target"])
    base100 = p[(p["measure"] != "level") & p.index.isin(use_levels | has_change) & p["B"].notna()]
    base_rows = pd.DataFrame({"target": base100.index, "year": base100["B"].astype(int),
                              "value": 100.0})
    idx = pd.concat([from_levels, from_changes, base_rows], ignore_index=True)
    idx = idx.drop_duplicates(["target", "year"], keep="first")
    no_base = p[(p["measure"] != "level") & ~p.index.isin(use_levels | has_change)]
    missing_base = no_base.index[no_base.index.isin(ch["target"]) & ~no_base.index.isin(gap_first.index)]
    notes.loc[missing_base] = [
        f"缺少基准年{int(b)}年数据，无法计算变化；" if pd.notna(b) else "目标未写明基准年，无法计算变化；"
        for b in p.loc[missing_base, "B"]]
    pts = pd.concat([levels, idx], ignore_index=True).rename(columns={"target": "key", "value": "y"})
    pts["year"] = pts["year"].astype(int)
    return pts.dropna(subset=["y"]), notes


def _meets(v: np.ndarray, T: np.ndarray, d: np.ndarray, tol: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.where(d > 0, v >= T - tol, np.where(d < 0, v <= T + tol, np.abs(v - T) <= tol))


def _display(p: pd.DataFrame, v: pd.Series | np.ndarray, year: pd.Series | np.ndarray) -> np.ndarray:
    """Measure-space value → target terms (level; % change since B; average yearly rate)."""
    v = np.asarray(v, dtype=float)
    year = np.asarray(year, dtype=float)
    sign = np.where(p["direction"].to_numpy() > 0, 1.0, -1.0)
    span = year - p["B"].to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        change = sign * (v / 100 - 1) * 100
        rate = sign * (np.power(v / 100, 1 / np.where(span > 0, span, np.nan)) - 1) * 100
    m = p["measure"].to_numpy()
    return np.where(m == "level", v, np.where(m == "change", change, rate))


def assess(targets: pd.DataFrame, observations: pd.DataFrame, *, as_of: int) -> pd.DataFrame:
    """Status, path, forecast and reason for every target (see the module docstring).

    ``targets`` is :func:`cocontrol.tracking.targets_frame` output (any number of plans
    and regions); ``observations`` either validated (with ``kind``) or raw rows as read
    from a CSV — raw rows are validated here and bad ones left out
    (``result.attrs["problems"]``). Only values up to ``as_of`` count.
    """
    targets = targets.reset_index(drop=True)
    obs = _prepare(targets, observations, as_of)
    judged = judged_relations(targets)
    t = targets.assign(target_id=_key(targets["plan_id"], targets["target_id"]))
    p = _target_params(t.assign(relation=judged["judged_relation"]))
    pts, notes = _series(p, obs)
    pts = pts[pts["key"].isin(p.index) & (pts["year"] <= as_of)]  # a 2020 baseline does not judge 2019
    first_year = p["y0_plan"].where(p["measure"] == "level", p["B"])
    pts = pts[pts["year"] >= pts["key"].map(first_year).astype(float).fillna(-1)]
    numeric = p["T"].notna() & p["Y"].notna()
    log = pd.Series(p["measure"] != "level", index=p.index)
    fc = trend(pts, p["Y"].where(numeric, as_of), log=log)

    srt = pts.sort_values("year")
    first = srt.groupby("key").head(1).set_index("key").reindex(p.index)
    last = srt.groupby("key").tail(1).set_index("key").reindex(p.index)
    at_y = pts.merge(p["Y"].rename("Yt"), left_on="key", right_index=True)
    at_y = at_y[at_y["year"] == at_y["Yt"]].set_index("key")["y"].reindex(p.index).astype(float)

    T, d = p["T"].to_numpy(), p["direction"].to_numpy()
    x0 = np.where(p["measure"] == "level", first["y"], 100.0)
    y0 = np.where(p["measure"] == "level", first["year"], p["B"])
    Y = p["Y"].to_numpy()
    with np.errstate(invalid="ignore"):
        need = np.fmax(np.abs(T - x0), np.fmax(0.01 * np.abs(T), 1e-9))
    tol = np.where(p["approx"], APPROX_TOLERANCE * np.where(p["measure"] == "level", np.abs(T), need),
                   np.where(d == 0, EQ_TOLERANCE * np.abs(T) + 1e-9, 0.0))

    def path(year: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            frac = np.clip((year - y0) / (Y - y0), 0, 1)
            frac = np.where(y0 < Y, frac, 1.0)
            geo = 100 * np.power(np.abs(T) / 100, frac)
            return np.where(p["measure"] == "level", x0 + (T - x0) * frac, geo)

    x_l, t_l = last["y"].to_numpy(dtype=float), last["year"].to_numpy(dtype=float)
    F = fc["forecast"].to_numpy(dtype=float)
    req_last, req_now = path(t_l), path(np.full_like(T, float(as_of)))
    with np.errstate(invalid="ignore"):
        dist = lambda v: np.where(d == 0, np.abs(v - T), 0.0)  # noqa: E731
        shortfall = np.where(d == 0, np.abs(F - T) - tol, d * (T - F) - tol) / need
        lag = np.where(d == 0, dist(x_l) - dist(req_last), d * (req_last - x_l)) / need
    meets_now = _meets(x_l, T, d, tol)
    judged_at_y = np.where(~np.isnan(at_y.to_numpy()), at_y.to_numpy(), x_l)
    past = (as_of >= Y) & (t_l >= Y)
    n = fc["n"].to_numpy()
    has = ~np.isnan(x_l) & numeric.to_numpy()
    with np.errstate(invalid="ignore"):
        ok_lag, small = (shortfall <= 0) & (lag <= ON_TRACK_LAG), shortfall <= AT_RISK_SHORTFALL
    observed = set(zip(obs["target"], obs["year"].astype(int), strict=True)) if not obs.empty else set()
    baseline = ((p["measure"] == "level").to_numpy() & ~np.isnan(p["y0_plan"].to_numpy(dtype=float))
                & (t_l == p["y0_plan"].to_numpy(dtype=float))
                & np.array([(k, int(y)) not in observed if not np.isnan(y) else False
                            for k, y in zip(p.index, t_l, strict=True)], dtype=bool))
    status = np.select(
        [~has, past & _meets(judged_at_y, T, d, tol), past, meets_now,
         n == 1, ok_lag, small],
        ["no_data", "achieved", "off_track", "achieved", "at_risk", "on_track", "at_risk"],
        "off_track")

    out = pd.DataFrame({
        "target_id": t["target_id"], "plan_id": t["plan_id"], "region": t["region"],
        "indicator": t["indicator"], "target_year": t["target_year"],
        "target_value": t["target_value"], "unit": t["unit"], "relation": t["relation"],
        "judged_relation": judged["judged_relation"], "judged_label": judged["judged_label"],
        "relation_basis": judged["relation_basis"],
        "measure": p["measure"].to_numpy(), "base_year": p["B"].to_numpy(),
        "latest_year": pd.array(np.where(np.isnan(t_l), np.nan, t_l), dtype="Float64").astype("Int64"),
        "latest_value": _display(p, x_l, t_l), "latest_text": None,
        "latest_basis": np.where(baseline, "baseline", np.where(~np.isnan(x_l), "observed", "")),
        "required_value_now": _display(p, req_now, np.full_like(T, float(as_of))),
        "status": status,
    })
    fy = p["Y"].to_numpy()
    f_vals = [_display(p, fc[c].to_numpy(dtype=float), fy) for c in ("forecast", "low", "high")]
    # a share (a level in %: 覆盖率, 比重, 达标率 …) cannot leave 0–100 %: a steep trend's forecast
    # and its interval stop there (济南's 绿地率 25.9 → 31.45 % gave 70.3 (31.45–109.2) % for 2030)
    share = ((p["measure"] == "level").to_numpy() & (t["unit"].astype(str) == "%").to_numpy())
    f_vals = [np.where(share, np.clip(v, 0.0, 100.0), v) for v in f_vals]
    out["forecast"] = f_vals[0]
    out["forecast_low"] = np.fmin(f_vals[1], f_vals[2])
    out["forecast_high"] = np.fmax(f_vals[1], f_vals[2])
    out["forecast_method"] = fc["method"].to_numpy()
    out["n_points"] = n
    out["reason"] = _reasons(out, notes.to_numpy(), shortfall, lag, p["approx"].to_numpy(), as_of)
    out = _qualitative(out, t, obs, as_of)
    reread = ((t["relation"].astype(str) == "=") & (out["relation_basis"] != "")
              & ~out["status"].isin(["no_data"]) & (out["measure"] != "judgement"))
    out.loc[reread, "reason"] = (out.loc[reread, "reason"].fillna("") + "按“"
                                 + out.loc[reread, "judged_label"] + "”判定（"
                                 + out.loc[reread, "relation_basis"] + "）。")
    out["target_id"] = targets["target_id"].to_numpy()
    out["status_label"] = out["status"].map(STATUS_LABELS)
    out["responsible"] = t["responsible"]
    out["task"] = t["task"]
    blank = (out["status"] == "no_data") | (out["measure"] == "judgement")
    out.loc[blank, ["forecast", "forecast_low", "forecast_high", "required_value_now"]] = np.nan
    return out[STATUS_COLUMNS]


def _fmt(v: float, unit: object = None) -> str:
    """A value in a reason, written as the latest value beside it is
    (:func:`cocontrol.figures.targets.latest_display`: at most two decimals, thousands grouped) —
    so a row never reads 8.3% in one column and 8.333% in the next; a count of things (家, 个, 座 …)
    whole."""
    if pd.isna(v):
        return "—"
    if unit in COUNT_UNITS:
        return f"{v:,.0f}"
    return latest_display(v)


def _whole(v: float, unit: object, relation: object) -> float:
    """A required count is whole: rounded up for a count to reach (不低于, 达到), down for one
    to stay under (不高于) — 0.5 处 required means 1 处."""
    if unit not in COUNT_UNITS or pd.isna(v):
        return v
    return float(np.floor(v + 1e-9) if relation == "<=" else np.ceil(v - 1e-9))


COUNT_UNITS = frozenset({"个", "家", "座", "处", "项", "条", "台", "辆", "所", "户", "村", "艘", "套", "只", "次"})
"""Units of things counted one by one: their values, requirements and forecasts read whole."""


_OTHER_WAY = {"累计下降": "累计增长", "累计增长": "累计下降", "年均下降率": "年均增长率", "年均增长率": "年均下降率"}


def _turned(what: str, value: float, named: bool = True) -> str:
    """The direction word of a change (累计下降) — the other way's when the value went against
    the target (累计增长 6.6 %, never 累计下降 −6.6 %); for a forecast (``named=False``) a word
    only when it goes the other way."""
    if not what or pd.isna(value) or value >= 0:
        return what if named else ""
    return _OTHER_WAY[what]


def _reasons(out: pd.DataFrame, notes: np.ndarray, shortfall: np.ndarray, lag: np.ndarray,
             approx: np.ndarray, as_of: int) -> list[str]:
    text = []
    for i, r in enumerate(out.itertuples(index=False)):
        unit = "%" if r.measure != "level" else (r.unit or "")
        up = r.relation == "increase_by"
        what = {"change": "累计增长" if up else "累计下降",
                "annual_rate": "年均增长率" if up else "年均下降率"}.get(r.measure, "")
        pre = notes[i]
        if r.status == "no_data":
            if pd.isna(r.target_year):
                text.append("目标未写明目标年份，无法判断进度。")
            else:
                text.append(pre + f"截至{as_of}年无可用监测数据。" if not pre else pre.rstrip("；") + "。")
            continue
        gap = ""
        if r.latest_year < as_of:
            gap = (f"（缺少{as_of}年数据）" if r.latest_year == as_of - 1
                   else f"（缺少{r.latest_year + 1}–{as_of}年数据）")
        head = (f"{pre}基期值{_fmt(r.latest_value, unit)}{unit}（{r.latest_year}年，无{r.latest_year + 1}年以来监测值）"
                if r.latest_basis == "baseline" else
                f"{pre}{r.latest_year}年{_turned(what, r.latest_value)}{_fmt(abs(r.latest_value) if what else r.latest_value, unit)}"
                f"{unit}{gap}")
        ty = int(r.target_year) if pd.notna(r.target_year) else None
        tv = f"{_fmt(r.target_value, r.unit)}{r.unit or ''}" + ("左右" if approx[i] else "")
        if r.status == "achieved":
            text.append(f"{head}，已达到{ty}年目标{tv}。")
        elif r.status == "off_track" and ty is not None and ty <= as_of and r.latest_year >= ty:
            text.append(f"{head}，目标年已过，未达到目标{tv}。")
        elif r.n_points == 1:
            text.append(f"{head}，尚未达到目标{tv}，仅1个数据点，无法判断趋势。")
        else:
            ahead = "落后于" if lag[i] > 0 else "不落后于"
            text.append(
                f"{head}，{ahead}进度要求{_fmt(_whole(r.required_value_now, unit, r.judged_relation), unit)}"
                f"{unit}（{as_of}年）；"
                f"按趋势{ty}年预计{_turned(what, r.forecast, named=False)}"
                f"{_fmt(abs(r.forecast) if what and r.forecast < 0 else r.forecast, unit)}{unit}，"
                + ("可达到" if shortfall[i] <= 0 else "达不到") + f"目标{tv}。")
    return text


def _qualitative(out: pd.DataFrame, t: pd.DataFrame, obs: pd.DataFrame, as_of: int) -> pd.DataFrame:
    """Status of qualitative targets from the latest reported judgement (完成/未完成 …)."""
    judged = obs[obs["kind"] == "judgement"].sort_values("year").groupby("target").tail(1)
    judged = judged.set_index("target")
    qual_target = t["target_value"].isna()
    use = qual_target | ((out["status"] == "no_data") & t["target_id"].isin(judged.index))
    if not use.any():
        return out
    out = out.copy()
    ids = t["target_id"]
    num = obs[obs["kind"] == "level"].sort_values("year").groupby("target").tail(1).set_index("target")
    has_num = qual_target & ids.isin(num.index)
    out.loc[has_num, "latest_year"] = ids[has_num].map(num["year"]).astype("Int64")
    out.loc[has_num, "latest_value"] = ids[has_num].map(num["value"]).astype(float)
    out.loc[has_num, "latest_basis"] = "observed"
    out.loc[qual_target, "measure"] = "judgement"
    out.loc[qual_target, "forecast_method"] = None
    goal = t["qualitative"].where(t["qualitative"].notna(),
                                  t["indicator"] + "（无数值，依据填报判断）").astype("string")
    # a judgement column read from a database or an all-empty CSV may come back numeric
    text = ids.map(judged["value_text"]).astype("string")
    year = ids.map(judged["year"]).astype("Float64")
    code = text.map(JUDGEMENTS)
    ty = t["target_year"].astype("Float64")
    late = (code != "achieved") & ty.notna() & ((year >= ty) | (as_of > ty)).fillna(False)
    reported = use & text.notna()
    missing = use & text.isna()
    out.loc[missing, "status"] = "no_data"
    out.loc[missing, "reason"] = "定性目标“" + goal[missing] + f"”：截至{as_of}年未填报完成情况判断。"
    out.loc[reported, "status"] = np.where(late[reported], "off_track", code[reported])
    out.loc[reported, "latest_year"] = year[reported].astype("Int64")
    out.loc[reported, "latest_text"] = text[reported]
    out.loc[reported, "latest_basis"] = "reported"
    yr = year[reported].astype("Int64").astype(str)
    out.loc[reported, "reason"] = ("定性目标“" + goal[reported] + "”：" + yr + "年填报“"
                                   + text[reported] + "”"
                                   + np.where(late[reported], "，目标年已过仍未完成。", "。"))
    return out
