"""碳普惠 on the platform: partner tokens, posting records, accounts, the bureau's aggregates."""

from __future__ import annotations

from fastapi.testclient import TestClient

TRIP = {"record_id": "a1", "person": "u-001", "scene": "地铁", "start": "2025-03-01 08:00",
        "end": "2025-03-01 08:30", "distance_km": 10}


def _token(client_of, partner="公交卡", region="威海市") -> str:
    r = client_of("admin").post("/api/inclusive/partners", json={"partner": partner, "region": region})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def test_partner_posts_records_and_reads_its_people(app, client_of) -> None:
    token = _token(client_of)
    machine = TestClient(app)
    auth = {"Authorization": f"Bearer {token}"}
    first = {"records": [TRIP, {**TRIP, "record_id": "a2", "person": "u-002", "scene": "骑行",
                                "distance_km": 5}]}
    r = machine.post("/api/inclusive/records", headers=auth, json=first)
    assert r.status_code == 200, r.text
    assert r.json()["total_g"] == 667.0
    again = machine.post("/api/inclusive/records", headers=auth, json=first)
    assert again.status_code == 409  # the same batch again: nothing credited
    mixed = machine.post("/api/inclusive/records", headers=auth, json={"records": [
        TRIP, {**TRIP, "record_id": "a3", "start": "2025-03-02 08:00", "end": "2025-03-02 08:30"}]})
    assert mixed.status_code == 200
    assert mixed.json()["total_g"] == 467.0
    assert mixed.json()["rejected"][0]["record_id"] == "a1"
    acct = machine.get("/api/inclusive/accounts/u-001", headers=auth).json()
    assert acct["balance_g"] == 934.0 == sum(e["amount_g"] for e in acct["entries"])

    other = _token(client_of, partner="共享单车")
    assert machine.get("/api/inclusive/accounts/u-001",
                       headers={"Authorization": f"Bearer {other}"}).status_code == 404


def test_tokens_are_required_and_checked(app, client_of) -> None:
    machine = TestClient(app)
    for header in ({}, {"Authorization": "Bearer"}, {"Authorization": "Bearer nope"},
                   {"Authorization": "Basic abc"}):
        r = machine.post("/api/inclusive/records", headers=header, json={"records": [TRIP]})
        assert r.status_code == 401, header
        # the token is checked before the body: a bad token with a bad body is still 401
        r = machine.post("/api/inclusive/records", headers=header, json={"records": "x"})
        assert r.status_code == 401, header
    assert machine.post("/api/inclusive/me/redeem", json={"amount_g": "x"}).status_code == 401
    assert client_of("viewer").post("/api/inclusive/partners",
                                    json={"partner": "单车公司", "region": "威海市"}).status_code == 403


def test_bad_records_are_refused_whole(app, client_of) -> None:
    token = _token(client_of)
    machine = TestClient(app)
    r = machine.post("/api/inclusive/records", headers={"Authorization": f"Bearer {token}"},
                     json={"records": [TRIP, {**TRIP, "record_id": "b", "scene": "飞行"},
                                       {**TRIP, "record_id": "c", "distance_km": -2}]})
    assert r.status_code == 422
    assert "第 2 行" in r.json()["detail"] and "第 3 行" in r.json()["detail"]  # Chinese by default
    assert "row 2" in r.json()["reason"] and "row 3" in r.json()["reason"]  # the English as raised
    summary = client_of("admin").get("/api/inclusive/summary").json()
    assert summary["participants"] == 0 and summary["ledger"]["issue"] == 0


def test_bureau_sees_aggregates_never_people(app, client_of) -> None:
    token = _token(client_of)
    TestClient(app).post("/api/inclusive/records", headers={"Authorization": f"Bearer {token}"},
                         json={"records": [TRIP]})
    admin = client_of("admin")
    summary = admin.get("/api/inclusive/summary").json()
    assert summary["participants"] == 1
    assert summary["months"] == [{"region": "威海市", "scene": "metro", "month": "2025-03",
                                  "records": 1, "credited_g": 467.0, "participants": 1}]
    page = admin.get("/inclusive")
    assert page.status_code == 200 and "碳普惠" in page.text and "u-001" not in page.text
    assert "0.000" in page.text or "467" in page.text
    csv = admin.get("/inclusive/export.csv")
    assert csv.status_code == 200 and "metro" in csv.text and "u-001" not in csv.text
    assert client_of("viewer").get("/inclusive/export.csv").status_code == 403


def test_a_trip_overlapping_an_earlier_post_is_rejected_naming_it(app, client_of) -> None:
    token = _token(client_of)
    machine = TestClient(app, headers={"Authorization": f"Bearer {token}"})
    assert machine.post("/api/inclusive/records", json={"records": [TRIP]}).status_code == 200
    # starts before the credited 08:00–08:30 metro trip and ends inside it
    bus = {**TRIP, "record_id": "b1", "scene": "公交", "start": "2025-03-01 07:50",
           "end": "2025-03-01 08:10", "distance_km": 3}
    r = machine.post("/api/inclusive/records", json={"records": [bus]})
    assert r.status_code == 200
    assert r.json()["total_g"] == 0
    assert r.json()["rejected"] == [{
        "row": 1, "record_id": "b1",
        "reason": "行程时间重叠：与本人此前批次已计入的出行记录时间重叠（记录 a1）"}]
