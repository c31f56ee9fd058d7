"""The scenario run's Excel export (an analyst's workbook): tables as written."""
from openpyxl import load_workbook

from cocontrol.scenarios import io


def test_no_peak_is_a_blank_year_not_year_zero(city_result, tmp_path):
    out = io.write(city_result, tmp_path / "run.xlsx")
    sheet = load_workbook(out, read_only=True)["达峰年份分布"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header == ("scenario", "year", "share", "peaked")
    assert all(year != 0 for _, year, _, _ in body)
    no_peak = [r for r in body if r[3] is False]
    assert no_peak and all(year is None for _, year, _, _ in no_peak)
    assert all(isinstance(year, int) for _, year, _, peaked in body if peaked)
    for name in {r[0] for r in body}:  # every draw is counted once: peaked in one year or not at all
        assert abs(sum(r[2] for r in body if r[0] == name) - 1.0) < 1e-9
