"""Round ya (issue 10, session 15): an amount opening its noun after a verb of work, in a goal's clause.

Convention: tests/plans/gold/README.md, "Round ya (issue 10, session 15)". Every sentence here was written for these
tests."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _read(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


def test_a_verb_not_known_to_the_extractor() -> None:
    # 新启动 is no known verb: the amount between it and its noun is the goal's value
    assert (2027, 120.0, "座") in _read("到2027年，全市计划新启动120座小型水库除险加固。")


def test_the_second_item_of_a_list_of_amounts_in_another_unit() -> None:
    got = _read("“十五五”期间，规划建设120万千瓦分布式光伏、80万千瓦陆上风电。")
    assert (2030, 120.0, "万千瓦") in got and (2030, 80.0, "万千瓦") in got


def test_a_list_of_counts_written_in_traditional_characters() -> None:
    got = _read("2026年底前，準備實施約60處小型水庫除險加固、35處山塘整治。")
    assert (2026, 60.0, "处") in got and (2026, 35.0, "处") in got


def test_a_list_of_names_closed_by_deng_after_a_verb_of_work() -> None:
    assert (2027, 12.0, "条") in _read("力争2027年，统筹推进东河、西河等12条重点河道综合整治。")


def test_a_plan_laying_out_counts_of_parks() -> None:
    got = _read("到2030年，規劃布局18個綜合公園、25個專類公園。")
    assert (2030, 18.0, "个") in got and (2030, 25.0, "个") in got


def test_a_heading_without_punctuation() -> None:
    assert (2026, 20.0, "座") in _read("（三）2026年新启动20座小型水库除险加固")


def test_two_works_in_one_clause_each_with_its_amount() -> None:
    got = _read("到2028年，力争提质改造300公里农村公路、新建改造45座农村桥梁。")
    assert (2028, 300.0, "公里") in got and (2028, 45.0, "座") in got


def test_the_things_chosen_then_the_work_done_on_them() -> None:
    assert (None, 25.0, "处") in _read("明年计划优选25处中型灌区开展节水改造。")


def test_a_county_plan_in_traditional_characters_with_its_deadline() -> None:
    assert (2027, 45.0, "座") in _read("2027年前，全縣計劃新啟動45座農村供水站提標改造。")


def test_what_must_not_change() -> None:
    # a count of places is the scope of the amount after it
    assert _read("到2027年，在12个乡镇完成3500户农房改造。") == {(2027, 3500.0, "户")}
    # the rating of each thing counted is no amount
    assert (2025, 2.5, "千瓦") not in _read("到2025年，新建2.5千瓦标准机架80万架。")
    # a review: told done
    assert _read("2023年已实施30处大型灌区续建配套。") == set()
    # a list of subjects closed by 等, the count the subject of another predicate
    assert _read("到2026年底，直辖市、省会城市等46个重点城市生活垃圾处理能力进一步提升。") == set()
    # 将 of 把: the count is the object of a later verb
    assert _read("今年将2573个水体纳入美丽河湖建设。") == set()
    # places counted, then the work done in them: a scope
    assert _read("2026年，力推20个重点县石漠化综合治理。") == set()
    # the count sums up the items named before it
    assert (2026, 4.0, "个") not in _read("到2026年，增加农药、电池、钢铁、化工4个重点行业。")


def test_counts_of_a_field_opening_their_clause_then_the_work_done() -> None:
    # the field (化工行业) before the counts, the things counted, then what they all achieve (count_doer)
    got = _read("2026年底前，化工行业2台燃煤锅炉、5座燃煤窑炉全部完成关停退出。")
    assert (2026, 2.0, "台") in got and (2026, 5.0, "座") in got
    assert (2027, 3.0, "条") in _read("到2027年，建材行业3条水泥熟料生产线完成超低排放改造。")


def test_a_field_with_its_level_stays_one_target() -> None:
    # the look-alike: the field names a measure, no count opens the clause
    assert _read("到2027年，钢铁行业产能达到3000万吨。") == {(2027, 3000.0, "万吨")}
