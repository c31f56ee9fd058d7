"""One target stated twice is one target with both quotes (plans/merge.py, issue 10)."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.merge import same_indicator


def test_same_indicator_by_name() -> None:
    assert same_indicator("省控重点河流水质达标率", "重点河流水质达标率")
    assert same_indicator("全市单位地区生产总值能耗", "单位地区生产总值能耗")
    assert not same_indicator("城市生活垃圾分类覆盖率", "危险废物处置率")
    assert not same_indicator("光伏发电装机规模", "风电装机规模")


def test_goal_repeated_in_a_task_is_merged_with_both_quotes_and_the_task_units() -> None:
    text = ("某市实施方案\n一、主要目标\n到2025年，全市森林覆盖率达到25%，城市生活垃圾分类覆盖率达到100%。\n"
            "二、重点任务\n1.推进国土绿化。到2025年，森林覆盖率达到25%。（责任单位：市自然资源和规划局）\n"
            "2.推进分类。到2025年，危险废物处置率达到100%。（责任单位：市生态环境局）\n")
    doc = extract_plan(text)
    forest = [t for t in doc.targets if "森林" in t.indicator]
    assert len(forest) == 1
    (f,) = forest
    assert len(f.quotes) == 1 and "森林覆盖率达到25%" in f.quotes[0] and len(f.spans) == 1
    assert f.responsible == ["市自然资源和规划局"] and f.task == "二.1"
    # two different indicators with the same value stay apart
    assert sorted(t.indicator for t in doc.targets if t.value == 100) == ["危险废物处置率", "城市生活垃圾分类覆盖率"]


def test_equal_numbers_of_one_sentence_are_not_repeats() -> None:
    text = "到2020年，全国化学需氧量、氨氮、二氧化硫、氮氧化物排放总量比2015年分别下降10%、10%、15%和15%。"
    assert [t.value for t in extract_plan(text).targets] == [10.0, 10.0, 15.0, 15.0]


def test_a_share_named_with_its_whole_is_the_same_share() -> None:
    assert same_indicator("煤炭消费占能源消费总量比重", "全区煤炭消费比重")
