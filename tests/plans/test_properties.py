"""Properties of the extractor on arbitrary text (Hypothesis): it never fails, spans lie in
the text and cover a digit or Chinese numeral, and targets validate."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.numerals import cn_to_number

PIECES = st.sampled_from([
    "到2025年，", "2024年、2025年、", "比2005年", "由2020年的", "下降", "达到", "不低于", "控制在",
    "分别", "以上", "以下", "左右", "约", "力争", "年均", "万千瓦", "吨", "%", "微克/立方米", "个", "家",
    "、", "，", "。", "；", "\n", "\n\n", " ", "\t", "（责任单位：市发改委）", "〔2024〕52号", "国六",
    "1900年", "2200年", "326", "1.54", "百分之十", "两", "三成", "一半", "森林覆盖率", "PM2.5浓度",
    "“十四五”期间，", "——2026 年，", "一、", "（一）", "1.", "专栏1", "| 指标 | 2020年 | 2025年 | 属性 |",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_extraction_never_fails_and_spans_hold(text: str) -> None:
    doc = extract_plan(text)
    for t in doc.targets:
        assert t.span is not None and 0 <= t.span[0] < t.span[1] <= len(text)
        covered = text[t.span[0] : t.span[1]]
        assert any(c.isdigit() or c in "零〇一二两三四五六七八九十百千半" for c in covered)
        assert t.value is not None or t.qualitative


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=99_999))
def test_chinese_numerals_round_trip(n: int) -> None:
    """cn_to_number reads what cn2an writes (an2cn), the inverse direction of the library."""
    import cn2an

    assert cn_to_number(cn2an.an2cn(n)) == n
