"""Round ra (issue 10): the classes left on blind sets 45, 46, 48, 49 and 50, each fixed at its root and
tested with sentences written for the test — never a quote of a set — and a negative beside every rule."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def _named(text: str) -> dict[tuple[int | None, float | None, str | None], str]:
    return {(t.year, t.value, t.unit): t.indicator for t in extract_plan(text).targets}


# class 2: a year followed by a dash opens a list of that year's goals written without verbs


def test_a_year_dash_list_dates_its_verbless_items() -> None:
    text = ("某省储能产业发展规划（2022-2035年）\n发展目标：2026年——新型储能装机3-4百万千瓦，示范电站15座，"
            "60亿元产业产值；\n2030年——新型储能装机10-12百万千瓦，示范电站40座，3000台储能变流器；"
            "2035年——示范电站90座，2万台储能变流器，500亿元产业产值。")
    named = _named(text)
    for key in [(2026, 3.0, "百万千瓦"), (2026, 15.0, "座"), (2026, 60.0, "亿元"), (2030, 10.0, "百万千瓦"),
                (2030, 40.0, "座"), (2030, 3000.0, "台"), (2035, 90.0, "座"), (2035, 2.0, "万台"), (2035, 500.0, "亿元")]:
        assert key in named, key
    assert named[(2035, 2.0, "万台")] == "储能变流器"
    assert named[(2026, 15.0, "座")] == "示范电站"
    assert not any(name.startswith("—") for name in named.values())


def test_a_dash_without_a_year_opens_no_goal_list() -> None:
    # negative: a dash after a name (a subtitle) is no year-dash list; a report stays a report
    text = "某市能源发展回顾——截至2023年底，全市已建成示范电站12座，储能变流器800台，产业产值45亿元。"
    assert _keys(text) == []


# class 4: a decimal point written as 。 on a mirror page


def test_a_decimal_point_written_as_a_full_stop_before_a_percent() -> None:
    text = "某县新闻 2026年，全县地表水优良比例达到95。4%，空气质量优良天数比率达到88。7%，森林覆盖率达到61%。"
    keys = _keys(text)
    assert (2026, 95.4, "%") in keys and (2026, 88.7, "%") in keys and (2026, 61.0, "%") in keys


def test_a_full_stop_after_a_year_or_before_a_count_stays_a_sentence_end() -> None:
    # negative: 2025。3% would be a year then a new sentence; 。3个 may open a sentence on its count
    from cocontrol.plans.normalise import normalise

    assert normalise("目标年为2025。30%的企业完成改造。").text == "目标年为2025。30%的企业完成改造。"
    assert normalise("覆盖率达到97。3个县完成改造。").text == "覆盖率达到97。3个县完成改造。"
    assert normalise("覆盖率达到97。3%。").text == "覆盖率达到97.3%。"


# class 3: a campaign's period with months or days is dated by its end; its 同比 goals are changes


def test_a_campaign_period_with_days_is_dated_by_its_end() -> None:
    text = ("某省秋冬季攻坚方案提出，2024年11月1日至2025年2月28日，全省细颗粒物平均浓度同比下降4%左右，"
            "重污染天数同比减少6%左右；强化源头控制。")
    keys = _keys(text)
    assert (2025, 4.0, "%") in keys and (2025, 6.0, "%") in keys
    assert not any(y == 2024 for y, _, _ in keys)


def test_a_goal_named_after_a_campaign_period_is_read_with_its_same_season_change() -> None:
    text = ("《方案》提出，2024年10月至2025年3月，联防城市PM2.5平均浓度同比下降10%以上，重污染天数同比下降10%以上。"
            "其中，某市的目标为PM2.5平均浓度同比下降16%，重污染天数同比下降14%。")
    keys = _keys(text)
    for key in [(2025, 10.0, "%"), (2025, 16.0, "%"), (2025, 14.0, "%")]:
        assert key in keys, key


def test_a_season_reported_with_a_same_season_change_stays_a_report() -> None:
    # negative: a past season's results (no goal named, no plan speaking) set nothing
    text = "日期：2025-04-02 据通报，2024年10月至2025年3月，全市PM2.5平均浓度为45微克/立方米，同比下降8.2%，重污染天数同比减少3天。"
    assert _keys(text) == []
