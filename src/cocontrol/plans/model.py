"""Domain model of a policy plan (规划/实施方案): plan, targets (目标指标) and tasks (重点任务).

The JSON written by ``cocontrol plan extract`` is a contract other tools rely on; its target
fields are exactly the fields of :class:`Target` (``value`` is the number *as written*, in the
unit *as written*; ``value_si``/``unit_si`` add the SI reading beside it).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Relation(StrEnum):
    """How the target value binds the indicator.

    ``>=``/``<=``/``=`` compare the level; ``reduce_by``/``increase_by`` are changes against
    ``base_year`` (比2020年下降18%) or, with ``annual_rate``, a yearly average rate
    (年平均下降3%).
    """

    GE = ">="
    LE = "<="
    EQ = "="
    REDUCE_BY = "reduce_by"
    INCREASE_BY = "increase_by"


class Binding(StrEnum):
    """指标属性: 约束性 (binding) or 预期性 (indicative)."""

    BINDING = "约束性"
    EXPECTED = "预期性"


class Domain(StrEnum):
    """Field a target or task belongs to (领域)."""

    ENERGY = "energy"  # 能源
    INDUSTRY = "industry"  # 工业
    TRANSPORT = "transport"  # 交通
    BUILDINGS = "buildings"  # 城乡建设/建筑
    AGRICULTURE = "agriculture"  # 农业农村
    OCEAN = "ocean"  # 海洋
    ECOLOGY = "ecology"  # 生态/碳汇
    LIFE = "life"  # 生活/绿色生活
    CLIMATE = "climate"  # 碳排放/应对气候变化
    AIR = "air"  # 大气环境
    WATER = "water"  # 水环境
    SOIL = "soil"  # 土壤/地下水
    WASTE = "waste"  # 固体废物/无废城市
    GOVERNANCE = "governance"  # 管理/机制/能力建设
    OTHER = "other"


DOMAIN_LABELS: dict[Domain, str] = {
    Domain.ENERGY: "能源",
    Domain.INDUSTRY: "工业",
    Domain.TRANSPORT: "交通",
    Domain.BUILDINGS: "城乡建设",
    Domain.AGRICULTURE: "农业农村",
    Domain.OCEAN: "海洋",
    Domain.ECOLOGY: "生态碳汇",
    Domain.LIFE: "绿色生活",
    Domain.CLIMATE: "碳排放",
    Domain.AIR: "大气环境",
    Domain.WATER: "水环境",
    Domain.SOIL: "土壤与地下水",
    Domain.WASTE: "固体废物",
    Domain.GOVERNANCE: "机制与能力",
    Domain.OTHER: "其他",
}


class _Model(BaseModel):
    # allow_inf_nan=False: a target of inf or 1e400 (YAML .inf, JSON Infinity) is refused
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=True,
                              allow_inf_nan=False)


class Plan(_Model):
    """A policy document (规划/方案) as issued."""

    id: str = Field(description="stable slug, e.g. 'weihai-2024-pilot'")
    title: str
    issuer: str | None = Field(None, description="发文机关, e.g. 威海市人民政府")
    doc_number: str | None = Field(None, description="文号, e.g. 威政字〔2024〕52号")
    date: dt.date | None = Field(None, description="印发日期")
    region: str | None = Field(None, description="行政区, e.g. 威海市")
    horizon: tuple[int, int] | None = Field(None, description="(first year, last year) covered")
    source: str | None = Field(None, description="file the plan was read from")
    sha256: str | None = Field(None, description="hash of the decoded text, to tie spans to it")


class Target(_Model):
    """One quantified or qualitative target (目标/指标) traceable to its sentence."""

    id: str | None = None
    indicator: str = Field(description="指标名称 as the plan names it")
    domain: Domain | None = None
    year: int | None = Field(None, description="target year; null when the plan states none")
    value: float | None = Field(None, description="number as written, in the unit as written")
    unit: str | None = Field(None, description="unit as written: 万千瓦, %, 微克/立方米 …")
    value_si: float | None = None
    unit_si: str | None = None
    relation: Relation = Relation.EQ
    base_year: int | None = Field(None, description="比YYYY年 — year the change is measured from")
    annual_rate: bool = Field(False, description="年均/年平均 rate rather than a level or total change")
    approx: bool = Field(False, description="左右/约")
    strive: bool = Field(False, description="力争 — aspirational")
    cumulative: bool = Field(False, description="[ ] cumulative value over the plan period")
    binding: Binding | None = None
    qualitative: str | None = Field(None, description="qualitative target, e.g. 完成上级分解任务")
    baseline_value: float | None = None
    baseline_year: int | None = None
    responsible: list[str] = Field(default_factory=list, description="责任单位, canonical names")
    quote: str = Field("", description="the sentence the target was read from")
    span: tuple[int, int] | None = Field(None, description="character offsets in the decoded text")
    task: str | None = Field(None, description="id of the task the sentence sits in")
    quotes: list[str] = Field(default_factory=list,
                              description="further sentences stating the same target (主要目标 and its task)")
    spans: list[tuple[int, int]] = Field(default_factory=list, description="character offsets of those sentences")

    @field_validator("year", "base_year", "baseline_year")
    @classmethod
    def _plausible_year(cls, v: int | None) -> int | None:
        if v is not None and not 1949 <= v <= 2100:
            raise ValueError(f"year {v} is outside 1949–2100")
        return v

    @model_validator(mode="after")
    def _value_or_qualitative(self) -> Target:
        if self.value is None and not self.qualitative:
            raise ValueError("a target needs a value or a qualitative statement")
        if self.value is not None and not self.unit:
            raise ValueError("a numeric target needs a unit (use '%' for shares, '个' for counts)")
        return self


class Task(_Model):
    """A task (重点任务) with its responsible units (责任单位)."""

    id: str = Field(description="section path, e.g. '二.(一).1'")
    section: str = Field("", description="numbering as written, e.g. '（一）1.'")
    title: str
    domain: Domain | None = None
    text: str = ""
    responsible: list[str] = Field(default_factory=list)
    lead: list[str] = Field(default_factory=list, description="牵头单位 when the plan separates it")
    targets: list[str] = Field(default_factory=list, description="ids of targets in this task")
    span: tuple[int, int] | None = None


class PlanDocument(_Model):
    """A plan with its targets and tasks: the unit of extraction, review and storage."""

    schema_version: Literal[1] = 1
    plan: Plan
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids_unique(self) -> PlanDocument:
        for kind, items in (("target", self.targets), ("task", self.tasks)):
            seen: set[str] = set()
            for item in items:
                if item.id is None:
                    continue
                if item.id in seen:
                    raise ValueError(f"duplicate {kind} id {item.id!r}")
                seen.add(item.id)
        return self
