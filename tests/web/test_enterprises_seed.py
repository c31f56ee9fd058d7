"""The illustrative enterprises are seeded on the platform's first start (as ``cocontrol
serve`` does with the demo examples): their submissions, accounts and findings are stored, the
planted problems are in the queue, the clean enterprises have none, and a second start or a
re-run adds nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cocontrol.enterprises import demo
from cocontrol.store import models as m
from cocontrol.store.enterprises import (
    EnterpriseAccount,
    EnterpriseFacility,
    EnterpriseStack,
    EnterpriseSubmission,
    VerificationFinding,
)
from cocontrol.web.app import create_app
from cocontrol.web.testing import login


@pytest.fixture
def seeded(settings, tmp_path, monkeypatch):
    examples = tmp_path / "examples_ent"
    demo.write(examples / "enterprises" / "data")
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(examples))
    application = create_app(settings)
    yield application
    application.state.refresher.stop()


def test_first_start_seeds_the_illustrative_enterprises(seeded, settings) -> None:
    with seeded.state.sessions() as s:
        subs = s.scalars(select(EnterpriseSubmission)).all()
        assert sorted(x.enterprise_code for x in subs) == [f.eid for f in demo.FIRMS]
        assert all("示例" in x.filename for x in subs)
        # two years each: the clean history year and the year with the planted problems
        assert s.scalar(select(func.count()).select_from(EnterpriseAccount)) == 2 * len(demo.FIRMS)
        assert {a.year for a in s.scalars(select(EnterpriseAccount))} == {demo.HISTORY, demo.YEAR}
        found = {(f.enterprise_code, f.rule) for f in s.scalars(select(VerificationFinding))}
        assert all(f.status == "open" for f in s.scalars(select(VerificationFinding)))
        tables = demo.tables()
        facilities = {(f.enterprise_code, f.facility_id): f
                      for f in s.scalars(select(EnterpriseFacility))}
        assert len(facilities) == len(tables["facilities"])
        kiln = facilities[("E04", "K1")]
        assert (kiln.kind, kiln.capacity_unit) == ("窑炉", "t/d")
        stacks = {x.enterprise_code: x for x in s.scalars(select(EnterpriseStack))}
        assert stacks["E01"].facility_ids == ["U1", "U2"] and stacks["E01"].height == 180
        audited = s.scalars(select(m.AuditLog.table_name).where(m.AuditLog.actor == "seed")).all()
        assert {"enterprise_facilities", "enterprise_stacks", "verification_findings"} <= set(audited)
    for eid, rules in demo.PLANTED.items():
        assert {(eid, r) for r in rules} <= found, eid
    assert not {e for e, _ in found} & set(demo.CLEAN)
    n = len(found)
    again = create_app(settings)  # second start: nothing seeded twice
    again.state.refresher.stop()
    admin = login(seeded, "admin")
    assert admin.post("/api/enterprises/verify").json()["new"] == 0  # re-run: same findings
    with seeded.state.sessions() as s:
        assert s.scalar(select(func.count()).select_from(VerificationFinding)) >= n
        assert s.scalar(select(func.count()).select_from(EnterpriseSubmission)) == len(demo.FIRMS)
    page = admin.get("/enterprises")
    assert page.status_code == 200
    assert "示例数据，不是真实企业的数据" in page.text and "【示例】" in page.text
    assert "SO2物料衡算与执行报告不符" in page.text
    e01 = admin.get("/enterprises/E01")
    assert "设施与排口" in e01.text and "E01-S1" in e01.text and "机组" in e01.text
