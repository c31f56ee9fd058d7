"""A report built by hand (no other layer needed): the writers are tested on it."""

from __future__ import annotations

import datetime as dt

import pytest

from cocontrol.reports import charts
from cocontrol.reports.model import AnnexEntry, Column, Figure, Report, Section, Table

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(scope="session")
def hand_report() -> Report:
    targets = Table(
        caption="目标指标完成情况",
        columns=[Column("指标"), Column("目标年"), Column("目标值"), Column("单位"),
                 Column("最新值"), Column("状态")],
        rows=[
            ["细颗粒物（PM2.5）浓度", 2025, 24.0, "μg/m³", 23.5, "已完成"],
            ["非化石能源消费比重", 2025, 10.0, "%", 8.2, "滞后"],
            [f"原文摘录 {SCRIPT}", 2026, None, "个", None, "暂无数据"],
        ],
        note="状态按评价年度最新值判定。",
        source="荣成市“十四五”生态环境保护规划（示例）",
    )
    emissions = Table(
        caption="分部门二氧化碳排放量",
        columns=[Column("部门"), Column("二氧化碳排放量", "万吨", 2), Column("占比", "%", 1)],
        rows=[["能源", 512.345, 61.2], ["工业", 201.0, 24.0], ["交通", 123.9, 14.8]],
        sheet="分部门排放",
    )
    png = charts.bar_chart(["能源", "工业", "交通"], [512.345, 201.0, 123.9], "分部门二氧化碳排放量", "万吨")
    return Report(
        title="荣成市2025年度减污降碳协同增效工作评价报告",
        subtitle="（测试用手工报告）",
        issuer="测试单位",
        date=dt.date(2026, 1, 15),
        sections=[
            Section("总体情况", [f"这是总体情况。引用原文：{SCRIPT}"]),
            Section("目标完成情况", [
                Section("约束性指标", ["约束性指标说明。", targets]),
                Section("预期性指标", ["本节数据暂缺：测试。"]),
            ]),
            Section("排放与协同", [emissions, Figure(png, "分部门二氧化碳排放量")]),
            Section("存在问题", ["问题一。"]),
            Section("下一步工作", ["工作一。"]),
        ],
        annex=[
            AnnexEntry("排放核算方法", "排放量 = 活动水平 × 排放因子 × (1 − 去除率)。", "IPCC 2006"),
            AnnexEntry("数据来源", "示例数据仅用于演示。"),
        ],
    )
