"""碳普惠 ledger after issue on the platform: a person redeems with their own token, the bureau
expires and corrects (API and page forms, CSRF, audited), partner tokens get 403 there, and
balances stay the sum of their entries (issue #14)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from cocontrol.inclusive import ledger
from cocontrol.store.inclusive import LedgerEntry, entries
from cocontrol.store.models import AuditLog

# 10 km of metro at 46.7 g/km (Shenzhen 2021, refdata) = 467 g; 5 km cycled at 40 g/km = 200 g
TRIP = {"record_id": "a1", "person": "u-001", "scene": "地铁", "start": "2025-03-01 08:00",
        "end": "2025-03-01 08:30", "distance_km": 10}
RIDE = {**TRIP, "record_id": "a2", "scene": "骑行", "start": "2025-03-02 08:00",
        "end": "2025-03-02 08:20", "distance_km": 5}


def _partner(app, client_of, name: str = "公交卡", region: str = "威海市") -> TestClient:
    r = client_of("admin").post("/api/inclusive/partners", json={"partner": name, "region": region})
    assert r.status_code == 200, r.text
    return TestClient(app, headers={"Authorization": f"Bearer {r.json()['token']}"})


def _credit(machine: TestClient, *records: dict) -> None:
    r = machine.post("/api/inclusive/records", json={"records": list(records)})
    assert r.status_code == 200, r.text


def _person(app, machine: TestClient, person: str = "u-001") -> TestClient:
    r = machine.post(f"/api/inclusive/accounts/{person}/token")
    assert r.status_code == 200, r.text
    return TestClient(app, headers={"Authorization": f"Bearer {r.json()['token']}"})


def _invariant(sessions) -> dict[tuple[str, str], float]:
    """Every account's balance is the sum of its entries and the kinds add up to the total."""
    with sessions() as s:
        rows = entries(s)
    sums: dict[tuple[str, str], float] = {}
    for e in rows:
        sums[e.account] = sums.get(e.account, 0.0) + e.amount_g
    assert ledger.accounts(rows) == pytest.approx(sums)
    return sums


def _backdate(sessions, year: int) -> None:
    """Date every issue entry in ``year`` (the store stamps entries with the posting time)."""
    with sessions() as s, s.begin():
        s.execute(update(LedgerEntry).where(LedgerEntry.kind == "issue")
                  .values(at=dt.datetime(year, 6, 1)))


def test_a_person_redeems_their_own_account_with_its_token(app, client_of, sessions) -> None:
    machine = _partner(app, client_of)
    _credit(machine, TRIP, RIDE)
    person = _person(app, machine)
    assert person.get("/api/inclusive/me").json()["balance_g"] == 667.0
    r = person.post("/api/inclusive/me/redeem", json={"amount_g": 100, "note": "公交乘车券"})
    assert r.status_code == 200, r.text
    assert r.json()["balance_g"] == 567.0 == sum(e["amount_g"] for e in r.json()["entries"])
    too_much = person.post("/api/inclusive/me/redeem", json={"amount_g": 567.5})
    assert too_much.status_code == 409
    assert "余额不足" in too_much.json()["detail"] and "567.000" in too_much.json()["detail"]
    assert person.get("/api/inclusive/me").json()["balance_g"] == 567.0  # nothing half-way
    assert person.post("/api/inclusive/me/redeem", json={"amount_g": -5}).status_code == 422
    # the partner reads the same account; it may not spend it
    assert machine.get("/api/inclusive/accounts/u-001").json()["balance_g"] == 567.0
    assert machine.post("/api/inclusive/me/redeem", json={"amount_g": 1}).status_code == 403
    assert TestClient(app).post("/api/inclusive/me/redeem", json={"amount_g": 1}).status_code == 401
    # a new token for the account ends the old one
    newer = _person(app, machine)
    assert person.get("/api/inclusive/me").status_code == 401
    assert newer.get("/api/inclusive/me").json()["balance_g"] == 567.0
    with sessions() as s:
        audit = s.scalars(select(AuditLog).where(AuditLog.table_name == "inclusive_ledger")).all()
    assert [a.after["kind"] for a in audit] == ["redeem"] and audit[0].actor.startswith("person:")
    _invariant(sessions)


def test_two_partners_with_the_same_id_are_two_accounts(app, client_of, sessions) -> None:
    transit, bikes = _partner(app, client_of), _partner(app, client_of, name="共享单车")
    _credit(transit, TRIP)
    _credit(bikes, {**RIDE, "record_id": "z9"})
    assert transit.get("/api/inclusive/accounts/u-001").json()["balance_g"] == 467.0
    assert bikes.get("/api/inclusive/accounts/u-001").json()["balance_g"] == 200.0
    rider = _person(app, bikes)
    assert rider.post("/api/inclusive/me/redeem", json={"amount_g": 300}).status_code == 409
    assert rider.post("/api/inclusive/me/redeem", json={"amount_g": 200}).status_code == 200
    assert transit.get("/api/inclusive/accounts/u-001").json()["balance_g"] == 467.0
    assert client_of("admin").get("/api/inclusive/summary").json()["participants"] == 2
    assert _invariant(sessions) == pytest.approx({("公交卡", "u-001"): 467.0,
                                                  ("共享单车", "u-001"): 0.0})


def test_the_bureau_expires_a_lapsed_year_and_corrects(app, client_of, sessions) -> None:
    machine = _partner(app, client_of)
    _credit(machine, TRIP)                                   # u-001: 467 g
    _credit(machine, {**RIDE, "record_id": "b1", "person": "u-002"})   # u-002: 200 g
    _person(app, machine, "u-001").post("/api/inclusive/me/redeem", json={"amount_g": 67})
    coordinator = client_of("coordinator")
    # credits issued this year are still valid: refused, nothing written
    this_year = dt.date.today().year
    r = coordinator.post("/api/inclusive/ledger/expire", json={"year": this_year})
    assert r.status_code == 422 and "尚未到期" in r.json()["detail"]
    _backdate(sessions, 2024)  # issued in 2024, valid to the end of 2025 (validity 1 year)
    r = coordinator.post("/api/inclusive/ledger/expire", json={"year": 2024})
    assert r.status_code == 200, r.text
    assert r.json() == {"year": 2024, "accounts": 2, "expired_g": 600.0}  # 467 − 67 + 200
    again = coordinator.post("/api/inclusive/ledger/expire", json={"year": 2024}).json()
    assert again["accounts"] == 0 and again["expired_g"] == 0  # never twice
    # the batch of u-002 was wrong: reverse it whole, with a reason
    with sessions() as s:
        batch = s.scalar(select(LedgerEntry.batch_id).where(LedgerEntry.person == "u-002"))
        expiry = s.scalar(select(LedgerEntry.seq).where(LedgerEntry.person == "u-002",
                                                        LedgerEntry.kind == "expire"))
    r = coordinator.post("/api/inclusive/ledger/correct", json={"batch": batch, "reason": "重复上报"})
    assert r.status_code == 200 and r.json() == {"entries": 1, "amount_g": -200.0}
    assert coordinator.post("/api/inclusive/ledger/correct",
                            json={"batch": batch, "reason": "重复上报"}).status_code == 409
    # and its expiry, so the account returns to zero
    r = coordinator.post("/api/inclusive/ledger/correct", json={"seq": expiry, "reason": "随批次冲正"})
    assert r.status_code == 200 and r.json()["amount_g"] == 200.0
    assert coordinator.post("/api/inclusive/ledger/correct",
                            json={"seq": expiry, "reason": " "}).status_code == 422
    sums = _invariant(sessions)
    assert sums == pytest.approx({("公交卡", "u-001"): 0.0, ("公交卡", "u-002"): 0.0})
    summary = coordinator.get("/api/inclusive/summary").json()
    assert summary["ledger"] == pytest.approx({"issue": 667.0, "redeem": -67.0, "expire": -600.0,
                                               "correct": 0.0, "balance": 0.0})
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m")
    assert summary["ledger_months"] == [  # the issues dated June 2024, the rest this month
        {"region": "威海市", "month": "2024-06", "issue": 667.0, "redeem": 0.0, "expire": 0.0,
         "correct": 0.0},
        {"region": "威海市", "month": now, "issue": 0.0, "redeem": -67.0, "expire": -600.0,
         "correct": 0.0}]
    page = coordinator.get("/inclusive").text
    assert 'id="ledger-months"' in page and "<td>2024-06</td>" in page and "0.001" in page  # 600 g expired, in 吨 to three decimals as the cards above
    with sessions() as s:
        kinds = [a.after["kind"] for a in s.scalars(select(AuditLog).where(
            AuditLog.table_name == "inclusive_ledger", AuditLog.actor == "coordinator"))]
    assert sorted(kinds) == ["correct", "correct", "expire", "expire"]


def test_least_privilege_on_the_ledger(app, client_of) -> None:
    machine = _partner(app, client_of)
    _credit(machine, TRIP)
    person = _person(app, machine)
    for path, body in (("/api/inclusive/ledger/expire", {"year": 2024}),
                       ("/api/inclusive/ledger/correct", {"seq": 1, "reason": "试"})):
        assert machine.post(path, json=body).status_code == 403, path   # partner token
        assert person.post(path, json=body).status_code == 403, path    # person token
        assert TestClient(app).post(path, json=body).status_code == 401, path
        for role in ("analyst", "reporter", "viewer"):
            assert client_of(role).post(path, json=body).status_code == 403, (path, role)
        signed_in = client_of("coordinator")
        del signed_in.headers["X-CSRF-Token"]
        assert signed_in.post(path, json=body).status_code == 403, path  # a cookie needs CSRF
    for path, form in (("/inclusive/expire", {"year": "2024"}),
                       ("/inclusive/correct", {"seq": "1", "reason": "试"})):
        assert client_of("viewer").post(path, data=form).status_code == 403
        assert machine.post(path, data=form).status_code == 403
        no_csrf = client_of("coordinator")
        del no_csrf.headers["X-CSRF-Token"]
        assert no_csrf.post(path, data=form).status_code == 403  # CSRF
    assert person.post("/api/inclusive/records", json={"records": [TRIP]}).status_code == 401


def test_the_page_forms_expire_and_correct_in_chinese(app, client_of, sessions) -> None:
    machine = _partner(app, client_of)
    _credit(machine, TRIP)
    coordinator = client_of("coordinator")
    page = coordinator.get("/inclusive")
    assert page.status_code == 200
    assert 'id="expire-form"' in page.text and 'id="correct-form"' in page.text
    assert re.search(r'name="csrf_token" value="[^"]+"', page.text)
    assert 'id="batches"' in page.text and "u-001" not in page.text
    assert 'id="expire-form"' not in client_of("viewer").get("/inclusive").text
    csrf = coordinator.headers.pop("X-CSRF-Token")
    refused = coordinator.post("/inclusive/expire", data={"year": "2025", "csrf_token": csrf})
    assert refused.status_code == 422 and "尚未到期" in refused.text and 'id="ledger-error"' in refused.text
    _backdate(sessions, 2023)
    done = coordinator.post("/inclusive/expire", data={"year": "2023", "csrf_token": csrf})
    assert done.status_code == 200
    assert "已将 2023 年及以前签发、到期未兑换的减排量记为过期：1 个账户，共 0.000467 吨CO2" in done.text
    with sessions() as s:
        expiry = s.scalar(select(LedgerEntry.seq).where(LedgerEntry.kind == "expire"))
    done = coordinator.post("/inclusive/correct", data={"seq": str(expiry), "reason": "误过期",
                                                       "csrf_token": csrf})
    assert done.status_code == 200 and "已记入冲正分录 1 笔" in done.text
    bad = coordinator.post("/inclusive/correct", data={"seq": "abc", "reason": "x", "csrf_token": csrf})
    assert bad.status_code == 422
    assert machine.get("/api/inclusive/accounts/u-001").json()["balance_g"] == 467.0
    _invariant(sessions)
    english = client_of("coordinator").get("/inclusive?lang=en")
    assert english.status_code == 200 and "Ledger management" in english.text
    assert "<td>Weihai</td>" in english.text  # the batch's region in the page's language


def test_concurrent_redemptions_never_spend_the_same_credits(app, client_of, sessions) -> None:
    """Ten redemptions of 100 g at once from a 467 g account: four succeed, six are refused
    (409), the balance ends at 67 g and is the sum of the entries (SQLite and PostgreSQL)."""
    import threading

    machine = _partner(app, client_of)
    _credit(machine, TRIP)
    token = machine.post("/api/inclusive/accounts/u-001/token").json()["token"]
    barrier, codes, guard = threading.Barrier(10), [], threading.Lock()

    def spend() -> None:
        client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
        barrier.wait()
        code = client.post("/api/inclusive/me/redeem", json={"amount_g": 100}).status_code
        with guard:
            codes.append(code)

    threads = [threading.Thread(target=spend) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(codes) == [200] * 4 + [409] * 6
    assert _invariant(sessions) == pytest.approx({("公交卡", "u-001"): 67.0})
