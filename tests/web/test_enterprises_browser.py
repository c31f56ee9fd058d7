"""Browser test of the enterprise pages (Playwright driving Debian chromium against the live
server, whose first start seeds the illustrative enterprises): the bureau opens the dashboard
and the queue, assigns and confirms a finding (audited) and opens an enterprise page; an
enterprise user sees only its own enterprise and, uploading a workbook with one bad cell, gets
the row-level message in Chinese with the template's Chinese sheet and column names."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import select

from cocontrol.enterprises import demo
from cocontrol.store import models as m
from cocontrol.store.enterprises import EnterpriseMember, EnterpriseSubmission, VerificationFinding
from cocontrol.web.security import hash_password
from cocontrol.web.testing import PASSWORD
from tests.web import test_browser
from tests.web.test_browser import shot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]
page = test_browser.page  # the browser tests' page fixture


def _bad_workbook(path) -> None:
    """E04's demo sheets with the carbon content of its third fuel row (spreadsheet row 4)
    typed as text."""
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in demo.tables().items():
            if name == "cems":
                continue
            part = frame[frame["enterprise_id"] == "E04"].reset_index(drop=True)
            if name == "fuel":
                part["carbon_content"] = part["carbon_content"].astype(object)
                part.loc[2, "carbon_content"] = "约0.027"
            part.to_excel(writer, sheet_name=name, index=False)


def test_bureau_works_the_queue_and_an_enterprise_sees_only_itself(page, live_server, live_app,
                                                                   tmp_path):
    sessions = live_app.state.sessions
    with sessions() as s, s.begin():
        user = m.User(username="ent_e04", password_hash=hash_password(PASSWORD), role="enterprise")
        s.add(user)
        s.flush()
        s.add(EnterpriseMember(user_id=user.id, enterprise_code="E04"))
    # the bureau: dashboard, queue, assign then confirm (each audited), an enterprise page
    sign_in(page, live_server, "coordinator")
    page.goto(f"{live_server}/enterprises")
    main = page.inner_text("main")
    assert "企业碳账户" in main and "核查队列" in main and "示例" in main
    assert "SO2物料衡算与执行报告不符" in main
    assert "so2_balance_vs_reported" not in main and "co2_accounting_vs_cems" not in main
    shot(page, "ent-01-dashboard")
    with sessions() as s:
        target = s.scalars(select(VerificationFinding).where(
            VerificationFinding.status == "open").order_by(VerificationFinding.id)).first()
        before = s.query(m.AuditLog).count()
    row = page.locator("#queue tr", has=page.locator(
        f"form[action='/enterprises/findings/{target.id}/assign']"))
    row.locator(f"form[action='/enterprises/findings/{target.id}/assign'] button").click()
    page.wait_for_url("**/enterprises*")
    row = page.locator("#queue tr", has=page.locator(
        f"form[action='/enterprises/findings/{target.id}/confirm']"))
    assert "已分派" in row.inner_text() and "coordinator" in row.inner_text()
    row.locator(f"form[action='/enterprises/findings/{target.id}/confirm'] button").click()
    page.wait_for_url("**/enterprises*")
    page.locator("#queue").scroll_into_view_if_needed()
    # a confirmed finding is closed: its row offers only 重新打开 (with a reason)
    row = page.locator("#queue tr", has=page.locator(
        f"form[action='/enterprises/findings/{target.id}/reopen']"))
    assert "已确认" in row.inner_text()
    assert row.locator("button").all_inner_texts() == ["重新打开"]
    shot(page, "ent-02-queue")
    with sessions() as s:
        assert s.get(VerificationFinding, target.id).status == "confirmed"
        logs = s.scalars(select(m.AuditLog).where(m.AuditLog.id > 0).order_by(
            m.AuditLog.id.desc()).limit(2)).all()
        assert s.query(m.AuditLog).count() == before + 2
        assert [x.after["status"] for x in logs] == ["confirmed", "assigned"]
    page.click("text=核查规则与依据")
    rules = page.inner_text("main")
    assert "运行小时超过设计年运行小时" in rules and "HJ 942—2018" in rules
    assert "http" not in rules and "hours_vs_design" not in rules
    shot(page, "ent-05-rules")
    page.goto(f"{live_server}/enterprises/E02")
    text = page.inner_text("main")
    assert "设施与排口" in text and "核查发现" in text
    assert "so2_balance_vs_reported" not in text
    shot(page, "ent-03-enterprise")
    # the enterprise: only its own page; a bad cell is located in Chinese, nothing stored
    page.context.clear_cookies()
    page.goto(f"{live_server}/login")
    page.fill("input[name=username]", "ent_e04")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server}/enterprises")
    assert page.url.endswith("/enterprises/E04")
    assert page.goto(f"{live_server}/enterprises/E02").status == 403
    page.goto(f"{live_server}/enterprises/E04")
    with sessions() as s:
        stored = s.query(EnterpriseSubmission).count()
    bad = tmp_path / "E04填报.xlsx"
    _bad_workbook(bad)
    page.set_input_files("input[type=file][name=data]", str(bad))
    page.locator("input[type=file][name=data]").locator("xpath=ancestor::form").locator(
        "button").click()
    page.wait_for_selector("text=数据未保存")
    table = page.locator("table", has=page.locator("th", has_text="工作表"))
    cells = [c.strip() for c in table.locator("tbody tr").first.locator("td").all_inner_texts()]
    assert cells[:3] == ["燃料消耗与化验", "4", "单位热值含碳量"]
    assert "不是数字" in cells[3] and "约0.027" in cells[3]
    assert "carbon_content" not in page.inner_text("main")
    shot(page, "ent-04-row-error")
    with sessions() as s:
        assert s.query(EnterpriseSubmission).count() == stored
