"""The bureau's ledger totals are complete: every entry counts in a region (issue #14)."""

from __future__ import annotations

import pytest

from cocontrol.inclusive import methodology
from cocontrol.inclusive.records import read_records
from cocontrol.store.db import transaction
from cocontrol.store.inclusive import file_digest, post_entry, post_records, summary, totals

HEADER = "record_id,person,scene,start,end,distance_km\n"


def _post(tmp_path, name: str, body: str, region: str, partner: str = "file"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return post_records(read_records(path), methods=methodology.load(), partner=partner,
                        sha256=file_digest(path), name=name, actor="test", region=region)


def test_redemptions_of_file_credited_people_count_in_their_region(tmp_path, store_home) -> None:
    _post(tmp_path, "a.csv", "a1,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n", "威海市")
    _post(tmp_path, "b.csv", "b1,q1,公交,2025-03-01 08:00,2025-03-01 08:40,10\n", "济南市",
          partner="other")
    with transaction() as session:
        post_entry(session, person="p1", kind="redeem", amount_g=-100.0, actor="test")
        post_entry(session, person="p1", kind="expire", amount_g=-50.0, actor="test")
        post_entry(session, person="q1", kind="redeem", amount_g=-69.0, actor="test")
    with transaction() as session:
        weihai = summary(session, {"威海市"})["ledger"]
        jinan = summary(session, {"济南市"})["ledger"]
        everyone = summary(session, None)["ledger"]
        whole = totals(session)
    assert weihai == pytest.approx({"issue": 467.0, "redeem": -100.0, "expire": -50.0,
                                    "correct": 0.0, "balance": 317.0})
    assert jinan == pytest.approx({"issue": 269.0, "redeem": -69.0, "expire": 0.0,
                                   "correct": 0.0, "balance": 200.0})
    assert everyone == pytest.approx(whole)
    assert {k: weihai[k] + jinan[k] for k in whole} == pytest.approx(whole)


def test_a_file_trip_overlapping_an_earlier_file_is_rejected_naming_it(tmp_path,
                                                                         store_home) -> None:
    _post(tmp_path, "a.csv", "a1,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n", "威海市")
    res = _post(tmp_path, "b.csv", "b1,p1,公交,2025-03-01 08:20,2025-03-01 08:50,5\n"
                                   "b2,p1,公交,2025-03-01 09:00,2025-03-01 09:30,5\n", "威海市")
    assert res.to_json()["rejected"] == [{
        "row": 2, "record_id": "b1",
        "reason": "行程时间重叠：与本人此前批次已计入的出行记录时间重叠（记录 a1）"}]
    assert res.total_g == pytest.approx(5 * 26.9)
