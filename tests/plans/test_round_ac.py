"""Round ac (issue 10, session 16): the year a goal's clause gets — its year scope.

Sentences written for these tests (none is a gold quote).
"""
from __future__ import annotations

import pytest

from cocontrol.plans.extract import extract_plan


def _values(text: str) -> list[tuple[int | None, float]]:
    return [(t.year, t.value) for t in extract_plan(text).targets]


@pytest.mark.parametrize("text, expected", [
    # a year inside a bracketed aside (扣除/不含/剔除/按…计算) dates nothing: the goals after it keep the year of their lead
    ("2027年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。一般公共预算收入（扣除2026年土地出让等一次性因素）"
     "增长4%。规模以上工业增加值增长7%。", [(2027, 5.5), (2027, 4.0), (2027, 7.0)]),
    ("2027年主要目標是：地區生產總值增長6%左右；財政支出(不含2026年結轉資金)增長3%；社會消費品零售總額增長6.5%。",
     [(2027, 6.0), (2027, 3.0), (2027, 6.5)]),
    ("2026年全县发展的主要预期目标是:地区生产总值增长6%;一般公共预算收入(剔除2025年一次性收入因素)增长5%;"
     "固定资产投资增长8%;城镇居民人均可支配收入增长6.5%。", [(2026, 6.0), (2026, 5.0), (2026, 8.0), (2026, 6.5)]),
    ("2026年主要目标建议为：财政收入增长5%左右；民生支出（不含2025年上级追加资金）增长4%以上；规上工业增加值增长9%；"
     "社会消费品零售总额增长6%左右。", [(2026, 5.0), (2026, 4.0), (2026, 9.0), (2026, 6.0)]),
    ("2027年主要预期目标：地区生产总值增长6%左右；居民人均可支配收入增长6%（剔除2026年价格因素）；城镇调查失业率控制在5.5%以内。",
     [(2027, 6.0), (2027, 6.0), (2027, 5.5)]),
    ("二、2026年主要目标\n地区生产总值增长6%；一般公共预算收入（扣除2025年一次性因素）增长4%；粮食产量稳定在30万吨以上。",
     [(2026, 6.0), (2026, 4.0), (2026, 30.0)]),
])
def test_aside_year_keeps_scope(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place as the subject of a plan or hedge before 到YYYY年 (该省计划到2027年，…；…): the pieces after ；are in its scope
    ("對此,該省計劃到2027年,規上工業企業數字化改造實現全覆蓋,新增未來工廠80家;推動鋼鐵等重點領域生產線能效全部達到基準水平以上,"
     "能效標桿水平產能比例超過50%;開展化工行業老舊裝置更新改造,力爭實現老舊生產裝置更新70%以上。",
     [(2027, 80.0), (2027, 50.0), (2027, 70.0)]),
    ("该县计划到2026年，新建污水管网60公里；推动乡镇污水处理设施全部稳定运行，出水达标率达到95%以上；完成农村黑臭水体治理12条。",
     [(2026, 60.0), (2026, 95.0), (2026, 12.0)]),
    ("据介绍，该市拟到2028年，建成充电桩2万个；推动公共领域车辆电动化，新能源公交车占比达到90%；改造老旧小区100个。",
     [(2028, 2.0), (2028, 90.0), (2028, 100.0)]),
])
def test_subject_plans_to_year(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # goals quoted before the words that date them (“…”2026年…的主要预期目标已确定), an ellipsis ending the list
    ("“城镇新增就业1.2万人、新建口袋公园15个、改造老旧小区30个……”2026年全县民生工作的主要目标已经敲定。",
     [(2026, 1.2), (2026, 15.0), (2026, 30.0)]),
    ("“地區生產總值增長6%左右，城鎮新增就業1萬人……”2026年全市經濟社會發展的主要預期目標正式出爐。", [(2026, 6.0), (2026, 1.0)]),
    ("新增高标准农田5万亩，粮食产量稳定在60万吨以上……2027年全区农业农村工作的发展目标日前确定。", [(2027, 5.0), (2027, 60.0)]),
    ("“规上工业增加值增长8%、固定资产投资增长7%……”，2026年某区经济社会发展的主要预期目标已确定。", [(2026, 8.0), (2026, 7.0)]),
])
def test_goals_quoted_before_their_year(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year's work named by its focus (2027年…发展的重点, 2026年政府工作重点): 今年 in the text is that year
    ("2027年全區發展的重點有哪些？記者了解到，今年全區將新建公園5個，新增停車泊位2000個。", [(2027, 5.0), (2027, 2000.0)]),
    ("2026年宜宾经济社会发展的重点是什么?记者从会上了解到,今年将围绕八个方面开展工作。\n扩大有效需求。确保全年入库项目950个。"
     "力争动力电池产业营业收入达到1500亿元。", [(2026, 1500.0)]),
    # a government work report dated by its delivery (in a bracket after its title, on a line under it): that year's work
    ("宿州市政府工作报告(2025年1月12日 王启荣)\n（六）锚定城市品质。一是打造宜居城市。实施城中村改造项目2个，改造老旧小区26个，"
     "建成棚改安置房8000套。", [(2025, 2.0), (2025, 26.0), (2025, 8000.0)]),
    ("某市政府工作報告(2025年1月12日)\n（六）錨定城市品質。實施城中村改造項目2個，改造老舊小區26個。", [(2025, 2.0), (2025, 26.0)]),
    ("政府工作报告\n——2025年1月12日在某市第六届人民代表大会第四次会议上\n一是打造宜居城市。实施城中村改造项目2个，"
     "改造老旧小区26个。", [(2025, 2.0), (2025, 26.0)]),
    ("某县人民政府工作报告（2026年1月8日在某县第十八届人民代表大会第五次会议上）\n全年新建农村公路120公里，改造危房300户。",
     [(2026, 120.0), (2026, 300.0)]),
])
def test_year_of_the_text_named_once(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what must not change: a bracket that is only a span of years, a bracket stating last year's value, a clause opening
    # with a bare past year (a report), a work report that reviews the years gone
    ("2027年主要目标：森林覆盖率达到42%（2025年为40.5%）；建成区绿地率达到38%；新增口袋公园20个。",
     [(2027, 42.0), (2027, 38.0), (2027, 20.0)]),
    ("2026年目标任务：地区生产总值增长6%（2025年增长5.2%）；规上工业增加值增长8%；城镇新增就业1万人。",
     [(2026, 6.0), (2026, 8.0), (2026, 1.0)]),
    ("到2027年，全省单位GDP能耗下降（以2023年为基数）13%，新建充电桩5万个，新增公共停车泊位8000个。",
     [(2027, 13.0), (2027, 5.0), (2027, 8000.0)]),
    ("政府工作报告\n——2025年1月12日在某市人民代表大会上\n过去一年，全市森林覆盖率达到45%，新建公园12个。", []),
])
def test_nearest_look_alikes_stay(text: str, expected: list[tuple[int | None, float]]) -> None:
    assert _values(text) == expected
