"""Reading control-technology files (治理技术普及率): GBK CSV, Excel, every bad row listed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cocontrol import refdata
from cocontrol.data.controls import read_controls
from cocontrol.errors import ValidationFailed
from cocontrol.inventory import factors as fx

POWER_ZH = "电力、热力的生产和供应业"
POWER = "Production and Supply of Electric Power, Steam and Hot Water"
HEADER = "地区,年份,行业,能源品种,治理技术,普及率,适用技术\n"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "controls"


def test_gbk_csv_with_chinese_headers_names_and_percent(tmp_path) -> None:
    """普及率 is a share; "85%" is read as 0.85; 选择性催化还原 is ``scr``, 煤粉炉 the
    activity technology ``pulverized_coal_boiler``; an empty 适用技术 means all."""
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + f"济南市,2020,{POWER_ZH},原煤,选择性催化还原,85%,煤粉炉\n"
                      f"济南市,2020,{POWER_ZH},原煤,limestone_gypsum_wet_fgd,0.6,\n"
                      ).encode("gbk"))
    ctl = read_controls(path)
    assert list(ctl.index) == [2, 3]
    assert ctl["sector"].tolist() == [POWER, POWER]
    assert ctl["fuel"].tolist() == ["Raw_Coal", "Raw_Coal"]
    assert ctl["technology"].tolist() == ["scr", "limestone_gypsum_wet_fgd"]
    assert ctl["applies_to"].tolist() == ["pulverized_coal_boiler", ""]
    assert ctl["penetration"].tolist() == pytest.approx([0.85, 0.6], rel=1e-15)
    assert ctl.attrs["file"] == str(path)
    # T/CSES 144—2024 表A.1: SCR 42 %, 石灰石/石膏法 80 %
    # NOx on 煤粉炉 1 − 0.85 × 0.42 = 0.643; SO2 generic 1 − 0.6 × 0.80 = 0.52
    mult = fx.control_multipliers(ctl).set_index(["applies_to", "species"])["ctrl"]
    assert mult.to_dict() == pytest.approx({("pulverized_coal_boiler", "NOx"): 0.643,
                                            ("", "SO2"): 0.52}, rel=1e-12)


def test_excel_with_percent_column(tmp_path) -> None:
    """Header 普及率(%): numbers are percent, 70 → 0.7; Excel cells read as numbers."""
    path = tmp_path / "ctl.xlsx"
    frame = pd.DataFrame([("淄博市", 2021, "非金属矿物制品业", "cement_clinker", "sncr", 70,
                           "新型干法窑")],
                         columns=["地区", "年份", "行业", "能源品种", "治理技术", "普及率(%)",
                                  "适用技术"])
    frame.to_excel(path, sheet_name="治理", index=False)
    ctl = read_controls(path, sheet="治理")
    assert ctl.attrs["sheet"] == "治理"
    r = ctl.iloc[0]
    assert (r["sector"], r["fuel"], r["technology"], r["applies_to"]) == (
        "Nonmetal Mineral Products", "cement_clinker", "sncr", "new_dry_process_kiln")
    assert r["penetration"] == pytest.approx(0.7, rel=1e-15)
    # default set: T/CSES 144—2024 表A.1 has one SNCR row (30 %), no cement row:
    # 1 − 0.7 × 0.30 = 0.79
    assert fx.control_multipliers(ctl)["ctrl"].tolist() == pytest.approx([0.79], rel=1e-12)
    # previous set: the cement-kiln row η 0.5 beats the generic 0.4: 1 − 0.7 × 0.5 = 0.65
    previous = refdata.load("control_technologies_previous")
    assert fx.control_multipliers(ctl, efficiency=previous)["ctrl"].tolist() == pytest.approx(
        [0.65], rel=1e-12)


def test_every_bad_row_is_listed_with_file_sheet_row_column(tmp_path) -> None:
    path = tmp_path / "bad.xlsx"
    rows = [("济南市", 2020, POWER_ZH, "原煤", "scr", 0.5, None),        # 2 fine
            ("济南市", "二〇二〇", POWER_ZH, "原煤", "esp", 0.5, None),   # 3 bad year
            ("济南市", 2020, POWER_ZH, "原媒", "sncr", 0.3, None),       # 4 unknown fuel
            ("济南市", 2020, POWER_ZH, "原煤", "magic_filter", 0.2, None),  # 5 unknown control
            ("济南市", 2020, POWER_ZH, "原煤", "scr", 85, "层燃炉"),       # 6 85 is not a share
            ("济南市", 2020, POWER_ZH, "原煤", "scr", 0.2, "国五"),        # 7 vehicle std for coal
            (None, 2020, POWER_ZH, "原煤", "bag_filter", None, None),     # 8 region, penetration
            ("济南市", 2020, "Others", "天然气", "ultra_low_emission", 0.5, None),  # 9 power only
            ("济南市", 2020, POWER_ZH, "原煤", "scr", 0.5, None)]         # 10 duplicate of 2
    pd.DataFrame(rows, columns=["地区", "年份", "行业", "能源品种", "治理技术", "普及率",
                                "适用技术"]).to_excel(path, sheet_name="S1", index=False)
    with pytest.raises(ValidationFailed) as err:
        read_controls(path)
    problems = err.value.problems
    got = {(p.row, p.column) for p in problems}
    assert got >= {(3, "year"), (4, "fuel"), (5, "technology"), (6, "penetration"),
                   (7, "applies_to"), (8, "region"), (8, "penetration"), (9, "technology")}
    assert {p.row for p in problems} == {2, 3, 4, 5, 6, 7, 8, 9, 10}  # 2 and 10: duplicate
    assert all(p.file == str(path) and p.sheet == "S1" for p in problems)
    by = {(p.row, p.column): p for p in problems}
    assert "原煤" in by[(4, "fuel")].message  # did you mean 原煤
    assert "85%" in by[(6, "penetration")].expected
    assert "grate_boiler" in by[(7, "applies_to")].expected


def test_missing_columns_are_named(tmp_path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("地区,年份,行业,能源品种\n济南市,2020,Others,原煤\n", encoding="utf-8-sig")
    with pytest.raises(ValidationFailed) as err:
        read_controls(path)
    assert {p.column for p in err.value.problems} == {"technology", "penetration"}


@pytest.mark.parametrize("slug", ["jinan", "zibo", "weihai", "rongcheng"])
def test_shipped_examples_read(slug: str) -> None:
    ctl = read_controls(EXAMPLES / f"{slug}.csv")
    assert len(ctl) > 0 and (ctl["applies_to"] == "").all()
    assert ctl["penetration"].between(0, 1).all()


def test_the_template_workbook_carries_activity_and_controls(tmp_path) -> None:
    """One filled template feeds both: activity from the first sheet, controls from 治理技术.

    Example rows: 电力 原煤 1000 万吨 = 1e7 t; NOx factor of power raw coal 8.19 kg/t
    (T/CSES 144—2024 表D.1, 100–300 MW) → 81 900 t uncontrolled; SCR (表A.1 η = 0.42) on 85 %
    → 81 900 × (1 − 0.85 × 0.42) = 52 661.7 t NOx.
    CO2 is untouched by the control."""
    from cocontrol.data.activity import read_activity
    from cocontrol.data.template import write_template
    from cocontrol.inventory import compute

    path = write_template(tmp_path / "模板.xlsx")
    controls = read_controls(path)
    assert controls.attrs["sheet"] == "治理技术"
    row = controls.iloc[0]
    assert (row["technology"], row["applies_to"], row["penetration"]) == ("scr", "", 0.85)
    activity = read_activity(path)
    with_ctl = compute(activity, controls=controls)
    without = compute(activity)

    def total(frame, species):
        return frame.loc[frame["species"] == species, "value"].sum()

    assert total(with_ctl, "NOx") == pytest.approx(52_661.7, rel=1e-9)
    assert total(without, "NOx") == pytest.approx(81_900, rel=1e-9)
    assert total(with_ctl, "CO2") == total(without, "CO2")
