"""Early warnings per responsible unit with the linked tasks."""

from __future__ import annotations

from cocontrol.tracking import targets_frame
from cocontrol.tracking.status import assess
from cocontrol.tracking.warnings import by_responsible_unit
from tests.tracking.conftest import make_plan, obs_frame


def test_units_levels_and_linked_tasks():
    doc = make_plan(
        [{"id": "wind", "indicator": "海上风电在运在建装机规模", "year": 2026, "value": 260,
          "unit": "万千瓦", "relation": ">=", "baseline_value": 150, "baseline_year": 2024,
          "responsible": ["市发展改革委", "市海洋发展局"], "task": "二.(一).1"},
         {"id": "pv", "indicator": "光伏发电在运在建装机规模", "year": 2026, "value": 200,
          "unit": "万千瓦", "relation": ">="},
         {"id": "pm", "indicator": "PM2.5浓度", "year": 2026, "value": 24, "unit": "微克/立方米",
          "relation": "<=", "responsible": ["市生态环境局"]}],
        tasks=[{"id": "二.(一).1", "title": "大力发展清洁能源", "responsible": ["市发展改革委"]},
               {"id": "二.(一).2", "title": "推进光伏", "responsible": ["市能源局"], "targets": ["pv", "wind"]}])
    obs = obs_frame([("wind", 2025, 180, "万千瓦"), ("pm", 2024, 22, "微克/立方米")])
    status = assess(targets_frame(doc), obs, as_of=2025)
    warn = by_responsible_unit(status, doc)
    # wind: off track (see test_status) → both its units, red, both linked tasks;
    # pv: no data → the unit of the task listing it; pm: achieved → no warning.
    assert set(zip(warn["unit"], warn["target_id"], warn["level"], strict=True)) == {
        ("市发展改革委", "wind", "红色预警"), ("市海洋发展局", "wind", "红色预警"),
        ("市能源局", "pv", "数据预警")}
    row = warn[warn["unit"] == "市海洋发展局"].iloc[0]
    assert row["task_ids"] == "二.(一).1,二.(一).2"
    assert "大力发展清洁能源" in row["tasks"]
    assert by_responsible_unit(status, doc, include_no_data=False)["target_id"].tolist() == ["wind", "wind"]
    # each warning keeps its target's relation, so that a page shows the goal as written (不低于260万千瓦，2026年)
    assert set(warn["relation"]) == {">="}
