"""Target rules on real sentences of the seed plans (each test names its seed file).

Expected values are read off the sentence by hand; relations follow the gold conventions
(达到/不少于/以上 → ">=", 以下/控制在 → "<=", 比YYYY年下降 → reduce_by, bare 建设/创建 N → "=").
"""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan
from cocontrol.plans.sentences import Found, find_targets, five_year_span


def _values(found: list[Found]) -> list[tuple[int | None, float, str, str]]:
    return [(f.year, f.quantity.value, f.quantity.unit, f.relation) for f in found]


def test_fenbie_over_years_weihai() -> None:
    # 000_622501f90e077414.txt, 二（一）2: three years, three values
    s = "2024年、2025年、2026年，海上风电在运在建装机规模分别达到150万千瓦、200万千瓦、260万千瓦。"
    assert _values(find_targets(s)) == [
        (2024, 150.0, "万千瓦", ">="), (2025, 200.0, "万千瓦", ">="), (2026, 260.0, "万千瓦", ">="),
    ]


def test_fenbie_over_years_with_three_indicators_weihai() -> None:
    # 000_622501f90e077414.txt, 二（一）1: one year list governs three 分别 clauses → 9 targets
    s = ("2024年、2025年、2026年，核电在运装机规模分别达到20万千瓦、326万千瓦、326万千瓦，"
         "核电在建装机规模分别达到546万千瓦、240万千瓦、240万千瓦，"
         "核能供热面积分别达到650万平方米、1100万平方米、1100万平方米。")
    found = find_targets(s)
    assert len(found) == 9
    assert [f.year for f in found] == [2024, 2025, 2026] * 3
    assert [f.indicator for f in found[3:6]] == ["核电在建装机规模"] * 3
    assert found[8].quantity.unit == "万平方米" and found[8].quantity.value == 1100


def test_fenbie_over_indicators_with_year_range_weihai() -> None:
    # 000_622501f90e077414.txt, 二（三）4: four indicators, four values, 以上 on the last one
    # applies to all; the range 2024—2026年 sets the level for each of its years (issue 10).
    s = ("2024—2026年一般工业固体废物综合利用率、秸秆综合利用率、畜禽粪污综合利用率、"
         "城市污泥无害化处理处置率分别稳定维持在90%、96%、90%、90%以上。")
    found = find_targets(s)
    last = [f for f in found if f.year == 2026]
    assert [(f.indicator, f.quantity.value) for f in last] == [
        ("一般工业固体废物综合利用率", 90.0), ("秸秆综合利用率", 96.0),
        ("畜禽粪污综合利用率", 90.0), ("城市污泥无害化处理处置率", 90.0),
    ]
    assert sorted(f.year for f in found) == [2024] * 4 + [2025] * 4 + [2026] * 4
    assert {f.relation for f in found} == {">="}


def test_reduction_against_base_year_jinan() -> None:
    # 004_ec4efe7686378a5a.txt, 二、主要目标
    s = "到2030年，非化石能源消费占比达到12%以上，单位地区生产总值二氧化碳排放比2005年下降68%以上，确保如期实现2030年前碳达峰目标。"
    found = find_targets(s)
    assert _values(found) == [(2030, 12.0, "%", ">="), (2030, 68.0, "%", "reduce_by"),
                              (2030, 2030.0, "年", "<=")]  # 2030年前碳达峰: a peak target
    assert found[1].base_year == 2005 and found[0].base_year is None


def test_annual_rate_and_hedge_weihai() -> None:
    # 000_622501f90e077414.txt, 一、总体要求: 年平均下降 3%左右
    s = "单位地区生产总值二氧化碳排放年平均下降3%左右，非化石能源消费占比达到25%。"
    first, second = find_targets(s)
    assert (first.relation, first.annual_rate, first.approx) == ("reduce_by", True, True)
    assert (second.relation, second.annual_rate, second.approx) == (">=", False, False)


def test_annual_growth_zibo() -> None:
    # 003_98f35a46e05eef23.txt, 三（二）: 年均增长10%, then a level, then a count
    s = "到2025年，全市多式联运货运量年均增长10%，运量达到1850万吨，建成8个具有多式联运功能的绿色物流园区。"
    found = find_targets(s)
    assert _values(found) == [
        (2025, 10.0, "%", "increase_by"), (2025, 1850.0, "万吨", ">="), (2025, 8.0, "个", "="),
    ]
    assert found[0].annual_rate and not found[1].annual_rate


def test_bound_words_and_strive_weihai() -> None:
    # 000_622501f90e077414.txt: 以下 → <=, 不少于 → >=, 力争 marks strive
    s = ("确保PM2.5浓度稳定保持在24微克/立方米以下，力争全市近岸海域水质优良比例达到100%，"
         "完成主要污染物NOx、VOCs、COD、NH3-N减排量分别不少于1980吨、1035吨、3150吨、135吨。")
    found = find_targets(s, default_year=2026)
    assert found[0].relation == "<=" and found[0].quantity.unit == "微克/立方米"
    assert found[1].strive and not found[0].strive
    assert [f.quantity.value for f in found[2:]] == [1980.0, 1035.0, 3150.0, 135.0]
    assert {f.relation for f in found[2:]} == {">="}
    assert {f.year for f in found} == {2026}


def test_approx_and_strive_jinan() -> None:
    # 004_ec4efe7686378a5a.txt, 三（一）5
    s = "到2030年，力争天然气消费量在能源消费总量中的比重提高到10%以上。"
    (f,) = find_targets(s)
    assert (f.year, f.quantity.value, f.relation, f.strive) == (2030, 10.0, ">=", True)


def test_over_and_approx_zibo() -> None:
    # 003_98f35a46e05eef23.txt: 4万个以上 keeps 万个 as the unit; 50%左右 is approximate
    (f,) = find_targets("“十四五”期间，全市新建各类充电4万个以上，达到全省先进水平。")
    assert (f.quantity.value, f.quantity.unit, f.relation, f.year) == (4.0, "万个", ">=", 2025)
    (g,) = find_targets("到2030年，新能源汽车新车销售量达到汽车新车销售量的50%左右。")
    assert g.approx and g.quantity.value == 50.0


def test_chinese_numerals() -> None:
    # 百分之十 and 两个 are converted span by span (never the whole sentence: 二氧化碳 stays)
    (f,) = find_targets("到2025年，单位地区生产总值二氧化碳排放降低百分之十八。")
    assert (f.quantity.value, f.quantity.unit, f.relation) == (18.0, "%", "reduce_by")
    assert "二氧化碳" in f.indicator
    (g,) = find_targets("到2025年，新增省级生态文明建设示范县两个。")
    assert (g.quantity.value, g.quantity.unit) == (2.0, "个")
    (h,) = find_targets("到2025年，规模以上工业企业中一半以上完成清洁生产审核。")
    assert (h.quantity.value, h.quantity.unit, h.relation) == (50.0, "%", ">=")


def test_number_broken_by_line_break_weihai() -> None:
    # 000_622501f90e077414.txt prints "326万千\n\n瓦"; the span must cover the number in the
    # original text and the unit is read as 万千瓦.
    text = seed_like = "——2025 年，核电在运装机规模达到 326万千\n\n瓦。"
    doc = extract_plan(seed_like)
    (t,) = doc.targets
    assert (t.value, t.unit, t.year) == (326.0, "万千瓦", 2025)
    assert text[t.span[0] : t.span[1]].replace("\n", "") == "326万千瓦"


# --- what must not be reported --------------------------------------------------------


def test_scope_thresholds_are_not_targets() -> None:
    # 000_622501f90e077414.txt (30万千瓦以下小型煤电, 150万吨以上的大型工矿企业),
    # 004_ec4efe7686378a5a.txt (30 万千瓦及以上煤电机组)
    assert find_targets("推进现役30万千瓦以下小型煤电、低质低效煤电分批分期退出关停。") == []
    assert find_targets("支持砂石、煤炭等大宗货物年运输量150万吨以上的大型工矿企业新（改、扩）建铁路专用线。") == []
    assert find_targets("对30万千瓦及以上煤电机组实施对标行动。") == []
    # 002_f45fb1e62091458f.txt
    assert find_targets("禁止新建35蒸吨/小时及以下燃煤锅炉，对新建35蒸吨/小时以上的燃煤锅炉严格执行煤炭减量替代办法。") == []


def test_project_sizes_are_not_targets_weihai() -> None:
    # 000_622501f90e077414.txt, 二（一）3
    s = "有序推进山东文登HG32场址海上光伏一期50万千瓦项目、大唐文登泽库侯家400兆瓦光伏发电项目建设。"
    assert find_targets(s) == []


def test_document_numbers_dates_and_phones_are_not_targets() -> None:
    # 000_622501f90e077414.txt header and 004_ec4efe7686378a5a.txt contact line
    assert find_targets("威海市人民政府关于印发实施方案的通知威政字〔2024〕52号") == []
    assert find_targets("济南市人民政府2023年6月28日(联系电话：市发展改革委碳达峰碳中和工作专班，51708514)") == []


def test_emission_standard_names_are_not_targets_weihai() -> None:
    # 000_622501f90e077414.txt, 二（四）2: 国三 is a standard, not a number of trucks
    assert find_targets("完成国三及以下柴油货车淘汰任务，鼓励国三及以下非营运柴油货车提前淘汰。") == []


def test_projections_and_past_results_are_not_targets() -> None:
    # style of a 十三五 review (002_f45fb1e62091458f.txt, chapter 1) and of a projection
    assert find_targets("过去五年，全市累计关停小型燃煤锅炉1200台。") == []
    assert find_targets("全市现有规模以上工业企业2385家，其中重点用能单位156家。") == []
    doc = extract_plan("经初步测算，到2025年全市碳排放量将达到4500万吨。")
    assert doc.targets == []


def test_review_section_is_skipped_rongcheng() -> None:
    # 002_f45fb1e62091458f.txt opens with the 十三五 review: 水产品产量达到125万吨 is history
    text = ("“十三五”时期，荣成市深入贯彻习近平生态文明思想。\n"
            "全市水产品产量达到125万吨。\n"
            "锚定2035年远景目标，合理设置“十四五”期间总体目标。\n"
            "2025年底前，全市森林覆盖率达到25%左右。\n")
    doc = extract_plan(text)
    assert [(t.value, t.year) for t in doc.targets] == [(25.0, 2025)]


def test_five_year_plan_years() -> None:
    # 十四五 = 2021–2025, 十三五 = 2016–2020 (the third plan began in 1966)
    assert five_year_span(14) == (2021, 2025)
    assert five_year_span(13) == (2016, 2020)


def test_counts_of_units_closed_or_retrofitted_weihai() -> None:
    # 000_622501f90e077414.txt, ——2025 年: 14 家 names the scope, 10台/17台 are the targets
    s = "——2025年，完成煤电行业14家热电企业10台机组关停、17台机组改造。"
    found = find_targets(s, default_year=2025)
    assert [(f.indicator, f.quantity.value, f.quantity.unit, f.relation) for f in found] == [
        ("机组关停", 10.0, "台", "="), ("机组改造", 17.0, "台", "="),
    ]


def test_paragraph_years_weihai() -> None:
    # 000_622501f90e077414.txt: "经过 3年试点" (issued 2024) sets 2026 for the goals of 一、总体要求,
    # "——2024 年，" sets the year of its paragraph.
    text = ("威海市人民政府\n2024年 9月 21日\n（此件公开发布）\n"
            "经过 3年试点，非化石能源消费占比达到 25%。\n"
            "——2024 年，在运在建抽水蓄能电站装机规模达到 180万千瓦。\n")
    doc = extract_plan(text)
    assert [(t.value, t.year) for t in doc.targets] == [(25.0, 2026), (180.0, 2024)]


def test_share_of_units_doing_something_rongcheng() -> None:
    # 002_f45fb1e62091458f.txt: "70%以上的城市细胞达到创建标准要求" — the share is the target
    (f,) = find_targets("2025年底前，70%以上的城市细胞达到创建标准要求，为实现“无废社会”打下基础。")
    assert (f.year, f.quantity.value, f.relation) == (2025, 70.0, ">=")


def test_statements_with_wei_are_not_targets() -> None:
    # a monitoring statement (为 + value, no future marker) is not a target
    assert find_targets("2023年，全市PM2.5平均浓度为31微克/立方米，同比下降6.1%。") == []
    # … but 比例为100% with 每年 is a standing requirement (004_ec4efe7686378a5a.txt)
    (f,) = find_targets("每年新增和更新的城市公共汽车、出租车新能源车辆比例为100%。")
    assert (f.quantity.value, f.relation, f.annual_rate) == (100.0, "=", False)


def test_baseline_from_you_dao() -> None:
    # wording of other provinces' plans (由…提高到…); the 2020 value is the baseline
    (f,) = find_targets("全市森林覆盖率由2020年的18.5%提高到2025年的20%。")
    assert (f.year, f.quantity.value, f.relation, f.baseline_value, f.baseline_year) == (
        2025, 20.0, ">=", 18.5, 2020)


def test_thresholds_with_de_are_not_targets() -> None:
    # scope of a rule, like 年运输量150万吨以上的大型工矿企业 in 000_622501f90e077414.txt
    assert find_targets("对排放量超过2.6万吨二氧化碳当量的企业纳入全国碳市场管理。") == []


def test_full_width_digits_and_shared_units() -> None:
    # full-width digits as some Word documents carry them; spans stay on the original text
    text = "到２０２５年，全市ＰＭ２.５浓度下降到３０微克/立方米。"
    (t,) = extract_plan(text).targets
    assert (t.year, t.value, t.unit, t.relation) == (2025, 30.0, "微克/立方米", "<=")
    assert text[t.span[0] : t.span[1]] == "３０微克/立方米"
    # 000_622501f90e077414.txt writes 400个、500个、600个; the unit may also be written once
    found = find_targets("2024年、2025年、2026年，建设“无废细胞”数量分别不少于400、500、600个。")
    assert [(f.year, f.quantity.value, f.quantity.unit, f.relation) for f in found] == [
        (2024, 400.0, "个", ">="), (2025, 500.0, "个", ">="), (2026, 600.0, "个", ">="),
    ]
    assert found[0].indicator == "“无废细胞”数量"


def test_not_below_and_over_seeds() -> None:
    # 000_622501f90e077414.txt, 二（二）2: 不低于 on a list of two shares
    found = find_targets("对海草床修复海域种植海草实施3年管护，确保植株保存率不低于45%、种子实生苗保存率不低于30%。")
    assert [(f.quantity.value, f.relation) for f in found] == [(45.0, ">="), (30.0, ">=")]
    # 004_ec4efe7686378a5a.txt, 三（五）1: 超过 → >=
    found = find_targets("到2025年，全市建成充换电站700座，充换电基础设施保有量超过8万个。")
    assert [(f.quantity.value, f.quantity.unit, f.relation) for f in found] == [(700.0, "座", "="), (8.0, "万个", ">=")]


def test_approx_with_yue() -> None:
    # 约 before the number (wording of other provinces' 十四五 plans; the seeds use 左右)
    (f,) = find_targets("“十四五”期间，全市新增海上风电装机容量约1700万千瓦。")
    assert (f.year, f.quantity.value, f.approx, f.relation) == (2025, 1700.0, True, "=")


def test_emission_standard_guoliu_is_not_a_number_rongcheng() -> None:
    # 002_f45fb1e62091458f.txt: 国六 and 国四 name standards; only 30%以上 is a target
    s = ("2025年底前，完成上级下达的淘汰国四及以下排放标准营运柴油货车任务，"
         "国六排放标准重型货车占比达到30%以上。")
    assert [(f.year, f.quantity.value, f.quantity.unit, f.relation) for f in find_targets(s)] == [
        (2025, 30.0, "%", ">=")]


def test_slogans_and_money_are_not_targets() -> None:
    # gold-set conventions (tests/plans/gold/README.md): slogans and money allocated are not targets
    assert find_targets("打造1小时经济圈和15分钟生活圈。") == []
    assert find_targets("各级财政安排资金不少于5000万元，支持减污降碳项目。") == []
    (f,) = find_targets("到2025年，节能环保产业产值达到500亿元。")
    assert (f.quantity.value, f.quantity.unit, f.relation) == (500.0, "亿元", ">=")


def test_comparison_with_a_past_year_is_a_report() -> None:
    # "与2015年相比，2020年…" reports a result; a target says "到2025年…比2020年下降"
    assert find_targets("与2015年相比，2020年全市化学需氧量排放总量减少12.3%，氨氮减少15.1%。") == []
    (f,) = find_targets("与2020年相比，到2025年全市化学需氧量排放总量减少8%。")
    assert (f.year, f.relation, f.quantity.value, f.base_year) == (2025, "reduce_by", 8.0, 2020)


def test_count_of_enumerated_items_rongcheng() -> None:
    # 002_f45fb1e62091458f.txt, 第九章: 两个 sums up the two waters named before it (the object
    # of 扩展到), so it is a count target, not a size qualifying 水域; 2 个, 年底前 → 2025, "="
    s = "2025年底前，将“无废航区”模式扩展到石岛东南、成山头西北部两个水域。"
    (f,) = find_targets(s, issue_year=2021)
    assert (f.year, f.quantity.value, f.quantity.unit, f.relation) == (2025, 2.0, "个", "=")
    assert f.indicator == "“无废航区”模式扩展到的水域"
    # a count naming as many items after a creating verb: the count of what is built
    (g,) = find_targets("到2025年，建成东区、西区两个污水处理厂。")
    assert (g.indicator, g.quantity.value) == ("污水处理厂", 2.0)
    # the items are a place of action (在…), not the object of a target verb: no target
    assert find_targets("到2025年，在济南、青岛两个城市开展试点。") == []
    # the count does not match the items listed: a size, not a sum (three named, 两个 said)
    assert find_targets("到2025年，将模式扩展到甲湾、乙湾、丙湾两个水域。") == []


def test_strive_opening_the_first_target_clause_covers_the_sentence_rongcheng() -> None:
    # 002_f45fb1e62091458f.txt, 第七章: 力争 after the year governs both goals of the sentence
    s = "大力推进绿色出行创建工作，2022年底前，力争绿色出行比例达到70%以上，绿色出行服务满意率不低于80%。"
    assert [(f.year, f.quantity.value, f.relation, f.strive) for f in find_targets(s, issue_year=2021)] == [
        (2022, 70.0, ">=", True), (2022, 80.0, ">=", True)]
    # without 力争 neither is aspirational
    s = "2022年底前，绿色出行比例达到70%以上，绿色出行服务满意率不低于80%。"
    assert [f.strive for f in find_targets(s, issue_year=2021)] == [False, False]
