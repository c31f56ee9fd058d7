"""Hand-worked IPCC Tier 1 examples through ``cocontrol.inventory.compute`` (DuckDB).

Factors used (refdata, reference notes §3.1.1 / §3.1.3 / §3.1.4):
raw coal NCV 20.908 GJ/t, CC 26.37 tC/TJ, OF 0.94 → EF = 20.908 × 0.02637 × 0.94 × 44/12
= 1.900299 t CO2/t; power-sector CH4 1 kg/TJ, N2O 1.5 kg/TJ (IPCC 2006 Vol.2 Table 2.2);
GWP AR5 CH4 28, N2O 265; 山东 2023 grid 0.6191 t/MWh; clinker 0.538 t CO2/t.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.inventory import compute

POWER = "Production and Supply of Electric Power, Steam and Hot Water"


def _act(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region", "year", "sector", "fuel", "value", "unit"])


def _one(result: pd.DataFrame, species: str, scope: int = 1, fuel: str | None = None) -> float:
    hit = result[(result["species"] == species) & (result["scope"] == scope)]
    if fuel:
        hit = hit[hit["fuel"] == fuel]
    return float(hit["value"].sum())


def test_raw_coal_tier1_co2_ch4_n2o_and_co2e() -> None:
    """1000 t 原煤 in power: CO2 = 1000 × 20.908 × 0.02637 × 0.94 × 44/12 = 1900.2988 t;
    energy 20 908 GJ = 20.908 TJ → CH4 20.908 kg = 0.020908 t, N2O 31.362 kg = 0.031362 t;
    CO2e (AR5) = 1900.2988 + 0.020908 × 28 + 0.031362 × 265 = 1909.1952 t."""
    result = compute(_act(("济南市", 2020, "电力、热力的生产和供应业", "原煤", 1000, "t")))
    assert _one(result, "CO2") == pytest.approx(1900.2988, rel=1e-6)
    assert _one(result, "CH4") == pytest.approx(0.020908, rel=1e-9)
    assert _one(result, "N2O") == pytest.approx(0.031362, rel=1e-9)
    assert _one(result, "CO2e") == pytest.approx(1909.1952, rel=1e-6)
    assert set(result["unit"]) == {"t"}
    assert list(result.columns) == ["region", "year", "sector", "fuel", "species", "value",
                                    "unit", "scope"]


def test_gwp_set_changes_only_co2e() -> None:
    """AR4 (25, 298): CO2e = 1900.2988 + 0.020908 × 25 + 0.031362 × 298 = 1910.1667 t."""
    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1, "千吨"))
    ar4, ar5 = compute(act, gwp="AR4"), compute(act, gwp="AR5")
    assert _one(ar4, "CO2e") == pytest.approx(1910.1667, rel=1e-6)
    assert _one(ar4, "CO2") == _one(ar5, "CO2")


def test_units_wan_tonnes_and_tce() -> None:
    """0.1 万吨 = 1000 t; 100 tce = 2930.76 GJ → 140.174 t coal → CO2 = 2930.76 × 0.02637
    × 0.94 × 44/12 = 266.372 t."""
    result = compute(_act(("济南市", 2020, POWER, "原煤", 0.1, "万吨"),
                          ("济南市", 2020, "Others", "原煤", 100, "tce")))
    co2 = result[result["species"] == "CO2"].set_index("sector")["value"]
    assert co2[POWER] == pytest.approx(1900.2988, rel=1e-6)
    assert co2["Others"] == pytest.approx(266.372, rel=1e-5)


def test_one_key_in_several_units_sums_in_tonnes() -> None:
    """Stage 1 sums per unit, then converts: facilities (A–D) of one sector × fuel reporting
    in t, 万吨 and tce add up in tonnes of coal. 400 t + 0.05 万吨 (500 t) + 100 t again = 1000 t
    → CO2 1900.2988 t; plus 100 tce → 266.372 t CO2 (as above): 2166.6708 t in all."""
    rows = [("济南市", 2020, POWER, "原煤", 400, "t", "A"),
            ("济南市", 2020, POWER, "原煤", 0.05, "万吨", "B"),
            ("济南市", 2021, POWER, "原煤", 1, "t", "A"),
            ("济南市", 2020, POWER, "原煤", 100, "tce", "C"),
            ("济南市", 2020, POWER, "原煤", 100, "t", "D")]
    result = compute(pd.DataFrame(rows, columns=["region", "year", "sector", "fuel", "value",
                                                 "unit", "facility"]))
    co2 = result[(result["species"] == "CO2") & (result["year"] == 2020)]
    assert len(co2) == 1
    assert float(co2["value"].iloc[0]) == pytest.approx(1900.2988 + 266.372, rel=1e-5)


def test_pollutant_with_two_control_technologies() -> None:
    """SO2 of coal power 17 kg/t (T/CSES 144—2024: 2 × 1 % × (1 − 0.15)). Wet FGD η 0.80 on
    60 %, semi-dry η 0.50 on 30 % (表A.1), 10 % uncontrolled → remaining 1 − 0.48 − 0.15 =
    0.37; 1000 t → 17 t × 0.37 = 6.29 t SO2. CO2 and NOx (8.19 kg/t, 表D.1) unchanged."""
    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1000, "t"))
    ctl = pd.DataFrame([("济南市", 2020, POWER, "Raw_Coal", "limestone_gypsum_wet_fgd", 0.6),
                        ("济南市", 2020, POWER, "Raw_Coal", "semi_dry_fgd", 0.3)],
                       columns=["region", "year", "sector", "fuel", "technology",
                                "penetration"])
    base, ctrl = compute(act), compute(act, controls=ctl)
    assert _one(base, "SO2") == pytest.approx(17.0, rel=1e-12)
    assert _one(ctrl, "SO2") == pytest.approx(6.29, rel=1e-12)
    assert _one(ctrl, "CO2") == _one(base, "CO2")
    assert _one(ctrl, "NOx") == _one(base, "NOx") == pytest.approx(8.19, rel=1e-12)


def test_scope2_electricity_and_heat_with_grid_factors() -> None:
    """10 000 万千瓦时 = 100 000 MWh × 0.6191 (山东 2023, via 济南市 → 山东省) = 61 910 t;
    1000 GJ heat × 0.11 t/GJ = 110 t. Both scope 2, never in scope 1."""
    result = compute(_act(("济南市", 2023, "Others", "电力", 10000, "万千瓦时"),
                          ("济南市", 2023, "Urban", "热力", 1000, "GJ")))
    assert _one(result, "CO2", scope=2, fuel="Electricity") == pytest.approx(61910, rel=1e-12)
    assert _one(result, "CO2", scope=2, fuel="Heat") == pytest.approx(110, rel=1e-12)
    assert _one(result, "CO2", scope=1) == 0.0


def test_process_co2_cement_clinker() -> None:
    """10 000 t clinker × 0.538 t CO2/t = 5380 t CO2 (process, scope 1)."""
    result = compute(_act(("淄博市", 2020, "Nonmetal Mineral Products", "cement_clinker",
                           10000, "t")))
    assert _one(result, "CO2") == pytest.approx(5380, rel=1e-12)


def test_activity_from_a_path_and_extra_columns(tmp_path) -> None:
    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1000, "t")).assign(label="real", source="x")
    path = tmp_path / "a.parquet"
    act.to_parquet(path)
    a, b = compute(act), compute(path)
    pd.testing.assert_frame_equal(a, b)


def test_no_factor_lists_every_row() -> None:
    """With a factor table that only knows raw coal, both diesel rows are reported."""
    factors = pd.DataFrame([{"sector": "*", "fuel": "Raw_Coal", "species": "CO2", "ef": 1.9,
                             "scope": 1, "factor_id": "test", "source": "test"}])
    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1, "t"),
               ("济南市", 2020, "Others", "Diesel_Oil", 1, "t"),
               ("济南市", 2021, "Others", "柴油", 1, "t"))
    with pytest.raises(ValidationFailed) as err:
        compute(act, factors=factors)
    rows = sorted(p.row for p in err.value.problems)
    assert rows == [3, 4]
    assert "no emission factor" in str(err.value)


def test_bad_controls_are_all_listed() -> None:
    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1000, "t"))
    ctl = pd.DataFrame([("济南市", 2020, POWER, "Raw_Coal", "magic_filter", 0.5),
                        ("济南市", 2020, POWER, "Raw_Coal", "scr", 1.5),
                        ("济南市", 2020, POWER, "Raw_Coal", "esp", 0.7),
                        ("济南市", 2020, POWER, "Raw_Coal", "bag_filter", 0.6)],
                       columns=["region", "year", "sector", "fuel", "technology",
                                "penetration"])
    with pytest.raises(ValidationFailed) as err:
        compute(act, controls=ctl)
    rows = sorted({p.row for p in err.value.problems})
    assert rows == [2, 3, 4, 5]  # unknown, > 1, and esp + bag filter PM shares 1.3 > 1


def test_provenance_names_activity_factor_and_control() -> None:
    """The controlled SO2 row (6.29 t, see above) is explained by activity row 2 (1000 t),
    factor 0.017 t/t with its source, the two FGD technologies with their source and the
    factor set."""
    from cocontrol.inventory.provenance import explain

    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1000, "t"))
    ctl = pd.DataFrame([("济南市", 2020, POWER, "Raw_Coal", "limestone_gypsum_wet_fgd", 0.6),
                        ("济南市", 2020, POWER, "Raw_Coal", "semi_dry_fgd", 0.3)],
                       columns=["region", "year", "sector", "fuel", "technology",
                                "penetration"])
    result = compute(act, controls=ctl, provenance=True)
    so2 = result.index[result["species"] == "SO2"][0]
    (item,) = explain(result, so2)
    assert item["activity_row"] == 2 and item["activity_value"] == 1000
    assert item["factor"] == pytest.approx(0.017) and "T/CSES 144—2024" in item["factor_source"]
    assert "表C.1" in item["factor_source"]
    assert item["factor_tier"] == 2  # a Chinese technology-specific standard
    assert item["control"] == "limestone_gypsum_wet_fgd+semi_dry_fgd"
    assert "limestone_gypsum_wet_fgd: T/CSES 144—2024" in item["control_source"]
    assert "表A.1" in item["control_source"]
    assert item["ctrl"] == pytest.approx(0.37) and item["value"] == pytest.approx(6.29)
    assert "T/CSES 144—2024" in item["factor_set"]
    parts = explain(result, result.index[result["species"] == "CO2e"][0])
    assert {p["species"] for p in parts} == {"CO2", "CH4", "N2O"}
    # CO2 from the Chinese NCV × CC × OF (tier 2); CH4/N2O IPCC 2006 Table 2.2 defaults (tier 1)
    assert {p["species"]: p["factor_tier"] for p in parts} == {"CO2": 2, "CH4": 1, "N2O": 1}


def test_repeated_calls_follow_the_data() -> None:
    """``compute`` keeps reference tables between calls (grid factors per region × year,
    control multipliers per exact control table): a change of the data must still change the
    result. NOx of coal power 8.19 kg/t (above), SCR η 0.42 (表A.1): 1000 t with SCR on 50 %
    → 8.19 × (1 − 0.5 × 0.42) = 6.4701 t, on 100 % → 8.19 × 0.58 = 4.7502 t, 50 % again →
    6.4701 t, the same frame.
    Electricity 10 000 万千瓦时 = 100 000 MWh: 山东 2022 0.641 t/MWh → 64 100 t, 2021
    0.6838 → 68 380 t."""
    act = _act(("济南市", 2020, POWER, "Raw_Coal", 1000, "t"))

    def scr(share: float) -> pd.DataFrame:
        return pd.DataFrame([("济南市", 2020, POWER, "Raw_Coal", "scr", share)],
                            columns=["region", "year", "sector", "fuel", "technology",
                                     "penetration"])

    half, full, again = (compute(act, controls=scr(x)) for x in (0.5, 1.0, 0.5))
    assert _one(half, "NOx") == pytest.approx(6.4701, rel=1e-12)
    assert _one(full, "NOx") == pytest.approx(4.7502, rel=1e-12)
    pd.testing.assert_frame_equal(half, again)
    half.loc[:, "value"] = 0.0  # a caller changing its result does not reach the next call
    assert _one(compute(act, controls=scr(0.5)), "NOx") == pytest.approx(6.4701, rel=1e-12)
    for year, expected in ((2022, 64100), (2021, 68380), (2022, 64100)):
        result = compute(_act(("济南市", year, "Others", "电力", 10000, "万千瓦时")))
        assert _one(result, "CO2", scope=2) == pytest.approx(expected, rel=1e-12)


def test_run_inventory_parquet_without_optional_columns(tmp_path) -> None:
    """Parquet inputs of an older layout (no ``technology`` in activity and factors, no
    optional control column) run with the default technology and generic controls in one
    engine session: 1000 t coal power, factor table CO2 1.9 and NOx 0.008 t/t, SCR leaving
    0.2 of NOx → CO2 1900 t, NOx 1.6 t; one key (Diesel_Oil) without factor is reported."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cocontrol.inventory import expressions as ex
    from cocontrol.inventory.core import run_inventory

    def rows(schema, drop: str | None, *values: tuple) -> pa.Table:
        names = [n for n in schema.names if n != drop]
        types = [schema[n].to_pyarrow() for n in names]
        return pa.table({n: pa.array([v[i] for v in values], type=t)
                         for i, (n, t) in enumerate(zip(names, types, strict=True))})

    controls = ex.CONTROLS_SCHEMA
    optional = [n for n in controls.names if n not in
                ("region", "year", "sector", "fuel", "species", "ctrl", "control")]
    control_row = {"region": "济南市", "year": 2020, "sector": POWER, "fuel": "Raw_Coal",
                   "species": "NOx", "ctrl": 0.2, "control": "scr"}
    tables = {
        "activity": rows(ex.ACTIVITY_SCHEMA, "technology",
                         ("济南市", 2020, None, POWER, "Raw_Coal", "f1", 600.0, "t", 0),
                         ("济南市", 2020, None, POWER, "Raw_Coal", "f2", 400.0, "t", 1),
                         ("济南市", 2020, None, POWER, "Diesel_Oil", "f3", 1.0, "t", 2)),
        "units": rows(ex.UNITS_SCHEMA, None, ("Raw_Coal", "t", 1.0), ("Diesel_Oil", "t", 1.0)),
        "factors": rows(ex.FACTORS_SCHEMA, "technology",
                        (POWER, "Raw_Coal", "CO2", 1.9, 1, "a"),
                        (POWER, "Raw_Coal", "NOx", 0.008, 1, "b")),
        "grid": rows(ex.GRID_SCHEMA, None),
        "controls": pa.table({n: pa.array([control_row[n]],
                                          type=controls[n].to_pyarrow())
                              for n in controls.names if n not in optional}),
    }
    sources = {}
    for name, table in tables.items():
        sources[name] = str(tmp_path / f"{name}.parquet")
        pq.write_table(table, sources[name])
    inv, missing = run_inventory(sources)
    got = inv.set_index("species")["value"]
    assert got["CO2"] == pytest.approx(1900, rel=1e-12)
    assert got["NOx"] == pytest.approx(1.6, rel=1e-12)
    assert list(missing["fuel"]) == ["Diesel_Oil"]


def test_several_technologies_sum_bit_identically_run_to_run() -> None:
    """Four boiler classes (and the default) in two sectors: the per-key sums over
    technologies are added in a fixed order, so 20 runs give the same bits (the engine's
    own SUM over them differed in the last bits in about one run in ten)."""
    import numpy as np

    rng = np.random.default_rng(3)
    techs = ["pulverized_coal_boiler", "grate_boiler", "cfb_boiler", None]
    act = pd.DataFrame([("济南市", 2020, s, "Raw_Coal", t, v, "t")
                        for s in (POWER, "Others") for t, v in zip(techs, rng.uniform(0, 1e6, 4),
                                                                    strict=True)],
                       columns=["region", "year", "sector", "fuel", "technology", "value", "unit"])
    first = compute(act)
    for _ in range(20):
        pd.testing.assert_frame_equal(compute(act), first, check_exact=True)


def test_collapse_technologies_adds_in_key_order_and_keeps_null_groups() -> None:
    from cocontrol.inventory.core import collapse_technologies

    keys = {"region": "a", "year": 2020, "sector": "s", "fuel": "f", "scope": 1}
    rows = pd.DataFrame([{**keys, "species": "CO2", "technology": t, "value": v}
                         for t, v in (("b", 1e16), ("a", 1.0), ("c", -1e16))]
                        + [{**keys, "species": "SO2", "technology": "", "value": float("nan")}])
    out = collapse_technologies(rows).set_index("species")["value"]
    # floating-point addition depends on order: a (1.0) + b (1e16) + c (−1e16) = 0.0 while
    # c + b + a = 1.0; the rows are added in technology order whatever order they come in
    assert out["CO2"] == (1.0 + 1e16) - 1e16 and pd.isna(out["SO2"])
    assert collapse_technologies(rows.sort_values("technology", ascending=False))["value"].iloc[0] == out["CO2"]
