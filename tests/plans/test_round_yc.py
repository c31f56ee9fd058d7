"""Round yc (issue 10, session 15): amounts and years as written in texts from other places and times.

Sentences written for these tests (no gold quote): how other bureaus and other papers write a year retyped with Arabic
zeros (二00五年), a cut as Taiwan and Hong Kong pages write it (减量, 减碳, 减 right before the amount), a base year in
brackets after the word for it (较基准年(2005年)), a share whose % a page wrote as 占比, shares in Chinese numerals over a
range (百分之三至五, 一成半), 民國 years under the short name of a Taiwan city government (北市府, 高市府) — with and
without commas, the year before or after the subject, 繁体 — and the look-alikes that stay as they are."""

from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.normalise import normalise
from cocontrol.plans.quantities import find_quantities


def _found(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


# a year retyped with the keyboard's zero for 〇 (old 政府工作报告 on mirror pages): every goal of its lead is dated
RETYPED_YEAR = [
    ("二00五年全区经济社会发展的主要预期目标是：地区生产总值增长10%。", 2005, 10.0),
    ("二00六年的主要目标：城镇登记失业率控制在4.5%以内。", 2006, 4.5),
    ("到二0一0年，全市森林覆盖率达到30%。", 2010, 30.0),
    ("二0二0年前，农村生活垃圾收运处置体系覆盖率达到90%以上。", 2020, 90.0),
    ("到二00八年，全縣糧食總產量穩定在5億公斤以上。", 2008, 5.0),
    ("我市确定的二00七年目标是：单位生产总值能耗下降4%。", 2007, 4.0),
    ("一九九0年代初", None, None),  # (no goal: only the year is read)
    ("力争二00九年城市污水处理率提高到75%。", 2009, 75.0),
    ("二00四年的主要预期目标是，全省固定资产投资增长百分之十五。", 2004, 15.0),
]


@pytest.mark.parametrize(("text", "year", "value"), [r for r in RETYPED_YEAR if r[1] is not None])
def test_a_year_retyped_with_arabic_zeros_dates_its_goals(text: str, year: int, value: float) -> None:
    assert (year, value) in [(y, v) for y, v, _ in _found(text)], _found(text)


def test_the_retyped_year_is_read_as_a_year() -> None:
    assert normalise("二00四年主要预期目标").text.startswith("2004年")
    assert normalise("一九九0年代初").text.startswith("1990年")


# a cut written as Taiwan and Hong Kong pages write it: 减量 / 减碳 / 减 right before the amount
TAIWAN_CUT = [
    ("2030年溫室氣體排放量較基準年減量25%。", 2030, 25.0),
    ("本市目標2040年減碳60%，2050年達成淨零排放。", 2040, 60.0),
    ("2035年全市温室气体较2005年减量40%。", 2035, 40.0),
    ("2035年運輸部門碳排放減量45%。", 2035, 45.0),
    ("2030年运输部门较基准年减碳20%、2040年减碳50%。", 2040, 50.0),
    ("2050年則需減100%，方能達成淨零。", 2050, 100.0),
    ("本市2040年溫室氣體減碳70%。", 2040, 70.0),
    ("力争2030年工业部门碳排放减量三成。", 2030, 30.0),
]


@pytest.mark.parametrize(("text", "year", "value"), TAIWAN_CUT)
def test_a_cut_written_as_taiwan_pages_write_it(text: str, year: int, value: float) -> None:
    assert (year, value, "%") in _found(text), _found(text)


# a base year in brackets after the word for it names the base, not the goal's year
BRACKETED_BASE = [
    ("2030年相較基準年(2005年)溫室氣體減量達30%。", 2030, 30.0),
    ("本县提出2030年较基准年（2005年）减少25%的目标。", 2030, 25.0),
    ("到2035年，碳排放量较基期(2020年)下降20%。", 2035, 20.0),
    ("2030年溫室氣體排放量較基準年(2005年)減少30%。", 2030, 30.0),
]


@pytest.mark.parametrize(("text", "year", "value"), BRACKETED_BASE)
def test_a_base_year_in_brackets_is_no_goal_year(text: str, year: int, value: float) -> None:
    found = _found(text)
    assert (year, value, "%") in found and not any(y in (2005, 2020) for y, _, _ in found), found


# a share whose % a page wrote as 占比
LOST_PERCENT = [
    ("到2025年，城市生活污水集中收集率达到70占比以上。", 2025, 70.0),
    ("到2022年，全县农村卫生厕所普及率高于90占比。", 2022, 90.0),
    ("到2030年，再生水利用率达25占比，", 2030, 25.0),
    ("力争2026年建成区绿地率达到38.5占比左右。", 2026, 38.5),
    ("到2024年，乡镇污水处理设施覆盖率不低于80占比;", 2024, 80.0),
    ("到2025年，完成60占比的村庄清洁行动。", 2025, 60.0),
    ("到2027年，秸秆綜合利用率穩定在95占比以上。", 2027, 95.0),
    ("2025年农膜回收率达85占比目标。", 2025, 85.0),
]


@pytest.mark.parametrize(("text", "year", "value"), LOST_PERCENT)
def test_a_share_written_n_zhanbi_is_a_share(text: str, year: int, value: float) -> None:
    assert (year, value, "%") in _found(text), _found(text)


@pytest.mark.parametrize("text", ["到2025年，新能源汽车占比达到50%。", "到2025年，PM2.5占比，逐年下降。",
                                  "2024年第3占比排名靠前。"])
def test_the_noun_zhanbi_stays_a_noun(text: str) -> None:
    assert "%" not in normalise(text).text.replace("50%", "")


# shares in Chinese numerals over a range, and half a tenth
CN_SHARE_RANGES = [
    ("百分之三至五", [3.0, 5.0]),
    ("百分之七点五至十", [7.5, 10.0]),
    ("百分之一到二", [1.0, 2.0]),
    ("百分之十五至二十以上", [15.0, 20.0]),
    ("一成半", [15.0]),
    ("两成半以上", [25.0]),
    ("百分之十到百分之二十", [10.0, 20.0]),  # (both ends written whole: two shares, as before)
    ("百分之五", [5.0]),
]


@pytest.mark.parametrize(("text", "values"), CN_SHARE_RANGES)
def test_chinese_numeral_shares_over_a_range(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text) if q.unit == "%"] == values


def test_chinese_share_range_dates_with_its_clause() -> None:
    found = _found("二○三○年的可再生能源佔發電比例將增至百分之八至十二。")
    assert (2030, 8.0, "%") in found and (2030, 12.0, "%") in found, found


def test_half_is_not_a_tenth_before_a_word() -> None:
    assert [q.value for q in find_quantities("两成半数")] == [20.0]


# 民國 years under the short name of a Taiwan city government
def test_roc_years_under_a_city_governments_short_name() -> None:
    for text in ("北市府表示，到115年全市公有屋頂太陽光電設置量達到80MW。",
                 "高市府訂定115年汽機車電動化比例達到30%的目標。",
                 "桃市府宣示120年溫室氣體減量40%。"):
        assert any(y is not None and y >= 2026 for y, _, _ in _found(text)), (text, _found(text))


def test_a_bare_minguo_year_elsewhere_is_no_year() -> None:
    assert "2020年" not in normalise("市政府提出109年起实施新规，县府负责落实。").text
    assert "2020年" not in normalise("城中市府109年工作").text


# what must not change: a Chinese numeral inside a name, and the nouns 减量化 / 减碳目标 / 增减
def test_names_and_nouns_stay() -> None:
    assert _found("“十四五”期间，推进三北工程建设，共建一带一路。") == []
    assert _found("推进包装减量化，落实减碳目标。") == []
    assert "2004" not in normalise("十二00四年").text


# a year written without its 年 right before a cut and its amount (a headline's way)
YEAR_WITHOUT_NIAN = [
    ("新目標：2030減量25%，2040年減量60%。", 2030, 25.0),
    ("全市溫室氣體排放2035減碳45%。", 2035, 45.0),
    ("交通部门目标2030减少20%。", 2030, 20.0),
    ("提出新目标：2040降低50%以上，2050年实现净零。", 2040, 50.0),
    ("运输部门2030减量–15%～20%。", 2030, 15.0),
    ("目標是2045下降70%", 2045, 70.0),
    ("工业部门碳排放力争2035减少三成。", 2035, 30.0),
    ("全縣2030減碳35%，並逐年檢討。", 2030, 35.0),
]


@pytest.mark.parametrize(("text", "year", "value"), YEAR_WITHOUT_NIAN)
def test_a_year_without_nian_before_a_cut_dates_it(text: str, year: int, value: float) -> None:
    assert (year, value, "%") in _found(text), _found(text)


def test_a_figure_before_a_cut_is_no_year() -> None:
    assert "年" not in normalise("单价1.2030减少").text
    assert "2030年" not in normalise("共2030家企业").text


# a change made (已 + a verb of change) and a goal since replaced (最初设定, 原订, 原目标) are history, not targets
HISTORY = [
    ("本市2020年已减碳12.9%，将2030年目标提高到30%。", 12.9),
    ("全县2021年已下降8%，2025年将下降15%。", 8.0),
    ("截至2022年已经减少20%，力争2030年减少40%。", 20.0),
    ("排放量已降低11%，高于原订8%目标，2030年将降低30%。", 8.0),
    ("从最初设定2030年减量40%，到今年更新为2030年减量50%。", 40.0),
    ("全市绿电比例高于原订的20%，2030年将提高到30%。", 20.0),
    ("原定2025年电动公交比例60%，将提前到2024年达到80%。", 60.0),
    ("當初訂定2030年減碳30%，今年起將2030年減碳目標提高到40%。", 30.0),
]


@pytest.mark.parametrize(("text", "value"), HISTORY)
def test_a_change_made_or_a_goal_replaced_is_history(text: str, value: float) -> None:
    assert value not in [v for _, v, _ in _found(text)], _found(text)


def test_a_goal_to_come_after_a_report_stays() -> None:
    assert (2030, 30.0, "%") in _found("本市2020年已减碳12.9%，将2030年目标提高到30%。")
    assert (2025, 15.0, "%") in _found("全县2021年已下降8%，2025年将下降15%。")


# the share of a work several places do (甲市、乙市完成90%的村庄整治): one goal of the work, not one per place;
# a level each place keeps (甲市、乙市控制在35微克/立方米) still one per place
def test_a_share_of_a_work_places_do_is_one_target() -> None:
    for text in ("到2025年，福安市、霞浦县完成90%的村庄清洁。", "到2025年，东城区、西城区完成80%的老旧小区改造。",
                 "到2026年，南安市、晋江市、石狮市实施70%的农房整治。"):
        assert len(extract_plan(text).targets) == 1, (text, _found(text))
    assert len(extract_plan("到2025年，东城区、西城区PM2.5浓度控制在30微克/立方米以下。").targets) == 2


# the money of other places, and the currency named after an amount in 元 (亿元人民币)
CURRENCY = [
    ("到2025年，全区地区生产总值达到2000亿元人民币。", 2025, 2000.0, "亿元"),
    ("二00六年的主要预期目标是：全市生产总值八百亿元人民币，增长百分之十二。", 2006, 800.0, "亿元"),
    ("到2030年，绿色金融规模达到500亿港元。", 2030, 500.0, "亿港元"),
    ("到2030年，綠色債券發行規模達到300億新台幣。", 2030, 300.0, "亿新台币"),
    ("2026年目标：本地生产总值达到4000亿澳门元。", 2026, 4000.0, "亿澳门元"),
    ("到2027年，本港的环保产业产值达到1200亿港币以上。", 2027, 1200.0, "亿港币"),
    ("2026年主要目标：社会消费品零售总额1500亿元人民币，增长6%。", 2026, 1500.0, "亿元"),
    ("到2028年，全市綠色產業營收突破800億台幣。", 2028, 800.0, "亿台币"),
]


@pytest.mark.parametrize(("text", "year", "value", "unit"), CURRENCY)
def test_money_of_other_places(text: str, year: int, value: float, unit: str) -> None:
    assert (year, value, unit) in _found(text), _found(text)


# 达成 is 实现 as Taiwan and Hong Kong pages write it: the amount it governs is the goal's
DACHENG = [
    ("为达成2030年光电装机100万千瓦目标，市府积极推动。", 2030, 100.0),
    ("為達成2025年離岸風電裝置容量5.7GW的目標，政府持續推動。", 2025, 5.7),
    ("力争2027年达成电动公交车1200辆。", 2027, 1200.0),
    ("本县要在2026年达成再生水利用率30%的目标。", 2026, 30.0),
    ("到2030年達成全市充電樁5萬支。", 2030, 5.0),
    ("期望2028年达成绿电交易量20亿千瓦时。", 2028, 20.0),
    ("为加速达成2030年屋顶光电80万瓩目标，市府持续推动。", 2030, 80.0),
    ("力争在2025年底前达成污水接管率95%。", 2025, 95.0),
]


@pytest.mark.parametrize(("text", "year", "value"), DACHENG)
def test_dacheng_governs_its_amount(text: str, year: int, value: float) -> None:
    assert (year, value) in [(y, v) for y, v, _ in _found(text)], _found(text)


def test_dacheng_rate_is_a_noun() -> None:
    assert (2025, 95.0, "%") in _found("到2025年，年度目标达成率95%以上。")


# 支, the measure word of posts and poles in Hong Kong and Taiwan texts (充电桩约2万支), is a count; 支持/支出 are words
ZHI = [
    ("到2027年，全港公共充電樁增至約3萬支。", 2027, 3.0, "万支"),
    ("到2030年，高速充电桩数量达到5,000支。", 2030, 5000.0, "支"),
    ("到2026年新增智慧路燈桿800支。", 2026, 800.0, "支"),
    ("到2028年，全市快充桩达到12000支以上。", 2028, 12000.0, "支"),
    ("到2030年達成全市充電樁5萬支。", 2030, 5.0, "万支"),
    ("2026年前，路边充电桩增加至约1,500支。", 2026, 1500.0, "支"),
    ("到2029年，各区新设快速充电桩不少于300支。", 2029, 300.0, "支"),
    ("到2035年進一步提升至約20,000支。", 2035, 20000.0, "支"),
]


@pytest.mark.parametrize(("text", "year", "value", "unit"), ZHI)
def test_zhi_counts_posts(text: str, year: int, value: float, unit: str) -> None:
    assert (year, value, unit) in _found(text), _found(text)


def test_zhi_inside_a_word_is_no_unit() -> None:
    assert [q.unit for q in find_quantities("财政支出增长5%，支持200家企业")] == ["%", "家"]


# the metre of Taiwan texts (公尺, 平方公尺, 立方公尺), a concentration per 立方公尺 written volume first and in Chinese
# numerals, and a later mass alone taking the volume said once before it
TAIWAN_MEASURES = [
    ("到2025年，PM2.5年平均濃度降到15微克/立方公尺。", 2025, 15.0, "微克/立方公尺"),
    ("到2025年，PM2.5年平均浓度降到每立方公尺12微克。", 2025, 12.0, "微克/立方公尺"),
    ("到2026年，细悬浮微粒浓度降到每立方公尺廿微克以下。", 2026, 20.0, "微克/立方公尺"),
    ("到2025年，人行道拓宽至3公尺以上。", 2025, 3.0, "公尺"),
    ("到2027年，新增都市綠地1.2萬平方公尺。", 2027, 1.2, "万平方公尺"),
    ("到2030年，雨水貯留量達到50萬立方公尺。", 2030, 50.0, "万立方公尺"),
    ("到2025年，PM2.5年均浓度降到35微克/立方米，2030年再降到30微克。", 2030, 30.0, "微克/立方米"),
    ("到2026年，臭氧八小時濃度降到每立方公尺一百二十微克，2030年再降到一百微克。", 2030, 100.0, "微克/立方公尺"),
]


@pytest.mark.parametrize(("text", "year", "value", "unit"), TAIWAN_MEASURES)
def test_measures_of_taiwan_texts(text: str, year: int, value: float, unit: str) -> None:
    assert (year, value, unit) in _found(text), _found(text)


def test_a_mass_alone_without_a_concentration_before_stays_unread() -> None:
    assert find_quantities("每人每日摄入不超过5微克") == []
