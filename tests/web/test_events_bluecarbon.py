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
    assert r.status_code == 200 and "58.73" in r.text and "by-source" in r.text
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
