"""The CLI's view of the store (cocontrol.store.platform): the data the web pages use."""

from __future__ import annotations

from sqlalchemy import select

from cocontrol.reports.build import dispatch_report
from cocontrol.reports.dispatch import dispatch_rows, plan_numbering
from cocontrol.reports.workspace import gather
from cocontrol.store import models as m
from cocontrol.store.db import dispose_engines, get_engine, session_factory
from cocontrol.store.plans import save_plan
from cocontrol.store.platform import platform_workspace, stored_observations, stored_plan
from cocontrol.store.sample import sample_plan


def test_plan_numbering():
    assert plan_numbering("三.一.6") == "三、（一）6."
    assert plan_numbering("二.(一).1") == "二、（一）1."
    assert plan_numbering("二") == "二、"
    # a box (专栏) numbers its items afresh, as 济政字〔2023〕36号 prints 专栏2's item 2.(2)
    assert plan_numbering("三.二.专栏2.2.2") == "三、（二）专栏2 2.（2）"
    assert plan_numbering("三.一.专栏1.1") == "三、（一）专栏1 1."
    assert plan_numbering("T016") == "T016"  # not of the plan's shape: as written


def test_reported_progress_and_values_reach_the_cli(tmp_path):
    """A department reports task 一.1 at 60 % (2025) and T2 = 25 μg/m³ (2025) through the store;
    the dispatch table and tracking read exactly that (no example file is consulted)."""
    url = f"sqlite:///{tmp_path / 'p.db'}"
    save_plan(sample_plan(), url=url, actor="test")
    with session_factory(get_engine(url))() as s, s.begin():
        task = s.scalar(select(m.Task).where(m.Task.key == "一.1"))
        target = s.scalar(select(m.Target).where(m.Target.key == "T2"))
        s.add(m.Submission(region="威海市", task_id=task.id, period=2025, progress=60, note="已完成煤改气3处",
                           submitter="市发展改革委"))
        s.add(m.Submission(region="威海市", target_id=target.id, period=2025, value=25.0, unit="微克/立方米",
                           submitter="市生态环境局"))
    try:
        ws = platform_workspace(url)
        assert stored_plan("weihai-test", url).plan.id == "weihai-test"
        assert stored_observations("weihai-test", url)[["target", "year", "value"]].values.tolist() == [["T2", 2025, 25.0]]
        res = gather("威海市", 2025, ws, layers=("tracking",))
        rows = dispatch_rows(res)
        task = rows[(rows["类别"] == "重点任务") & (rows["责任单位"] == "市发展改革委")].iloc[0]
        assert (task["编号"], task["牵头/配合"], task["最新值"], task["状态"], task["说明"]) == (
            "一、1.", "牵头", "60%（2025年）", "已报送", "已完成煤改气3处")
        other = rows[(rows["类别"] == "重点任务") & (rows["责任单位"] == "市工业和信息化局")].iloc[0]
        assert (other["编号"], other["牵头/配合"], other["最新值"]) == ("二、1.", "配合", "未报送")
        pm = rows[(rows["类别"] == "目标指标") & (rows["内容"] == "PM2.5平均浓度")].iloc[0]
        assert pm["最新值"] == "25微克/立方米（2025年）" and pm["状态"] == "严重滞后"  # 25 > 22 in the target year
        assert dispatch_report("威海市", 2025, workspace=ws).landscape
    finally:
        dispose_engines()
