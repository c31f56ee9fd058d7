"""Small long tables in the inventory's and the statistics' shapes, built by hand."""

from __future__ import annotations

import pandas as pd
import pytest


def emission_rows(spec: dict[tuple[str, int, str], dict[str, float]], unit: str = "t") -> pd.DataFrame:
    """{(region, year, sector): {species: value}} → inventory long table (scope 1, fuel coal)."""
    rows = [
        {"region": r, "year": y, "sector": s, "fuel": "coal", "species": sp, "value": v,
         "unit": unit, "scope": 1}
        for (r, y, s), species in spec.items() for sp, v in species.items()
    ]
    return pd.DataFrame(rows)


def stat_rows(spec: dict[tuple[str, int], dict[str, tuple[float, str]]]) -> pd.DataFrame:
    """{(region, year): {indicator: (value, unit)}} → statistics long table."""
    return pd.DataFrame([
        {"region": r, "year": y, "indicator": k, "value": v, "unit": u}
        for (r, y), items in spec.items() for k, (v, u) in items.items()
    ])


@pytest.fixture
def make_emissions():
    return emission_rows


@pytest.fixture
def make_statistics():
    return stat_rows
