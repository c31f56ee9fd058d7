"""Enterprise co-verification on the web: an enterprise sees and submits only its own data
(row-level errors, nothing stored on error); the bureau runs verification and works the queue
(assign, confirm, dismiss with a reason, request evidence), every step audited; 核查报告."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy import func, select

from cocontrol.enterprises import demo
from cocontrol.store import models as m
from cocontrol.store.enterprises import EnterpriseMember, EnterpriseSubmission, VerificationFinding
from cocontrol.web.security import hash_password
from cocontrol.web.testing import PASSWORD, audit_count, login

FIRMS = ("E01", "E02", "E03")  # three power plants: enough lab records for the regressions


@pytest.fixture(scope="module")
def frames():
    return {k: v for k, v in demo.tables().items() if k != "cems"}


def workbook(frames, code: str, other: str | None = None) -> bytes:
    """The demo sheets of ``code`` as a workbook (plus one fuel row of ``other``)."""
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, frame in frames.items():
            part = frame[frame["enterprise_id"] == code]
            if other and name in ("enterprises", "fuel"):
                part = pd.concat([part, frame[frame["enterprise_id"] == other].head(1)])
            part.to_excel(writer, sheet_name=name, index=False)
    return out.getvalue()


@pytest.fixture
def firms(app, sessions):
    with sessions() as s, s.begin():
        for code in FIRMS:
            user = m.User(username=f"ent_{code}", password_hash=hash_password(PASSWORD),
                          role="enterprise")
            s.add(user)
            s.flush()
            s.add(EnterpriseMember(user_id=user.id, enterprise_code=code))
    return {code: login(app, f"ent_{code}") for code in FIRMS}


def _upload(client, code, data, name="data.xlsx"):
    return client.post(f"/enterprises/{code}/submit", files={"data": (name, data)},
                       follow_redirects=False)


def test_enterprise_sees_and_submits_only_its_own_data(app, sessions, firms, frames) -> None:
    e01 = firms["E01"]
    assert e01.get("/enterprises", follow_redirects=False).headers["location"] == "/enterprises/E01"
    assert e01.get("/enterprises/E02").status_code == 403
    assert e01.get("/overview").status_code == 403
    assert e01.get("/api/enterprises/findings").json() == []
    before = audit_count(sessions)
    bad = _upload(e01, "E01", workbook(frames, "E01", other="E02"))
    assert bad.status_code == 422
    assert "数据未保存" in bad.text and "不是本企业的数据" in bad.text  # row-level errors
    assert "E02" in bad.text
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(EnterpriseSubmission)) == 0
    assert audit_count(sessions) == before
    assert _upload(e01, "E02", workbook(frames, "E02")).status_code == 403
    assert _upload(e01, "E01", workbook(frames, "E01")).status_code == 303
    assert audit_count(sessions) == before + 1


def test_bureau_queue_is_audited_and_enterprise_sees_requests(app, sessions, firms, frames,
                                                              client_of) -> None:
    for code, client in firms.items():
        assert _upload(client, code, workbook(frames, code)).status_code == 303
    coord, viewer = client_of("coordinator"), client_of("viewer")
    assert viewer.post("/api/enterprises/verify").status_code == 403
    done = coord.post("/api/enterprises/verify").json()
    assert done["accounts"] == 6 and done["new"] == done["findings"] > 0  # 3 firms × 2 years
    assert coord.post("/api/enterprises/verify").json()["new"] == 0  # kept, not duplicated
    queue = coord.get("/api/enterprises/findings").json()
    rules = {(f["enterprise_id"], f["rule"]) for f in queue}
    assert ("E02", "so2_balance_vs_reported") in rules and ("E03", "lab_dates") in rules
    assert not any(f["enterprise_id"] == "E01" for f in queue)  # clean enterprise
    f = next(x for x in queue if x["enterprise_id"] == "E02")
    before = audit_count(sessions)
    url = f"/api/enterprises/findings/{f['id']}"
    assert coord.post(f"{url}/dismiss", json={}).status_code == 422  # a reason is required
    assert viewer.post(f"{url}/confirm", json={}).status_code == 403
    assert firms["E02"].post(f"{url}/dismiss", json={"reason": "x"}).status_code == 403
    r = coord.post(f"{url}/assign", json={"version": f["version"]}).json()
    assert r["status"] == "assigned" and r["assignee"] == "coordinator"
    assert coord.post(f"{url}/confirm", json={"version": f["version"]}).status_code == 409
    r = coord.post(f"{url}/request_evidence",
                   json={"reason": "请提供8月入炉煤计量台账", "version": r["version"]}).json()
    assert r["status"] == "evidence_requested"
    assert audit_count(sessions) == before + 2
    mine = firms["E02"].get("/api/enterprises/findings").json()
    assert {x["enterprise_id"] for x in mine} == {"E02"}
    page = firms["E02"].get("/enterprises/E02")
    assert "请提供8月入炉煤计量台账" in page.text and "已要求补充证据" in page.text
    other = next(x for x in queue if x["enterprise_id"] == "E03")
    r = coord.post(f"/enterprises/findings/{other['id']}/dismiss",
                   data={"reason": "已现场核实，为化验室录入错误", "version": other["version"]},
                   follow_redirects=False)
    assert r.status_code == 303
    with sessions() as s:
        assert s.get(VerificationFinding, other["id"]).status == "dismissed"
        last = s.scalars(select(m.AuditLog).order_by(m.AuditLog.id.desc())).first()
        assert last.table_name == "verification_findings" and last.before["status"] == "open"
        assert last.after["reason"] == "已现场核实，为化验室录入错误"
    dash = coord.get("/enterprises")
    assert dash.status_code == 200 and "SO2物料衡算与执行报告不符" in dash.text
    assert "火力发电" in dash.text and "示例" in dash.text


def test_reports_word_and_excel(app, firms, frames, client_of) -> None:
    from docx import Document
    from openpyxl import load_workbook

    assert _upload(firms["E02"], "E02", workbook(frames, "E02")).status_code == 303
    client_of("coordinator").post("/api/enterprises/verify")
    docx = firms["E02"].get("/enterprises/E02/report.docx")
    assert docx.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "核查报告" in text and "示例" in text
    xlsx = firms["E02"].get("/enterprises/E02/report.xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["说明", "企业碳账户", "核查发现", "核查规则"]
    cited = [row[4] for row in book["核查规则"].iter_rows(min_row=2, values_only=True)]
    assert any("HJ 884—2018" in c for c in cited)  # E02's SO2 mass balance, cited in Chinese
    assert not any("http" in c or "Energies" in c or "mirror" in c for c in cited)
    tables = Document(io.BytesIO(docx.content)).tables
    assert tables[-1].rows[0].cells[4].text == "依据"
    assert any("HJ 884—2018" in r.cells[4].text for r in tables[-1].rows[1:])
    assert firms["E01"].get("/enterprises/E02/report.docx").status_code == 403


def test_admin_binds_an_enterprise_user(app, sessions, client_of) -> None:
    with sessions() as s, s.begin():
        s.add(m.User(username="ent_new", password_hash=hash_password(PASSWORD), role="enterprise"))
    admin, coord = login(app, "admin"), client_of("coordinator")
    body = {"username": "ent_new", "enterprise_id": "E05"}
    assert coord.post("/api/enterprises/members", json=body).status_code == 403
    assert admin.post("/api/enterprises/members",
                      json={"username": "viewer", "enterprise_id": "E05"}).status_code == 422
    before = audit_count(sessions)
    assert admin.post("/api/enterprises/members", json=body).json()["enterprise_id"] == "E05"
    assert audit_count(sessions) == before + 1
    ent = login(app, "ent_new")
    assert ent.get("/enterprises", follow_redirects=False).headers["location"] == "/enterprises/E05"


def test_queue_offers_and_accepts_only_the_transitions_of_a_status(app, sessions, firms, frames,
                                                                   client_of) -> None:
    """open → confirm closes the finding: the page then offers only 重新打开; confirming,
    dismissing, assigning or requesting evidence on it again is refused (409), changes nothing
    and audits nothing; reopening needs a reason and puts it back in the queue."""
    from cocontrol.web.enterprise_service import ALLOWED

    assert _upload(firms["E02"], "E02", workbook(frames, "E02")).status_code == 303
    coord = client_of("coordinator")
    coord.post("/api/enterprises/verify")
    queue = coord.get("/api/enterprises/findings").json()
    f, g = queue[0], queue[1]
    url = f"/api/enterprises/findings/{f['id']}"
    page = coord.get("/enterprises").text
    for action in ALLOWED["open"]:
        assert f"/enterprises/findings/{f['id']}/{action}\"" in page
    assert f"/enterprises/findings/{f['id']}/reopen\"" not in page
    assert coord.post(f"{url}/confirm", json={}).json()["status"] == "confirmed"
    page = coord.get("/enterprises").text
    offered = {a for a in ("assign", "confirm", "dismiss", "request_evidence", "reopen")
               if f"/enterprises/findings/{f['id']}/{a}\"" in page}
    assert offered == {"reopen"}
    before = audit_count(sessions)
    for action, body in (("confirm", {}), ("dismiss", {"reason": "重复"}), ("assign", {}),
                         ("request_evidence", {"reason": "台账"})):
        r = coord.post(f"{url}/{action}", json=body)
        assert r.status_code == 409, action
        assert "已确认" in r.json()["reason"]
    form = coord.post(f"/enterprises/findings/{f['id']}/dismiss", data={"reason": "重复"},
                      follow_redirects=False)
    assert form.status_code == 409
    assert coord.post(f"{url}/reopen", json={}).status_code == 422  # a reason is required
    assert audit_count(sessions) == before
    with sessions() as s:
        assert s.get(VerificationFinding, f["id"]).status == "confirmed"
    r = coord.post(f"{url}/reopen", json={"reason": "企业补交的台账与化验报告矛盾"}).json()
    assert r["status"] == "open" and r["reason"] == "企业补交的台账与化验报告矛盾"
    assert audit_count(sessions) == before + 1
    # evidence requested: assign, confirm or dismiss, but not a second request nor a reopen
    gurl = f"/api/enterprises/findings/{g['id']}"
    assert coord.post(f"{gurl}/request_evidence", json={"reason": "请提供台账"}).status_code == 200
    assert coord.post(f"{gurl}/request_evidence", json={"reason": "再次"}).status_code == 409
    assert coord.post(f"{gurl}/reopen", json={"reason": "x"}).status_code == 409
    assert coord.post(f"{gurl}/assign", json={}).json()["status"] == "assigned"
    assert coord.post(f"{gurl}/assign", json={}).status_code == 409  # already mine
    assert coord.post(f"{gurl}/dismiss", json={"reason": "已核实"}).json()["status"] == "dismissed"


def test_the_rule_page_cites_every_rule_in_chinese(app, client_of) -> None:
    """核查规则与依据: every rule with its formula, thresholds and a Chinese citation (document
    titles with 文号); no rule id, no URL, no English source on the Chinese page."""
    import re

    from cocontrol.enterprises.parameters import rules

    page = client_of("viewer").get("/enterprises/rules")
    assert page.status_code == 200
    text = re.sub(r"<[^>]+>", " ", page.text.split("<main", 1)[1])
    for rule, row in rules().iterrows():
        assert row["name_zh"] in text and rule not in text
    assert "发改产业〔2021〕1609号" in text and "HJ 944—2018" in text and "环办气候" in text
    assert "http" not in text and "Energies" not in text and "Jia" not in text
    assert "最大比例 1.00" in text  # hours_vs_design's threshold, from the thresholds table


def test_accounts_for_banks_as_excel_and_json(app, firms, frames, client_of) -> None:
    """碳效贷 export: the stored accounts as Excel (Chinese headers, illustrative labelled)
    and as JSON — the same numbers; an enterprise user gets only its own."""
    from openpyxl import load_workbook

    for code in ("E01", "E02"):
        assert _upload(firms[code], code, workbook(frames, code)).status_code == 303
    coord = client_of("coordinator")
    coord.post("/api/enterprises/verify")
    data = coord.get("/api/enterprises").json()
    book = load_workbook(io.BytesIO(coord.get("/enterprises/accounts.xlsx").content))
    assert book.sheetnames == ["说明", "企业碳账户"]
    assert "示例" in " ".join(str(c.value) for c in book["说明"]["A"])
    rows = list(book["企业碳账户"].iter_rows(values_only=True))
    head = rows[0]
    assert {"企业编号", "碳排放强度L（t/万元）", "碳效值K", "色标（山东，示例分档）"} <= set(head)
    by_id = {(r[head.index("企业编号")], r[head.index("年份")]): r for r in rows[1:]}
    assert len(by_id) == len(data) == 4  # two firms, two years
    for a in data:
        row = by_id[(a["enterprise_id"], a["year"])]
        assert row[head.index("范围一CO2（t）")] == pytest.approx(a["co2_t"])
        assert row[head.index("碳效级别（浙江，K 1–5）")] == a["grade"]
    own = load_workbook(io.BytesIO(firms["E01"].get("/enterprises/accounts.xlsx").content))
    assert {r[0] for r in own["企业碳账户"].iter_rows(min_row=2, values_only=True)} == {"E01"}


def test_the_english_rule_page_is_english(app, client_of) -> None:
    import re

    client = client_of("viewer")
    client.cookies.set("lang", "en")
    page = client.get("/enterprises/rules?lang=en")
    main = re.sub(r"<[^>]+>", " ", page.text.split("<main", 1)[1].split("</main>", 1)[0])
    assert "SO2 mass balance vs permit report" in main
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", main), main[:500]


def test_the_enterprise_page_draws_the_trend_over_years(app, sessions, client_of) -> None:
    """Stored accounts of two years: the trend chart carries both years' L and the table the
    stored change (+10.0 %); the page renders, it does not compute."""
    import html
    import json
    import re

    from cocontrol.store.enterprises import EnterpriseAccount

    with sessions() as s, s.begin():
        for year, value, change in ((2023, 2.0, None), (2024, 2.2, 0.1)):
            s.add(EnterpriseAccount(enterprise_code="E01", year=year, name="【示例】甲电厂",
                                    region="济南市历城区", industry="4411",
                                    data={"co2_t": 1000.0, "scope2_t": 100.0,
                                          "intensity": value, "intensity_change": change,
                                          "level": "中碳", "grade": 3, "colour": "黄"}))
    page = client_of("viewer").get("/enterprises/E01").text
    assert "+10.0%" in page
    spec = json.loads(html.unescape(re.search(r"id=\"trend\"[^>]*data-option='([^']+)'",
                                              page).group(1)))
    assert spec["xAxis"]["data"] == ["2023", "2024"]
    assert spec["series"][0]["data"] == [2.0, 2.2]
