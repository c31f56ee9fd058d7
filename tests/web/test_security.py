"""Sessions end on sign-out, password change and deactivation; login limits per account and per
address; password rules; security headers; ids, years and documents validated at the edge; one
error shape; regions and departments created on the way are audited."""

from __future__ import annotations

import io
import json
import zipfile
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from starlette.requests import Request

from cocontrol.errors import CocontrolError
from cocontrol.store import models as m
from cocontrol.store.sample import sample_plan
from cocontrol.web.app import create_app
from cocontrol.web.auth import client_address
from cocontrol.web.passwords import password_problem
from cocontrol.web.testing import PASSWORD, ids, login

GOOD = "Kestrel-harbour-41"


def _copy(app, client: TestClient) -> TestClient:
    """A second client holding a copy of ``client``'s cookies (a stolen or copied cookie)."""
    other = TestClient(app)
    for cookie in client.cookies.jar:
        other.cookies.set(cookie.name, cookie.value)
    other.headers["X-CSRF-Token"] = client.headers["X-CSRF-Token"]
    return other


def test_logout_ends_copied_sessions(app):
    client = login(app, "viewer")
    copy = _copy(app, client)
    assert copy.get("/api/auth/me").status_code == 200
    assert client.post("/api/auth/logout").status_code == 200
    assert copy.get("/api/auth/me").status_code == 401
    assert client.get("/api/auth/me").status_code == 401
    assert login(app, "viewer").get("/api/auth/me").status_code == 200  # signing in again works


def test_page_logout_ends_copied_sessions(app):
    client = login(app, "analyst")
    copy = _copy(app, client)
    assert client.post("/logout", follow_redirects=False).status_code == 303
    assert copy.get("/api/auth/me").status_code == 401


@pytest.mark.parametrize("change", [{"password": "Another-passw0rd-7"}, {"active": False}])
def test_password_reset_and_deactivation_end_sessions(app, sessions, change):
    victim = login(app, "viewer")
    copy = _copy(app, victim)
    uid = ids(sessions)["user_viewer"]
    r = login(app, "admin").put(f"/api/admin/users/{uid}", json=change)
    assert r.status_code == 200, r.text
    assert victim.get("/api/auth/me").status_code == 401
    assert copy.get("/api/auth/me").status_code == 401


@pytest.mark.parametrize("password", ["a", " ", "123", "short-9", "qwertyuiop", "1234567890", "WOAINI1314",
                                      "xviewerx-long-enough"])
def test_password_rules_on_create_and_change(app, sessions, password):
    admin = login(app, "admin")
    name = "xviewerx" if "xviewerx" in password else "newbie"
    r = admin.post("/api/admin/users", json={"username": name, "password": password})
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid"
    uid = ids(sessions)["user_viewer"]
    r = admin.put(f"/api/admin/users/{uid}", json={"password": password if password != "xviewerx-long-enough"
                                                    else "viewer-long-enough"})
    assert r.status_code == 422, r.text
    with sessions() as s:
        assert s.scalar(select(m.User).where(m.User.username == name)) is None
    assert login(app, "viewer").get("/api/auth/me").status_code == 200  # old password still valid


def test_password_rules_accept_a_good_password(app):
    r = login(app, "admin").post("/api/admin/users", json={"username": "newbie", "password": GOOD})
    assert r.status_code == 201, r.text
    assert login(app, "newbie", GOOD).get("/api/auth/me").json()["username"] == "newbie"
    assert password_problem(GOOD, "newbie") is None
    assert password_problem("admin", "admin") is not None


def test_weak_bootstrap_admin_password_is_refused(settings):
    settings.admin_password = "admin123"
    with pytest.raises(CocontrolError, match="COCONTROL_ADMIN_PASSWORD"):
        create_app(settings)


def test_five_wrong_passwords_do_not_lock_out_other_users(app):
    attacker = TestClient(app)
    for _ in range(5):
        assert attacker.post("/api/auth/login", json={"username": "viewer", "password": "wrong"}).status_code == 401
    assert attacker.post("/api/auth/login", json={"username": "viewer", "password": PASSWORD}).status_code == 429
    # same address (the test client), another account: still signs in
    assert TestClient(app).post("/api/auth/login", json={"username": "analyst", "password": PASSWORD}).status_code == 200


def test_address_limit_ignores_forwarded_for_without_trusted_proxy(app):
    app.state.address_limiter.attempts = 8
    client = TestClient(app)
    for i in range(8):  # spread over accounts, each from a "different" forwarded address
        r = client.post("/api/auth/login", json={"username": f"nobody{i}", "password": "wrong"},
                        headers={"X-Forwarded-For": f"10.9.8.{i}"})
        assert r.status_code == 401
    r = client.post("/api/auth/login", json={"username": "analyst", "password": PASSWORD},
                    headers={"X-Forwarded-For": "10.9.9.9"})
    assert r.status_code == 429


def _request(peer: str, forwarded: str | None, proxies: tuple[str, ...]) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    app = SimpleNamespace(state=SimpleNamespace(settings=SimpleNamespace(trusted_proxies=proxies)))
    return Request({"type": "http", "client": (peer, 5000), "headers": headers, "app": app})


def test_client_address_honours_only_trusted_proxies():
    assert client_address(_request("203.0.113.5", "1.2.3.4", ())) == "203.0.113.5"
    assert client_address(_request("203.0.113.5", "1.2.3.4", ("10.0.0.0/8",))) == "203.0.113.5"
    assert client_address(_request("10.0.0.2", "1.2.3.4", ("10.0.0.0/8",))) == "1.2.3.4"
    # a client-supplied first hop is not believed: the right-most untrusted address wins
    assert client_address(_request("10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.3", ("10.0.0.0/8",))) == "1.2.3.4"


def test_security_headers_and_secure_cookie_switch(app, settings):
    client = login(app, "viewer")
    for path in ("/overview", "/api/auth/me", "/login"):
        h = client.get(path).headers
        assert h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert "strict-transport-security" not in h
    settings.secure_cookies = True
    tls = create_app(settings)
    r = TestClient(tls, base_url="https://testserver").post(
        "/api/auth/login", json={"username": "viewer", "password": PASSWORD})
    assert r.headers["strict-transport-security"].startswith("max-age=")
    assert all("secure" in c.lower() for c in r.headers.get_list("set-cookie"))


def test_years_are_bounded_and_queue_nothing(app):
    client = login(app, "viewer")
    for year in (3000, 1800, 2099):
        r = client.get("/api/overview", params={"year": year})
        assert r.status_code == 422, r.text
        assert r.json()["error"] == "invalid"
    assert not [k for k in app.state.refresher._jobs if k[1] in (3000, 1800, 2099)]
    assert not list((app.state.settings.home / "results").glob("*/*/3000"))


@pytest.mark.parametrize("path", ["/api/targets/{big}", "/api/departments/{big}", "/targets/{big}",
                                  "/department?id={big}", "/api/submissions?target_id={big}",
                                  "/api/targets/0", "/submissions/{big}/evidence"])
def test_huge_ids_are_422_not_500(app, path):
    r = login(app, "admin").get(path.format(big=2**63 + 5))
    assert r.status_code == 422, r.text


def test_bad_ids_and_duplicates_in_admin_changes(app, sessions):
    admin = login(app, "admin")
    big = 2**63 + 1
    assert admin.put(f"/api/admin/users/{big}", json={"role": "viewer"}).status_code == 422
    r = admin.post("/api/admin/users", json={"username": "newbie", "password": GOOD, "department_id": 999999})
    assert r.status_code == 422 and "department_id" in r.json()["reason"]
    r = admin.post("/api/admin/users", json={"username": "newbie", "password": GOOD, "region_id": 999999})
    assert r.status_code == 422 and "region_id" in r.json()["reason"]
    r = admin.post("/api/admin/departments", json={"name": "某部门", "region_id": 999999})
    assert r.status_code == 422
    region = admin.get("/api/regions").json()[0]["id"]
    assert admin.post("/api/admin/departments", json={"name": "重名局", "region_id": region}).status_code == 201
    r = admin.post("/api/admin/departments", json={"name": "重名局", "region_id": region})
    assert r.status_code == 409 and r.json()["error"] == "conflict"
    r = admin.post("/admin/users", data={"username": "x", "password": GOOD, "department_id": str(big)})
    assert r.status_code == 422
    r = admin.post(f"/targets/{ids(sessions)['T2']}", data={"version_id": "abc", "value": "3"})
    assert r.status_code == 422
    assert admin.get("/api/admin/audit", params={"limit": -1}).status_code == 422
    assert admin.get("/api/admin/audit", params={"limit": 5000}).status_code == 422
    assert len(admin.get("/api/admin/audit", params={"limit": 3}).json()) == 3


def test_unknown_parent_is_an_error_and_created_regions_are_audited(app, sessions):
    admin = login(app, "admin")
    r = admin.post("/api/admin/regions", json={"name": "新区", "parent": "不存在市"})
    assert r.status_code == 422 and "不存在市" in r.json()["reason"]
    with sessions() as s:
        assert s.scalar(select(m.Region).where(m.Region.name.in_(["新区", "不存在市"]))) is None
    doc = sample_plan(plan_id="new-city-plan", region="新城市").model_dump(mode="json")
    doc["tasks"][0]["responsible"].append("新城市某新局")
    assert admin.post("/api/plans", json=doc).status_code == 201
    with sessions() as s:
        rid = s.scalar(select(m.Region.id).where(m.Region.name == "新城市"))
        dept = s.scalar(select(m.Department.id).where(m.Department.name == "新城市某新局"))
        audited = set(s.execute(select(m.AuditLog.table_name, m.AuditLog.row_id)
                                .where(m.AuditLog.actor == "admin")).all())
    assert ("regions", rid) in audited and ("departments", dept) in audited


def test_deeply_nested_documents_are_refused(app):
    client = login(app, "coordinator")
    deep = b"[" * 100000 + b"]" * 100000
    for name in ("deep.json", "deep.yaml"):
        r = client.post("/api/plans/extract", files={"document": (name, deep, "application/octet-stream")})
        assert r.status_code == 422, r.text
        assert "nested" in r.json()["reason"]
    r = client.post("/api/plans", content=deep, headers={"content-type": "application/json"})
    assert r.status_code == 400, r.text
    assert r.json()["error"] == "invalid"


def test_zip_bomb_docx_is_refused_before_unpacking(app):
    app.state.settings.max_unpacked_bytes = 1_000_000
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * 5_000_000)
    data = buf.getvalue()
    assert len(data) < 20_000
    r = login(app, "coordinator").post("/api/plans/extract", files={"document": ("bomb.docx", data, "application/octet-stream")})
    assert r.status_code == 413, r.text
    assert r.json()["error"] == "too_large"


def test_validation_errors_have_the_documented_shape(app):
    client = login(app, "coordinator")
    r = client.put("/api/targets/1", json={"changes": {}})
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid" and isinstance(body["detail"], str)
    assert body["errors"][0]["loc"][:2] == ["body", "version_id"]
    spec = client.get("/api/openapi.json").json()
    put = spec["paths"]["/api/targets/{target_id}"]["put"]["responses"]
    assert {"401", "403", "404", "409", "413", "415", "422"} <= set(put)
    assert put["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    new_user = spec["components"]["schemas"]["UserNew"]
    assert set(new_user["required"]) == {"username", "password"}
    assert json.loads(json.dumps(spec))  # serialisable


def test_plan_extraction_queue_is_bounded(app):
    """Beyond the running and waiting slots a long request is refused (503), never queued."""
    from cocontrol.web.work import WorkSlots

    slots = WorkSlots(1)
    slots.admitted = 2
    app.state.work = slots
    r = login(app, "coordinator").post("/api/plans/extract", files={
        "document": ("p.json", sample_plan().model_dump_json().encode(), "application/json")})
    assert r.status_code == 503 and r.json()["error"] == "busy"
    assert r.headers["retry-after"]


def test_audit_counts_unchanged_by_refusals(app, sessions):
    with sessions() as s:
        before = s.scalar(select(func.count()).select_from(m.AuditLog))
    login(app, "admin").post("/api/admin/regions", json={"name": "新区", "parent": "不存在市"})
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.AuditLog)) == before


def test_non_finite_numbers_are_refused_in_web_forms(app, sessions):
    i = ids(sessions)
    client = login(app, "coordinator")
    for raw in ("inf", "nan", "1e400"):
        r = client.post("/department/submit", data={"item": f"target:{i['T2']}", "period": "2024", "value": raw})
        assert r.status_code == 422, (raw, r.text)
        r = client.post(f"/targets/{i['T2']}", data={"version_id": "1", "value": raw})
        assert r.status_code == 422, (raw, r.text)
        r = client.post("/api/submissions", data={"target_id": i["T2"], "period": 2024, "value": raw})
        assert r.status_code == 422, (raw, r.text)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.Submission)) == 0
        assert s.get(m.Target, i["T2"]).value == 22


MALFORMED = [
    ("empty.docx", b""),
    ("junk.docx", b"PK\x03\x04 not really a zip"),
    ("junk.pdf", b"%PDF-1.4 truncated"),
    ("truncated.json", b'{"plan": {"id": "x", "title": '),
    ("list.yaml", b"- just\n- a list\n"),
    ("binary.txt", bytes(range(256)) * 40),
    ("program.exe", b"MZ\x90\x00"),
    ("noname", b"abc"),
    ("nan.json", b'{"plan": {"id": "x", "title": "t"}, "targets": [{"indicator": "i", "value": NaN}], "tasks": []}'),
]


@pytest.mark.parametrize(("name", "data"), MALFORMED, ids=[n for n, _ in MALFORMED])
def test_malformed_plan_uploads_are_clear_errors(app, sessions, name, data):
    """Each malformed upload: a 4xx in the one error shape naming the file; nothing stored."""
    client = login(app, "coordinator")
    with sessions() as s:
        plans = s.scalar(select(func.count()).select_from(m.Plan))
    for path in ("/api/plans/extract", "/import"):
        r = client.post(path, files={"document": (name, data, "application/octet-stream")})
        assert 400 <= r.status_code < 500, (path, r.status_code, r.text[:300])
        if path.startswith("/api"):
            assert r.json()["error"] in ("invalid", "too_large") and r.json()["reason"]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.Plan)) == plans
