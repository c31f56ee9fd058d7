"""One truth on every surface: the same region and year through the web pages, the JSON API,
the Word/PDF/Excel reports and the CLI show the same figures at their displayed precision —
CO2 and APeq by year, ΔCO2/ΔAPeq by sector with the synergy class, each target's status with
the value and year it was judged from. All surfaces read one store (the seeded demo cities)."""

from __future__ import annotations

import html
import io
import re
from collections import Counter

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from cocontrol.cli import app as cli
from cocontrol.figures import display
from cocontrol.figures.synergy import CLASSES_ZH
from cocontrol.store.db import dispose_engines
from cocontrol.web.app import create_app
from cocontrol.web.settings import Settings
from cocontrol.web.testing import PASSWORD, login, settle

REGION, YEAR = "济南市", 2023
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def surfaces(seeded_home, tmp_path_factory):
    home = tmp_path_factory.mktemp("one-truth")
    mp = pytest.MonkeyPatch()
    mp.setenv("COCONTROL_HOME", str(home))
    mp.delenv("COCONTROL_DATABASE_URL", raising=False)
    mp.delenv("COCONTROL_EXAMPLES", raising=False)
    url = seeded_home(home, home / "cocontrol.db")  # the session's seeded platform, copied
    app = create_app(Settings(database_url=url, home=home, admin_password=PASSWORD, secret_key="test", year=None,
                              refresh_processes=False, seed=False))
    settle(app, [REGION], YEAR)
    settle(app, [REGION])  # the inventory explorer reads the results of the default year
    client = login(app, "admin")
    api = {name: client.get(f"/api/{name}", params={"region": REGION, "year": YEAR, "wait": 300}).json()
           for name in ("overview", "synergy")}
    for name, by in (("by_species", ["species"]), ("by_species_scope", ["species", "scope"])):
        api[name] = client.get("/api/inventory", params={"region": REGION, "year": YEAR, "by": by,
                                                         "wait": 300}).json()
    pages = {name: client.get(f"/{name}", params={"region": REGION, "year": YEAR}).text
             for name in ("overview", "synergy", "inventory")}
    runner = CliRunner()
    files = {}
    for fmt in ("xlsx", "docx", "pdf"):
        out = home / f"report.{fmt}"
        result = runner.invoke(cli, ["report", "annual", "--region", "济南", "--year", str(YEAR), "-o", str(out)])
        assert result.exit_code == 0, result.output
        files[fmt] = out.read_bytes()
    yield api, pages, files
    mp.undo()
    dispose_engines()


def _sheet(book: openpyxl.Workbook, caption: str) -> list[tuple]:
    info = book["说明"]
    name = next(r[2] for r in info.iter_rows(values_only=True) if r and len(r) > 2 and r[1] == caption)
    return list(book[name].iter_rows(min_row=2, values_only=True))


def _docx_rows(data: bytes) -> list[list[str]]:
    doc = docx.Document(io.BytesIO(data))
    return [[c.text.strip() for c in row.cells] for t in doc.tables for row in t.rows]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_co2_and_apeq_by_year(surfaces):
    api, pages, files = surfaces
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    series = {r[0]: r[1:] for r in _sheet(book, "分年度二氧化碳排放量与大气污染物当量") if isinstance(r[0], int)}
    co2, apeq = api["overview"]["co2"], api["overview"]["apeq"]
    assert set(series) == {int(y) for y in co2 if int(y) <= YEAR}
    for year, (c, a) in series.items():
        assert f"{c:,.2f}" == display("co2", co2[str(year)])
        assert f"{a:,.0f}" == display("apeq", apeq[str(year)])
    head = {h["key"]: h for h in api["overview"]["headline"]}
    assert head["co2"]["text"] == "9,956.65" and head["co2"]["year"] == YEAR  # scope 1, 万吨
    page = pages["overview"]
    assert f'<span class="n">{head["co2"]["text"]}</span>' in page
    assert f'<span class="n">{head["apeq"]["text"]}</span>' in page
    summary = [r for r in _docx_rows(files["docx"]) if r and r[0] in ("二氧化碳排放量", "大气污染物当量")]
    assert ["二氧化碳排放量", str(YEAR), head["co2"]["text"], "万吨"] == summary[0][:4]
    assert ["大气污染物当量", str(YEAR), head["apeq"]["text"], "吨"] == summary[1][:4]
    pdf = _pdf_text(files["pdf"])
    assert f"二氧化碳排放量{YEAR}{head['co2']['text']}万吨" in pdf
    # the inventory explorer's total (scope 1, the sum of its sectors) is the same figure
    inventory = pages["inventory"]
    assert f'<td>合计</td><td class="num">{head["co2"]["text"]}</td>' in inventory
    assert "（万吨，范围一）" in inventory
    # the JSON API's inventory sums (t): by species alone the published scope-1 CO2; by species
    # and scope, scope 1 the same figure and scope 2 on its own row (the two differ: 13,524 − 9,956.65)
    by_species = {r["species"]: r["value"] for r in api["by_species"]["rows"]}
    assert display("co2", by_species["CO2"]) == head["co2"]["text"] == "9,956.65"
    scoped = {(r["species"], str(r["scope"])): r["value"] for r in api["by_species_scope"]["rows"]}
    assert display("co2", scoped[("CO2", "1")]) == head["co2"]["text"]
    assert ("CO2", "2") in scoped and display("co2", scoped[("CO2", "2")]) != "0.00"


def test_sector_changes_with_class(surfaces):
    api, pages, files = surfaces
    rows = api["synergy"]["coordinates"]
    assert rows and api["synergy"]["base_year"] == 2020 and api["synergy"]["target_year"] == YEAR
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    caption = f"分部门减污降碳协同类型（全部部门，2020→{YEAR}年）"
    sheet = {r[0]: r for r in _sheet(book, caption) if r[0] and r[3]}
    docx_rows = {r[0]: r for r in _docx_rows(files["docx"]) if len(r) == 4}
    page = pages["synergy"]
    for r in rows:
        cells = (f'<td>{html.escape(r["sector"])}</td><td class="num">{r["apeq_change_text"]}</td>'
                 f'<td class="num">{r["co2_change_text"]}</td><td>{r["synergy_class"]}</td>')
        assert cells in page, r["sector"]
        x = sheet[r["sector"]]
        assert (f"{x[1]:,.0f}", f"{x[2]:,.2f}", x[3]) == (r["apeq_change_text"], r["co2_change_text"], r["synergy_class"])
        if r["sector"] in docx_rows:  # the printed report shows the ten largest changes, as the page writes them
            assert docx_rows[r["sector"]][1:] == [r["apeq_change_text"], r["co2_change_text"], r["synergy_class"]]
    # each class is the one the printed signs call for (Δ = later − earlier; CLASSES_ZH), e.g. steel
    for r in rows:
        signs = tuple((v > 0) - (v < 0) for v in (float(r[k].replace(",", "")) for k in
                                                   ("apeq_change_text", "co2_change_text")))
        assert r["synergy_class"] == CLASSES_ZH[signs], r["sector"]
    assert any(r["sector"] == "黑色金属冶炼及压延加工业" for r in rows)


def test_each_target_status_with_its_basis(surfaces):
    api, pages, files = surfaces
    targets = [t for d in api["overview"]["domains"] for t in d["targets"]]
    web = Counter((t["indicator"], t["basis"] or "—", t["status"]) for t in targets)
    assert all(t["basis"] for t in targets if t["status"] != "无数据")  # a status shows its basis
    page = pages["overview"]
    for t in targets:  # the value judged from, with the demo mark where it is an illustrative value
        cell = f'<td class="basis">{html.escape(t["basis"] or "—")}'
        assert f"{cell}</td>" in page or f'{cell} <small class="demo"' in page
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))  # every target: the workbook's 目标状态
    workbook = Counter((r[0], r[2], r[3]) for r in _sheet(book, "目标指标完成情况（全部）") if r[0] and r[3])
    assert workbook == web
    # the Word report lists the targets that lag or are at risk, with the same figures
    report = Counter((r[0], r[2], r[3]) for r in _docx_rows(files["docx"])
                     if len(r) == 4 and r[3] in ("已完成", "进度正常", "存在风险", "严重滞后", "无数据") and "年" in r[1])
    assert report == Counter({k: v for k, v in web.items() if k[2] in ("存在风险", "严重滞后")})
    counts = Counter(t["status"] for t in targets)
    assert counts == Counter(api["overview"]["status_counts"])
    pdf = _pdf_text(files["pdf"])
    parts = "、".join(f"{k}{v}项" for k, v in api["overview"]["status_counts"].items())
    assert f"目标指标{len(targets)}项，其中{parts}" in pdf


def test_sector_co2_reads_the_same_in_word_pdf_and_on_the_inventory_page(surfaces):
    """Numbers the Word/PDF tables print go through the registry's one formatter: each sector's CO2
    (万吨, two decimals, thousands grouped) in the report's sector table is the string of the
    inventory page's sector summary — e.g. 4,000-odd 万吨 as "4,xxx.xx", never "4xxx.xx"."""
    _api, pages, files = surfaces
    page = {html.unescape(name): value for name, value in re.findall(
        r'#drill">([^<]+)</a></td><td class="num">([^<]+)</td>', pages["inventory"])}
    assert page, "no sector rows on the inventory page"
    rows = _docx_rows(files["docx"])
    start = next(i for i, r in enumerate(rows) if r[:2] == ["部门", "分部门二氧化碳排放量（万吨）"])
    sectors = [r for r in rows[start + 1:start + 12] if r[0] in page]
    assert len(sectors) >= 3
    assert any(float(r[1].replace(",", "")) >= 1000 for r in sectors)
    pdf = _pdf_text(files["pdf"])
    for name, co2, _share in (r[:3] for r in sectors):
        assert co2 == page[name], (name, co2, page[name])
        assert re.fullmatch(r"-?\d{1,3}(,\d{3})*\.\d{2}", co2), co2
        assert f"{name}{co2}" in pdf, (name, co2)
