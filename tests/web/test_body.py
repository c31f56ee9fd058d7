"""Request bodies refuse NUL in any text field, also nested (PostgreSQL cannot store it)."""

import pytest
from pydantic import ValidationError

from cocontrol.web.api import RegionIn
from cocontrol.web.body import Body


def test_nul_in_a_name_is_refused_at_the_edge() -> None:
    assert RegionIn(name="荣成市").name == "荣成市"
    with pytest.raises(ValidationError, match="NUL"):
        RegionIn(name="荣成\x00市")


class _Nested(Body):
    names: list[str]
    notes: dict[str, str]


def test_nul_inside_lists_and_dicts_is_refused() -> None:
    assert _Nested(names=["a"], notes={"k": "v"}).names == ["a"]
    with pytest.raises(ValidationError, match="NUL"):
        _Nested(names=["a", "b\x00"], notes={})
    with pytest.raises(ValidationError, match="NUL"):
        _Nested(names=[], notes={"k\x00": "v"})
