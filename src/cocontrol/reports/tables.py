"""Layer results (long DataFrames) → report tables with Chinese headers (中文表头).

Column names the layers use are mapped to Chinese labels here, in one place; a column this
map does not know keeps its own name rather than being dropped. Cells become plain Python
values (``int``/``float``/``str``/``None``) so every writer, incl. Excel, keeps numbers numeric.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import pandas as pd

from cocontrol.data.names import names
from cocontrol.plans.model import DOMAIN_LABELS
from cocontrol.reports.model import Cell, Column, Table

LABELS: dict[str, str] = {
    "region": "地区", "year": "年份", "indicator": "指标", "value": "数值", "unit": "单位",
    "sector": "部门", "fuel": "燃料", "species": "排放物", "scope": "范围", "source": "来源",
    "label": "数据性质", "target_id": "目标编号", "target": "目标", "target_year": "目标年",
    "target_value": "目标值", "relation": "目标方向", "latest_year": "最新年份",
    "latest_value": "最新值", "status": "状态", "status_label": "状态", "forecast": "预测值",
    "forecast_low": "预测下限", "forecast_high": "预测上限", "reason": "判定说明",
    "formula": "计算方法", "inputs": "输入数据", "apeq": "大气污染物当量", "weight": "权重",
    "score": "得分", "index": "综合指数", "rank": "排名", "level": "等级", "grade": "等级",
    "elasticity": "弹性系数", "decoupling": "脱钩状态", "state": "状态", "coupling": "耦合度",
    "coordination": "协调度", "coupling_coordination": "耦合协调度", "period": "时段",
    "start_year": "起始年", "end_year": "终止年", "base_year": "基准年", "factor": "因素",
    "effect": "效应", "contribution": "贡献", "share": "占比", "change": "变化量",
    "change_rate": "变化率", "responsible": "责任单位", "department": "责任单位",
    "responsible_unit": "责任单位", "task": "任务", "task_id": "任务编号", "message": "预警内容",
    "warning": "预警内容", "severity": "预警等级", "x": "横坐标", "y": "纵坐标",
    "pollutant": "污染物", "co2": "二氧化碳", "ghg": "温室气体", "binding": "指标属性",
    "dimension": "维度", "subsystem": "子系统", "category": "类别", "quadrant": "象限",
    "plan": "规划方案", "count": "数量", "qualitative": "定性要求", "latest_text": "填报情况",
}

SPECIES: dict[str, str] = {
    "CO2": "二氧化碳", "CH4": "甲烷", "N2O": "氧化亚氮", "CO2e": "温室气体（二氧化碳当量）",
    "SO2": "二氧化硫", "NOx": "氮氧化物", "PM2.5": "细颗粒物（PM2.5）", "PM10": "可吸入颗粒物（PM10）",
    "VOCs": "挥发性有机物", "NMVOC": "挥发性有机物", "NH3": "氨", "CO": "一氧化碳", "BC": "黑碳",
    "OC": "有机碳", "TSP": "总悬浮颗粒物",
}

SECTORS: dict[str, str] = {str(k): v for k, v in DOMAIN_LABELS.items()} | {
    "power": "电力热力", "heat": "供热", "residential": "居民生活", "commercial": "商业服务",
    "services": "服务业", "fishery": "渔业", "ipp": "工业生产过程", "process": "工业生产过程",
    "total": "合计",
}



@lru_cache(maxsize=1)
def sector_names() -> dict[str, str]:
    """Sector code → Chinese name: the small vocabulary above plus the CEADs sectors and the
    process codes of the shared lookup (:func:`cocontrol.data.names.names`)."""
    return dict(SECTORS) | names("sector") | names("process")


RELATIONS = names("relation")
"""Relation code → 不低于/不高于/达到/下降/提高 (``refdata/terms.csv``)."""


def label(column: str) -> str:
    return LABELS.get(column, LABELS.get(column.lower(), column))


def cell(value: object) -> Cell:
    """A plain Python cell: numpy numbers → int/float, missing → None, anything else → str."""
    if value is None:
        return None
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalar
    if isinstance(value, int | float):
        return value
    return str(value)


def frame_table(
    frame: pd.DataFrame,
    caption: str,
    columns: Sequence[str] | None = None,
    *,
    units: Mapping[str, str] | None = None,
    decimals: Mapping[str, int] | None = None,
    rename: Mapping[str, Mapping[str, str]] | None = None,
    note: str | None = None,
    source: str | None = None,
    sheet: str | None = None,
    drop_empty: bool = False,
) -> Table:
    """A :class:`Table` of ``frame``'s ``columns`` (those present; all when ``None``).

    Codes in ``sector``, ``species`` and ``relation`` columns are shown in Chinese
    (energy → 能源, SO2 → 二氧化硫, >= → 不低于) unless ``rename`` says otherwise;
    ``drop_empty`` leaves out columns with no value at all.
    """
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    if drop_empty:
        cols = [c for c in cols if frame[c].notna().any()]
    units, decimals = units or {}, decimals or {}
    rename = {"sector": sector_names(), "species": SPECIES, "relation": RELATIONS} | dict(rename or {})
    rows = []
    for record in frame[cols].itertuples(index=False, name=None):
        row = []
        for name, value in zip(cols, record, strict=True):
            v = cell(value)
            if isinstance(v, str) and name in rename:
                v = rename[name].get(v, v)
            row.append(v)
        rows.append(row)
    header = [Column(label(c), units.get(c), decimals.get(c)) for c in cols]
    return Table(caption, header, rows, note=note, source=source, sheet=sheet)
