"""The 减污降碳协同度 indicator system (评价指标体系) read from YAML and checked.

The shipped default is ``refdata/synergy_indicator_system.yaml`` (ours, documented there);
a city replaces it with its own file of the same shape. Every problem of a file is reported at
once (:class:`ValidationFailed`), naming the file and the place (``dimensions[1].indicators[0]``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from cocontrol.errors import InputError, Problem, ValidationFailed

DEFAULT_FILE = "synergy_indicator_system.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SUBSYSTEMS = ("pollution", "carbon", "shared")
DIMENSION_METHODS = ("fixed", "equal", "ahp")
INDICATOR_METHODS = ("entropy", "equal", "fixed", "ahp")


@dataclass(frozen=True)
class Indicator:
    """One indicator (评价指标) with its direction and how it is computed."""

    id: str
    name_zh: str
    unit: str
    direction: int  # +1 larger is better, −1 smaller is better
    dimension: str
    subsystem: str
    source: str
    basis: str = ""


@dataclass(frozen=True)
class IndicatorSystem:
    """Dimensions, indicators, weighting, normalisation and coupling settings."""

    name: str
    dimensions: tuple[tuple[str, str], ...]  # (id, name_zh)
    indicators: tuple[Indicator, ...]
    dimension_weighting: Mapping[str, Any] = field(default_factory=lambda: {"method": "equal"})
    indicator_weighting: Mapping[str, Any] = field(default_factory=lambda: {"method": "entropy"})
    normalisation: str = "panel"
    alpha: float = 0.5
    beta: float = 0.5
    configured: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Item order as configured (dimension id → indicator ids; "" → dimension ids), kept by
    :meth:`subset` so that fixed weights and AHP matrices can be cut down to the items present."""

    @property
    def ids(self) -> list[str]:
        return [i.id for i in self.indicators]

    def subset(self, keep: set[str]) -> IndicatorSystem:
        """The same system restricted to the indicators in ``keep`` (empty dimensions dropped)."""
        inds = tuple(i for i in self.indicators if i.id in keep)
        dims = tuple(d for d in self.dimensions if any(i.dimension == d[0] for i in inds))
        return replace(self, indicators=inds, dimensions=dims)


def _read(source: str | Path | Mapping[str, Any] | None) -> tuple[Mapping[str, Any], str]:
    if source is None:
        text = resources.files("cocontrol.refdata").joinpath(DEFAULT_FILE).read_text("utf-8")
        return yaml.load(text, Loader=_LOADER), f"refdata/{DEFAULT_FILE}"
    if isinstance(source, Mapping):
        return source, "<config>"
    path = Path(source)
    if not path.is_file():
        raise InputError("indicator-system file not found", file=str(path))
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_LOADER), str(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"not valid YAML: {getattr(exc, 'problem', exc)}", file=str(path),
                         line=mark.line + 1 if mark else None) from exc


def load_system(source: str | Path | Mapping[str, Any] | None = None) -> IndicatorSystem:
    """Read and check an indicator system (None: the shipped default)."""
    raw, name = _read(source)
    problems: list[Problem] = []

    def bad(where: str, message: str, expected: str, found: object = None) -> None:
        problems.append(Problem(message, file=name, column=where, expected=expected,
                                found=None if found is None else str(found)))

    if not isinstance(raw, Mapping) or not isinstance(raw.get("dimensions"), list):
        raise InputError("an indicator system needs a list `dimensions`", file=name,
                         expected="dimensions: [{id, name_zh, indicators: [...]}]")
    dims: list[tuple[str, str]] = []
    inds: list[Indicator] = []
    seen: set[str] = set()
    for d, dim in enumerate(raw["dimensions"]):
        where = f"dimensions[{d}]"
        if not isinstance(dim, Mapping) or not dim.get("id") or not isinstance(dim.get("indicators"), list):
            bad(where, "a dimension needs id, name_zh and a list of indicators", "a mapping")
            continue
        dims.append((str(dim["id"]), str(dim.get("name_zh", dim["id"]))))
        for k, ind in enumerate(dim["indicators"]):
            at = f"{where}.indicators[{k}]"
            if not isinstance(ind, Mapping):
                bad(at, "an indicator must be a mapping", "id, name_zh, unit, direction, subsystem, from")
                continue
            for key in ("id", "name_zh", "unit", "direction", "subsystem", "from"):
                if ind.get(key) in (None, ""):
                    bad(f"{at}.{key}", f"indicator lacks {key!r}", f"a value for {key}")
            direction = str(ind.get("direction", "")).strip()
            if direction not in ("+", "-", "−"):
                bad(f"{at}.direction", "direction must be + or −", "+ or −", direction)
            if ind.get("subsystem") not in SUBSYSTEMS:
                bad(f"{at}.subsystem", "unknown subsystem", " / ".join(SUBSYSTEMS), ind.get("subsystem"))
            if ind.get("id") in seen:
                bad(f"{at}.id", "indicator id used twice", "unique ids", ind.get("id"))
            seen.add(str(ind.get("id")))
            inds.append(Indicator(
                id=str(ind.get("id")), name_zh=str(ind.get("name_zh")), unit=str(ind.get("unit")),
                direction=1 if direction == "+" else -1, dimension=str(dim["id"]),
                subsystem=str(ind.get("subsystem")), source=str(ind.get("from")),
                basis=str(ind.get("basis", "")),
            ))
    weighting = raw.get("weighting") or {}
    dim_w = weighting.get("dimensions") or {"method": "equal"}
    ind_w = weighting.get("indicators") or {"method": "entropy"}
    if dim_w.get("method") not in DIMENSION_METHODS:
        bad("weighting.dimensions.method", "unknown method", " / ".join(DIMENSION_METHODS), dim_w.get("method"))
    if ind_w.get("method") not in INDICATOR_METHODS:
        bad("weighting.indicators.method", "unknown method", " / ".join(INDICATOR_METHODS), ind_w.get("method"))
    norm = str(raw.get("normalisation", "panel"))
    if norm not in ("panel", "year"):
        bad("normalisation", "unknown normalisation", "panel or year", norm)
    coupling = raw.get("coupling") or {}
    alpha, beta = float(coupling.get("alpha", 0.5)), float(coupling.get("beta", 0.5))
    if abs(alpha + beta - 1) > 1e-6 or alpha < 0 or beta < 0:
        bad("coupling", f"α and β must be ≥ 0 and sum to 1; they sum to {alpha + beta:g}",
            "alpha + beta = 1", f"alpha={alpha}, beta={beta}")
    if problems:
        raise ValidationFailed(problems, summary=f"indicator system {name} is not valid")
    configured = {"": tuple(d for d, _ in dims)}
    configured |= {d: tuple(i.id for i in inds if i.dimension == d) for d, _ in dims}
    return IndicatorSystem(str(raw.get("name", name)), tuple(dims), tuple(inds), dim_w, ind_w,
                           norm, alpha, beta, configured)
