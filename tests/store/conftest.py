from __future__ import annotations

import pytest

from cocontrol.plans.model import PlanDocument


def small_plan(title: str = "威海市减污降碳协同增效实施方案") -> PlanDocument:
    """A two-target, two-task plan in the shape `cocontrol plan extract` writes."""
    return PlanDocument.model_validate(
        {
            "plan": {"id": "weihai-test", "title": title, "region": "威海市", "horizon": [2024, 2027],
                     "issuer": "威海市人民政府"},
            "targets": [
                {"id": "T1", "indicator": "单位地区生产总值二氧化碳排放降低", "domain": "climate",
                 "year": 2025, "value": 18, "unit": "%", "relation": "reduce_by", "base_year": 2020,
                 "binding": "约束性", "responsible": ["市发展改革委", "市生态环境局"],
                 "quote": "到2025年，单位地区生产总值二氧化碳排放比2020年下降18%。", "task": "一.1"},
                {"id": "T2", "indicator": "PM2.5平均浓度", "domain": "air", "year": 2025, "value": 22,
                 "unit": "微克/立方米", "relation": "<=", "responsible": ["市生态环境局"],
                 "quote": "PM2.5平均浓度控制在22微克/立方米以内。"},
            ],
            "tasks": [
                {"id": "一.1", "section": "（一）1.", "title": "推动能源结构优化", "domain": "energy",
                 "responsible": ["市发展改革委"], "lead": ["市发展改革委"], "targets": ["T1"]},
                {"id": "二.1", "section": "（二）1.", "title": "深化工业大气污染治理", "domain": "air",
                 "responsible": ["市生态环境局", "市工业和信息化局"], "targets": ["T2"]},
            ],
        }
    )


@pytest.fixture
def plan_doc() -> PlanDocument:
    return small_plan()


@pytest.fixture
def db_url(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path))
    monkeypatch.delenv("COCONTROL_DATABASE_URL", raising=False)
    return f"sqlite:///{tmp_path / 'test.db'}"
