"""Plans (规划与方案): documents → targets (目标指标) and tasks (重点任务) with 责任单位."""

from cocontrol.plans.model import Binding, Domain, Plan, PlanDocument, Relation, Target, Task

__all__ = ["Binding", "Domain", "Plan", "PlanDocument", "Relation", "Target", "Task"]
