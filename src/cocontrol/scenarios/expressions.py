"""LEAP-style time-series expressions (表达式): parse once, evaluate per year.

Functions (semantics of the LEAP help, "Examples of Expressions", "Interp"; anchors
reference scenarios.md §2.1):

* a number (``1.5``, ``3.2%`` = 0.032) — constant in every year;
* ``Growth(r1[, y2, r2, …])`` — compound growth from the base-year value,
  ``v_t = v_{t-1} × (1 + r_t)``, the rate ``r_t`` being the last one whose year ≤ t;
* ``Interp(y1, v1, y2, v2, …[, g])`` — linear between the given pairs; the base-year value is
  an implicit first point (base 1998 = 6, ``Interp(2000, 10, …)`` ⇒ 1999 = 8); after the last
  year flat, or growing at ``g`` per year if given (``Interp(2000,10,2010,16,2020,30,2%)``
  ⇒ 2005 = 13, 2021 = 30.6);
* ``Step(y1, v1, y2, v2, …)`` — the value of the last step whose year ≤ t (base-year value
  before the first step);
* ``GrowthAs(X, e)`` — ``v_t = v_{t-1} × (X_t / X_{t-1})^e``: another series' growth raised to
  an elasticity (``X`` a driver name; ``Key\\GDP`` is read as ``GDP``);
* ``Remainder(c)`` — ``c − Σ`` sibling series (shares of one group);
* ``a * b`` — product of terms (a STIRPAT projection is a product of ``GrowthAs`` terms).

Numbers are locale-free (``.`` decimal, ``,`` separator; no thousands separators). A parse
error names the character position (1-based) where the expression stopped making sense.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from cocontrol.errors import InputError

FUNCTIONS = ("Growth", "Interp", "Step", "GrowthAs", "Remainder")
_TOKEN = re.compile(r"\s*(?:(?P<num>[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?%?)|"
                    r"(?P<name>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.\\:]*)|(?P<op>[(),*]))")


class ExpressionError(InputError):
    """An expression that does not parse or cannot be evaluated."""


@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Num | Ref, ...]
    position: int


@dataclass(frozen=True)
class Product:
    terms: tuple[Num | Call, ...]


Node = Num | Call | Product


def _tokens(text: str, where: dict) -> list[tuple[str, str, int]]:
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            col = pos + len(text[pos:]) - len(text[pos:].lstrip()) + 1
            raise ExpressionError(f"expression {text!r} does not parse at position {col}",
                                  expected="a number, a function such as Growth(3%) or a name",
                                  found=text[col - 1:col + 9], **where)
        kind = m.lastgroup or "op"
        out.append((kind, m.group(kind), m.start(kind) + 1))
        pos = m.end()
    return out


def _number(token: str) -> float:
    return float(token[:-1]) / 100 if token.endswith("%") else float(token)


def parse(text: str | float | int, **where: object) -> Node:
    """Parse an expression (or take a plain number); ``where`` (file, line …) names it in
    errors, which give the 1-based character position."""
    if isinstance(text, bool):
        raise ExpressionError("an expression is expected, not a yes/no", found=str(text), **where)
    if isinstance(text, int | float):
        return Num(float(text))
    src = str(text)
    toks = _tokens(src, where)
    i = 0

    def fail(msg: str, pos: int, expected: str) -> ExpressionError:
        return ExpressionError(f"expression {src!r}: {msg} at position {pos}",
                               expected=expected, found=src[pos - 1:pos + 9] or "end", **where)

    def peek() -> tuple[str, str, int]:
        return toks[i] if i < len(toks) else ("end", "", len(src) + 1)

    def term() -> Num | Call:
        nonlocal i
        kind, val, pos = peek()
        if kind == "num":
            i += 1
            return Num(_number(val))
        if kind != "name":
            raise fail("unexpected " + (repr(val) if val else "end"), pos,
                       "a number or a function")
        func = next((f for f in FUNCTIONS if f.lower() == val.lower()), None)
        if func is None:
            raise fail(f"unknown function {val!r}", pos, ", ".join(FUNCTIONS))
        i += 1
        if peek()[1] != "(":
            raise fail("'(' missing", peek()[2], "(")
        i += 1
        args: list[Num | Ref] = []
        while True:
            k, v, p = peek()
            if k == "num":
                args.append(Num(_number(v)))
            elif k == "name":
                args.append(Ref(v.replace(":", "\\").split("\\")[-1]))
            else:
                raise fail("argument missing", p, "a number or a name")
            i += 1
            k, v, p = peek()
            if v == ")":
                i += 1
                break
            if v != ",":
                raise fail("',' or ')' expected", p, "',' or ')'")
            i += 1
        call = Call(func, tuple(args), pos)
        _check_call(call, fail)
        return call

    terms = [term()]
    while peek()[1] == "*":
        i += 1
        terms.append(term())
    if i != len(toks):
        raise fail("unexpected text", peek()[2], "end of expression or '*'")
    return terms[0] if len(terms) == 1 else Product(tuple(terms))


def _check_call(call: Call, fail: Callable[[str, int, str], ExpressionError]) -> None:
    n, a = len(call.args), call.args
    nums = all(isinstance(x, Num) for x in a)
    if call.func == "GrowthAs":
        if n != 2 or not isinstance(a[0], Ref) or not isinstance(a[1], Num):
            raise fail("GrowthAs takes a name and an elasticity", call.position,
                       "GrowthAs(GDP, 0.8)")
        return
    if not nums:
        raise fail(f"{call.func} takes numbers only", call.position, "numbers")
    if call.func == "Remainder" and n != 1:
        raise fail("Remainder takes one number", call.position, "Remainder(100)")
    if call.func == "Growth" and n % 2 != 1:
        raise fail("Growth takes a rate, then year/rate pairs", call.position,
                   "Growth(3%) or Growth(3%, 2026, 2%)")
    if call.func in ("Interp", "Step") and n < 2:
        raise fail(f"{call.func} needs year/value pairs", call.position,
                   f"{call.func}(2025, 10, 2030, 20)")
    if call.func == "Step" and n % 2:
        raise fail("Step takes year/value pairs", call.position, "Step(2025, 10, 2030, 20)")


def references(node: Node) -> set[str]:
    """Names of the series an expression reads (``GrowthAs``)."""
    calls = node.terms if isinstance(node, Product) else (node,)
    return {c.args[0].name for c in calls if isinstance(c, Call) and c.func == "GrowthAs"}


def elasticities(node: Node) -> dict[str, float]:
    """``{driver: elasticity}`` of the ``GrowthAs`` terms (summed over repeated drivers)."""
    calls = node.terms if isinstance(node, Product) else (node,)
    out: dict[str, float] = {}
    for c in calls:
        if isinstance(c, Call) and c.func == "GrowthAs":
            out[c.args[0].name] = out.get(c.args[0].name, 0.0) + c.args[1].value
    return out


def uses_remainder(node: Node) -> bool:
    return isinstance(node, Call) and node.func == "Remainder"


def check_years(node: Node, base_year: int, end_year: int, **where: object) -> None:
    """Years of Interp/Step/Growth must lie in [base_year, end_year]."""
    calls = node.terms if isinstance(node, Product) else (node,)
    for c in calls:
        if not isinstance(c, Call) or c.func in ("GrowthAs", "Remainder"):
            continue
        args = [x.value for x in c.args if isinstance(x, Num)]
        years = args[1::2] if c.func == "Growth" else args[0::2][: len(args) // 2]
        for y in years:
            if y != int(y) or not base_year <= y <= end_year:
                raise ExpressionError(
                    f"year {y:g} in {c.func}(…) is outside the scenario years",
                    expected=f"a whole year from {base_year} to {end_year}", found=f"{y:g}",
                    **where)


def _growth(args: list[float], years: np.ndarray, base: float) -> np.ndarray:
    rates = np.full(years.size, args[0])
    for y, r in zip(args[1::2], args[2::2], strict=True):
        rates[years >= y] = r
    rates[0] = 0.0
    return base * np.cumprod(1.0 + rates)


def _interp(args: list[float], years: np.ndarray, base: float) -> np.ndarray:
    n_pairs = len(args) // 2
    g = args[-1] if len(args) % 2 else None
    xs, vs = list(args[0:2 * n_pairs:2]), list(args[1:2 * n_pairs:2])
    if xs[0] > years[0]:
        xs, vs = [float(years[0]), *xs], [base, *vs]
    out = np.interp(years, xs, vs)
    after = years > xs[-1]
    if g is not None and after.any():
        out[after] = vs[-1] * (1.0 + g) ** (years[after] - xs[-1])
    return out


def _step(args: list[float], years: np.ndarray, base: float) -> np.ndarray:
    out = np.full(years.size, base, dtype=float)
    for y, v in zip(args[0::2], args[1::2], strict=True):
        out[years >= y] = v
    return out


def evaluate(node: Node, years: np.ndarray, base: float,
             series: Mapping[str, np.ndarray] | None = None,
             siblings: np.ndarray | None = None) -> np.ndarray:
    """Values for ``years`` (first = base year, whose value is ``base`` except for a
    constant and ``Remainder``). ``series``: driver values over the same years (GrowthAs);
    ``siblings``: sum of the sibling series (Remainder)."""
    years = np.asarray(years, dtype=float)
    if isinstance(node, Num):
        return np.full(years.size, node.value)
    if isinstance(node, Product):
        out = np.full(years.size, base, dtype=float)
        for t in node.terms:
            out = out * (evaluate(t, years, 1.0, series, siblings) if isinstance(t, Call)
                         else t.value)
        return out
    args = [x.value for x in node.args if isinstance(x, Num)]
    if node.func == "Growth":
        return _growth(args, years, base)
    if node.func == "Interp":
        return _interp(args, years, base)
    if node.func == "Step":
        return _step(args, years, base)
    if node.func == "Remainder":
        if siblings is None:
            raise ExpressionError("Remainder(…) needs sibling shares in the same group")
        return args[0] - siblings
    name = node.args[0].name  # GrowthAs
    x = (series or {}).get(name)
    if x is None:
        raise ExpressionError(f"GrowthAs names an unknown driver {name!r}",
                              expected=", ".join(sorted(series or {})) or "a driver")
    x = np.asarray(x, dtype=float)
    return base * (x / x[0]) ** args[0]
