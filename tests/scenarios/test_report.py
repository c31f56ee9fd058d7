"""碳达峰路径 chapter: built from the run, found by region, absent without a scenario file."""


import pytest

from cocontrol.reports.model import Figure, Paragraph, Table
from cocontrol.scenarios import report, runner


@pytest.fixture
def result(city_result):
    return city_result


def test_chapter_states_the_peak_and_the_targets(result):
    sec = report.section(result)
    assert sec.title == "碳达峰路径"
    text = sec.blocks[0].text
    assert isinstance(sec.blocks[0], Paragraph)
    s = runner.summary(result)["scenarios"]
    plan = next(x for x in s if x["name"] == "规划情景")
    assert f"2030年前达峰的概率为{plan['p_peak_by']['2030']:.0%}" in text
    # the page's words for the 规划情景 plateau (test_view: 1.9 % under the 5 % a peak needs) and the rule
    assert ("规划情景二氧化碳排放至2035年未见明显峰值（最高2,105万吨，出现在2023年；2035年仅比最高值低1.9%，"
            "达峰须低5%以上，呈平台期），2030年前达峰的概率为0%。") in text
    assert "达峰指排放最高值出现在2035年以前、且2035年排放比最高值低5%以上" in text
    assert isinstance(sec.blocks[1], Figure) and sec.blocks[1].png.startswith(b"\x89PNG")
    targets = sec.blocks[2]
    assert isinstance(targets, Table) and len(targets.rows) == 3 * 4
    measures = sec.blocks[3]
    assert [r[0] for r in measures.rows] == ["关停燃煤机组", "电动汽车", "钢铁脱硝"]


def test_spec_found_by_region(city, tmp_path, monkeypatch):
    monkeypatch.setenv("COCONTROL_SCENARIOS", str(city.parent))
    assert report.find_spec("测试市") is not None
    assert report.find_spec("威海市") is None
    monkeypatch.setenv("COCONTROL_SCENARIOS", str(tmp_path))
    assert report.chapter_for("测试市") is None


def test_chapter_in_english(result):
    """The English report's 碳达峰路径 chapter is English: sentences, captions, columns, notes
    (scenario and measure names from the scenario file are translated by terms.csv or kept marked)."""
    import datetime as dt

    from cocontrol.reports.english import english, untranslated
    from cocontrol.reports.model import Report

    for source in (report.STORED, report.COMPUTED):  # where the run came from, said in both languages
        zh = Report(title="碳达峰路径", subtitle="", issuer="", date=dt.date(2026, 1, 15),
                    sections=[report.section(result, source)])
        en = english(zh)
        # only the test file's own names, which terms.csv does not know (the seed files' names it does)
        assert set(untranslated(en)) <= {"关停燃煤机组", "电动汽车", "钢铁脱硝", "空措施情景"}, untranslated(en)
        assert "scenario page" in en.sections[0].blocks[0].text
    text = en.sections[0].blocks[0].text
    s = runner.summary(result)["scenarios"]
    plan = next(x for x in s if x["name"] == "规划情景")
    assert f"the probability of peaking by 2030 is {plan['p_peak_by']['2030']:.0%}".replace("%", " %") in text
    assert ("show no clear peak by 2035 (highest 2,105 10⁴ t, in 2023; 2035 is only 1.9 % below it, a peak needs "
            "more than 5 %: a plateau); the probability of peaking by 2030 is 0 %") in text
    assert en.sections[0].title == "Carbon peaking pathway"


def test_started_chapter_in_english():
    """The web report's one-paragraph chapter (run started in the background) is English too."""
    import datetime as dt

    from cocontrol.reports.english import english, untranslated
    from cocontrol.reports.model import Report, Section

    zh = Report(title="碳达峰路径", subtitle="", issuer="", date=dt.date(2026, 1, 15),
                sections=[Section(report.TITLE, [Paragraph(report.STARTED)])])
    en = english(zh)
    assert not untranslated(en), untranslated(en)
    assert "started in the background" in en.sections[0].blocks[0].text
