"""The reviewed seed plans keep their peak targets (issue 10: 济南's 2030年前碳达峰 was missing) and the demo judges
them consistently with the scenario chapter (no peak before 2030 in 济南's scenarios: 存在风险, not 进度正常)."""

from __future__ import annotations

import pytest

from tests.examples.test_demo_story import _status

yaml = pytest.importorskip("yaml")


def _gold_peaks(gold: str) -> set[tuple[int, float]]:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "plans" / "gold" / gold
    targets = yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]
    return {(t["year"], float(t["value"])) for t in targets if t.get("unit") == "年" and not t.get("uncertain")}


@pytest.mark.parametrize(("region", "gold"), [
    ("济南市", "004_ec4efe7686378a5a.yaml"), ("荣成市", "002_f45fb1e62091458f.yaml"),
])
def test_every_peak_target_of_the_annotated_seed_is_in_the_reviewed_plan(region: str, gold: str) -> None:
    status = _status(region)
    peaks = status[(status["unit"] == "年") & (status["relation"] == "<=")]
    assert _gold_peaks(gold) == {(int(r["target_year"]), float(r["target_value"])) for r in peaks.to_dict("records")}


def test_jinans_carbon_peak_is_at_risk_as_its_scenarios_say() -> None:
    status = _status("济南市")
    row = status[status["indicator"] == "碳达峰"].iloc[0]
    assert row["status"] == "at_risk" and int(row["target_year"]) == 2030
