"""CEMS against the accounting per stack and per month, hand-worked: two stacks, each serving
one unit; one stack-month 50 % above its unit's accounted CO2 is found (threshold
2 × √(0.05² + 0.15²) = 31.6 %), a month with too few CEMS hours is not compared, and a larger
stack-flow uncertainty widens the threshold past the gap."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.enterprises.demo import uscc
from cocontrol.enterprises.verify import verify

from .conftest import coal, enterprise, write

CO2_MONTH = 1000 * 20 * 0.026 * 0.99 * 44 / 12  # 1887.6 t per unit-month (hand-worked)
FLOW = 100_000.0  # Nm³/h


def _hours(stack: str, month: int, mass_t: float, hours: int | None = None) -> list[dict]:
    """CEMS hours of ``stack`` whose CO2 sums to ``mass_t`` over the month's hours."""
    start = pd.Timestamp(2024, month, 1)
    full = int(pd.Timestamp(2024, month, 1).days_in_month * 24)
    pct = mass_t / full * 1000 / 1.977 / FLOW * 100  # t/h → % by volume
    return [{"enterprise_id": "A", "stack_id": stack, "time": start + pd.Timedelta(hours=h),
             "flow": FLOW, "co2": pct} for h in range(hours or full)]


def _folder(tmp_path, stacks=True):
    fuel = [coal(m, facility_id=u, sulfur=None) for u in ("U1", "U2") for m in (1, 2, 3)]
    cems = (_hours("S1", 1, CO2_MONTH) + _hours("S1", 2, CO2_MONTH)
            + _hours("S1", 3, CO2_MONTH, hours=100)  # 100 of 744 h: not compared
            + _hours("S2", 1, CO2_MONTH) + _hours("S2", 2, 1.5 * CO2_MONTH)
            + _hours("S2", 3, CO2_MONTH))
    sheets = {"enterprises": [enterprise()], "fuel": fuel, "cems": cems}
    if stacks:
        sheets["stacks"] = [{"enterprise_id": "A", "stack_id": "S1", "facility_id": "U1"},
                            {"enterprise_id": "A", "stack_id": "S2", "facility_id": "U2"}]
    return write(tmp_path, sheets)


def test_one_stack_month_beyond_the_flow_aware_threshold(tmp_path) -> None:
    found = verify(_folder(tmp_path)).findings
    hits = found[found["rule"] == "co2_stack_month_vs_cems"]
    assert len(hits) == 1
    f = hits.iloc[0]
    assert f["facility_id"] == "S2" and f["evidence"]["months"] == [2]
    assert f["evidence"]["relative_gap"] == [pytest.approx(0.5, abs=1e-4)]
    assert f["evidence"]["threshold"] == pytest.approx(2 * (0.05**2 + 0.15**2) ** 0.5)
    assert f["evidence"]["accounted_t"] == [pytest.approx(CO2_MONTH, abs=1e-3)]
    assert "排口S2" in f["message"] and "烟气流量不确定度" in f["message"]
    # the year of the enterprise: (3 + 3.5 + 100/744) × 1887.6 − 6 × 1887.6 ≈ +10 %: no finding
    assert "co2_accounting_vs_cems" not in set(found["rule"])


def test_a_larger_flow_uncertainty_widens_the_threshold(tmp_path) -> None:
    table = pd.DataFrame({"rule": ["co2_stack_month_vs_cems"], "parameter": ["u_flow"],
                          "value": ["0.25"]})  # 2 × √(0.05² + 0.25²) = 51 % > 50 %
    found = verify(_folder(tmp_path), thresholds=table).findings
    assert "co2_stack_month_vs_cems" not in set(found["rule"])


def test_without_a_stacks_sheet_several_stacks_are_a_data_quality_finding(tmp_path) -> None:
    found = verify(_folder(tmp_path, stacks=False)).findings
    assert "co2_stack_month_vs_cems" not in set(found["rule"])
    gap = found[found["rule"] == "stack_links_missing"]
    assert len(gap) == 1
    f = gap.iloc[0]
    assert (f["enterprise_id"], f["year"], f["severity"]) == ("A", 2024, "medium")
    assert f["evidence"]["stack"] == ["S1", "S2"]
    assert f["message"].startswith("排口与设施对应关系缺失，无法逐排口比对")


def test_stacks_named_by_their_facility_are_attributed_without_a_stacks_sheet(tmp_path) -> None:
    """CEMS stacks U1 and U2 of an enterprise whose facilities are U1 and U2: each unit goes
    to its namesake, so the same 50 % month of U2 is found and nothing is missing."""
    folder = _folder(tmp_path, stacks=False)
    cems = pd.read_parquet(folder / "cems.parquet")
    cems["stack_id"] = cems["stack_id"].map({"S1": "U1", "S2": "U2"})
    cems.to_parquet(folder / "cems.parquet", index=False)
    found = verify(folder).findings
    hits = found[found["rule"] == "co2_stack_month_vs_cems"]
    assert list(hits["facility_id"]) == ["U2"] and hits.iloc[0]["evidence"]["months"] == [2]
    assert "stack_links_missing" not in set(found["rule"])


def test_a_single_stack_takes_every_facility(tmp_path) -> None:
    """One CEMS stack, no stacks sheet: both units' CO2 (2 × 1887.6 t a month) goes through it;
    CEMS carrying 2 × 1887.6 t in January and February finds nothing."""
    folder = _folder(tmp_path, stacks=False)
    cems = pd.DataFrame(_hours("S1", 1, 2 * CO2_MONTH) + _hours("S1", 2, 2 * CO2_MONTH))
    cems.to_parquet(folder / "cems.parquet", index=False)
    found = verify(folder).findings
    assert not {"co2_stack_month_vs_cems", "stack_links_missing"} & set(found["rule"])


def _so2_hours(month: int, conc: float = 100.0) -> list[dict]:
    start = pd.Timestamp(2024, month, 1)
    return [{"enterprise_id": "A", "stack_id": "S1", "time": start + pd.Timedelta(hours=h),
             "flow": FLOW, "so2": conc} for h in range(start.days_in_month * 24)]


def _permit(month, reported, species="SO2", stack="S1"):
    return {"enterprise_id": "A", "year": 2024, "species": species, "reported": reported,
            "month": month, "stack_id": stack}


def test_permit_report_per_outlet_and_month_against_cems(tmp_path) -> None:
    # January: 744 h × 100 mg/Nm³ × 100,000 Nm³/h × 10⁻⁹ = 7.44 t; February: 696 h → 6.96 t
    folder = write(tmp_path, {
        "enterprises": [enterprise()], "fuel": [coal(1, sulfur=None), coal(2, sulfur=None)],
        "cems": _so2_hours(1) + _so2_hours(2),
        "permit_report": [_permit(1, 7.44), _permit(2, 5.0)]})
    found = verify(folder).findings
    hits = found[found["rule"] == "reported_vs_cems_stack_month"]
    assert len(hits) == 1
    ev = hits.iloc[0]["evidence"]
    assert ev["months"] == [2] and ev["cems_t"] == [pytest.approx(6.96)]
    assert ev["relative_gap"] == [pytest.approx((5.0 - 6.96) / 6.96, abs=1e-4)]
    assert "排口S1" in hits.iloc[0]["message"] and "执行报告SO2" in hits.iloc[0]["message"]


def test_permit_report_months_and_outlets_are_checked(tmp_path) -> None:
    from cocontrol.enterprises.intake import read_dataset
    from cocontrol.errors import ValidationFailed

    folder = write(tmp_path, {
        "enterprises": [enterprise()], "fuel": [coal(1)],
        "stacks": [{"enterprise_id": "A", "stack_id": "S1", "facility_id": "U1"}],
        "cems": _so2_hours(1),
        "permit_report": [_permit(1, 7.44), _permit(13, 1.0), _permit(2, 1.0, stack="S7"),
                          _permit(None, 80.0), _permit(1, 7.44),
                          _permit(None, 30.0, species="NOx", stack=None)]})
    with pytest.raises(ValidationFailed) as err:
        read_dataset(folder)
    where = {(p.row, p.column): p for p in err.value.problems if p.sheet == "permit_report"}
    assert "out of range" in where[(3, "month")].message
    assert where[(4, "stack_id")].found == "S7"
    assert "annual and monthly" in where[(2, "month")].message  # SO2 given both ways
    assert "duplicate" in where[(6, "species")].message
    assert not any(row == 7 for row, _ in where)  # NOx as one annual row is fine


def test_stack_ids_are_checked_only_for_enterprises_in_the_stacks_sheet(tmp_path) -> None:
    """A province file where A lists its stacks and B does not: B's CEMS stacks are accepted
    (B gets the data-quality finding), while a CEMS stack A did not list is still rejected."""
    from cocontrol.errors import ValidationFailed

    def folder(name: str, a_stack: str) -> object:
        b_rows = [dict(r, enterprise_id="B") for r in _hours("T1", 1, CO2_MONTH)
                  + _hours("T2", 1, CO2_MONTH)]
        return write(tmp_path / name, {
            "enterprises": [enterprise(), enterprise("B", uscc=uscc("370303", 7))],
            "fuel": [coal(1), coal(1, enterprise_id="B")],
            "stacks": [{"enterprise_id": "A", "stack_id": "S1", "facility_id": "U1"}],
            "cems": _hours(a_stack, 1, CO2_MONTH) + b_rows})

    found = verify(folder("ok", "S1")).findings
    assert list(found.loc[found["rule"] == "stack_links_missing", "enterprise_id"]) == ["B"]
    with pytest.raises(ValidationFailed) as bad:
        verify(folder("bad", "S3"))
    problems = bad.value.problems  # 20 rows listed, then a count of the others (744 in all)
    assert {p.found for p in problems} == {"S3", None}
    assert all(p.message.startswith("unknown stack id") for p in problems)
    assert "unknown stack id: 724 more rows like these" in {p.message for p in problems}
