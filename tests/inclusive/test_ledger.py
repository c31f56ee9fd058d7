"""The append-only ledger: balances are always the sum of entries; the store posts batches once."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cocontrol.errors import InputError
from cocontrol.inclusive import ledger

operations = st.lists(st.tuples(st.sampled_from(["issue", "redeem", "expire", "correct"]),
                                st.sampled_from(["a", "b"]),
                                st.floats(min_value=0.5, max_value=500, allow_nan=False),
                                st.integers(min_value=1, max_value=40)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(operations)
def test_balance_is_always_the_sum_of_entries(ops) -> None:
    entries: list[ledger.Entry] = []
    for kind, person, amount, target in ops:
        before = list(entries)
        try:
            if kind == "correct":
                ledger.reversal(entries, target)
            else:
                ledger.append(entries, person, kind, amount if kind == "issue" else -amount)
        except InputError:
            assert entries == before  # a refused entry leaves the ledger as it was
        sums: dict[str, float] = {}
        for e in entries:
            sums[e.person] = sums.get(e.person, 0.0) + e.amount_g
        assert ledger.balances(entries) == pytest.approx(sums)
        reversed_ = [e.reverses for e in entries if e.reverses is not None]
        assert len(reversed_) == len(set(reversed_))  # every entry corrected at most once
        assert [e.seq for e in entries] == list(range(1, len(entries) + 1))


def test_redeeming_more_than_the_balance_is_refused() -> None:
    entries: list[ledger.Entry] = []
    ledger.append(entries, "a", "issue", 100)
    with pytest.raises(InputError, match="balance too low"):
        ledger.append(entries, "a", "redeem", -150)
    ledger.append(entries, "a", "redeem", -100)
    assert ledger.balances(entries) == {"a": 0}


def test_a_correction_reverses_the_whole_entry_once() -> None:
    entries: list[ledger.Entry] = []
    first = ledger.append(entries, "a", "issue", 100)
    ledger.reversal(entries, first.seq)
    with pytest.raises(InputError, match="corrected already"):
        ledger.reversal(entries, first.seq)
    second = ledger.append(entries, "a", "issue", 100)
    with pytest.raises(InputError, match="whole entry"):
        ledger.append(entries, "a", "correct", -50, reverses=second.seq)
    assert ledger.balances(entries) == {"a": 100}


def _cli(*args, cwd, env):
    return subprocess.run([sys.executable, "-m", "cocontrol", "inclusive", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=300)


def test_cli_contract_and_reposting_never_credits_twice(tmp_path, store_home) -> None:
    import os

    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    (tmp_path / "r.csv").write_text(
        "record_id,person,scene,start,end,distance_km\n"
        "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
        "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
        "b,p2,骑行,2025-03-01 08:00,2025-03-01 08:20,5\n", encoding="utf-8")
    done = _cli("credit", "r.csv", "--format", "json", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["total_g"] == pytest.approx(667.0)
    assert {p["person"]: p["credited_g"] for p in out["persons"]} == {"p1": 467.0, "p2": 200.0}
    assert out["persons"][0].keys() >= {"records_credited", "records_rejected"}
    assert out["rejected"] == [{"row": 3, "record_id": "a",
                                "reason": "重复记录：本批次中已有相同记录编号"}]
    again = _cli("credit", "r.csv", "--format", "json", cwd=tmp_path, env=env)
    assert again.returncode == 2 and "本次未签发" in again.stderr
    (tmp_path / "r2.csv").write_text(
        "record_id,person,scene,start,end,distance_km\n"
        "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
        "c,p1,地铁,2025-03-02 08:00,2025-03-02 08:30,10\n", encoding="utf-8")
    third = json.loads(_cli("credit", "r2.csv", "--format", "json", cwd=tmp_path,
                            env=env).stdout)
    assert third["total_g"] == pytest.approx(467.0)
    assert [r["record_id"] for r in third["rejected"]] == ["a"]

    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive import entries, totals

    with transaction() as session:
        assert ledger.balances(entries(session)) == pytest.approx({"p1": 934.0, "p2": 200.0})
        assert totals(session)["issue"] == pytest.approx(1134.0)


def test_cli_bad_input_exits_2_and_credits_nothing(tmp_path, store_home) -> None:
    import os

    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    (tmp_path / "bad.csv").write_text(
        "record_id,person,scene,start,end,distance_km\n"
        "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
        "b,p1,飞行,2025-03-01 09:00,2025-03-01 09:30,10\n", encoding="utf-8")
    done = _cli("credit", "bad.csv", "--format", "json", cwd=tmp_path, env=env)
    assert done.returncode == 2
    assert "第 3 行，列“scene”：未知的场景" in done.stderr and "Traceback" not in done.stderr
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive import entries

    with transaction() as session:
        assert entries(session) == []


def test_a_methodology_change_never_rewrites_issued_credits(tmp_path, store_home) -> None:
    import os

    import pandas as pd

    from cocontrol import refdata
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive import entries

    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    (tmp_path / "march.csv").write_text(
        "record_id,person,scene,start,end,distance_km\n"
        "m1,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n", encoding="utf-8")
    assert _cli("credit", "march.csv", cwd=tmp_path, env=env).returncode == 0
    # the city revises its metro factor from June: version 2.0, 50 g/km
    table = refdata.load("inclusive_methodologies")
    metro = table["scene"] == "metro"
    new = table[metro].copy()
    table.loc[metro, "valid_to"] = "2025-05-31"
    new["version"], new["credit_g_per_unit"], new["valid_from"] = "2.0", 50, "2025-06-01"
    pd.concat([table, new]).to_csv(tmp_path / "method.csv", index=False)
    (tmp_path / "june.csv").write_text(
        "record_id,person,scene,start,end,distance_km\n"
        "j1,p1,地铁,2025-06-02 08:00,2025-06-02 08:30,10\n", encoding="utf-8")
    done = _cli("credit", "june.csv", "--methodology", "method.csv", "--format", "json",
                cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_g"] == pytest.approx(500.0)
    with transaction() as session:
        amounts = [e.amount_g for e in entries(session, "p1")]
    assert amounts == pytest.approx([467.0, 500.0])  # March keeps version 1.0's 46.7 g/km
