"""The enterprise reference tables load with provenance, cite a SOURCES.md heading, and carry
the published numbers (2022 notice default, Zhejiang bounds)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from cocontrol import refdata
from cocontrol.enterprises.parameters import fuel_defaults, parameter, rating_scale

TABLES = ("enterprise_parameters", "enterprise_rating_zhejiang", "enterprise_rating_shandong",
          "enterprise_benchmarks", "enterprise_rules")


@pytest.mark.parametrize("name", TABLES)
def test_tables_have_provenance_and_sources(name: str) -> None:
    text = resources.files("cocontrol.refdata").joinpath("SOURCES.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (.+)$", text, re.M))
    assert not set(refdata.load(name)["source"]) - headings


def test_published_values() -> None:
    # 2022-06-08 notice: default cut from 0.03356 to 0.03085 tC/GJ for unmeasured months
    assert parameter("coal_cc_default_unmeasured") == 0.03085
    assert parameter("coal_cc_default_unmeasured_before_2022") == 0.03356
    assert parameter("so2_sulfur_conversion") == 0.8
    assert fuel_defaults().at["Raw_Coal", "cc_unmeasured"] == 0.03085
    assert fuel_defaults().at["Natural_Gas", "cc_unmeasured"] == 0.0153
    zj = rating_scale("zhejiang")
    assert sorted(zj.loc[zj["axis"] == "L", "upper"].dropna()) == [0.6, 2.0]
    assert sorted(zj.loc[zj["axis"] == "K", "upper"].dropna()) == [0.6, 0.8, 1.2, 2.0]
    assert set(rating_scale("shandong")["status"]) == {"unverified"}  # cut-offs not published
