"""The 2022 notice's rule for unmeasured coal months, hand-worked: fewer than 3 measured
months in the year → the missing months use 0.03085 tC/GJ; 3 or more → the guideline's
0.03356 (the value the notice cut only for the first case)."""

from __future__ import annotations

import pytest

from cocontrol.enterprises.accounting import enterprise_years, run
from cocontrol.enterprises.intake import read_dataset
from cocontrol.enterprises.parameters import thresholds
from cocontrol.enterprises.rules import Context, unmeasured_months

from .conftest import coal, enterprise, write


def _year(tmp_path, measured: set[int]):
    fuel = [coal(m) if m in measured else coal(m, measured="否", carbon_content=None)
            for m in range(1, 13)]
    data = read_dataset(write(tmp_path, {"enterprises": [enterprise()], "fuel": fuel}))
    return data, run(data)


def test_two_measured_months_use_the_notice_default(tmp_path) -> None:
    data, acc = _year(tmp_path, {1, 2})
    fm = acc.facility_months.set_index("month")
    assert fm.at[5, "cc_used"] == 0.03085
    # 1000 t × 20 GJ/t × 0.03085 tC/GJ × 0.99 × 44/12 = 617 × 0.99 × 44/12 = 2239.71 t
    assert fm.at[5, "co2_t"] == pytest.approx(2239.71, abs=1e-6)
    # the year: 2 measured months × 1887.6 t + 10 × 2239.71 t = 26172.3 t
    assert fm["co2_t"].sum() == pytest.approx(2 * 1887.6 + 10 * 2239.71, abs=1e-6)
    found = unmeasured_months(Context(data, acc, enterprise_years(data, acc), thresholds()))
    assert found[0]["evidence"] == {"unmeasured_months": list(range(3, 13)),
                                    "measured_months": 2, "default_cc": 0.03085}
    assert "不足3个月" in found[0]["message"] and "3–12月" in found[0]["message"]


def test_three_measured_months_keep_the_guideline_default(tmp_path) -> None:
    data, acc = _year(tmp_path, {1, 2, 3, 4})
    fm = acc.facility_months.set_index("month")
    assert fm.at[1, "cc_used"] == 0.026  # measured months keep their tested value
    assert fm.at[5, "cc_used"] == 0.03356
    # 1000 × 20 × 0.03356 = 671.2 tC; × 0.99 × 44/12 = 2436.456 t
    assert fm.at[5, "co2_t"] == pytest.approx(2436.456, abs=1e-6)
    found = unmeasured_months(Context(data, acc, enterprise_years(data, acc), thresholds()))
    assert found[0]["evidence"]["default_cc"] == 0.03356
    assert found[0]["evidence"]["measured_months"] == 4


def test_every_month_measured_gives_no_finding(tmp_path) -> None:
    data, acc = _year(tmp_path, set(range(1, 13)))
    assert not acc.facility_months["default_used"].any()
    assert unmeasured_months(Context(data, acc, enterprise_years(data, acc), thresholds())) == []
