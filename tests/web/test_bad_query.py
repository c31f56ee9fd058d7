"""Bad input on the web (issue 9): a year outside the range says which parameter and bound in
Chinese (not 输入有误); an unknown region is refused naming the regions the user may choose."""

from __future__ import annotations

from cocontrol.web.testing import login


def test_year_out_of_range_names_parameter_and_bound(app) -> None:
    client = login(app, "admin")
    r = client.get("/api/overview", params={"region": "威海市", "year": 1995})
    assert r.status_code == 422
    body = r.json()
    assert body["detail"] == "“年度”：不应小于 2000"
    assert body["reason"].startswith("query.year: ")  # the English as raised
    page = client.get("/inventory", params={"region": "威海市", "year": 1995})
    assert page.status_code == 422 and "“年度”：不应小于 2000" in page.text
    english = client.get("/api/overview", params={"region": "威海市", "year": 1995, "lang": "en"})
    assert "2000" in english.json()["detail"] and "年度" not in english.json()["detail"]


def test_unknown_region_names_the_known_ones(app) -> None:
    client = login(app, "admin")
    r = client.get("/api/reports/annual", params={"region": "北京市", "year": 2025})
    assert r.status_code == 404
    assert r.json()["detail"] == "地区“北京市”不在您的权限范围内或不存在（可选地区：山东省、济南市、淄博市、威海市、荣成市）"
    page = client.get("/overview", params={"region": "北京市"})
    assert page.status_code == 404 and "可选地区：山东省、济南市" in page.text
