"""Indicator tables (指标表, e.g. 专栏1 “十四五”生态环境保护主要指标) → targets.

Columns are found by their header: ``指标`` (name, unit in a trailing （…）), year columns
(``2020年`` = baseline, the last year = target year), ``指标属性`` (约束性/预期性). Cells:
``[10.43]`` is a cumulative value (注：[ ]内数据为…累计值), ``95以上`` a bound, ``/`` no value,
text such as 完成上级分解任务 a qualitative target. An empty target cell below a qualitative
one is a vertically merged cell and repeats it.
"""

from __future__ import annotations

import re

from cocontrol.plans.model import Target
from cocontrol.plans.structure import Table

_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年")
_UNIT = re.compile(r"[（(]([^（）()]{1,12})[）)]\s*$")
_NUM = re.compile(r"^\[?\s*(-?\d+(?:\.\d+)?)\s*\]?\s*(以上|以下|以内|左右)?$")
_KNOWN_UNITS = re.compile(r"^(%|％|‰|μg/m3|μg/m³|微克/立方米|吨|万吨|天|个|家|万千瓦|平方公里|公顷|亩|万吨标准煤|毫克/升|mg/L)$")


_LESS_IS_BETTER = re.compile(r"浓度|劣\s*V|V类|黑臭|施用量|使用量|排放量|排放总量|消耗量|重污染|超标|发生率|强度")


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    years = [(i, int(m.group(1))) for i, c in enumerate(header) if (m := _YEAR.match(c))]
    for i, c in enumerate(header):
        if c.strip() in ("指标", "指标名称", "主要指标"):
            cols["indicator"] = i
        elif "属性" in c or c.strip() in ("指标性质", "类型"):
            cols["binding"] = i
    if "indicator" not in cols or not years:
        return None
    cols["target"], cols["target_year"] = years[-1]
    if len(years) > 1:
        cols["base"], cols["base_year"] = years[0]
    return cols


def table_targets(tables: list[Table], text: str) -> list[Target]:
    """Targets of every indicator table; spans cover the row from the indicator to its value."""
    out: list[Target] = []
    for table in tables:
        if not table.rows:
            continue
        cols = _columns([c[0] for c in table.rows[0]])
        if cols is None:
            continue
        width = len(table.rows[0])
        last_qual: str | None = None
        for row in table.rows[1:]:
            if len(row) != width:
                continue
            name_cell = row[cols["indicator"]]
            name = re.sub(r"\[bookmark:[^\]]*\]", "", name_cell[0]).strip()
            um = _UNIT.search(name)
            unit = um.group(1).strip() if um and _KNOWN_UNITS.match(um.group(1).strip()) else None
            indicator = name[: um.start()].strip() if unit else name
            cell, c0, c1 = row[cols["target"]]
            binding = row[cols["binding"]][0].strip() if "binding" in cols else None
            binding = binding if binding in ("约束性", "预期性") else None
            base_value = None
            base_year = None
            if "base" in cols:
                bm = _NUM.match(row[cols["base"]][0].strip())
                if bm:
                    base_value, base_year = float(bm.group(1)), cols["base_year"]
            reduce = re.search(r"(减少|下降|降低|削减)", indicator) is not None
            value = None
            qualitative = None
            relation = "reduce_by" if reduce else ("<=" if _LESS_IS_BETTER.search(indicator) else ">=")
            cumulative = False
            nm = _NUM.match(cell.strip())
            if nm:
                value = float(nm.group(1))
                cumulative = cell.strip().startswith("[") or row[cols["base"]][0].strip().startswith("[") if "base" in cols else cell.strip().startswith("[")
                if nm.group(2) == "以上":
                    relation = ">=" if not reduce else relation
                elif nm.group(2) in ("以下", "以内"):
                    relation = "<=" if not reduce else relation
                last_qual = None
            elif cell.strip() in ("/", "—", "-", "--"):
                last_qual = None
                continue
            elif cell.strip():
                qualitative = cell.strip()
                cumulative = "base" in cols and row[cols["base"]][0].strip().startswith("[")
                last_qual = qualitative
            elif last_qual:
                qualitative = last_qual
                c0, c1 = name_cell[1], name_cell[2]
            else:
                continue
            if value is not None and unit is None:
                unit = "个" if not um else um.group(1).strip()
            start = min(name_cell[1], c0)
            end = max(name_cell[2], c1)
            out.append(Target(
                indicator=indicator, year=cols["target_year"], value=value,
                unit=unit if value is not None else None, relation=relation,
                binding=binding, qualitative=qualitative, cumulative=cumulative,
                baseline_value=base_value, baseline_year=base_year,
                quote=" | ".join(c[0] for c in row), span=(start, end),
            ))
    return out
