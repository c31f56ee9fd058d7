"""Round rd (issue 10): written conventions made general (sentences written for this round)."""

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.textnorm import clean


def _values(text: str) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for t in extract_plan(text).targets]


# --- numbers a PDF page broke with one space -------------------------------------------------
def test_share_broken_by_a_space_is_one_number() -> None:
    assert clean("到2025年，污水收集率达到1 00%。").text == "到2025年，污水收集率达到100%。"
    assert clean("到2025年，绿化覆盖率达到10 0%。").text == "到2025年，绿化覆盖率达到100%。"
    assert (100.0, "%") in _values("到2026年，道路清扫保洁机械化率达到1 00%。")


def test_thousands_group_broken_by_a_space_before_a_unit() -> None:
    assert clean("到2030年，风电装机达到3 500万千瓦。").text == "到2030年，风电装机达到3500万千瓦。"


def test_numbers_set_side_by_side_stay_apart() -> None:
    assert clean("优良天数比例 85 90%").text == "优良天数比例85 90%"  # two table cells
    assert clean("分别为5、10%").text == "分别为5、10%"
    assert clean("2020 2025").text == "2020 2025"
    assert clean("比例达到85 90%").text == "比例达到85 90%"  # 8590 % cannot be a share
    assert clean("装机达到35 00万千瓦").text == "装机达到35 00万千瓦"  # not a thousands group
