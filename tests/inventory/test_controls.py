"""Controls for one activity technology (适用技术): precedence, checks, engines, property.

Numbers used (default set, T/CSES 144—2024): power-sector raw coal NOx 8.19 kg/t for every
boiler class (表D.1, 100–300 MW), SO2 17.0 kg/t (2 × 1 % × (1 − 0.15), 表C.1). Removal
efficiency η (表A.1): scr NOx 0.42, sncr NOx 0.30, limestone_gypsum_wet_fgd SO2 0.80.
Remaining fraction ``ctrl = 1 − Σ_m X_m η_m`` (GAINS).
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocontrol import refdata
from cocontrol.errors import ValidationFailed
from cocontrol.inventory import compute
from cocontrol.inventory import factors as fx
from cocontrol.testing import assert_inventory_equal

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
ACT = ["region", "year", "sector", "fuel", "technology", "value", "unit"]
CTL = ["region", "year", "sector", "fuel", "technology", "penetration", "applies_to"]
GHG = ["CO2", "CH4", "N2O", "CO2e"]


def _coal(*rows: tuple[str | None, float]) -> pd.DataFrame:
    return pd.DataFrame([("济南市", 2020, POWER, "原煤", tech, v, "t") for tech, v in rows],
                        columns=ACT)


def _ctl(*rows: tuple[str, float, str | None]) -> pd.DataFrame:
    return pd.DataFrame([("济南市", 2020, POWER, "Raw_Coal", c, x, on) for c, x, on in rows],
                        columns=CTL)


def _by_row(result: pd.DataFrame, species: str) -> dict[int, float]:
    """Value [t] per activity row (spreadsheet row 2, 3 …) from the provenance detail."""
    d = result.attrs["provenance"].frame
    return d[d["species"] == species].set_index("row_id")["value"].to_dict()


def test_control_for_one_technology_changes_only_that_technology() -> None:
    """1000 t 原煤 on 煤粉炉 (row 2) and 1000 t on 层燃炉 (row 3); SCR on 90 % of the
    pulverized-coal boilers only:
    row 2 NOx 1000 × 8.19 kg = 8.19 t × (1 − 0.9 × 0.42) = 8.19 × 0.622 = 5.09418 t;
    row 3 NOx 1000 × 8.19 kg = 8.19 t (untouched); output NOx 5.09418 + 8.19 = 13.28418 t.
    SO2 (17.0 + 17.0 = 34.0 t), CO2 and the activity are the same as without controls."""
    act = _coal(("煤粉炉", 1000), ("层燃炉", 1000))
    base = compute(act, provenance=True)
    ctrl = compute(act, controls=_ctl(("scr", 0.9, "煤粉炉")), provenance=True)
    assert _by_row(ctrl, "NOx") == pytest.approx({2: 5.09418, 3: 8.19}, rel=1e-12)
    nox = ctrl[ctrl["species"] == "NOx"]["value"].sum()
    assert nox == pytest.approx(13.28418, rel=1e-12)
    assert _by_row(ctrl, "SO2") == pytest.approx({2: 17.0, 3: 17.0}, rel=1e-12)
    for species in GHG:
        a = base[base["species"] == species]["value"].to_numpy()
        b = ctrl[ctrl["species"] == species]["value"].to_numpy()
        assert len(a) and (a == b).all()
    for frame in (base, ctrl):
        amounts = frame.attrs["provenance"].frame.groupby("row_id")["amount"].unique()
        assert [list(v) for v in amounts] == [[1000.0], [1000.0]]


def test_own_rows_replace_generic_rows_species_by_species() -> None:
    """Generic: SCR 50 % and wet FGD 60 % on all power raw coal; own: SCR 90 % on 煤粉炉.
    NOx row 2 (煤粉炉): own rows replace the generic NOx rows: 8.19 × (1 − 0.9 × 0.42) =
    5.09418 t (not 8.19 × (1 − 0.5·0.42 − 0.9·0.42) = 3.37428 t, which would count 140 % of
    the boilers); NOx row 3 (层燃炉): generic 8.19 × (1 − 0.5 × 0.42) = 6.4701 t; row 4 (no
    technology, power default 8.19 kg/t): generic 6.4701 t.
    SO2: no own SO2 row, so the generic FGD applies to all: 1 − 0.6 × 0.80 = 0.52;
    rows 2, 3, 4: 17.0 × 0.52 = 8.84 t."""
    act = _coal(("pulverized_coal_boiler", 1000), ("grate_boiler", 1000), (None, 1000))
    ctl = _ctl(("scr", 0.5, None), ("limestone_gypsum_wet_fgd", 0.6, ""),
               ("scr", 0.9, "pulverized_coal_boiler"))
    result = compute(act, controls=ctl, provenance=True)
    assert _by_row(result, "NOx") == pytest.approx({2: 5.09418, 3: 6.4701, 4: 6.4701},
                                                   rel=1e-12)
    assert _by_row(result, "SO2") == pytest.approx({2: 8.84, 3: 8.84, 4: 8.84}, rel=1e-12)
    d = result.attrs["provenance"].frame.set_index(["row_id", "species"])
    assert d.loc[(2, "NOx"), "control"] == "scr" and d.loc[(2, "SO2"), "control"] == (
        "limestone_gypsum_wet_fgd")
    # provenance: which control rows were used — the 煤粉炉 rows, the generic rows, none
    assert d.loc[(2, "NOx"), "control_applies_to"] == "pulverized_coal_boiler"
    assert d.loc[(3, "NOx"), "control_applies_to"] == d.loc[(2, "SO2"), "control_applies_to"] == ""
    assert pd.isna(d.loc[(2, "CO2"), "control_applies_to"])


def test_multipliers_table_has_one_row_per_activity_technology() -> None:
    """ctrl = 1 − Σ X η per (…, applies_to, species): generic NOx SCR 0.7 + SNCR 0.2 →
    1 − 0.7 × 0.42 − 0.2 × 0.30 = 0.646; 煤粉炉 SCR 0.9 → 1 − 0.378 = 0.622 (shares are
    checked per technology: 0.9 alone is valid even though 0.7 + 0.2 + 0.9 > 1)."""
    mult = fx.control_multipliers(_ctl(("scr", 0.7, None), ("sncr", 0.2, None),
                                       ("scr", 0.9, "煤粉炉")))
    got = mult.set_index(["applies_to", "species"])["ctrl"].to_dict()
    assert got == pytest.approx({("", "NOx"): 0.646, ("pulverized_coal_boiler", "NOx"): 0.622},
                                rel=1e-12)


def test_bad_controls_listed_per_technology() -> None:
    """Row 2 fine; rows 3 + 4 (层燃炉 SCR 0.6 + SNCR 0.5 = 1.1 > 1); row 5 a vehicle standard
    for coal; row 6 penetration 85 as a bare number (percent must be written 85%)."""
    ctl = _ctl(("scr", 0.9, "煤粉炉"), ("scr", 0.6, "层燃炉"), ("sncr", 0.5, "grate_boiler"),
               ("scr", 0.1, "国五"), ("esp", 85, None))
    with pytest.raises(ValidationFailed) as err:
        fx.control_multipliers(ctl, file="ctl.csv")
    problems = err.value.problems
    assert sorted({p.row for p in problems}) == [3, 4, 5, 6]
    by_row = {p.row: p for p in problems}
    assert by_row[5].column == "applies_to" and "pulverized_coal_boiler" in by_row[5].expected
    assert "on grate_boiler" in by_row[3].message and by_row[6].column == "penetration"
    assert all(p.file == "ctl.csv" for p in problems)


@pytest.mark.parametrize("engine", [pytest.param("spark", marks=pytest.mark.spark)])
def test_spark_equals_duckdb_with_technology_controls(engine: str) -> None:
    """The case above (own + generic rows) on both engines, 1e-9 relative."""
    pytest.importorskip("pyspark", reason="pyspark is not installed")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (needed by Spark)")
    act = pd.concat([_coal(("煤粉炉", 1000), ("层燃炉", 500), (None, 250)),
                     _coal(("cfb_boiler", 800)).assign(region="淄博市")], ignore_index=True)
    ctl = pd.concat([_ctl(("scr", 0.5, None), ("limestone_gypsum_wet_fgd", 0.6, ""),
                          ("scr", 0.9, "煤粉炉"), ("esp", 0.3, "层燃炉")),
                     _ctl(("sncr", 0.4, "cfb_boiler")).assign(region="淄博市")],
                    ignore_index=True)
    duck = compute(act, controls=ctl, engine="duckdb")
    other = compute(act, controls=ctl, engine=engine)
    assert_inventory_equal(duck, other, rtol=1e-9)
    nox = duck[(duck["region"] == "淄博市") & (duck["species"] == "NOx")]["value"].sum()
    # 800 t × power CFB NOx 8.19 kg/t × (1 − 0.4 × SNCR 0.30) = 5.76576 t
    assert nox == pytest.approx(0.8 * 8.19 * (1 - 0.4 * 0.30), rel=1e-12)


# --- property: controls per activity technology never touch GHGs or activity -----------

TECHS = ["pulverized_coal_boiler", "grate_boiler", "cfb_boiler", None]
SECTORS = [POWER, "Others"]
CONTROLS = ["scr", "sncr", "low_nox_burner", "limestone_gypsum_wet_fgd", "esp", "bag_filter"]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame]:
    keys = draw(st.lists(st.tuples(st.sampled_from(SECTORS), st.sampled_from(TECHS)),
                         min_size=1, max_size=6, unique=True))
    values = draw(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=len(keys),
                           max_size=len(keys)))
    act = pd.DataFrame([("样例市", 2020, s, "Raw_Coal", t, v, "t")
                        for (s, t), v in zip(keys, values, strict=True)], columns=ACT)
    rows = []
    for sector in SECTORS:
        for on in ["", *TECHS[:3]]:
            picked = draw(st.lists(st.sampled_from(CONTROLS), max_size=3, unique=True))
            weights = draw(st.lists(st.floats(0, 1), min_size=len(picked) + 1,
                                    max_size=len(picked) + 1))
            total = sum(weights) or 1.0
            rows += [("样例市", 2020, sector, "Raw_Coal", c, w / total, on)
                     for c, w in zip(picked, weights, strict=False)]
    return act, pd.DataFrame(rows, columns=CTL)


def _expected_ctrl(ctl: pd.DataFrame) -> dict[tuple[str, str, str], float]:
    """Reference: (sector, technology, species) → 1 − Σ X η of the technology's own rows
    if it has any for that species, else of the generic rows (plain Python, no engine).
    PM10: η = s η_PM2.5 + (1 − s) η_PM2.5–10 (表A.1) with s = EF_PM2.5 / EF_PM10 of the
    sector's raw coal on the rows' activity technology (the default row for generic rows)."""
    eta = {(r.technology, r.species): float(r.removal_efficiency) for r in
           refdata.load("control_technologies").itertuples() if r.sector == "*"}
    f = fx.default_factors()
    f = f[f["fuel"] == "Raw_Coal"].set_index(["sector", "technology", "species"])["ef"]

    def share(sector: str, tech: str) -> float:
        key = (sector, tech) if (sector, tech, "PM10") in f.index else (sector, "")
        return float(f[(*key, "PM2.5")] / f[(*key, "PM10")])

    removed: dict[tuple[str, str, str], float] = {}
    for r in ctl.itertuples():
        for (tech, species), e in eta.items():
            if tech == r.technology:
                if species == "PM2.5-10":
                    s = share(r.sector, r.applies_to)
                    species, e = "PM10", s * eta[(tech, "PM2.5")] + (1 - s) * e
                key = (r.sector, r.applies_to, species)
                removed[key] = removed.get(key, 0.0) + r.penetration * e
    out = {}
    for sector in SECTORS:
        for tech in TECHS:
            for species in {s for _, s in eta} - {"PM2.5-10"} | {"PM10"}:
                own = (sector, tech or "", species)
                gen = (sector, "", species)
                out[(sector, tech or "", species)] = 1 - removed.get(
                    own if own in removed else gen, 0.0)
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_cases())
def test_property_controls_per_technology(case) -> None:
    """Per activity row: GHGs and the activity amount are unchanged, no pollutant grows, and
    the remaining fraction is the own-technology rows' 1 − Σ X η, else the generic rows'."""
    act, ctl = case
    base = compute(act, provenance=True)
    ctrl = compute(act, controls=ctl, provenance=True)
    b = base.attrs["provenance"].frame.set_index(["row_id", "species"]).sort_index()
    c = ctrl.attrs["provenance"].frame.set_index(["row_id", "species"]).sort_index()
    assert b.index.equals(c.index)
    assert (b["amount"] == c["amount"]).all()
    ghg = b.index.get_level_values("species").isin(GHG)
    assert (b.loc[ghg, "value"] == c.loc[ghg, "value"]).all()
    assert (c["value"] <= b["value"] * (1 + 1e-12) + 1e-12).all()
    expected = _expected_ctrl(ctl)
    for (_row_id, species), r in c.iterrows():
        want = expected.get((r["sector"], r["technology"], species), 1.0)
        assert r["ctrl"] == pytest.approx(want, rel=1e-12, abs=1e-12)
    totals = ctrl.merge(base, on=["region", "year", "sector", "fuel", "species", "scope"])
    g = totals["species"].isin(GHG)
    assert (totals.loc[g, "value_x"] == totals.loc[g, "value_y"]).all()
