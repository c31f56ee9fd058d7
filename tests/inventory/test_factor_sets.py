"""Factor sets (排放因子集): chosen per run, named in the result, user files checked.

Hand-worked numbers (T/CSES 144—2024): industrial grate boiler (层燃炉) raw coal NOx 4 kg/t
(表E.7), SO2 17 kg/t and PM10 6.0, PM2.5 2.1 kg/t at S = 1 %, A_ar = 20 % (表C.1/C.2, formulas
(3)–(4)); power-sector pulverised coal PM10 34.5, PM2.5 9.0 kg/t; 表A.1: wet FGD SO2 80 %,
bag filter PM2.5 94.5 %, PM2.5–10 95 %. Previous set: grate NOx 4.0, SO2 17.0 kg/t, power
PM10 51.0, PM2.5 20.4, wet FGD 95 %, bag filter PM10 99.5 %, PM2.5 99 %.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from cocontrol.errors import ValidationFailed
from cocontrol.inventory import compute, factor_sets
from cocontrol.inventory.coal import coal_factors, emission

POWER = "Production and Supply of Electric Power, Steam and Hot Water"
ACT = ["region", "year", "sector", "fuel", "technology", "value", "unit"]
CTL = ["region", "year", "sector", "fuel", "technology", "penetration", "operating_rate"]


def _act(sector: str = POWER, tech: str = "", tonnes: float = 1000.0) -> pd.DataFrame:
    return pd.DataFrame([("济南市", 2020, sector, "Raw_Coal", tech, tonnes, "t")], columns=ACT)


def _species(result: pd.DataFrame, species: str) -> float:
    return float(result.loc[(result["species"] == species) & (result["scope"] == 1),
                            "value"].sum())


def test_default_and_previous_sets_give_their_own_factors_and_name_them() -> None:
    new = compute(_act())
    old = compute(_act(), factors="previous")
    assert _species(new, "PM10") == pytest.approx(1000 * 34.5 / 1000)
    assert _species(new, "PM2.5") == pytest.approx(1000 * 9.0 / 1000)
    assert _species(old, "PM10") == pytest.approx(51.0)
    assert _species(old, "PM2.5") == pytest.approx(20.4)
    assert "T/CSES 144—2024" in new.attrs["factor_set"]
    assert "旧版" in old.attrs["factor_set"]


def test_hand_worked_coal_boiler_against_the_mass_balance() -> None:
    """1 000 t raw coal, industrial grate boiler, S 1 %, A_ar 20 %, wet FGD on 100 % with
    投运率 0.9 and a bag filter on 100 %: SO2 = 1000 × 17 × (1 − 0.80 × 0.9) / 1000 = 4.76 t;
    PM2.5 = 1000 × 2.1 × (1 − 0.945) / 1000 = 0.1155 t; PM10 = 1000 × [2.1 × (1 − 0.945) +
    (6.0 − 2.1) × (1 − 0.95)] / 1000 = 0.3105 t; NOx = 4 t (no NOx control)."""
    f = coal_factors(0.01, 0.20, sector="industry", technology="grate_boiler")
    assert f == pytest.approx({"SO2": 17.0, "PM10": 6.0, "PM2.5": 2.1})
    assert emission(1000, f["SO2"], 0.80, 0.9) == pytest.approx(4.76)
    sector = "Raw Chemical Materials and Chemical Products"
    ctl = pd.DataFrame([("济南市", 2020, sector, "Raw_Coal", "limestone_gypsum_wet_fgd", 1.0, 0.9),
                        ("济南市", 2020, sector, "Raw_Coal", "bag_filter", 1.0, None)],
                       columns=CTL)
    out = compute(_act(sector, "grate_boiler"), controls=ctl)
    assert _species(out, "SO2") == pytest.approx(4.76)
    assert _species(out, "PM2.5") == pytest.approx(0.1155)
    assert _species(out, "PM10") == pytest.approx(0.3105)
    assert _species(out, "NOx") == pytest.approx(4.0)


def test_power_pc_and_cfb_parameters_differ_from_industry() -> None:
    """表C.1/C.2: CFB ar 0.44 and f_PM10 0.29 in power, 0.40 and 0.20 in industry."""
    assert coal_factors(0.01, 0.2, sector="power", technology="cfb_boiler")["PM10"] == \
        pytest.approx(0.2 * 0.56 * 0.29 * 1000)
    assert coal_factors(0.01, 0.2, sector="industry", technology="cfb_boiler")["PM10"] == \
        pytest.approx(24.0)
    power = compute(_act(POWER, "cfb_boiler"))
    assert _species(power, "PM10") == pytest.approx(32.48)
    assert _species(power, "NOx") == pytest.approx(8.19)


def test_power_heat_and_industry_coal_nox_differ() -> None:
    """1000 t raw coal on a pulverised-coal boiler: power generation 8.19 t NOx (表D.1 电力生产,
    100–300 MW), heat-only 8.85 t (表D.1 热力生产和供应, technology 供热煤粉炉), industry 5.47 t
    (表E.7); VOCs 0.04, 0.18 and 2.16 t."""
    rows = [("济南市", 2020, POWER, "原煤", "煤粉炉", 1000, "t"),
            ("淄博市", 2020, POWER, "原煤", "供热煤粉炉", 1000, "t"),
            ("威海市", 2020, "Others", "原煤", "煤粉炉", 1000, "t")]
    out = compute(pd.DataFrame(rows, columns=ACT))
    nox = out[out["species"] == "NOx"].set_index("region")["value"]
    voc = out[out["species"] == "VOCs"].set_index("region")["value"]
    assert nox.to_dict() == pytest.approx({"济南市": 8.19, "淄博市": 8.85, "威海市": 5.47})
    assert voc.to_dict() == pytest.approx({"济南市": 0.04, "淄博市": 0.18, "威海市": 2.16})


def _write(tmp_path, rows: list[tuple], name: str = "city.csv"):
    path = tmp_path / name
    pd.DataFrame(rows, columns=["sector", "fuel", "technology", "species", "value",
                                "unit"]).to_csv(path, index=False)
    return path


def test_user_file_overlays_the_default_and_is_named(tmp_path) -> None:
    path = _write(tmp_path, [(POWER, "Raw_Coal", "", "NOx", 6.0, "g/kg"),
                             ("*", "*", "scr", "NOx", 70, "%")])
    fs = factor_sets.load(path)
    assert "city" in fs.label and "T/CSES" in fs.label
    ctl = pd.DataFrame([("济南市", 2020, POWER, "Raw_Coal", "scr", 1.0, None)], columns=CTL)
    out = compute(_act(), factors=str(path), controls=ctl)
    assert _species(out, "NOx") == pytest.approx(1000 * 6.0 * (1 - 0.70) / 1000)
    assert _species(out, "PM2.5") == pytest.approx(9.0)  # not in the file: default set
    assert out.attrs["factor_set"] == fs.label


@pytest.mark.parametrize(("rows", "message", "row"), [
    ([(POWER, "Raw_Coal", "", "SO2", 17, "g/t")], "times the default", 2),
    ([(POWER, "Raw_Coal", "", "SO2", 17, "g/km")], "does not fit", 2),
    ([("*", "*", "bag_filter", "PM2.5", 1.2, "1")], "outside 0–1", 2),
    ([("*", "*", "esp", "NOx", 120, "%")], "outside 0–1", 2),
    ([("*", "*", "bag_filter", "PM10", 0.95, "1"), ("*", "*", "bag_filter", "PM2.5", 0.99, "1")],
     "PM2.5 removal efficiency above the PM10", 3),
    ([(POWER, "Raw_Coal", "", "PM10", 30, "kg/t"), (POWER, "Raw_Coal", "", "PM2.5", 40, "kg/t")],
     "PM2.5 factor above the PM10 factor", 3),
    ([(POWER, "Raw_Coal", "沸腾炉X", "NOx", 8, "kg/t")], "unknown technology", 2),
    ([(POWER, "Raw_Coal", "", "NOx", 8, "kg")], "does not fit", 2),
    ([("*", "煤炭X", "scr", "NOx", 40, "%")], "unknown fuel", 2),
])
def test_bad_user_file_names_the_row(tmp_path, rows, message, row) -> None:
    path = _write(tmp_path, rows)
    with pytest.raises(ValidationFailed) as err:
        factor_sets.load(path)
    problems = err.value.problems
    assert any(message in p.message and p.row == row and p.file == str(path)
               for p in problems), [p.message for p in problems]


def test_chinese_names_in_a_user_file_resolve_to_codes(tmp_path) -> None:
    """行业/能源品种/技术 in Chinese: 煤粉炉 NOx 6 g/kg on 1000 t → 6 t."""
    path = tmp_path / "城市因子.csv"
    pd.DataFrame([("电力、热力的生产和供应业", "原煤", "煤粉炉", "NOx", 6, "g/kg")],
                 columns=["行业", "能源品种", "技术", "物种", "数值", "单位"]).to_csv(
        path, index=False, encoding="utf-8-sig")
    out = compute(_act(POWER, "pulverized_coal_boiler"), factors=str(path))
    assert _species(out, "NOx") == pytest.approx(6.0)


def test_the_example_city_file_loads() -> None:
    from cocontrol.demo import examples_dir

    fs = factor_sets.load(examples_dir() / "factor_sets" / "jinan_measured_example.csv")
    assert len(fs.emission) > 0 and "jinan_measured_example" in fs.label


def test_unknown_set_name_is_refused() -> None:
    from cocontrol.errors import InputError

    with pytest.raises(InputError, match="unknown factor set"):
        factor_sets.load("tcses2099")


def test_cli_factors_option_names_the_set(tmp_path) -> None:
    from typer.testing import CliRunner

    from cocontrol.cli import app

    act = tmp_path / "a.csv"
    _act().to_csv(act, index=False)
    runner = CliRunner()
    out = tmp_path / "inv.xlsx"
    res = runner.invoke(app, ["inventory", "compute", str(act), "-o", str(out),
                              "--factors", "previous"])
    assert res.exit_code == 0, res.output
    assert "旧版默认值" in res.output
    about = pd.read_excel(out, sheet_name="说明", header=None)
    assert about[1].astype(str).str.contains("旧版默认值").any()
    bad = _write(tmp_path, [("*", "*", "bag_filter", "PM2.5", 1.5, "1")], "bad.csv")
    done = subprocess.run([sys.executable, "-m", "cocontrol", "inventory", "compute", str(act),
                           "-o", str(tmp_path / "x.csv"), "--factors", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "不在 0–1 之间" in done.stderr + done.stdout
    assert "第 2 行" in done.stderr + done.stdout
    assert not (tmp_path / "x.csv").exists()


def test_display_label_comes_from_the_registry_in_either_language() -> None:
    """One definition: the web page and the CLI summary name a set by ``factor_sets.csv``."""
    zh = "T/CSES 144—2024 城市大气污染源排放清单编制技术指南（默认）"
    assert factor_sets.display_label() == zh == factor_sets.load().label
    assert factor_sets.display_label(zh, "en") == ("T/CSES 144—2024 urban air-pollutant "
                                                   "inventory guideline (default)")
    assert factor_sets.display_label("previous").startswith("旧版默认值")
    assert factor_sets.display_label("某市实测因子表.xlsx") == "某市实测因子表.xlsx"
