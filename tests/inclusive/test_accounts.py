"""Accounts are (partner, person); expiry spends the oldest credits first; the CLI redeems,
expires and corrects all-or-nothing; the migration keeps every entry (issue #14)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text, update

from cocontrol.errors import InputError
from cocontrol.inclusive import ledger


def test_lapsing_spends_the_oldest_credits_first() -> None:
    # hand-worked: 100 g issued in 2024, 50 g in 2025, 30 g redeemed → of 2024's 100 g, 70 g
    # are left (first in, first out) and lapse with 2024; 2025's 50 g lapse with 2025
    rows: list[ledger.Entry] = []
    ledger.append(rows, "u", "issue", 100, partner="A", year=2024)
    ledger.append(rows, "u", "issue", 50, partner="A", year=2025)
    ledger.append(rows, "u", "redeem", -30, partner="A", year=2025)
    ledger.append(rows, "u", "issue", 10, partner="B", year=2024)  # another person, same id
    assert ledger.lapsing(rows, 2024) == {("A", "u"): 70.0, ("B", "u"): 10.0}
    ledger.append(rows, "u", "expire", -70, partner="A", year=2026)
    assert ledger.lapsing(rows, 2024) == {("B", "u"): 10.0}  # never twice
    assert ledger.lapsing(rows, 2025) == {("A", "u"): 50.0, ("B", "u"): 10.0}
    # a corrected 2025 issue no longer shelters the old balance
    ledger.reversal(rows, 2)
    assert ledger.lapsing(rows, 2025) == {("B", "u"): 10.0}
    assert ledger.accounts(rows) == {("A", "u"): 0.0, ("B", "u"): 10.0}


def test_an_account_spends_only_its_own_balance() -> None:
    rows: list[ledger.Entry] = []
    ledger.append(rows, "u", "issue", 100, partner="A")
    ledger.append(rows, "u", "issue", 5, partner="B")
    with pytest.raises(InputError, match="balance too low"):
        ledger.append(rows, "u", "redeem", -50, partner="B")
    first = rows[0]
    with pytest.raises(InputError, match="whole entry"):
        ledger.append(rows, "u", "correct", -100, reverses=first.seq, partner="B")


ops = st.lists(st.tuples(st.sampled_from(["issue", "redeem", "expire", "correct"]),
                         st.sampled_from(["A", "B"]), st.sampled_from(["x", "y"]),
                         st.floats(min_value=0.5, max_value=500, allow_nan=False),
                         st.integers(min_value=2022, max_value=2026),
                         st.integers(min_value=1, max_value=30)), max_size=40)


@settings(max_examples=80, deadline=None)
@given(ops)
def test_the_invariant_holds_with_expiry_and_two_partners(sequence) -> None:
    rows: list[ledger.Entry] = []
    for kind, partner, person, amount, year, target in sequence:
        before = list(rows)
        try:
            if kind == "correct":
                ledger.reversal(rows, target)
            elif kind == "expire":
                for (p, who), grams in ledger.lapsing(rows, year).items():
                    ledger.append(rows, who, "expire", -grams, partner=p, year=year + 2)
                assert ledger.lapsing(rows, year) == {}
            else:
                ledger.append(rows, person, kind, amount if kind == "issue" else -amount,
                              partner=partner, year=year)
        except InputError:
            assert rows == before
        sums: dict[tuple[str, str], float] = {}
        for e in rows:
            sums[e.account] = sums.get(e.account, 0.0) + e.amount_g
        assert ledger.accounts(rows) == pytest.approx(sums)
        assert all(g > 0 for g in ledger.lapsing(rows, 2026).values())


def _cli(*args, cwd, env):
    return subprocess.run([sys.executable, "-m", "cocontrol", "inclusive", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=300)


def test_cli_redeems_expires_and_corrects(tmp_path, store_home) -> None:
    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive import LedgerEntry, entries
    from cocontrol.store.models import AuditLog

    env = {**os.environ, "COCONTROL_HOME": str(store_home)}
    env.pop("COCONTROL_DATABASE_URL", None)
    (tmp_path / "r.csv").write_text(
        "record_id,person,scene,start,end,distance_km\n"
        "a,p1,地铁,2025-03-01 08:00,2025-03-01 08:30,10\n"
        "b,p2,骑行,2025-03-01 08:00,2025-03-01 08:20,5\n", encoding="utf-8")
    assert _cli("credit", "r.csv", cwd=tmp_path, env=env).returncode == 0
    # 467 g for p1 (10 km × 46.7 g/km), 200 g for p2 (5 km × 40 g/km)
    done = _cli("redeem", "p1", "67", "--note", "乘车券", "--format", "json", cwd=tmp_path,
                env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["balance_g"] == 400.0
    refused = _cli("redeem", "p1", "400.5", cwd=tmp_path, env=env)
    assert refused.returncode == 2 and "余额不足" in refused.stderr
    assert "Traceback" not in refused.stderr
    early = _cli("expire", "2025", cwd=tmp_path, env=env)
    assert early.returncode == 2 and "尚未到期" in early.stderr
    with transaction() as session:
        session.execute(update(LedgerEntry).where(LedgerEntry.kind == "issue")
                        .values(at=dt.datetime(2024, 5, 1)))
    out = _cli("expire", "2024", "--format", "json", cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"year": 2024, "accounts": 2, "expired_g": 600.0}
    assert _cli("correct", "1", cwd=tmp_path, env=env).returncode == 2  # a reason is required
    fixed = _cli("correct", "--batch", "1", "--reason", "数据源错误", "--format", "json",
                 cwd=tmp_path, env=env)
    assert fixed.returncode == 0, fixed.stderr
    assert json.loads(fixed.stdout) == {"entries": 2, "amount_g": -667.0}
    with transaction() as session:
        rows = entries(session)
        actors = {a.actor for a in session.query(AuditLog).filter(
            AuditLog.table_name == "inclusive_ledger")}
    assert [e.kind for e in rows] == ["issue", "issue", "redeem", "expire", "expire",
                                      "correct", "correct"]
    assert ledger.accounts(rows) == pytest.approx({("file", "p1"): -467.0,
                                                   ("file", "p2"): -200.0})
    assert actors == {"cli"}
    # a person token for a file-credited account opens it through the API
    token = _cli("person-token", "p1", cwd=tmp_path, env=env)
    assert token.returncode == 0 and token.stdout.startswith("cp_")
    assert _cli("person-token", "nobody", cwd=tmp_path, env=env).returncode == 2
    from cocontrol.store.inclusive_accounts import account_of

    with transaction() as session:
        opened = account_of(session, token.stdout.strip())
        assert (opened.partner, opened.person) == ("file", "p1")


def test_the_migration_keeps_every_entry_and_gives_it_its_partner(tmp_path) -> None:
    from cocontrol.store.db import upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "hh_inclusive_regions")
    with engine.begin() as conn:
        for bid, partner in ((1, "公交卡"), (2, "单车")):
            conn.execute(text(
                "INSERT INTO inclusive_batches (id, partner, region, sha256, name, records, "
                "credited_g, journal, posted_by, posted_at) VALUES (:i, :p, '威海市', :s, 'f', 1, "
                "100, '', 't', '2025-01-01')"), {"i": bid, "p": partner, "s": str(bid) * 64})
        rows = [(1, "u", "issue", 100.0, None, 1), (2, "u", "issue", 40.0, None, 2),
                (3, "u", "redeem", -30.0, None, None), (4, "u", "correct", -40.0, 2, None),
                (5, "v", "issue", 100.0, None, 1), (6, "v", "expire", -10.0, None, None)]
        for seq, person, kind, amount, reverses, batch in rows:
            conn.execute(text(
                "INSERT INTO inclusive_ledger (seq, person, kind, amount_g, reverses, batch_id, "
                "note, at, region) VALUES (:s, :p, :k, :a, :r, :b, '', '2025-01-01', '威海市')"),
                {"s": seq, "p": person, "k": kind, "a": amount, "r": reverses, "b": batch})
    upgrade(engine)
    with engine.connect() as conn:
        got = conn.execute(text("SELECT seq, partner, amount_g FROM inclusive_ledger "
                                "ORDER BY seq")).all()
    engine.dispose()
    # issues take their batch's partner; the redemption that of u's latest issue; the
    # correction that of the entry it reverses; nothing lost
    assert got == [(1, "公交卡", 100.0), (2, "单车", 40.0), (3, "单车", -30.0),
                   (4, "单车", -40.0), (5, "公交卡", 100.0), (6, "公交卡", -10.0)]


def test_the_database_expiry_agrees_with_the_ledger_rule(store_home) -> None:
    """The grouped-sum expiry of the store equals the pure rule on the same entries, over a
    seeded random ledger of two partners, three ids and five years."""
    import random

    from cocontrol.store.db import transaction
    from cocontrol.store.inclusive import LedgerEntry, entries
    from cocontrol.store.inclusive_accounts import lapsing

    rng = random.Random(14)
    pure: list[ledger.Entry] = []
    for _ in range(300):
        kind = rng.choice(["issue", "issue", "redeem", "expire", "correct"])
        partner, person, year = rng.choice("AB"), rng.choice("xyz"), rng.randint(2021, 2025)
        try:
            if kind == "correct":
                ledger.reversal(pure, rng.randint(1, max(len(pure), 1)))
            else:
                amount = round(rng.uniform(1, 300), 3)
                ledger.append(pure, person, kind, amount if kind == "issue" else -amount,
                              partner=partner, year=year)
        except InputError:
            pass
    with transaction() as session:
        session.add_all(LedgerEntry(seq=e.seq, partner=e.partner, person=e.person, kind=e.kind,
                                    amount_g=e.amount_g, reverses=e.reverses,
                                    at=dt.datetime(e.year or 2025, 7, 1)) for e in pure)
    with transaction() as session:
        stored = entries(session)
        assert [(e.account, e.amount_g, e.year) for e in stored] == [
            (e.account, e.amount_g, e.year or 2025) for e in pure]
        for year in range(2020, 2027):
            assert lapsing(session, year) == pytest.approx(ledger.lapsing(stored, year)), year
