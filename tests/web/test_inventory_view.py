"""The inventory page's pollutant chart (view model, no server)."""

from __future__ import annotations

import pandas as pd
import pytest

from cocontrol.web.views import pollutant_chart


def test_top_sectors_stacked_by_pollutant_rest_summed() -> None:
    """12 sectors with SO2 = 12 − i t and NOx = 1 t each, CO2 ignored: the ten largest by
    SO2 + NOx in order with their Chinese names, the last two (SO2 2 + 1, NOx 1 + 1) as 其他."""
    sectors = ["Others", "Urban", "Rural", *[f"sector {i}" for i in range(3, 12)]]
    rows = [(s, "SO2", 12.0 - i, "t") for i, s in enumerate(sectors)]
    rows += [(s, "NOx", 1.0, "t") for s in sectors] + [("Urban", "CO2", 1e6, "t")]
    option = pollutant_chart(pd.DataFrame(rows, columns=["sector", "species", "value", "unit"]), 2023)
    labels = [c["value"] for c in option["yAxis"]["data"]]
    assert labels[:4] == ["其他行业", "城镇居民生活消费", "乡村居民生活消费", "sector 3"]
    assert len(labels) == 11 and labels[-1] == "其他"
    series = {s["name"]: [d["value"] for d in s["data"]] for s in option["series"]}
    assert list(series) == ["SO2", "NOx"]
    assert series["SO2"][:2] == [12.0, 11.0] and series["SO2"][-1] == 3.0
    assert series["NOx"][-1] == 2.0
    assert "2023" in option["title"]["text"] and option["xAxis"]["name"] == "吨"


def test_bar_totals_written_as_the_table_writes_pollutants() -> None:
    """A sector with SO2 45,080.4 t and NOx 19,184.4 t: its bar reads 64,265 (吨, no decimals,
    thousands grouped — registry figure ``pollutant``), as the summary table beside it."""
    frame = pd.DataFrame([("Urban", "SO2", 45_080.4, "t"), ("Urban", "NOx", 19_184.4, "t")],
                         columns=["sector", "species", "value", "unit"])
    option = pollutant_chart(frame, 2023)
    labels = [d["label"]["formatter"] for s in option["series"] for d in s["data"] if "label" in d]
    assert labels == ["64,265"]


def test_no_pollutant_rows_no_chart() -> None:
    frame = pd.DataFrame([("Urban", "CO2", 5.0, "t")], columns=["sector", "species", "value", "unit"])
    assert pollutant_chart(frame, 2023) is None


def test_english_page_gets_english_names() -> None:
    frame = pd.DataFrame([("Urban", "SO2", 2.0, "t"), ("Others", "NOx", 1.0, "t")],
                         columns=["sector", "species", "value", "unit"])
    option = pollutant_chart(frame, 2023, n=1, lang="en")
    assert [c["value"] for c in option["yAxis"]["data"]] == ["Urban", "rest"]
    assert option["title"]["text"] == "Main air pollutants by sector (2023)"
    assert option["xAxis"]["name"] == "t"


def test_sector_summary_keeps_scope_2_apart() -> None:
    """Scope 2 (purchased electricity and heat) is shown beside, never added to, the direct CO2:
    a sector with 3 t direct and 2 t purchased CO2 shows 0.0003 万吨 and 0.0002 万吨 apart, and
    its pollutants only from scope 1 rows."""
    import pandas as pd

    from cocontrol.web.views import sector_summary

    rows = pd.DataFrame({"sector": ["Urban", "Urban", "Urban", "Rural"],
                         "species": ["CO2", "CO2", "SO2", "CO2"], "scope": [1, 2, 1, 2],
                         "value": [3.0, 2.0, 5.0, 7.0]})
    out = {r["code"]: r for r in sector_summary(rows)}
    assert out["Urban"]["CO2"] == pytest.approx(3e-4) and out["Urban"]["CO2_scope2"] == pytest.approx(2e-4)
    assert out["Urban"]["SO2"] == 5.0
    assert "CO2" not in out["Rural"] and out["Rural"]["CO2_scope2"] == pytest.approx(7e-4)


def test_uncertainty_rows_largest_first_total_last(tmp_path) -> None:
    """The 不确定性 table lists sectors as the summary above it does — largest CO2 first, 合计
    last (it came in the order of the English sector codes, which reads as no order in Chinese)."""
    from cocontrol.web.views import co2_uncertainty

    rows = pd.DataFrame({"region": "济南市", "year": 2023, "sector": ["Construction", "Urban", "Nonmetal Mineral Products"],
                         "fuel": "Raw_Coal", "species": "CO2", "value": [2.0e5, 3.0e6, 7.0e6], "unit": "t",
                         "scope": 1})
    path = tmp_path / "inv.parquet"
    rows.to_parquet(path)
    gaps: dict[str, str] = {}
    out = co2_uncertainty(path, 2023, gaps)
    assert not gaps, gaps
    assert [r["sector"] for r in out] == ["Nonmetal Mineral Products", "Urban", "Construction", "total"]
    assert out[-1]["value"] == pytest.approx(1.02e7)


def test_a_failed_uncertainty_is_a_chinese_sentence_and_a_log_line(tmp_path, monkeypatch, caplog) -> None:
    """When the uncertainty computation fails the page's gap is a Chinese sentence (no exception
    type, no message); the exception goes to the operators' log."""
    import logging

    from cocontrol.inventory import uncertainty
    from cocontrol.web.views import UNCERTAINTY_FAILED, co2_uncertainty

    path = tmp_path / "em.parquet"
    pd.DataFrame({"region": ["济南市"], "year": [2023], "sector": ["Urban"], "fuel": ["Raw_Coal"],
                  "species": ["CO2"], "value": [1.0], "unit": ["t"], "scope": [1]}).to_parquet(path)

    def broken(*a, **k):
        raise ZeroDivisionError("float division by zero")
    monkeypatch.setattr(uncertainty, "error_propagation", broken)
    gaps: dict[str, str] = {}
    with caplog.at_level(logging.ERROR):
        assert co2_uncertainty(path, 2023, gaps) is None
    assert gaps == {"uncertainty": UNCERTAINTY_FAILED}
    assert "Error" not in gaps["uncertainty"] and "division" not in gaps["uncertainty"]
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
