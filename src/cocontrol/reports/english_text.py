"""English of the report's own sentences (the words — names, statuses, classes, units — come
from ``refdata/terms.csv`` and the figure registry, never from here).

:data:`EXACT` maps a fixed Chinese string of the builders to English; :data:`PATTERNS` maps a
Chinese sentence with slots to English (:func:`cocontrol.reports.english.translate` fills
them: ``{n}`` number, ``{y}`` year, ``{k}`` count, ``{x}`` text translated in turn, ``{p}``
plan wording). Patterns are tried in order; put the longer one first. A paragraph is
translated sentence by sentence (split after 。).
"""

from __future__ import annotations

EXACT: dict[str, str] = {
    # titles and headings
    "（年度减污降碳协同成果评价）": "(annual evaluation of co-reduction results)",
    "（按责任单位）": "(by responsible unit)",
    "摘要": "Summary", "目标指标完成情况": "Progress on targets", "温室气体与大气污染物排放": "Greenhouse gases and air pollutants",
    "减污降碳协同成效": "Co-reduction results", "同类城市比较": "Peer comparison", "重点任务进展": "Progress on key tasks",
    "存在问题": "Problems", "下一步工作": "Next steps", "约束性指标": "Binding targets", "预期性指标": "Indicative targets",
    "未标注属性指标": "Targets without a binding status", "海洋碳汇（蓝碳）": "Ocean carbon sinks (blue carbon)",
    "碳达峰路径": "Carbon peaking pathway", "未达峰": "no peak",
    "调度说明": "About this table", "调度汇总": "Summary by unit", "任务与指标调度明细": "Tasks and targets in detail",
    "预警事项": "Warnings",
    # captions, sheets and figures
    "主要数据（直接排放，范围一）": "Headline figures (direct emissions, scope 1)", "主要数据": "Headline figures",
    "滞后或存在风险的目标指标": "Targets lagging or at risk", "滞后或存在风险的目标指标（全部）": "Targets lagging or at risk (all)",
    "滞后目标": "Lagging targets", "滞后目标（全部）": "Lagging targets (all)",
    "约束性指标完成情况": "Binding targets", "预期性指标完成情况": "Indicative targets",
    "未标注属性指标完成情况": "Targets without a binding status", "规划量化目标": "Quantified targets of the plans",
    "目标指标完成情况明细": "Targets in detail", "目标明细": "Targets in detail", "目标指标完成状态分布": "Targets by status",
    "目标指标完成状态": "Targets by status",
    "滞后或存在风险的目标": "Targets lagging or at risk",
    "约束性指标中滞后或存在风险的目标": "Binding targets lagging or at risk",
    "预期性指标中滞后或存在风险的目标": "Indicative targets lagging or at risk",
    "未标注属性指标中滞后或存在风险的目标": "Targets without a binding status lagging or at risk",
    "目标指标完成情况（全部）": "Progress on targets (all)", "目标状态": "Target status",
    # 碳达峰路径 (cocontrol.scenarios.report)
    "二氧化碳排放路径": "CO2 emission pathways", "各情景二氧化碳排放路径": "CO2 emission pathways by scenario",
    "规划目标达成情况预测": "Projected attainment of the plans' targets", "情景": "Scenario",
    "达成概率": "Probability of attainment", "措施": "Measure", "CO2减排": "CO2 reduction",
    "SO2减排": "SO2 reduction", "NOx减排": "NOx reduction", "大气污染物当量减排": "APeq reduction",
    "年成本": "Annual cost", "单位减排成本": "Cost per tonne of CO2", "元/吨": "yuan/t",
    "达成概率为蒙特卡洛抽样中达到目标的比例。": "The probability of attainment is the share of Monte Carlo draws "
    "that meet the target.",
    "逐项加入措施、有无措施两次计算之差（减排为正），交互作用不重复计算。": "Measures are added one at a time; each "
    "reduction is the difference between the runs with and without the measure (reductions positive), so "
    "interactions are not counted twice.",
    "本章二氧化碳为直接排放与外购电力、热力间接排放之和（按情景设定文件），与清单章节的直接排放数值不同。": "CO2 in this "
    "chapter is the direct emission plus that of purchased electricity and heat (as the scenario file sets it), so it "
    "differs from the direct emissions of the inventory chapter.",
    "本章数据取自平台“情景分析”页保存的计算结果，与该页显示一致。": "The figures of this chapter are the stored run "
    "that the platform's scenario page shows.",
    "平台此前尚无本情景的计算结果，本章数据为生成本报告时按“情景分析”页的同一方法计算，已保存，该页显示同一结果。": "The "
    "platform had no stored run of this scenario file; it was computed for this report by the scenario page's own "
    "method and stored, so the page now shows the same figures.",
    "生成本报告时平台尚无本情景的计算结果，已在“情景分析”页开始后台计算（蒙特卡洛抽样，约需数分钟）；"
    "计算完成后重新下载本报告，本章即列出各情景的碳达峰年份、峰值和规划目标达成概率。": "The platform had no "
    "stored run of this scenario file when this report was made; the run has been started in the background on the "
    "scenario page (Monte Carlo draws, a few minutes). Download the report again once it has finished and this "
    "chapter gives each scenario's peak year, peak value and the probability of reaching the plan's targets.",
    "增速、弹性、措施规模与成本等假设及其来源见情景设定文件，其中标注为“示例”的数值仅作方法演示。": "The "
    "assumptions on growth, elasticities, measure scale and cost, with their sources, are in the scenario file; "
    "values marked \"illustrative\" only demonstrate the method.",
    "二氧化碳排放量变化趋势": "CO2 emissions by year", "协同度综合指数变化": "Synergy index by year",
    "分年度二氧化碳排放量与大气污染物当量": "CO2 emissions and APeq by year", "分年度排放": "Emissions by year",
    "分部门二氧化碳": "CO2 by sector", "分部门协同类型": "Co-control class by sector", "排放总量": "Emission totals",
    "派生指标": "Derived indicators", "减污降碳协同度综合指数": "Synergy index", "减污与降碳耦合协调度": "Coupling coordination",
    "排放与经济增长脱钩状态（Tapio）": "Decoupling of emissions from growth (Tapio)",
    "二氧化碳排放变化因素分解（LMDI）": "Drivers of the change in CO2 emissions (LMDI)",
    "减污降碳协同效应弹性系数": "Co-control elasticity", "弹性系数": "Elasticity", "同类城市排名": "Peer ranking",
    "同类城市指标比较": "Peer indicators", "有滞后或风险目标的责任单位": "Units with targets lagging or at risk",
    "责任单位重点任务与目标情况": "Key tasks and targets by responsible unit", "责任单位汇总": "Units",
    "责任单位": "Responsible unit", "目标预警事项": "Target warnings",
    "责任单位任务与指标汇总": "Tasks and targets by responsible unit", "汇总": "Summary",
    "责任单位任务与指标调度明细": "Tasks and targets by responsible unit, in detail", "调度明细": "Detail",
    "各年蓝碳碳汇量": "Blue-carbon removals by year", "蓝碳（分年）": "Blue carbon by year", "蓝碳": "Blue carbon",
    # column headers
    "数据项": "Item", "年份": "Year", "数值": "Value", "单位": "Unit", "比上年变化": "Change on the year before",
    "指标": "Indicator", "状态": "Status", "判定依据": "Basis", "目标": "Target", "最新值（年份）": "Latest value (year)",
    "部门": "Sector", "占比": "Share", "排放物": "Species", "变化率": "Change", "时段": "Period", "弹性系数Els": "Elasticity Els",
    "协同类型": "Co-control class", "排名": "Rank", "城市": "City", "综合指数": "Synergy index", "维度": "Dimension",
    "权重": "Weight", "本市贡献": "Contribution", "指数点": "index points", "该指标首位城市": "Best city on the indicator",
    "与首位差距": "Gap to the best", "综合指数（0–100）": "Synergy index (0–100)", "减污子系统": "Pollution subsystem",
    "降碳子系统": "Carbon subsystem", "耦合度C": "Coupling C", "综合协调指数T": "Coordination index T",
    "耦合协调度D": "Coupling coordination D", "协调等级": "Coordination class", "基期": "Base year", "末期": "End year",
    "压力指标": "Pressure", "排放变化率": "Change in emissions", "GDP变化率": "Change in GDP", "脱钩弹性": "Decoupling elasticity",
    "脱钩状态": "Decoupling state", "排放变化量": "Change in emissions", "人口效应": "Population effect",
    "经济发展效应": "Economic growth effect", "能源强度效应": "Energy intensity effect",
    "碳排放强度效应": "Carbon intensity effect", "类别": "Kind", "编号": "No.", "内容": "Task or target",
    "牵头/配合": "Lead or support", "目标年": "Target year", "目标方向": "Direction", "目标值": "Target value",
    "最新值": "Latest value", "说明": "Note", "重点任务数": "Key tasks", "目标指标数": "Targets",
    "滞后或有风险": "Lagging or at risk", "暂无评价结果": "Not yet evaluated", "预警等级": "Warning level",
    "最新年份": "Latest year", "判定说明": "Reasoning", "关联任务": "Linked tasks", "预测值": "Forecast",
    "类型": "Kind", "地点/品种": "Site or species", "参数状态": "Parameters", "数据": "Data", "来源": "Source",
    "数据性质": "Data", "目标编号": "Target no.", "预测下限": "Forecast low", "预测上限": "Forecast high",
    "计算方法": "Method", "输入数据": "Inputs", "得分": "Score", "等级": "Class", "脱钩": "Decoupling",
    "协调度": "Coordination", "耦合协调度": "Coupling coordination", "起始年": "Start year", "终止年": "End year",
    "基准年": "Base year", "因素": "Factor", "效应": "Effect", "贡献": "Contribution", "变化量": "Change",
    "任务": "Task", "任务编号": "Task no.", "预警内容": "Warning", "横坐标": "x", "纵坐标": "y", "污染物": "Pollutant",
    "温室气体": "GHG", "指标属性": "Binding", "子系统": "Subsystem", "象限": "Quadrant", "规划方案": "Plan",
    "数量": "Count", "填报情况": "Reported", "地区": "Region", "范围": "Scope", "燃料": "Fuel",
    "二氧化碳排放变化率": "Change in CO2 emissions", "大气污染物当量变化率": "Change in APeq",
    "二氧化碳排放变化量": "Change in CO2 emissions", "大气污染物当量变化量": "Change in APeq",
    # blue-carbon restoration projects (cocontrol.sinks.report)
    "修复项目监测结果": "Surveys of the restoration projects", "修复项目监测": "Restoration surveys", "修复项目": "Restoration projects",
    "项目": "Project", "监测日期": "Survey date", "植株成活率": "Shoot survival", "幼苗成活率": "Seedling survival",
    "覆盖度": "Cover", "最近监测": "Latest survey", "面积": "Area", "年碳汇低值": "Yearly sink, low",
    "年碳汇中值": "Yearly sink, central", "年碳汇高值": "Yearly sink, high",
    "阈值为项目自定（威海：植株保存率不低于45%、种子实生苗保存率不低于30%，3年管护）。":
        "Thresholds are the project's own (Weihai: shoot survival at least 45 %, seedling survival at least 30 %, "
        "3 years of care).",
    "状态按项目自定的植株、幼苗成活率阈值判定（管护期内）；报告年度尚未开工的项目不列碳汇；碳汇区间=面积×最近一次监测覆盖度×"
    "低、中、高沉积物埋藏速率×44/12，不含初级生产力；生物量碳储量为一次性储量，不计入年碳汇。":
        "The status follows the project's own shoot and seedling survival thresholds (within the care period); "
        "a project not started in the report year lists no sink; "
        "sink range = area × latest surveyed cover × low, central and high sediment burial rates × 44/12, "
        "primary production excluded; the biomass stock is a one-off stock, not part of the yearly sink.",
    # chart texts
    "指数（0–100）": "index (0–100)", "指标数（项）": "targets", "综合指数（按维度分解，指数点）": "synergy index by dimension (index points)",
    # sentences
    "直接排放（范围一）口径。": "Direct emissions (scope 1).",
    "经评价，未发现滞后或存在风险的目标指标。": "No target lags or is at risk.",
    "经评价，未发现滞后或存在风险的量化目标指标。": "No quantified target lags or is at risk.",
    "单位地区生产总值二氧化碳排放、能耗等派生指标见Excel工作簿。":
        "Derived indicators (CO2 and energy per unit of GDP …) are in the Excel workbook.",
    "耦合协调度、脱钩状态和排放变化因素分解（LMDI）见Excel工作簿。":
        "Coupling coordination, decoupling and the LMDI decomposition are in the Excel workbook.",
    "部分评价指标因数据不足未纳入计算，详见附件。":
        "Some indicators lacked data and were left out of the index; see the annex.",
    "按规划方案要求，定期调度各责任单位目标任务进展，开展年度减污降碳协同成果评价，评价结果向市政府报告。":
        "As the plans require, follow up each unit's targets and tasks regularly, evaluate co-reduction every year "
        "and report the evaluation to the city government.",
    "计算口径见附件。": "Methods are in the annex.",
    "截至本期，无预警事项。": "No warnings in this period.",
    "以下列出规划方案确定的量化目标，完成情况待目标跟踪结果补齐后评价。":
        "The quantified targets of the plans are listed below; they are evaluated once tracking results exist.",
    "“最新值（年份）”为状态所依据的数值；“基期值”为规划基期数据，其后尚无监测值。预测值和判定说明见Excel工作簿。":
        "\"Latest value (year)\" is the value the status was judged from; \"baseline\" is the plan's base-year "
        "value with no monitored value since. Forecasts and reasoning are in the Excel workbook.",
    "“最新值（年份）”为状态所依据的数值；“基期值”为规划基期数据，其后尚无监测值；“无数据”表示评价年度及以前没有可用数值。"
    "预测值和判定说明见Excel工作簿。":
        "\"Latest value (year)\" is the value the status was judged from; \"baseline\" is the plan's base-year "
        "value with no monitored value since; \"no data\" means no value up to the evaluation year. Forecasts "
        "and reasoning are in the Excel workbook.",
    "变化量 = 末期 − 基期，负值表示下降；标注“下降量/下降率”的列以下降为正，并在表注中说明。":
        "Change = end year − base year; negative values are decreases; columns headed \"reduction\" show "
        "decreases as positive and say so.",
    "类型由同一行显示的两项变化率的符号判定。": "The class follows the signs of the two rates shown in the same row.",
    "比上年变化 = 本年 ÷ 上年 − 1，负值表示下降。": "Change on the year before = this year ÷ the year before − 1; negative values are decreases.",
    "部分数据为示例数据，仅用于演示，不得作为正式数据引用。": "Some data are illustrative, for demonstration only, and must not be cited as official.",
    "说明：部分数据为示例数据，仅用于演示，不得作为正式数据引用。":
        "Note: some data are illustrative, for demonstration only, and must not be cited as official.",
    "直接排放（范围一）口径；温室气体当量按 IPCC 第五次评估报告（AR5）全球增温潜势折算":
        "Direct emissions (scope 1); GHG in CO2e with the IPCC AR5 global warming potentials",
    "维度得分为维度内指标标准化值的加权和（0–1）。": "A dimension score is the weighted sum of its indicators' normalised values (0–1).",
    "本平台同类城市面板（协同度综合指数与区域排名）": "The platform's peer-city panel (synergy index and ranking)",
    "贝藻为可移出碳汇，不等同于永久封存；海草床、盐沼按面积×埋藏速率计，修复项目的区间另见修复项目核算；“示例”数据仅作演示。":
        "Shellfish and seaweed are removable carbon, not permanent storage; seagrass and salt marsh are area × "
        "burial rate (restoration projects have their own ranges); \"illustrative\" data are for demonstration only.",
    "全部": "all", "全部部门，": "all sectors, ",
    "温室气体当量按 IPCC 第五次评估报告（AR5）全球增温潜势折算": "GHG in CO2e with the IPCC AR5 global warming potentials",
    "变化量 = 末期 − 基期，负值表示下降": "Change = end year − base year; negative values are decreases",
    "标注“下降量/下降率”的列以下降为正，并在表注中说明": "columns headed \"reduction\" show decreases as positive and say so",
    # words of a target's reason (cocontrol.tracking.status: the measure, the judged relation, notes)
    "累计下降": "cumulative reduction", "累计增长": "cumulative growth", "年均下降率": "average yearly reduction",
    "年均增长率": "average yearly growth", "等于": "equal to", "增长": "increase by",
    "目标年已过": "the target year has passed", "仅1个数据点": "one data point only",
    "无法判断趋势": "no trend can be judged", "无法计算变化": "the change cannot be computed",
    "此后的年度变化未计入": "yearly changes after it are not counted", "目标未写明基准年": "the target names no base year",
    "目标未写明目标年份，无法判断进度。": "The target names no target year, so progress cannot be judged.",
    "限值目标": "a ceiling", "下限目标": "a floor", "累计值目标": "a cumulative target",
    # annex
    "活动水平数据": "Activity data", "统计数据": "Statistics", "指标监测值": "Monitored indicator values",
    "工作区中无此类数据。": "None in the workspace.", "（发文信息未录入）": "(issuing details not recorded)",
    "协同评价数据说明": "Notes on the synergy data", "派生指标计算口径": "Methods of the derived indicators", "计算口径": "Formulas", "数据说明": "Data notes", "计算公式": "Formula",
    "数据性质说明": "About the data",
    "方法：目标完成情况研判": "Method: judging progress on targets",
    "方法：温室气体与大气污染物排放清单": "Method: greenhouse-gas and air-pollutant inventory",
    "方法：派生指标": "Method: derived indicators", "方法：减污降碳协同评价": "Method: co-reduction evaluation",
    "方法：同类城市比较": "Method: peer comparison",
    "各规划方案文本；各责任单位填报数据": "The plans' texts; values reported by the responsible units",
    "IPCC 2006年国家温室气体清单指南；省级温室气体清单编制指南（试行）；大气污染物排放清单编制技术指南（2014）":
        "2006 IPCC Guidelines for National Greenhouse Gas Inventories; Guidelines for Provincial Greenhouse Gas "
        "Inventories (trial); Technical Guidelines for Air Pollutant Emission Inventories (2014)",
    "统计年鉴与统计公报；本平台排放清单": "Statistical yearbooks and communiqués; the platform's emission inventory",
    "毛显强等（2012）协同控制坐标系；邢有凯等（2020）《中国环境管理》12(4)":
        "Mao Xianqiang et al. (2012), co-control coordinate system; Xing Youkai et al. (2020), Chinese Journal of "
        "Environmental Management 12(4)",
    "本平台同类城市面板；邢有凯等（2020）《中国环境管理》12(4)":
        "The platform's peer-city panel; Xing Youkai et al. (2020), Chinese Journal of Environmental Management 12(4)",
    "对每项量化目标，取评价年度及以前的最新监测值，与目标值及从基期到目标年的进度要求比较，"
    "并按趋势外推预测目标年数值（给出90%区间）：已达到目标为“已完成”；预测可达标且进度滞后不超过"
    "所需变化量10%为“进度正常”；预测差距不超过25%或进度滞后较多为“存在风险”；差距更大或目标年已过"
    "未达标为“严重滞后”；无可用监测值为“无数据”。定性目标按填报的完成情况判断。":
        "Each quantified target's latest monitored value up to the evaluation year is compared with the target "
        "and with the progress required from the base year to the target year, and the trend is extrapolated to "
        "the target year (with a 90 % interval): a target met is \"achieved\"; a forecast meeting it with progress "
        "no more than 10 % of the required change behind is \"on track\"; a forecast gap of at most 25 % or "
        "progress further behind is \"at risk\"; a larger gap, or a target year passed unmet, is \"off track\"; "
        "without a monitored value, \"no data\". Qualitative targets follow the reported judgement.",
    "排放量 = 活动水平 × 排放因子 × (1 − Σ 治理技术普及率 × 去除效率)，按部门、燃料、排放物汇总，"
    "报告中的排放总量为直接排放（范围一）口径；"
    "温室气体按 IPCC 第五次评估报告（AR5）全球增温潜势折算为二氧化碳当量。大气污染物排放因子默认采用"
    "团体标准 T/CSES 144—2024《城市大气污染源排放清单编制技术指南》（该标准未给出数值的沿用原值并注明未核实），"
    "去除效率为该标准表A.1的平均去除效率乘以设施投运率。":
        "Emissions = activity × emission factor × (1 − Σ control-technology penetration × removal efficiency), "
        "summed by sector, fuel and species; totals in the report are direct emissions (scope 1). Greenhouse "
        "gases are converted to CO2e with the IPCC AR5 global warming potentials. Air-pollutant factors default "
        "to the group standard T/CSES 144—2024 (Technical guidelines for urban air-pollutant emission "
        "inventories; values it does not give keep the earlier ones, marked unverified); removal efficiency is "
        "the standard's mean removal efficiency (table A.1) times the facilities' operating rate.",
    "单位GDP二氧化碳排放、单位GDP能耗、非化石能源比重、污染物减排率等由清单与统计数据计算，GDP按基准年不变价，各指标计算口径如下。":
        "CO2 and energy per unit of GDP, the non-fossil share, pollutant reduction rates and the like are "
        "computed from the inventory and statistics, GDP at constant base-year prices; each method is below.",
    "大气污染物按污染当量折算为大气污染物当量（APeq）；协同控制坐标与协同效应弹性系数（Els）比较"
    "大气污染物当量与二氧化碳的相对削减；Tapio脱钩弹性判断排放与经济增长的脱钩状态；LMDI分解人口、"
    "经济发展、能源强度和碳排放强度效应；协同度综合指数按熵权与层次分析法组合赋权（0–100）；"
    "耦合协调度D = √(C × T)。":
        "Air pollutants are converted to air-pollutant equivalents (APeq) by their pollution equivalents; the "
        "co-control coordinates and the co-control elasticity (Els) compare the relative reductions of APeq and "
        "CO2; the Tapio elasticity tells the decoupling of emissions from growth; LMDI splits the population, "
        "economic growth, energy intensity and carbon intensity effects; the synergy index weights its "
        "indicators by entropy and AHP combined (0–100); coupling coordination D = √(C × T).",
    "将工作区中有数据的各城市合并为一个面板，统一标准化、统一赋权计算协同度综合指数，按评价年度"
    "（本市有指数的最近年份）排名（指数最高为第1，并列取最好名次）；各指标贡献 = 100 × 权重 × "
    "标准化值，之和等于综合指数，据此给出各指标名次与首位城市的差距。":
        "The cities of the workspace with data form one panel, normalised and weighted together into the "
        "synergy index, ranked for the evaluation year (the latest year with this city's index; highest first, "
        "ties share the best rank); each indicator's contribution = 100 × weight × normalised value, summing to "
        "the index, which gives each indicator's rank and the gap to the best city.",
}

PATTERNS: list[tuple[str, str]] = [
    # a boundary change beside the CO2 series (cocontrol.data.boundaries)
    ("{y}年{m}月原{p}并入{p2}；{y2}—{y3}年数据已按现行行政区划（含原{p3}）回溯，各年可比",
     "In {m}/{y} the former {p} was merged into {p2}; {y2}–{y3} are restated on today's boundary (including the "
     "former {p3}), so the years compare"),
    ("{y}年{m}月原{p}并入{p2}；{y2}年数据已按现行行政区划（含原{p3}）回溯，各年可比",
     "In {m}/{y} the former {p} was merged into {p2}; {y2} is restated on today's boundary (including the "
     "former {p3}), so the years compare"),
    ("{y}年{m}月原{p}并入{p2}；{y2}年数据为调整前区划口径，与{y4}年及以后各年不可直接比较",
     "In {m}/{y} the former {p} was merged into {p2}; {y2} is on the earlier boundary and does not compare "
     "directly with {y4} and later"),
    ("{y}年{m}月原{p}并入{p2}；{y2}—{y3}年数据为调整前区划口径，与{y4}年及以后各年不可直接比较",
     "In {m}/{y} the former {p} was merged into {p2}; {y2}–{y3} are on the earlier boundary and do not compare "
     "directly with {y4} and later"),
    # a change named by its direction (cocontrol.figures.targets.change_text)
    ("年均下降{q}（{y}年）", "down {q} a year ({y})"), ("年均上升{q}（{y}年）", "up {q} a year ({y})"),
    ("年均提高{q}（{y}年）", "up {q} a year ({y})"), ("年均降低{q}（{y}年）", "down {q} a year ({y})"),
    ("下降{q}（{y}年）", "down {q} ({y})"), ("上升{q}（{y}年）", "up {q} ({y})"),
    ("提高{q}（{y}年）", "up {q} ({y})"), ("降低{q}（{y}年）", "down {q} ({y})"),
    ("{x}（规划原文：“{o}”）", "{x} (plan wording: \"{o}\")"),
    ("{x}（{y}年指标数据尚未齐全，采用有完整指标的最近年份{y2}年。）",
     "{x} ({y} indicator data are incomplete; the latest complete year, {y2}, is used.)"),
    # a target's reason (cocontrol.tracking.status._reasons), clause by clause: the head (latest value,
    # year, missing years), then the rest of the sentence ({s}: up to 。) translated in turn
    ("{y}年{w}{q}（{x}），{s}", "{w} {q} in {y} ({x}), {s}"),
    ("{y}年{q}（{x}），{s}", "{q} in {y} ({x}), {s}"),
    ("{y}年{w}{q}，{s}", "{w} {q} in {y}, {s}"),
    ("{y}年{q}，{s}", "{q} in {y}, {s}"),
    ("基期值{q}（{y}年，无{y2}年以来监测值），{s}", "baseline {q} ({y}; no monitored value since {y2}), {s}"),
    ("缺少{y}–{y2}年数据", "no data for {y}–{y2}"),
    ("缺少基准年{y}年数据", "no data for the base year {y}"),
    ("缺少{y}年数据", "no data for {y}"),
    ("已达到{y}年目标{q}", "meeting the {y} target {q}"),
    ("尚未达到目标{q}", "the target {q} not yet met"),
    ("未达到目标{q}", "the target {q} not met"),
    ("不落后于进度要求{q}（{y}年）", "not behind the required progress {q} ({y})"),
    ("落后于进度要求{q}（{y}年）", "behind the required progress {q} ({y})"),
    ("按趋势{y}年预计{q}", "the trend gives {q} in {y}"),
    ("可达到目标{q}", "meeting the target {q}"),
    ("达不到目标{q}", "short of the target {q}"),
    ("{q}左右", "about {q}"),
    # the judged relation of a target stated without a direction word (cocontrol.tracking.status.judge_relation)
    ("按“{x}”判定（{x2}）", "judged as \"{x}\" ({x2})"),
    ("原文含“{p}”，建设、完成或削减类数量目标", "the plan wording has \"{p}\": a quantity to build, complete or cut"),
    ("指标名称含“{p}”，建设、完成或削减类数量目标",
     "the indicator name has \"{p}\": a quantity to build, complete or cut"),
    ("原文“{p}”，保持类目标，两侧容差±{n}%", "plan wording \"{p}\": a level to hold, tolerance ±{n} % either side"),
    ("原文“{p}”，{x}", "plan wording \"{p}\": {x}"),
    ("单位“{x}”为数量或规模", "the unit \"{x}\" is a count or a size"),
    ("未见方向用语，两侧容差±{n}%", "no direction word, tolerance ±{n} % either side"),
    ("定性目标“{p}”：{y}年填报“{p2}”，目标年已过仍未完成",
     "qualitative target \"{p}\": \"{p2}\" reported in {y}; the target year has passed and it is not done"),
    ("定性目标“{p}”：{y}年填报“{p2}”", "qualitative target \"{p}\": \"{p2}\" reported in {y}"),
    # titles
    ("{x}{y}年度减污降碳协同增效工作评价报告", "{x} {y}: evaluation of pollution and carbon co-reduction work"),
    ("{x}{y}年度减污降碳重点任务调度表", "{x} {y}: dispatch table of key tasks"),
    # captions
    ("{y}年主要排放物排放量", "Emissions by species, {y}"),
    ("{y}年分部门二氧化碳排放量", "CO2 emissions by sector, {y}"),
    ("{y}年蓝碳碳汇（分地点）", "Blue-carbon removals by site, {y}"),
    ("分部门减污降碳协同类型（全部部门，{y}→{y2}年）", "Co-control class by sector (all sectors, {y}→{y2})"),
    ("分部门减污降碳协同类型（{y}→{y2}年）", "Co-control class by sector ({y}→{y2})"),
    ("同类城市减污降碳协同度综合指数及维度构成（{y}年）", "Synergy index of peer cities by dimension ({y})"),
    ("同类城市减污降碳协同度综合指数排名（{y}年）", "Synergy index ranking of peer cities ({y})"),
    ("同类城市减污降碳协同度综合指数（{y}年）", "Synergy index of peer cities ({y})"),
    ("{x}协同度各指标贡献与同类城市比较（{y}年）", "{x}: indicator contributions compared with peer cities ({y})"),
    ("滞后或存在风险的目标指标（前{k}项，全部{k2}项见Excel工作簿）",
     "Targets lagging or at risk (first {k}; all {k2} in the Excel workbook)"),
    ("本市排名（共{k}个）", "Rank (of {k})"),
    ("{x}二氧化碳排放量（直接排放）", "{x}: CO2 emissions (direct)"),
    ("{x}（{u}）", "{x} ({u})"),
    # cells
    ("基期值 {q}（{y}年）", "baseline {q} ({y})"),
    ("{q}（{y}年）", "{q} ({y})"),
    ("填报“{p}”（{y}年）", "reported \"{p}\" ({y})"),
    ("{k}%（{y}年）", "{k} % ({y})"),
    ("{y}年{rel}{q}", "{rel} {q} by {y}"),
    ("{y}年{s}", "{s} by {y}"),  # within one sentence: a text of several is split at 。 first
    ("{y}年", "{y}"),
    # sentences of the annual report
    ("依据{p}评价{x}{y}年度工作", "This report evaluates {x}'s work in {y} against {p}"),
    ("方案共有重点任务{k}项、目标指标{k2}项，其中{parts}", "The plans set {k} key tasks and {k2} targets: {parts}"),
    ("方案共有重点任务{k}项、目标指标{k2}项", "The plans set {k} key tasks and {k2} targets"),
    ("{w}{k}项", "{w} {k}"),
    ("排放清单核算结果显示，{y}年{x}二氧化碳排放量（直接排放）为{q}，比{y2}年{trend}（清单最新年份为{y3}年，{y4}年数据尚未核算）",
     "The inventory gives {x}'s direct CO2 emissions in {y} as {q}, {trend} on {y2} (the inventory's latest year "
     "is {y3}; {y4} is not yet accounted)"),
    ("排放清单核算结果显示，{y}年{x}二氧化碳排放量（直接排放）为{q}，比{y2}年{trend}", "The inventory gives {x}'s direct CO2 emissions in {y} as {q}, {trend} on {y2}"),
    ("{trend}（清单最新年份为{y3}年，{y4}年数据尚未核算）", "{trend} (the inventory's latest year is {y3}; {y4} is not yet accounted)"),
    ("下降{n}%", "down {n} %"), ("上升{n}%", "up {n} %"), ("持平", "unchanged"),
    ("排放清单核算结果显示，{y}年{x}二氧化碳排放量（直接排放）为{q}（清单最新年份为{y3}年，{y4}年数据尚未核算）",
     "The inventory gives {x}'s direct CO2 emissions in {y} as {q} (the inventory's latest year is {y3}; {y4} is "
     "not yet accounted)"),
    ("排放清单核算结果显示，{y}年{x}二氧化碳排放量（直接排放）为{q}", "The inventory gives {x}'s direct CO2 emissions in {y} as {q}"),
    ("{x}指标共{k}项", "{x} targets: {k}"),
    ("以{y}年排放清单为基准年，按规划措施逐年预测至{y2}年（蒙特卡洛抽样{k}次）",
     "Emissions are projected year by year from the {y} inventory to {y2} under the plans' measures "
     "({k} Monte Carlo draws)"),
    ("以{y}年排放清单为基准年，按规划措施逐年预测至{y2}年",
     "Emissions are projected year by year from the {y} inventory to {y2} under the plans' measures"),
    ("{p}二氧化碳排放于{y}年达峰，峰值{n}万吨，{y2}年前达峰的概率为{k}%",
     "{p}: CO2 emissions peak in {y} at {n} 10⁴ t; the probability of peaking by {y2} is {k} %"),
    ("{p}二氧化碳排放于{y}年达峰，峰值{n}万吨", "{p}: CO2 emissions peak in {y} at {n} 10⁴ t"),
    ("截至{y}年修复项目尚无监测结果", "No monitoring results of the restoration projects up to {y}"),
    ("{p}二氧化碳排放至{y}年未见明显峰值（最高{n}万吨，出现在{y2}年；{y3}年仅比最高值低{n2}%，达峰须低{n3}%以上，呈平台期），"
     "{y4}年前达峰的概率为{k}%",
     "{p}: CO2 emissions show no clear peak by {y} (highest {n} 10⁴ t, in {y2}; {y3} is only {n2} % below it, a peak "
     "needs more than {n3} %: a plateau); the probability of peaking by {y4} is {k} %"),
    ("{p}二氧化碳排放至{y}年未见明显峰值（最高{n}万吨，出现在{y2}年；{y3}年仅比最高值低{n2}%，达峰须低{n3}%以上，呈平台期）",
     "{p}: CO2 emissions show no clear peak by {y} (highest {n} 10⁴ t, in {y2}; {y3} is only {n2} % below it, a peak "
     "needs more than {n3} %: a plateau)"),
    ("达峰指排放最高值出现在{y}年以前、且{y2}年排放比最高值低{n}%以上；中心路径与各抽样按同一规则判定",
     "A peak is a maximum before {y} with {y2} more than {n} % below it; the central pathway and every draw are "
     "judged by the same rule"),
    ("{p}二氧化碳排放至{y}年仍未达峰（{y2}年{n}万吨），{y3}年前达峰的概率为{k}%",
     "{p}: CO2 emissions have not peaked by {y} ({n} 10⁴ t in {y2}); the probability of peaking by {y3} is {k} %"),
    ("{p}二氧化碳排放至{y}年仍未达峰（{y2}年{n}万吨）", "{p}: CO2 emissions have not peaked by {y} ({n} 10⁴ t in {y2})"),
    ("{p}各项措施{y}年协同减排量", "Co-benefits of each measure in {y}: {p}"),
    ("目标指标共{k}项，其中{parts}", "{k} targets: {parts}"),
    ("其余{k}项目标{parts}，明细见Excel工作簿“目标状态”表",
     "The other {k} targets: {parts}; every target is listed in the Excel workbook (sheet \"Target status\")"),
    ("{k}项目标中没有滞后或存在风险的目标（{parts}），明细见Excel工作簿“目标状态”表",
     "None of these {k} targets lags or is at risk ({parts}); every target is listed in the Excel workbook "
     "(sheet \"Target status\")"),
    ("上表列出本类全部目标", "The table lists every target of this kind"),
    ("变化最大的{k}个部门，全部{k2}个部门见Excel工作簿", "The {k} sectors with the largest change; all {k2} in the Excel workbook"),
    ("规划方案涉及责任单位{k}个，其中{k2}个单位有滞后或存在风险的目标指标（下表）",
     "The plans name {k} responsible units; {k2} of them have targets lagging or at risk (table below)"),
    ("全部责任单位的任务与目标情况、预警事项见Excel工作簿，逐项调度情况见调度表",
     "Every unit's tasks, targets and warnings are in the Excel workbook; item-by-item progress is in the dispatch table"),
    ("{p}：目标为{tgt}，最新为{basis}，评价为“{st}”", "{p}: target {tgt}; latest {basis}; status \"{st}\""),
    ("{p}：目标为{tgt}，评价为“{st}”", "{p}: target {tgt}; status \"{st}\""),
    ("{p}：最新为{basis}，评价为“{st}”", "{p}: latest {basis}; status \"{st}\""),
    ("（规划原文：“{o}”）", "(plan wording: \"{o}\")"),
    ("督促{p}对照“{p2}”“{p3}”“{p4}”等{k}项目标加快推进相关工作，按月调度进展",
     "Urge {p} to speed up work towards \"{p2}\", \"{p3}\", \"{p4}\" and the other targets ({k} in all) "
     "and follow up monthly"),
    ("督促{p}对照“{p2}”“{p3}”等{k}项目标加快推进相关工作，按月调度进展",
     "Urge {p} to speed up work towards \"{p2}\", \"{p3}\" ({k} targets) and follow up monthly"),
    ("督促{p}对照“{p2}”目标加快推进相关工作，按月调度进展",
     "Urge {p} to speed up work towards the target \"{p2}\" and follow up monthly"),
    ("以上为最突出的{k}项，全部{k2}项滞后或存在风险的目标见Excel工作簿",
     "These are the {k} most pressing; all {k2} targets lagging or at risk are in the Excel workbook"),
    ("其余{k}组责任单位的滞后目标见Excel工作簿", "The lagging targets of {k} more groups of units are in the Excel workbook"),
    ("{k}项评价指标因数据不足未纳入计算，逐项说明见Excel工作簿",
     "{k} indicators could not be computed for lack of data; each is explained in the Excel workbook"),
    ("{k}项派生指标的计算公式见Excel工作簿", "The formulas of the {k} derived indicators are in the Excel workbook"),
    ("补齐评价所需数据：{x}", "Fill the data the evaluation needs: {x}"),
    ("数据支撑不足：{x}", "Data missing: {x}"),
    ("本节数据暂缺：{x}", "No data for this section: {x}"),
    ("本表按责任单位汇总{x}规划方案确定的重点任务和目标指标，列出截至{y}年的最新值和评价状态，供调度使用",
     "This table lists, by responsible unit, the key tasks and targets of {x}'s plans with the latest values "
     "and statuses up to {y}, for follow-up"),
    ("本节数据暂缺：工作区中没有{x}的规划方案", "No data for this section: the workspace has no plan of {x}"),
    ("没有{x}的规划方案，无法评价目标完成情况", "there is no plan of {x}, so targets cannot be evaluated"),
    # tracking reasons (cocontrol.tracking.status)
    ("基期值{q}（{y}年，无{y2}年以来监测值），已达到{y3}年目标{q2}", "baseline {q} ({y}; no monitored value since {y2}) already meets the {y3} target {q2}"),
    ("基期值{q}（{y}年，无{y2}年以来监测值），尚未达到目标{q2}，仅1个数据点，无法判断趋势",
     "baseline {q} ({y}; no monitored value since {y2}) does not yet meet the target {q2}; one data point gives no trend"),
    ("{y}年{q}，已达到{y2}年目标{q2}", "{q} in {y} meets the {y2} target {q2}"),
    ("{y}年{q}，落后于进度要求{q2}（{y2}年）", "{q} in {y} is behind the required progress {q2} ({y2})"),
    ("按趋势{y}年预计{q}，达不到目标{q2}", "the trend gives {q} in {y}, short of the target {q2}"),
    ("按趋势{y}年预计{q}，可达到目标{q2}", "the trend gives {q} in {y}, meeting the target {q2}"),
    ("按趋势{y}年预计{w}{q}，达不到目标{q2}", "the trend gives {w} {q} in {y}, short of the target {q2}"),
    ("按趋势{y}年预计{w}{q}，可达到目标{q2}", "the trend gives {w} {q} in {y}, meeting the target {q2}"),
    ("定性目标“{p}”：截至{y}年未填报完成情况判断", "qualitative target \"{p}\": no judgement reported up to {y}"),
    ("截至{y}年无可用监测数据", "no monitored value up to {y}"),
    # peers (cocontrol.reports.peers)
    ("{y}年，{x}减污降碳协同度综合指数为{n}，在有数据的{xs}中排名第{k}（共{k2}个城市），居首位",
     "In {y}, {x}'s synergy index was {n}, ranked {k} of the {k2} cities with data ({xs}), at the top"),
    ("{y}年，{x}减污降碳协同度综合指数为{n}，在有数据的{xs}中排名第{k}（共{k2}个城市），首位为{x2}（{n2}），本市低{n3}",
     "In {y}, {x}'s synergy index was {n}, ranked {k} of the {k2} cities with data ({xs}); the first is {x2} "
     "({n2}), {n3} higher"),
    ("分维度看，{x}", "By dimension: {x}"),
    ("{w}排名第{k}", "{w} rank {k}"),
    ("分指标看，相对最强的是“{x}”（排名第{k}，{lead}），相对最弱的是“{x2}”（排名第{k2}，{lag}）",
     "By indicator, the strongest is \"{x}\" (rank {k}, {lead}) and the weakest \"{x2}\" (rank {k2}, {lag})"),
    ("领先其余城市最好水平{n}个指数点", "{n} index points ahead of the best other city"),
    ("落后于{x}{n}个指数点", "{n} index points behind {x}"),
    ("与最好水平持平", "level with the best"),
    ("同类城市比较将{k}个城市的数据合并为一个面板，统一标准化并统一赋权后计算，综合指数与上一部分（仅用本市历年数据）的数值口径不同，不宜直接对比",
     "The peer comparison puts the data of {k} cities into one panel, normalised and weighted together, so its "
     "index differs from the previous part's (this city's own years only) and should not be compared with it"),
    ("指标贡献 = 100 × 权重 × 标准化值（指数点），各指标贡献之和等于综合指数",
     "Contribution = 100 × weight × normalised value (index points); the contributions sum to the index"),
    ("（{y}年指标数据尚未齐全，采用有完整指标的最近年份{y2}年。）",
     "({y} indicator data are incomplete; the latest complete year, {y2}, is used.)"),
    # blue carbon (cocontrol.sinks.report)
    ("{y}年{x}蓝碳碳汇量为{q}二氧化碳，其中{parts}", "In {y}, {x}'s blue-carbon removals were {q} CO2, of which {parts}"),
    ("{y}年二氧化碳直接排放量扣除全部碳汇（{q}）后，净排放量为{q2}", "In {y}, direct CO2 net of all removals ({q}) was {q2}"),
    ("{w}{q}", "{w} {q}"),
    # derived indicators (cocontrol.indicators.derive) and synergy notes (cocontrol.synergy.evaluate)
    ("{w}比{y}年减排量", "{w}: reduction on {y}"),
    ("{w}比{y}年下降率", "{w}: reduction rate on {y}"),
    ("{w}比{y}年下降", "{w}: reduction on {y}"),
    ("{w}比上年下降", "{w}: reduction on the year before"),
    ("{w}排放量", "{w} emissions"),
    ("{w}（{y}年）− {w2}（当年）", "{w} ({y}) − {w2} (this year)"),
    ("(1 − {w}（当年）÷ {w2}（{y}年）) × 100", "(1 − {w} (this year) ÷ {w2} ({y})) × 100"),
    ("(1 − 当年{w} ÷ {y}年{w2}) × 100", "(1 − {w} this year ÷ {w2} in {y}) × 100"),
    ("(1 − 当年{w} ÷ 上年{w2}) × 100", "(1 − {w} this year ÷ {w2} the year before) × 100"),
    ("地区生产总值（{y}年不变价）", "GDP (constant {y} prices)"),
    ("当年价地区生产总值 × 平减指数（{y}年）÷ 平减指数（当年）", "GDP at current prices × deflator ({y}) ÷ deflator (this year)"),
    ("{w} ÷ 地区生产总值（{y}年不变价）", "{w} ÷ GDP (constant {y} prices)"),
    ("{w} ÷ 能源消费总量 × 100", "{w} ÷ total energy consumption × 100"),
    ("Σ CO2（清单各部门、燃料；默认范围1）", "Σ CO2 (all sectors and fuels of the inventory; scope 1 by default)"),
    ("{w} + 碳汇（移除量为负）", "{w} + sinks (removals negative)"),
    ("由统计数据派生：{x}（{y}年不变价）", "derived from statistics: {x} (constant {y} prices)"),
    ("指标{x}覆盖不足一半的地区-年份，未参与协同度指数", "indicators {x} cover fewer than half of the region-years and are left out of the index"),
    ("“{x}”", "\"{x}\""),
    ("{k} 个地区-年份缺少部分指标值（如首年无法计算下降率）", "{k} region-years lack some indicator values (e.g. no reduction rate in the first year)"),
    ("二氧化碳按范围一（本地直接排放，与大气污染物口径一致）计，范围二（外购电力、热力）未计入",
     "CO2 is scope 1 (local direct emissions, as for air pollutants); scope 2 (purchased electricity and heat) is not included"),
    ("维度 {x} 无可用指标，未参与指数", "dimension {x} has no usable indicator and is left out of the index"),
    ("其余维度权重按比例归一", "the other dimensions' weights are rescaled"),
    ("“{x}”未计算：统计数据中没有“{x2}”", "\"{x}\" not computed: the statistics have no \"{x2}\""),
    ("{k} 个地区-年份缺少部分指标值（如首年无法计算下降率），未参与协同度指数",
     "{k} region-years lack some indicator values (e.g. no reduction rate in the first year) and are left out of the index"),
    ("{w}：Σ CO2（清单各部门、燃料", "{w}: Σ CO2 (all sectors and fuels of the inventory"),
    ("默认范围1）", "scope 1 by default)"),
    ("脱钩与LMDI分解未计算：统计数据缺少地区生产总值（不变价，亿元）", "decoupling and LMDI not computed: the statistics lack GDP (constant prices, 10⁸ yuan)"),
    ("协同度指数未计算: 完整的地区-年份观测少于2个", "synergy index not computed: fewer than 2 complete region-years"),
    ("耦合协调度未计算: 减污或降碳子系统没有可用指标", "coupling coordination not computed: a subsystem has no usable indicator"),
    # plan titles as cited (《title》（文号）); the 文号 is the document's own
    ("《{x}》（{p}）", "{x} ({p})"),
    ("《{x}》", "{x}"),
    ("{y}年{m}月{d}日", "{d}/{m}/{y}"),
    ("海草床、盐沼修复项目（截至{y}年）", "Seagrass and salt-marsh restoration projects (up to {y})"),
    # annex
    ("规划方案：{p}", "Plan: {p}"),
    ("来源：{x}", "Source: {x}"),
    ("{x}{k}行，{x2}{k2}行", "{x}: {k} rows, {x2}: {k2} rows"),
    ("{x}{k}行", "{x}: {k} rows"),
    ("共{k}行", "{k} rows"),
    ("{x}等{k}项", "{x} and others ({k} in all)"),
    ("{y}年{m}月{d}日", "{d}/{m}/{y}"),
    ("{x}有公开来源", "{x} have a public source"),
    ("{x}仅用于演示，不得作为正式数据引用", "{x} are for demonstration only and must not be cited as official"),
    ("{p}：{formula}", "{p}: {formula}"),
]
