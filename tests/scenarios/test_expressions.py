"""LEAP expression semantics against the examples of the LEAP help (scenarios.md §2.1)."""

import numpy as np
import pytest

from cocontrol.scenarios import drivers as dr
from cocontrol.scenarios import expressions as ex

YEARS = np.arange(2000, 2026)


def _at(values, year, years=YEARS):
    return values[list(years).index(year)]


def test_interp_help_example():
    # LEAP help: Interp(2000, 10.0, 2010, 16.0, 2020, 30.0, 2%) → 2005 = 13, 2021 = 30.6
    v = ex.evaluate(ex.parse("Interp(2000, 10.0, 2010, 16.0, 2020, 30.0, 2%)"), YEARS, 10.0)
    assert _at(v, 2000) == 10.0
    assert _at(v, 2005) == pytest.approx(13.0)
    assert _at(v, 2020) == pytest.approx(30.0)
    assert _at(v, 2021) == pytest.approx(30.6)


def test_interp_without_growth_is_flat_after_last_year():
    v = ex.evaluate(ex.parse("Interp(2000, 10, 2010, 16)"), YEARS, 10.0)
    assert _at(v, 2015) == 16.0


def test_interp_base_year_value_is_the_implicit_first_point():
    # LEAP help: base year 1998 value 6.0, Interp(2000, 10, ...) → 1999 = 8.0
    years = np.arange(1998, 2011)
    v = ex.evaluate(ex.parse("Interp(2000,10,2010,16)"), years, 6.0)
    assert v[1] == pytest.approx(8.0)


def test_growth_compounds_from_base_value():
    v = ex.evaluate(ex.parse("Growth(3.2%)"), YEARS, 100.0)
    assert _at(v, 2010) == pytest.approx(100 * 1.032 ** 10)


def test_growth_with_changing_rates():
    v = ex.evaluate(ex.parse("Growth(5%, 2003, 2%)"), YEARS, 100.0)
    assert _at(v, 2002) == pytest.approx(100 * 1.05 ** 2)
    assert _at(v, 2004) == pytest.approx(100 * 1.05 ** 2 * 1.02 ** 2)


def test_step_help_example():
    # Step(2000,300,2005,500,2020,700): discrete jumps
    v = ex.evaluate(ex.parse("Step(2000,300,2005,500,2020,700)"), YEARS, 100.0)
    assert [_at(v, y) for y in (2000, 2004, 2005, 2019, 2020, 2025)] == [300, 300, 500, 500,
                                                                          700, 700]


def test_growthas_is_driver_growth_to_the_elasticity():
    income = 100 * 1.05 ** (YEARS - 2000)
    v = ex.evaluate(ex.parse(r"GrowthAs(Key\Income, 1.1)"), YEARS, 50.0, {"Income": income})
    # each year: previous × (X_t / X_{t-1})^1.1
    assert v[1] == pytest.approx(50 * 1.05 ** 1.1)
    assert v[-1] == pytest.approx(50 * 1.05 ** (1.1 * 25))


def test_remainder_fills_the_group():
    d = {"primary": dr.Driver("primary", 5, ex.parse("Interp(2010, 3)"), group="gdp"),
         "secondary": dr.Driver("secondary", 40, ex.parse("Interp(2010, 35)"), group="gdp"),
         "tertiary": dr.Driver("tertiary", 55, ex.parse("Remainder(100)"), group="gdp")}
    v = dr.series(d, YEARS)
    assert _at(v["tertiary"], 2010) == pytest.approx(62.0)
    assert np.allclose(v["primary"] + v["secondary"] + v["tertiary"], 100)


def test_shares_above_100_percent_are_refused():
    d = {"a": dr.Driver("a", 50, ex.parse("Interp(2010, 70)"), group="g"),
         "b": dr.Driver("b", 50, ex.parse("Interp(2010, 60)"), group="g")}
    with pytest.raises(Exception, match="exceed 100"):
        dr.series(d, YEARS)


@pytest.mark.parametrize(("text", "pos"), [("Growth(3%", 10), ("Interp(2020, , 5)", 14),
                                           ("Grwth(3%)", 1), ("Growth(3%) + 1", 12),
                                           ("Growth(3 %)", 10)])
def test_parse_errors_give_the_position(text, pos):
    with pytest.raises(ex.ExpressionError, match=f"at position {pos}"):
        ex.parse(text, file="spec.yaml", line=7)


def test_parse_error_names_file_and_line():
    with pytest.raises(ex.ExpressionError, match=r"spec.yaml.*line 7"):
        ex.parse("Interp(", file="spec.yaml", line=7)


def test_circular_growthas_is_an_error():
    d = {"a": dr.Driver("a", 1, ex.parse("GrowthAs(b, 1)")),
         "b": dr.Driver("b", 1, ex.parse("GrowthAs(a, 1)"))}
    with pytest.raises(Exception, match="circle"):
        dr.series(d, YEARS)


def test_years_outside_range():
    with pytest.raises(ex.ExpressionError, match="outside"):
        ex.check_years(ex.parse("Interp(2040, 5)"), 2023, 2035)
