"""Responsible units (责任单位): split the list a plan writes and map variants to one name.

The registry ``refdata/departments.csv`` lists each canonical unit (市发展改革委) with its
aliases (市发改委|市发展和改革委员会); a city prefix is dropped first (淄博市发展和改革委员会 →
市发展和改革委员会 → 市发展改革委). Unknown names are returned cleaned but unchanged, so a
reviewer sees them as written.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib import resources

from cocontrol.errors import ReferenceDataError

_CITY_PREFIX = re.compile(r"^[\u4e00-\u9fff]{2,4}市(?=[\u4e00-\u9fff]{2,}(局|委|委员会|办|办公室|中心)$)")
_SPLIT = re.compile(r"[、，,；;]|(?<=[局委办厅])和(?=市)")
_NOISE = re.compile(
    r"^(责任单位|牵头单位|配合单位|参与单位)[:：]|按职责分工负责.*$|按职责分别负责.*$|负责落实.*$"
    r"|(牵头|配合|参与|负责)$|^[〔（(]|[〕）)]$"
)
_UNIT_END = re.compile(r"(局|委|委员会|办|办公室|中心|厅|政府|公司|分行|分局|支行|段|海事局|管委会?|单位|部门|集团|院|"
                       r"(?<![内全外局])部|署|总局|银行)$")
# the level a list's first unit names (市生态环境局、自然资源局 → 市自然资源局)
_LEVEL = re.compile(r"^(市|省|区|县)(?!场)")
_HAS_LEVEL = re.compile(r"^(市|省|区|县|各|国|中|自治区|全|人民|[\u4e00-\u9fff]{2,4}[市省区县])")
_DEPARTMENT = re.compile(r"(局|委|委员会|办|办公室)$")


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """alias → canonical from ``refdata/departments.csv`` (read with :mod:`csv`, not pandas, so
    that ``cocontrol plan extract`` starts fast; provenance columns are checked the same way
    as :func:`cocontrol.refdata.load` does)."""
    text = resources.files("cocontrol.refdata").joinpath("departments.csv").read_text("utf-8")
    out: dict[str, str] = {}
    for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        if not all((row.get(c) or "").strip() for c in ("canonical", "source", "edition", "status")):
            raise ReferenceDataError(f"departments.csv row {n}: canonical/source/edition/status required")
        name = row["canonical"].strip()
        out[name] = name
        for alias in (row.get("aliases") or "").split("|"):
            if alias.strip():
                out[alias.strip()] = name
    return out


def canonical(name: str) -> str:
    """One name per unit: ``canonical("市发改委") == "市发展改革委"``."""
    n = re.sub(r"\s+", "", name).strip("，,、。；;：:")
    table = _aliases()
    if n in table:
        return table[n]
    short = _CITY_PREFIX.sub("市", n)
    return table.get(short, n)


def is_unit(name: str) -> bool:
    """True when ``name`` reads as an office (ends in 局/委/办/中心/公司 …) or is registered."""
    n = re.sub(r"\s+", "", name)
    return bool(n) and len(n) <= 30 and (n in _aliases() or _UNIT_END.search(n) is not None)


def split_responsible(text: str) -> list[str]:
    """Canonical units of a 责任单位 list, in order, without duplicates.

    ``split_responsible("（责任单位：市发展改革委、市自然资源和规划局，各区市政府）")`` →
    ``["市发展改革委", "市自然资源和规划局", "各区县政府"]``.
    """
    t = re.sub(r"\s+", "", text)
    t = re.sub(r"^[（(〔\[]", "", t)
    t = re.sub(r"[）)〕\]]$", "", t)
    t = re.sub(r"^(责任单位|牵头单位|责任部门)[:：]", "", t)
    t = re.split(r"。", t)[0]
    # a long name the plan then shortens is the short name: X（以下统称为各区县政府）→ 各区县政府
    t = re.sub(r"[^、，,；;：:（(]+[（(]以下(?:统称|简称)为?[“\"]?([^）)”\"]+)[”\"]?[）)]", r"\1", t)
    t = re.sub(r"[（(][^）)]*[）)]", lambda m: m.group(0) if "功能区" in m.group(0) else "", t)
    out: list[str] = []
    level = ""
    for part in _SPLIT.split(t):
        part = _NOISE.sub("", part).strip()
        part = re.sub(r"(按职责分工负责|按职责负责|牵头督导|牵头|配合|负责落实|负责|参与|指导)$", "", part)
        if len(part) < 3 or not is_unit(part):
            continue
        lm = _LEVEL.match(part)
        if lm and not level:
            level = lm.group(1)
        elif level and not _HAS_LEVEL.match(part) and _DEPARTMENT.search(part) and part not in _aliases():
            part = level + part  # 市发展和改革局、工业和信息化局 → 市工业和信息化局
        c = canonical(part)
        if c not in out:
            out.append(c)
    return out


_LEAD_LABEL = re.compile(r"牵头单位[:：]([^；;）)〕]*)")
_LEAD_SUFFIX = re.compile(r"([^（(〔，,；;：:]+?)(?:等)?牵头")


def lead_units(text: str) -> list[str]:
    """牵头单位 of a responsibility note: ``牵头单位：X；配合单位：Y`` or ``X牵头，Y配合`` → [X]."""
    t = re.sub(r"\s+", "", text)
    m = _LEAD_LABEL.search(t)
    if m:
        return split_responsible(m.group(1))
    m = _LEAD_SUFFIX.search(t)
    return split_responsible(m.group(1)) if m else []
