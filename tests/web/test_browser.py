"""Browser tests: Playwright driving Debian chromium against a live server (screenshots kept
under tests/artifacts/web/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cocontrol.store.sample import sample_plan
from cocontrol.web.testing import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def page(browser, live_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.clear_cookies()
    p = browser.new_page()
    p.set_default_timeout(60_000)
    yield p
    p.close()


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/overview*")


def shot(page, name: str) -> None:
    """Full-page screenshot kept under tests/artifacts/web/ (git-ignored)."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_login_and_overview(page, live_server):
    page.goto(f"{live_server}/login")
    shot(page, "01-login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "wrong")
    page.click("button[type=submit]")
    assert "用户名或密码错误" in page.inner_text(".msg")
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/overview?region=威海市")
    page.wait_for_selector("#co2 svg")
    assert "威海市" in page.inner_text("h1")
    assert "PM2.5平均浓度" in page.inner_text("main")
    shot(page, "02-overview")
    page.goto(f"{live_server}/overview?region=威海市&lang=en")
    assert "City overview" in page.inner_text("h1")


def test_department_submits_progress(page, live_server, live_app, tmp_path):
    evidence = tmp_path / "2024年空气质量公报.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%%EOF\n")
    sign_in(page, live_server, "reporter")
    page.goto(f"{live_server}/department")
    assert "市生态环境局" in page.inner_text("h1")
    page.select_option("select[name=item]", label="指标 · PM2.5平均浓度")
    page.fill("input[name=period]", "2024")
    page.fill("input[name=value]", "27.5")
    page.fill("textarea[name=note]", "<b>年度公报</b>")
    page.set_input_files("input[name=evidence]", str(evidence))
    page.click("#submit-form button.primary")
    page.wait_for_selector("#submit-result .msg.ok")
    shot(page, "03-department-submitted")
    from cocontrol.web.testing import settle

    settle(live_app, year=2023)  # else the reloaded page's banner may reload it again mid-read
    page.reload()
    history = page.inner_text("main")
    assert "2024年空气质量公报.pdf" in history and "<b>年度公报</b>" in history  # shown as text


def test_plan_import_review(page, live_server, tmp_path):
    doc = sample_plan(plan_id="import-ui", title="威海市某专项方案（导入测试）")
    path = tmp_path / "plan.json"
    path.write_text(doc.model_dump_json(), encoding="utf-8")
    sign_in(page, live_server, "coordinator")
    page.goto(f"{live_server}/import")
    page.set_input_files("input[name=document]", str(path))
    page.click("#upload-form button.primary")
    page.wait_for_selector("#review-form")
    page.fill("input[name='t1.indicator']", "细颗粒物（PM2.5）年均浓度")
    shot(page, "04-import-review")
    page.click("#review-form button.primary")
    page.wait_for_selector("#confirm-result .msg.ok")
    assert "导入测试" in page.inner_text("#confirm-result")
    page.goto(f"{live_server}/import")
    assert "威海市某专项方案（导入测试）" in page.inner_text("main")  # listed by title, never by its id


def test_report_download(page, live_server, tmp_path):
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/reports?region=威海市&year=2023")
    shot(page, "05-reports")
    with page.expect_download(timeout=240_000) as info:
        page.click("#dl-annual-docx")
    target = tmp_path / "annual.docx"
    info.value.save_as(target)
    assert target.read_bytes()[:2] == b"PK" and target.stat().st_size > 5000


def test_inventory_and_synergy_pages(page, live_server, live_app):
    """The results are brought up to date first: a page served while a job runs shows the
    正在重新计算 banner, which reloads the page when the job ends, and that reload would race
    the next ``goto``."""
    from cocontrol.web.testing import settle

    assert {p.state for p in settle(live_app, year=2023)} == {"done"}
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/inventory?region=威海市&year=2023&by=species")
    page.wait_for_selector("#pollutant-chart svg")  # 分行业主要大气污染物排放, drawn by ECharts
    assert "SO2" in page.inner_html("#pollutant-chart")
    shot(page, "06-inventory")
    data = page.request.get(f"{live_server}/api/inventory?region=威海市&year=2023&by=species&by=scope"
                            "&wait=300").json()
    co2 = sum(r["value"] for r in data["rows"] if r["species"] == "CO2" and r["scope"] == 1)
    total = next(u for u in data["uncertainty"] if u["sector"] == "total")
    # two independent paths over the same Parquet file: DuckDB group-by and the uncertainty sum,
    # both of direct (scope 1) CO2 — the city's CO2 of the overview and the reports
    assert abs(total["value"] - co2) <= 1e-6 * co2
    assert total["lower"] < co2 < total["upper"]
    page.goto(f"{live_server}/synergy?region=威海市")
    assert "协同控制弹性系数" in page.inner_text("main")
    shot(page, "07-synergy")


def test_inventory_excel_download(page, live_server, live_app, tmp_path):
    """下载排放清单 Excel: the workbook's 2023 scope-1 CO2 equals the inventory API's (the
    same Parquet file read through DuckDB), and 行业汇总 adds up to the same total."""
    from openpyxl import load_workbook

    from cocontrol.web.testing import settle

    assert {p.state for p in settle(live_app, year=2023)} == {"done"}
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/inventory?region=威海市&year=2023&by=species&by=scope")
    with page.expect_download(timeout=120_000) as info:
        page.click("#dl-inventory-xlsx")
    assert info.value.suggested_filename == "威海市排放清单.xlsx"
    target = tmp_path / "inventory.xlsx"
    info.value.save_as(target)
    api = page.request.get(f"{live_server}/api/inventory?region=威海市&year=2023&by=species&by=scope").json()
    co2 = sum(r["value"] for r in api["rows"] if r["species"] == "CO2" and r["scope"] == 1)
    book = load_workbook(target, read_only=True)
    rows = list(book["排放清单"].iter_rows(values_only=True))[1:]
    assert {r[0] for r in rows} == {"威海市"} and {r[1] for r in rows} >= {2015, 2023}
    mine = sum(r[7] for r in rows if r[1] == 2023 and r[6] == "CO2" and r[9] == 1)
    assert mine == pytest.approx(co2, rel=1e-9)
    summary = list(book["行业汇总"].iter_rows(values_only=True))
    col = summary[0].index("CO2 (t)")
    by_sector = sum(r[col] or 0 for r in summary[1:] if r[1] == 2023 and r[2].startswith("范围一"))
    assert by_sector == pytest.approx(co2, rel=1e-9)


def test_synergy_peer_chart_renders(page, live_server, live_app):
    """The 同类城市比较 stacked bars draw (ECharts, vendored; the pages use its SVG renderer, so
    the drawing is an <svg>, not a <canvas>) with the current city marked ★, and the page logs
    no console error (not even a missing favicon)."""
    from cocontrol.web.peers import PEERS
    from cocontrol.web.testing import settle

    assert [p.state for p in settle(live_app, [PEERS], 2023)] == ["done"]
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/synergy?region=威海市&year=2023")
    page.wait_for_selector("#peer-chart svg", state="attached")
    chart = page.inner_html("#peer-chart")
    assert "★威海市" in chart and "荣成市" in chart and "淄博市" in chart
    fills = page.eval_on_selector_all("#peer-chart svg path", "els => els.map(e => e.getAttribute('fill'))")
    assert sum(f in ("#1f5fa8", "#c0392b", "#2e8b57") for f in fills) >= 12  # 4 cities × 3 dimensions
    assert page.get_attribute("#peer-chart", "data-drawn") == "1"
    assert "排名第" in page.inner_text("#peer-reading")
    shot(page, "08-synergy-peers")
    assert errors == []


def test_refresh_banner_appears_and_disappears(page, live_server, live_app):
    """After a target edit the page answers at once with the 正在重新计算 banner (the job is held
    on an Event); once released, htmx polling reloads the page and the banner is gone."""
    from sqlalchemy import select

    from cocontrol.store import models as m
    from cocontrol.web.testing import HeldCompute, settle

    settle(live_app, year=2023)  # earlier tests' changes (a plan import) computed first: no banner
    refresher = live_app.state.refresher
    real = refresher.compute
    held = HeldCompute(real)
    refresher.compute = held
    try:
        sign_in(page, live_server, "coordinator")
        with live_app.state.sessions() as s:
            tid = s.scalar(select(m.Target.id).join(m.Plan).where(m.Plan.slug == "weihai-test", m.Target.key == "T2"))
        page.goto(f"{live_server}/targets/{tid}?year=2023")
        assert page.query_selector("#refresh") is None  # results up to date: no banner
        token = page.get_attribute("meta[name=csrf-token]", "content")
        version = page.request.get(f"{live_server}/api/targets/{tid}").json()["target"]["version_id"]
        r = page.request.put(f"{live_server}/api/targets/{tid}", headers={"X-CSRF-Token": token},
                             data={"version_id": version, "changes": {"value": 21}})
        assert r.ok, r.text()
        page.goto(f"{live_server}/targets/{tid}?year=2023")
        page.wait_for_selector("#refresh progress")
        assert held.entered.wait(60)
        assert "正在重新计算" in page.inner_text("#refresh")
        # a function, not an expression: Playwright would eval() an expression, which the
        # page's Content-Security-Policy forbids
        page.wait_for_function("() => document.querySelector('#refresh .detail').textContent.includes('读取规划与填报数据')")
        shot(page, "08-refreshing")
        page.evaluate("window.__before_reload = true")
        held.release.set()
        page.wait_for_selector("#refresh", state="detached", timeout=120_000)
        assert page.evaluate("window.__before_reload === undefined")  # the page was reloaded
        assert "不高于21微克/立方米" in page.inner_text("main")  # the edited target, relation in words
        shot(page, "09-refreshed")
    finally:
        held.release.set()
        refresher.compute = real


def test_content_security_policy_keeps_charts_and_forms_working(page, live_server):
    """Under the Content-Security-Policy the overview's ECharts draw, the inline 'submit on
    change' handler of the region select still works (allowed by its hash), and chromium
    reports no CSP violation; the page may not be framed."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, live_server, "admin")
    response = page.goto(f"{live_server}/overview?region=威海市")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    page.wait_for_selector("#co2 svg")
    page.select_option("select[name=region]", "荣成市")
    page.wait_for_url("**region=%E8%8D%A3%E6%88%90%E5%B8%82*")
    assert "荣成市" in page.inner_text("h1")
    shot(page, "09-overview-csp")
    assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == []
