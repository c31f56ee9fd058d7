"""碳达峰路径 chapter of the annual report, from the region's stored scenario run.

The region's scenario file is looked up in ``COCONTROL_SCENARIOS`` (else
``$COCONTROL_HOME/scenarios``, the web page's folder): the first ``*.yaml`` whose ``region``
is the report's region. Without one the chapter is left out (the report says nothing about
scenarios it does not have). The chapter reads the run the 情景分析 page shows
(:mod:`.stored`, keyed by the files' content); when none is stored yet the command line computes
it through the same service as the page's 开始计算 button and stores it, so the page then shows
the same figures, and the chapter says which of the two happened. A report downloaded from the
web (:func:`in_background`) never computes in the request: it starts the page's background run
and says so in a one-paragraph chapter; downloaded again after the run, it carries the chapter. Every number comes from
:mod:`.runner` / :mod:`.io`, formatted as the page formats it (:func:`.view.peaks`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from cocontrol.reports.charts import line_chart
from cocontrol.reports.model import Column, Figure, Paragraph, Section, Table
from cocontrol.scenarios import io, stored, view
from cocontrol.scenarios.runner import RunResult

TITLE = "碳达峰路径"


STORED = "本章数据取自平台“情景分析”页保存的计算结果，与该页显示一致。"
COMPUTED = "平台此前尚无本情景的计算结果，本章数据为生成本报告时按“情景分析”页的同一方法计算，已保存，该页显示同一结果。"
STARTED = ("生成本报告时平台尚无本情景的计算结果，已在“情景分析”页开始后台计算（蒙特卡洛抽样，约需数分钟）；"
           "计算完成后重新下载本报告，本章即列出各情景的碳达峰年份、峰值和规划目标达成概率。")

_BACKGROUND: ContextVar[tuple[Path, Callable[[Path], RunResult | None]] | None] = ContextVar(
    "scenario_background", default=None)


@contextmanager
def in_background(home: Path, run: Callable[[Path], RunResult | None]) -> Iterator[None]:
    """Within this block a report's chapter does not compute: ``run(spec path)`` returns the run
    the 情景分析 page has (memory or store, under ``home``) or starts it in the background and
    returns ``None`` (:func:`cocontrol.web.scenarios.result_or_job`)."""
    token = _BACKGROUND.set((Path(home), run))
    try:
        yield
    finally:
        _BACKGROUND.reset(token)


def home() -> Path:
    """The platform's home folder (``COCONTROL_HOME``, as the web server's settings)."""
    return Path(os.environ.get("COCONTROL_HOME", "var")).resolve()


def scenario_folder() -> Path:
    return stored.folder(home())


def find_spec(region: str, folder: Path | None = None) -> Path | None:
    from cocontrol.scenarios.spec import load_yaml

    for path in sorted((folder or scenario_folder()).glob("*.yaml")):
        try:
            data, _ = load_yaml(path.read_text(encoding="utf-8"))
        except Exception:  # not a readable scenario file: not this region's
            continue
        if isinstance(data, dict) and str(data.get("region", "")) == region:
            return path
    return None


def section(result: RunResult, source: str = "") -> Section:
    """The chapter: peak per scenario, CO2 pathways, targets with probabilities, measures'
    co-benefits and the MAC order."""
    sec = Section(TITLE)
    lines = []
    for sc in view.peaks(result):
        prob = f"，2030年前达峰的概率为{sc['p2030']}%" if sc["p2030"] is not None else ""
        lines.append(f"{sc['name']}二氧化碳排放{sc['words']['zh']}{prob}。")
    draws = f"（蒙特卡洛抽样{result.draws}次）" if result.draws else ""
    rule = view.peak_rule(result, "zh")
    scope = ("本章二氧化碳为直接排放与外购电力、热力间接排放之和（按情景设定文件），与清单章节的直接排放数值不同。"
             if sorted(result.spec.co2_scopes) != [1] else "")
    # one sentence per scenario, so that the English edition translates each (reports.english_text)
    sec.add(Paragraph(f"以{result.spec.base_year}年排放清单为基准年，按规划措施逐年预测至"
                      f"{result.spec.end_year}年{draws}。" + "".join(lines) + rule + scope + source +
                      "增速、弹性、措施规模与成本等假设及其来源见情景设定文件，其中标注为“示例”的数值"
                      "仅作方法演示。"))
    tot = io.totals(result)
    co2 = tot[tot["species"] == "CO2"]
    series = {n: {int(y): float(v) / 1e4 for y, v in zip(g["year"], g["value"], strict=True)}
              for n, g in co2.groupby("scenario", sort=False)}
    sec.add(Figure(line_chart(series, "二氧化碳排放路径", "万吨"), "各情景二氧化碳排放路径"))
    rows = [[r["scenario"], r["indicator"] + (f"（{r['against']}）" if r["against"] else ""),
             r["year"], f"{r['target']} {r['unit']}".strip(), f"{r['projected']} {r['unit']}".strip(),
             "—" if r["probability"] is None else f"{r['probability']}%"]
            for r in view.targets(result, "zh")]
    sec.add(Table("规划目标达成情况预测", [Column("情景"), Column("指标"), Column("年份"),
                                       Column("目标"), Column("预测值"), Column("达成概率")],
                  rows, note="达成概率为蒙特卡洛抽样中达到目标的比例。"))
    cb = [r.cobenefits.assign(scenario=r.name) for r in result.scenarios
          if r.cobenefits is not None and len(r.cobenefits)]
    if cb:
        last = cb[-1]
        sec.add(Table(f"{last['scenario'].iloc[0]}各项措施{int(last['year'].iloc[0])}年协同减排量",
                      [Column("措施"), Column("CO2减排", "吨", 0), Column("SO2减排", "吨", 1),
                       Column("NOx减排", "吨", 1), Column("大气污染物当量减排", "吨", 1),
                       Column("年成本", "万元", 1), Column("单位减排成本", "元/吨", 1)],
                      [[r.measure, r.CO2, r.SO2, r.NOx, r.APeq, r.cost, r.cost_per_t_co2]
                       for r in last.itertuples(index=False)],
                      note="逐项加入措施、有无措施两次计算之差（减排为正），交互作用不重复计算。"))
    return sec


def chapter_for(region: str) -> Section | None:
    """The chapter for ``region`` when it has a scenario file, else ``None``: the stored run the
    page shows, or — none stored yet — the run computed and stored now (:mod:`.stored`)."""
    background = _BACKGROUND.get()
    path = find_spec(region, stored.folder(background[0]) if background else None)
    if path is None:
        return None
    if background is not None:  # a web request: the page's run, or its start — never computed here
        result = background[1](path)
        return section(result, STORED) if result is not None else Section(TITLE, [Paragraph(STARTED)])
    where = home()
    key = stored.content_key(path)
    result = stored.load(where, key)
    if result is not None:
        return section(result, STORED)
    return section(stored.compute_and_store(path, where, key), COMPUTED)
