"""统一社会信用代码 check character (GB 32100-2015) and GB/T 4754 industry codes."""

from __future__ import annotations

import pytest

from cocontrol.enterprises.codes import WEIGHTS, industry_problem, uscc_problem


def test_weights_are_powers_of_three_mod_31_as_in_gb32100() -> None:
    # GB 32100-2015 Table: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_published_example_is_valid_and_a_changed_check_character_is_not() -> None:
    assert uscc_problem("91350100M000100Y43") is None
    assert uscc_problem("91350100m000100y43") is None  # case-insensitive
    assert "check character 3" in uscc_problem("91350100M000100Y44")


@pytest.mark.parametrize("code, why", [
    ("91350100M000100Y4", "18 characters"),
    ("91350100M000100I43", "characters from"),  # I is not in the alphabet
    ("9135A100M000100Y43", "administrative division"),
])
def test_malformed_codes_say_why(code: str, why: str) -> None:
    assert why in uscc_problem(code)


@pytest.mark.parametrize("code, ok", [("4411", True), ("D4411", True), ("30", True),
                                      ("3011", True), ("9811", False), ("44111", False),
                                      ("Z4411", False), ("火电", False)])
def test_industry_codes(code: str, ok: bool) -> None:
    assert (industry_problem(code) is None) is ok
