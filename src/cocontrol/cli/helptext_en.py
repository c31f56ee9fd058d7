"""English of the command and option help written only in Chinese (the ``--lang en`` run shows
these; :func:`cocontrol.cli.helptext.localise`). Keys are the help texts as written in the
commands (a command's docstring, an option's ``help``); a text missing here is shown as
written, and ``tests/cli/test_help_language.py`` fails on any Chinese left in an English help."""

from __future__ import annotations

HELP_EN = {
    # inventory
    "核算排放清单：活动水平 × 排放因子 × 治理技术 → 长表 (region, year, sector, fuel, species, value, unit, scope).":
        "Compute the emission inventory: activity × emission factor × control technology → long table "
        "(region, year, sector, fuel, species, value, unit, scope).",
    "活动水平 (.csv UTF-8/GBK, .parquet, .xlsx)": "activity data (.csv UTF-8/GBK, .parquet, .xlsx)",
    "输出 .csv、.parquet（长表）或 .xlsx（说明、排放清单、行业汇总、IAMC）":
        "output .csv, .parquet (long table) or .xlsx (notes, inventory, sector summary, IAMC)",
    "治理技术普及率 (.csv/.xlsx; 列: 地区 年份 行业 能源品种 治理技术 [适用技术] 普及率 (0–1 或 85%) — 模板的“治理技术”表)":
        "control technology penetration (.csv/.xlsx; columns: region, year, sector, fuel, control technology "
        "[applicable technology], penetration (0–1 or 85%) — the template's control sheet)",
    "能源平衡表 → 活动水平表 (region, year, sector, fuel, value, unit), 供 inventory compute 使用.":
        "Energy balance table → activity table (region, year, sector, fuel, value, unit) for inventory compute.",
    "能源平衡表 (.xlsx 或 .csv, 年鉴格式)": "energy balance table (.xlsx or .csv, statistical yearbook layout)",
    "地区, 如 济南市": "region as written in the output table (its Chinese name)",
    "年份": "year",
    "输出 .csv 或 .parquet": "output .csv or .parquet",
    "只有“工业”合计行时计入的行业, 如 其他制造业":
        "sector that takes the industry total when the table has only an industry total row",
    "生成活动水平填报模板 (Excel: 活动水平, 行业, 能源品种, 说明).":
        "Write the activity data template (Excel: activity, sectors, fuels, notes).",
    "输出 .xlsx": "output .xlsx",
    # track
    "规划 YAML 文件或编号": "plan YAML file or plan id",
    "导入填报数据：整体校验，全部通过才写入；重复报送记为新版本，保留历史。":
        "Import reported values: checked as a whole and written only when every row passes; "
        "a repeated report is a new version, the history is kept.",
    "填报文件 (.xlsx/.csv, UTF-8 或 GBK)": "report file (.xlsx/.csv, UTF-8 or GBK)",
    "规划文件（YAML、JSON 或 Excel），或平台数据库中的规划编号":
        "plan file (YAML, JSON or Excel), or the id of a plan in the platform database",
    "填报历史 CSV（保留全部版本；默认 $COCONTROL_HOME/observations-history.csv）":
        "history CSV of reported values (every version kept; default $COCONTROL_HOME/observations-history.csv)",
    "填报单位": "reporting unit",
    "目标完成情况：每个目标的状态、进度要求、趋势预测和原因。":
        "Target progress: each target's status, required progress, trend forecast and reason.",
    "评估年度（默认上一年）": "evaluation year (default: last year)",
    "填报文件（可多次）；默认用历史或示例数据": "report files (repeatable); default: the history or the demo data",
    "责任单位预警：滞后和有风险的目标及其关联任务。":
        "Warnings for responsible units: lagging and at-risk targets and their tasks.",
    # report
    "年度减污降碳协同增效工作评价报告 → Word / HTML / PDF / Excel（读平台数据库，与网页一致）.":
        "Annual pollution and carbon co-reduction evaluation report → Word / HTML / PDF / Excel "
        "(reads the platform database, as the web pages do).",
    "地区，如 荣成 / 荣成市 / rongcheng": "region, e.g. rongcheng (or its Chinese name)",
    "评价年度，如 2025": "evaluation year, e.g. 2025",
    "输出文件 (.docx/.html/.pdf/.xlsx)": "output file (.docx/.html/.pdf/.xlsx)",
    "编制单位，如 荣成市生态环境局（可省略）": "issuing office, e.g. the city's ecology and environment bureau (optional)",
    "数据库地址（默认 COCONTROL_DATABASE_URL，否则 COCONTROL_HOME 下的 SQLite 文件）":
        "database URL (default: COCONTROL_DATABASE_URL, else the SQLite file in COCONTROL_HOME)",
    # inclusive
    "核算行为记录的减排量并记入个人碳账户台账.":
        "Credit the reductions of activity records to personal carbon accounts in the ledger.",
    "行为记录 (.csv/.xlsx/.parquet)": "activity records (.csv/.xlsx/.parquet)",
    "方法学表 (.csv/.xlsx)；默认为内置示例方法学": "methodology table (.csv/.xlsx); default: the built-in example methodology",
    "数据来源合作方（记录编号的命名空间）": "partner that sent the records (the namespace of record ids)",
    "只核算，不记入台账": "compute only, write nothing to the ledger",
    "记录所属地区（台账按地区汇总）": "region of the records (the ledger sums by region)",
    "从个人碳账户兑换减排量；超过余额则拒绝，不记账.":
        "Redeem reductions from a personal carbon account; more than the balance is refused and nothing is booked.",
    "个人账户（合作方的匿名编号）": "personal account (the partner's anonymous id)",
    "兑换量（克 CO2）": "amount to redeem (grams of CO2)",
    "签发该账户的合作方": "partner that issued the account",
    "兑换说明（如兑换的权益）": "note on the redemption (e.g. the benefit redeemed)",
    "按本市设置的有效期（见碳普惠页说明），将某年度到期未兑换的减排量记为过期（全部记账或全不记账）.":
        "Book as expired the unredeemed reductions of a year whose validity (set by the city, see the "
        "carbon inclusion page) has ended (all booked or none).",
    "签发年度：该年及以前签发、到期未兑换的减排量记为过期":
        "issue year: unredeemed reductions issued in or before it and past validity are booked as expired",
    "只处理该地区的账户（可重复）": "only the accounts of this region (repeatable)",
    "记入冲正分录（金额相反，注明原因）；原分录不改不删.":
        "Book a reversing entry (opposite amount, with a reason); the original entry is neither changed nor deleted.",
    "要冲正的分录号": "number of the entry to reverse",
    "或：冲正该批次的全部签发分录": "or: reverse every issuing entry of this batch",
    "冲正原因（必填）": "reason for the reversal (required)",
    "为个人账户签发令牌（只显示一次；该账户此前的令牌随即失效），供本人经 API 查询和兑换.":
        "Issue a token for a personal account (shown once; the account's earlier token stops working) "
        "with which its holder queries and redeems through the API.",
    # event
    "核算大型活动碳排放，核对抵消，判断是否实现碳中和.":
        "Account a large event's emissions, check its offsets and judge whether it is carbon neutral.",
    "活动填报表 (.xlsx，见 event template)": "event workbook (.xlsx, see event template)",
    "记录活动并注销抵消用碳信用": "record the event and retire the credits used as offsets",
    "大型活动碳中和报告（Word/PDF/HTML）：排放核算、注销的碳信用、结论和第三方核查声明页；\n"
    "--certificate 出具碳中和证明（活动、期间、排放及区间、注销的碳信用、声明和第三方核查栏），\n"
    "未实现碳中和时以一行中文说明拒绝（退出码 2）.":
        "Carbon neutrality report of a large event (Word/PDF/HTML): emissions, credits retired, conclusion and "
        "a verifier's statement page; --certificate writes the carbon neutrality certificate (event, period, "
        "emissions and interval, credits retired, statement and verifier's box), refused in one line "
        "when the event is not carbon neutral (exit code 2).",
    "活动填报表 (.xlsx)": "event workbook (.xlsx)",
    "编制单位（可省略）": "issuing office (optional)",
    "改为出具碳中和证明（仅限已实现碳中和的实际核算）":
        "write the carbon neutrality certificate instead (only for actual accounts that are carbon neutral)",
    "生成大型活动碳中和填报表（活动、排放源、抵消、说明）.":
        "Write the large-event carbon neutrality workbook (event, emission sources, offsets, notes).",
    # sinks
    "核算碳汇（海水养殖、海草床、盐沼、森林），吸收量记为负值.":
        "Compute carbon sinks (mariculture, seagrass, salt marsh, forest); removals are negative.",
    "碳汇活动数据 (.csv/.xlsx/.parquet 长表)": "sink activity data (.csv/.xlsx/.parquet long table)",
    "另写 .csv": "also write a .csv",
    "海草床/盐沼修复：逐次监测对照项目阈值，碳汇以区间给出.":
        "Seagrass / salt-marsh restoration: each survey against the project's thresholds, the sink as a range.",
    "修复项目表 (.xlsx，见 sinks template)": "restoration project workbook (.xlsx, see sinks template)",
    "同时登记到平台（全部登记或全不登记；已登记项目不覆盖）":
        "also register in the platform (all or nothing; registered projects are not overwritten)",
    "生成修复项目表（项目、监测）：威海 1150 亩鳗草修复的规划数字与示例监测.":
        "Write the restoration project workbook (project, surveys): the plan figures of Weihai's 1,150 mu "
        "eelgrass restoration with example surveys.",
    # enterprise
    "写出企业数据填报模板（各填报表与说明）.": "Write the enterprise data template (each sheet and its notes).",
    "模板 .xlsx": "template .xlsx",
    "核算并核查：碳排放、污染物、协同核查规则与企业碳账户评级.":
        "Compute and verify: carbon emissions, pollutants, co-control verification rules and enterprise "
        "carbon account ratings.",
    "填报工作簿 .xlsx 或 CSV/Parquet 文件夹": "data workbook .xlsx or a folder of CSV/Parquet files",
    "核查年份": "year to verify",
    "核查结果 .xlsx（或 .json）": "verification result .xlsx (or .json)",
    "本市核查阈值 .csv（rule, parameter, value），替换默认值":
        "the city's verification thresholds .csv (rule, parameter, value), replacing the defaults",
    "本市碳效分档 .csv（axis, label, grade, lower, upper），替换浙江分档":
        "the city's carbon efficiency grades .csv (axis, label, grade, lower, upper), replacing Zhejiang's",
    "本市色标分档 .csv（axis, label, lower, upper），替换山东示例色标":
        "the city's colour bands .csv (axis, label, lower, upper), replacing the Shandong example bands",
}
"""English of the help written only in Chinese (the en run shows these)."""
