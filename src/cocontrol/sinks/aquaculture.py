"""Removable carbon of shellfish and seaweed aquaculture (贝藻养殖可移出碳汇).

Method of HY/T 0305-2021 《养殖大型藻类和双壳贝类碳汇计量方法 碳储量变化法》 and the Chinese
literature (岳冬冬 & 王鲁民 2012; 孙康 et al. 2020), coefficients of Sun Kang et al. 2020
表2 (``refdata/sink_aquaculture.csv``)::

    seaweed    C = P × r_dw × w_C,soft                                          [t C]
    shellfish  C = P × r_dw × f_soft × w_C,soft   (component soft_tissue, 软体组织)
                 + P × r_dw × f_shell × w_C,shell (component shell, 贝壳)
    CO2 removed = C × 44/12

P is the harvest (产量) in tonnes, r_dw the dry:wet ratio (干湿比), f the dry-mass fractions
(质量比) and w_C the carbon fractions (含碳率). The user declares the basis of P with the
variable: ``harvest_wet`` (鲜重/活重) or ``harvest_dry`` (干重, r_dw = 1). 《中国渔业统计年鉴》
reports seaweed in dry weight and shellfish as live weight with shell; multiplying a dry kelp
figure by the 20 % dry:wet ratio again is the usual factor-of-five error.

Caveats carried in the ``note`` of every row: the carbon is *removed* from seawater at harvest,
not stored permanently (可移出碳汇, 唐启升); shell carbon is reported separately because
calcification is a net CO2 source to the atmosphere (Morris & Humphreys 2019), so a reviewer can
drop ``component == "shell"``. Fed species (鲍鱼, 海参, fish, shrimp) bring carbon in with feed
and are refused.
"""

from __future__ import annotations

import pandas as pd

from cocontrol import refdata
from cocontrol.errors import Problem
from cocontrol.sinks.table import (
    C_TO_CO2,
    Param,
    parameter_index,
    provenance,
    unknown,
    vocabulary,
)

TABLE = "sink_aquaculture"
PARAMETERS = ("dry_wet_ratio", "soft_tissue_fraction", "shell_fraction", "carbon_soft_tissue",
              "carbon_shell")
#: fed species (投饵型养殖): not a sink, refused with a reason
FED = ("鲍鱼", "海参", "刺参", "对虾", "虾", "蟹", "鱼", "鱼类", "大黄鱼", "鲆鲽", "海水鱼类",
       "abalone", "sea cucumber", "fish", "shrimp")
NOTE_SOFT = "可移出碳汇: carbon removed from seawater at harvest, not permanent storage"
NOTE_SHELL = (NOTE_SOFT + "; shell carbon disputed — calcification is a net CO2 source "
              "(Morris & Humphreys 2019); drop component 'shell' for a conservative figure")


def species_parameters(table: pd.DataFrame) -> dict[str, dict[str, Param]]:
    """Species → parameter → :class:`Param` (fractions, not %), from ``sink_aquaculture``."""
    return parameter_index(table, "item", PARAMETERS, "dimensionless", TABLE)


def compute(rows: pd.DataFrame, table: pd.DataFrame | None = None,
            ) -> tuple[list[dict[str, object]], list[Problem]]:
    """Removals (negative t CO2) per species and component for validated ``aquaculture`` rows."""
    table = refdata.load(TABLE) if table is None else table
    params = species_parameters(table)
    english = dict(zip(table["item"].astype(str), table["item_en"].astype(str), strict=True))
    names = vocabulary("aquaculture species", {item: (english[item],) for item in params})
    fed = vocabulary("fed species", {f: () for f in FED})
    records: list[dict[str, object]] = []
    problems: list[Problem] = []
    for row, r in rows.iterrows():
        species = names.resolve(r["item"])
        if species is None:
            if fed.resolve(r["item"]) is not None:
                problems.append(Problem(
                    "fed species (投饵型养殖) bring carbon in with feed and are not a sink",
                    row=int(row), column="item", found=str(r["item"]),
                    expected="an unfed shellfish or seaweed (贝类, 藻类)"))
            else:
                problems.append(unknown("aquaculture species", names, r["item"], "item",
                                        int(row)))
            continue
        p = params[species]
        dry = r["variable"] == "harvest_dry"
        ratio = 1.0 if dry else p["dry_wet_ratio"].value
        used_ratio = [] if dry else [p["dry_wet_ratio"]]
        basis = "dry weight" if dry else "wet weight"
        for component, fraction, carbon, note in (
                ("soft_tissue", p["soft_tissue_fraction"], p["carbon_soft_tissue"], NOTE_SOFT),
                ("shell", p["shell_fraction"], p["carbon_shell"], NOTE_SHELL)):
            if fraction.value == 0:
                continue
            tonnes_c = r["amount"] * ratio * fraction.value * carbon.value
            records.append({
                "region": r["region"], "year": r["year"], "sink_type": "aquaculture",
                "item": species, "component": component, "species": "CO2",
                "value": -tonnes_c * C_TO_CO2, "unit": "tCO2",
                "method": f"HY/T 0305-2021 removable carbon, harvest {basis} "
                          f"{r['amount']:g} t × r_dw × f × w_C × 44/12",
                **provenance([*used_ratio, fraction, carbon]), "note": note})
    return records, problems
