"""Issue date, 文号 and issue year read from the document (cocontrol.plans.issued).

Expected dates and numbers are read by hand off the seed files (see examples/seeds/README.md:
威海 2024-09-21 威政字〔2024〕52号, 淄博 2024-05-07 淄环发〔2024〕24号, 济南 2023-06-28
济政字〔2023〕36号; 美丽威海 (2024—2035年) and 荣成 十四五 carry no date or number).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.issued import doc_number, issued
from cocontrol.plans.tense import ASSUMED_ISSUE_YEAR


@pytest.mark.parametrize(
    ("seed_name", "date", "number", "year", "source"),
    [
        ("000_622501f90e077414.txt", dt.date(2024, 9, 21), "威政字〔2024〕52号", 2024, "成文日期"),
        ("001_82be295f4d74f1d3.txt", None, None, 2024, "规划期"),
        ("002_f45fb1e62091458f.txt", None, None, 2021, "规划期"),
        ("003_98f35a46e05eef23.txt", dt.date(2024, 5, 7), "淄环发〔2024〕24号", 2024, "成文日期"),
        ("004_ec4efe7686378a5a.txt", dt.date(2023, 6, 28), "济政字〔2023〕36号", 2023, "成文日期"),
    ],
)
def test_issue_of_the_seeds(seed_name: str, date: dt.date | None, number: str | None, year: int,
                            source: str, seed) -> None:  # type: ignore[no-untyped-def]
    text = seed(seed_name)
    plan = extract_plan(text, source=seed_name).plan
    said = issued(text, plan.horizon)
    assert (said.date, said.doc_number, said.year, said.source) == (date, number, year, source)
    assert (plan.date, plan.doc_number) == (date, number)


@pytest.mark.parametrize(("seed_name", "date"), [("003_98f35a46e05eef23.txt", dt.date(2024, 5, 7)),
                                                 ("004_ec4efe7686378a5a.txt", dt.date(2023, 6, 28))])
def test_print_line_of_the_end_matter(seed_name: str, date: dt.date, seed) -> None:  # type: ignore[no-untyped-def]
    # the last lines of 淄博/济南: “…办公室  2024年5月7日印发” — the date when the head is missing
    tail = seed(seed_name)[-400:]
    said = issued(tail)
    assert (said.date, said.year, said.source) == (date, date.year, "印发日期")


def test_labelled_date_wins_and_takes_iso_form() -> None:
    text = "发布日期：2022-03-01\n某市人民政府\n2021年12月30日\n某市节能实施方案\n"
    said = issued(text)
    assert (said.date, said.source) == (dt.date(2022, 3, 1), "发布日期")
    assert issued("成文日期：2023/6/28\n").date == dt.date(2023, 6, 28)
    # an older signature in Chinese numerals (GB/T 9704-1999 style): 2019-03-05, 2020-12-31
    assert issued("某市人民政府\n二〇一九年三月五日\n").date == dt.date(2019, 3, 5)
    assert issued("某市人民政府\n二〇二〇年十二月三十一日\n").date == dt.date(2020, 12, 31)


def test_doc_number_year_when_there_is_no_date() -> None:
    text = "某市人民政府文件\n某政发〔2022〕8号\n关于印发某市林业发展实施方案的通知\n"
    said = issued(text)
    assert (said.date, said.doc_number, said.year, said.source) == (None, "某政发〔2022〕8号", 2022, "文号")
    # square brackets and a 文号： label are read the same way
    assert doc_number("鲁政办字[2023]12号\n") == "鲁政办字[2023]12号"
    assert issued("文号：冀政字〔2021〕15号　各市人民政府：").year == 2021


def test_numbers_and_dates_inside_sentences_are_not_the_documents() -> None:
    # a cited document number (济南 seed wording) is not the plan's own
    cited = "根据《山东省碳达峰实施方案》（鲁政字〔2022〕242号），制定本工作方案。"
    assert doc_number(cited) is None and issued(cited).year is None
    # a deadline date is not an issue date; an impossible date is no date
    assert issued("到2025年12月31日前，全市PM2.5浓度下降到30微克/立方米。").date is None
    assert issued("某市人民政府\n2023年2月30日\n").date is None


def test_issue_year_from_the_doc_number_decides_report_or_target() -> None:
    # 〔2022〕: 2021 is before the issue → a report; 2023 after it → a target. Read alone
    # (no number), the sentence-alone default (2024) makes 2023 a report too.
    body = "2021年全市完成营造林面积8.6万亩。2023年全市完成营造林面积9万亩。\n"
    numbered = "某市人民政府文件\n某政发〔2022〕8号\n关于印发某市林业发展实施方案的通知\n" + body
    assert [(t.year, t.value) for t in extract_plan(numbered).targets] == [(2023, 9.0)]
    assert ASSUMED_ISSUE_YEAR == 2024
    assert extract_plan(body).targets == []


def test_a_deadline_date_in_a_sentence_leaves_the_default() -> None:
    # before: 2025-12-31 was taken as the plan's date, so “2024年…” was dropped as past
    doc = extract_plan("到2025年12月31日前，全市PM2.5浓度下降到30微克/立方米，2024年全市完成营造林面积9万亩。")
    assert doc.plan.date is None
    assert [(t.year, t.value) for t in doc.targets] == [(2025, 30.0), (2024, 9.0)]


def test_a_plan_period_named_as_the_time_of_goals_bounds_the_issue_year() -> None:
    # round sg (issue 10): an undated text whose goals name a plan period ahead (…的目标, 到“十二五”末, 期间…要) was written
    # before that period ended: its last year bounds the issue year, as 到2015年 does
    from cocontrol.plans.issued import goal_year_bound, period_goal_years

    ahead = ("某省召开节能工作会议，部署“十二五”节能工作。会议要求，努力实现“十二五”期间重点用能单位节能3000万吨标准煤的目标，"
             "单位地区生产总值能耗下降17%。")
    assert period_goal_years(ahead) == [2015]  # (部署“十二五”节能工作 names the period, no goal)
    assert goal_year_bound(ahead) == 2015
    assert issued(ahead).year == 2015 and issued(ahead).source == "目标年"
    assert goal_year_bound("到“十二五”末，全市森林覆盖率将达到40%。") == 2015
    # so the old news keeps its goals: a bare 2015 is the period's goal year, not a year gone (read against the
    # assumed issue year 2024 the two levels were reports)
    news = ahead + "2015年，全省规模以上工业单位增加值能耗比2010年下降18%，重点企业能源管理体系覆盖率达到80%。"
    assert [(t.year, t.value, t.unit) for t in extract_plan(news).targets] == [(2015, 18.0, "%"), (2015, 80.0, "%")]


def test_a_plan_period_reviewed_or_named_as_a_base_bounds_nothing() -> None:
    from cocontrol.plans.issued import goal_year_bound, period_goal_years

    # a review of the period (超额完成, 已, 以来, 取得 …) in any sentence: the period is not ahead anywhere in the text
    review = ("“十二五”期间，全省单位地区生产总值能耗累计下降18%，超额完成国家下达的目标任务。"
              "“十二五”节能目标的实现为今后打下了基础。")
    assert period_goal_years(review) == []
    assert goal_year_bound(review) is None
    assert extract_plan(review).targets == []
    # a period as the base of a change (比“十一五”末) or the owner of a figure (“十一五”的两项) is no goal time
    assert period_goal_years("到2015年，单位工业增加值能耗力争比“十一五”末降低16%。") == []
    assert period_goal_years("减排指标由“十一五”期间的两项增为四项。") == []
    # a later period named (十四五) leaves no bound: the text may be a recent one quoting an old plan
    assert goal_year_bound("“十二五”期间要实现节能目标。“十四五”期间将继续推进。") is None
