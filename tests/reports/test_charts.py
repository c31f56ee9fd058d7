"""Report charts in both languages: every text drawn on an English chart is English (titles, axis
labels with units, legends, category names); Chinese charts keep the Chinese texts."""

from __future__ import annotations

import re

import pytest

from cocontrol.reports import charts

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture()
def drawn(monkeypatch) -> list[list[str]]:
    """The texts of each chart drawn, read from the matplotlib figure just before it is saved."""
    seen: list[list[str]] = []
    save = charts._png

    def record(fig):  # type: ignore[no-untyped-def]
        texts: list[str] = [t.get_text() for t in fig.texts]
        for ax in fig.axes:
            texts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
            texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() + ax.texts]
            if ax.get_legend():
                texts += [t.get_text() for t in ax.get_legend().get_texts()]
        seen.append([t for t in texts if t])
        return save(fig)

    monkeypatch.setattr(charts, "_png", record)
    return seen


def _all(seen: list[list[str]]) -> list[str]:
    return [t for texts in seen for t in texts]


def test_english_charts_have_no_chinese(drawn):
    charts.line_chart({"综合指数": {2020: 40.0, 2021: 45.5}, "二氧化碳排放量": {2020: 1.0, 2021: 2.0}},
                      "减污降碳协同度综合指数", "指数（0–100）", lang="en")
    charts.bar_chart(["Coal Mining and Dressing", "Transportation, Storage, Post and Telecommunication Services"],
                     [3.0, 1.0], "分部门二氧化碳排放量", "万吨", lang="en", kind="sector")
    charts.status_chart({"已完成": 3, "进度正常": 2, "存在风险": 1, "无数据": 1}, lang="en")
    charts.ranking_chart({"荣成市": {"目标协同": 20.0, "路径协同": 30.0}, "淄博市": {"目标协同": 10.0}},
                         "同类城市减污降碳协同度综合指数（2025年）", "综合指数（按维度分解，指数点）",
                         highlight="荣成市", lang="en")
    texts = _all(drawn)
    assert not [t for t in texts if CJK.search(t)], texts
    line, bar, status, ranking = drawn
    # hand-checked against the English catalogue (english_text.py) and refdata sectors.csv / terms.csv
    assert {"Synergy index", "index (0–100)"} <= set(line)
    assert {"CO2 emissions by sector", "10⁴ t", "Coal Mining and\nDressing"} <= set(bar)
    assert {"on track", "at risk", "targets"} <= set(status)
    assert {"Synergy index of peer cities (2025)", "★Rongcheng", "Zibo"} <= set(ranking)


def test_chinese_charts_unchanged(drawn):
    charts.line_chart({"综合指数": {2020: 40.0}}, "减污降碳协同度综合指数", "指数（0–100）")
    charts.bar_chart(["Coal Mining and Dressing"], [3.0], "分部门二氧化碳排放量", "万吨", kind="sector")
    line, bar = drawn
    assert {"减污降碳协同度综合指数", "指数（0–100）"} <= set(line)
    assert "煤炭开采和洗\n选业" in bar  # 煤炭开采和洗选业, six characters a line
    assert not [t for t in line + bar if re.search(r"[A-Za-z]{3,}", t)]


def test_block_language_is_the_default_and_argument_wins(drawn):
    with charts.language("en"):
        charts.status_chart({"已完成": 1})
        charts.status_chart({"已完成": 1}, lang="zh")
    assert "targets" in drawn[0] and "指标数（项）" in drawn[1]


def test_english_annual_report_of_a_seed_city_draws_english_charts(drawn, tmp_path, monkeypatch):
    from cocontrol.reports.build import annual_report

    monkeypatch.setenv("COCONTROL_HOME", str(tmp_path))
    annual_report("荣成市", 2023, lang="en")
    assert len(drawn) >= 3  # CO2 trend, synergy index, peer ranking
    texts = _all(drawn)
    assert not [t for t in texts if CJK.search(t)], texts
    assert "Rongcheng: CO2 emissions (direct)" in texts and "10⁴ t" in texts
