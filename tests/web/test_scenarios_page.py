"""情景分析 page: rendered from a run of the scenario files the user may see."""

import time

import pytest

from cocontrol.store import models as m
from cocontrol.store.regions import ensure_region

from ..scenarios.conftest import SPEC, write_city


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "scenarios"
    path.mkdir()
    write_city(path, SPEC.replace("draws: 2000", "draws: 200"))
    monkeypatch.setenv("COCONTROL_SCENARIOS", str(path))
    return path


def _ready(client, name="spec", timeout=300.0):
    """Poll the status endpoint as the page does until the run is done."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        status = client.get(f"/scenarios/status?name={name}")
        assert status.status_code == 200, status.text
        if status.headers.get("HX-Refresh") == "true":
            return
        assert "正在运行情景" in status.text
        time.sleep(0.2)
    raise AssertionError("the scenario run did not finish")


def test_admin_sees_pathways_targets_and_optimiser(client_of, folder):
    from cocontrol.web import scenarios as web

    client = client_of("admin")
    first = client.get("/scenarios?name=spec")  # opening the page computes nothing
    assert first.status_code == 200, first.text
    assert 'id="scenario-idle"' in first.text and 'action="/scenarios/run"' in first.text
    assert web.content_key(folder / "spec.yaml") not in web._JOBS
    assert client.get("/scenarios/status?name=spec").headers.get("HX-Refresh") == "true"  # nothing runs
    assert client.get("/scenarios/portfolio?name=spec&co2=80&apeq=20").status_code == 409
    started = client.post("/scenarios/run", data={"name": "spec"}, follow_redirects=False)
    assert started.status_code == 303 and started.headers["location"] == "/scenarios?name=spec"
    running = client.get("/scenarios?name=spec")
    assert 'id="scenario-computing"' in running.text or "规划目标达成概率" in running.text
    _ready(client)
    page = client.get("/scenarios?name=spec")
    assert page.status_code == 200, page.text
    html = page.text
    for text in ("测试市 · 情景分析", "规划目标达成概率", "碳排放达峰年份", "最优措施组合",
                 'id="pathways"', 'id="peaks"', 'id="measure-coords"', 'id="mac"'):
        assert text in html, text
    part = client.get("/scenarios/portfolio?name=spec&co2=80&apeq=20")
    assert part.status_code == 200 and "年成本" in part.text
    assert client.get("/scenarios/portfolio?name=spec&co2=180&apeq=20").status_code == 422


def test_a_city_user_does_not_see_other_cities(client_of, sessions, folder):
    with sessions() as s, s.begin():
        region = ensure_region(s, "威海市")
        user = s.query(m.User).filter_by(username="viewer").one()
        user.region_id = region.id
    client = client_of("viewer")
    page = client.get("/scenarios")
    assert page.status_code == 200 and "尚无情景设定文件" in page.text
    assert client.get("/scenarios?name=spec").status_code == 404
    assert client.post("/scenarios/run", data={"name": "spec"}).status_code == 403


def test_a_viewer_sees_the_idle_card_without_the_button(client_of, folder):
    page = client_of("viewer").get("/scenarios?name=spec")
    assert 'id="scenario-idle"' in page.text and 'id="scenario-start"' not in page.text
    assert "请分析人员、协调人或管理员开始计算" in page.text
    assert client_of("viewer").post("/scenarios/run", data={"name": "spec"}).status_code == 403


def test_results_are_kept_on_disk_by_content(client_of, folder, monkeypatch, settings):
    """A second process (here: memory cleared, runner disabled) reads the pickled result;
    a change of the file's content starts a new run."""
    from cocontrol.scenarios import runner
    from cocontrol.web import scenarios as web

    client = client_of("admin")
    client.post("/scenarios/run", data={"name": "spec"})
    _ready(client)
    files = list((settings.home / "results" / "scenarios").glob("*.pickle"))
    assert len(files) == 1 and files[0].stem == web.content_key(folder / "spec.yaml")
    web._JOBS.clear()

    def no_run(*a, **k):
        raise AssertionError("recomputed although the content did not change")
    monkeypatch.setattr(runner, "run", no_run)
    page = client.get("/scenarios?name=spec")
    assert "规划目标达成概率" in page.text and "scenario-computing" not in page.text
    path = folder / "spec.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    page = client.get("/scenarios?name=spec")
    assert 'id="scenario-idle"' in page.text  # changed content: not computed yet
    client.post("/scenarios/run", data={"name": "spec"})
    _ready(client)
    failed = client.get("/scenarios?name=spec").text
    assert "计算失败" in failed and "重新计算" in failed  # the disabled runner failed; run again


def test_the_report_chapter_and_the_page_show_the_same_stored_run(client_of, settings, tmp_path, monkeypatch):
    """济南 (the seed city's scenario file, 300 draws): the report, built first, computes the run
    through the page's service and stores it; the page then shows that run (no new computation)
    and its peak year, peak value and probability are the report's; a second report reads the
    stored run and says so."""
    import re
    from pathlib import Path

    from cocontrol.scenarios import report, runner

    examples = Path(__file__).resolve().parents[2] / "examples"  # the web fixtures empty COCONTROL_EXAMPLES
    folder = tmp_path / "seed_scenarios"
    folder.mkdir()
    text = (examples / "scenarios" / "jinan.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^draws: \d+", "draws: 300", text.replace("../", f"{examples.as_posix()}/"))
    (folder / "jinan.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("COCONTROL_SCENARIOS", str(folder))
    monkeypatch.setenv("COCONTROL_HOME", str(settings.home))  # the CLI's home is the server's

    first = report.chapter_for("济南市").blocks[0].text
    assert report.COMPUTED in first and report.STORED not in first

    def no_run(*a, **k):
        raise AssertionError("computed again although a run is stored")
    monkeypatch.setattr(runner, "run", no_run)
    html = client_of("admin").get("/scenarios?name=jinan").text
    assert 'id="scenario-idle"' not in html and 'id="scenario-computing"' not in html
    cards = re.findall(r'<strong>([^<]+)</strong> <span class="peak-words">([^<]+)</span>'
                       r'<span> · 2030年前达峰概率 <span class="peak-p">(\d+)</span>%', html)
    assert len(cards) == 3, html[html.find("scenario-peaks"):][:1500]
    second = report.chapter_for("济南市").blocks[0].text
    assert report.STORED in second and report.COMPUTED not in second
    # the seed file: 基准情景 still rising in 2035; 规划情景 lowest in 2027 and rising again, its
    # 2035 within 5 % of the 2023 maximum — a plateau, not "peaked in 2023" beside a low probability
    words = {name: w for name, w, _ in cards}
    assert words["基准情景"].startswith("至2035年仍未达峰（2035年")
    assert words["规划情景"].startswith("至2035年未见明显峰值（最高") and "呈平台期" in words["规划情景"]
    assert "峰值年份" not in html and "于2023年达峰" not in first
    assert "达峰指排放最高值出现在2035年以前、且2035年排放比最高值低5%以上" in html and \
        "达峰指排放最高值出现在2035年以前、且2035年排放比最高值低5%以上" in first
    for name, w, p in cards:
        if not w.startswith("于"):  # no peak by the one rule: the draws' probability agrees
            assert int(p) <= 20, (name, w, p)
        shown = f"{name}二氧化碳排放{w}，2030年前达峰的概率为{p}%"
        assert shown in first and shown in second, (shown, first)
    english = client_of("admin").get("/scenarios?name=jinan&lang=en").text
    cards_en = re.findall(r'<span class="peak-words">([^<]+)</span>', english)
    assert len(cards_en) == 3 and all(c.startswith("CO2 emissions ") for c in cards_en), cards_en
    assert any(c.startswith("CO2 emissions have not peaked by 2035") for c in cards_en)  # 基准情景


def test_a_downloaded_report_never_computes_the_scenarios(client_of, sessions, folder, monkeypatch):
    """The web's annual report with nothing stored starts the page's background run and says so
    (the request does not compute); the page then shows that run, and the report downloaded
    after it carries the chapter from the stored run, with the page's peak figures."""
    import re

    from cocontrol.scenarios import report, runner
    from cocontrol.web import scenarios as web

    with sessions() as s, s.begin():
        ensure_region(s, "测试市")
    client = client_of("admin")
    ran: list[str] = []
    real = runner.run

    def counted(*a, **k):
        import threading

        ran.append(threading.current_thread().name)
        return real(*a, **k)
    monkeypatch.setattr(runner, "run", counted)
    first = client.get("/reports/annual.html?region=测试市&year=2025")
    assert first.status_code == 200, first.text
    assert report.STARTED in first.text and "2030年前达峰的概率" not in first.text
    assert web.content_key(folder / "spec.yaml") in web._JOBS  # the page's own run was started
    running = client.get("/scenarios?name=spec").text
    assert 'id="scenario-idle"' not in running  # the page shows the run under way (or its result)
    _ready(client)
    assert ran == ["scenario-spec"]  # computed once, in the page's background thread
    second = client.get("/reports/annual.html?region=测试市&year=2025").text
    assert report.STORED in second and report.STARTED not in second
    page = client.get("/scenarios?name=spec").text
    peaks = re.findall(r'<span class="peak-words">([^<]+)</span>', page)
    assert peaks and all(p in second for p in peaks)
    assert ran == ["scenario-spec"]
