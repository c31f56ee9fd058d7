"""同类城市比较: ranks against a hand-worked case, and the section in every output format."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import docx
import openpyxl
import pandas as pd
import pytest

from cocontrol import demo
from cocontrol.reports.annual import build_annual
from cocontrol.reports.html import render_html
from cocontrol.reports.model import Figure, Paragraph, Table
from cocontrol.reports.peers import TITLE, peer_ranking, peer_section
from cocontrol.reports.workspace import Results, Workspace, gather
from cocontrol.reports.write import write_report
from cocontrol.synergy import composite_index, rank_regions
from cocontrol.synergy.system import Indicator, IndicatorSystem

DAY = dt.date(2026, 1, 15)
CITIES = ["甲市", "乙市", "丙市"]


def _indicator(id_: str, direction: int, dimension: str) -> Indicator:
    return Indicator(id_, f"指标{id_}", "%", direction, dimension, "shared", "hand")


def hand_result() -> SimpleNamespace:
    """Three cities, 2023, three indicators, fixed weights W = a 0.4, b 0.2, c 0.4.

    values        a (+)  b (−)  c (+)      min–max x'         a    b    c
      甲市         10     5      2                    甲市    0    0    0.5
      乙市         20     3      1                    乙市    1    1    0
      丙市         15     4      3                    丙市    0.5  0.5  1

    index = 100·Σ W x': 甲 20, 乙 60, 丙 70 → 丙 1, 乙 2, 甲 3.
    Contributions of 乙: a 40 (others' best 20 → margin +20, rank 1), b 20 (margin +10,
    rank 1), c 0 (丙 40 → rank 3, 40 points behind). Strongest a (rank 1, larger margin),
    weakest c. Dimensions (within weights a 2/3, b 1/3; c 1): 目标协同 甲 0, 乙 1, 丙 0.5;
    效应协同 甲 0.5, 乙 0, 丙 1 → 乙 ranks 1st and 3rd.
    """
    system = IndicatorSystem(
        name="hand", dimensions=(("goal", "目标协同"), ("effect", "效应协同")),
        indicators=(_indicator("a", 1, "goal"), _indicator("b", -1, "goal"), _indicator("c", 1, "effect")))
    values = pd.DataFrame(
        [(city, 2023, ind, v) for city, row in zip(CITIES, [(10, 5, 2), (20, 3, 1), (15, 4, 3)], strict=True)
         for ind, v in zip("abc", row, strict=True)],
        columns=["region", "year", "indicator", "value"])
    result = composite_index(values, system, fixed={"a": 0.4, "b": 0.2, "c": 0.4})
    ranking, contributions = rank_regions(result.scores, result.contributions)
    return SimpleNamespace(index=result.scores, weights=result.weights, ranking=ranking,
                           contributions=contributions, notes=[])


def test_ranks_match_the_hand_worked_case():
    p = peer_ranking(hand_result(), "乙市", 2025)
    assert p is not None and (p.year, p.rank, p.n) == (2023, 2, 3)
    assert p.cities["region"].tolist() == ["丙市", "乙市", "甲市"]
    assert p.cities["index"].tolist() == pytest.approx([70, 60, 20])
    assert p.dimension_ranks == {"目标协同": 1, "效应协同": 3}
    c = p.components
    assert c["contribution"].tolist() == pytest.approx([40, 20, 0])
    assert c["rank"].tolist() == [1, 1, 3]
    assert c["margin"].tolist() == pytest.approx([20, 10, -40])
    assert c.loc["c", "best_region"] == "丙市" and c.loc["c", "gap_to_best"] == pytest.approx(40)
    assert p.parts["乙市"] == pytest.approx({"目标协同": 60, "效应协同": 0})
    assert "排名第2（共3个城市）" in p.reading
    assert "首位为丙市（70.0），本市低10.0。" in p.reading
    assert "目标协同排名第1、效应协同排名第3" in p.reading
    assert "相对最强的是“指标a”（排名第1，领先其余城市最好水平20.00个指数点）" in p.reading
    assert "相对最弱的是“指标c”（排名第3，落后于丙市40.00个指数点）" in p.reading


def test_leader_and_a_region_without_index():
    p = peer_ranking(hand_result(), "丙市", 2023)
    assert p.rank == 1 and "居首位" in p.reading
    assert peer_ranking(hand_result(), "丁市", 2023) is None
    assert peer_ranking(hand_result(), "乙市", 2022) is None  # no index up to 2022


def _results(peers, regions=CITIES) -> Results:
    return Results(region="乙市", year=2025, plans=[], peers=peers, peer_regions=list(regions))


def _texts(section) -> list[str]:
    return [b.text for b in section.blocks if isinstance(b, Paragraph)]


def test_one_city_says_so_instead_of_ranking():
    sec = peer_section(_results(None, ["乙市"]))
    assert [type(b) for b in sec.blocks] == [Paragraph]
    assert "仅有乙市一个城市" in _texts(sec)[0] and "不作同类城市排名" in _texts(sec)[0]
    alone = hand_result()
    alone.ranking = alone.ranking[alone.ranking["region"] == "乙市"]
    sec = peer_section(_results(alone))
    assert _texts(sec) == ["2023年仅有乙市一个城市有完整的协同度指标值，不作同类城市排名。"]


@pytest.fixture(scope="module")
def peer_report():
    return build_annual(_results(hand_result()), date=DAY)


def test_section_blocks(peer_report):
    sec = next(s for s in peer_report.sections if s.title == TITLE)
    assert sec.blocks[0].text.endswith("（2025年指标数据尚未齐全，采用有完整指标的最近年份2023年。）")
    kinds = [type(b) for b in sec.blocks]
    assert kinds == [Paragraph, Table, Figure, Table]
    table = sec.blocks[1]
    assert [c.header for c in table.columns] == ["排名", "城市", "综合指数", "目标协同", "效应协同"]
    assert [row[:3] for row in table.rows] == [[1, "丙市", pytest.approx(70)], [2, "乙市", pytest.approx(60)],
                                               [3, "甲市", pytest.approx(20)]]
    assert any(a.title == "方法：同类城市比较" for a in peer_report.annex)


def test_section_in_docx(peer_report, tmp_path):
    doc = docx.Document(str(write_report(peer_report, tmp_path / "a.docx")))
    texts = [p.text for p in doc.paragraphs]
    assert "五、同类城市比较" in texts
    start = texts.index("五、同类城市比较")
    assert any("排名第2（共3个城市）" in t for t in texts[start:start + 4])
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["排名", "城市", "综合指数", "目标协同", "效应协同"] in headers
    ranked = next(t for t in doc.tables if t.rows[0].cells[0].text == "排名")
    assert [r.cells[1].text for r in ranked.rows[1:]] == ["丙市", "乙市", "甲市"]
    assert any("同类城市减污降碳协同度综合指数及维度构成" in t for t in texts)
    assert len(doc.inline_shapes) >= 1


def test_section_in_xlsx(peer_report, tmp_path):
    wb = openpyxl.load_workbook(write_report(peer_report, tmp_path / "a.xlsx"))
    name = next(n for n in wb.sheetnames if n.endswith("同类城市排名"))
    rows = list(wb[name].iter_rows(values_only=True))
    assert rows[0][:3] == ("排名", "城市", "综合指数")
    assert [(r[0], r[1]) for r in rows[1:4]] == [(1, "丙市"), (2, "乙市"), (3, "甲市")]
    assert rows[1][2] == pytest.approx(70)
    components = next(n for n in wb.sheetnames if n.endswith("同类城市指标比较"))
    got = {r[0]: r[4] for r in wb[components].iter_rows(min_row=2, values_only=True) if r[0] and r[0].startswith("指标")}
    assert got == {"指标a": 1, "指标b": 1, "指标c": 3}


def test_section_in_html_and_pdf(peer_report, tmp_path):
    text = re.sub(r"<[^>]+>", "", render_html(peer_report))
    assert "五、同类城市比较" in text and "排名第2（共3个城市）" in text
    assert "同类城市减污降碳协同度综合指数排名（2023年）" in text
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("weasyprint")
    reader = pypdf.PdfReader(str(write_report(peer_report, tmp_path / "a.pdf")))
    pdf_text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert "同类城市比较" in pdf_text and "共3个城市" in pdf_text


def test_gather_one_demo_city_has_nothing_to_rank():
    """A workspace with one city's activity: the inventory runs, the section says there is no ranking."""
    ws = Workspace(activity=demo.activity("荣成"), controls=demo.controls("荣成"),
                   statistics=demo.statistics("荣成"), known_regions={"荣成市"})
    res = gather("荣成", 2025, ws, layers=("inventory", "peers"))
    assert res.peer_regions == ["荣成市"] and res.peers is None and "peers" not in res.gaps
    assert "仅有荣成市一个城市" in _texts(peer_section(res))[0]
