"""Reading and validating activity files: every offending row with file, sheet, row, column."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.data.activity import read_activity, unit_multiplier
from cocontrol.data.names import fuels, sectors
from cocontrol.data.template import write_template
from cocontrol.errors import ValidationFailed

HEADER = "地区,年份,行业,能源品种,数值,单位\n"
POWER_ZH = "电力、热力的生产和供应业"
POWER = "Production and Supply of Electric Power, Steam and Hot Water"


def test_gbk_csv_with_chinese_headers_and_names(tmp_path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + f"济南市,2020,{POWER_ZH},原煤,12.5,万吨\n"
                      "济南市,2020,交通运输、仓储和邮政业,柴油,3,万吨\n"
                      "济南市,2020,城镇居民生活消费,天然气,4,万立方米\n").encode("gbk"))
    act = read_activity(path)
    assert list(act["fuel"]) == ["Raw_Coal", "Diesel_Oil", "Natural_Gas"]
    assert act["sector"].iloc[0] == POWER
    assert act["sector"].iloc[2] == "Urban"
    assert list(act.index) == [2, 3, 4]
    assert act["month"].isna().all()


def test_every_bad_row_is_listed_with_its_place(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER
                    + f"济南市,2020,{POWER_ZH},原媒,10,万吨\n"        # 2 unknown fuel
                    + f"济南市,2020,{POWER_ZH},原煤,-1,万吨\n"        # 3 negative (+ dup with 4)
                    + f"济南市,2020,{POWER_ZH},原煤,,tce\n"           # 4 missing value (+ dup)
                    + f"济南市,2020,{POWER_ZH},天然气,5,万吨\n"       # 5 unit mismatch
                    + "济南市,2020,钢铁业X,焦炭,5,tce\n"             # 6 unknown sector
                    + "济南市,2020,Nonmetal Mineral Products,cement_clinker,5,tce\n",  # 7 tce
                    encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        read_activity(path)
    problems = err.value.problems
    by_row = {}
    for p in problems:
        by_row.setdefault(p.row, set()).add(p.column)
        assert p.file == str(path)
    assert by_row[2] == {"fuel"}
    assert by_row[3] == {"value", "region/year/month/sector/fuel/technology/facility"}
    assert by_row[4] == {"value", "region/year/month/sector/fuel/technology/facility"}
    assert by_row[5] == {"unit"}
    assert by_row[6] == {"sector"}
    assert by_row[7] == {"unit"}
    text = str(err.value)
    assert "did you mean 原煤" in text
    assert "row 7" in text


def test_excel_sheet_is_named_in_errors(tmp_path) -> None:
    path = tmp_path / "a.xlsx"
    frame = pd.DataFrame({"地区": ["济南市", "济南市"], "年份": [2020, 2020],
                          "行业": [POWER_ZH, POWER_ZH], "能源品种": ["原煤", "柴油"],
                          "数值": [1.0, -2.0], "单位": ["t", "t"]})
    with pd.ExcelWriter(path) as xl:
        frame.to_excel(xl, sheet_name="数据", index=False)
    with pytest.raises(ValidationFailed) as err:
        read_activity(path, sheet="数据")
    (problem,) = err.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("数据", 3, "value")


def test_template_round_trip(tmp_path) -> None:
    path = write_template(tmp_path / "t.xlsx")
    act = read_activity(path)
    assert len(act) == 1 and act["fuel"].iloc[0] == "Raw_Coal" and act["unit"].iloc[0] == "万吨"
    from openpyxl import load_workbook

    book = load_workbook(path)
    assert book.sheetnames[0] == "活动水平" and "说明" in book.sheetnames


def test_unit_multipliers() -> None:
    """万吨 → t ×1e4; 1 tce = 29.3076 GJ / 20.908 GJ/t = 1.401741 t raw coal;
    亿立方米 = 1e4 万立方米."""
    assert unit_multiplier("Raw_Coal", "万吨") == 1e4
    assert unit_multiplier("Raw_Coal", "tce") == pytest.approx(29.3076 / 20.908, rel=1e-12)
    assert unit_multiplier("Natural_Gas", "亿立方米") == pytest.approx(1e4)


def test_names_and_suggestions() -> None:
    assert fuels().resolve("Raw coal") == "Raw_Coal"
    assert fuels().resolve("ＬＰＧ") == "LPG"
    assert sectors().resolve("39") == POWER
    assert fuels().suggest("原媒")[0] == "原煤"


def test_template_technology_column(tmp_path) -> None:
    """The 技术类型 column is read back: 层燃炉 → grate_boiler; the example row stays default."""
    from openpyxl import load_workbook

    path = write_template(tmp_path / "t.xlsx")
    book = load_workbook(path)
    sheet = book["活动水平"]
    sheet.append(["济南市", 2020, None, "电力、热力的生产和供应业", "原煤", "层燃炉", "G1", 5, "万吨"])
    book.save(path)
    act = read_activity(path)
    assert act["technology"].isna().iloc[0]
    assert act["technology"].iloc[1] == "grate_boiler"


def test_gbt4754_2017_and_yearbook_household_names_are_sectors() -> None:
    """GB/T 4754-2017 writes 黑色金属冶炼和压延加工业 where CEADs has …及…; yearbooks write
    居民生活 as 城镇 / 乡村 — both resolve to the CEADs sector."""
    from cocontrol.data import names

    resolve = names.sectors().resolve
    assert resolve("黑色金属冶炼和压延加工业") == "Smelting and Pressing of Ferrous Metals"
    assert resolve("化学原料和化学制品制造业") == "Raw Chemical Materials and Chemical Products"
    assert (resolve("城镇"), resolve("乡村")) == ("Urban", "Rural")


def test_header_only_table_is_refused(tmp_path) -> None:
    """A file with the header and no rows is an error (not an inventory of 0 rows)."""
    path = tmp_path / "empty.csv"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        read_activity(path)
    (problem,) = err.value.problems
    assert problem.message == "no activity rows" and problem.file.endswith("empty.csv")
