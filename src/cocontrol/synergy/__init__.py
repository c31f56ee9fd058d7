"""Synergy of pollution and carbon reduction (减污降碳协同评价).

One short module per method, each stating its formula and source:

* :mod:`.apeq` — pollution equivalents and APeq (大气污染物当量), weights from 环境保护税法 附表二
* :mod:`.coordinates` — co-control coordinate system (协同控制效应坐标系) with quadrant classes
* :mod:`.elasticity` — cross-elasticity Els (协同减排交叉弹性), direction AP over CO2
* :mod:`.decoupling` — Tapio decoupling (脱钩) of CO2 / APeq from GDP
* :mod:`.lmdi` — LMDI-I additive decomposition of CO2 change on Kaya factors
* :mod:`.weights` — entropy method (熵权法), AHP with CR (层次分析法), fixed weights
* :mod:`.system` / :mod:`.sources` / :mod:`.index` — indicator system (YAML), indicator
  values, composite 减污降碳协同度 index
* :mod:`.coupling` — coupling coordination degree D (耦合协调度) with its 10-class scale
* :mod:`.ranking` — ranking of regions with each indicator's contribution
* :mod:`.evaluate` — :func:`evaluate` runs them all → :class:`SynergyResult`
"""

from cocontrol.synergy.apeq import apeq, default_weights, pollution_equivalents
from cocontrol.synergy.coordinates import coordinates, measure_coordinates, place
from cocontrol.synergy.coupling import coupling_coordination, coupling_degree
from cocontrol.synergy.decoupling import tapio
from cocontrol.synergy.elasticity import cross_elasticity, elasticity, emission_totals
from cocontrol.synergy.evaluate import SynergyResult, evaluate
from cocontrol.synergy.index import IndexResult, composite_index
from cocontrol.synergy.lmdi import kaya_lmdi, lmdi_additive
from cocontrol.synergy.ranking import rank_regions
from cocontrol.synergy.sources import indicator_values
from cocontrol.synergy.system import IndicatorSystem, load_system
from cocontrol.synergy.weights import ahp, entropy_weights, fixed_weights, minmax

__all__ = [
    "IndexResult", "IndicatorSystem", "SynergyResult", "ahp", "apeq", "composite_index",
    "coordinates", "coupling_coordination", "coupling_degree", "cross_elasticity",
    "default_weights", "elasticity", "emission_totals", "entropy_weights", "evaluate",
    "fixed_weights", "indicator_values", "kaya_lmdi", "lmdi_additive", "load_system", "measure_coordinates", "minmax",
    "place", "pollution_equivalents", "rank_regions", "tapio",
]
