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
