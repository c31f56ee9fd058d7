"""The co-verification rules as a reader sees them (核查规则与依据): name, formula, thresholds,
severity, citation and explanation, from ``enterprise_rules.csv`` and
``enterprise_rule_thresholds.csv`` — the one listing behind the rule page, the 核查报告 and
the 核查结果 workbook. Chinese readers get the Chinese citation (document titles with 文号);
English readers the English name and the source reference. Rule ids are never shown."""

from __future__ import annotations

from collections.abc import Iterable

from cocontrol.data.names import label
from cocontrol.enterprises.parameters import rules, thresholds

SEVERITY = {"high": ("高", "high"), "medium": ("中", "medium"), "info": ("提示", "info")}


def _value(name: str, value: str) -> str:
    """A threshold value as read: exclusion lists joined with 、, numbers as given."""
    if name == "exclude_industries":
        return "、".join(p.strip() for p in value.split("|") if p.strip())
    return value


def rulebook(lang: str = "zh", only: Iterable[str] | None = None,
             limits: dict[str, dict[str, str]] | None = None) -> list[dict[str, str]]:
    """One dict per rule (``only`` those, in the table's order): name, formula (Chinese
    readers only), thresholds, severity, citation, explanation. ``limits`` are the thresholds
    used (default: the shipped ones)."""
    table = rules()
    limits = limits if limits is not None else thresholds()
    wanted = None if only is None else set(only)
    en = lang == "en"
    out = []
    for rule, r in table.iterrows():
        if wanted is not None and rule not in wanted:
            continue
        shown = "；".join(f"{label('threshold', k, lang)} {_value(k, v)}"
                         for k, v in limits.get(str(rule), {}).items())
        out.append({
            "name": str(r["name_en"] if en else r["name_zh"]),
            "formula": "" if en else str(r["formula"]),
            "thresholds": shown.replace("；", "; ") if en else shown,
            "severity": SEVERITY.get(str(r["severity"]), ("", ""))[1 if en else 0],
            "citation": str(r["reference"] if en else r["citation"]),
            "explanation": "" if en else str(r["explanation_zh"]),
        })
    return out


HEADERS_ZH = {"name": "规则", "formula": "公式", "thresholds": "阈值", "severity": "严重程度",
              "citation": "依据", "explanation": "说明"}
