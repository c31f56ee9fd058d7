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
