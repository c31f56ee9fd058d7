"""Pages render, escape what users typed, switch language, and show 数据暂缺 for missing layers."""

from __future__ import annotations

import re

from cocontrol.store.sample import sample_plan
from cocontrol.web.testing import ids, settle


def test_every_page_renders_for_admin(app, client_of, sessions):
    client = client_of("admin")
    settle(app)
    tid = ids(sessions)["T2"]
    for path, text in [("/overview", "分领域目标指标"), (f"/targets/{tid}", "规划原文"), ("/department", "部门工作台"),
                       ("/inventory", "清单浏览"), ("/synergy", "协同分析"), ("/import", "规划导入"),
                       ("/reports", "年度评价报告"), ("/admin", "审计日志")]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert text in r.text, path
        token = re.search(r'name="csrf-token" content="([^"]*)"', r.text)
        page = r.text.replace(token.group(1), "") if token else r.text  # a random token may hold "cdn"
        assert "cdn" not in page.lower() and "https://" not in r.text, path  # everything served locally


def test_missing_layers_show_a_gap_panel_not_numbers(app, client_of):
    """The test workspace has no activity data: no inventory, so no CO2 chart and a 数据暂缺 panel."""
    client = client_of("viewer")
    settle(app)
    page = client.get("/overview?region=威海市")
    assert "数据暂缺" in page.text
    data = client.get("/api/overview?region=威海市").json()
    assert data["co2"] == {} and data["charts"]["co2"] is None
    assert "inventory" in data["gaps"]


def test_target_detail_shows_quote_units_and_tasks(app, client_of, sessions):
    client = client_of("viewer")
    v = client.get(f"/api/targets/{ids(sessions)['T1']}").json()
    assert v["target"]["quote"] == "到2025年，单位地区生产总值二氧化碳排放比2020年下降18%。"
    assert sorted(v["units"]) == ["市发展改革委", "市生态环境局"]
    assert [k["key"] for k in v["tasks"]] == ["一.1"]


def test_script_in_plan_text_is_escaped_everywhere(app, client_of, sessions):
    client = client_of("coordinator")
    doc = sample_plan(plan_id="xss").model_dump(mode="json")
    evil = "<img src=x onerror=alert(1)>"
    doc["targets"][1]["indicator"] = evil
    doc["targets"][1]["quote"] = "</blockquote><script>alert(2)</script>"
    assert client.post("/api/plans", json=doc).status_code == 201
    over = client.get("/api/overview?region=威海市&wait=300")
    assert over.status_code == 200 and "X-Cocontrol-Refresh" not in over.headers
    over = client.get("/overview?region=威海市").text
    assert evil not in over and "&lt;img src=x onerror=alert(1)&gt;" in over
    with app.state.sessions() as s:
        from sqlalchemy import select

        from cocontrol.store import models as m

        tid = s.scalar(select(m.Target.id).where(m.Target.indicator == evil))
    detail = client.get(f"/targets/{tid}").text
    assert "<script>alert(2)" not in detail and "&lt;/blockquote&gt;&lt;script&gt;" in detail


def test_english_switch_and_cookie(app, client_of):
    client = client_of("viewer")
    settle(app)
    r = client.get("/overview?lang=en")
    assert "Targets by domain" in r.text and 'lang="en"' in r.text
    assert "lang=en" in r.headers["set-cookie"]
    assert "Targets by domain" in client.get("/overview").text
    assert "分领域目标指标" in client.get("/overview?lang=zh").text


def test_region_scoping(app, client_of, sessions):
    """A user scoped to 荣成市 sees neither 威海市's plan nor its targets."""
    admin = client_of("admin")
    regions = {r["name"]: r["id"] for r in admin.get("/api/regions").json()}
    uid = next(u["id"] for u in admin.get("/api/admin/users").json() if u["username"] == "viewer")
    assert admin.put(f"/api/admin/users/{uid}", json={"region_id": regions["荣成市"]}).status_code == 200
    viewer = client_of("viewer")
    assert [r["name"] for r in viewer.get("/api/regions").json()] == ["荣成市"]
    assert viewer.get("/api/overview?region=威海市").status_code == 404
    assert viewer.get(f"/api/targets/{ids(sessions)['T2']}").status_code == 404
    assert viewer.get("/api/plans").json() == []


def test_openapi_lists_the_api(app):
    from fastapi.testclient import TestClient

    spec = TestClient(app).get("/api/openapi.json").json()
    for path in ("/api/auth/login", "/api/overview", "/api/targets/{target_id}", "/api/submissions",
                 "/api/inventory", "/api/synergy", "/api/plans", "/api/reports/{kind}", "/api/admin/users"):
        assert path in spec["paths"], path


def test_inventory_excel_needs_an_inventory_and_a_visible_region(app, client_of):
    """No activity data in this workspace: the download says so (404), and a region the user
    may not see is refused the same way as on the inventory page."""
    client = client_of("viewer")
    settle(app)
    r = client.get("/inventory.xlsx?region=威海市")
    assert r.status_code == 404 and "尚无排放清单" in r.text
    assert client.get("/inventory.xlsx?region=不存在市").status_code == 404
