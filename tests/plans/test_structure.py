"""Layout: paragraphs and indicator tables (plans/structure.py)."""

from __future__ import annotations


def test_rows_without_their_first_bar_are_read_in_linear_time() -> None:
    """Lines holding several tables' headers once made the open-row pattern backtrack exponentially
    (found by random texts of test_properties); the alarm turns a hang into a failure."""
    import signal

    from cocontrol.plans.extract import extract_plan
    from cocontrol.plans.structure import _OPEN_ROW

    for row in ("通川区 | 19% | 17% |", "县(市、区) | 碳强度下降目标 | 节能目标 |", "达 县 | 18% |  | 达县人民政府 |"):
        assert _OPEN_ROW.match(row), row
    for line in ("到2025年，单位GDP能耗下降14% |", "指标 | 说明。| 2025年 |", "无竖线的一行"):
        assert not _OPEN_ROW.match(line), line
    header = "| 指标 | 2020年 | 2025年 | 属性 |"
    text = f"专栏1微克/立方米PM2.5浓度{header}{header}由2020年的以下以下个约以上吨%{header}{header}——2026 年， 、年均力争；%森林覆盖率%"
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("backtracking")))
    signal.alarm(20)
    try:
        extract_plan(text)
    finally:
        signal.alarm(0)
