"""济南 absorbed 莱芜 in January 2019: the CO2 series says how it reads across the change —
restated (the demo: CEADs 济南 + 莱芜 before 2019, said in every fuel row's source) or a break."""

from __future__ import annotations

import pandas as pd

from cocontrol import demo
from cocontrol.data.boundaries import boundary_note


def test_the_demo_is_restated_and_says_so():
    note = boundary_note("济南市", list(range(2015, 2024)), demo.activity("济南市"))
    assert note == "2019年1月原莱芜市并入济南市；2015—2018年数据已按现行行政区划（含原莱芜市）回溯，各年可比。"


def test_data_not_restated_are_marked_as_a_break():
    rows = pd.DataFrame({"region": "济南市", "year": [2018, 2019], "source": "统计年鉴"})
    assert boundary_note("济南市", [2018, 2019], rows) == (
        "2019年1月原莱芜市并入济南市；2018年数据为调整前区划口径，与2019年及以后各年不可直接比较。")


def test_no_note_where_the_years_do_not_cross_a_change():
    assert boundary_note("济南市", [2019, 2020, 2023], demo.activity("济南市")) is None
    assert boundary_note("淄博市", list(range(2015, 2024)), demo.activity("淄博市")) is None


def test_the_report_and_the_overview_say_it_in_both_languages():
    """The annual report's emissions section carries the note under the CO2 trend; its English
    edition translates it (Laiwu, Jinan), as the English overview page does through the same
    glossary."""
    from cocontrol.reports.annual import _emissions
    from cocontrol.reports.english import translate
    from cocontrol.reports.workspace import Workspace, gather

    res = gather("济南市", 2023, Workspace.demo(), layers=("inventory",))
    texts = [b.text for b in _emissions(res).blocks if hasattr(b, "text")]
    note = "2019年1月原莱芜市并入济南市；2015—2018年数据已按现行行政区划（含原莱芜市）回溯，各年可比。"
    assert note in texts
    assert translate(note, plan=True) == ("In 1/2019 the former Laiwu was merged into Jinan; 2015–2018 are restated "
                                          "on today's boundary (including the former Laiwu), so the years compare.")
    one = "2019年1月原莱芜市并入济南市；2018年数据为调整前区划口径，与2019年及以后各年不可直接比较。"
    assert "2018 is on the earlier boundary" in translate(one)
