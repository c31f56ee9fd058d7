"""大型活动 and 蓝碳 pages: account an uploaded workbook, retire credits once, blue carbon by site."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from cocontrol.events.workbook import write_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(tmp_path, name="示例论坛（示例数据）") -> bytes:
    path = tmp_path / f"{abs(hash(name))}.xlsx"
    write_template(path)
    book = load_workbook(path)
    book["活动"]["B3"] = name
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_event_account_retire_once(app, client_of, tmp_path) -> None:
    coordinator = client_of("coordinator")
    r = coordinator.post("/events/account", files={"file": ("e.xlsx", _workbook(tmp_path), XLSX)})
    # template: gas 0.12 × 21.62 + power 18 MWh × 0.6191 + HSR 250 000 × 0.03048 kg + metro
    # 8 000 × 0.061 kg + hotel 14 MWh × 0.6191 + hotel gas 0.05 × 21.62 + 3 000 meals × 7.52 kg
    # + food waste 600 kg × 1.26 + paper 150 kg × 3.36 = 55.41 t
    assert r.status_code == 200 and "55.41" in r.text and "by-source" in r.text
    # every line with its factor, citation and uncertainty; credits with type and vintage
    lines = r.text[r.text.index('id="event-lines"'):r.text.index("</table>", r.text.index('id="event-lines"'))]
    assert lines.count("<tr>") == 10 and "1.26 千克CO2当量/千克" in lines and "±30%" in lines
    assert "酒店能耗：电力二氧化碳排放因子公告（山东2023年）" in lines and "e+0" not in lines
    assert "<td>CCER</td><td>CCER-14-EXAMPLE-0001</td><td class=\"num\">2025</td>" in r.text
    r = coordinator.post("/events/account", data={"retire": "1"},
                         files={"file": ("e.xlsx", _workbook(tmp_path), XLSX)})
    assert r.status_code == 200 and "已登记并注销" in r.text
    second = coordinator.post("/events/account", data={"retire": "1"},
                              files={"file": ("f.xlsx", _workbook(tmp_path, "第二个活动"), XLSX)})
    assert second.status_code == 409
    shown = coordinator.post("/events/account",
                             files={"file": ("f.xlsx", _workbook(tmp_path, "第二个活动"), XLSX)})
    assert "已于“示例论坛（示例数据）”注销" in shown.text
    listed = coordinator.get("/events")
    assert listed.text.count("示例论坛（示例数据）") == 1 and "第二个活动" not in listed.text
    template = coordinator.get("/events/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    report = coordinator.post("/events/report", files={"file": ("e.xlsx", _workbook(tmp_path), XLSX)})
    assert report.status_code == 200 and report.content[:2] == b"PK"


def test_event_upload_errors_and_roles(app, client_of, tmp_path) -> None:
    coordinator = client_of("coordinator")
    junk = coordinator.post("/events/account", files={"file": ("e.xlsx", b"not a zip", XLSX)})
    assert junk.status_code == 422
    wrong = coordinator.post("/events/account", files={"file": ("e.csv", b"a,b", "text/csv")})
    assert wrong.status_code == 415
    # a 住宿 row in room-nights without a cited factor: refused, named, nothing recorded
    book = load_workbook(io.BytesIO(_workbook(tmp_path)))
    book["排放源"].append(["住宿", "住宿", 900, "间·夜", None, None, None])
    out = io.BytesIO()
    book.save(out)
    hotel = coordinator.post("/events/account", data={"retire": "1"},
                             files={"file": ("e.xlsx", out.getvalue(), XLSX)})
    assert hotel.status_code == 422
    assert ("工作表“排放源”，第 11 行，列“排放因子”：住宿：无可引用的缺省因子，请填写酒店能耗"
            in hotel.text), hotel.text[:2000]
    assert "尚无登记的活动" in coordinator.get("/events").text
    viewer = client_of("viewer")
    assert viewer.post("/events/account", files={"file": ("e.xlsx", _workbook(tmp_path), XLSX)}
                       ).status_code == 403
    analyst = client_of("analyst")
    assert analyst.post("/events/account", data={"retire": "1"},
                        files={"file": ("e.xlsx", _workbook(tmp_path), XLSX)}).status_code == 403


def test_bluecarbon_page_by_site_and_year(app, client_of, monkeypatch) -> None:
    import cocontrol.demo as demo

    monkeypatch.setenv("COCONTROL_EXAMPLES",
                       str(Path(demo.__file__).resolve().parents[2] / "examples"))
    page = client_of("viewer").get("/bluecarbon?region=威海市")
    assert page.status_code == 200
    assert "天鹅湖鳗草海草床修复" in page.text and "blue-by-year" in page.text
    assert "54.4" in page.text  # 1150 亩 × 45 % × 0.43 tC/ha/yr × 44/12
    en = client_of("viewer").get("/bluecarbon?region=威海市&lang=en")
    assert "Seagrass" in en.text and "海草床" not in en.text.split("<main>")[1].split("</main>")[0].replace("天鹅湖鳗草海草床修复", "")


def _project(tmp_path, edit=None) -> bytes:
    from cocontrol.sinks.project import write_template as project_template

    path = project_template(tmp_path / f"p{abs(hash(str(edit)))}.xlsx")
    book = load_workbook(path)
    if edit:
        edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _stored(sessions) -> tuple[int, int, int]:
    from sqlalchemy import func, select

    from cocontrol.store import models as m
    from cocontrol.store.restoration import RestorationProject, RestorationSurvey

    with sessions() as s:
        return (s.scalar(select(func.count()).select_from(RestorationProject)),
                s.scalar(select(func.count()).select_from(RestorationSurvey)),
                s.scalar(select(func.count()).select_from(m.AuditLog).where(
                    m.AuditLog.table_name.like("restoration%"))))


def test_restoration_project_stored_shown_and_audited(app, client_of, sessions, tmp_path) -> None:
    coordinator = client_of("coordinator")
    r = coordinator.post("/bluecarbon/projects", files={"file": ("p.xlsx", _project(tmp_path), XLSX)})
    assert r.status_code == 200, r.text
    assert "已登记“天鹅湖鳗草海草床修复”，新增监测 2 次" in r.text
    assert _stored(sessions) == (1, 2, 3)  # project + 2 surveys, each with its audit row
    page = client_of("viewer").get("/bluecarbon?region=威海市")
    body = page.text.split('id="restoration-projects"')[1]
    # 2024-10-15: shoots 52 % ≥ 45 %, seedlings 35 % ≥ 30 %; 2025-10-15: shoots 44.9 % < 45 %
    assert body.index("达标") < body.index("未达标")
    # range at the latest cover 45 %: 1150/15 ha × 0.45 × (0.2 | 0.43 | 0.6) tC/ha/yr × 44/12
    assert "25.3 — 54.4 — 75.9" in body
    assert "1,150 亩" in body and "23,000,000" in body and "示例" in body
    # the stored project replaces nothing else and enters the blue-carbon table by year
    assert "blue-by-year" in page.text and "2025" in page.text
    # the same workbook again adds nothing; a new survey date is appended
    again = coordinator.post("/bluecarbon/projects", files={"file": ("p.xlsx", _project(tmp_path), XLSX)})
    assert "新增监测 0 次" in again.text and _stored(sessions) == (1, 2, 3)

    def add_survey(book) -> None:
        book["监测"].append(["2026-10-15", 140, 47, 22, 33, 50, 230])

    more = coordinator.post("/bluecarbon/projects",
                            files={"file": ("p.xlsx", _project(tmp_path, add_survey), XLSX)})
    assert "新增监测 1 次" in more.text and _stored(sessions) == (1, 3, 4)


def test_restoration_upload_never_overwrites(app, client_of, sessions, tmp_path) -> None:
    coordinator = client_of("coordinator")
    assert coordinator.post("/bluecarbon/projects", files={
        "file": ("p.xlsx", _project(tmp_path), XLSX)}).status_code == 200

    def change_survey(book) -> None:
        book["监测"]["C3"] = 60          # the stored 2025-10-15 survey said 44.9 %
        book["监测"].append(["2026-10-15", 140, 47, 22, 33, 50, 230])

    r = coordinator.post("/bluecarbon/projects",
                         files={"file": ("p.xlsx", _project(tmp_path, change_survey), XLSX)})
    assert r.status_code == 409
    assert "工作表“监测”，第 3 行，列“植株成活率(%)”" in r.text and "整表未登记" in r.text
    assert _stored(sessions) == (1, 2, 3)   # the new 2026 survey was not added either

    def change_area(book) -> None:
        for row in book["项目"].iter_rows(min_row=2):
            if row[0].value == "面积":
                row[1].value = 1200

    r = coordinator.post("/bluecarbon/projects",
                         files={"file": ("p.xlsx", _project(tmp_path, change_area), XLSX)})
    assert r.status_code == 409 and "列“面积”" in r.text and _stored(sessions) == (1, 2, 3)


def test_restoration_upload_errors_roles_and_csrf(app, client_of, sessions, tmp_path) -> None:
    from fastapi.testclient import TestClient

    coordinator = client_of("coordinator")

    def bad(book) -> None:
        book["监测"]["C2"] = 104
        book["监测"]["A3"] = "not a date"

    r = coordinator.post("/bluecarbon/projects", files={"file": ("坏表.xlsx", _project(tmp_path, bad), XLSX)})
    assert r.status_code == 422
    assert "文件 坏表.xlsx，工作表“监测”，第 2 行，列“植株成活率(%)”：比例超出 0–100%" in r.text
    assert "第 3 行，列“日期”：不是日期" in r.text and "/tmp" not in r.text
    assert coordinator.post("/bluecarbon/projects", files={"file": ("p.xlsx", b"junk", XLSX)}
                            ).status_code == 422
    for role in ("viewer", "analyst", "reporter"):
        assert client_of(role).post("/bluecarbon/projects", files={
            "file": ("p.xlsx", _project(tmp_path), XLSX)}).status_code == 403, role
    no_token = TestClient(app)
    no_token.cookies = coordinator.cookies
    assert no_token.post("/bluecarbon/projects", files={
        "file": ("p.xlsx", _project(tmp_path), XLSX)}).status_code == 403
    assert _stored(sessions) == (0, 0, 0)
    assert "/bluecarbon/projects" not in client_of("viewer").get("/bluecarbon").text
    template = client_of("viewer").get("/bluecarbon/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    en = coordinator.post("/bluecarbon/projects?lang=en", files={
        "file": ("bad.xlsx", _project(tmp_path, bad), XLSX)})
    assert en.status_code == 422 and "sheet &#39;监测&#39;, row 2, column &#39;植株成活率(%)&#39;: share out of range" in en.text


def test_event_certificate_download_and_refusal(app, client_of, sessions, tmp_path) -> None:
    from sqlalchemy import select

    from cocontrol.store.events import Event

    coordinator = client_of("coordinator")
    assert coordinator.post("/events/account", data={"retire": "1"}, files={
        "file": ("e.xlsx", _workbook(tmp_path), XLSX)}).status_code == 200
    with sessions() as s, s.begin():
        event = s.scalar(select(Event))
        assert event.details["stage"] == "actual" and event.details["venue"] == "威海国际会展中心"
        assert event.details["start"] == "2026-05-20"
        short = Event(name="差额活动", region="威海市", total_t=20.0, retired_t=5.0,
                      details={**event.details, "problems": []})
        s.add(short)
        s.flush()
        ids = event.id, short.id
    listing = client_of("viewer").get("/events")
    assert f"/events/{ids[0]}/certificate?format=pdf" in listing.text
    assert f"/events/{ids[1]}/certificate" not in listing.text
    pdf = client_of("viewer").get(f"/events/{ids[0]}/certificate?format=pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    docx = client_of("viewer").get(f"/events/{ids[0]}/certificate?format=docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    refused = client_of("viewer").get(f"/events/{ids[1]}/certificate")
    assert refused.status_code == 409
    assert "“差额活动”未实现碳中和：排放 20.00 吨二氧化碳当量，已注销 5.00 吨，尚差 15.00 吨" in refused.text
    assert client_of("viewer").get("/events/99999/certificate").status_code == 404
    assert client_of("viewer").get(f"/events/{ids[0]}/certificate?format=exe").status_code == 422


def test_pages_speak_one_language(app, client_of, tmp_path) -> None:
    """The 蓝碳 and 大型活动 pages with a stored project and a recorded event: English pages show
    Chinese only where it is the bureau's own data, marked lang="zh-CN"."""
    from tests.web.test_language import page_problems

    coordinator = client_of("coordinator")
    coordinator.post("/bluecarbon/projects", files={"file": ("p.xlsx", _project(tmp_path), XLSX)})
    coordinator.post("/events/account", data={"retire": "1"},
                     files={"file": ("e.xlsx", _workbook(tmp_path), XLSX)})
    for path in ("/bluecarbon?region=威海市&lang=en", "/events?lang=en", "/events?lang=zh"):
        page = coordinator.get(path)
        found = [p for p in page_problems(page.text, path[-2:]) if "'coordinator'" not in p]
        assert page.status_code == 200 and found == [], path   # (the user's own name aside)
