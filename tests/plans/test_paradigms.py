"""Lexical metamorphic tests of goal statements (issue 10): a fixed, seeded sample of the
compositions of :mod:`tests.plans.paradigms` (deadline forms × verbs and relations × hedges ×
numerals × units × the place of the statement in its sentence, and the report forms that are
not targets), each with its known answer under the unseen sets' key (year, value, unit).

The whole table (≈14 000 compositions, per-cell results) is printed by
``PYTHONPATH=src .venv/bin/python -m tests.plans.paradigms``; this test keeps a sample fast.
"""

from __future__ import annotations

import pytest

from tests.plans.paradigms import Answer, Case, cases, run, sample

SAMPLE = sample(400, seed=10)


def test_the_sample_is_fixed_and_covers_every_kind() -> None:
    again = sample(400, seed=10)
    assert [c.text for c in again] == [c.text for c in SAMPLE]
    families = {c.cell["family"] for c in cases()}
    assert {"report", "peak", "year range (level)", "分别/均 list", "dimensionless"} <= families


def test_compositions_are_honest() -> None:
    """Grammar kept honest: 以内 only with 控制在 (or a gap 缩小到 a ratio), a level verb (降至) never with a change unit
    (个百分点), a concentration never with a change of its level, 要 never before 为."""
    for c in cases():
        t = c.text
        if "以内" in t:
            assert "控制在" in t or "缩小" in t, t
        if "个百分点" in t:
            assert not any(w in t for w in ("降至", "降到", "下降到", "提高到", "提升至")), t
        assert not any(a.unit == "微克/立方米" and a.relation == "reduce_by" for a in c.answers), t
        assert "要为" not in t, t


@pytest.mark.parametrize("case", SAMPLE, ids=lambda c: c.text[:30])
def test_paradigm_sample(case: Case) -> None:
    ok, pred, _ = run(case)
    want = sorted((a.year, round(a.value, 3), a.unit) for a in case.answers)
    assert ok, f"{case.text}: want {want}, got {pred} ({case.cell})"


def test_hand_worked_answers() -> None:
    """Compositions whose answers were worked by hand, not read off the generator's tables."""
    by_text = {c.text: c.answers for c in cases()}
    assert by_text["截至2023年底，森林覆盖率达到30%；2025年前，森林覆盖率达到40%。"] == (Answer(2025, 40.0, "%", ">="),)
    assert by_text["2024—2026年，森林覆盖率稳定在30%以上。"] == tuple(
        Answer(y, 30.0, "%", ">=") for y in (2024, 2025, 2026))
    assert by_text["2024—2026年，全市累计新增光伏发电装机200万千瓦。"] == (Answer(2026, 200.0, "万千瓦", "="),)
    assert by_text["“十三五”期间，森林覆盖率达到30%。"] == ()
