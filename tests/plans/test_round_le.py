"""Round le (issue 10): the lead's conventions of session 9 and the misses of blind sets 29–36, each
class with sentences written for the test (never a quote of a blind set)."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.quantities import find_quantities


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def _names(text: str) -> list[str]:
    return [t.indicator for t in extract_plan(text).targets]


def test_a_range_of_counts_gives_both_ends() -> None:
    # lead's convention: the binding end is the target and the other end is recorded too — the extractor reads
    # both (a unit written only after the high end: 1-2家, 2至3个, 30～35万亩)
    assert _keys("到2026年，培育链主企业1-2家，建成零碳园区2至3个。") == [
        (2026, 1.0, "家"), (2026, 2.0, "家"), (2026, 2.0, "个"), (2026, 3.0, "个")]
    assert _keys("到2028年，PM2.5浓度降至28-32微克/立方米。") == [
        (2028, 28.0, "微克/立方米"), (2028, 32.0, "微克/立方米")]
    assert _names("到2026年，建成零碳园区2至3个。") == ["零碳园区", "零碳园区"]


def test_a_range_of_shares_joined_by_至_gives_both_ends() -> None:
    assert _keys("到2027年，单位产值能耗下降6%至8%。") == [(2027, 6.0, "%"), (2027, 8.0, "%")]


def test_a_move_or_two_units_is_no_range() -> None:
    # negative: 由X到Y moves a level (only Y is the goal); 下降30%至41微克 is a change, then a level
    assert (2027, 36.0, "%") not in _keys("到2027年，绿化覆盖率由36%到40%。")
    q = find_quantities("浓度下降30%至41微克/立方米")
    assert [(x.value, x.unit) for x in q] == [(30.0, "%"), (41.0, "微克/立方米")]
    assert find_quantities("2024-2026年") == []


def test_one_rate_after_a_list_of_what_it_is_measured_on_is_each_ones() -> None:
    # lead's convention: one value after an A、B list without 分别/均 → one target per item
    text = "到2027年，新建学校、新建医院屋顶光伏覆盖率达到60%。"
    assert _keys(text) == [(2027, 60.0, "%"), (2027, 60.0, "%")]
    assert _names(text) == ["新建学校覆盖率", "新建医院屋顶光伏覆盖率"]
    assert len(_keys("到2027年，受污染农田及污染场地安全利用率达到96%左右。")) == 2


def test_a_share_of_several_kinds_or_places_stays_one() -> None:
    # negative: 占比 of kinds taken together, short items (城市及城镇), places and a 的-phrase are not split
    assert len(_keys("到2027年，风能和太阳能装机占比达到45%。")) == 1
    assert len(_keys("到2027年，城市及城镇清洁供暖率达到85%。")) == 1
    assert len(_keys("到2027年，缺水地区和超载地区再生水利用率达到35%。")) == 1
    assert len(_keys("到2027年，试验区、重点区域的服务区快充站覆盖率不低于70%。")) == 1
    assert len(_keys("到2027年，城市新建、改建居住区绿地达标率大于90%。")) == 1


def test_verbs_of_building_a_network() -> None:
    # 开通/布局 directly before an amount govern it as 建成 does
    assert _keys("到2027年，支持甲市开通3条氢能公交线路。") == [(2027, 3.0, "条")]
    assert _keys("“十五五”将规划布局2万公里以上绿色货运走廊。") == [(2030, 2.0, "万公里")]


def test_布局_as_a_noun_is_no_verb() -> None:
    assert _keys("到2027年，优化产业布局，布局更加合理。") == []


def test_lines_of_a_goals_list_without_punctuation() -> None:
    # a heading dating a list, then lines of (name, amount) with no punctuation: each line ends its clause
    text = ("二、2027年主要预期目标\n城镇调查失业率 5.5% 左右\n城镇新增就业 1,150 万人以上\n"
            "居民消费价格涨幅 2% 左右\n单位地区生产总值能耗降低 3% 左右")
    assert _keys(text) == [(2027, 5.5, "%"), (2027, 1150.0, "万人"), (2027, 2.0, "%"), (2027, 3.0, "%")]
    assert "1,150" not in "".join(_names(text))  # (the comma of 1,150 is no clause mark)


def test_a_unit_broken_over_two_lines_goes_on() -> None:
    # negative: 326万千|瓦 and 1.5亿|平方米 are one amount each
    assert _keys("到2027年，风电装机达到326万千\n瓦，绿色建筑1.5亿\n平方米。") == [(2027, 326.0, "万千瓦"), (2027, 1.5, "亿平方米")]


def test_pinyin_glosses_in_square_brackets() -> None:
    text = "到2027年，光伏装【zhuāng】机规模力争达到6000万【wàn】千瓦【wǎ】。"
    assert _keys(text) == [(2027, 6000.0, "万千瓦")]


def test_兆_in_a_taiwan_copy_and_years_of_length() -> None:
    assert _keys("到2030年，糧食產量達到 1.5 兆斤左右。") == [(2030, 1.5, "兆斤")]
    assert _keys("到2030年，平均受教育年限提高到12.1年，人均预期寿命提高到81岁。") == [(2030, 12.1, "年"), (2030, 81.0, "岁")]


def test_兆瓦_stays_a_unit_and_a_deadline_year_is_no_length() -> None:
    assert _keys("到2027年，新增储能装机500兆瓦。") == [(2027, 500.0, "兆瓦")]
    assert _keys("到2027年，服务年限届满的设备2028年底前全部更新。") == []


def test_fiscal_sums_are_no_targets() -> None:
    assert _keys("2027年，赤字规模比上年增加3,100亿元。") == []


def test_a_period_naming_the_goal_done_dates_nothing() -> None:
    # 到2024年底，…；甲市完成国家“十四五”时期…目标，乙市推动…: the period qualifies the goal done; the piece
    # keeps the year of its sentence
    text = "到2024年底，全省推动3至4个示范城市建设；甲市完成国家“十四五”时期建设阶段性目标，乙市推动1至2个示范园区建设。"
    assert [y for y, _, _ in _keys(text)] == [2024, 2024, 2024, 2024]


def test_a_heading_line_naming_a_plan_period_dates_the_paragraphs_after_it() -> None:
    # a news digest: an unnumbered line “十五五”时期 (its layout joins it to what follows), then goals without a year
    text = ("某市召开会议，部署明年工作。\n\n“十五五”时期\n\n主要目标和重大任务\n\n"
            "绿色低碳方面，提出单位地区生产总值二氧化碳排放累计降低18%。\n\n安全保障方面，粮食综合生产能力达到500万吨左右。")
    assert _keys(text) == [(2030, 18.0, "%"), (2030, 500.0, "万吨")]


def test_a_goals_line_after_an_intro_naming_one_plan() -> None:
    # 主要目标指标 with no year, after an intro naming the 第十五个五年规划纲要: that plan's last year
    text = "国务院编制了《国民经济和社会发展第十五个五年规划纲要(草案)》，现作简要报告。\n\n主要目标指标\n\n其中，提出研发经费投入年均增长8%以上。"
    assert _keys(text) == [(2030, 8.0, "%")]


def test_a_goals_line_after_an_intro_naming_two_plans_is_not_dated() -> None:
    # negative: an intro naming two plan periods leaves the heading without a year
    text = "会议回顾第十四个五年规划，部署第十五个五年规划编制。\n\n主要目标指标\n\n其中，提出研发经费投入年均增长8%以上。"
    assert _keys(text) == [(None, 8.0, "%")]


def test_traditional_unit_characters_in_simplified_prose() -> None:
    # a 繁体 figure quoted in simplified prose (the text is not detected as traditional): 萬人, 個 are units
    assert _keys("到2027年，城镇新增就业 1,100 萬人以上，新建充电桩3,000個。") == [(2027, 1100.0, "万人"), (2027, 3000.0, "个")]


def test_news_of_a_release_was_written_before_the_years_it_plans() -> None:
    # an undated news item on a plan's release: its bare years of intent (于2012年完成…) are goals, not reports
    text = "近日，某省政府办公厅印发《某新区绿化三年行动方案》，明确于2012年完成造林8万亩，2015年城市绿化覆盖率达到45%。"
    assert _keys(text) == [(2012, 8.0, "万亩"), (2015, 45.0, "%")]


def test_the_same_years_without_a_release_report() -> None:
    # negative: without the release the bare past years are reports (the assumed issue year is later)
    assert _keys("某新区于2012年完成造林8万亩，2015年城市绿化覆盖率达到45%。") == []


def test_a_phase_of_a_plan_dates_its_paragraph() -> None:
    # 2006年一2010年： (一 for the dash) opens a phase: its last year dates the sentences after it; 消减 = 削减
    text = "近日，某市制定了《某市生态市建设规划》。2006年一2010年：创建一批生态示范区。全市万元GDP能耗降低18%以上；主要污染物排放总量消减12%以上。"
    assert _keys(text) == [(2010, 18.0, "%"), (2010, 12.0, "%")]
    assert [t.relation for t in extract_plan(text).targets] == ["reduce_by", "reduce_by"]


def test_落实_a_work_and_its_amount() -> None:
    # 落实X项目200万平方米 governs its object's amount as 实施 does; 落实 a goal or a fund states no target
    assert _keys("2027年，落实近零能耗建筑项目150万平方米。") == [(2027, 150.0, "万平方米")]
    assert _keys("2027年，落实专项资金3亿元。") == []


def test_a_count_of_things_that_get_the_care() -> None:
    # ；12条河流生态流量得到有效保障；: how many of the things named get it; 万米 is a length
    text = "到2027年，全市地表水优良比例达到95%；12条河流生态流量得到有效保障；新增河湖生态缓冲带长度8万米。"
    assert _keys(text) == [(2027, 95.0, "%"), (2027, 12.0, "条"), (2027, 8.0, "万米")]
    assert _keys("2023年，全市12条河流生态流量得到有效保障。") == []  # a year gone: a report


def test_开工_a_work_and_its_amount() -> None:
    assert _keys("2027年实施储能专项行动，开工新型储能装机800万千瓦。") == [(2027, 800.0, "万千瓦")]


def test_a_pledge_kept_on_schedule_is_no_peak_of_the_clause_year() -> None:
    # 如期实现碳达峰目标 in a sentence naming no year: the pledge is named, not dated by the scope's year
    assert _keys("到2026年，全市新建绿色建筑200万平方米。“十五五”是如期实现碳达峰目标的关键阶段。") == [(2026, 200.0, "万平方米")]
    assert _keys("到2030年，全市力争实现碳达峰目标。") == [(2030, 2030.0, "年")]
    assert _keys("到2030年，能耗持续下降，如期实现碳达峰目标。") == [(2030, 2030.0, "年")]  # (its own year clause)


def test_a_review_quoting_a_plan_goal_ahead() -> None:
    # a review section (成效) that quotes a plan's goals for a year still ahead states them
    text = ("二、某省生态保护工作成效显著\n一是保护地位明显提升。2021年6月，《某省生态保护修复总体规划(2021—2035年)》发布，"
            "提出到2035年森林覆盖率达到48%，湿地保护率提高到65%。\n二是投入持续加大。2020年全省完成造林30万亩。")
    assert _keys(text) == [(2035, 48.0, "%"), (2035, 65.0, "%")]


def test_two_goals_run_together_and_a_核心目标() -> None:
    assert [v for _, v, _ in _keys("某市设定2027年森林覆盖率目标值为41.5%2035年目标值为43%。")] == [41.5, 43.0]
    text = "规划明确提出到2027年，营造和修复湿地12000公顷，其中营造湿地5000公顷、修复现有湿地7000公顷的核心目标。"
    assert _keys(text) == [(2027, 12000.0, "公顷"), (2027, 5000.0, "公顷"), (2027, 7000.0, "公顷")]


def test_a_count_in_万_or_亿_without_its_noun_unit() -> None:
    # 用户数超过5.6亿； / 用气人口约达到2.5亿，: the count's unit is the prefix as written; a sum of money stays out
    assert _keys("到2027年，5G用户数超过8.5亿；用气人口约达到3.2亿，") == [(2027, 8.5, "亿"), (2027, 3.2, "亿")]
    assert _keys("2027年，完成投资120亿。") == []
    assert _keys("到2027年，产业产值达到6万亿") == []  # (a page cut before its unit: no unit read)


def test_出台_a_count_and_a_level_held() -> None:
    assert _keys("提出到2027年，国家层面出台60个左右重点产品核算规则。") == [(2027, 60.0, "个")]
    assert _keys("到2027年，确保原油产量长期稳定在2.1亿吨水平。") == [(2027, 2.1, "亿吨")]


def test_two_short_place_names_opening_a_clause() -> None:
    # 其中甲安、乙岗下降幅度要达到18% (districts written without 区): one target per name, the change each one's
    text = "“十五五”期间，全市单位生产总值能耗下降16%，其中甲安、乙岗下降幅度要达到18%。丙田和丁山年均下降率要求达到3.6%。"
    assert _keys(text) == [(2030, 16.0, "%"), (2030, 18.0, "%"), (2030, 18.0, "%"), (2030, 3.6, "%"), (2030, 3.6, "%")]
    assert [t.relation for t in extract_plan(text).targets][1:3] == ["reduce_by", "reduce_by"]


def test_two_words_before_a_level_are_no_place_pair() -> None:
    # negative: a pair before a level word (not a change measure) is not split by this rule
    assert len(_keys("到2030年，城乡建设用地规模控制在300平方公里以内。")) == 1


def test_thousands_set_apart_by_a_space() -> None:
    # 1 200万千瓦, 3 000 个: one number (a single leading digit, then groups of three, then the unit)
    assert _keys("到2030年，全省新能源装机达到1 300万千瓦，新建充电桩 4 000 个。") == [(2030, 1300.0, "万千瓦"), (2030, 4000.0, "个")]


def test_count_units_of_piles_lamps_and_buildings() -> None:
    assert _keys("力争2027年全市充电桩总数达到18万根，改造既有建筑40栋。") == [(2027, 18.0, "万根"), (2027, 40.0, "栋")]


def test_a_range_whose_low_end_carries_only_the_prefix() -> None:
    assert _keys("到2030年，森林蓄积量达到2.5亿~2.7亿立方米。") == [(2030, 2.5, "亿立方米"), (2030, 2.7, "亿立方米")]
    assert [v for _, v, _ in _keys("到2030年，全市人口规模保持在900万至950万人。")] == [900.0, 950.0]


def test_an_idiom_counts_nothing() -> None:
    # 推进千家万户节能行动: 千家 is no count of 1000 家
    assert _keys("到2027年，推进千家万户节能行动，全市单位工业增加值能耗下降12%。") == [(2027, 12.0, "%")]


def test_a_goal_handed_down_is_a_goal() -> None:
    # 下达了…“十五五”要下降22%的…目标任务: handing down (下达了) is past, the goal (要下降) is not; the period before
    # 要 dates it
    assert _keys("同时，下达了我市“十五五”要下降21.0%的工业节能目标任务。") == [(2030, 21.0, "%")]
    assert _keys("2023年，全市森林覆盖率达了45%。") == []  # (达了 still reports)


def test_values_required_of_a_pair_named_at_the_sentence_start() -> None:
    # 甲田和乙湖…指标要求…，分别为16%和15%: 分别为 after a requirement states required values, one per name
    text = "“十五五”期间，甲田和乙湖单位生产总值能源消耗指标要求下降幅度低于全市平均水平，分别为16%和15%。"
    assert _keys(text) == [(2030, 16.0, "%"), (2030, 15.0, "%")]
    assert _names(text) == ["甲田单位生产总值能源消耗", "乙湖单位生产总值能源消耗"]
    assert _keys("2023年，甲田和乙湖的森林覆盖率分别为46%和45%。") == []  # (a statistic: no requirement before)


def test_制定_a_count_of_standards() -> None:
    # 2028年前制定80项和2030年前制定150项…标准: 制定 governs its count as 建成 does; each count keeps its own year
    assert _keys("确保2028年前制定80项和2030年前制定150项行业碳足迹核算标准。") == [(2028, 80.0, "项"), (2030, 150.0, "项")]
    assert _keys("到2027年，制定完善地方标准。") == []
