"""The administrator's new-user form: least privilege by default, and a confirmation."""

from __future__ import annotations

import re


def test_new_user_form_preselects_read_only_and_confirms(app, client_of):
    page = client_of("admin").get("/admin").text
    form = re.search(r'<form[^>]*id="new-user".*?</form>', page, re.S).group(0)
    selected = re.findall(r'<option value="(\w+)" selected>', form)
    assert selected == ["viewer"]
    assert "只读用户" in form  # the confirmation itself: static/app.js on [data-confirm] (CSP allows no inline code)
    assert 'data-confirm="确认创建该用户并授予所选角色？"' in form


def test_user_created_without_a_role_is_read_only(app, client_of, sessions):
    from sqlalchemy import select

    from cocontrol.store import models as m

    client = client_of("admin")
    csrf = client.headers["X-CSRF-Token"]
    r = client.post("/admin/users", data={"username": "newcomer", "password": "Passw0rd-new-1", "csrf_token": csrf},
                    follow_redirects=False)
    assert r.status_code == 303
    with sessions() as s:
        assert s.scalar(select(m.User.role).where(m.User.username == "newcomer")) == "viewer"


def test_a_taken_user_name_is_not_called_someone_elses_edit(app, client_of):
    """Creating a user whose name exists is refused (409) with the reason; the page's heading
    names both causes of a conflict — it once said only 他人已修改此记录 (someone else changed
    this record)."""
    client = client_of("admin")
    csrf = client.headers["X-CSRF-Token"]
    r = client.post("/admin/users", data={"username": "viewer", "password": "Passw0rd-new-1", "csrf_token": csrf},
                    follow_redirects=False)
    assert r.status_code == 409
    assert "或同名记录已存在" in r.text and "用户“viewer”已存在" in r.text
