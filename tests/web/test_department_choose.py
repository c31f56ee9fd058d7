"""部门工作台 without a chosen department (an admin's first visit) asks to choose one instead of
saying 数据暂缺 (issue 9, item 8)."""

from __future__ import annotations

from cocontrol.web.testing import login


def test_department_page_asks_to_choose(app, sessions) -> None:
    client = login(app, "admin")
    page = client.get("/department")
    assert page.status_code == 200
    assert "请在上方选择一个部门" in page.text and "数据暂缺</strong> 部门工作台" not in page.text
    english = client.get("/department?lang=en")
    assert "Choose a department above" in english.text
