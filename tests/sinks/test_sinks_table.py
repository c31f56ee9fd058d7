"""compute_sinks as a whole: output shape, sign convention, provenance of the sink tables."""

from __future__ import annotations

import re
from importlib import resources

import pandas as pd
import pytest

from cocontrol import refdata
from cocontrol.errors import ValidationFailed
from cocontrol.sinks import COMPONENTS, OUTPUT, compute_sinks

from .helpers import COLUMNS, activity

TABLES = ("sink_aquaculture", "sink_ecosystem_rates", "sink_forest")


def test_output_columns_and_removals_negative() -> None:
    out = compute_sinks(activity(
        ("威海市", 2023, "aquaculture", "扇贝", "harvest_wet", 100, "t"),
        ("威海市", 2023, "mangrove", "示例", "area", 1, "公顷")))
    assert tuple(out.columns) == OUTPUT
    assert set(out["component"]) <= set(COMPONENTS)
    assert (out["value"] < 0).all()
    assert out["sources"].str.len().gt(0).all() and out["parameters"].str.len().gt(0).all()
    # mangrove 1 ha × 1.62 t C × 44/12 = 5.94 t CO2 removed
    assert out.loc[out["sink_type"] == "mangrove", "value"].item() == pytest.approx(-5.94)


def test_empty_input_gives_empty_output_and_missing_columns_are_named() -> None:
    assert compute_sinks(pd.DataFrame(columns=COLUMNS)).empty
    with pytest.raises(ValidationFailed) as err:
        compute_sinks(pd.DataFrame({"region": ["威海市"], "value": [1]}))
    assert {p.column for p in err.value.problems} == {"year", "sink_type", "item", "variable",
                                                      "unit"}


def test_duplicate_keys_name_both_rows() -> None:
    with pytest.raises(ValidationFailed, match=r"duplicate key \(rows 2, 3\)"):
        compute_sinks(activity(("威海市", 2023, "seagrass", "A", "area", 1, "公顷"),
                               ("威海市", 2023, "seagrass", "A", "area", 2, "公顷")))


@pytest.mark.parametrize("name", TABLES)
def test_sink_tables_have_complete_provenance(name: str) -> None:
    table = refdata.load(name)  # raises when source/edition/status is missing
    text = resources.files("cocontrol.refdata").joinpath("SOURCES.md").read_text("utf-8")
    headings = set(re.findall(r"^## (.+)$", text, re.M))
    assert set(table["source"]) <= headings
    weak = table[table["status"] != "verified"]
    assert weak["note"].fillna("").str.strip().ne("").all(), "non-verified rows need a note"
    assert table["value"].astype(float).ge(0).all()


def test_recalled_numbers_are_unverified() -> None:
    """Numbers tagged R (recalled) in sinks-and-accounts.md §1.5/§2.2 must be unverified."""
    rates = refdata.load("sink_ecosystem_rates")
    assert set(rates["status"]) == {"unverified"}
    forest = refdata.load("sink_forest")
    assert set(forest.loc[forest["parameter"] == "CF", "status"]) == {"unverified"}
    species = forest[forest["item"].isin(["杉木", "马尾松", "杨树", "栎类"])]
    assert set(species["status"]) == {"unverified"}
    # Table 4.5 seen in a third-party CSV only: transcribed, not verified
    assert set(forest.loc[forest["parameter"].str.startswith("BCEF"), "status"]) == {"transcribed"}
