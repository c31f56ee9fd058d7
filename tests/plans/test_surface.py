"""The extractor's result does not depend on how a page writes the same text (issue 10, helper lo).

A sample of the annotated unseen corpus (every 20th text of each file of ``gold/unseen`` below 1,500 characters:
quotes, not the whole documents, to keep it to seconds) is extracted as
annotated and under each surface transform of :mod:`tests.plans.surface` (繁体, full-width and
half-width forms, spaces, hard wraps, pinyin glosses, spam between clauses); the targets found —
year, value and unit — must be the same. The whole corpus is measured by
``python -m tests.plans.surface`` (gold README, "Surface forms").
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Any

import pytest

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.normalise import normalise
from tests.plans.surface import TRANSFORMS, corpus, transformed

# every 20th text of each set, from an offset fixed by the set's name: a set added later brings its own texts and
# moves no other set's (the transforms are seeded by the set and the text's place in it)
SAMPLE = [(e["position"], n, e) for n, e in corpus()
          if (e["position"] + zlib.crc32(n.encode())) % 20 == 0 and len(e["text"]) < 1500]


def _found(text: str) -> Counter[tuple[int | None, float | None, str | None]]:
    return Counter((t.year, t.value, t.unit) for t in extract_plan(text).targets)


@pytest.fixture(scope="module")
def untransformed() -> dict[int, Counter[tuple[int | None, float | None, str | None]]]:
    return {id(e): _found(e["text"]) for _, _, e in SAMPLE}


SINGLE = sorted(t for t in TRANSFORMS if t != "web")

# Texts whose targets a transform still changes, found when the sample was made stable (session 17: by each file's own
# positions, not the whole corpus's, so that adding sets moves no other set's texts). Left open, each a surface bug to
# fix: a full-width page reads 100% as a 2023 goal (96#8); spaces or a hard wrap lose 到2020拟创建's year (124#37); a
# wrap reads a count of boilers (40#12) or of places (62#22) that the page as written does not.
KNOWN_CHANGED = {("blind96", 8, "full"), ("blind124", 37, "spaces"), ("blind124", 37, "wrap"), ("blind40", 12, "wrap"),
                 ("blind62", 22, "wrap")}


@pytest.mark.parametrize("transform", SINGLE)
def test_a_transform_keeps_the_targets_found(transform: str, untransformed: dict[int, Any]) -> None:
    changed = []
    for i, n, e in SAMPLE:
        text, _ = transformed(n, i, e, transform)
        got = _found(text)
        known = (n, i, transform) in KNOWN_CHANGED
        if (got != untransformed[id(e)]) != known:  # a known one that no longer changes: take it off the list
            changed.append((n, i, sorted(untransformed[id(e)] - got, key=str), sorted(got - untransformed[id(e)], key=str)))
    assert not changed, f"{transform} changes the targets of {len(changed)} texts (lost, added): {changed[:5]}"


def test_the_sample_holds_targets_and_every_transform_changes_its_text() -> None:
    # the check is not empty: the sample holds hundreds of targets, and every transform rewrites most texts
    assert sum(len(e["gold"]) for _, _, e in SAMPLE) > 200
    for transform in SINGLE:  # (most quotes already write , ; : ( ) half-width, the newer sets nearly all: half rewrites
        # fewer — with sets 66–75 in the corpus 9 of the 125 sampled texts, with 102–108 11 of the 178)
        rewritten = sum(transformed(n, i, e, transform)[0] != e["text"] for i, n, e in SAMPLE)
        assert rewritten > len(SAMPLE) // (20 if transform == "half" else 2), transform


def test_spans_index_the_text_as_given() -> None:
    # junk, a gloss, full-width digits, spaces and a hard wrap before the amount: the span still marks “１６ ％”
    text = "某省印发方案◈ღ◈,,明确到２０２７年 ，全省單位地區生產總值能耗\n比2022年下(xià)降 １６ ％。"
    normal = normalise(text)
    assert "◈" not in normal.text and "(xià)" not in normal.text and "2027年，" in normal.text
    [target] = extract_plan(text).targets
    assert (target.year, target.value, target.unit) == (2027, 16.0, "%")
    start, end = target.span or (0, 0)
    assert text[start:end] == "１６ ％"


def test_a_list_of_short_lines_and_a_title_are_no_wrapped_text() -> None:
    # one item per line (a headline list) keeps its lines; a title line is not joined to the body
    text = ("2026年主要预期目标\n国内生产总值增长4.5%—5%\n城镇新增就业1200万人以上\n居民消费价格涨幅2%左右\n"
            "单位国内生产总值二氧化碳排放降低3.8%左右\n粮食产量1.4万亿斤左右\n")
    assert normalise(text).text == text
    wrapped = ("2021年某市生态文明建设九大行动任务明确\n日前,市政府印发通知,明确2021年全市生态文明建设九\n"
               "大行动任务。实施碳汇行动,年内计划完成净增造林1500亩,退化林修\n复、低效林改造等4400亩,封山育林8000亩,森林抚育3万亩。\n")
    assert normalise(wrapped).text == wrapped.replace("九\n大", "九大").replace("修\n复", "修复")


def test_every_form_at_once_keeps_most_targets() -> None:
    # the web transform (繁体 + glosses, full-width, spaces, spam, emoji and hard wraps on one text) is not
    # invariant yet (whole corpus: P and R about 0.035 lower, gold README "Surface forms"); the sample keeps
    # at least 90 % of the targets found as annotated
    kept = total = 0
    for i, n, e in SAMPLE:
        text, _ = transformed(n, i, e, "web")
        base = _found(e["text"])
        kept += sum((base & _found(text)).values())
        total += sum(base.values())
    assert kept >= 0.9 * total, (kept, total)
