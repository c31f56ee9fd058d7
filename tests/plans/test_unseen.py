"""Issue 10: the extractor on plans it was not built from (tests/plans/gold/unseen/).

Real public plan texts (quotes and whole documents) annotated by hand. A target counts as found
when year, value and unit agree at its anchor (the issue's key); relation and flags are
reported as field errors. Precision and recall are reported per class — the class of a gold
target or prediction is read from its unit (年 → peak, 无量纲 → dimensionless, a 亿/万亿/compound
unit or 倍 → large/compound unit), from the text (a year range → year range) or, for a
prediction on a text without targets, "report" (a past-period report taken for a target).

``dev_*`` is the set the rules were fixed on; ``blind_*`` was annotated before any change and
scored once at the end (see tests/plans/gold/README.md). Run ``pytest -s`` for the misses.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from cocontrol.plans.evaluate import (
    GoldTarget,
    Score,
    format_report,
    locate,
    merge,
    score,
    unplaced,
)
from cocontrol.plans.extract import extract_plan
from cocontrol.plans.model import Target

UNSEEN = Path(__file__).parent / "gold" / "unseen"
MIN_P = MIN_R = 0.95


def _entries(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((UNSEEN / name).read_text(encoding="utf-8"))
    for e in data:
        if "file" in e:
            e["text"] = (UNSEEN / e["file"]).read_text(encoding="utf-8")
        e["gold"] = [GoldTarget.model_validate(t) for t in e.get("targets") or []]
    return data


def _unit_class(unit: str | None, per_year: bool) -> str:
    u = unit or ""
    if u == "年":
        return "peak"
    if u == "无量纲":
        return "dimensionless"
    if "亿" in u or "/" in u.replace("微克/立方米", "") or u == "倍" or u.startswith("万"):
        return "large_or_compound_unit"
    if per_year:
        return "year_range"
    return "other"


def _gold_per_year(g: GoldTarget, gold: list[GoldTarget]) -> bool:
    """One record of a year range: the same anchor recorded for another year."""
    return any(o.anchor == g.anchor and o.occurrence == g.occurrence and o.year != g.year for o in gold)


def _pred_per_year(p: Target, preds: list[Target]) -> bool:
    return any(o.span == p.span and o.year != p.year for o in preds)


def _classes(entries: list[dict[str, Any]]) -> tuple[Score, dict[str, list[int]]]:
    """Pooled score and per-class [hits_p, predicted, hits_r, gold]."""
    scores = []
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    negatives = [e for e in entries if not e["gold"]]
    if negatives:  # texts that only report: every prediction there is a false positive
        per["report"] = [0, 0, 0, 0]
    for e in entries:
        doc = extract_plan(e["text"], source=e.get("file"))
        s = score(doc.targets, e["gold"], e["text"], relation=False)
        scores.append(s)
        for _, g in s.matched:
            c = _unit_class(g.unit, _gold_per_year(g, e["gold"]))
            per[c][0] += 1
            per[c][1] += 1
            per[c][2] += 1
            per[c][3] += 1
        for p in s.false_positives:
            c = _unit_class(p.unit, _pred_per_year(p, doc.targets)) if e["gold"] else "report"
            per[c][1] += 1
        for g, _ in s.false_negatives:
            per[_unit_class(g.unit, _gold_per_year(g, e["gold"]))][3] += 1
    return merge(scores), dict(per)


def _table(title: str, total: Score, per: dict[str, list[int]]) -> str:
    lines = [format_report(total, title)]
    for c, (hp, n_p, hr, n_g) in sorted(per.items()):
        p = hp / n_p if n_p else 1.0
        r = hr / n_g if n_g else 1.0
        if c == "report":
            lines.append(f"  class {c:24s} false targets on texts without targets: {n_p}")
            continue
        lines.append(f"  class {c:24s} P={p:.3f} ({hp}/{n_p})  R={r:.3f} ({hr}/{n_g})")
    return "\n".join(lines)


def _check(title: str, entries: list[dict[str, Any]], min_p: float = MIN_P, min_r: float = MIN_R) -> None:
    total, per = _classes(entries)
    print("\n" + _table(title, total, per))
    assert total.precision >= min_p and total.recall >= min_r, (
        f"{title}: P {total.precision:.3f} R {total.recall:.3f}; run pytest -s for the misses")


@pytest.mark.parametrize("name", ["dev_sentences.yaml", "dev2_sentences.yaml", "dev3_sentences.yaml", "dev4_sentences.yaml", "dev_docs.yaml", "blind_sentences.yaml",
                                  "blind_docs.yaml", "blind2_sentences.yaml", "blind2_docs.yaml",
                                  "blind3_sentences.yaml", "blind3_docs.yaml", "blind4_sentences.yaml",
                                  "blind4_docs.yaml", "blind5_sentences.yaml", "blind6_sentences.yaml",
                                  "blind7_sentences.yaml", "blind8_sentences.yaml", "blind9_sentences.yaml",
                                  "blind9_docs.yaml", "blind10_sentences.yaml", "blind11_sentences.yaml",
                                  "blind12_sentences.yaml", "blind13_sentences.yaml", "blind13_docs.yaml",
                                  "blind14_sentences.yaml", "blind14_docs.yaml", "blind15_sentences.yaml",
                                  "blind15_docs.yaml", "blind16_sentences.yaml", "blind16_docs.yaml",
                                  "blind17_sentences.yaml", "blind17_docs.yaml",
                                  "blind18_sentences.yaml", "blind18_docs.yaml",
                                  "blind19_sentences.yaml", "blind19_docs.yaml",
                                  "blind20_sentences.yaml", "blind20_docs.yaml",
                                  "blind21_sentences.yaml", "blind21_docs.yaml",
                                  "blind22_sentences.yaml", "blind23_sentences.yaml",
                                  "blind24_sentences.yaml", "blind25_sentences.yaml",
                                  "blind26_sentences.yaml",
                                  "blind27_sentences.yaml",
                                  "blind28_sentences.yaml",
                                  "blind29_sentences.yaml",
                                  "blind30_sentences.yaml",
                                  "blind31_sentences.yaml",
                                  "blind32_sentences.yaml",
                                  "blind33_sentences.yaml",
                                  "blind34_sentences.yaml",
                                  "blind35_sentences.yaml",
                                  "blind36_sentences.yaml",
                                  "blind39_sentences.yaml",
                                  "blind37_sentences.yaml",
                                  "blind38_sentences.yaml",
                                  "blind40_sentences.yaml",
                                  "blind41_sentences.yaml",
                                  "blind42_sentences.yaml",
                                  "blind43_sentences.yaml",
                                  "blind44_sentences.yaml",
                                  "blind45_sentences.yaml",
                                  "blind46_sentences.yaml",
                                  "blind47_sentences.yaml",
                                  "blind48_sentences.yaml",
                                  "blind49_sentences.yaml",
                                  "blind50_sentences.yaml",
                                  "blind51_sentences.yaml", "blind52_sentences.yaml", "blind53_sentences.yaml",
                                  "blind54_sentences.yaml", "blind55_sentences.yaml", "blind56_sentences.yaml",
                                  "blind57_sentences.yaml", "blind58_sentences.yaml", "blind59_sentences.yaml",
                                  "blind60_sentences.yaml", "blind61_sentences.yaml", "blind62_sentences.yaml",
                                  "blind63_sentences.yaml", "blind64_sentences.yaml", "blind65_sentences.yaml",
                                  "blind66_sentences.yaml", "blind67_sentences.yaml", "blind68_sentences.yaml",
                                  "blind69_sentences.yaml", "blind70_sentences.yaml", "blind71_sentences.yaml",
                                  "blind72_sentences.yaml", "blind73_sentences.yaml", "blind74_sentences.yaml",
                                  "blind75_sentences.yaml",
                                  "blind76_sentences.yaml",
                                  "blind77_sentences.yaml",
                                  "blind78_sentences.yaml",
                                  "blind79_sentences.yaml",
                                  "blind80_sentences.yaml",
                                  "blind81_sentences.yaml",
                                  "blind82_sentences.yaml",
                                  "blind83_sentences.yaml",
                                  "blind84_sentences.yaml",
                                  "blind85_sentences.yaml",
                                  "blind86_sentences.yaml",
                                  "blind87_sentences.yaml",
                                  "blind88_sentences.yaml",
                                  "blind89_sentences.yaml",
                                  "blind90_sentences.yaml",
                                  "blind91_sentences.yaml",
                                  "blind92_sentences.yaml",
                                  "blind93_sentences.yaml",
                                  "blind94_sentences.yaml",
                                  "blind95_sentences.yaml",
                                  "blind96_sentences.yaml",
                                  "blind97_sentences.yaml",
                                  "blind98_sentences.yaml",
                                  "blind99_sentences.yaml",
                                  "blind100_sentences.yaml",
                                  "blind101_sentences.yaml",
                                  "blind102_sentences.yaml",
                                  "blind103_sentences.yaml",
                                  "blind104_sentences.yaml",
                                  "blind105_sentences.yaml",
                                  "blind106_sentences.yaml",
                                  "blind107_sentences.yaml",
                                  "blind108_sentences.yaml",
                                  "blind109_sentences.yaml",
                                  "blind110_sentences.yaml",
                                  "blind111_sentences.yaml",
                                  "blind112_sentences.yaml",
                                  "blind113_sentences.yaml",
                                  "blind114_sentences.yaml",
                                  "blind115_sentences.yaml",
                                  "blind116_sentences.yaml",
                                  "blind118_sentences.yaml",
                                  "blind120_sentences.yaml",
                                  "blind117_sentences.yaml",
                                  "blind119_sentences.yaml",
                                  "blind121_sentences.yaml",
                                  "blind122_sentences.yaml",
                                  "blind123_sentences.yaml",
                                  "blind124_sentences.yaml",
                                  "blind125_sentences.yaml",
                                  "blind126_sentences.yaml",
                                  "blind127_sentences.yaml",
                                  "blind128_sentences.yaml",
                                  "blind129_sentences.yaml",
                                  "blind130_sentences.yaml",
                                  "blind131_sentences.yaml",
                                  "blind132_sentences.yaml"])
def test_anchors_are_in_the_texts(name: str) -> None:
    for e in _entries(name):
        assert e.get("source"), "every quote names where it was read"
        missing = [(g.anchor, g.occurrence) for g in unplaced(e["gold"], e["text"])]
        assert not missing, f"{name}: anchors not in {e['text'][:40]!r}: {missing}"
        for g in e["gold"]:  # "2亿平方米" must not be found inside "0.2亿平方米"
            where = locate(g.anchor, g.occurrence, e["text"])
            assert where is not None
            assert not (g.anchor[0].isdigit() and where[0] and e["text"][where[0] - 1] in "0123456789."), g.anchor


def test_dev_sentences() -> None:
    _check("unseen dev sentences", _entries("dev_sentences.yaml"))


def test_dev2_sentences() -> None:
    """Development set 2 (helper hd): real passages that found the failure classes of its round,
    and class examples of the unit and table grammar (README of gold/, "Development set 2")."""
    _check("unseen dev sentences 2", _entries("dev2_sentences.yaml"))


def test_dev3_sentences() -> None:
    """Development set 3 (round hw): quotes of pages no earlier set uses and examples of the
    classes fixed in that round (README of gold/, "Round hw")."""
    _check("unseen dev sentences 3", _entries("dev3_sentences.yaml"))


def test_dev4_sentences() -> None:
    """Development set 4 (round jc): quotes of pages no earlier set uses, three of them 繁体
    mirrors as the corpus gives them (two with pinyin glosses), annotated before the extractor
    was run on them (README of gold/, "Round jc")."""
    _check("unseen dev sentences 4", _entries("dev4_sentences.yaml"))


def test_dev_documents() -> None:
    _check("unseen dev documents", _entries("dev_docs.yaml"))


def test_blind_sentences_and_documents() -> None:
    """Annotated before any extractor change and scored once (P 0.925, R 0.980, recorded in
    gold/unseen/BLIND_SCORE_2026-12-06.txt); opened then to fix the general causes, so it is a
    development set now. The honest measure on unseen text is blind2 (README of gold/)."""
    _check("unseen blind set 1 (opened after its one-time score)",
           _entries("blind_sentences.yaml") + _entries("blind_docs.yaml"))


def test_blind2() -> None:
    """Annotated after the extractor work and before running it on them; scored once (P 0.786,
    R 0.846, gold/unseen/BLIND2_SCORE_2026-12-06.txt), then opened to fix the general causes."""
    _check("unseen blind set 2", _entries("blind2_sentences.yaml") + _entries("blind2_docs.yaml"))


def test_blind3() -> None:
    """Annotated after blind set 2 was opened and before running the extractor on it; scored
    once (P 0.900, R 0.900, gold/unseen/BLIND3_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 3", _entries("blind3_sentences.yaml") + _entries("blind3_docs.yaml"))


def test_blind4() -> None:
    """Annotated after blind set 3 was opened and before running the extractor on it; scored
    once (P 0.958, R 0.920, gold/unseen/BLIND4_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 4", _entries("blind4_sentences.yaml") + _entries("blind4_docs.yaml"))


def test_blind5() -> None:
    """Annotated after blind set 4 was opened and before running the extractor on it; scored
    once (P 0.727, R 0.640, gold/unseen/BLIND5_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 5", _entries("blind5_sentences.yaml"))


def test_blind6() -> None:
    """Annotated after blind set 5 was opened and before running the extractor on it; scored
    once (P 0.889, R 0.727, gold/unseen/BLIND6_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 6", _entries("blind6_sentences.yaml"))


def test_blind7() -> None:
    """Annotated after blind set 6 was opened and before running the extractor on it; scored
    once (P 1.000, R 1.000, gold/unseen/BLIND7_SCORE_2026-12-06.txt)."""
    _check("unseen blind set 7", _entries("blind7_sentences.yaml"))


def test_blind8() -> None:
    """Annotated after blind set 7 and before running the extractor on it; scored once (P 0.643,
    R 1.000, gold/unseen/BLIND8_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 8", _entries("blind8_sentences.yaml"))


def test_blind9() -> None:
    """Annotated after blind set 8 was opened and before running the extractor on it; scored
    once (P 0.850, R 0.895, gold/unseen/BLIND9_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 9", _entries("blind9_sentences.yaml") + _entries("blind9_docs.yaml"))


def test_blind10() -> None:
    """Annotated after blind set 9 was opened and before running the extractor on it; scored
    once (P 0.900, R 1.000, gold/unseen/BLIND10_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 10", _entries("blind10_sentences.yaml"))


def test_blind11() -> None:
    """Report-only texts annotated after blind set 10 was opened and before running the
    extractor on them; scored once (no false target, gold/unseen/BLIND11_SCORE_2026-12-06.txt)."""
    _check("unseen blind set 11", _entries("blind11_sentences.yaml"))


def test_blind12() -> None:
    """A city's annual work plan, annotated after blind set 11 and before running the
    extractor on it; scored once (P 1.000, R 0.800, gold/unseen/BLIND12_SCORE_2026-12-06.txt)."""
    _check("unseen blind set 12", _entries("blind12_sentences.yaml"))


def test_blind13() -> None:
    """Written by an annotator who never read or ran the extractor (53 texts + 9 documents, 184
    certain targets); scored once (P 0.801, R 0.766, gold/unseen/BLIND13_SCORE_2026-12-06.txt),
    then opened to fix the failure classes behind its errors (year scope from the document's
    structure, reports judged from their paragraph and document, 分别 over a year range, lists
    carrying their verb and base year, counts before their noun)."""
    _check("unseen blind set 13", _entries("blind13_sentences.yaml") + _entries("blind13_docs.yaml"))


# Blind sets 14 and 15 were opened after one scoring and are development material now; they do
# not yet reach the bar of 0.95, so each is held at the level its fixes reached (a floor, not
# the goal): a fall below it is a regression.
# (raised after round hw: blind 14 P 0.961 / R 0.966, blind 15 P 0.944 / R 0.994)
OPENED_MIN_P_14, OPENED_MIN_R_14 = 0.96, 0.97
OPENED_MIN_P_15, OPENED_MIN_R_15 = 0.96, 0.99


def test_blind14() -> None:
    """Written by an independent annotator (government work reports, reviews, city and district
    plans); scored once (P 0.707, R 0.715, gold/unseen/BLIND14_SCORE_2026-12-06.txt), then opened
    to fix its failure classes (a year's announced goals, bullet lists under year headings, an
    annual plan's title in its notice, reports of a level with its points moved)."""
    _check("unseen blind set 14 (opened)", _entries("blind14_sentences.yaml") + _entries("blind14_docs.yaml"),
           OPENED_MIN_P_14, OPENED_MIN_R_14)


def test_blind15() -> None:
    """Written by a second independent annotator; scored once (P 0.869, R 0.737,
    gold/unseen/BLIND15_SCORE_2026-12-06.txt), then opened to fix its failure classes (base
    phrases 在YYYY年N…的基础上, ✔ bullets under 确保YYYY年, news of a 十三五 plan, 考核指标为,
    至少有N个…)."""
    _check("unseen blind set 15 (opened)", _entries("blind15_sentences.yaml") + _entries("blind15_docs.yaml"),
           OPENED_MIN_P_15, OPENED_MIN_R_15)


# Blind sets 16 and 17 (two more independent annotators) were scored once on 2026-12-06 after
# round hw, then opened; held at their one-time level until their classes are fixed.
OPENED_MIN_P_16, OPENED_MIN_R_16 = 0.89, 0.93
OPENED_MIN_P_17, OPENED_MIN_R_17 = 0.96, 0.99


def test_blind16() -> None:
    """Written by a fourth independent annotator (减污降碳, city 碳达峰, air plans, 节水, 林长制, 海洋);
    scored once (P 0.708, R 0.814, gold/unseen/BLIND16_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 16 (opened)", _entries("blind16_sentences.yaml") + _entries("blind16_docs.yaml"),
           OPENED_MIN_P_16, OPENED_MIN_R_16)


def test_blind17() -> None:
    """Written by a fifth independent annotator (内蒙古, 新疆, 青海, 山西, 河北, 天津, 江苏, 广东, 海南);
    scored once (P 0.823, R 0.862, gold/unseen/BLIND17_SCORE_2026-12-06.txt), then opened."""
    _check("unseen blind set 17 (opened)", _entries("blind17_sentences.yaml") + _entries("blind17_docs.yaml"),
           OPENED_MIN_P_17, OPENED_MIN_R_17)

# Blind sets 18–25, each written by an independent annotator who never read or ran the extractor,
# scored ONCE on 2026-12-06 (gold/unseen/BLIND<N>_SCORE_2026-12-06.txt; pooled files per pair), then
# opened and held at floors (opened sets, not estimates):
#   18+19 after round jc: 18 P 0.928 / R 0.793, 19 P 0.933 / R 0.799 (湖南…重庆 water, 无废城市, transport;
#         东北, 浙江, 安徽, 上海, 北京, 陕西, 甘肃 sector 碳达峰, 噪声, energy, buildings)
#   20+21 after round ji: 20 P 0.814 / R 0.868, 21 P 0.803 / R 0.840 (河南, 河北, 江苏, 福建, 广东, 海南;
#         天津, 山西, 内蒙古, 宁夏, 新疆, 青海, 西藏, national sector plans)
#   22+23 after round jm: 22 P 0.915 / R 0.852, 23 P 0.864 / R 0.832 (city 碳达峰, air, water, 储能;
#         sector 节能降碳, 无废城市, agriculture, forestry)
#   24+25 after round jr: 24 P 0.919 / R 0.958, 25 P 0.939 / R 0.939 (2021–2025 美丽城市, 节能降碳;
#         2013–2020 大气/水/土 十条 plans, 十三五 节能减排)
# Floors raised where later rounds improved an opened set (18–23 by rounds ji, jm, jr).
OPENED_FLOORS = {  # set: (files, min precision, min recall)
    18: (("blind18_sentences.yaml", "blind18_docs.yaml"), 0.99, 1.0),  # round ld 0.994 / 1.000
    19: (("blind19_sentences.yaml", "blind19_docs.yaml"), 0.99, 0.97),
    20: (("blind20_sentences.yaml", "blind20_docs.yaml"), 0.99, 0.98),
    21: (("blind21_sentences.yaml", "blind21_docs.yaml"), 0.99, 0.99),  # 0.985 / 0.992 after round le; ld: round ld 0.992 / 0.985
    22: (("blind22_sentences.yaml",), 0.99, 0.97),
    23: (("blind23_sentences.yaml",), 0.98, 0.99),
    24: (("blind24_sentences.yaml",), 1.0, 1.0),
    25: (("blind25_sentences.yaml",), 1.0, 1.0),
    26: (("blind26_sentences.yaml",), 0.99, 0.95),  # one-time 0.738 / 0.425; later rounds: gold README; 1.000 / 0.959 raised after rounds ua–ud (58eac07)
    27: (("blind27_sentences.yaml",), 0.98, 0.98),  # one-time 0.846 / 0.917; later rounds: gold README; 0.988 / 0.988 after the session-13 rounds
    28: (("blind28_sentences.yaml",), 0.99, 0.98),  # one-time 0.782 / 0.907; later rounds: gold README; 0.987 / 0.987 after the session-13 rounds; 1.000 / 0.987 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    29: (("blind29_sentences.yaml",), 0.90, 1.0),  # one-time 0.675 / 0.650; later rounds: gold README (lv 0.909 / 1.000)
    30: (("blind30_sentences.yaml",), 0.98, 0.88),  # one-time 0.889 / 0.727; later rounds: gold README (lv 0.989 / 0.873); 0.989 / 0.873 after the session-13 rounds; 0.989 / 0.882 after rounds ba, bb (session 17)
    31: (("blind31_sentences.yaml",), 1.0, 1.0),  # one-time 1.000 / 0.838; later rounds: gold README; 1.000 / 1.000 after the session-13 rounds
    32: (("blind32_sentences.yaml",), 1.0, 0.97),  # one-time 0.816 / 0.894; later rounds: gold README; 1.000 / 0.978 after the session-13 rounds
    33: (("blind33_sentences.yaml",), 0.96, 0.97),  # one-time 0.911 / 0.976; later rounds: gold README
    34: (("blind34_sentences.yaml",), 0.98, 0.98),  # one-time 0.639 / 0.716; later rounds: gold README; 0.987 / 0.987 after the session-13 rounds
    35: (("blind35_sentences.yaml",), 1.0, 0.96),  # one-time 0.656 / 0.778; later rounds: gold README; 0.920 / 0.852 after the session-13 rounds; 1.000 / 0.926 raised session 14 (lead fixes e099479); 1.000 / 0.963 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    36: (("blind36_sentences.yaml",), 1.0, 0.98),  # one-time 0.803 / 0.914; later rounds: gold README
    37: (("blind37_sentences.yaml",), 1.0, 0.97),  # one-time 0.816 / 0.816; later rounds: gold README; 1.000 / 0.977 after the session-13 rounds
    38: (("blind38_sentences.yaml",), 0.98, 0.98),  # one-time 0.693 / 0.678; later rounds: gold README; 0.989 / 0.989 raised end of session 15
    39: (("blind39_sentences.yaml",), 0.97, 0.99),  # one-time 0.903 / 0.915; later rounds: gold README; 0.973 / 1.000 raised end of session 15
    40: (("blind40_sentences.yaml",), 0.98, 0.91),  # one-time 0.922 / 0.843; later rounds: gold README
    41: (("blind41_sentences.yaml",), 0.97, 0.96),  # one-time 0.951 / 0.917; round mb: gold README; 0.976 / 0.965 raised end of session 15
    42: (("blind42_sentences.yaml",), 0.98, 0.98),  # one-time 0.862 / 0.758; round mb: gold README; 0.985 / 0.985 after the session-13 rounds
    43: (("blind43_sentences.yaml",), 1.0, 0.95),  # one-time 0.808 / 0.870; round mb: gold README
    44: (("blind44_sentences.yaml",), 0.97, 0.98),  # scored 0.468 / 0.483 and 0.537 / 0.483; rounds mb, mh, ra: gold README; 0.975 / 0.987 after the session-13 rounds
    47: (("blind47_sentences.yaml",), 0.94, 0.97),  # scored 0.543 / 0.603 and 0.580 / 0.699; rounds mb, mh, ra: gold README; 0.949 / 0.974 after the session-13 rounds
    45: (("blind45_sentences.yaml",), 0.98, 1.0),  # one-time 0.958 / 0.939 (end of session 10); round ra: gold README
    46: (("blind46_sentences.yaml",), 0.99, 0.99),  # one-time 0.850 / 0.825 (end of session 10); round ra: gold README
    48: (("blind48_sentences.yaml",), 1.0, 1.0),  # one-time 0.942 / 0.956 (end of session 10); round ra: gold README
    49: (("blind49_sentences.yaml",), 1.0, 1.0),  # one-time 0.955 / 0.913 (end of session 10); round ra: gold README; 1.000 / 1.000 after the session-13 rounds
    50: (("blind50_sentences.yaml",), 1.0, 1.0),  # one-time 0.831 / 0.914 (end of session 10); round ra: gold README
    51: (("blind51_sentences.yaml",), 0.9, 0.89),  # one-time 0.875 / 0.836 (df5e600), 0.875 / 0.836 after round ra (session 11); 0.896 / 0.896 after round rd; 0.909 / 0.896 after round sf (session 12 conventions)
    52: (("blind52_sentences.yaml",), 0.87, 0.86),  # one-time 0.783 / 0.783 (df5e600), 0.795 / 0.795 after round ra (session 11); 0.857 / 0.795 after round sf (session 12 conventions); 0.873 / 0.831 after the session-13 rounds; 0.875 / 0.843 raised end of session 14; 0.878 / 0.867 raised end of session 15
    53: (("blind53_sentences.yaml",), 0.91, 0.87),  # one-time 0.699 / 0.567 (df5e600), 0.707 / 0.589 after round ra (session 11); 0.853 / 0.711 after round rd; 0.901 / 0.711 after round sf (session 12 conventions); 0.917 / 0.856 after the session-13 rounds; 0.919 / 0.878 raised end of session 15
    54: (("blind54_sentences.yaml",), 0.95, 0.96),  # one-time 0.763 / 0.957 (df5e600), 0.765 / 0.968 after round ra (session 11); 0.875 / 0.968 after round rc; 0.958 / 0.968 after round sf (session 12 conventions)
    55: (("blind55_sentences.yaml",), 1.0, 0.8),  # one-time 0.759 / 0.769 (df5e600), 0.759 / 0.769 after round ra (session 11); 0.779 / 0.769 after round rc; 1.000 / 0.808 after round sf (session 12 conventions); 1.000 / 0.808 after the session-13 rounds
    56: (("blind56_sentences.yaml",), 0.97, 1.0),  # one-time 0.909 / 0.952 (df5e600), 0.909 / 0.952 after round ra (session 11); 0.955 / 1.000 after round rd; 0.977 / 1.000 after round sf (session 12 conventions)
    57: (("blind57_sentences.yaml",), 0.77, 0.86),  # one-time 0.726 / 0.841 (df5e600), 0.726 / 0.841 after round ra (session 11); 0.767 / 0.841 after round sf (session 12 conventions); 0.772 / 0.866 raised end of session 15
    58: (("blind58_sentences.yaml",), 0.93, 0.91),  # one-time 0.915 / 0.890 (df5e600), 0.915 / 0.890 after round ra (session 11); 0.930 / 0.904 after round rd; 0.931 / 0.918 after the session-13 rounds
    59: (("blind59_sentences.yaml",), 0.93, 0.95),  # one-time 0.833 / 0.931 (df5e600), 0.833 / 0.931 after round ra (session 11); 0.905 / 0.931 after round rc; round rd: unchanged (its period rule reverted); 0.931 / 0.931 after round sf (session 12 conventions); 0.933 / 0.951 raised end of session 15
    60: (("blind60_sentences.yaml",), 0.91, 0.86),  # one-time 0.908 / 0.832 (df5e600), 0.908 / 0.832 after round ra (session 11); 0.911 / 0.863 raised end of session 15
    61: (("blind61_sentences.yaml",), 0.89, 0.67),  # one-time 0.843 / 0.581 (df5e600), 0.843 / 0.581 after rounds ra, rc, rd (session 11); 0.862 / 0.676 after the session-13 rounds; 0.877 / 0.676 raised after rounds ua–ud (58eac07); 0.893 / 0.676 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    62: (("blind62_sentences.yaml",), 0.83, 0.83),  # one-time 0.616 / 0.570 (df5e600), 0.631 / 0.570 after rounds ra, rc, rd (session 11); 0.750 / 0.774 after round sf (session 12 conventions); 0.828 / 0.774 after round sh; 0.833 / 0.806 after the session-13 rounds; 0.835 / 0.817 raised after rounds ua–ud (58eac07); 0.837 / 0.828 raised end of session 14; 0.839 / 0.839 after rounds ba, bb (session 17)
    63: (("blind63_sentences.yaml",), 0.81, 0.71),  # one-time 0.737 / 0.538 (df5e600), 0.741 / 0.551 after rounds ra, rc, rd (session 11); 0.789 / 0.577 after round sf (session 12 conventions); 0.809 / 0.705 after the session-13 rounds; 0.812 / 0.718 raised end of session 14
    64: (("blind64_sentences.yaml",), 0.9, 0.89),  # one-time 0.622 / 0.607 (df5e600), 0.622 / 0.607 after rounds ra, rc, rd (session 11); 0.901 / 0.869 after round sf (session 12 conventions); 0.904 / 0.893 after the session-13 rounds
    65: (("blind65_sentences.yaml",), 0.76, 0.79),  # one-time 0.738 / 0.775 (df5e600), 0.738 / 0.775 after rounds ra, rc, rd (session 11); 0.759 / 0.787 after round sf (session 12 conventions); 0.762 / 0.800 after rounds ba, bb (session 17)
    66: (("blind66_sentences.yaml",), 0.98, 0.94),  # one-time 0.577 / 0.514 (91c99b2, session 12), 0.856 / 0.706 after rounds sf + sg, which had not seen it; 0.944 / 0.771 after round sh (opened); 0.981 / 0.927 after the session-13 rounds; 0.981 / 0.945 raised end of session 15
    67: (("blind67_sentences.yaml",), 0.93, 0.95),  # one-time 0.649 / 0.747 (91c99b2, session 12), 0.767 / 0.798 after rounds sf + sg, which had not seen it; 0.790 / 0.798 after round sh (opened); 0.931 / 0.949 after the session-13 rounds; 0.931 / 0.960 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    68: (("blind68_sentences.yaml",), 0.85, 0.91),  # one-time 0.683 / 0.614 (91c99b2, session 12), 0.721 / 0.629 after rounds sf + sg, which had not seen it; 0.842 / 0.914 after the session-13 rounds; 0.853 / 0.914 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    69: (("blind69_sentences.yaml",), 0.93, 0.84),  # one-time 0.897 / 0.833 (91c99b2, session 12), 0.897 / 0.833 after rounds sf + sg, which had not seen it; 0.934 / 0.845 after the session-13 rounds
    70: (("blind70_sentences.yaml",), 0.94, 0.84),  # one-time 0.852 / 0.684 (91c99b2, session 12), 0.881 / 0.684 after rounds sf + sg, which had not seen it; 0.941 / 0.842 after the session-13 rounds
    71: (("blind71_sentences.yaml",), 0.92, 0.82),  # one-time 0.568 / 0.714 (91c99b2, session 12), 0.595 / 0.714 after rounds sf + sg, which had not seen it; 0.655 / 0.814 after round sh, which had not seen it either; 0.906 / 0.829 after the session-13 rounds; 0.921 / 0.829 raised after rounds ua–ud (58eac07)
    72: (("blind72_sentences.yaml",), 0.88, 0.62),  # one-time 0.875 / 0.675 (91c99b2, session 12), 0.864 / 0.614 after rounds sf + sg, which had not seen it; 0.875 / 0.614 after the session-13 rounds; 0.886 / 0.614 raised session 14 (lead fixes e099479); 0.887 / 0.623 raised end of session 15
    73: (("blind73_sentences.yaml",), 0.97, 1.0),  # one-time 0.949 / 1.000 (91c99b2, session 12), 0.974 / 1.000 after rounds sf + sg, which had not seen it
    74: (("blind74_sentences.yaml",), 0.93, 0.88),  # one-time 0.810 / 0.580 (91c99b2, session 12), 0.810 / 0.580 after rounds sf + sg, which had not seen it; 0.935 / 0.889 after the session-13 rounds
    75: (("blind75_sentences.yaml",), 0.93, 0.87),  # one-time 0.789 / 0.826 (91c99b2, session 12), 0.855 / 0.826 after rounds sf + sg, which had not seen it; 0.936 / 0.849 after the session-13 rounds; 0.937 / 0.860 raised end of session 14; 0.938 / 0.872 after rounds ba, bb (session 17)
    76: (("blind76_sentences.yaml",), 0.79, 0.9),  # one-time 0.378 / 0.467 (690deb4, session 13); 0.730 / 0.900 after the session-13 rounds; 0.730 / 0.900 raised session 14 (lead fixes e099479); 0.794 / 0.900 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    77: (("blind77_sentences.yaml",), 0.88, 0.77),  # one-time 0.671 / 0.588 (690deb4, session 13); 0.877 / 0.732 after the session-13 rounds; 0.882 / 0.773 raised end of session 15
    78: (("blind78_sentences.yaml",), 0.99, 0.92),  # one-time 0.881 / 0.776 (690deb4, session 13); 0.969 / 0.925 after the session-13 rounds; 1.000 / 0.925 raised after rounds ua–ud (58eac07)
    79: (("blind79_sentences.yaml",), 0.87, 0.65),  # one-time 0.785 / 0.510 (690deb4, session 13); 0.873 / 0.620 after the session-13 rounds; 0.875 / 0.630 raised session 14 (lead fixes e099479); 0.880 / 0.660 after rounds ba, bb (session 17)
    80: (("blind80_sentences.yaml",), 0.9, 0.85),  # one-time 0.847 / 0.604 after the session-13 rounds ta, tb, tc, td, which had not seen it (690deb4: see README); 0.904 / 0.842 after the session-13 rounds; 0.905 / 0.851 raised end of session 15
    81: (("blind81_sentences.yaml",), 0.89, 0.67),  # one-time 0.833 / 0.479 after the session-13 rounds ta, tb, tc, td, which had not seen it (690deb4: see README); 0.843 / 0.589 after the session-13 rounds; 0.873 / 0.658 raised end of session 15; 0.891 / 0.671 after rounds ba, bb (session 17)
    82: (("blind82_sentences.yaml",), 0.9, 0.9),  # one-time 0.860 / 0.827 after the session-13 rounds ta, tb, tc, td, which had not seen it (690deb4: see README); 0.863 / 0.846 after the session-13 rounds; 0.870 / 0.904 raised end of session 15; 0.904 / 0.904 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    83: (("blind83_sentences.yaml",), 0.97, 0.71),  # one-time 0.972 / 0.673 after the session-13 rounds ta, tb, tc, td, which had not seen it (690deb4: see README); 0.973 / 0.683 raised end of session 14; 0.974 / 0.712 raised end of session 15
    84: (("blind84_sentences.yaml",), 0.97, 0.84),  # one-time 0.538 / 0.454 (after all session-13 rounds, which had not seen it; 0.538–0.870 on 690deb4 too: see README); 0.750 / 0.639 raised session 14 (lead fixes e099479); 0.871 / 0.815 raised after rounds ua–ud (58eac07); 0.978 / 0.815 raised end of session 14; 0.978 / 0.824 raised end of session 15; 0.978 / 0.843 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    85: (("blind85_sentences.yaml",), 0.89, 0.95),  # one-time 0.741 / 0.638 (after all session-13 rounds, which had not seen it; 0.538–0.870 on 690deb4 too: see README); 0.748 / 0.662 after the session-13 rounds; 0.841 / 0.892 raised session 14 (lead fixes e099479); 0.891 / 0.946 raised after rounds ua–ud (58eac07); 0.892 / 0.954 after rounds ba, bb (session 17)
    86: (("blind86_sentences.yaml",), 0.92, 0.9),  # one-time 0.750 / 0.209 (after all session-13 rounds, which had not seen it; 0.538–0.870 on 690deb4 too: see README); 0.778 / 0.244 after the session-13 rounds; 0.880 / 0.512 raised session 14 (lead fixes e099479); 0.929 / 0.907 raised after rounds ua–ud (58eac07)
    87: (("blind87_sentences.yaml",), 0.97, 0.8),  # one-time 0.859 / 0.670 (after all session-13 rounds, which had not seen it; 0.538–0.870 on 690deb4 too: see README); 0.936 / 0.730 raised session 14 (lead fixes e099479); 0.962 / 0.750 raised after rounds ua–ud (58eac07); 0.975 / 0.770 raised end of session 14; 0.976 / 0.810 after rounds ba, bb (session 17)
    88: (("blind88_sentences.yaml",), 0.88, 0.8),  # one-time 0.614 / 0.548 (after all session-13 rounds, which had not seen it; 0.538–0.870 on 690deb4 too: see README); 0.776 / 0.710 raised session 14 (lead fixes e099479); 0.877 / 0.763 raised after rounds ua–ud (58eac07); 0.881 / 0.796 raised end of session 14; 0.882 / 0.806 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    89: (("blind89_sentences.yaml",), 0.86, 0.94),  # one-time score on main e51f73d (session 14 start; unchanged on e099479), then opened: P 0.739 R 0.929; 0.867 / 0.929 raised after rounds ua–ud (58eac07); 0.868 / 0.943 raised end of session 15
    90: (("blind90_sentences.yaml",), 0.96, 0.83),  # one-time score on main e51f73d (session 14 start; unchanged on e099479), then opened: P 0.800 R 0.587; 0.966 / 0.760 raised after rounds ua–ud (58eac07); 0.969 / 0.827 raised end of session 14; 0.969 / 0.840 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    91: (("blind91_sentences.yaml",), 0.87, 0.83),  # one-time score on main e51f73d (session 14 start; unchanged on e099479), then opened: P 0.743 R 0.647; 0.855 / 0.765 raised after rounds ua–ud (58eac07); 0.861 / 0.800 raised end of session 14; 0.864 / 0.824 raised end of session 15; 0.875 / 0.824 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}; 0.877 / 0.835 after rounds ba, bb (session 17)
    92: (("blind92_sentences.yaml",), 0.96, 0.96),  # one-time score on main e51f73d (session 14 start; unchanged on e099479), then opened: P 0.951 R 0.967; 0.967 / 0.967 raised after rounds ua–ud (58eac07)
    93: (("blind93_sentences.yaml",), 0.95, 0.76),  # one-time score on main e51f73d (session 14 start; unchanged on e099479), then opened: P 0.857 R 0.588; 0.938 / 0.735 raised after rounds ua–ud (58eac07); 0.939 / 0.755 raised end of session 15; 0.951 / 0.755 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}; 0.951 / 0.765 after rounds ba, bb (session 17)
    94: (("blind94_sentences.yaml",), 0.87, 0.71),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.523 R 0.450; 0.877 / 0.710 raised end of session 14; 0.878 / 0.720 raised end of session 15
    95: (("blind95_sentences.yaml",), 0.73, 0.79),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.643 R 0.771; 0.730 / 0.771 raised end of session 14; 0.737 / 0.800 after rounds ba, bb (session 17)
    96: (("blind96_sentences.yaml",), 0.96, 0.93),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.759 R 0.680; 0.968 / 0.938 raised end of session 14
    97: (("blind97_sentences.yaml",), 0.94, 0.9),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.898 R 0.790; 0.941 / 0.800 raised end of session 14; 0.942 / 0.810 raised end of session 15; 0.948 / 0.910 after rounds ba, bb (session 17)
    98: (("blind98_sentences.yaml",), 0.9, 0.88),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.889 R 0.778; 0.901 / 0.889 raised end of session 14
    99: (("blind99_sentences.yaml",), 0.85, 0.78),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.658 R 0.455; 0.857 / 0.764 raised end of session 14; 0.860 / 0.782 after rounds ba, bb (session 17)
    100: (("blind100_sentences.yaml",), 0.85, 0.92),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.847 R 0.883; 0.853 / 0.926 raised end of session 14
    101: (("blind101_sentences.yaml",), 0.83, 0.9),  # one-time 902358e / after rounds ua–ud 58eac07 (session 14): see README; opened at P 0.826 R 0.864; 0.833 / 0.909 raised end of session 14
    102: (("blind102_sentences.yaml",), 0.97, 0.86),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.950 / 0.844 raised end of session 15; 0.974 / 0.844 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}; 0.975 / 0.867 after rounds ba, bb (session 17)
    103: (("blind103_sentences.yaml",), 0.82, 0.5),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.771 / 0.507 raised end of session 15; 0.822 / 0.507 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    104: (("blind104_sentences.yaml",), 0.9, 0.85),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.909 / 0.857 raised end of session 15
    105: (("blind105_sentences.yaml",), 0.83, 0.84),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.832 / 0.847 raised end of session 15
    106: (("blind106_sentences.yaml",), 0.88, 0.9),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.883 / 0.910 raised end of session 15
    107: (("blind107_sentences.yaml",), 0.96, 0.9),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.969 / 0.905 raised end of session 15
    108: (("blind108_sentences.yaml",), 0.87, 0.99),  # opened at the one-time score of main b8e2a41 + xa (session 15): see README; 0.880 / 1.000 raised end of session 15
    109: (("blind109_sentences.yaml",), 0.93, 0.92),  # one-time after rounds ya–yc (session 15): see README; 0.936 / 0.927 raised end of session 15
    110: (("blind110_sentences.yaml",), 0.9, 0.64),  # one-time after rounds ya–yc (session 15): see README; 0.887 / 0.630 raised end of session 15; 0.900 / 0.630 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}; 0.903 / 0.650 after rounds ba, bb (session 17)
    111: (("blind111_sentences.yaml",), 0.83, 0.87),  # one-time after rounds ya–yc (session 15): see README; 0.831 / 0.871 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    112: (("blind112_sentences.yaml",), 0.91, 0.86),  # one-time after rounds ya–yc (session 15): see README; 0.904 / 0.859 raised end of session 15; 0.915 / 0.869 after rounds ba, bb (session 17)
    113: (("blind113_sentences.yaml",), 0.99, 0.89),  # scored once in session 15, opened in session 16 with the lead's wrap fix: P=0.924 R=0.649; 1.000 / 0.894 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    114: (("blind114_sentences.yaml",), 0.99, 0.94),  # scored once in session 15, opened in session 16 with the lead's wrap fix: P=0.826 R=0.950; 1.000 / 0.950 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    115: (("blind115_sentences.yaml",), 0.99, 0.97),  # scored once in session 15, opened in session 16 with the lead's wrap fix: P=0.853 R=0.744; 1.000 / 0.974 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    116: (("blind116_sentences.yaml",), 0.99, 0.89),  # session 16 one-time score on main 7d4a49c, opened for the session's rounds: P=0.943 R=0.847; 1.000 / 0.898 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    118: (("blind118_sentences.yaml",), 0.97, 0.77),  # session 16 one-time score on main 7d4a49c, opened for the session's rounds: P=0.953 R=0.759; 0.977 / 0.778 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    120: (("blind120_sentences.yaml",), 0.95, 0.91),  # session 16 one-time score on main 7d4a49c, opened for the session's rounds: P=0.723 R=0.756; 0.953 / 0.911 raised in session 16 after rounds ac–ae and the lead's fixes: P={P} R={R}
    117: (("blind117_sentences.yaml",), 0.99, 0.95),  # session 16: held out through rounds ac–ae (one-time 0.908/0.712 → 0.911/0.715 pooled), opened with the lead's goals-heading fix: P=1.000 R=0.947; 1.000 / 0.960 after rounds ba, bb (session 17)
    119: (("blind119_sentences.yaml",), 0.96, 0.95),  # session 16: held out through rounds ac–ae (one-time 0.908/0.712 → 0.911/0.715 pooled), opened with the lead's goals-heading fix: P=0.901 R=0.837; 0.969 / 0.959 after rounds ba, bb (session 17)
    121: (("blind121_sentences.yaml",), 0.99, 0.77),  # session 16: held out through rounds ac–ae (one-time 0.908/0.712 → 0.911/0.715 pooled), opened with the lead's goals-heading fix: P=0.905 R=0.704; 1.000 / 0.778 after rounds ba, bb (session 17)
    122: (("blind122_sentences.yaml",), 0.96, 0.72),  # session 16: held out through rounds ac–ae (one-time 0.908/0.712 → 0.911/0.715 pooled), opened with the lead's goals-heading fix: P=0.961 R=0.671; 0.964 / 0.726 after rounds ba, bb (session 17)
    123: (("blind123_sentences.yaml",), 0.95, 0.81),  # session 16: held out through rounds ac–ae (one-time 0.908/0.712 → 0.911/0.715 pooled), opened with the lead's goals-heading fix: P=0.852 R=0.568; 0.957 / 0.815 after rounds ba, bb (session 17)
    124: (("blind124_sentences.yaml",), 0.9, 0.88),  # session 16: held out through rounds ac–ae (one-time 0.908/0.712 → 0.911/0.715 pooled), opened with the lead's goals-heading fix: P=0.852 R=0.730; 0.903 / 0.889 after rounds ba, bb (session 17)
    125: (("blind125_sentences.yaml",), 0.89, 0.93),  # session 17 fresh group, opened at 0.891 / 0.934 after rounds ba, bb
    126: (("blind126_sentences.yaml",), 0.9, 0.83),  # session 17 fresh group, opened at 0.909 / 0.833 after rounds ba, bb
    127: (("blind127_sentences.yaml",), 0.81, 0.52),  # session 17 fresh group, opened at 0.818 / 0.523 after rounds ba, bb
    128: (("blind128_sentences.yaml",), 0.75, 0.7),  # session 17 fresh group, opened at 0.756 / 0.705 after rounds ba, bb
    129: (("blind129_sentences.yaml",), 0.96, 0.71),  # session 17 fresh group, opened at 0.963 / 0.712 after rounds ba, bb
    130: (("blind130_sentences.yaml",), 0.8, 0.74),  # session 17 fresh group, opened at 0.802 / 0.747 after rounds ba, bb
    131: (("blind131_sentences.yaml",), 0.87, 0.94),  # session 17 fresh group, opened at 0.880 / 0.941 after rounds ba, bb
    132: (("blind132_sentences.yaml",), 0.97, 0.85),  # session 17 fresh group, opened at 0.973 / 0.859 after rounds ba, bb
}


@pytest.mark.parametrize("number", sorted(OPENED_FLOORS))
def test_opened_blind_set(number: int) -> None:
    files, min_p, min_r = OPENED_FLOORS[number]
    _check(f"unseen blind set {number} (opened)", [e for f in files for e in _entries(f)], min_p, min_r)


def _task(doc: Any, title: str) -> Any:
    found = [t for t in doc.tasks if t.title.replace(" ", "").startswith(title[:12])]
    assert found, f"no task titled {title!r}: {[t.title for t in doc.tasks]}"
    return found[0]


@pytest.mark.parametrize("entry", _entries("dev_docs.yaml"), ids=lambda e: e["file"])
def test_task_list_and_responsible_units(entry: dict[str, Any]) -> None:
    """Hand-checked task lists: each task's units are those of its own brackets."""
    doc = extract_plan(entry["text"], source=entry["file"])
    for want in entry["tasks"]:
        task = _task(doc, want["title"])
        assert set(want["must"]) <= set(task.responsible), (want["title"], task.responsible)
        assert not set(want["must_not"]) & set(task.responsible), (want["title"], task.responsible)
        assert task.lead[:1] == [want["lead"]], (want["title"], task.lead)
    plan = entry.get("plan")
    if plan:
        assert plan["id_contains"] in doc.plan.id
        assert list(doc.plan.horizon or ()) == plan["horizon"]


def _targets(text: str) -> list[Target]:
    return extract_plan(text).targets
