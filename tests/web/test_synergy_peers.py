"""The 协同度评价 page's 同类城市比较: the report's peer evaluation (``cocontrol.reports.peers``),
shown within the viewer's region scope, and the one-city case.

The numbers themselves are checked by hand in ``tests/reports``; here the page must show the
same ranking, index values and contributions as ``peer_ranking`` over ``gather(…, "peers")`` of
the same (database) workspace, and nothing of a city outside the viewer's scope.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import select

from cocontrol import demo
from cocontrol.reports.peers import peer_ranking
from cocontrol.reports.workspace import DEFAULT_LAYERS, gather
from cocontrol.store import models as m
from cocontrol.web.peers import HIDDEN, PEERS
from cocontrol.web.security import hash_password
from cocontrol.web.services import workspace
from cocontrol.web.testing import PASSWORD, login, settle

YEAR = 2023  # live_app's configured year
CITIES = {"济南市", "淄博市", "威海市", "荣成市"}
REPO_EXAMPLES = Path(demo.__file__).resolve().parents[2] / "examples"


class Tables(HTMLParser):
    """Cell texts of every ``<table id=…>`` (rows of cells) and the text of ``<main>``."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._main = False
        self.main = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self._main = True
        if tag == "table" and a.get("id"):
            self._table = a["id"]
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "main":
            self._main = False
        if tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._table and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._main:
            self.main += data


@pytest.fixture(scope="module")
def peer_app(live_app):
    """The demo app (four cities with data) with a 威海市 user (sees 威海市 and 荣成市 below it)
    and a 济南市 user, and the peer evaluation computed."""
    hashed = hash_password(PASSWORD)
    with live_app.state.sessions() as s, s.begin():
        regions = dict(s.execute(select(m.Region.name, m.Region.id)).all())
        s.add(m.User(username="weihai_city", password_hash=hashed, role="viewer", region_id=regions["威海市"]))
        s.add(m.User(username="jinan_city", password_hash=hashed, role="analyst", region_id=regions["济南市"]))
    assert [p.state for p in settle(live_app, [PEERS], YEAR)] == ["done"]
    return live_app


@pytest.fixture(scope="module")
def expected(peer_app):
    """What the annual report's 同类城市比较 computes for the same database workspace."""
    with peer_app.state.sessions() as s:
        ws = workspace(s)
    res = gather("威海市", YEAR, ws, layers=(*DEFAULT_LAYERS, "peers"))
    assert res.peers is not None, res.gaps
    return res.peers


def page(app, user: str, region: str) -> tuple[Tables, dict]:
    client = login(app, user)
    r = client.get(f"/synergy?region={region}&year={YEAR}")
    assert r.status_code == 200, r.text
    api = client.get(f"/api/synergy?region={region}&year={YEAR}")
    assert api.status_code == 200, api.text
    return Tables(r.text), api.json()["peers"]


def test_admin_sees_every_city_ranked_as_in_the_report(peer_app, expected):
    p = peer_ranking(expected, "威海市", YEAR)
    assert p.n == 4 and set(p.cities["region"]) == CITIES
    html, api = page(peer_app, "admin", "威海市")
    rows = html.tables["peer-ranking"][1:]
    assert [(int(r[0]), r[1].lstrip("★")) for r in rows] == list(zip(p.cities["rank"], p.cities["region"], strict=True))
    assert [r[2] for r in rows] == [f"{v:.1f}" for v in p.cities["index"]]
    dims = [c for c in p.cities.columns if c not in ("rank", "region", "index")]
    assert html.tables["peer-ranking"][0][3:] == dims
    assert [r[3:] for r in rows] == [[f"{row[d]:.3f}" for d in dims] for _, row in p.cities.iterrows()]
    assert [r[1] for r in rows if r[1].startswith("★")] == ["★威海市"]  # the current city marked
    for got, (_, want) in zip(api["rows"], p.cities.iterrows(), strict=True):
        assert got["region"] == want["region"] and got["rank"] == want["rank"]
        assert got["index"] == pytest.approx(want["index"], rel=1e-12)
    # the reading is the report's own sentence (排名第x（共n个城市）…)
    assert api["reading"] == p.reading and p.reading in html.main
    assert f"排名第{p.rank}（共4个城市）" in html.main
    comp = html.tables["peer-components"][1:]
    want = p.components
    assert [c[0] for c in comp] == list(want["name_zh"])
    assert [c[3] for c in comp] == [f"{v:.2f}" for v in want["contribution"]]
    assert [int(c[4]) for c in comp] == list(want["rank"])
    assert [c[5] for c in comp] == list(want["best_region"])
    assert [c[6] for c in comp] == [f"{v:.2f}" for v in want["gap_to_best"]]
    # contributions are 100·W_j·x'_ij, summing to the index (to the rounding of the shown values)
    assert sum(float(c[3]) for c in comp) == pytest.approx(float(rows[1][2]), abs=0.05 + 0.005 * len(comp))


def test_scoped_city_user_sees_only_its_cities(peer_app, expected):
    """The 威海市 user sees 威海市 and 荣成市 (the county-level city below it) with their ranks
    among all four cities, and neither the name nor any value of 济南市 or 淄博市."""
    p = peer_ranking(expected, "威海市", YEAR)
    html, api = page(peer_app, "weihai_city", "威海市")
    rows = html.tables["peer-ranking"][1:]
    visible = p.cities[p.cities["region"].isin({"威海市", "荣成市"})]
    assert [(int(r[0]), r[1].lstrip("★"), r[2]) for r in rows] == [
        (int(k), reg, f"{v:.1f}") for k, reg, v in zip(visible["rank"], visible["region"], visible["index"], strict=True)]
    assert api["n"] == 4 and api["hidden"] == 2
    assert f"排名第{p.rank}（共4个城市）" in html.main
    for hidden in ("济南市", "淄博市"):
        assert hidden not in html.main and hidden not in str(api)
        v = float(p.cities.loc[p.cities["region"] == hidden, "index"].iloc[0])
        # the hidden city's index as a number of its own (not the digits inside −240.33)
        assert not re.search(rf"(?<![\d.]){re.escape(f'{v:.1f}')}(?![\d])", html.main)
    comp = api["components"]
    assert {c["best_region"] for c in comp} <= {"威海市", "荣成市", HIDDEN}
    assert all(c["gap_to_best"] is None for c in comp if c["best_region"] == HIDDEN)
    client = login(peer_app, "weihai_city")
    assert client.get(f"/synergy?region=济南市&year={YEAR}").status_code == 404
    # the banner's progress poll accepts the shared peer job (done: the page reloads)
    polled = client.get("/refresh", params={"k": f"{PEERS}:{YEAR}"})
    assert polled.status_code == 200 and polled.headers.get("HX-Refresh") == "true"
    assert client.get("/refresh", params={"k": f"济南市:{YEAR}"}).status_code == 404


def test_city_user_alone_in_scope_sees_its_rank_among_all(peer_app, expected):
    p = peer_ranking(expected, "济南市", YEAR)
    html, api = page(peer_app, "jinan_city", "济南市")
    assert [(int(r[0]), r[1].lstrip("★")) for r in html.tables["peer-ranking"][1:]] == [(p.rank, "济南市")]
    assert f"排名第{p.rank}（共4个城市）" in api["reading"]
    assert not re.search("威海市|淄博市|荣成市", html.main)


def test_province_view_ranks_visible_cities_without_a_current_city(peer_app, expected):
    """山东省 itself has no index: the page lists the ranked cities and says it is not ranked."""
    html, api = page(peer_app, "admin", "山东省")
    assert api["state"] == "ranked" and not api["current"] and api["components"] == []
    assert [r[1] for r in html.tables["peer-ranking"][1:]] == list(peer_ranking(expected, "威海市", YEAR).cities["region"])
    assert "未参与同类城市排名" in html.main


def _one_city_examples(tmp_path, slug: str):
    """An examples folder with one demo city's activity, statistics and controls."""
    root = tmp_path / "one-city"
    for kind in ("activity", "statistics", "controls"):
        (root / kind).mkdir(parents=True)
        shutil.copy(REPO_EXAMPLES / kind / f"{slug}.csv", root / kind / f"{slug}.csv")
    return root


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_one_city_with_data_is_said_not_ranked(settings, app, client_of, monkeypatch, tmp_path):
    """Only 威海市 has activity data: the page says so instead of ranking."""
    monkeypatch.setenv("COCONTROL_EXAMPLES", str(_one_city_examples(tmp_path, "weihai")))
    settle(app, ["威海市", PEERS], 2025)
    client = client_of("viewer")
    html = Tables(client.get("/synergy?region=威海市").text)
    assert "工作区中仅有威海市一个城市有排放与统计数据，不作同类城市排名" in html.main
    assert "peer-ranking" not in html.tables
    assert client.get("/api/synergy?region=威海市").json()["peers"]["state"] == "single"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_city_with_data_is_a_gap(app, client_of):
    settle(app, ["威海市", PEERS], 2025)
    text = Tables(client_of("viewer").get("/synergy?region=威海市").text).main
    assert "数据暂缺" in text and "没有任何城市的活动水平数据" in text


def test_peer_view_without_an_evaluation_says_why_and_names_no_hidden_city():
    """Pure view-model cases: a layer gap is passed on (with the inventory's reason), and the
    one-city message does not name a city the viewer may not see."""
    from cocontrol.reports.workspace import Results
    from cocontrol.web.peers import peer_view

    gap = Results(region="威海市", year=YEAR, plans=[], gaps={
        "inventory": "排放清单：数据未通过校验（activity.csv 第3行）", "peers": "同类城市比较：需要本地区排放清单结果"})
    v = peer_view(gap, "威海市", YEAR, lambda r: True)
    assert v["state"] == "gap" and "需要本地区排放清单结果" in v["message"] and "第3行" in v["message"]
    one = Results(region="济南市", year=YEAR, plans=[], peer_regions=["济南市"])
    assert "仅有济南市一个城市" in peer_view(one, "济南市", YEAR, lambda r: True)["message"]
    hidden = peer_view(one, "威海市", YEAR, lambda r: r == "威海市")
    assert hidden["state"] == "single" and "济南市" not in hidden["message"]
