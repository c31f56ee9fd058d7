"""Public testing helpers (xarray habit): compare inventories, build a tiny sample city.

``assert_inventory_equal(a, b, rtol)`` compares two long inventory tables regardless of row
order; ``sample_city()`` is a small activity table (one city, two years, a few sectors and
fuels incl. electricity and cement clinker) for docs, tests and demos; Hypothesis strategies
live in :mod:`cocontrol.testing.strategies`.
"""

from __future__ import annotations

import pandas as pd

KEYS = ["region", "year", "sector", "fuel", "species", "scope"]


def assert_inventory_equal(left: pd.DataFrame, right: pd.DataFrame, *, rtol: float = 1e-9,
                           atol: float = 0.0) -> None:
    """Same keys and values within ``rtol`` (row order and index ignored)."""
    keys = [k for k in KEYS if k in left.columns]
    a = left.sort_values(keys, ignore_index=True)
    b = right.sort_values(keys, ignore_index=True)
    pd.testing.assert_frame_equal(a[keys].astype(str), b[keys].astype(str))
    pd.testing.assert_series_equal(a["value"].astype(float), b["value"].astype(float),
                                   rtol=rtol, atol=atol, check_names=False)


def sample_city(region: str = "样例市") -> pd.DataFrame:
    """A small, illustrative activity table (values invented for tests, not statistics)."""
    power = "Production and Supply of Electric Power, Steam and Hot Water"
    rows = []
    for year, scale in ((2020, 1.0), (2021, 1.1)):
        rows += [
            (region, year, power, "Raw_Coal", 500.0 * scale, "万吨"),
            (region, year, "Smelting and Pressing of Ferrous Metals", "Coke", 80.0 * scale, "万吨"),
            (region, year, "Transportation, Storage, Post and Telecommunication Services",
             "Diesel_Oil", 30.0 * scale, "万吨"),
            (region, year, "Urban", "Natural_Gas", 20000.0 * scale, "万立方米"),
            (region, year, "Nonmetal Mineral Products", "cement_clinker", 2.0e6 * scale, "t"),
            (region, year, "Others", "Electricity", 300000.0 * scale, "万千瓦时"),
        ]
    return pd.DataFrame(rows, columns=["region", "year", "sector", "fuel", "value", "unit"])
