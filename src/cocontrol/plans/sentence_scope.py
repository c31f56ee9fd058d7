"""What a sentence inherits from the sentences before it in its paragraph (issue 10).

* **Year scope.** A clause that is only a year — “到2025年，”, “2027 年，”, “主要目标：2027年，”,
  “到2025年底，”, “明确提出到2020年，” — dates every later clause of its sentence (done by
  :func:`cocontrol.plans.sentences.find_targets`, nearest year before a number) *and* the
  following sentences of the paragraph that state no year of their own (“到2025年，…目标如下。
  生态环境质量稳步提升，主要流域…比例达到100%”), until another year clause. A task deadline
  (“2025年年底前，累计新改造…；农村生活污水治理率达到45%以上；…。”) dates the pieces of its
  own sentence after ；, not the sentences after its 。.
* **Past scope.** A sentence dated only in the past — “纲要显示，“十三五”期间我国生态状况明显
  改善。” in a plan issued after 2020, “2021年全市…” before the issue year — makes the following
  undated sentences of the paragraph reports (“森林覆盖率达到23.04%…”), until a sentence
  with a future marker (到2025年, 力争, 确保 …) or a later year.
* **Units.** :func:`unit_groups` lists the bracket groups of a text that name responsible
  units (（责任单位：…）, 〔市生态环境局牵头，…参与〕, (生态环境部牵头,…参与)): a sentence's own
  brackets are its units; a task's units are all of its brackets, in order.

The issue year is the document's (:mod:`cocontrol.plans.issued`); a text read alone assumes
:data:`cocontrol.plans.tense.ASSUMED_ISSUE_YEAR`.
"""

from __future__ import annotations

import re

from cocontrol.plans.departments import split_responsible
from cocontrol.plans.tense import (
    ASSUMED_ISSUE_YEAR,
    REPORT_SAID_GONE,
    bare_years,
    period_end,
    reported,
    without_goals_judged,
)

_Y = r"(?:19[5-9]\d|20\d{2})"
_NUMBERING = r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[一二三四五六七八九十]{1,2}是)?"
# a news dateline before the lead's first clause (本报讯(记者 某某 通讯员 某某) 2020年，…, 新华社杭州3月2日电（记者某某）,
# 本报讯 2026年，…, 央广网北京1月3日消息(记者某某)): the lead opens after it as after a line's start
_DATELINE_END = r"(?:\s*[（(][^（）()]{1,24}[)）]|\s*(?=\d))"
_DATELINE = rf"(?:(?<=[电讯])|(?<=消息)){_DATELINE_END}"
# the same dateline opening a paragraph, its agency and place included (本报讯(…), 新华社杭州3月2日电（…）)
DATELINE_LEAD = rf"[\u4e00-\u9fff\d]{{0,16}}?(?:电|讯|消息){_DATELINE_END}"
_YEAR_CLAUSE = re.compile(
    rf"(?:^{_NUMBERING}|{_DATELINE}|(?P<said2>提出|明确|要求|目标是|目标为)?[，,：:；;。])\s*[“\"「『]?\s*(?P<said>[\u4e00-\u9fff]{{0,6}}(?:提出|明确|要求|目标)[，,：:]?\s*)?(?:力争|确保|争取|即)?\s*"
    rf"(?P<to>到|至|在|于)?\s*(?P<y>{_Y})\s*年\s*(?:\d{{1,2}}\s*月)?\s*(?:年底|底|末|年末)?\s*(?P<before>前|以前|之前)?\s*"
    rf"(?:[\u4e00-\u9fff]{{0,4}}(?:目标|指标))?(?=[，,：:])"
)
# a clause opening with 到/至YYYY年 scopes what follows even without a comma (到2025年全国…), also inside an
# opening quote (…说：“到2025年，…；…”)
# (本报北京12月4日电（记者王政）到2025年，…: after a dateline's bracket; 总体目标，我国到2020年，…: after the
# country or province the goals are for)
_TO_CLAUSE = re.compile(rf"(?:^{_NUMBERING}|[，,：:；;]|明确|提出|要求|指出|规定|强调|目标是|目标为|[，,：:][一二三四五六七八九十]{{1,2}}是"
                        rf"|{_DATELINE}|(?<=[，,：:；;])(?:我国|全国|全省|全市|我省|我市|全区|我区)"
                        # (…，江西力争到2020年底，确保…；确保…: a place named as the subject of the goal's hedge or plan —
                        # 对此，该省计划到2027年，…；…, 该市拟到2026年，…: round ac)
                        rf"|(?:^|(?<=[，,：:；;]))[\u4e00-\u9fff]{{2,4}}(?=(?:力争|确保|争取|计划|拟)\s*(?:到|至)))"
                        rf"\s*[“\"「『]?\s*(?:力争|确保|争取|即|计划|拟)?\s*(?:到|至)\s*({_Y})\s*年(?!\s*的)")
# (2006年一2010年：… a phase of a plan, 一 standing for the dash in a page's copy; 2011年到2015年，… the stage written out,
# which scopes only when it ends after the issue: 2019年到2022年，…累计达… on a page of 2022 tells the years gone)
_RANGE_CLAUSE = re.compile(rf"(?:^|(?P<said>目标是|目标为|提出|明确|要求)?[，,：:；;。])\s*{_Y}\s*(?:年?\s*(?:[—\-－~～]+|一)|年\s*(?P<dao>到|至))"
                           rf"\s*(?P<y>{_Y})\s*年(?=[，,：:])")
# a year ahead opening a later clause run into its subject (…新增装机50万千瓦，2025年装机达到160万千瓦) or told as
# the deadline of the work before it (…新建充电桩3000个，力争2027年底前全部投用): when nothing before dates the
# sentence, it dates the clauses before it too, as 到2025年 there does (a year before the issue stays a report)
_LATER_YEAR = re.compile(rf"[，,；;]\s*(?:要求|计划)?\s*(?:力争|确保|争取)?\s*[在于]?\s*(?P<y>{_Y})\s*年\s*(?:年?底|年?末)?\s*(?:以|之)?前?"
                         r"(?=[\u4e00-\u9fff])(?!的|以来|来|度|是|为|比|较|同比|相比|与|和|及|至|到|月)")
# a campaign's period with months or days (2020年10月1日至2021年3月31日，/ 2020年10月至2021年3月，) scopes what follows as
# its end year, as a range of years does
_SEASON_CLAUSE = re.compile(rf"(?:^|(?P<said>目标是|目标为|提出|明确|要求)?[，,：:；;。])\s*{_Y}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?"
                            rf"\s*(?:[—\-－~～]+|至|到)\s*(?P<y>{_Y})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?(?:底|末)?(?=[，,：:])")
# a stage named with its years (近期目标（2023—2025年）：) scopes what follows as its last year
_STAGE_CLAUSE = re.compile(rf"[（(]\s*{_Y}\s*年?\s*[—\-－~～至到]+\s*({_Y})\s*年?\s*[)）]\s*(?=[，,：:])")
# a plan period as a year clause: 到“十四五”末， (its last year); “十三五”期间，…将… (a period
# spoken of ahead: its last year); the period named as its plan's span (“十五五”规划期内，, 十四五规划期间，,
# 到“十四五”规划期末，) reads as the period itself
# (…落实“十五五时期力争建成…”: a quotation opening with the period is a clause of its own)
_PERIOD_CLAUSE = re.compile(r"(?:^|[，,：:；;。】》\n]|明确|提出|要求|(?=“十[一二三四五六七八九]五(?:时期|期间)))\s*(?:力争|确保|争取)?\s*(?P<to>到|至)?\s*在?\s*[“\"]?十([一二三四五六七八九])五[”\"]?"
                            r"(?:(?P<when>末|期末|期间|时期|规划期(?:间|内|末))\s*(?=[，,：:])"
                            # “十四五”期间国控断面…将不低于…: 期间 run into the clause's subject, with intent in the clause
                            # (…时期力争建成…: or a goal's hedge right after it)
                            r"|(?P<when2>期间|时期|规划期(?:间|内))(?=[\u4e00-\u9fff][^，,。；;]{0,30}?(?:将(?!近)|力争|确保|争取)|力争|确保|争取)"
                            # “十四五”全市…累计建成…: the period opens a clause whose subject follows at once
                            r"|(?=(?:全|我)[省市区县国])"
                            # “十五五”将建成…, “十五五”力争…: the period as the time of a stated intent
                            r"|(?=将(?!近)|力争|计划|拟)"
                            # (另外，“十四五”某省普通国道…比重将达到85%以上: the period opening a clause run into its subject, the
                            # clause's intent after it — as at a sentence's start, _SUBJECT_PERIOD)
                            r"|(?![\u4e00-\u9fff]{0,2}(?:以来|规划|纲要|开局|期间|时期|末|前|的|是))(?=[\u4e00-\u9fff][^，,。；;]{0,30}?(?:将(?!近)|力争|确保|争取)))")
# 我市“十二五”单位GDP二氧化碳排放需下降18%: the period right after the subject opening a clause
# (“十四五”新增电力装机容量3460万kW以上: the period opening its sentence before what it states)
# (根据《…项目表》，“十四五”重点建设…项目共计20个: a plan or list named as the source opens the sentence as its start does)
_SUBJECT_PERIOD = re.compile(r"(?:(?:^|[，,：:；;。])\s*(?:我|全|本)[市省区县]|^\s*|(?:根据|按照|依据|依照)\s*《[^《》]{1,40}》\s*[，,]\s*)(?P<to>)[“\"]?十([一二三四五六七八九])五[”\"]?(?P<when>)"
                             r"(?=[\u4e00-\u9fffA-Za-z])(?!期间|时期|以来|末|期末|规划|纲要|开局|前|计划|目标|发展|的|是|以)")
# (a 计划草案's 2021年全市…发展指标体系安排，具体为：… sets the year's indicators as 主要预期目标 does)
# a year's goals announced (2018年发展主要预期目标是：…；…, 对于2024发展主要预期目标，, 2011年全省国民
# 经济和社会发展主要预期目标为：) scopes what follows like 到2018年, written with or without 年
# the verbs that tell goals as set by a meeting or a bureau (已经敲定, 已确定, 正式出炉, 日前下达, 印发)
_GOALS_SET = r"(?:已经|已經|已|正式|日前|近日|基本|均已|全部)?(?:敲定|确定|確定|明确|明確|出炉|出爐|下达|下達|公布|发布|發布|印发|印發|定|出台|出臺)(?:了|下来|下來)?"
# 2020年供排水工作的主要目标已经敲定。排水方面，…: a year's goals told as set (敲定, 确定, 下达, 出炉 …) by a meeting
# or a bureau; the figures after it, in its sentence or the next ones, are that year's goals (its 已经 tells no figure)
# (…2025年全市经济社会发展的主要预期目标已确定: the goals named by their kind, 预期 or 发展 — round ac)
GOALS_SET_CLAUSE = re.compile(rf"(?<!\d)({_Y})\s*年度?[\u4e00-\u9fff“”]{{0,16}}?(?:主要目标|预期目标|发展目标|工作目标|目标任务|主要指标|目标和任务)"
                              rf"\s*(?:{_GOALS_SET})\s*(?=[，,：:。]|$)")
_GOALS_CLAUSE = re.compile(rf"(?<!\d)({_Y})\s*年?(?:度)?[\u4e00-\u9fff()（）]{{0,16}}?(?:主要预期目标|预期目标|主要目标|考核指标|考核目标"
                           # 提出了2021年全市…发展指标体系安排，具体为：…: the year's indicators set out
                           r"|主要指标|指标体系|发展指标)(?:安排)?(?:是|为|如下)?(?:[，,]\s*具体(?:为|是|如下))?\s*(?=[，,：:]|$)"
                           rf"|{GOALS_SET_CLAUSE.pattern}"
                           # 《方案》明确了天津到2027年底绿色低碳发展的主要目标指标。包括：…: the goals of that year follow
                           rf"|(?<=[到至])\s*({_Y})\s*年(?:年?底|年?末)?[\u4e00-\u9fff“”()（）]{{0,24}}?(?:主要|发展|总体)目标(?:指标|任务)?(?:是|为|如下)?\s*(?=[，,：:。]|$)")
# a goals heading run into its paragraph ((二) 主要目标。 2015 年，…): the year clause after it looks ahead
_GOAL_HEADING = re.compile(rf"^\s*{_NUMBERING}\s*[\u4e00-\u9fff]{{0,8}}?(?:主要目标|总体目标|发展目标|具体目标|工作目标|目标任务)\s*[。：:]?\s*$")
# a clause naming what a year is (2026开局之年，兰州将…; 2026年是“十五五”开局之年，全市要…) opens that year's statements:
# a year clause, ahead when the year is not before the issue (2025年是极不平凡的一年，…增长5.2% in a 2026 text reports)
_YEAR_OF_CLAUSE = re.compile(rf"(?:^|[，,：:])\s*({_Y})\s*年?\s*(?:是|为)?[\u4e00-\u9fff“”]{{0,12}}?(?:之年|一年)\s*(?=[，,])")
_YEAR_IS = re.compile(rf"^\s*({_Y})\s*年(?:是|为)[^。；;]{{0,60}}?(?:一年|之年)\s*[。！]?\s*$")
# a plan period's goals announced (“十四五”时期江苏海洋生态环境保护的主要目标是：——…) scope what follows
_PERIOD_GOALS = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:时期|期间|末|期末)?[\u4e00-\u9fff“”]{0,24}?"
                           r"(?:主要预期目标|预期目标|主要目标|发展目标|总体目标|目标任务|主要任务|重点任务)(?:指标)?(?:是|为|如下)?\s*(?=[，,：:。]|$)"
                           # 江西确定“十二五”期间工业节能降耗目标为单位GDP能耗下降16%: a period's goal being set
                           r"|(?<=确定|提出|明确|制定)[“\"]?十([一二三四五六七八九])五[”\"]?(?:时期|期间|末|期末)?[\u4e00-\u9fff“”]{0,16}?目标(?:是|为)")
# a plan named with its period says what it requires (“十三五”规划纲要明确提出：…, 《某市“十四五”节能减排
# 方案》要求，…): its goals are that period's (the last year), unless a clause names its own year
_PLAN_SAYS = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?[\u4e00-\u9fff“”]{0,24}?(?:规划|方案|纲要|计划)》?(?:纲要)?"
                        r"[\u4e00-\u9fff]{0,4}?(?:(?:明确)?(?:提出|要求|明确|指出)\s*[：:，,]"
                        # “十四五”规划明确了单位GDP能耗降低13.5%的总体目标: the goal follows the verb at once
                        r"|(?:明确|提出|确定|设定)了)")
# a goal quoted and named a year's target (把“单位GDP能耗降低3%左右”作为2025年发展主要预期目标之一)
# 根据《某某行动方案》，2025年…达到20%左右: a year a plan named at the clause's start states for its goals, read
# ahead like 到2025年 whenever the text was written
_NAMED_PLAN_YEAR = re.compile(rf"(?:根据|按照|依据|依照)\s*《[^》]{{2,40}}?(?:方案|规划|纲要|意见|计划)》\s*[，,]?\s*({_Y})\s*年(?=[，,]|[^，,。；;]{{2,30}}?(?:达到|控制在|降低|下降|提高|不低于|不超过))")
# 《规划》提出，2015年实现…利用率达20%的目标: a year a named plan states for its goals, read ahead like 到2015年
# (…印发《某省节约型机关创建行动方案》2021年底，全省50%的…: the plan named as issued, its first deadline run on after its
# title — a copy that lost the 明确 or the comma between them — read ahead the same, 年底/年末/前 or not)
_PLAN_SAYS_YEAR = re.compile(rf"(?:《[^》]{{0,40}}?(?:方案|规划|纲要|意见|计划)》\s*(?:明确)?(?:提出|要求|明确|规定)\s*[，,：:]?\s*"
                             rf"|(?:印发|发布|出台|制定|下发|公布)了?《[^》]{{0,40}}?(?:方案|规划|纲要|意见|计划)》\s*(?=\d{{4}}\s*年(?:年?底|年?末)?(?:以|之)?前?[，,]))"
                             rf"({_Y})\s*年(?:年?底|年?末)?(?:以|之)?前?"
                             r"(?=[，,]|[^，,。；;]{2,30}?(?:达到|达|控制在|降低|下降|提高|不低于|不超过|实现))")
# 《方案》提出，“十四五”期间国家储备林建设范围包括…: a plan period a named plan states for its work, read ahead as
# _PLAN_SAYS_YEAR's year is (its last year)
_PLAN_SAYS_PERIOD = re.compile(r"《[^》]{0,40}?(?:方案|规划|纲要|意见|计划)》\s*(?:明确)?(?:提出|要求|明确|规定)\s*[，,：:]?\s*"
                               r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|末|期末)")
# a lead clause that is only a year or a plan period and the name of what it introduces — goals, tasks,
# the year's work — ending in a colon (2026年重点工作部分提到：…, “十五五”时期的主要目标任务部分提到：…,
# 2016年全市节能工作的主要目标是：…): the items after it in its paragraph are that year's (a period's last
# year), whatever the words between; a review of the year (完成情况, 成效, 回顾 …) is not a lead
_LEAD_CLAUSE = re.compile(rf"(?:^|[。；;！!\n])\s*{_NUMBERING}\s*(?:(?P<y>{_Y})\s*年度?"
                          r"|[“\"]?十(?P<p>[一二三四五六七八九])五[”\"]?(?:时期|期间|末|期末)?)"
                          r"(?P<mid>[\u4e00-\u9fff“”]{0,16}?)(?:目标|任务|工作|指标|安排)"
                          r"(?P<tail>[\u4e00-\u9fff]{0,6}?)\s*[：:]")
_LEAD_REVIEW = re.compile(r"完成情况|成效|成绩|回顾|进展|总结|情况")
# a stage named with its one year (从近期目标（2025年）看，…, 远期目标(2035年)：…) scopes what follows as that year
_STAGE_YEAR = re.compile(rf"目标\s*[（(]\s*({_Y})\s*年?\s*[)）]\s*(?:来?看)?\s*(?=[，,：:])")
QUOTED_AS_GOAL = re.compile(rf"(?:作为|列为|确定为|定为)\s*({_Y})\s*年[^，,。；;！？]{{0,16}}?(?:目标|指标)")
# a plan named with its period and a short name (《上海市产业绿色发展“十四五”规划》(以下简称《规划》)),
# then 《规划》具体目标包括：…: the goals the short name states are that period's (its last year)
_ALIAS = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?[^《》。]{0,24}》\s*[（(]\s*以下简称\s*[“\"]?《([^》]{1,12})》")
_ALIAS_SAYS = re.compile(r"《([^》]{1,12})》[\u4e00-\u9fff]{0,8}?(?:目标|提出|要求|明确|指出)[\u4e00-\u9fff]{0,4}\s*[：:，,]")
# 当年 is a year of its own only where it opens a clause (当年完成…); 占当年城镇新建建筑面积的比例 names a share
_OWN_YEAR_WORD = re.compile(r"今年|明年|本年度?|(?:^|[，,：:；;])\s*(?:在)?当年|年内(?=计划|要|将|力争|确保)")
# a deadline at the end of a year named elsewhere in the sentence (力争到年底, 确保年底前), with a goal's hedge
_YEAR_END_SET = re.compile(r"(?:力争|确保|争取)\s*(?:到|在|于)?\s*(?<!\d)(?<!\d\s)年(?:底|末)(?:前)?")
_DIGIT_YEAR = re.compile(rf"(?<![\d])({_Y})\s*年(?!\s*的)(?!\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日(?!\s*(?:前|以前|之前)))")
_FUTURE_WORD = re.compile(rf"(?<![高升长加降少减])(?<!\d年)(?<!\d)到\s*{_Y}(?=\s*年)|(?<![较比]){_Y}\s*年(?:年?底|年?末)?(?:以|之)?前(?!\s*[一二三四五六七八九十两]{{1,2}}个?(?:季度|月))(?!的)|力争|确保|争取|将(?!近)(?!(?!把)[^，,。；;！？]{1,16}?(?:放在|摆在|放到|摆到|作为|列为|列入|纳入|视为|当作|当成|置于))|(?<![年度划])计划(?!的|面积|任务|指标|目标|单列|指出|提出|明确|规定|显示|表明|称|生育|经济|项目|资金|管理|数|量|内|外|期|书|表)|(?:今年|明年|年内|(?<=\d)\s*年度?)计划(?![的数])(?=[\u4e00-\u9fff])|每年|(?<![主重需只还想不])要(?=(?:再|进一步|全面|基本|全部)?(?:完成|实现|建成|新建|新增|改造|创建|淘汰|培育|打造|有\s*[\d一二两三四五六七八九十百]))|(?<!呈现)(?<!呈)逐年(?![\u4e00-\u9fff]{0,4}(?:趋势|特征|态势))|(?<![”\"])目标")
_MILESTONES = re.compile(rf"\s*其中\s*[，,：:]?\s*(?:{_Y}\s*年|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|末))")
_REPORT = re.compile(r"去年|上年|已经|已(?!有)|截至|截止|以来|年来|过去")
_BRACKET = re.compile(r"[（(〔][^（(〔）)〕]*(?:[（(][^（()）]*[）)][^（(〔）)〕]*)*[）)〕]")
_UNIT_WORDS = re.compile(r"责任单位|牵头单位|责任部门|牵头|配合|参与|负责")
# a bracket that is only a date or a span of years ((2023—2025年), （2025年底）) dates what it follows; any other bracket
# naming a year is an aside (扣除2025年一次性收入, 不含2024年结转项目, 以2020年为基数) that dates nothing of the clause
_DATE_ONLY_BRACKET = re.compile(rf"[（(〔]\s*{_Y}\s*年?(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*日)?\s*(?:年?底|年?末)?\s*"
                                rf"(?:[—\-－~～至到]+\s*{_Y}\s*年?(?:\s*\d{{1,2}}\s*月)?\s*(?:年?底|年?末)?)?\s*(?:以|之)?前?\s*[）)〕]")


# the years of effort a plan's goals take (经过3年努力，, 力争通过三年努力，, 用5年时间，): its period's last year when the plan's
# title names a period of as many years (…三年行动实施方案（2018—2020年）) — a count of years alone dates nothing
_EFFORT_YEARS = re.compile(r"(?:^|[，,。；;：:]|全[省市区县]上下)\s*(?:力争|争取)?\s*(?:经过|通过|用)\s*(\d|[一二两三四五六七八九十])\s*年"
                           r"(?:左右)?(?:的)?(?:时间)?(?:的)?(?:努力|奋斗|攻坚|建设|治理)?\s*(?=[，,])")


def _count(numeral: str) -> int:
    """三 → 3, 两 → 2, 5 → 5 (one digit or one Chinese numeral)."""
    if numeral.isdigit():
        return int(numeral)
    return 2 if numeral == "二" else "一两三四五六七八九十".index(numeral) + 1


def without_aside_years(sentence: str) -> str:
    """The sentence with its bracketed asides that name a year blanked (same length: offsets hold), so that neither
    their year nor their words (已, 去年) date the clause or end the scope of the goals around it (round ac).

    一般公共预算支出（扣除2025年一次性因素）增长3% → 一般公共预算支出（　　　　　　　　　　）增长3%;
    建设期（2023—2025年） and 《规划》（以下简称…） stay as they are."""
    if "年" not in sentence or not re.search(r"[（(〔]", sentence):
        return sentence
    return _BRACKET.sub(lambda m: m.group(0) if _DATE_ONLY_BRACKET.fullmatch(m.group(0)) or "简称" in m.group(0)
                        or not re.search(rf"(?<!\d){_Y}\s*年", m.group(0))
                        else m.group(0)[0] + "　" * (len(m.group(0)) - 2) + m.group(0)[-1], sentence)


def unit_groups(text: str) -> list[str]:
    """Bracket groups of ``text`` that name responsible units, in order."""
    out = []
    for m in _BRACKET.finditer(text):
        g = m.group(0)
        if (_UNIT_WORDS.search(g) and split_responsible(g)) or len(split_responsible(g)) >= 2:
            out.append(g)
    return out


class ScopeTracker:
    """Year and past scope carried from sentence to sentence within one paragraph."""

    def __init__(self, year: int | None, issue_year: int | None, layout_year: int | None = None) -> None:
        self.year = year
        self.layout_year = layout_year  # a year the layout states for the whole text (an annual plan)
        self.past = False
        self.continued = False
        self.ahead = False  # the year of the sentence just read comes from a clause read as ahead
        self.deadline: int | None = None  # 2025年底前，…；…；… dates the pieces of its sentence
        self.own_year: int | None = None  # 今年…：…；…: the year word's year for the pieces after ；
        self.ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
        self.goal_heading = False  # the sentence just read is a goals heading ((二)主要目标。)
        self.aliases: dict[str, int] = {}  # 《…“十四五”规划》(以下简称《规划》): 规划 → 2025
        # 到2022年末，…占85%以上。其中2020年…达到75%，2021年达到80%: the years of a 其中 sentence under a
        # goal scope are that goal's milestones (its first such year, else None)
        self.milestones_from: int | None = None
        self.goals_told = False  # the sentence just read tells a year's goals as set (GOALS_SET_CLAUSE)
        # 力争：2020年底，…25%…；2021年底，…50%…；2022年底，…: the year of a goal's piece before ；, for the later years
        # of the pieces after it (a series of milestones)
        self.series_from: int | None = None
        # the years of the plan by its title (…三年行动实施方案（2018—2020年）): 经过3年努力， is its last year
        self.plan_span: tuple[int, int] | None = None

    def _report_tells(self, sentence: str, m: re.Match[str]) -> bool:
        """A (work) report says a year before the issue (报告提出，2025年，全市地区生产总值增长5.4%): delivered at the start
        of a year, a report tells the year before as done — it states no goal for it (round vc)."""
        told = REPORT_SAID_GONE.search(sentence, max(0, m.start() - 8), m.end() + 2)
        return told is not None and int(told.group(1)) < self.ref

    def report(self) -> None:
        """The sentence just read reports (a past marker, 分别为, 约为 a past year …): the undated
        sentences after it in the paragraph report too, until a future marker or a year clause.
        A sentence that announces a year's goals (2020年供排水工作的主要目标已经敲定。) tells of no figure:
        its 已经 is the goals' setting, and the sentences after it are those goals."""
        if self.goals_told:
            return
        self.past = True

    def _later_year_dates(self, sentence: str, m: re.Match[str]) -> bool:
        """A later year (see ``_LATER_YEAR``) dates the clauses before it when it is a deadline or a year after the
        issue, and nothing before it — a year, 今年, a state now (目前, 现有) or a report — dates them otherwise.

        新增装机50万千瓦，力争2025年前全部建成并网 → 2025; 目前拥有公交车1000辆，计划2013年购置600辆 → none."""
        y, before = int(m.group("y")), sentence[: m.start()]
        deadline = re.search(r"前|力争|确保|争取|要求|计划", m.group(0)) is not None
        return ((y >= self.ref if deadline else y > self.ref) and not _DIGIT_YEAR.search(before)
                and not _OWN_YEAR_WORD.search(before) and not _REPORT.search(before)
                and re.search(r"目前|现有|现状|当前|拥有", before) is None)

    def read(self, sentence: str) -> tuple[int | None, bool]:
        """(year governing the sentence's undated numbers, sentence lies in a past scope)."""
        carried_own = self.own_year if self.continued else None
        sentence = without_aside_years(sentence)
        self.goals_told = GOALS_SET_CLAUSE.search(sentence) is not None
        self.milestones_from = None
        if self.year is not None and not self.past and _MILESTONES.match(sentence):
            years = [y for _, _, y, _ in bare_years(sentence)]
            if years and max(years) <= self.year and min(years) >= self.year - 10 and not _REPORT.search(sentence):
                self.milestones_from = min(years) - 1  # (a period’s range counts as past up to its last year)
                return self.year, False
        goal_heading, self.goal_heading = self.goal_heading, _GOAL_HEADING.match(sentence) is not None
        for m in _ALIAS.finditer(sentence):
            self.aliases[m.group(2)] = period_end(m.group(1))
        alias_says = [(m.end(), self.aliases[m.group(1)]) for m in _ALIAS_SAYS.finditer(sentence)
                      if m.group(1) in self.aliases] if self.aliases else []
        # a deadline of one task (2025年底前，力争…) dates its own sentence only; a scope
        # (到2025年，/ 2027年，) dates the following sentences too
        scoped = sorted(
            # 《规划》提出，2020年，…: a year a plan states for its goals looks ahead like 到2020年
            # …2019年6月底前，…；2020年底，…: a year clause after a deadline of the same sentence looks ahead too
            [(m.start(), int(m.group("y")), m.group("to") in ("到", "至") or ((m.group("said") or m.group("said2")) is not None
                                                                                and not self._report_tells(sentence, m))
              or (self.continued and self.deadline is not None and int(m.group("y")) >= self.deadline)
              # …；2021年底，50%…；2022年底，70%…: a later year opening a piece after a goal's piece goes on its series
              or (self.continued and self.series_from is not None and int(m.group("y")) > self.series_from)
              or (goal_heading and m.start() == 0))
             for m in _YEAR_CLAUSE.finditer(sentence)
             if m.group("to") in ("到", "至") or not m.group("before")]
            + [(m.start(), int(m.group(1)), True) for m in _TO_CLAUSE.finditer(sentence)]
            + [(m.start(), int(m.group("y")), True) for m in _LATER_YEAR.finditer(sentence) if self._later_year_dates(sentence, m)]
            + [(m.start(), int(m.group(1)), True) for m in _STAGE_CLAUSE.finditer(sentence)]
            + [(m.start(), int(m.group(1)), True) for m in _STAGE_YEAR.finditer(sentence)]
            + [(m.start(), int(m.group("y")) if m.group("y") else
                period_end(m.group("p")), True)
               for m in _LEAD_CLAUSE.finditer(sentence)
               if not _LEAD_REVIEW.search(m.group("mid") + m.group("tail"))]
            # …目标是，2018—2021年，全疆…；实施节能建筑面积2.7亿平方米: a range opening a clause that
            # does not end before the issue (or that a goal names) scopes what follows as its last year
            + [(m.start(), int(m.group("y")), True) for m in [*_RANGE_CLAUSE.finditer(sentence), *_SEASON_CLAUSE.finditer(sentence)]
               if (int(m.group("y")) > self.ref if m.groupdict().get("dao") else int(m.group("y")) >= self.ref)
               or m.group("said")]
            + [(m.start(), int(next(g for g in m.groups() if g)), True) for m in _GOALS_CLAUSE.finditer(sentence)]
            + [(m.start(), period_end(m.group(1) or m.group(2)), True)
               for m in _PERIOD_GOALS.finditer(sentence)]
            # 2013年是实现“十二五”…承前启后的关键一年。…确保…比上年下降3%: the year the paragraph's tasks are for
            + [(m.start(), int(m.group(1)), True) for m in _YEAR_IS.finditer(sentence)]
            + [(m.start(1), int(m.group(1)), False) for m in _YEAR_OF_CLAUSE.finditer(sentence)]
            + [(0, int(m.group(1)), True) for m in QUOTED_AS_GOAL.finditer(sentence)]
            + [(m.start(1), int(m.group(1)), True) for m in _NAMED_PLAN_YEAR.finditer(sentence)]
            + [(m.start(1), int(m.group(1)), True) for m in _PLAN_SAYS_YEAR.finditer(sentence)]
            + [(m.start(1), period_end(m.group(1)), True) for m in _PLAN_SAYS_PERIOD.finditer(sentence)]
            + [(m.end(), period_end(m.group(1)), True)
               for m in _PLAN_SAYS.finditer(sentence)]
            + [(at, y, True) for at, y in alias_says]
            + [(m.start(), self.plan_span[1], True) for m in _EFFORT_YEARS.finditer(sentence)
               if self.plan_span is not None and _count(m.group(1)) == self.plan_span[1] - self.plan_span[0] + 1]
            + [(m.start(), period_end(m.group(2)), True)
               for m in [*_PERIOD_CLAUSE.finditer(sentence), *_SUBJECT_PERIOD.finditer(sentence)]
               # 要求“十三五”期间，…: a plan's requirement for its period looks ahead
               # (“十三五”末，…达到… in a later text is a report: the bare end of a period is ahead only as below)
               if m.group("to") or _FUTURE_WORD.search(sentence)
               or re.search(r"要求|提出|明确", m.group(0))
               # “十四五”时期，单位GDP能耗降低13.5%；…: a period not over at the issue is ahead
               or period_end(m.group(2)) >= self.ref])
        # a bare year before the issue (…介绍，2022年，全国…为86.5%；) dates a report, not a scope
        clauses = [y for _, y, to in scoped if to or y >= self.ref]
        deadlines = [int(m.group("y")) for m in _YEAR_CLAUSE.finditer(sentence)
                     if m.group("before") and m.group("to") not in ("到", "至")]
        if not deadlines and (end := _YEAR_END_SET.search(sentence)) is not None:
            # 开展2021年…提标扩面年行动，…力争到年底…达到90%以上；…97%以上；: the year end of the one year the sentence
            # names before it is the deadline of the pieces after ；
            named = {int(y) for y in _DIGIT_YEAR.findall(sentence, 0, end.start())}
            if len(named) == 1:
                deadlines = [named.pop()]
        past_clause = any(not to and y < self.ref for _, y, to in scoped)
        dated = bare_years(sentence)  # (a year in a bracketed aside is blanked above: without_aside_years)
        # (2023年主要目标任务圆满完成，诸如：…: a goal judged as met looks back, not ahead)
        future = _FUTURE_WORD.search(without_goals_judged(sentence)) is not None
        year_for_this = self.year
        # a piece after ；is the same sentence: it keeps the past of the piece before unless it
        # names a future (到2025年, 力争 …) or a year of its own not before the issue
        own_later = any(int(y) >= self.ref for y in _DIGIT_YEAR.findall(sentence))
        in_past = self.past and not future and not clauses and (
            not dated or (self.continued and not own_later))
        if self.continued and self.deadline is not None and not clauses and not any(
                not re.search(r"(?:(?<![占对])比|较|相比|相较于?|与|同|基于|相对于)\s*$", sentence[max(0, m.start() - 4) : m.start()])
                for m in _DIGIT_YEAR.finditer(sentence)):  # …；重点行业排污强度比2012年下降30%: a base year dates nothing
            year_for_this = self.deadline  # …2025年年底前，累计新改造…；农村生活污水治理率达到45%以上；
        self.deadline = deadlines[-1] if deadlines else (None if clauses else self.deadline)
        self.ahead = False
        if clauses:
            self.year = clauses[-1]
            self.past = False
            if year_for_this is None or _YEAR_CLAUSE.match(sentence) or _YEAR_OF_CLAUSE.match(sentence):
                year_for_this = clauses[0]
                # a bare year before the issue read as a scope only because the sentence goes on
                # after a deadline (…6月底前，…；2020年底，…): the caller must not take it for a report
                self.ahead = any(y == year_for_this and to for _, y, to in scoped)
        elif (dated and not future and all((y <= self.ref if rng else y < self.ref)
                                           for _, _, y, rng in dated)) or (past_clause and not future):
            self.past = True
        elif future:
            self.past = False
        elif _REPORT.search(sentence) or reported(sentence):
            # 10年来…下降了60%。新疆…系数分别达0.573: a report goes on in the undated
            # sentences after it (去年…；“十四五”时期…下降20% after ；)
            self.past = True
        self.continued = sentence.rstrip().endswith(("；", ";"))
        if not self.continued:
            self.deadline = None
        # a piece ending in ； whose year clause states a goal (力争：2020年底，…；) starts a series of milestones
        piece_year = max((int(m.group("y")) for m in _YEAR_CLAUSE.finditer(sentence)), default=None) \
            if self.continued and "年" in sentence else None
        self.series_from = piece_year if piece_year is not None and (
            future or self.ahead or (self.series_from is not None and piece_year > self.series_from)) \
            and not self.past and not _REPORT.search(sentence) else None
        if in_past:
            self.past = True
        if carried_own is not None and not clauses and not _DIGIT_YEAR.search(sentence) \
                and not _OWN_YEAR_WORD.search(sentence):
            year_for_this = carried_own  # 今年发展主要预期目标是：…；粮食产量1.4万亿斤左右；… (the pieces go on)
        self.own_year = carried_own if self.continued and not clauses else None
        if not clauses and _OWN_YEAR_WORD.search(sentence) and not _DIGIT_YEAR.search(sentence):
            # 今年完成40公里: a year of its own, not the scope's (to 2025); the layout's year (an
            # annual plan's title) is that year
            year_for_this = self.layout_year
            if self.layout_year is not None and re.search(r"明年", sentence) and not re.search(r"今年|本年|当年", sentence):
                year_for_this = self.layout_year + 1  # 明年底…达到100% in a report dated 2017 → 2018
            if sentence.rstrip().endswith(("；", ";")):
                self.own_year = year_for_this
        return year_for_this, in_past
