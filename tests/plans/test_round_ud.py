"""Round ud (issue 10, session 14): goals handed down to a class of places, 分别 over years written as a plan period.

Convention: tests/plans/gold/README.md, "Round ud (issue 10, session 14)". Every sentence here was written for these
tests."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _read(text: str) -> set[tuple[str, int | None, float | None]]:
    return {(t.indicator, t.year, t.value) for t in extract_plan(text).targets}


def test_a_plan_period_in_a_year_list_before_fen_bie() -> None:
    # a period stands for its last year; the values pair with the years in order
    got = _read("确定的目标任务是：“十四五”和2022年某州万元生产总值用水量分别下降16%和3.5%。")
    assert ("某州万元生产总值用水量", 2025, 16.0) in got
    assert ("某州万元生产总值用水量", 2022, 3.5) in got
    assert len(got) == 2


def test_a_class_of_places_owns_the_goals_after_it() -> None:
    text = ("据此分解的目标任务是：东岭、西岭、北岭3县为一类地区，“十四五”和2022年万元生产总值用水量分别下降16%和3.5%；"
            "南岭为二类地区，“十四五”和2022年万元生产总值用水量分别下降12%和2.6%。")
    got = _read(text)
    for place in ("东岭", "西岭", "北岭"):
        assert (place + "万元生产总值用水量", 2025, 16.0) in got
        assert (place + "万元生产总值用水量", 2022, 3.5) in got
    assert ("南岭万元生产总值用水量", 2025, 12.0) in got
    assert ("南岭万元生产总值用水量", 2022, 2.6) in got
    assert len(got) == 8


def test_a_class_named_in_a_sentence_of_its_own() -> None:
    # a full stop right after the naming does not end the sentence: it only says whose goals come next
    text = ("下达的目标任务是：上河、下河2区为第一类地区。“十四五”和2022年单位地区生产总值能耗分别下降15%和3.1%；"
            "中河为第二类地区，“十四五”和2022年单位地区生产总值能耗分别下降13%和2.7%。")
    got = _read(text)
    assert ("上河单位地区生产总值能耗", 2025, 15.0) in got
    assert ("下河单位地区生产总值能耗", 2022, 3.1) in got
    assert ("中河单位地区生产总值能耗", 2025, 13.0) in got
    assert ("中河单位地区生产总值能耗", 2022, 2.7) in got
    assert len(got) == 6


def test_a_class_of_cities_that_is_a_scope_stays_one_target() -> None:
    # the look-alike that stays: 直辖市、省会城市 are a scope, no place a goal is handed to
    got = _read("到2025年，直辖市、省会城市为一类城市，城市生活垃圾回收利用率达到40%。")
    assert {n for n, _, _ in got} == {"城市生活垃圾回收利用率"}


def test_a_year_list_without_fen_bie_is_not_paired() -> None:
    # the look-alike that stays: two years and one value, no 分别 — one target, not one per year
    got = _read("到2022年和2025年，全市生活污水集中收集率稳定达到70%以上。")
    assert len(got) == 1


def test_a_breakdown_by_place_one_cell_a_line() -> None:
    # 序号 | place column | one goal column, its cells a blank line apart, dated by the line introducing it
    text = ("某市人民政府关于下达各区2027年用水强度目标任务的通知\n\n各区人民政府：\n\n"
            "根据省里下达的任务，确定2027年各区用水强度目标任务如下：\n\n\n序 号\n\n区县\n\n"
            "万元生产总值用水量下降目标（%）\n\n1\n\n东城区\n\n4.2\n\n2\n\n西城区\n\n3.8\n\n\n"
            "请各区抓好落实。\n")
    got = _read(text)
    assert {(n[:3], y, v) for n, y, v in got} == {("东城区", 2027, 4.2), ("西城区", 2027, 3.8)}


def test_a_list_of_places_one_a_line_without_goal_column_is_no_table() -> None:
    # the look-alike that stays: 序号 | 区县 | 2026年常住人口 — a statistic by place, no goal column
    text = ("某市各区人口情况如下：\n\n序 号\n\n区县\n\n常住人口（万人）\n\n1\n\n东城区\n\n70.4\n\n2\n\n西城区\n\n110.6\n")
    assert _read(text) == set()


def test_places_each_with_its_value_after_a_measure_and_a_colon() -> None:
    got = _read("到2026年，各县区细颗粒物年均浓度目标：南坡县31微克/立方米、北坡县34微克/立方米。")
    assert {(n, y, v) for n, y, v in got} == {("南坡县细颗粒物年均浓度", 2026, 31.0), ("北坡县细颗粒物年均浓度", 2026, 34.0)}


def test_places_where_work_is_done_are_no_breakdown() -> None:
    # the look-alike that stays: places named as where the work happens, one amount for the whole
    got = _read("到2026年，在南坡县、北坡县建设污水处理厂2座。")
    assert len(got) == 1 and next(iter(got))[2] == 2.0
