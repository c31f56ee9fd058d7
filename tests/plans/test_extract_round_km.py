"""Round km (issue 10): the classes of blind sets 26–28 (tests/plans/gold/README.md, "Round km"), each with a text
written for the test (none is quoted from a blind set) and, where the rule could overreach, a negative."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _found(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


def test_decomposition_table_by_place() -> None:
    """A table splitting a city's goal over its towns: one target per town and column, dated by
    the table's title; the 责任单位 column carries no value; rows with the same value stay apart."""
    text = ("某市人民政府关于分解下达2021年度节能目标的通知\n各镇人民政府：现将目标分解下达。\n"
            "某市2021年度节能目标分解表\n"
            "镇(街道) | 单位GDP能耗降幅目标(%) | 能耗增量控制(万吨标准煤) | 责任单位 |\n"
            "东 湖 | 3.2 | 5 | 东湖镇人民政府 |\n"
            "西 山 | 3.2 | 4.5 | 西山镇人民政府 |\n")
    targets = [t for t in extract_plan(text).targets if "|" in (t.quote or "")]
    got = sorted((t.indicator[:2], t.year, t.value, t.unit, str(t.relation)) for t in targets)
    assert got == [("东湖", 2021, 3.2, "%", "reduce_by"),
                   ("东湖", 2021, 5.0, "万吨标准煤", "<="),
                   ("西山", 2021, 3.2, "%", "reduce_by"),
                   ("西山", 2021, 4.5, "万吨标准煤", "<=")]


def test_decomposition_table_period_in_title_and_pinyin() -> None:
    """A 繁体 page with pinyin glosses: the period of the title (“十三五”) dates the rows (2020)."""
    text = ("附件\n某市“十三五”各縣(市、區(qū))碳強(qiáng)度\n下降目標(biāo)分解表\n"
            "縣(市、區(qū)) | 碳強(qiáng)度下降目標(biāo) | 責(zé)任部門 |\n"
            "甲縣 | 20% | 甲縣人民政府 |\n乙區(qū) | 19.5% | 乙區(qū)人民政府 |\n")
    assert {(2020, 20.0, "%"), (2020, 19.5, "%")} <= _found(text)


def test_table_without_place_column_is_not_read_as_one() -> None:
    text = "重点任务 | 责任单位 |\n到2025年，新建绿色工厂10家。 | 市工信局 |\n"
    assert _found(text) == {(2025, 10.0, "家")}


def test_start_of_a_move_before_a_comma_is_the_baseline() -> None:
    """从2021年的55%，提升到2026年的60%: the start is the baseline, not a target of its own."""
    targets = extract_plan("《方案》提出，全市污水资源化利用率从2021年的55%，提升到2026年的60%。").targets
    assert [(t.year, t.value, t.baseline_value, t.baseline_year) for t in targets] == [(2026, 60.0, 55.0, 2021)]


def test_statistics_and_forecasts_are_no_targets() -> None:
    """Figures of today, of the years gone, of the part of a year gone, a person's forecast, what
    happens if nothing is done, a rank, a comparison with an average, a slogan: no target. The
    same figures stated as goals stay targets."""
    for text in ("截至目前，全区光伏装机容量达52万千瓦，其中：分布式光伏12万千瓦。",
                 "至目前，全市共建成充电桩3200个。",
                 "原标题：某县一季度清洁能源发电量达3.2亿千瓦时",
                 "今年首三个月，全省水泥产量按年下降4.1%，至2100万吨。",
                 "过去20年间，全市单位能耗逐年下降，吨钢综合能耗从620千克下降至540千克。",
                 "专家判断，到2040年全国氢能消费占比将达到10%以上。",
                 "若不采取措施加以控制，2030年全市餐厨垃圾产生量将达到150万吨。",
                 "全县光伏装机规模达300万千瓦，居全省第三。",
                 "全县努力实现“两个翻番、三个突破”的发展目标。"):
        assert _found(text) == set(), text
    assert _found("到2026年，全区PM2.5浓度下降8%，优于全省平均水平2.5个百分点。") == {(2026, 8.0, "%")}
    assert _found("到2027年，全市光伏装机容量达到120万千瓦。") == {(2027, 120.0, "万千瓦")}
    assert _found("力争今后五年全市单位GDP能耗逐年下降，到2030年累计下降15%。") == {(2030, 15.0, "%")}


def test_a_report_goes_on_in_a_paragraph_of_examples() -> None:
    """例如，… after a paragraph stating what was done in a past year goes on with that report."""
    text = ("2023年，全省大气污染防治开展了大量工作，取得明显成效。\n"
            "例如，全年完成散煤治理12万户，累计淘汰老旧车辆3万辆。\n")
    assert _found(text) == set()


def test_a_place_and_its_period_date_the_goal() -> None:
    """我市“十四五”单位GDP能耗需下降14%: the period after the place dates the goal (2025)."""
    assert _found("某市人民政府 2021年3月1日\n我市“十四五”单位GDP能耗需下降14%。") == {(2025, 14.0, "%")}


def test_a_goal_said_to_be_a_value_with_its_base() -> None:
    """2020年全市的基数是0.62吨标准煤/万元，2025年目标是0.53吨标准煤/万元: the goal is the value after
    目标是, the base year's value its baseline (not a target)."""
    targets = extract_plan("按照分解方案，2020年全市的基数是0.62吨标准煤/万元，2025年目标是0.53吨标准煤/万元。").targets
    assert [(t.year, t.value, t.unit, t.baseline_value, t.baseline_year) for t in targets] == [
        (2025, 0.53, "吨标准煤/万元", 0.62, 2020)]


def test_qualities_of_a_model_are_no_projection() -> None:
    """可实现、可复制、可推广 names qualities; the goals of the sentence stay (可实现 alone still projects)."""
    text = "到2027年，全县可再生能源装机达到80万千瓦，探索出一条可实现、可复制、可推广的发展之路。"
    assert _found(text) == {(2027, 80.0, "万千瓦")}
    assert _found("项目建成后可实现年发电量3亿千瓦时。") == set()


def test_what_a_plan_requires_told_by_a_reporter() -> None:
    """据悉，…必须从…下降到2030年的…: a requirement told by a reporter is a target."""
    text = "某市日报 2024年5月6日\n据悉，根据分解方案，甲区的能耗强度必须从2020年的0.5吨标准煤/万元下降到2030年的0.4吨标准煤/万元。"
    assert _found(text) == {(2030, 0.4, "吨标准煤/万元")}


def test_two_places_joined_by_and_share_the_goal() -> None:
    assert _found("到2026年，东湖新区和西山新区年均下降率要求为4%。") == {(2026, 4.0, "%")}
    names = sorted(t.indicator for t in extract_plan("到2026年，东湖新区和西山新区年均下降率要求为4%。").targets)
    assert [n[:4] for n in names] == ["东湖新区", "西山新区"]
    # a generic pair is no list of places
    assert len(extract_plan("到2026年，城市和县城生活垃圾无害化处理率达到99%。").targets) == 1


def test_a_year_clause_after_a_dateline_or_a_subject_dates_the_paragraph() -> None:
    """（记者某某）到2027年，… and 总体目标，全省到2027年，… date the later sentences of their paragraph."""
    text = "本报讯（记者李明）到2027年，全市绿色制造水平明显提升。其中，单位工业增加值能耗降低12%。"
    assert _found(text) == {(2027, 12.0, "%")}
    text = "《方案》确定的总体目标是，全省到2027年，新能源公交车达到2万辆。其中，省会城市新能源公交车比例不低于90%。"
    assert _found(text) == {(2027, 2.0, "万辆"), (2027, 90.0, "%")}


def test_a_unit_spelt_in_traditional_characters_is_the_same_unit() -> None:
    """個 / 萬噸 in a gold entry copied from a 繁体 page name the units the extractor reads as 个 / 万吨."""
    from cocontrol.plans.evaluate import normalize_unit

    assert normalize_unit("個") == normalize_unit("个") == "个"
    assert normalize_unit("萬噸") == "万吨"
    assert normalize_unit("吨") != normalize_unit("万吨")


def test_a_base_stating_the_change_that_made_it() -> None:
    """在2021年节水20%的基础上再降低10%: the base year is 2021, its change no target nor level."""
    targets = extract_plan("到2026年，在2021年降低能耗20%的基础上再降低10%，建成一批示范项目。").targets
    assert [(t.year, t.value, t.unit, t.base_year, t.baseline_value) for t in targets] == [(2026, 10.0, "%", 2021, None)]


def test_a_later_copy_of_a_page_keeps_the_goals_it_speaks_of_with_intent() -> None:
    """A page dated 2023 whose text says 2018年将完成…: a later copy; its goals for 2017–2020 stay."""
    text = ("某省：2018年将新增造林10万亩\n时间:2023-05-06 10:00:00 | 来源:某网\n"
            "近日，某省印发《某新区生态建设方案》，明确于2017年完成湿地修复2万亩，"
            "2020年森林覆盖率达到45%。")
    assert {(2017, 2.0, "万亩"), (2020, 45.0, "%")} <= _found(text)


def test_a_year_after_yu_and_a_verb_before_a_year_list_are_no_part_of_a_name() -> None:
    names = {t.indicator for t in extract_plan("方案明确实施三年行动，于2027年完成造林绿化8万亩。明确2026年、2027年绿化覆盖率分别提高到40%、45%。").targets}
    assert names == {"造林绿化面积", "绿化覆盖率"}


def test_years_named_as_points_in_time_are_no_amount_of_a_past_verb() -> None:
    """…，同时增加了2027这个时点的任务: 增加了 moves no amount; the goal of the sentence stays."""
    text = "方案明确2030年前全市交通领域碳排放达到峰值，同时增加了2027这个时点的重要任务。"
    assert _found(text) == {(2030, 2030.0, "年")}
    assert _found("到2024年，全市PM2.5浓度下降了17.7%。") == set()


def test_a_year_whose_first_clauses_set_caps_lists_that_years_goals() -> None:
    """2024年全市PM2.5浓度不高于35…，优良天数达到300天以上 (a sentence read without its issue): the later
    clause is a goal of the same year as the caps before it; a year's results stay reports."""
    text = "2024年全市PM2.5平均浓度不高于35微克/立方米，PM10平均浓度不高于60微克/立方米，优良天数达到300天以上。"
    assert (2024, 300.0, "天") in _found(text)
    assert _found("2021年全省完成营造林面积1065万亩，森林覆盖率达到40%。") == set()


def test_a_trend_then_a_bare_years_level_reports() -> None:
    """…逐年下降，2024年达到0.3吨/万元: where the year stands after a trend (a goal says 到2027年)."""
    assert _found("全市固体废物产生强度逐年下降，2024年达到0.3吨/万元。") == set()
    assert _found("全市固体废物产生强度逐年下降，到2027年降至0.25吨/万元。") == {(2027, 0.25, "吨/万元")}
