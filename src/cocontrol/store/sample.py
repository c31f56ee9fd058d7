"""A small plan (two targets, two tasks) in the shape ``cocontrol plan extract`` writes — for
tests, demos and documentation of the storage and web layers. Numbers are the Weihai pilot
plan's wording, used here only as an example (illustrative)."""

from __future__ import annotations

from cocontrol.plans.model import PlanDocument


def sample_plan(plan_id: str = "weihai-test", region: str = "威海市", title: str | None = None) -> PlanDocument:
    """The sample plan under ``plan_id``; each id is its own document (title 《…（示例）》, with the
    id added for ids other than the default), since a plan of the same title and region under
    another id is the same document loaded again and is refused."""
    if title is None:
        title = "威海市减污降碳协同增效实施方案（示例" + ("" if plan_id == "weihai-test" else f" {plan_id}") + "）"
    return PlanDocument.model_validate(
        {
            "plan": {"id": plan_id, "title": title, "region": region, "horizon": [2024, 2027],
                     "issuer": f"{region}人民政府"},
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
