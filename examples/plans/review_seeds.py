"""Rebuild the reviewed seed plans (examples/plans/*.yaml) — the review a coordinator does.

    .venv/bin/python examples/plans/review_seeds.py [SEED_DIR]

For each seed plan: run the extractor, then apply the review recorded in the hand annotations
(tests/plans/gold/<seed>.yaml): every target the annotators registered with certainty (plus
the qualitative rows of indicator tables they kept as uncertain merged cells) is kept with the
annotated fields; extractor output the annotators did not register is dropped; targets the
extractor missed are added at their anchor. Targets are linked to the task whose text holds
them and take its 责任单位.

Two plans name no 责任单位 (美丽威海 纲要, 荣成 十四五 规划): for them the reviewer assigns the
lead unit by domain (DOMAIN_LEAD below), as a coordinator would when dispatching tasks; this is
stated in the header of those files. Tasks left without a unit in the other plans (总体要求,
主要目标) go to the plan's coordinating unit.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from cocontrol.plans.evaluate import load_gold, locate, score
from cocontrol.plans.extract import domain_of, extract_plan
from cocontrol.plans.io import dump_yaml
from cocontrol.plans.merge import merge_duplicates
from cocontrol.plans.model import PlanDocument, Target, Task
from cocontrol.plans.reader import read_document

HERE = Path(__file__).resolve().parent
GOLD = HERE.parents[1] / "tests" / "plans" / "gold"
DEFAULT_SEEDS = HERE.parent / "seeds"

PLANS: dict[str, dict[str, str]] = {
    "000_622501f90e077414.txt": {"id": "weihai-2024-pilot", "region": "威海市", "coordinator": "市生态环境局"},
    "001_82be295f4d74f1d3.txt": {"id": "weihai-2024-beautiful", "region": "威海市", "coordinator": "市生态环境局"},
    "002_f45fb1e62091458f.txt": {"id": "rongcheng-2021-eco", "region": "荣成市",
                                 "title": "荣成市“十四五”生态环境保护规划",
                                 "coordinator": "威海市生态环境局荣成分局"},
    "003_98f35a46e05eef23.txt": {"id": "zibo-2024-synergy", "region": "淄博市", "coordinator": "市生态环境局"},
    "004_ec4efe7686378a5a.txt": {"id": "jinan-2023-carbon-peak", "region": "济南市", "coordinator": "市发展改革委"},
}
DOMAIN_LEAD = {
    "energy": ["市发展改革委"], "industry": ["市工业和信息化局"], "transport": ["市交通运输局"],
    "buildings": ["市住房城乡建设局"], "agriculture": ["市农业农村局"], "ocean": ["市海洋发展局"],
    "ecology": ["市自然资源和规划局"], "climate": ["市生态环境局", "市发展改革委"],
}
NOT_TASKS = {"指导思想", "基本原则", "工作原则", "战略定位"}
GOLD_FIELDS = ("indicator", "year", "value", "unit", "relation", "approx", "strive", "annual_rate",
               "base_year", "cumulative", "binding", "qualitative", "baseline_value", "baseline_year")


def _quote(text: str, span: tuple[int, int]) -> str:
    start = max(text.rfind("。", 0, span[0]), text.rfind("\n\t", 0, span[0]) + 1, 0)
    end = text.find("。", span[1])
    end = len(text) if end < 0 else end + 1
    return re.sub(r"\s+", "", text[start:end]).lstrip("。")[:300]


def review(seed: Path) -> tuple[PlanDocument, str]:
    meta = PLANS[seed.name]
    text = read_document(seed).text
    doc = extract_plan(text, source=seed.name)
    _, gold = load_gold(GOLD / f"{seed.stem}.yaml")
    kept = [g for g in gold if not g.uncertain or g.qualitative is not None]
    result = score(doc.targets, kept, text)
    matched = {id(g): p for p, g in result.matched}
    targets: list[Target] = []
    for g in kept:
        fields = {f: getattr(g, f) for f in GOLD_FIELDS}
        p = matched.get(id(g))
        if p is not None:
            t = p.model_copy(update=fields)
        else:
            span = locate(g.anchor, g.occurrence, text)
            assert span is not None, (seed.name, g.anchor)
            t = Target(**fields, span=span, quote=_quote(text, span))
        t = Target.model_validate(t.model_dump() | {"domain": domain_of(t.indicator) or domain_of(t.quote)})
        targets.append(t)
    targets.sort(key=lambda t: t.span or (0, 0))
    tasks = [k for k in doc.tasks if k.text and k.title not in NOT_TASKS]
    names_units = any(k.responsible for k in doc.tasks)
    for k in tasks:
        if not k.responsible:
            lead = DOMAIN_LEAD.get(str(k.domain), []) if not names_units else []
            k.responsible = list(dict.fromkeys([*lead, meta["coordinator"]]))
        k.targets = []
    for n, t in enumerate(targets, start=1):
        t.id = f"T{n:03d}"
        home = _task_of(tasks, t)
        if home is not None:
            home.targets.append(t.id)
            t.task, t.responsible = home.id, list(home.responsible)
        else:
            t.task, t.responsible = None, [meta["coordinator"]]
    # a target stated twice (主要目标 and the task that delivers it) is one target with both quotes;
    # ids are given first so the kept targets keep theirs; a later statement's task drops it
    targets, renamed = merge_duplicates(targets)
    for k in tasks:
        k.targets = [i for i in k.targets if i not in renamed]
    plan = doc.plan.model_copy(update={"id": meta["id"], "region": meta["region"],
                                       **({"title": meta["title"]} if "title" in meta else {})})
    reviewed = PlanDocument(plan=plan, targets=targets, tasks=tasks)
    note = (f"# 审核说明: 由 examples/plans/review_seeds.py 依据人工标注 tests/plans/gold/{seed.stem}.yaml 审核生成。\n"
            + ("" if names_units else "# 原文未列责任单位: 各任务责任单位由审核人按领域指派 (DOMAIN_LEAD)，并列协调单位。\n"))
    return reviewed, note


def _task_of(tasks: list[Task], t: Target) -> Task | None:
    if t.span is None:
        return None
    holders = [k for k in tasks if k.span and k.span[0] <= t.span[0] < k.span[1]]
    return max(holders, key=lambda k: k.span[0]) if holders else None  # type: ignore[index]


def main(seeds: Path = DEFAULT_SEEDS) -> None:
    for name, meta in PLANS.items():
        doc, note = review(seeds / name)
        text = dump_yaml(doc)
        first_break = text.index("schema_version:")
        out = HERE / f"{meta['id']}.yaml"
        out.write_text(text[:first_break] + note + text[first_break:], encoding="utf-8")
        print(f"{out.name}: {len(doc.targets)} targets, {len(doc.tasks)} tasks")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEEDS)
