"""情景分析 page: rendered from a run of the scenario files the user may see."""

import pytest

from cocontrol.store import models as m
from cocontrol.store.regions import ensure_region

from ..scenarios.conftest import SPEC, write_city


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "scenarios"
    path.mkdir()
    write_city(path, SPEC.replace("draws: 2000", "draws: 200"))
    monkeypatch.setenv("COCONTROL_SCENARIOS", str(path))
    return path


def test_admin_sees_pathways_targets_and_optimiser(client_of, folder):
    client = client_of("admin")
    page = client.get("/scenarios?name=spec")
    assert page.status_code == 200, page.text
    html = page.text
    for text in ("测试市 · 情景分析", "规划目标达成概率", "碳排放达峰年份", "最优措施组合",
                 'id="pathways"', 'id="peaks"', 'id="measure-coords"', 'id="mac"'):
        assert text in html, text
    part = client.get("/scenarios/portfolio?name=spec&co2=80&apeq=20")
    assert part.status_code == 200 and "年成本" in part.text
    assert client.get("/scenarios/portfolio?name=spec&co2=180&apeq=20").status_code == 422


def test_a_city_user_does_not_see_other_cities(client_of, sessions, folder):
    with sessions() as s, s.begin():
        region = ensure_region(s, "威海市")
        user = s.query(m.User).filter_by(username="viewer").one()
        user.region_id = region.id
    client = client_of("viewer")
    page = client.get("/scenarios")
    assert page.status_code == 200 and "尚无情景设定文件" in page.text
    assert client.get("/scenarios?name=spec").status_code == 404
