"""Blue carbon in the net-emissions figure and the annual report's 海洋碳汇 chapter."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.sinks.blue import net_co2_by_year, removals_by_year
from cocontrol.sinks.report import chapter

ACTIVITY = pd.DataFrame([
    ["测试市", 2023, "seagrass", "测试海草床", "area", 150, "亩", "real"],   # 10 ha
    ["测试市", 2024, "seagrass", "测试海草床", "area", 300, "亩", "illustrative"],
], columns=["region", "year", "sink_type", "item", "variable", "value", "unit", "label"])
EMISSIONS = pd.DataFrame([["测试市", 2023, "Others", "Raw_Coal", "CO2", 1_000_000.0, "t", 1]],
                         columns=["region", "year", "sector", "fuel", "species", "value", "unit",
                                  "scope"])


def test_net_co2_is_direct_co2_minus_removals() -> None:
    total, blue = removals_by_year(ACTIVITY, "测试市")
    removal = 10 * 0.43 * 44 / 12  # IPCC 2013 Wetlands Supplement seagrass, 0.43 tC/ha/yr
    assert total[2023] == pytest.approx(removal) and blue == total
    assert net_co2_by_year({2023: 1_000_000.0}, total) == pytest.approx({2023: 1e6 - removal})


def test_chapter_uses_the_year_inventory_and_sinks_share() -> None:
    sec = chapter("测试市", 2025, EMISSIONS, ACTIVITY)
    text = " ".join(b.text for b in sec.blocks if hasattr(b, "text"))
    assert "2023年测试市蓝碳碳汇量为16吨" in text          # 15.77 t shown to 0 decimals
    assert "净排放量为100.00万吨" in text                  # (1e6 − 15.77) t in 万吨, 2 decimals
    assert chapter("测试市", 2022, EMISSIONS, ACTIVITY) is None
    assert chapter("别的市", 2025, EMISSIONS, ACTIVITY) is None


def test_a_project_not_yet_started_lists_no_sink() -> None:
    """The report of a year before the project's start says so and gives no sink range; from
    its first year on, the range is area × cover × the IPCC rates (0.2 / 0.43 / 0.6 tC/ha/yr)."""
    from cocontrol.sinks.report import project_table
    from cocontrol.sinks.restoration import Project, StoredProject

    project = Project(name="鳗草", sink_type="seagrass", area_ha=1150 / 15,
                      start=pd.Timestamp("2024-04-01"), care_years=3, shoot_threshold=0.45,
                      seedling_threshold=0.30)
    surveys = pd.DataFrame({"date": pd.to_datetime(["2024-10-15"]), "shoot_survival": [0.52],
                            "seedling_survival": [0.35], "cover": [0.40]})
    stored = [StoredProject(project, surveys, "威海市")]
    before = project_table(stored, 2023).rows[0]
    assert before[5] == "尚未开工" and before[6:9] == [None, None, None]
    after = project_table(stored, 2024).rows[0]
    assert after[5] == "达标"
    assert after[6:9] == pytest.approx([1150 / 15 * 0.40 * r * 44 / 12 for r in (0.2, 0.43, 0.6)],
                                       abs=1e-3)  # rounded to kg
