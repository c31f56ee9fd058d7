"""Round td (issue 10, session 13): a text about one year's work is that year's plan (convention 4 of session 12 read
by the words a reader goes by: that year's work meeting, its work goals, 做好Y年…工作). Its undated goals — 年底前, 年内,
全年 ones included — take that year. Texts written for the test, never a quote of a set, with the look-alikes that stay
as they are (no written year; a meeting that sums up a year; a page dated in another year than the work it names)."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan, goals_set_year


def _keys(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


_MEETING = ("2027年全县交通运输工作会议日前召开。会议明确，全县交通系统将力争年底前新建农村公路120公里，"
            "年内完成危桥改造15座，并推进客运站提档升级。")


def test_a_years_work_meeting_dates_its_undated_goals() -> None:
    keys = _keys(_MEETING)
    assert (2027, 120.0, "公里") in keys and (2027, 15.0, "座") in keys


def test_the_meeting_names_the_year_of_the_work() -> None:
    assert goals_set_year(_MEETING) == 2027
    assert goals_set_year("某县2027年林业工作电视电话会议召开。") == 2027


def test_doing_a_years_work_well_names_its_year() -> None:
    text = ("为扎实做好2028年农村人居环境整治工作，结合本县实际，制定本方案。\n\n一、工作目标\n\n"
            "全年完成农村户厕改造3000户，农村生活垃圾收运处置体系覆盖率达到95%以上。")
    assert goals_set_year(text) == 2028
    keys = _keys(text)
    assert (2028, 3000.0, "户") in keys and (2028, 95.0, "%") in keys


def test_a_years_work_goals_and_its_stretch_goals() -> None:
    text = ("某区召开环境整治领导小组会议，部署2029年大气污染防治工作。会议明确，2029年大气污染防治工作目标为："
            "PM2.5年均浓度低于33微克/立方米，优良天数比例达到86%。奋斗目标为：PM2.5年均浓度低于30微克/立方米，"
            "优良天数比例达到90%以上。")
    keys = _keys(text)
    assert (2029, 30.0, "微克/立方米") in keys and (2029, 90.0, "%") in keys


def test_a_page_posted_in_the_year_of_the_work_it_names() -> None:
    text = ("发布时间：2027-07-20 09:30\n\n某市林业系统2027年半年工作视频会召开。会议提出，全市将力争年底前完成"
            "人工造林8万亩，年内新建森林公园6个。")
    keys = _keys(text)
    assert (2027, 8.0, "万亩") in keys and (2027, 6.0, "个") in keys


def test_no_written_year_leaves_the_goals_undated() -> None:
    # must not change: 年底前/年内 goals of a text naming no year stay undated (the annotators' rule)
    keys = _keys("全县交通运输工作会议日前召开。会议明确，全县将力争年底前新建农村公路120公里，年内完成危桥改造15座。")
    assert all(y is None for y, _, _ in keys)


def test_a_meeting_summing_up_a_year_names_no_years_work() -> None:
    # must not change: a meeting that sums a year up reviews it
    assert goals_set_year("2026年全县交通运输工作总结会议召开，全年新建农村公路120公里。") is None
    assert goals_set_year("会议指出，全县圆满完成2026年工作目标任务。") is None


def test_a_page_dated_in_another_year_keeps_its_reading() -> None:
    # must not change: a page posted in 2028 on the 2027 meeting — the page date alone dates nothing, the work's year
    # differs from it, so the text is read as before
    text = ("发布时间：2028-02-03 10:00\n\n回顾：某市2027年林业工作会议曾提出，全市力争年底前完成人工造林8万亩。")
    assert all(y != 2027 or v != 8.0 for y, v, _ in _keys(text))
