"""The shared template header style (cocontrol.excel)."""

from openpyxl import Workbook, load_workbook

from cocontrol.excel import HEADER_FILL, header_row


def test_header_row_names_the_sheet_and_styles_row_one(tmp_path) -> None:
    book = Workbook()
    header_row(book.active, "活动水平", ["地区", "年份"])
    book.active.append(["济南市", 2020])
    path = tmp_path / "t.xlsx"
    book.save(path)
    sheet = load_workbook(path)["活动水平"]
    assert [c.value for c in sheet[1]] == ["地区", "年份"]
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith(HEADER_FILL) for c in sheet[1])
    assert not sheet["A2"].font.bold
