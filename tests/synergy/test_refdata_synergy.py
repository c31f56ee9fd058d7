"""The synergy reference tables: provenance, units, SOURCES.md headings, a few published values."""

import re
from importlib import resources

import pytest

from cocontrol import refdata
from cocontrol.units import parse_unit

TABLES = {"pollution_equivalents": ("species",), "ahp_random_index": ("n",)}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_provenance_units_keys_and_notes(name):
    table = refdata.load(name)
    assert not table.duplicated(list(TABLES[name])).any()
    for unit in table["unit"].dropna().unique():
        parse_unit(str(unit))
    weak = table[table["status"] != "verified"]
    assert not (weak["note"].isna() | (weak["note"].astype(str).str.strip() == "")).any()
    text = resources.files("cocontrol.refdata").joinpath("SOURCES.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (.+)$", text, re.M))
    assert set(table["source"]) <= headings


def test_random_index_published_values():
    # Saaty (1980): n = 3 … 10 → 0.58 0.90 1.12 1.24 1.32 1.41 1.45 1.49
    ri = refdata.load("ahp_random_index").set_index("n")["random_index"].astype(float)
    assert ri.loc[3:10].tolist() == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]


def test_only_air_pollutants_are_in_the_default_apeq():
    table = refdata.load("pollution_equivalents")
    default = table[table["in_default_apeq"].astype(str).str.lower() == "true"]
    assert set(default["medium"]) == {"air"}
    assert set(default["species"]) == {"SO2", "NOx", "PM10", "PM2.5", "VOCs"}
