"""Round ub (issue 10, session 14): how amounts and years are written — Chinese-numeral decimals and shares, tenths in
figures, a value sharing the unit after the next one, a power and its energy, circuits, 翻一番以上, ranges held as a
level, the years of a Taiwan text and 今(Y)年. Sentences written for the tests.

Conventions: tests/plans/gold/README.md, section "Round ub (issue 10, session 14)".
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.normalise import normalise
from cocontrol.plans.quantities import find_quantities


def _read(text: str) -> set[tuple[int | None, float, str]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


def _units(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(normalise(text).text)]


def test_chinese_numeral_decimals_with_a_full_width_point() -> None:
    """A full-width point between Chinese digits is 点: 二十二．五GW = 22.5 GW; a Chinese figure before ％ is a share."""
    assert _units("規劃風電裝置容量二十二．五GW、生質能零．八GW，綠能比重約十五．三％") == [
        (22.5, "GW"), (0.8, "GW"), (15.3, "%")]


def test_chinese_numeral_before_percent_that_is_no_figure_stays_unread() -> None:
    """What must not change: a Chinese numeral that writes no figure (百千, 两万) before % is not a share."""
    assert _units("百千%的人群") == []


def test_tenths_written_in_figures() -> None:
    """N成 is N × 10 %, in figures too (再生水利用占4成 → 40 %); not where 成 begins a word (3成员, 5成都)."""
    assert _read("到2028年，全市再生水利用占4成以上。") == {(2028, 40.0, "%")}
    assert _units("共有3成员单位参加，5成都市民") == []


def test_a_value_shares_the_base_unit_after_the_next_one() -> None:
    """分别达到3亿和1.5亿千瓦: the first value has its own 亿 and the base unit written after the next one."""
    assert _read("到2030年，水电和核电装机分别达到3亿和1.5亿千瓦。") == {(2030, 3.0, "亿千瓦"), (2030, 1.5, "亿千瓦")}


def test_a_power_and_its_energy_over_a_slash() -> None:
    """储能规模300万千瓦/600万千瓦时以上: the power and the energy are two amounts, one bound for both."""
    got = {(t.year, t.value, t.unit, t.relation) for t in extract_plan(
        "到2026年，全省新型储能装机规模达到300万千瓦/600万千瓦时以上。").targets}
    assert got == {(2026, 300.0, "万千瓦", ">="), (2026, 600.0, "万千瓦时", ">=")}


def test_a_per_unit_that_is_no_energy_stays_one_unit() -> None:
    """What must not change: a rate over a unit (吨/万元, 万千瓦/年) is one unit, no second amount."""
    assert _units("单位产值能耗0.5吨/万元，新增装机200万千瓦/年") == [(0.5, "吨/万元"), (200.0, "万千瓦/年")]


def test_circuits_and_doubling_with_its_bound() -> None:
    """回路 counts circuits of a line; 翻一番以上 is 2 倍 at least."""
    assert _units("外送通道增加到12条24回路") == [(12.0, "条"), (24.0, "回路")]
    assert [(q.value, q.unit, q.bound) for q in find_quantities("绿地面积比2020年翻一番以上")] == [(2.0, "倍", "以上")]


def test_a_range_held_as_a_level() -> None:
    """储备天数达到7-10天的水平: a range held as a level (both ends, as the README's range convention records)."""
    assert _read("到2027年，全市成品油储备天数达到7-10天的水平。") == {(2027, 7.0, "天"), (2027, 10.0, "天")}


def test_pm25_glued_to_its_amount() -> None:
    """削减PM2.5120.5公吨: the name PM2.5 has no more digits, the amount after it is read."""
    assert _units("削減PM2.5120.5公噸") == [(120.5, "公吨")]


def test_the_years_of_a_taiwan_text() -> None:
    """A text of Taiwan (行政院, 環保署, its counties) counts years from 1912: 112年 = 2023, 112~115年 = 2023~2026."""
    text = "行政院核定空污防制方案，環保署要求臺南市於115年將PM2.5年平均濃度降至15μg/m3。"
    assert normalise(text).text.count("2026年") == 1
    assert _read(text) == {(2026, 15.0, "μg/m3")}
    span = next(t.span for t in extract_plan(text).targets)
    assert span is not None and text[span[0] : span[1]] == "15μg/m3"


def test_a_count_of_years_on_a_mainland_page_stays() -> None:
    """What must not change: 110年 on a page that is not Taiwan's is a count of years, and 100年来 anywhere."""
    assert normalise("建院110年以来，全市累计植树100万株").text == "建院110年以来，全市累计植树100万株"
    text = "行政院與環保署表示，臺東縣建縣100年來空氣品質良好"
    assert "100年來" in normalise(text).text or "100年来" in normalise(text).text


def test_this_year_written_with_its_number() -> None:
    """今(2027)年 is the year 2027 as written."""
    assert normalise("今(2027)年全市计划新增绿地10万平方米").text == "2027年全市计划新增绿地10万平方米"


def test_a_statistic_cut_off_and_a_projects_yearly_yield_are_no_goals() -> None:
    """Read once their amounts are: 统计至Y年M月 dates a statistic (as 截至 does); 建成后，每年将为A、B提供X、Y is what a
    project yields."""
    assert _read("空气质量统计至2026年10月，全市及郊区站优良天数比例分别为91.5%及93.2%。") == set()
    assert _read("两座电站建成后，每年将分别为东城、西城提供3000万、1500万千瓦时电力。") == set()



def test_pieces_counted_after_a_figure() -> None:
    """件 counts pieces after a figure (年产家具80万件), 盆 pots (摆放花卉50万盆); 瓩 is 千瓦 in a text of Taiwan."""
    assert _read("到2027年，家具年生产能力达到80万件。") == {(2027, 80.0, "万件")}
    assert _units("国庆期间摆放花卉不少于50万盆，光電裝置容量達到3百萬瓩") == [(50.0, "万盆"), (3.0, "百万瓩")]


def test_pieces_of_work_stay_unread() -> None:
    """What must not change: 件事 is no count of pieces, and a Chinese numeral before 件 is not read (十件实事)."""
    assert _units("办好10件事") == []
    assert _units("办好十件民生实事") == []
    assert _units("四川3盆地") == []
