"""Plan import: upload → review table → confirm; malformed uploads refused with nothing stored."""

from __future__ import annotations

import html
import json
import re

import yaml
from sqlalchemy import func, select

from cocontrol.store import models as m
from cocontrol.store.sample import sample_plan


def _plans(sessions) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(m.Plan))


def test_yaml_upload_review_and_confirm_with_edits(app, sessions, client_of):
    client = client_of("coordinator")
    doc = sample_plan(plan_id="review-1")
    text = yaml.safe_dump(doc.model_dump(mode="json"), allow_unicode=True)
    r = client.post("/import", files={"document": ("方案.yaml", text.encode(), "application/x-yaml")})
    assert r.status_code == 200 and 'name="t1.indicator"' in r.text and "PM2.5平均浓度" in r.text
    payload = html.unescape(re.search(r'name="doc" value="([^"]*)"', r.text).group(1))
    r = client.post("/import/confirm", data={"doc": payload, "t1.indicator": "细颗粒物年均浓度", "t1.value": "21",
                                             "t0.drop": "1"})
    assert r.status_code == 200 and "已保存" in r.text
    with sessions() as s:
        plan = s.scalars(select(m.Plan).where(m.Plan.slug == "review-1")).one()
        assert [(t.key, t.indicator, t.value) for t in plan.targets] == [("T2", "细颗粒物年均浓度", 21.0)]
        assert plan.created_by == "coordinator"
        # the dropped target is unlinked from its task, the kept one stays linked
        assert s.scalar(select(func.count()).select_from(m.TargetTask).join(m.Target).where(m.Target.plan_id == plan.id)) == 1


def test_reimport_with_changes_is_a_new_version(app, sessions, client_of):
    client = client_of("coordinator")
    doc = sample_plan().model_dump(mode="json")
    assert client.post("/api/plans", json=doc).status_code == 201  # same content: no new row
    assert _plans(sessions) == 1
    doc["targets"][1]["value"] = 20
    r = client.post("/api/plans", json=doc)
    assert r.status_code == 201
    with sessions() as s:
        assert s.execute(select(m.Plan.slug, m.Plan.version).order_by(m.Plan.id)).all() == [
            ("weihai-test", 1), ("weihai-test", 2)]


def test_malformed_uploads_are_refused(app, sessions, client_of, settings):
    client = client_of("coordinator")
    before = _plans(sessions)
    cases = [
        (("p.yaml", b"plan: [unclosed", "application/x-yaml"), 422, "not valid YAML"),
        (("p.json", b'{"plan": {"title": "x"}}', "application/json"), 422, "plan.id"),
        (("p.exe", b"MZ", "application/octet-stream"), 415, "not accepted"),
        (("p.docx", b"not a zip", "application/octet-stream"), 422, "p.docx"),
        (("p.txt", b"\x00\x01\x02\xff" * 100, "text/plain"), 422, "p.txt"),
    ]
    for file, status, text in cases:
        r = client.post("/api/plans/extract", files={"document": file})
        assert r.status_code == status, (file[0], r.text)
        assert text in r.json()["reason"], (file[0], r.json())
    r = client.post("/api/plans", json={"plan": {"id": "x", "title": "t"}, "targets": [{"indicator": "无值"}]})
    assert r.status_code == 422 and "value or a qualitative" in r.json()["reason"]
    assert _plans(sessions) == before


def test_text_plan_is_extracted(app, client_of):
    client = client_of("coordinator")
    text = ("威海市减污降碳协同增效实施方案\n一、主要目标\n到2025年，全市单位地区生产总值二氧化碳排放比2020年下降18%，"
            "细颗粒物（PM2.5）平均浓度控制在22微克/立方米以内。（市发展改革委、市生态环境局按职责分工负责）\n")
    r = client.post("/api/plans/extract", files={"document": ("方案.txt", text.encode("utf-8"), "text/plain")})
    assert r.status_code == 200, r.text
    targets = r.json()["targets"]
    assert any(t["value"] == 18 and t["unit"] == "%" for t in targets)
    assert any(t["value"] == 22 for t in targets)
    page = client.post("/import", files={"document": ("方案.txt", text.encode("utf-8"), "text/plain")})
    assert "二氧化碳排放" in page.text
    hidden = html.unescape(re.search(r'name="doc" value="([^"]*)"', page.text).group(1))
    assert json.loads(hidden)["targets"] == targets  # the review form carries the extracted document
