"""A form, query or body that does not fit its declared types is refused (422) naming each field
by its label in the page's language — “密码”：必须填写 on Chinese pages, Password: required on
English ones — and the API keeps the machine reason (``body.period: …``) beside a message in the
language of ``?lang``, the cookie or ``Accept-Language``."""

from __future__ import annotations

import html
import typing

from pydantic import BaseModel

from cocontrol.web.fields import LABELS, describe, place
from cocontrol.web.testing import ids
from tests.web.test_language import page_problems


def _routes(routes):
    for r in routes:
        if type(r).__name__ == "_IncludedRouter":
            yield from _routes(r.original_router.routes)
        elif hasattr(r, "dependant"):
            yield r


def _names(dependant, out: set[str]) -> None:
    def model(tp, seen):
        for a in typing.get_args(tp):
            model(a, seen)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and tp not in seen:
            seen.add(tp)
            for name, f in tp.model_fields.items():
                out.add(name)
                model(f.annotation, seen)

    for p in (dependant.query_params + dependant.path_params + dependant.body_params
              + dependant.header_params + dependant.cookie_params):
        out.add(p.name)
        model(p.field_info.annotation, set())
    for sub in dependant.dependencies:
        _names(sub, out)


def test_every_parameter_and_body_field_has_a_label(app) -> None:
    names: set[str] = set()
    for route in _routes(app.routes):
        _names(route.dependant, names)
    assert len(names) > 80
    assert not sorted(names - set(LABELS)), "fields without a label in cocontrol.web.fields.LABELS"


def test_the_sentences_by_hand() -> None:
    errors = [{"loc": ("body", "password"), "type": "missing", "msg": "Field required"},
              {"loc": ("body", "username"), "type": "string_too_long", "ctx": {"max_length": 100}},
              {"loc": ("body", "doc", "targets", 1, "value"), "type": "float_parsing"},
              {"loc": ("query", "level"), "type": "literal_error", "ctx": {"expected": "'city' or 'county'"}}]
    assert describe(errors, "zh") == ("“密码”：必须填写；“用户名”：最多 100 个字符；“规划文件”“目标”第 2 项“数值”：应为数字；"
                                      "“级别”：不是可选的取值（可选：city、county）")
    assert describe(errors, "en") == ("Password: required; User name: at most 100 characters; "
                                      "Plan document, Targets, item 2, Value: must be a number; "
                                      "Level: is not one of 'city' or 'county'")
    assert place(("body",), "zh") == "“提交内容”"


def _text(r) -> str:
    return html.unescape(r.text)


def test_html_forms_say_what_is_wrong_in_the_page_language(app, client_of) -> None:
    client = client_of("admin")
    zh = client.post("/login?lang=zh", data={"username": "x"})
    assert zh.status_code == 422 and "“密码”：必须填写" in _text(zh)
    assert not page_problems(zh.text, "zh")
    en = client.post("/login?lang=en", data={"username": "x"})
    assert en.status_code == 422 and "Password: required" in _text(en) and "body.password" not in en.text
    assert not page_problems(en.text, "en")
    long = client.post("/admin/users?lang=zh", data={"username": "x" * 200})
    assert long.status_code == 422 and "“用户名”：最多 100 个字符" in _text(long)
    assert not page_problems(long.text, "zh")
    version = client.post("/enterprises/findings/1/close?lang=zh", data={"reason": "x", "version": "abc"})
    assert version.status_code == 422 and "“版本”：应为整数" in _text(version)
    upload = client.post("/events/account?lang=zh", data={})
    assert upload.status_code == 422 and "“文件”：必须填写" in _text(upload)


def test_page_forms_name_the_field_by_its_label(app, sessions, client_of) -> None:
    client = client_of("reporter")
    item = f"target:{ids(sessions)['T2']}"
    zh = client.post("/department/submit?lang=zh", data={"item": item, "period": "2024", "value": "二十"})
    assert zh.status_code == 422 and "“数值”：“二十”不是数字" in _text(zh)
    assert not page_problems(zh.text, "zh")
    en = client.post("/department/submit?lang=en", data={"item": item, "period": "2024", "value": "abc"})
    assert "Value: 'abc' is not a number" in _text(en)


def test_the_api_keeps_the_machine_reason_and_speaks_the_asked_language(app, client_of) -> None:
    client = client_of("reporter")
    zh = client.post("/api/submissions", data={"period": "abc"}).json()
    assert zh["detail"] == "“年度”：应为整数"
    assert zh["reason"].startswith("body.period: Input should be a valid integer")
    assert zh["errors"][0]["loc"] == ["body", "period"] and zh["errors"][0]["type"] == "int_parsing"
    en = client.post("/api/submissions", data={"period": "abc"}, headers={"Accept-Language": "en-GB,en;q=0.9"}).json()
    assert en["detail"] == "Period: must be a whole number" and en["reason"] == zh["reason"]
    assert client.post("/api/submissions?lang=en", data={"period": "abc"}).json()["detail"] == en["detail"]
    assert client.post("/api/submissions", data={"period": "abc"},
                       headers={"Accept-Language": "fr;q=1, zh-CN;q=0.8, en;q=0.5"}).json()["detail"] == zh["detail"]
