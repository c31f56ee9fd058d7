"""责任单位: variants map to one unit; lists in （责任单位：…）, 〔…〕 and （…） are split."""

from __future__ import annotations

from cocontrol.plans.departments import canonical, split_responsible
from cocontrol.refdata import load


def test_variants_map_to_one_unit() -> None:
    assert canonical("市发改委") == "市发展改革委"
    assert canonical("市发展和改革委员会") == "市发展改革委"
    assert canonical("淄博市发展和改革委员会") == "市发展改革委"  # city prefix dropped
    assert canonical("市住房和城乡建设局") == "市住房城乡建设局"
    assert canonical("国网济南供电公司") == "国网济南供电公司"  # unknown: kept as written


def test_split_weihai_responsible_list() -> None:
    # 000_622501f90e077414.txt, 二（一）1
    text = ("（责任单位：市发展改革委、市自然资源和规划局、市生态环境局、市住房城乡建设局，各区市政府、"
            "国家级开发区管委、综保区管委。以下均需各区市政府、国家级开发区管委、综保区管委负责落实，不再一一列出）")
    assert split_responsible(text) == [
        "市发展改革委", "市自然资源和规划局", "市生态环境局", "市住房城乡建设局", "各区县政府",
        "国家级开发区管委", "综保区管委",
    ]


def test_split_zibo_square_brackets_and_trailing_parentheses() -> None:
    # 003_98f35a46e05eef23.txt, 二（一） and 三（二）
    text = ("〔市生态环境局、市发展改革委、市工业和信息化局、市农业农村局按职责分工负责，各区县（含高新区、"
            "经济开发区、文昌湖省级旅游度假区，下同）负责落实。以下各项任务均需各区县负责落实，不再一一列出〕")
    assert split_responsible(text) == ["市生态环境局", "市发展改革委", "市工业和信息化局", "市农业农村局", "各区县政府"]
    assert split_responsible("（市交通运输局、市发展改革委、国铁济南局淄博车务段、市机关事务局）") == [
        "市交通运输局", "市发展改革委", "国铁济南局淄博车务段", "市机关事务服务中心",
    ]


def test_registry_has_provenance() -> None:
    table = load("departments")
    assert {"canonical", "aliases", "kind", "source", "edition", "status"} <= set(table.columns)
    assert table["canonical"].is_unique
    aliases = [a for cell in table["aliases"].dropna() for a in str(cell).split("|") if a]
    assert len(aliases) == len(set(aliases)), "an alias must point to one unit only"


def test_lead_units() -> None:
    # wording used by plans that separate 牵头 and 配合 (none of the seeds does; Zibo writes
    # "市生态环境局牵头成立…" in prose, 003_98f35a46e05eef23.txt 七（一）)
    from cocontrol.plans.departments import lead_units

    note = "（牵头单位：市发改委；配合单位：市工业和信息化局、市生态环境局）"
    assert lead_units(note) == ["市发展改革委"]
    assert split_responsible(note) == ["市发展改革委", "市工业和信息化局", "市生态环境局"]
    assert lead_units("（市发展改革委牵头，市工业和信息化局按职责分工负责）") == ["市发展改革委"]
    assert lead_units("（市发展改革委、市工业和信息化局）") == []


def test_a_long_name_the_plan_shortens_is_the_short_name() -> None:
    """济南 碳达峰方案 五（一）: "…（以下统称为各区县政府）" names the unit 各区县政府 (issue 9: the 调度表
    showed "各区县政府及代管镇街道的功能区管理机构（以下统称为各区县政府" with its bracket cut)."""
    text = ("〔责任单位：市碳达峰碳中和工作领导小组办公室、各区县政府及代管镇街道的功能区管理机构"
            "（以下统称为各区县政府）、市有关部门单位〕")
    assert split_responsible(text) == ["市碳达峰碳中和工作领导小组办公室", "各区县政府", "市有关部门单位"]
    assert split_responsible("责任单位：济南市大数据局（以下简称“市大数据局”）、市生态环境局") == [
        "市大数据局", "市生态环境局"]
