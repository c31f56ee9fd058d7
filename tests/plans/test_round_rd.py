"""Round rd (issue 10): written conventions made general (sentences written for this round)."""

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.textnorm import clean


def _values(text: str) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for t in extract_plan(text).targets]


# --- numbers a PDF page broke with one space -------------------------------------------------
def test_share_broken_by_a_space_is_one_number() -> None:
    assert clean("到2025年，污水收集率达到1 00%。").text == "到2025年，污水收集率达到100%。"
    assert clean("到2025年，绿化覆盖率达到10 0%。").text == "到2025年，绿化覆盖率达到100%。"
    assert (100.0, "%") in _values("到2026年，道路清扫保洁机械化率达到1 00%。")


def test_thousands_group_broken_by_a_space_before_a_unit() -> None:
    assert clean("到2030年，风电装机达到3 500万千瓦。").text == "到2030年，风电装机达到3500万千瓦。"


def test_numbers_set_side_by_side_stay_apart() -> None:
    assert clean("优良天数比例 85 90%").text == "优良天数比例85 90%"  # two table cells
    assert clean("分别为5、10%").text == "分别为5、10%"
    assert clean("2020 2025").text == "2020 2025"
    assert clean("比例达到85 90%").text == "比例达到85 90%"  # 8590 % cannot be a share
    assert clean("装机达到35 00万千瓦").text == "装机达到35 00万千瓦"  # not a thousands group


# --- a list dated by its lead clause or heading ----------------------------------------------
def _years(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


def test_lead_clause_of_a_year_and_its_work_dates_the_items_after_it() -> None:
    text = "2027年重点任务部分指出：推进工业绿色转型。建设市级绿色工厂30家。新增光伏装机200万千瓦。\n"
    assert _years(text) == [(2027, 30.0), (2027, 200.0)]


def test_lead_clause_of_a_period_and_its_goals_dates_the_items_after_it() -> None:
    text = "“十五五”时期的发展目标任务概括为：推动全面绿色转型。优化能源结构，可再生能源装机占比达到60%以上。\n"
    assert _years(text) == [(2030, 60.0)]


def test_stage_named_with_one_year_dates_what_follows() -> None:
    text = "从远期目标（2035年）看，生态环境根本好转。湿地保护率达到60%以上，城市绿化覆盖率提高。\n"
    assert _years(text) == [(2035, 60.0)]


def test_review_of_a_year_is_not_a_lead() -> None:
    text = "2021年重点工作完成情况：新建城市公园20个，完成造林5万亩。\n"
    assert _years(text) == []


def test_year_line_broken_with_the_lines_under_it_dates_the_numbered_items() -> None:
    # a PDF's heading line 到 2025 年 (spaces) joined to the broken lines after it, then numbered items whose
    # text goes on in a plain line
    text = "（二）工作目标\n到 2026 年\n3\n绿色\n1.出\n行比例超过 70%。\n2.基\n本建成网络,力争轨道里程突破 300 公里。\n"
    assert _years(text) == [(2026, 70.0), (2026, 300.0)]


def test_plain_paragraph_after_the_list_still_ends_the_scope() -> None:
    text = "到2025年，主要目标如下：\n1.绿色出行比例达到70%。\n全市现有公交线路120条。\n"
    years = dict((v, y) for y, v in _years(text))
    assert years.get(70.0) == 2025 and years.get(120.0) != 2025
