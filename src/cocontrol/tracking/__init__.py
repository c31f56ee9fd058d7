"""Tracking (进展跟踪): observations of plan indicators, target status, forecasts, warnings.

* :func:`targets_frame` — a plan's targets as one table.
* :mod:`.observations` — read, validate, convert and version reported values (指标监测值).
* :mod:`.status` — status of every target (已完成/进度正常/存在风险/严重滞后/无数据).
* :mod:`.forecast` — trend forecast to the target year with an interval.
* :mod:`.warnings` — early warnings per responsible unit (责任单位预警).
* :mod:`.template` — Excel template (填报模板) generated from a plan.
"""

from cocontrol.tracking.targets import TARGET_COLUMNS, targets_frame

__all__ = ["TARGET_COLUMNS", "targets_frame"]
