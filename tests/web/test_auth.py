from __future__ import annotations

import re
import time

from fastapi.testclient import TestClient
from sqlalchemy import select

from cocontrol.store import models as m
from cocontrol.web.app import create_app
from cocontrol.web.testing import PASSWORD, login


def test_login_sets_httponly_samesite_cookie(app):
    client = TestClient(app)
    r = client.post("/api/auth/login", json={"username": "admin", "password": PASSWORD})
    assert r.status_code == 200
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert r.json()["role"] == "admin"
    assert client.get("/api/auth/me").json()["username"] == "admin"


def test_passwords_are_argon2_hashed(app, sessions):
    with sessions() as s:
        stored = s.scalar(select(m.User.password_hash).where(m.User.username == "admin"))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_wrong_password_then_rate_limit(app):
    client = TestClient(app)
    for _ in range(5):
        r = client.post("/api/auth/login", json={"username": "viewer", "password": "wrong"})
        assert r.status_code == 401
        assert r.json()["detail"] == "用户名或密码错误"
    r = client.post("/api/auth/login", json={"username": "viewer", "password": PASSWORD})
    assert r.status_code == 429
    assert "登录尝试过多" in r.json()["detail"]


def test_missing_and_wrong_csrf_are_refused_and_store_nothing(app, sessions):
    client = login(app, "admin")
    token = client.headers.pop("X-CSRF-Token")
    with sessions() as s:
        before = s.scalar(select(m.Region.id).where(m.Region.name == "测试区"))
    for headers in ({}, {"X-CSRF-Token": "wrong-" + token}):
        r = client.post("/api/admin/regions", json={"name": "测试区", "parent": "威海市"}, headers=headers)
        assert r.status_code == 403
        assert "CSRF" in r.json()["detail"]
    with sessions() as s:
        assert before is None
        assert s.scalar(select(m.Region.id).where(m.Region.name == "测试区")) is None
    r = client.post("/api/admin/regions", json={"name": "测试区", "parent": "威海市"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 201


def test_form_without_csrf_shows_message(app):
    client = login(app, "admin")
    client.headers.pop("X-CSRF-Token")
    r = client.post("/admin/regions", data={"name": "某区"})
    assert r.status_code == 403
    assert "CSRF" in r.text and "请刷新页面" in r.text


def test_expired_session(settings):
    settings.session_max_age = 1
    app = create_app(settings)
    client = login(app, "admin")
    assert client.get("/api/auth/me").status_code == 200
    time.sleep(2.1)
    r = client.get("/api/auth/me")
    assert r.status_code == 401
    assert r.json()["detail"] == "会话已过期，请重新登录"
    r = client.post("/api/admin/regions", json={"name": "过期区"})
    assert r.status_code == 401
    page = client.get("/overview", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?msg=session_expired"


def test_anonymous_api_and_page(app):
    client = TestClient(app)
    assert client.get("/api/overview").json()["detail"] == "请先登录"
    r = client.get("/overview", follow_redirects=False)
    assert r.headers["location"] == "/login?msg=login_required"
    r = client.get("/inventory.xlsx?region=威海市", follow_redirects=False)  # downloads too
    assert r.headers["location"] == "/login?msg=login_required" and not r.content.startswith(b"PK")


def test_login_page_form_flow(app):
    client = TestClient(app)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"username": "coordinator", "password": PASSWORD, "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    overview = client.get("/overview")
    assert overview.status_code == 200 and "城市总览" in overview.text
    english = client.get("/overview?lang=en")
    assert "City overview" in english.text
    assert client.get("/overview").text.count("City overview") >= 1  # the cookie keeps English


def test_generated_admin_password_printed_once(settings, capsys):
    settings.admin_password = None
    create_app(settings)
    first = capsys.readouterr().err
    assert "created user admin with password" in first
    create_app(settings)
    assert "created user admin" not in capsys.readouterr().err


def test_inactive_user_cannot_sign_in(app, client_of, sessions):
    admin = client_of("admin")
    uid = next(u["id"] for u in admin.get("/api/admin/users").json() if u["username"] == "viewer")
    assert admin.put(f"/api/admin/users/{uid}", json={"active": False}).status_code == 200
    r = TestClient(app).post("/api/auth/login", json={"username": "viewer", "password": PASSWORD})
    assert r.status_code == 401
