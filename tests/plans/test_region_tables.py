"""Round km (issue 10): classes of blind sets 26–28, each with a text written for the test."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _found(text: str) -> set[tuple[int | None, float | None, str | None]]:
    return {(t.year, t.value, t.unit) for t in extract_plan(text).targets}


def test_decomposition_table_by_place() -> None:
    """A table splitting a city's goal over its towns: one target per town and column, dated by
    the table's title; the 责任单位 column carries no value; rows with the same value stay apart."""
    text = ("某市人民政府关于分解下达2021年度节能目标的通知\n各镇人民政府：现将目标分解下达。\n"
            "某市2021年度节能目标分解表\n"
            "镇(街道) | 单位GDP能耗降幅目标(%) | 能耗增量控制(万吨标准煤) | 责任单位 |\n"
            "东 湖 | 3.2 | 5 | 东湖镇人民政府 |\n"
            "西 山 | 3.2 | 4.5 | 西山镇人民政府 |\n")
    targets = [t for t in extract_plan(text).targets if "|" in (t.quote or "")]
    got = sorted((t.indicator, t.year, t.value, t.unit, str(t.relation)) for t in targets)
    assert got == [("东湖单位GDP能耗", 2021, 3.2, "%", "reduce_by"),
                   ("东湖能耗增量控制", 2021, 5.0, "万吨标准煤", "<="),
                   ("西山单位GDP能耗", 2021, 3.2, "%", "reduce_by"),
                   ("西山能耗增量控制", 2021, 4.5, "万吨标准煤", "<=")]


def test_decomposition_table_period_in_title_and_pinyin() -> None:
    """A 繁体 page with pinyin glosses: the period of the title (“十三五”) dates the rows (2020)."""
    text = ("附件\n某市“十三五”各縣(市、區(qū))碳強(qiáng)度\n下降目標(biāo)分解表\n"
            "縣(市、區(qū)) | 碳強(qiáng)度下降目標(biāo) | 責(zé)任部門 |\n"
            "甲縣 | 20% | 甲縣人民政府 |\n乙區(qū) | 19.5% | 乙區(qū)人民政府 |\n")
    assert {(2020, 20.0, "%"), (2020, 19.5, "%")} <= _found(text)


def test_table_without_place_column_is_not_read_as_one() -> None:
    text = "重点任务 | 责任单位 |\n到2025年，新建绿色工厂10家。 | 市工信局 |\n"
    assert _found(text) == {(2025, 10.0, "家")}


def test_start_of_a_move_before_a_comma_is_the_baseline() -> None:
    """从2021年的55%，提升到2026年的60%: the start is the baseline, not a target of its own."""
    targets = extract_plan("《方案》提出，全市污水资源化利用率从2021年的55%，提升到2026年的60%。").targets
    assert [(t.year, t.value, t.baseline_value, t.baseline_year) for t in targets] == [(2026, 60.0, 55.0, 2021)]
