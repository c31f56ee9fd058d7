"""Plan text → :class:`PlanDocument` (规划文本抽取): metadata, targets with spans, tasks.

Pure: takes the decoded text, returns the document; spans index the text given. The rules
for a target are in :mod:`cocontrol.plans.sentences` (running text) and
:mod:`cocontrol.plans.tables` (indicator tables, 专栏); this module walks the layout
(:mod:`cocontrol.plans.structure`), keeps the section numbering for tasks, skips review
sections (“十三五”时期 … achievements, until a paragraph looks ahead) and projections (初步测算),
and attaches 责任单位. Year scope crosses paragraphs only where the layout says so: a “——” or
numbered item takes the scope the paragraph before it ended in, a paragraph ending with ；
continues its sentence. A document with a past word and no word looking ahead
(:func:`reports_only`) reports: it sets no target.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import ValidationError

from cocontrol.plans.departments import lead_units, split_responsible
from cocontrol.plans.graphics import graphic_targets
from cocontrol.plans.issued import DOC_NUMBER, issued
from cocontrol.plans.merge import merge_duplicates
from cocontrol.plans.model import Domain, Plan, PlanDocument, Target, Task
from cocontrol.plans.normalise import normalise
from cocontrol.plans.quantities import UNIT
from cocontrol.plans.sentence_scope import (
    DATELINE_LEAD,
    GOALS_SET_CLAUSE,
    ScopeTracker,
    unit_groups,
)
from cocontrol.plans.sentences import (
    PLACE_CLASS_NAMED,
    PROJECT_LIST,
    REQUIRED,
    Found,
    allotment,
    find_targets,
    five_year_span,
    is_statement,
    names_task_shared,
    without_task_progress,
)
from cocontrol.plans.structure import (
    BLOCK_YEAR_LINE,
    YEAR_LABEL,
    YEAR_LINE,
    Paragraph,
    paragraphs,
    strip_lead,
)
from cocontrol.plans.tables import flat_tables, html_tables, run_together_tables, table_targets
from cocontrol.plans.tense import (
    ASSUMED_ISSUE_YEAR,
    GOALS_MET,
    bare_years,
    period_end,
    period_number,
    reported,
    without_goals_judged,
)
from cocontrol.plans.text_tables import text_tables

_SENT_END = "。！？；!?;"
# an ASCII full stop ends a sentence in web copies (…下降18%.更远期的目标为…): after a character
# that is not a digit or letter (never 3.5 or 1.), before Chinese text or the end
_ASCII_STOP = re.compile(r"(?<=[^0-9A-Za-z.])\.(?=[\u4e00-\u9fff“”\"（(]|\s*$)")
# what a figure yields, not a goal set (round tc): an assumption (假定2025年GDP总量为130万亿), its arithmetic
# consequence (那意味着…将达13万亿元), a period's amount spread over its years (平均到每年的新增规模仅为700MW), and a
# statistic of many goals — their average (各省增长目标加权平均值为5.04%), what most of them are (目标多在2%左右), the
# change of a goal from one year's to the next (较上年的目标下调了0.2%); the clause it opens and the rest of the
# sentence are read as such (a goal before it in the sentence stays: …目标为5%，较上年下调了0.5个百分点)
_DERIVED = (r"(?:^|[，,：:])\s*(?:假定|假设)(?=[^，,。；;]{0,30}?\d)|意味着|平均(?:到|下来|分摊到)?每年(?=[^，,。；;]{0,12}?(?:规模|新增|需|要|为|仅))"
            r"|加权平均|(?:目标|增速|增幅)(?:值)?(?:的)?(?:平均值|均值|中位数)|目标(?:值)?(?:大)?多(?:在|为|定在|设定?在|设为)"
            r"|(?:上调|下调|调高|调低|调增|调减)了(?=\s*[约近]?\d)")
_DERIVED_MARK = re.compile(_DERIVED)
# a time of now qualifying data (最新, 近期, 目前, 去年 …): the figures it gives are a statistic
_DATA_OF_NOW = r"(?:最新|近期|目前|当前|现有|今年|去年|上年|年度|上半年|前三季度)"
# projections and statistics are not targets: 测算/预计/估计 …, and a figure a report or a
# statistics release states (根据《中国海洋经济发展报告2025》，2024年…达10.5万亿元; 数据显示 …)
_SKIP_SENTENCE = re.compile(r"测算|推算|初步核算|经核算|预计|预测|预期将|估算|估计"
                            # 截至2023年底 (统计至2020年11月) dates a statistic; 截至2025年底，全市将建成… is a deadline
                            r"|(?:截至|截止|统计至)(?!\s*(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?[，,][^。；;]*?(?:将(?!近)|力争|确保))"
                            r"|据统计|监测(?:数据|结果)?(?:显示|表明)|数据显示|数据表明|统计显示|报告显示|公报显示"
                            # a survey's findings (经调研，近九成企业…; 调查显示，…; 摸底发现…) — round ae
                            r"|(?:^|[，,：:])\s*经(?:过)?(?:调研|调查|摸底|排查)[，,]|(?:调研|调查|摸底|排查)(?:结果)?(?:显示|发现|表明)"
                            # 某市“十四五”规划实施情况评估显示，…: an assessment's findings
                            r"|评估(?:报告|结果)?(?:显示|表明)|白皮书(?:显示|表明|指出)"
                            # 根据各地统计上报数据，2025年，全国新开工改造…: figures as reported
                            r"|(?:根据|据)[^，,。；;]{0,12}(?:统计|上报|汇总)(?:的)?数据"
                            # so are the figures a clause opens on as the latest data's (据最新监测数据，…; 依据去年数据：…; 从
                            # 最新数据看，…) — a statistic of now, not a source's plan (据…局信息数据，…规划到2025年…) — round ae
                            r"|(?:(?:根据|依据|(?<![数依根证占])据)|(?:^|[，,：:])\s*从)[^，,。；;]{0,6}?" + _DATA_OF_NOW +
                            r"(?:(?!测算|预测|估算|推算)[^，,。；;]){0,8}?数据\s*(?:来)?看?\s*(?=[，,：:]|达|为)"
                            # 市统计局发布数据，…下降4.1%: a statistics office's release
                            r"|统计(?:局|部门)[^，,。；;]{0,6}(?:发布|公布|显示)|(?:发布|公布)的?(?:最新)?(?:统计)?数据(?:显示)?[，,：:]"
                            # a figure from a source's data (根据国际能源署（IEA）的数据，交通运输约占全球…24%) — session 16
                            r"|(?:根据|依据|(?<![数依根证占])据)[^，,。；;《》]{1,20}?的数据[，,]"
                            # (not a work report: 根据《2024年政府工作报告》，2024年，全区将… tells the year's plans)
                            r"|根据《[^》]{0,40}(?:(?<!工作)报告|公报|年鉴|统计)[^》]{0,10}》"
                            # what a project can do once built (建成后年发电量可达3亿千瓦时, 每年可节约标准煤9万吨;
                            # …电站建成后，每年将分别为A市、B市提供2000万、1000万千瓦时电力: its yearly yield)
                            r"|(?:建成|投产|投运)后[，,]?\s*(?:每年|年)(?:将|能|可)?(?:分别)?(?:为|向)"
                            # (可达国内先进水平 is a level of quality: 可达 counts only before a number)
                            # (可实现、可复制、可推广的…之路 is a quality: the verb must lead to an amount in its clause)
                            r"|(?<![认许])可(?:达(?=\s*[约近]?\s*\d)|(?:实现|节约|节省|减少|新增|替代|降低|提高|提升|增加|形成|带动|处理|满足)"
                            r"(?=[^，,。；;、]{0,30}?[\d一二两三四五六七八九十百千]))"
                            # a resource's potential (风电项目规划可开发总容量达5485万千瓦, 技术可开发量) and a web
                            # page's reading time (阅读本文需3分钟) are no goals
                            r"|可开发(?:总)?(?:容量|量|规模|资源)"
                            # 与同等电量火电厂相比，相当于节约标准煤约30万吨，减排二氧化碳…: an equivalence, not a goal
                            # (相当于GDP的比例达到2.8%, 相當於營業收入的3%: a share of a whole, told like 占, stays a goal)
                            r"|相当于(?![^，,。；;的]{1,20}的\s*(?:比例|比重|比率|[\d.]+\s*[%％]))"
                            r"(?=[^，,。；;]{0,12}?(?:节约|减少|减排|替代|植树|种植|\d))"
                            # 2025年我国总节水潜力达298亿立方米, 减排潜力约2亿吨: what could be done, an estimate
                            r"|潜力(?:将)?(?:达到?|约|为|超过?|有)"
                            # 在基准、强化两种情景下可于2030年达峰: what a scenario of a study yields
                            r"|情景(?:下|中)[^。；;！？]{0,12}?(?:可|有望|将可|能够|可能)"
                            # 如进展顺利，截至2009年底，全国将完成…: what a projection expects if things go well
                            r"|(?:如|若|如果|倘若)(?:进展|推进|实施|进度)顺利"
                            r"|阅读(?:本文|全文)(?:需要?|约|大约)"
                            # a person's forecast (他判断，到2035年…将达到30%以上; 依照当前…的发展趋势，2025年…将达到…)
                            # and what happens if nothing is done (若不实施有效的措施予以控制，…将达到4127万吨) are no goals
                            r"|(?:判断|预判|预估)(?:[，,：:]|称|认为)|(?:若|如果|假如|倘若|如)不(?:实施|采取|加以|进行|控制|治理|改变)"
                            r"|(?<![研])判断\s*[，,：:]|(?:依照|按照|按)(?:当前|目前|现有)[^，,。；;]{0,12}趋势"
                            # a scenario (若“十五五”年均电力增速2.8%、…，电力部门有望2025年达峰): what follows under a condition
                            r"|(?:^|[，,：:])\s*(?:若(?!干)|如果|假如|倘若|假设)[^。；;]{2,120}?[，,][^。；;]*?有望"
                            r"|" + _DERIVED)
# a report or release that 显示 a goal year to come (报告显示，到 2025 年…达到…) tells the goal, not a statistic
# …比例预计达到100%: the projection covers an amount of its own clause; 以2020年为基期进行预测，到2025年…将达到…
# (the marker closing its clause) announces a projection of everything after it
_PROJECTED_AMOUNT = re.compile(r"[^，,；;。]*?\d")
# a forecast told as a source's (《报告》预测，, 据预测，, 专家预计：)
_FORECAST_TOLD = re.compile(r"(?:》|据|报告|机构|专家)(?:预测|预计)[，,：:]")
_SHOWS_GOAL = re.compile(r"\s*[，,：:]?\s*(?:力争|将|计划)?\s*(?:到|至)\s*((?:19[5-9]\d|20\d{2}))\s*年")
# content naming goals (目标是/为/包括, 预期目标, 主要目标, 任务是, 要求…：): a lead of goals, whoever tells it
_GOALS_TOLD = re.compile(r"(?:目标|指标|任务)(?:任务)?(?:分别)?\s*(?:是|为|包括|如下)|(?:预期|主要|奋斗|发展|约束性|工作)(?:目标|指标)"
                         r"|要求[^。；;，,]{0,12}?[：:]")
# goal markers of a statement's own (convention 3 of session 12): intent, obligation, a goal named, a bound
# (intent and obligation: the words both tests below share)
# 要 of intent or obligation (not 主要, 重要, 需要, 要求, 要素, 要点, 要闻)
_MUST = r"(?<![主重需只还想])要(?![求素点闻])"
# an amount and the 以上/以下 bounding it (6%以上, 50万千瓦及以上, 三成以上, 一半以上) — not a class a word names with them
# (规模以上工业增加值, 限额以上单位, 县级以上城市)
_AMOUNT_BOUNDED = r"[\d一二两三四五六七八九十百千万亿半](?:[^\d，,。；;、：:\s]{0,6}?)(?<!规模)(?<!限额)(?<!县级)(?<!市级)(?<!省级)(?:及)?(?:以上|以下)"
# (计划 closing its phrase — 实施光伏倍增计划，, 绿色学校伙伴计划。, 完成年度计划的 — names a programme or a plan's share,
# no intent: intent's 计划 goes on to what is planned, 计划新建…, 计划于2025年…)
_INTENT_MARK = r"力争|确保|争取|" + _MUST + r"|将(?!近|军)|计划(?![，,。；;、：:！？”\"》）)]|的|\s*$)|必须"
_OWN_GOAL_MARK = re.compile(_INTENT_MARK + r"|不得|(?<![响适反供对相])应(?![用对急])"
                            # a task named with its amount (治理任务605.9万亩，其中：…; 植树任务是50万株): what is to be done,
                            # as a goal named (not 完成任务… — a report, _states_done — nor a share of it, 任务的105%)
                            r"|任务(?:量|总量)?\s*(?:为|是|共|共计|总计|合计)?\s*(?=(?:约|近|大约)?\s*\d[\d.]*\s*(?:万|亿)?[\u4e00-\u9fffA-Za-z])"
                            r"|目标|≥|≤|不低于|不高于|不少于|不多于|不超过|不大于|不小于|大于|小于|控制在|以内|至少"
                            # 以上/以下 bound an amount written before them (6%以上, 50万千瓦以上, 三成以上); after a word they
                            # name a class (规模以上工业, 限额以上企业, 县级以上城市): no bound set
                            r"|" + _AMOUNT_BOUNDED +
                            # the result a measure aims at (投资128亿元，使农村自来水普及率超过90%)
                            r"|(?<![促致即假迫])使(?![用得命])"
                            # a plan named as what tells it (本次《工作方案》还…推动全市30%的…)
                            r"|《[^》]{0,60}(?:规划|方案|计划|纲要|意见|通知|决定|办法|要点)(?:[（(][^）)]*[）)])?》")
# a heading naming goals or the work set (主要目标, 约束性指标, 重点任务, 工作要求, 建设标准, 建设内容)
# a lead of goals inside a paragraph: goal words and a colon (目标任务：, 具体指标有：, 建设标准包括以下四方面：) or a plan's
# content told (《行动计划》提出，…; 规划明确…; 通知要求…)
_GOALS_LED = re.compile(r"(?:目标|指标|任务|要求|标准|建设内容)[^。；;，,：:]{0,10}?[：:]"
                        # (…会议部署了…工作任务，明确了工作目标。|通过…，每个试点区域将构建1-2种…: goals named, then told)
                        r"|(?:明确|提出|确定|制定)了?[^，,。；;：:]{0,12}?(?:目标|指标)(?:任务)?\s*[。！]?\s*$"
                        r"|(?:》|规划|方案|计划|纲要|意见|通知|决定|办法)[^，,。；;：:]{0,6}?(?:提出|指出|明确|要求|规定|确定)")
# a task as a plan words it: a piece opening (after its list mark or topic label) on a verb of work or a manner of doing
# it, with no subject before it — 整治100个行政村；, 因地制宜建设小城镇污水处理设施，…, 继续在10个省份建设…, 配合完成…
# (round ad: 开工建设/新开工, 竣工/完工 open a task as 建设 does — 开工建设第一中学等4所学校, 竣工安置房1200套)
_WORK_VERB = (r"推动|推进|实施|开展|建设|新建|改建|扩建|建成|建立|完成|整治|治理|改造|创建|新增|淘汰|压减|培育|打造|实现|新?开工|竣工|完工"
              r"|提高|提升|降低|减少|削减|支持|鼓励|引导|组织|落实|完善|构建|组建|设立|布局|争创|力争|确保|争取")
_TASK_OPENS = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*|[⑴-⒇①-⑳]\s*)?(?:[^，,。；;：:！？]{1,16}[：:]\s*)?"
                         r"(?:并|同时|还|另外|此外)?\s*(?:要|应|将)?\s*"
                         r"(?:大力|积极|加快|加大|加强|强化|进一步|全面|深入|持续|继续|扎实|稳步|有序|重点|着力|统筹|因地制宜|配合|协同"
                         rf"|{_WORK_VERB})")
# a time of the statement's own that is no written year (今年, 今后五年, 从2026年起, 每年新增): it is not undated, the
# rule for undated statements does not apply (每年 with a verb of work: 每年产生…粪污 states what is)
_OWN_TIME = re.compile(r"今年|明年|后年|今后|未来|年内|近期|远期|届时|(?:从|自)[^，,。；;]{0,12}?起|每年\s*(?:" + _WORK_VERB + ")")
# a mark of what is done or was (已, 累计, 同比, 全年, 去年, 目前 …): a task's verb in such a sentence reports
_DONE_MARK = re.compile(r"已|累计|(?<![为除])了(?!解)|共(?:有|计)|同比|全年|去年|上年|以来|目前|截至|截止|先后|历时|实际|当年")
# the share of a goal or task completed (完成国家考核目标的291%, 完成年度任务100.8%; 占年计划投资的64.49%, 占年度计划的52%):
# progress, reported
_SHARE_DONE = re.compile(r"(?:完成[^，,。；;]{0,12}?(?:目标|任务)|占[^，,。；;]{0,4}?计划[^，,。；;]{0,6}?)(?:的)?"
                         r"(?:\s*[\d.]+\s*[%％]\s*[、和及])*\s*$")
# a clause telling the share of a plan, goal or task done (…项目投资分别完成年度计划的117.5%和109%, 完成年度投资计划125.4%,
# 为年度计划的103.5%): progress — every figure of the clause is told, the count of what did it too (589个项目完成…)
_SHARE_OF_PLAN_DONE = re.compile(r"(?:完成|为|占)[^，,。；;]{0,12}?(?:目标|任务|计划)(?:的)?\s*[\d.]+\s*[%％]")
# (全年 names a measure as often as it dates a report — 全年空气质量优良天数 — it is no mark of done inside a clause)
_CLAUSE_DONE = re.compile(_DONE_MARK.pattern.replace("|全年", ""))
# (全市森林覆盖率从目前的40%提高到45%以上: a move from today's level is a goal)
_CLAUSE_GOAL = re.compile(_INTENT_MARK + r"|目标|不低于|不高于|不少于|不超过|控制在"
                          r"|从[^，,。；;]{0,16}?(?:到|至)")


def _statement_issue_year(sentence: str, issue_year: int | None, plan_year: int | None) -> int | None:
    """The issue year a sentence is judged against (report or target): in an undated text that is year Y's plan, a
    sentence naming Y is read as if the plan were written at the very end of Y−1 (2026年增长目标大幅上调为6%左右 in a
    2026 plan is a goal); else the issue year."""
    if plan_year is not None and issue_year == plan_year and re.search(rf"(?<!\d){plan_year}\s*年", sentence):
        return plan_year - 1
    return issue_year


def _clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (the next ，；。 or the sentence's end)."""
    return min([i for i in (sentence.find(c, pos) for c in "，,；;。") if i >= 0] or [len(sentence)])


def _marked_before(sentence: str, pos: int) -> bool:
    """A goal marker of the sentence stands before the value at ``pos`` or in its own clause (…降低20%以上的目标)."""
    head = sentence[:_clause_end(sentence, pos)]
    return any(r.search(head) is not None for r in (_OWN_GOAL_MARK, _GOALS_LED, _OWN_TIME))


def _states_done(sentence: str, pos: int) -> bool:
    """The clause holding a value (from the last mark before it) states what is done or is: a mark of done (目前, 已,
    累计, 同比 …) and no goal marker of its own, or the share of a goal completed (convention 3 of session 12)."""
    start = max(sentence.rfind(c, 0, pos) for c in "，,；;。：:") + 1
    clause = sentence[start:_clause_end(sentence, pos)]
    if _SHARE_DONE.search(sentence[start:pos]):
        return True
    share = _SHARE_OF_PLAN_DONE.search(clause)
    if share is not None and _CLAUSE_GOAL.search(clause[: share.start()] + clause[share.end():]) is None:
        return True  # 589个重点项目完成年度投资计划125.4%: progress told (not 确保完成年度计划的100%以上)
    return _CLAUSE_DONE.search(clause) is not None and _CLAUSE_GOAL.search(clause) is None


# (a heading or a lead naming a year's list of projects — 十件民生实事, 这八件民生实事项目是： — lists goals too)
_GOAL_CONTEXT_HEADING = re.compile(rf"目标|指标|任务|要求|标准|建设内容|重点工作|{PROJECT_LIST}")
_GOAL_LEAD = re.compile(rf"目标|指标|任务|要求|标准|建设内容|{PROJECT_LIST}")
_LEAD_END = re.compile(r"[：:]\s*$")
# (“十四五”规划期内，…新建300座，预计带动…: the plan period named as its plan's span marks a goal as 期间 does)
_OWN_GOAL_BEFORE = re.compile(r"(?:到|至)\s*(?:19[5-9]\d|20\d{2})|力争|确保|目标|计划|期间|时期|规划期[内末]")
# a question put (是不是说…？, …能否实现？), not spam ending in ? spliced into a sentence (…平台怎么注册?)
_ASKS = re.compile(r"是不是|是否|能否|能不能|会不会|可不可以|有没有|[吗呢][？?]\s*$")
# “十四五”时期，…的具体目标主要有六个方面。|一是…|二是…: an intro counting the goals' parts, its items follow
_GOALS_IN_PARTS = re.compile(r"目标[^。；;，,]{0,8}?(?:有|包括|分为|涵盖)?[^。；;，,]{0,4}?(?:[一二两三四五六七八九十\d]{1,2}个?方面|以下几个方面|如下)\s*[。：:]?\s*$")
# a notice's lead naming the annual plan it sets out (为贯彻落实《…三年行动方案》，制定2018年度工作方案如下：)
# (…下达《2023年某区国民经济和社会发展计划》，根据该计划…; 公布《某市2018年大气污染防治工作方案》：the year's plan named as
# issued, its name closed by the book mark; not the end year of a period — 《2023—2025年…方案》, 到2025年… — nor a
# deadline, 《2030年前碳达峰行动方案》)
# (round wb: 根据近日印发的《2023年…实施方案》，…今年将…: the plan named as issued, with 的 before its name)
_ANNUAL_SET = re.compile(r"(?:制定|制订|印发|出台|编制|发布|公布|下达|转发)了?的?本?\s*《?[^。\n《》]{0,16}?(?<![\d\-—－~～至到])"
                         r"((?:19[5-9]\d|20\d{2}))\s*年度?(?!(?:底|末)?以?前)[\u4e00-\u9fff“”()（）]{0,24}?"
                         r"(?:工作方案|工作要点|实施方案|行动方案|行动计划|工作计划|(?:计划|方案|要点)(?=》))"
                         r"(?:》|\s*(?:如下)?\s*[。：:])"
                         # (印发《某港提高岸电使用率实施方案（2023年）》: the plan's one year in brackets after its name)
                         r"|(?:制定|制订|印发|出台|编制|发布|公布|下达|转发)了?的?本?\s*《[^。\n《》]{2,40}?(?:方案|要点|计划)\s*"
                         r"[（(]\s*((?:19[5-9]\d|20\d{2}))\s*年度?\s*[)）]\s*》")
# (round yb: the same named first and told as issued after it — 《节水工作2023年度工作要点》（以下简称《要点》）日前正式印发;
# 《某市2024年大气污染防治工作方案》近日出台)
# (…《关于2017年公共机构节能工作安排的通知》对年度能耗下降作了明确，即…: a notice arranging one year's work named, its goals
# told as it states them — 明确, 提出, 要求)
_ANNUAL_TITLE_ISSUED = re.compile(r"《[^》\n]{0,30}?(?<![\d\-—－~～至到])((?:19[5-9]\d|20\d{2}))\s*年度?(?!(?:底|末)?以?前)[^》\n\d]{0,24}?"
                                  r"(?:方案|要点|计划|工作(?:安排|部署)(?:的通知)?)》(?:[（(][^）)]{0,16}[）)])?"
                                  r"(?:\s*(?:已经?|日前|近日|近期|正式|由[^，,。]{0,20}?)*(?:印发|发布|出台|下发|公布)"
                                  r"|[^，,。；;]{0,16}?(?:作了|作出|做出|进行了)?(?:明确|提出|要求|规定)(?!.{0,2}情况))")
# the same said with the year's work the text is written to do (为全力做好2020年大气污染防治工作，…，制定本工作方案。)
_ANNUAL_WORK = re.compile(r"为(?:全力|扎实|切实|全面|认真)?做好\s*((?:19[5-9]\d|20\d{2}))\s*年度?[\u4e00-\u9fff“”]{0,20}?工作"
                          r"[^。\n]{0,80}?(?:制定|制订)本\s*(?:工作)?(?:方案|计划|要点)\s*[。：:]")
_THIS_YEAR_GOALS = re.compile(r"(今年|明年|本年度?)[^。；;！？]{0,20}?(?:目标|指标|任务)(?:任务)?(?:是|为|如下)?\s*[：:]\s*$")
_MILESTONE_OPENS = re.compile(r"\s*((?:19[5-9]\d|20\d{2}))\s*年[，,]")
_MILESTONE_PAST = re.compile(r"已|实际|以来|截至|截止|累计完成|分别为|同比|上年|去年")
_OWN_GOAL = re.compile(r"(?:到|至)\s*(?:19[5-9]\d|20\d{2})|力争|确保|目标")
_REVIEW_START = re.compile(
    r"^[“\"]?十([一二三四五六七八九])五[”\"]?(时期|期间|以来)|^[^，,。；;：:]{0,12}回顾|^(发展|工作)?(基础|现状|成效|成就)(与|和|及|$)"
    # 完成情况：全区…整治176条… / 主要成效：…: a paragraph labelled as what was done
    r"|^[^，,。；;：:]{0,8}?(?:完成情况|进展情况|工作进展|工作成效|主要成效|取得成效|实施成效)\s*[：:]"
)
# how the work went (推进情况, 工作推进情况, 落实情况, 开展情况, 履行情况, 完成情况 …): told, not set (round tc)
_WORK_WENT = r"(?:工作|开展|推进|落实|贯彻|实施|执行|完成|履行|履职|进展)情况"
# a sentence (or its part after a lead's colon) opening on a review heading run on into it (要点如下：2025年工作回顾
# 国内生产总值增长5%…; 重点工作推进情况良好，…)
_REVIEW_OPENS = re.compile(rf"(?:^|[：:])\s*(?:(?:19[5-9]\d|20\d{{2}})\s*年(?:度)?)?[^，,。；;：:\d]{{0,8}}?(?:回顾|{_WORK_WENT})")
# a heading naming what was done or found (（一）取得的成效, 一、规划背景, 第一章 发展环境, 基本情况)
# (round vc: the year just past told whole — 一年来, 过去一年, 这一年 — and a result in its words: 新突破, 持续改善, 稳步提升)
_YEARS_PAST_DONE = re.compile(r"(?:近年来|多年来|近[一二三四五六七八九十几\d]+年来|以来|一年来|这一年来?|过去(?:的)?一年(?:来|里|中)?)"
                              r"[^。]{0,80}?(?:取得了|实现了|成效显著|明显改善|显著提升|持续改善|稳步提升|持续向好"
                              r"|新(?:突破|进展|成效|成绩|提升|台阶|跨越))")
# (how the work went — _WORK_WENT, 进展 — is told, not set: round tc)
_REVIEW_HEADING = re.compile(rf"成效|成就|成绩|数说|{_WORK_WENT}|进展|现状|质量状况|发展基础|"
                             r"规划基础|工作基础|背景|回顾|基本情况|发展环境|面临(?:的)?形势|形势分析|工作总结|存在(?:的)?问题|"
                             r"主要问题|取得的")
# a heading that dates no goals (its year is not a goal year): a review heading, or one naming a base, the situation,
# problems or the years since (发展基础, 形势, 问题, 以来, 总结)
# (基础设施 is what works build — 一、2025年村内基础设施提升工程 —, not the basis a review sets out)
_NOT_GOAL_HEADING = re.compile(_REVIEW_HEADING.pattern + r"|总结|基础(?!设施)|以来|形势|问题")
# a table's head row (序号|…) or title (…进展情况汇总表, 表1 主要指标现状值…)
_TABLE_NAMED = re.compile(r"\||表\s*$|^\s*附?表\s*[\d一二三四五六七八九十]")
_YEARS_PAST_LINE = re.compile(r"过去(?:的)?(?:[一两三五十]|\d{1,2})年(?:来|间)?")  # 过去5年 heading last years' figures
_TASK_VERB = re.compile(r"\s*(?:筑牢|夯实|打牢|巩固|加强|推进|推动|提升|强化|完善|构建|建立|健全|加快|深化|优化|打造|做好|抓好|扎实|"
                        r"拓展|扩大|补齐|改善|筑|夯)")
_REVIEW_END = re.compile(r"^(面临|指导思想|基本原则|主要目标|总体目标|发展目标|展望|锚定|总体要求|形势|机遇)")
_TITLE_IN_NOTICE = re.compile(r"(?:现将|印发)\s*《([^》]{4,60})》")
# a news report opening on a plan's release (近日，…下发《…》, 《…》正式出台) names its plan
# (…获悉：重庆市生态文明建设“十三五”规划已经出台 names it without 《》)
_TITLE_IN_NEWS = re.compile(r"^.{0,80}?(?:近日|日前|近期|昨日|昨天|今日|\d{1,2}月\d{1,2}日)[^。]{0,60}?(?:(?:印发|下发|出台|发布)了?\s*《([^》]{4,60})》"
                            r"|《([^》]{4,60})》(?:正式)?(?:出台|印发|发布)"
                            r"|(?<=[，,：:\s])([\u4e00-\u9fff“”\"]{4,40}?(?:规划|方案|纲要|计划))(?:已经|已)?(?:正式)?(?:出台|印发|发布))", re.DOTALL)
_TITLE_LINE = re.compile(r"^[#\s*]*([\u4e00-\u9fff“”\"（）()—\-0-9]{4,50}(?:规划|方案|纲要|计划|意见|规划纲要)(?:[（(][^）)]*[）)])?)[\s*]*$")
_REVIEW_TITLE = re.compile(r"回顾|综述|盘点|成效|成就|成绩|总结|评估|巡礼|答卷")
_HORIZON = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*[—\-－~～至到]+\s*((?:19[5-9]\d|20\d{2}))\s*年")
_FYP = re.compile(r"[“\"]十([一二三四五六七八九])五[”\"]")
_REGION = re.compile(r"([\u4e00-\u9fff]{2,4}?[市县区州盟])")
_LEAD_TITLE = re.compile(r"^([^，,；;：:。\d\s“”—\-]{4,24})。(?=.{20,})")
_END_MATTER = re.compile(r"^(信息公开属性|抄送[:：]|附件[:：\d]|[（(]此件|[\u4e00-\u9fff]{2,12}办公室\d{4}年\d{1,2}月\d{1,2}日印发)")
# a sentence (or piece after ；) opening on another country or the world speaks of abroad
_ABROAD = re.compile(r"\s*(?:[\d.]+\s*)?(?:欧洲|欧盟|[东西南北]欧|北美|南美|美洲|非洲|亚太|东南亚|中东|美国|日本|德国|英国|法国|韩国|印度|俄罗斯|澳大利亚"
                     r"|加拿大|巴西|西班牙|意大利|丹麦|荷兰|挪威|瑞典|全球|世界各国|国际上|国外|发达国家|发达经济体)"
                     r"(?!.{0,4}(?:先进|领先|一流))")
_QUOTED_PERIOD = re.compile(r"《[^》]{2,60}?[（(]((?:19[5-9]\d|20\d{2}))\s*年?\s*[—\-－~～至]+\s*((?:19[5-9]\d|20\d{2}))\s*年?[）)]\s*》")
_YEARLESS_HEADLINE = re.compile(r"[^。；;！？!?\n]{4,40}")
_SHORT_LINE = re.compile(r"[^，,。；;：:！？!?、\s]{4,30}")
_BOX_HEADING = re.compile(r"^\s*[■◆□◇]\s*[^，,。；;]{2,30}$")
# (本报讯(记者…)2021年，…: a year opening a news lead after its dateline)
_BULLET_YEAR = re.compile(rf"^(?:{DATELINE_LEAD})?(?:[—\-]+|到|至|在)?\s*((?:19[5-9]\d|20\d{{2}}))\s*年(?:年?底|年?末)?(?:前)?[，,]")
# a "——" item of a list (主要目标: 到2025年，…。——…；——…) states no year of its own
_DASH_ITEM = re.compile(r"^\s*(?:——|—|－－|[-－]\s)")
# a numbered item (1. / （1） / ①) takes the year only under a goals paragraph (主要目标, 总体目标):
# elsewhere numbered paragraphs are tasks, each with its own years
_NUMBERED_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]\s*|[（(]\d{1,2}[）)]|[①-⑳])")
_AFTER_YEARS = re.compile(r"^(?:经过|通过)\s*(\d{1,2}|[一二三四五六七八九十])\s*年")


@lru_cache(maxsize=1)
def _lexicon() -> list[tuple[str, list[str]]]:
    text = resources.files("cocontrol.refdata").joinpath("indicator_lexicon.yaml").read_text("utf-8")
    return [(k, [str(w) for w in v]) for k, v in yaml.safe_load(text).items()]


def domain_of(text: str) -> Domain | None:
    """Domain of an indicator or task title by the keyword lexicon (first match in order)."""
    for key, words in _lexicon():
        if any(w in text for w in words):
            return Domain(key)
    return None


_NOT_PLACE = frozenset({"城", "全", "本", "我", "各", "该", "市", "都", "县", "省", "副", "上", "下"})


def _main_city(text: str) -> str | None:
    """Most frequent 2-character place name + 市 in the text (荣成市, 威海市)."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"([\u4e00-\u9fff]{2})市", text):
        name = m.group(1)
        if name[-1] in _NOT_PLACE or name[0] in "全各本我该在和城的与及省" or name in ("城市", "超市", "都市", "全市", "上市"):
            continue
        counts[name] = counts.get(name, 0) + 1
    return (max(counts, key=counts.__getitem__) + "市") if counts else None


def _metadata(text: str, source: str | None) -> Plan:
    head = text[:4000]
    m = _TITLE_IN_NOTICE.search(head) or _TITLE_IN_NEWS.search(head)
    title = re.sub(r"\s+", "", m.group(1) or m.group(2) or m.group(3) or "") if m and m.re is _TITLE_IN_NEWS else (
        re.sub(r"\s+", "", m.group(1)) if m else None)
    titled = True
    if title is None:
        for line in head.splitlines():
            lm = _TITLE_LINE.match(line.strip())
            if lm:
                title = lm.group(1).strip()
                break
    if title is None:  # no title line: the first short heading-like line, else the opening words
        titled = False
        lines = [ln.strip() for ln in text.splitlines()[:300] if ln.strip()]
        short = [ln for ln in lines if 6 <= len(ln) <= 40 and ln[-1] not in "。；，：" and "\t" not in ln
                 and not re.match(r"^[\d一二三四五六七八九十（(第—]", ln)]
        title = re.sub(r"^[#\s*]+|[\s*]+$", "", short[0] if short else (lines[0][:40] if lines else ""))
        titled = bool(short)  # a heading line names the document; its opening words do not
    said = issued(text)
    doc_number, date = said.doc_number, said.date
    issuer_lines = []
    for line in head.splitlines():
        s = re.sub(r"^[#\s*]+|[\s*]+$", "", line)
        if not s:
            continue
        if re.fullmatch(r"[\u4e00-\u9fff]{2,20}(人民政府|局|委员会|委|办公室|厅)", s):
            issuer_lines.append(s)
        elif issuer_lines or s.startswith(("关于", "现将")) or re.search(DOC_NUMBER, s):
            break
    issuer = "、".join(dict.fromkeys(issuer_lines)) or None
    rm = _REGION.match(issuer or title or "")
    region = rm.group(1) if rm and rm.group(1)[:-1] not in _NOT_PLACE else _main_city(text)
    horizon = None
    # a text without a title (a sentence read alone: its "title" is its opening words) has
    # no horizon: its own years (2021—2023年，…累计完成…) are what is to be judged
    hm = _HORIZON.search(title) if not re.search(r"[，,。；;！？]", title) else None
    if hm:
        horizon = (int(hm.group(1)), int(hm.group(2)))
    elif "\n" in text.strip() or not re.search(r"[，,。；;！？]", title):  # a document, not one sentence
        # only the document's own title dates it: a body that quotes several plans (十四五 and
        # 十五五 goals, a national plan cited by a city) says nothing about its own period
        # (a headline that reports a period's results, “十三五”期间我国累计完成造林5.29亿亩, dates no plan)
        found = [period_number(x) for x in _FYP.findall(title if titled else "")
                 if not re.search(r"累计|以来|已(?!有)|(?:完成|实现|建成|达到|下降|增长|提高|减少)了", title)]
        # a title reviewing the period (“十二五”期间…发展回顾, …成效综述) is written after it, no plan of it
        if found and date is None and not _REVIEW_TITLE.search(title):
            horizon = five_year_span(max(found))
    return Plan(id=plan_id(doc_number, title, source), title=title, issuer=issuer, doc_number=doc_number, date=date,
                region=region, horizon=horizon, source=source,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


_GENERIC_STEM = re.compile(r"^(?:plan|document|doc|upload|file|tmp|temp|input|text|-)?[\d_\-a-f]*$")


def plan_id(doc_number: str | None, title: str | None, source: str | None) -> str:
    """Stable id read from the document: its 文号 (济政字〔2023〕36号 → 济政字-2023-36号), else its
    title, else the file name; "plan" only when there is none of these. Characters that do not
    travel well in paths and URLs are replaced by "-"."""
    stem = (source or "").replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    for raw in (doc_number, title, None if _GENERIC_STEM.match(stem) else stem, stem):
        if raw:
            slug = re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", raw.lower()).strip("-")[:60].strip("-")
            if slug:
                return slug
    return "plan"


# the words a class of places ends on (…4市为一类地区, 为第二类城市)
_CLASS_WORDS = ("类地区", "类城市", "类区域", "类县区", "类县市", "类县", "类市", "类区", "类乡镇")


def _sentences(p: Paragraph) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph. A bracket of responsible units written after the full
    stop (…完成整治任务。（市生态环境局牵头…）) closes the sentence before it, never opens
    the next one."""
    out = []
    start = 0
    t = p.text
    depth = 0
    skip_to = -1
    for i, ch in enumerate(t):
        if i < skip_to:
            continue
        if ch in "（(〔":
            depth += 1
        elif ch in "）)〕":
            depth = max(0, depth - 1)
        elif depth and ch in "。！？" and not _closes_soon(t, i + 1):
            depth = 0  # a bracket the page never closed ((以下简称《规划》,并于…。) does not swallow the sentences after it
        if (ch in _SENT_END or (ch == "." and _ASCII_STOP.match(t, i))) and depth == 0:
            if ch == "。" and t.endswith(_CLASS_WORDS, 0, i) and any(
                    m.end() == i for m in PLACE_CLASS_NAMED.finditer(t, max(start, i - 24), i)):
                continue  # 甲市、乙市2市为一类地区。“十二五”…分别下降19%…: naming a class only says whose goals come next
            end = i + 1
            group = _closing_group(t, end)
            if group:
                end = group
                skip_to = end
            out.append((start, end))
            start = end
    if start < len(t):
        out.append((start, len(t)))
    return [(a, b) for a, b in out if b > a]


def _closes_soon(t: str, pos: int, reach: int = 120) -> bool:
    """A closing bracket follows within ``reach`` characters of ``pos``, before any opening one."""
    for c in t[pos : pos + reach]:
        if c in "）)〕":
            return True
        if c in "（(〔":
            return False
    return False


def _closing_group(t: str, pos: int) -> int:
    """End of a units bracket starting at ``pos`` (and of a 。 right after it), else 0."""
    if pos >= len(t) or t[pos] not in "（(〔":
        return 0
    depth = 0
    for j in range(pos, min(len(t), pos + 400)):
        if t[j] in "（(〔":
            depth += 1
        elif t[j] in "）)〕":
            depth -= 1
            if depth == 0:
                if not unit_groups(t[pos : j + 1]):
                    return 0
                return j + 2 if t[j + 1 : j + 2] in ("。", "；") else j + 1
    return 0


def si_reading(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """``value_si``/``unit_si`` of a value as written; none for shares, ratios, multiples
    and peak years (2030 年 is a date, not a duration)."""
    if value is None or not unit or unit in ("%", "‰", "个百分点", "百分点", "年", "倍", "无量纲"):
        return None, None
    from cocontrol.errors import UnitError
    from cocontrol.units import to_base  # pint registry: loaded on first numeric target only

    try:
        return to_base(value, unit)
    except (UnitError, ValueError, TypeError):  # a unit the registry lacks has no SI reading
        return None, None


def _quote(sentence: str, start: int, end: int, width: int = 60) -> str:
    """The clause(s) around a number: whole sentence when short, else from the clause start."""
    if len(sentence) <= 2 * width:
        return sentence
    i = start
    while i > 0 and start - i < width and sentence[i - 1] not in "，。；：":
        i -= 1
    j = end
    while j < len(sentence) and sentence[j] not in "，。；":
        j += 1
    return sentence[i : j + 1]


def _target(f: Found, p: Paragraph, s0: int, sentence: str, text: str) -> Target:
    q = f.quantity
    span = p.clean.span(s0 + q.start, s0 + q.end)
    quote = _quote(sentence, q.start, q.end)
    vsi, usi = si_reading(q.value, q.unit)
    return Target(
        indicator=f.indicator or sentence[:20], year=f.year, value=q.value, unit=q.unit,
        value_si=vsi, unit_si=usi, relation=f.relation, base_year=f.base_year,
        annual_rate=f.annual_rate, approx=f.approx, strive=f.strive, cumulative=f.cumulative,
        baseline_value=f.baseline_value, baseline_year=f.baseline_year,
        domain=domain_of(f.indicator) or domain_of(quote), quote=quote,
        span=span,
    )


def extract_plan(text: str, *, source: str | None = None) -> PlanDocument:
    """Read plan metadata, targets (with spans into ``text``) and tasks from ``text``.

    The rules read the text's normal form (:mod:`cocontrol.plans.normalise`: junk, glosses and
    doubled marks dropped, full-width forms and traditional characters read one for one); every
    span is mapped back, so spans index ``text`` as given, and the plan's sha256 is of ``text``."""
    normal = normalise(text)
    doc = _extract(normal.text, source)
    doc.plan.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if normal.pos is not None:
        for t in doc.targets:
            t.span = normal.span(*t.span) if t.span else None
            t.spans = [normal.span(*s) for s in t.spans]
        for task in doc.tasks:
            task.span = normal.span(*task.span) if task.span else None
    return doc


def _extract(text: str, source: str | None) -> PlanDocument:
    """:func:`extract_plan` on the normal text (spans index it)."""
    plan = _metadata(text, source)
    said = issued(text, plan.horizon)
    start_year = said.year  # None: a sentence read alone (tense assumes)
    # targets dated before the issue are dropped only when the document states its issue (a
    # date or its 文号); a year inferred from a title's period must not drop quoted goals
    dated = start_year is not None and said.source not in ("规划期", "", "目标年")
    if dated and start_year is not None:
        # a page dated after a year its text still speaks of with intent (贵州：2017年将完成造林绿化15万亩 on a
        # page of 2022) is a later copy: the text was written the year before that intent at the latest
        early = [int(m.group(1) or m.group(2)) for m in _INTENT_YEAR.finditer(text)]
        early = [y for y in early if y < start_year]
        if early:
            start_year = min(early) - 1
    if not dated and _RELEASE_NEWS.search(text[:600]):
        # news of a plan's release (近日，…印发《…》，明确…于2017年完成造林15万亩; …制定了《…规划》…2006年一2010年：…)
        # was written when the plan came out: before the first year it speaks of with intent or as a phase to come
        early = [int(m.group(1) or m.group(2)) for m in _INTENT_YEAR.finditer(text)] + [
            int(m.group(1)) for m in _INTENT_DONE.finditer(text)] + [int(m.group(1)) for m in _PHASE.finditer(text)]
        if early and min(early) <= (ASSUMED_ISSUE_YEAR if start_year is None else start_year):
            start_year = min(early) - 1
    told_done: list[str] = []  # sentences a source tells of the year the text reviews (below)
    if not dated:
        # a text that looks out to a later plan period (展望“十五五”, “十五五”开局, “十五五”规划编制) was
        # written when the period before it was ending: its undated statements of that period report
        # (a plan stating goals for both periods — “十四五”期间…；“十五五”期间，…将… — is not such a text)
        ahead = [five_year_span(period_number(next(g for g in m.groups() if g)))[0]
                 for m in _PERIOD_SPOKEN_AHEAD.finditer(text)]
        if ahead and max(ahead) > (ASSUMED_ISSUE_YEAR if start_year is None else start_year):
            start_year = max(ahead)
        # a whole year reported as done (2025年，我国环境空气质量达到有监测记录以来历史最优; 2025年，我市…实现
        # 五个“首次”突破) was over when the text was written: it was issued the year after at the earliest
        done = [int(m.group(1) or m.group(2)) + 1 for m in _YEAR_REPORTED.finditer(text)] + [
            int(m.group(1)) + 1 for m in _STOCK_TAKEN.finditer(text) if not _INTENT_WORD.search(m.group(0))] + [
            # (2026年，全市节能目标任务全部完成: a year whose goals are told as met is over)
            int(m.group(1)) + 1 for m in _YEAR_JUDGED.finditer(text)
            if not _INTENT_WORD.search(without_goals_judged(m.group(0)))] + [
            # (报告在回顾2024年工作时称…; 2024年工作回顾: a year reviewed is over)
            int(m.group(1) or m.group(2)) + 1 for m in _YEAR_REVIEWED.finditer(text)]
        if done and max(done) > (ASSUMED_ISSUE_YEAR if start_year is None else start_year):
            start_year = max(done)
        # a work report: 2025年全区…保持99%以上 (no intent) and 2026年，西藏将… — the year spoken of with intent
        # is the year the text was written in; the year before it, stated without intent, is reported
        planned = {int(m.group(1)) for m in _YEAR_WITH_INTENT.finditer(text)}
        told = {int(m.group(1)) for m in _YEAR_TOLD.finditer(text) if not _INTENT_WORD.search(m.group(0))}
        work_report = [y for y in planned if y - 1 in told]
        if work_report and max(work_report) > (ASSUMED_ISSUE_YEAR if start_year is None else start_year):
            start_year = max(work_report)
        # a government work report told (…作政府工作报告时称，2024年，西藏地区生产总值增长6.3%；报告指出，2024年…): the
        # year it tells without intent or a goal's hedge is the year it reviews — it was given the year after
        # (round tc) so does any year a source tells (记者从…了解到，2024年，我国完成…; …介绍，2024年…突破110万吨) without intent
        # or a goal's hedge when its sentence names a result: a task completed, a figure passed, a record, a change on the
        # year before
        report_told = _WORK_REPORT_TOLD.search(text) is not None
        spoken = [m for m in _YEAR_TOLD.finditer(text) if not _INTENT_WORD.search(m.group(0))
                and not _GOAL_HEDGE.search(m.group(0)) and (report_told or _RESULT_TOLD.search(m.group(0)))]
        reviewed = [int(m.group(1)) + 1 for m in spoken]
        if reviewed and max(reviewed) > (ASSUMED_ISSUE_YEAR if start_year is None else start_year):
            start_year = max(reviewed)
        # (a sentence told of the year the text reviews reports every figure in it, a bound's too: …分别控制在5%和3%以内
        # is how the year went)
        told_done = [m.group(0) for m in spoken if int(m.group(1)) + 1 == start_year]
        # a text that calls the year of its own intents 今年 (今年，我省将…；今年计划…) names other years by number:
        # a sentence opening with such a year and stating it without intent (2024年，全省完成人工造林27万亩) tells a
        # year gone — the text was written the year after it at the earliest (not a year it frames as the year of its
        # work: 2027年，是…关键之年 tells nothing done)
        if _THIS_YEAR_INTENT.search(text):
            gone = [int(m.group(1)) + 1 for m in _YEAR_OPENS_SAID.finditer(text)
                    if not _INTENT_WORD.search(m.group(0)) and not _BOUND_SET.search(m.group(0))
                    and not _YEAR_FRAMED.search(m.group(0))]
            if gone and max(gone) > (ASSUMED_ISSUE_YEAR if start_year is None else start_year):
                start_year = max(gone)
    annual = annual_year(text)  # 2025年全市大气污染防治工作要点: its undated goals are that year's
    if annual is None and plan.title and not _TITLE_DONE.search(plan.title) and (m := _ANNUAL_TITLE.match(plan.title)) is not None:
        annual = int(m.group(1))  # …关于印发《咸阳市2023年国民经济和社会发展计划》的通知
    if annual is None and ((m := _ANNUAL_SET.search(text[:1500])) is not None
                           or (m := _ANNUAL_WORK.search(text[:1500])) is not None
                           or (m := _ANNUAL_TITLE_ISSUED.search(text[:1500])) is not None):
        # 为贯彻落实…，制定2018年度工作方案如下：(a page posted in 2019): the year's plan, written for that year
        annual = int(m.group(1) or m.group(2))  # (its year before the plan's name or in brackets after it)
        if dated and start_year is not None and start_year > annual:
            start_year = annual
    if annual is None and dated and start_year is not None and projects_year(text) == start_year:
        # 京口区2026年度十件民生实事项目出炉 on a page of 2026: the year's list of projects, its works that year's goals
        # (convention 1 of round ta)
        annual = start_year
    plan_year = None  # the year of an undated text's own annual plan (below)
    if said.source == "":
        # a text with no issue date of its own that sets one year's goals (2026年…主要预期目标是, 2026年重点工作, an
        # annual title) is that year's plan, written in that year: its bare earlier years report (2025年工作回顾; 海南
        # 2025年GDP增速为4%，2026年增长目标…6%) and 今年 is that year — the bound from below that issued.py's rule 6
        # (the goal years' bound from above) leaves open (convention 4 of session 12); a text telling that year as
        # done (start_year already past it) is no such plan
        year_set = annual if annual is not None else goals_set_year(text) or intent_year_only(text)
        if year_set is not None and (start_year is None or start_year <= year_set):
            start_year = annual = plan_year = year_set
    elif (annual is None and said.source == "目标年" and start_year is not None and goals_set_year(text) is None
          and (year_set := intent_year_only(text)) is not None and year_set < start_year):
        # (至年底，全市完成…；2016年底，新增…；“十三五”期间，力争…: a text of one year's work that names a later period's
        # goal too — the period's end bounded when it was written — is that year's plan)
        start_year = annual = plan_year = year_set
    elif annual is None and dated and said.source != "目标年" and goals_set_year(text) == start_year:
        # a page posted in the year whose work it sets (时间：2024-07-26 …2024年半年工作视频会…力争年底前全面完成…) is that
        # year's plan: its undated goals are that year's — the page date alone dates nothing, the year its work names does
        annual = start_year
    sole_goal_year = start_year if said.source == "目标年" and max(
        (int(y) for y in re.findall(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])", text)), default=0) == start_year else None
    looks_back = reports_only(text, start_year)
    goals_met = GOALS_MET.search(text) is not None
    # a plan by its title (…实施方案, …规划, …工作要点): its paragraphs after a review paragraph are its own tasks
    plan_document = bool(plan.title) and re.search(r"(?:规划|方案|计划|要点|意见|纲要)(?:[（(][^）)]*[）)])?$", plan.title) is not None
    # the text is the plan itself (its title line, a notice issuing it), not news naming a plan (近日，…印发《…》): its
    # undated statements are the plan's own goals and tasks (convention 3 of session 12)
    own_plan = plan_document and (_TITLE_IN_NOTICE.search(text[:4000]) is not None or _TITLE_IN_NEWS.search(text[:4000]) is None)
    # a text that dates no goal from its issue on (no 到2027年, 2026年底前 …): its undated 累计 counts are stocks, while a plan's
    # task (二、重点任务…累计建成换电站50座 under 到2027年 goals) keeps them
    ref_year = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    stock_counts = not any(int(m.group(1) or m.group(2)) >= ref_year for m in _DATED_GOAL.finditer(text))
    # the periods of plans the text names (《…专项规划(2021-2025年)》): a page posted later quotes their goals
    quoted_periods = [(int(m.group(1)), int(m.group(2))) for m in _QUOTED_PERIOD.finditer(text)]
    stock_counts = stock_counts and annual is None  # an annual plan's 累计 counts are its goals
    paras, tables = paragraphs(text)
    boxed = [(t.rows[0][0][1], t.rows[-1][-1][2]) for t in tables if t.rows and t.rows[0]]
    flat = flat_tables(text) + run_together_tables(text) + html_tables(text, start_year)
    flat += [tt for tt in text_tables(text, start_year) if not any(a < tt[1] and tt[0] < b for a, b, _ in flat)]
    flat = [ft for ft in flat if not any(a <= ft[0] < b for a, b in boxed)]
    flat.sort(key=lambda ft: ft[0])
    targets: list[Target] = []
    tasks: list[Task] = []
    path: list[tuple[int, str, str]] = []  # (level, number, title)
    path_item: dict[float, bool] = {}  # the numbered paragraph at that level of the path is an item, not a heading
    review = False
    review_levels: list[float] = []  # levels of the headings above that open a review
    restarted_level: float | None = None  # the level of a numbered list restarted inside a review section (round vc)
    current: Task | None = None
    current_targets: list[Target] = []

    def close() -> None:
        nonlocal current, current_targets
        if current is not None:
            tail = _tail_resp(current.text)
            groups = unit_groups(current.text)
            if not current.responsible:
                units = [u for g in groups for u in split_responsible(g)] or split_responsible(tail)
                current.responsible = list(dict.fromkeys(units))
            if not current.lead:
                leading = next((g for g in groups if "牵头" in g), tail if "牵头" in tail else "")
                current.lead = lead_units(leading) if leading else []
            for t in current_targets:
                if not t.responsible:  # a target keeps the units of its own sentence
                    t.responsible = list(current.responsible)
                t.task = current.id
            current.targets = [t.id for t in current_targets if t.id]
            if current.domain is None:
                current.domain = domain_of(current.title) or domain_of(current.text[:300])
            tasks.append(current)
        current, current_targets = None, []

    counter = 0
    carry: int | None = None  # year scope a paragraph hands to the "——" items after it
    semi_year: int | None = None  # year scope of a paragraph ending with ；
    carry_goal = False  # the paragraph handing its year on is a goals paragraph
    # 到2020年，基本形成…（no figure）。|装配式建筑占新建建筑的比例20%以上，…: a paragraph opening with a year
    # ahead that only describes the state aimed at dates the undated paragraphs after it, to the next year named
    opened: int | None = None
    prev_item_set = False  # the numbered item before set targets
    goal_lead_open = False  # a paragraph leading a list of goals (具体目标包括：) and its items so far
    prev_open = False  # the paragraph before ended open (；，：)
    goal_items = False  # a numbered list one of whose items set goals
    last_goal = False  # the last piece read was a goal's (its context or its marker)
    seen_ids: set[str] = set()
    sub: dict[str, int] = {}
    # years the layout states for the paragraphs after it (issue 10): a heading (（一）2025年目标,
    # 近期目标（2023—2025年）) for its section, a paragraph introducing a list (到2025年，全市完成以下
    # 目标：) for the list items after it — (level, year, introduces_a_list)
    # (level, year, introduces_a_list, block): a block is the scope of a heading line (a year line, a title naming one
    # year's work, a period line, a year label) — see _block_line_year
    year_scopes: list[tuple[float, int, bool, int]] = []
    label_year: int | None = None  # the year of a year label line (2017年：…) above
    year_line_block = False  # the paragraphs so far since a year line (到2020年) end no sentence
    periods_named: set[int] = set()  # five-year plans the paragraphs so far name (15 for 十五五)
    last_scope: ScopeTracker | None = None  # the paragraph before (a report may go on)
    after = {id(a): b for a, b in itertools.pairwise(paras)}  # the paragraph after each (a bare year line's block, below)
    before = {id(b): a for a, b in itertools.pairwise(paras)}  # the paragraph before each (a line naming a task, round ba)
    para_mark = 0  # len(targets) when the paragraph before began
    last_goals_year: int | None = None  # the year of the last goal the paragraph before read (None: it read none)
    for p in paras:
        body = p.text
        last_goals_year = next((t.year for t in reversed(targets[para_mark:]) if t.year is not None), None) \
            if len(targets) > para_mark else None
        para_mark = len(targets)
        if p.level:
            year_scopes = [sc for sc in year_scopes if sc[0] < p.level]
            heading_year = _heading_year(body)
            if heading_year is not None:
                year_scopes.append((p.level, heading_year, False, 0))
        elif year_scopes and year_scopes[-1][2] and not _LIST_ITEM.match(body) and not year_line_block \
                and not (path and path[-1][0] > year_scopes[-1][0]):
            # a plain paragraph ends the list the intro scoped — unless a numbered item opened under the
            # intro holds it (到 2025 年|2.基本建成|…力争运营里程突破 500 公里。: the item's text goes on)
            year_scopes.pop()
        first_line = text[p.start : p.end].strip().split("\n", 1)[0].strip()
        label = YEAR_LABEL.fullmatch(first_line) if not p.level else None
        if label is not None or p.level:
            label_year = None
        # (a PDF's year line run together with the broken lines under it — 到 2025 年|5|公交 — is read from its own line)
        year_line = (YEAR_LINE.match(body) or YEAR_LINE.match(first_line)) if not p.level else None
        if not p.level:
            # A heading dates its block (lead, session 12): a line that is only a year (2020年——, 到2025年：, 确保2025年),
            # a title naming one year's work (2026年政府民生实事项目), a period line (“十五五”时期) or a year label
            # (2017年：加大…力度) dates every undated statement of the lines below it — numbered items and
            # sub-headings included — up to the next such line or the next heading of its own level or higher
            line_year = _block_line_year(first_line, periods_named)
            if line_year is None and _YEAR_PLACE_LINE.fullmatch(first_line):
                # 2023年某某区|为民办实事项目: a title broken after its year and place reads as one line (round ac)
                lines = text[p.start : p.end].strip().split("\n", 2)
                nxt = after.get(id(p))
                rest = lines[1].strip() if len(lines) > 1 else (
                    None if nxt is None or nxt.level else text[nxt.start : nxt.end].strip().split("\n", 1)[0].strip())
                if rest and _SHORT_LINE.fullmatch(rest):
                    line_year = _block_line_year(first_line.strip() + rest, periods_named)
            bare_heading = False
            if line_year is None and _BARE_YEAR_LINE.fullmatch(first_line):
                # (the line after it: the paragraph's own second line, where the year line was joined to it, else the next's)
                lines = text[p.start : p.end].strip().split("\n", 2)
                nxt = after.get(id(p))
                bare_heading = _bare_year_heading(first_line, lines[1].strip() if len(lines) > 1 else (
                    None if nxt is None or nxt.level else text[nxt.start : nxt.end].strip().split("\n", 1)[0]))
            if bare_heading:
                line_year = int(first_line.strip()[:4])
            if label is not None and not (_NOT_GOAL_HEADING.search(label.group(2)) or "取得" in label.group(2)):
                line_year = label_year = int(label.group(1))
            elif year_line is not None:
                line_year = int(year_line.group(1))
            if line_year is not None or label is not None or _ends_block(first_line) or (
                    _BARE_YEAR_LINE.fullmatch(first_line) and any(sc[3] == _YEAR_LINE_BLOCK for sc in year_scopes)):
                # (a line that is only a year ends the block of the year line above, whether or not it heads one, and
                # the sentence a piece before it left open on ；)
                semi_year = None if _BARE_YEAR_LINE.fullmatch(first_line) else semi_year
                # (a heading line ends the blocks above it and the lists their intros opened: 到2025年：|1.…|到2030年：|1.…)
                year_scopes = [sc for sc in year_scopes if not sc[3] and not sc[2]]
            elif _PLAIN_HEADING.fullmatch(first_line) and not _LIST_ITEM.match(first_line):
                # a year line heads a list of items: an unnumbered heading line (看蓝天, 保障措施) closes it; a title or
                # a period line heads a section and holds through its sub-headings (关于主要目标指标, 创新驱动方面)
                year_scopes = [sc for sc in year_scopes if sc[3] != _YEAR_LINE_BLOCK]
            if line_year is not None:
                kind = _YEAR_LINE_BLOCK if (year_line is not None or _YEAR_ONLY.match(first_line) or bare_heading) else _TITLE_BLOCK
                # (the block sits in the section of the last numbered heading, not under the items before it)
                section = max((lv for lv, _, _ in path if not path_item.get(lv)), default=0.0)
                year_scopes.append((section + 0.25, line_year, False, kind))
        if label is not None:
            # 2016年：…取得新进展|…下降5.6%|2017年：加大…力度|今年…要下降3%: a year label dates the lines under it (今年
            # is its year) up to the next label or heading; a label naming progress (取得, 进展, 成效 …) reviews them
            review = label_year is None
        periods_named |= {period_number(m.group(1) or m.group(2)) for m in _PERIOD_NAMED.finditer(body)}
        # 到2020年|全省…下降20%以上|全省森林覆盖率达到40%: a year line over a graphic's items, one per block without
        # marks, dates them up to the first paragraph that holds a sentence's end
        year_line_block = year_line is not None or (year_line_block and not p.level and not _SENTENCE_ENDS.search(body))
        if p.level:
            heading = re.sub(r"^\S{1,6}?[、）)节章]", "", body)
            short = re.split(r"[。：:]", heading, maxsplit=1)[0][:24]
            review = _is_review(heading, start_year) or (
                _REVIEW_HEADING.search(short) is not None and _TASK_VERB.match(short) is None)
            close()
            repeats = any(lv == p.level and n == p.number for lv, n, _ in path)
            while path and path[-1][0] >= p.level:
                path.pop()
            # 一、“十四五”能源发展主要成绩|（一）能源供给能力进一步增强|…2024年约为2.13亿吨: the sections of a review
            # chapter review too, unless their own title names goals or the years ahead
            # (round vc) 一、2024年计划执行情况|…|表1 主要指标完成情况|一、综合发展|1.地区生产总值: a heading repeating the
            # number of the review section it would close (一、 under 一、) restarts a list inside it — a table's row
            # groups —, and so do its siblings, until one names goals or a year not before the issue
            restarted = restarted_level if restarted_level == p.level else None
            if repeats and p.level in review_levels:
                restarted = p.level
            if restarted is not None and not review and (
                    _GOAL_HEADING.search(short) or _REVIEW_END.search(short.strip()) or _looks_ahead(heading, start_year)
                    or _names_year_ahead(short, start_year)):
                restarted = None
            restarted_level = restarted
            review_levels = [lv for lv in review_levels if lv < p.level or lv == restarted]
            if restarted is not None:
                review = True
            if review and p.level not in review_levels:
                review_levels.append(p.level)
            elif review_levels and not _GOAL_HEADING.search(short) and not _REVIEW_END.search(short.strip()) \
                    and not _looks_ahead(heading, start_year):
                review = True
            rest = strip_lead(body)
            rest = rest[len(p.number):] if rest.startswith(p.number) else rest
            rest = rest.replace("**", "")
            title = re.split(r"。", rest, maxsplit=1)[0][:60]
            path.append((p.level, p.number, title))
            # an item (1. 新建城市公园8个；) states something; a heading (（二）主要目标, （一）2025年) names a section
            path_item[p.level] = re.search(r"[。；;，,]|(?<![\d.])\d+(?:\.\d+)?(?!\d|\s*年)", rest) is not None
            numbering = ".".join(re.sub(r"[、.．（）()第章节]", "", n) or n for _, n, _ in path)
            has_body = "。" in rest
            while numbering in seen_ids:
                numbering += "'"
            seen_ids.add(numbering)
            current = Task(id=numbering, section=p.number, title=title.strip("。"),
                           text=body if has_body else "", span=(p.start, p.end))
        else:
            if _END_MATTER.match(body):
                close()
                path.clear()
                continue
            if _BOX_HEADING.match(body):
                # ■ 2024年成绩单 opens a review, ■ 2025年…主要预期目标 the goals
                review = _REVIEW_HEADING.search(body) is not None
            elif (_SHORT_LINE.fullmatch(body.strip()) and (_REVIEW_HEADING.search(body) or _YEARS_PAST_LINE.fullmatch(body.strip()))
                  and not _REVIEW_END.search(body) and not _TASK_VERB.match(body) and not _TABLE_NAMED.search(body)):
                # (the text's first line too: 数说某市“十四五”|●…从2282家增至4735家 — a table's title or head row, …进展情况汇总表,
                # 序号|…|落实情况, is none: its rows set the works beside how they went)
                review = True  # 2017年全市大气污染防治成效|●…比2013年下降18微克/立方米: an unnumbered review heading
            elif _is_review(body, start_year):
                # a review paragraph that turns to the years ahead in a later sentence (“十三五”期间，
                # …下降28%。“十四五”期间，全市将…力争…再下降10%) is read sentence by sentence
                review = not _turns_ahead(body, start_year)
            elif _REVIEW_END.search(body) or _looks_ahead(body, start_year) or _PERIOD_GOALS.search(body[:80]) \
                    or _PLAN_REQUIRES_BY.search(body[:160]) or _GOALS_HEADED.match(body) or (
                        review and _turns_ahead(body, start_year)):
                # (…编制了《规划》。|《规划》确定21个指标。“十四五”期间…将不低于81.5%: a later sentence turning to
                # the period ahead ends the review as an opening one does)
                review = False
            if not review:
                restarted_level = None  # (a paragraph that ends the review ends a list restarted inside it)
            lead_title = _LEAD_TITLE.match(body)
            if lead_title and path and not review and current is not None:
                # 规划-style topic paragraphs (优化空间发展总体布局。建立…) are tasks of their section
                close()
                parent = ".".join(re.sub(r"[、.．（）()第章节]", "", n) or n for _, n, _ in path)
                sub[parent] = sub.get(parent, 0) + 1
                current = Task(id=f"{parent}.{sub[parent]}", section="", title=lead_title.group(1),
                               text=body, span=(p.start, p.end))
                seen_ids.add(current.id)
            elif current is not None:
                current.text = (current.text + body) if current.text else body
                current.span = (current.span[0] if current.span else p.start, p.end)
        item = _DASH_ITEM.match(body) is not None or (
            carry_goal and _NUMBERED_ITEM.match(body) is not None)
        goal_section = any(_GOAL_SECTION.search(t) for _, _, t in path)
        numbered = _NUMBERED_ITEM.match(body) is not None
        # an item of a numbered list of indicators (22.…率≥82%。|23.…达标率100%。), after an item that set
        # targets or under a heading naming 指标/目标, lists goals: a label and its bare value is one
        goal_list = numbered and (prev_item_set or any(_GOAL_HEADING.search(t) for _, _, t in path))
        prev_item_set = False
        # An undated statement is a goal only in a goal's context (lead, session 12): (a) the layout puts it under goals
        # — a heading naming goals (主要目标, 约束性指标, 重点任务, 建设标准 …), a lead naming them (具体目标包括：, 目标
        # 任务如下：) and the list after it, a numbered list after items that set targets — or (b) its own sentence
        # carries a goal marker (_OWN_GOAL_MARK); otherwise it states what is, was or has been done: a report
        in_lead = goal_lead_open and (p.level >= 3 or _LIST_ITEM.match(body) is not None or prev_open)
        goal_lead_open = (_LEAD_END.search(body) is not None and (
            _GOAL_LEAD.search(body) is not None or _GOALS_LED.search(body) is not None)) or in_lead  # (《方案》提出：|…)
        prev_open = body.rstrip().endswith(("；", ";", "：", ":", "，", ","))
        goal_items = numbered and (goal_items or goal_list)  # a numbered list once an item of it set goals
        goal_layout = goal_section or goal_list or goal_items or in_lead or (carry_goal and item) or own_plan or bool(p.level) or numbered or (
            last_goal and prev_open) or any(_GOAL_CONTEXT_HEADING.search(t) or _TASK_OPENS.match(t) for _, _, t in path)
        # a review that quotes a plan's goals for a year still ahead (…《…规划(2021—2035年)》发布，提出到2035年森林
        # 覆盖率达到26%) states them: that paragraph is read, sentence by sentence
        quoted_ahead = review and any(int(m.group(1)) > ref_year
                                      for m in _PLAN_GOAL_AHEAD.finditer(body))
        if review and not quoted_ahead:
            carry = semi_year = opened = None
            carry_goal = False
            continue
        if _item_told_done(body, start_year):
            continue  # 二、某镇：义务植树7.4万株，910亩。已完成年度任务。: an item telling its task done tells how it went
        default_year = _paragraph_year(body, start_year)
        if default_year is None and year_scopes:
            default_year = year_scopes[-1][1]
        elif default_year is None and not p.level and _GOALS_GO_ON.match(body) and (went_on := (
                last_scope.year if last_scope is not None and last_scope.year is not None and not last_scope.past
                else last_goals_year)) is not None and not _names_other_time(body, went_on):
            # 《规划》提出，到2025年，…明显提升。|其中，…用水量较2020年下降16%左右: a paragraph breaking down the goals of
            # the paragraph before, or adding to them (此外，目标还包括…), keeps the year that paragraph ended in — its scope's,
            # else the year of the last goal it read (2024年全市…下降3%。|工业方面，…: a year opening its clause unmarked)
            default_year = went_on
        elif default_year is None and item:
            default_year = carry  # 到2025年，…需要实现以下重点任务。——…下降3%
        elif default_year is None and semi_year is not None:
            default_year = semi_year  # 2025年，…下降16%；|城市公共供水管网漏损率控制在9%以内；
        elif default_year is None and opened is not None and not p.level and not _other_content(body, opened):
            default_year = opened
        if p.level or (opened is not None and _other_content(body, opened)):
            opened = None
        n_before = len(targets)
        if default_year is None and (then := _THEN.search(body)) is not None:
            # …将于2020年初步建成。|…到那时，中心城区公交专用道将达到1000公里: 届时/到那时 points back to the year of the
            # intent before it, not before the issue
            back = [int(m.group(1)) for m in _THEN_YEAR.finditer(text, max(0, p.start - 1500), p.start + then.start())
                    if int(m.group(1)) >= ref_year]
            default_year = back[-1] if back else None
        if default_year is None:
            default_year = annual
        inside = [ft for ft in flat if ft[0] <= p.end and p.start < ft[1]]
        if inside:
            # (a table starting right at a paragraph's end is met by that paragraph and the next: read once)
            for t in inside[0][2] if inside[0][0] >= p.start and not any(t.id for t in inside[0][2]) else []:
                counter += 1
                t.id = f"T{counter:03d}"
                t.domain = domain_of(t.indicator)
                targets.append(t)
                if current is not None:
                    current_targets.append(t)
            if p.end <= inside[0][1]:
                continue
        # 今年 is the year of an annual plan (its title), else the year a dated document was issued or the year an undated one
        # sets its goals for
        # (…, else the year a numbered heading above names as the year of its section's work: 二、2025年经济社会发展总体
        # 要求|今年…主要预期目标是：… — a written year, not the page's date)
        scope = ScopeTracker(default_year, start_year, label_year if label_year is not None else (
            annual if annual is not None else (start_year if dated or plan_year is not None else _section_year(path))))
        scope.plan_span = plan.horizon  # (经过3年努力， in a plan titled with its three years)
        if last_scope is not None and last_scope.past and (_GOES_ON.match(body) or (
                not p.level and default_year is None and not plan_document and _PARA_AHEAD.search(body) is None
                and not any(int(y) >= ref_year
                            for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", body)))):
            # …山西已累计建成118座智能化煤矿…。|同时，…装机占比达到45.83%: the report goes on; so it does in a
            # paragraph after it that names no year to come and has no word looking ahead (…2023年，全市…。|黄浦江
            # 岸线贯通开放新增8公里，完成112公里架空线入地…)
            scope.report()
        last_scope = scope
        listing = False  # the piece before ended with ；after stating targets
        year_list: tuple[int, ...] = ()  # 到2010年和2020年，… opening the sentence: its years, for the pieces after ；
        found_prev = False  # the sentence before (same paragraph) stated targets
        prev_goal_year: int | None = None  # the latest year of those targets
        goal_years: set[int] = set()  # the years of those targets
        goal_intro = False  # a piece of this sentence announced a list of goals (主要预期目标是：)
        projected = False  # the piece before was a projection/statistic and ended with ；
        if p is paras[0] and len(paras) > 1 and (_headline_reports(body, start_year) or _headline_told(body, text)):
            continue  # 西藏完成造林近600万亩 / 单位GDP能耗下降25%!: a news headline without a look ahead reports
        read_prev = True  # the sentence before (same paragraph) was read, not skipped as a report
        para_goal_year: int | None = None  # the year of the last goals read in this paragraph (当年, below)
        para_lead = False  # a sentence of this paragraph led goals (目标任务：…, 《规划》提出，…): the rest is their content
        piece_open = False  # the piece before (same paragraph) ended with ；
        breakdown_goes_on = False
        illustrating = False  # an example (例如，…) opened in a paragraph that had not looked ahead
        if p is paras[0] and len(paras) > 1 and _YEARLESS_HEADLINE.fullmatch(body.strip()) \
                and not re.search(r"(?:19|20)\d{2}\s*年|十[一二三四五六七八九]五|今年|明年", body):
            continue  # 某省出台清洁取暖方案 推广面积超三亿平方米: a headline without a year sums up its body, sets nothing of its own
        for s0, s1 in _sentences(p):
            sentence = without_task_progress(body[s0:s1])  # (下达…任务7.8万亩，截至目前，完成…: the progress after it reports)
            # 截至2024年底，已累计完成…17200公顷。其中，营造红树林8200公顷…: a 其中 sentence breaks down the
            # sentence before; after a report it reports too, as an example does (…为72%。如浙江、福建…达到90%以上)
            if not read_prev and (_BREAKDOWN.match(sentence) or _EXAMPLE.match(sentence) or breakdown_goes_on) \
                    and not _GOAL_YEAR.search(sentence):
                breakdown_goes_on = sentence.rstrip().endswith(("；", ";"))  # …的90.6%；修复…9000公顷…
                continue
            breakdown_goes_on = False
            # 某园区通过…重构能源体系。例如，某区依托…，每年可消纳…，减少排放160万吨。某区建成…: an example in a
            # paragraph that has not looked ahead illustrates results, and so do the sentences after it, unless one
            # names its own future (an example after goals, 到2027年，…。例如，完成…, is read as usual)
            ahead_here = _DOC_AHEAD.search(_HABITUAL.sub("", sentence)) is not None
            if s0 > 0 and _EXAMPLE_SAID.match(sentence) and not ahead_here and (
                    (not found_prev and _DOC_AHEAD.search(body, 0, s0) is None) or _CASE_SAID.match(sentence)):
                # (以某园区为例，该园区建成…: a case taken to show results, even after the paragraph's goals)
                illustrating = True
            if illustrating and not ahead_here:
                read_prev = False
                continue
            read_prev = False
            year_here, past_here = scope.read(sentence)
            if year_here is None and para_goal_year is not None and _THAT_YEAR.search(sentence) \
                    and not re.search(r"(?:19|20)\d{2}", sentence):
                # 2018年，我局计划新建2个公园…。当年计划新植苗木3000万株: 当年/同年 is the year of the goals set before it
                year_here = para_goal_year
            if past_here and listing and (named := {b[2] for b in bare_years(sentence)}) and named <= goal_years:
                # …目标任务是：…“十二五”和2011年…分别下降19%和3.7%；…“十二五”和2011年…分别下降18%和3.5%；…: a piece going on
                # a list of goals after ；, naming only the years of the goals just read, goes on the list
                past_here = False
            # …还将加快…，2020年运营里程达到900公里以上。全面建成…，2020年自行车租赁点达到4000个左右: a sentence after goals,
            # naming again only their year and telling nothing done, goes on those goals — its year is not read against
            # the issue (round ac)
            # (a span of years, 2024—2025年，通过…形成节能量约2000万吨, is read as it is)
            goal_year_again = found_prev and not listing and bool(bare := bare_years(sentence)) \
                and not any(b[3] for b in bare) and {b[2] for b in bare} <= goal_years \
                and not reported(sentence) and _DOC_BACK.search(sentence) is None
            if told_done and any(t in sentence for t in told_done):
                continue  # 报告指出，2024年，…分别控制在5%和3%以内: told of the year reviewed (round tc)
            if _REVIEW_OPENS.search(sentence) and not _OWN_GOAL.search(sentence):
                # 要点如下：2025年工作回顾国内生产总值增长5%，…: a review heading run on into its paragraph opens a
                # sentence that tells, and the undated sentences after it tell too (round tc)
                scope.report()
                continue
            # 2024年…利用率预测达到92%；新增完成2.5万个…: a projection or statistic goes on after ；
            # until a piece names its own goal (到2025年, 力争, 确保)
            marker = _SKIP_SENTENCE.search(sentence)
            shows = _SHOWS_GOAL.match(sentence, marker.end()) if marker is not None and re.search(
                r"(?:显示|表明|数据|发现|调研|调查|摸底|排查)[，,：:]?$", marker.group(0)) else None
            # (an undated text whose only goal year bounds when it was written — 目标年, no later year named — was
            # written by then: 白皮书显示，到2020年，… in a text naming no year after 2020 tells that year's goals)
            # (数据显示/统计显示 tell figures whatever the year)
            sole = shows is not None and sole_goal_year == start_year and re.search(r"数据|统计|监测|调查", marker.group(0)) is None
            if shows is not None and (int(shows.group(1)) > start_year - sole if start_year is not None
                                      else int(shows.group(1)) >= ASSUMED_ISSUE_YEAR):
                # 报告显示，到2025年…: what a plan's report sets out (数据显示，到2021年底，…为72%: a year gone, a statistic)
                marker = _SKIP_SENTENCE.search(sentence, marker.end())
            if marker is not None and re.search(r"显示|表明|指出", marker.group(0)) and (
                    REQUIRED.search(sentence, marker.end()) or _GOALS_TOLD.search(sentence, marker.end())) \
                    and not reported(sentence):
                # 数据显示，2016年…能耗要下降4%: a requirement told. A goal told is a goal (lead, session 12): what a report, a
                # speech or a release tells is read by its own content — 报告显示，吉林省2026年…主要预期目标是：…增长5%左右
                # names goals, its values are targets (dated by the lead's year); 数据显示，2023年…为72% stays a statistic
                marker = _SKIP_SENTENCE.search(sentence, marker.end())
            stat = _STAT_OPENS.match(sentence)
            ahead = next((m for m in _CLAUSE_TO_YEAR.finditer(sentence, stat.end())
                          if int(m.group(1)) >= ref_year),
                         None) if stat is not None and not past_here else None
            if ahead is not None:
                # 截至2023年底，全市新能源装机达到300万千瓦，到2025年达到500万千瓦: the statistic's date and figures are
                # blanked (same length; its words stay for the goal's name) and the goal of the clause opening on a year
                # to come is read
                head = re.sub(r"截至|截止|(?:19|20)\d{2}\s*年\s*(?:年?底|年?末)?|[\d.]+%?", lambda x: "\u3000" * len(x.group(0)),
                              sentence[: ahead.end(0)])
                sentence = head + sentence[ahead.end(0):]
                marker = _SKIP_SENTENCE.search(sentence)
            skip = marker is not None or (projected and not _OWN_GOAL.search(sentence) and not _opens_ahead(sentence, start_year))
            ends_piece = sentence.rstrip().endswith(("；", ";"))
            if marker is not None:
                # …计划实施节能改造项目100个，预计实现节能量20万吨标准煤: a projection opening a later
                # clause starts there; the goals before it (to a plan's own marker) keep their targets
                cut = max(sentence.rfind(c, 0, marker.start()) for c in "，,：:")
                if (cut > 0 and not sentence[cut + 1 : marker.start()].strip() and _OWN_GOAL_BEFORE.search(sentence, 0, cut)
                        and "以来" not in sentence and not past_here):
                    sentence = sentence[: cut + 1]
                    skip = False
                elif _DERIVED_MARK.match(sentence, marker.start()) and cut > 0 and not past_here \
                        and _OWN_GOAL_BEFORE.search(sentence, 0, cut):
                    # 目标为5%，较上年下调了0.5个百分点 / …将不及3.5GW，平均到每年…仅为700MW: what the goal yields, from its
                    # clause on, is blanked (same length: spans stay); the goal before it is read
                    sentence = sentence[: cut + 1] + "\u3000" * (len(sentence) - cut - 1)
                    skip = False
                elif marker.group(0) in ("预计", "预测") and _OWN_GOAL_BEFORE.search(sentence, 0, max(cut, 0)) \
                        and "以来" not in sentence and not past_here and _PROJECTED_AMOUNT.match(sentence, marker.end()):
                    # 到2025年，…比例预计达到100%，…替代率达到8%: 预计 inside one clause covers that clause only;
                    # the clause is blanked (same length: spans stay) and the goals around it are read
                    end = _clause_end(sentence, marker.end())
                    sentence = sentence[: cut + 1] + "\u3000" * (end - cut - 1) + sentence[end:]
                    skip = False
            # (到2020年，…比例总体预计达到81.61%以上；…控制在10%以内: a projection read as one clause of a
            # goal does not silence the pieces after ；)
            # (round tc: a forecast a source tells — 《报告》预测，…; 据预测，… — goes on over the sentences after it in its
            # paragraph, a journalist's 年底将降至三分之一左右 included, until one names its own goal or opens ahead)
            projected = skip and (ends_piece or projected or (marker is not None and _FORECAST_TOLD.search(
                sentence, max(0, marker.start() - 3), marker.end() + 1) is not None))
            if "以来" in sentence and not skip and not past_here and not _OWN_GOAL.search(sentence):
                scope.report()  # 2025年，…达到有监测记录以来历史最优。PM2.5平均浓度为28…: the report goes on
            if marker is not None and skip and re.search(r"显示|表明|统计|数据", marker.group(0)) and not _OWN_GOAL.search(sentence):
                scope.report()  # 白皮书显示，…成效不断彰显。编制实施…，重点打造110余个美丽海湾: the findings go on
            if skip or ("以来" in sentence and not _OWN_GOAL.search(sentence)) or past_here:
                continue  # (力争“十四五”以来累计降低10%: a goal counted from a period's start is read clause by clause)
            # under a heading naming goals (二、工作目标 / （一）约束性指标), 同比下降2% is the year's goal:
            # the change against the year before is read as a change, not as a report marker
            # (so is 同比下降 in a sentence naming its goal under a year scope: 2020年10月至2021年3月，…同比下降12%。其中，
            # 某市的目标为…同比下降20%: a campaign's goal against the same season of the year before)
            checked = _YEAR_ON_YEAR.sub("", sentence) if _YEAR_ON_YEAR.search(sentence) and (
                goal_section or ((year_here is not None or annual is not None) and _YOY_GOAL.search(sentence) is not None)) else sentence
            if scope.goals_told:  # (2023年…工作目标已敲定，…利用率达到93%: the 已 of the goals' setting tells no figure)
                checked = GOALS_SET_CLAUSE.sub(lambda m: "\u3000" * len(m.group(0)), checked)
            if "类" in checked:  # (丁市为二类地区，…: whose goals follow, no value told with 为)
                checked = PLACE_CLASS_NAMED.sub(lambda m: "\u3000" * len(m.group(0)), checked)
            # 力争2015年，…降低16%左右。2011年，…各降低4%: in a text with no date of its own, a bare year opening the
            # sentence after goals of a later year (within five years) is a milestone on the way, read from that year
            issue_here = min(goal_years) if goal_year_again else start_year
            if not dated and prev_goal_year is not None and (mile := _MILESTONE_OPENS.match(sentence)) is not None \
                    and prev_goal_year - 5 <= int(mile.group(1)) < prev_goal_year and not reported(sentence) \
                    and _MILESTONE_PAST.search(sentence) is None:
                issue_here = int(mile.group(1))
            if is_statement(checked, _statement_issue_year(checked, issue_here, plan_year), year_here) or (
                    stock_counts and year_here is None and "累计" in sentence and not _TIME_WORD.search(sentence)):
                # (全省累计培育绿色工厂136家、绿色园区13家 in a text that dates no goal ahead: a count kept up to today)
                scope.report()  # 石油产量…2024年约为2.13亿吨。天然气产量年增量均超过百亿立方米: the report goes on
                continue
            if looks_back:
                continue  # a text that only looks back (…以来成效显著; a white paper) sets nothing
            if goals_met and stock_counts and year_here is None and _GOAL_NAMED.search(sentence) and not _TIME_WORD.search(sentence):
                continue  # 五大目标都已超额完成。第一大目标是…要下降10%: the goals of a finished plan, told as met
            if sentence.rstrip().endswith(("？", "?")) and _ASKS.search(sentence):
                continue  # 5年下降30%，是不是说…每年都在6%左右？: a question asks, it sets nothing
            if _ABROAD.match(sentence):
                continue  # 欧洲地区德国、西班牙领跑，海上风电装机容量占比达40%: figures and goals of other countries
            own_units = [u for g in unit_groups(sentence) for u in split_responsible(g)]
            goal_intro = goal_intro or _GOALS_INTRO.search(sentence) is not None
            # (a 其中 sentence of milestones under a goal: its years are read against their own first year)
            # 到2025年，营造红树林9050公顷。其中，广东5500公顷、海南2000公顷…: a 其中 sentence after a sentence
            # stating targets breaks them down (by place, by kind): its bare amounts are items of that list
            breakdown = found_prev and _BREAKDOWN.match(sentence) is not None
            read_prev = True
            # (round ba) a plan's voice: this sentence, one before it in its paragraph or a heading above opens on a task
            # with nothing told done (完善供水管网。|新铺供水管道85公里，改造农村5600户分散供热设施)
            voiced = (para_lead or any(_TASK_OPENS.match(t) for _, _, t in path)
                      or _TASK_OPENS.match(sentence) is not None) and _DONE_MARK.search(sentence) is None and not past_here
            # (round ba) a task shared out: a sentence that is only (name, amount) items under a heading or a line naming the
            # task (3.各乡的任务|东岭乡3600株，南山2100株…; 任务分解|甲区1200户、乙县1500户，合计2700户) lists the task's shares
            allotted = allotment(sentence) and (any(names_task_shared(t) for _, _, t in path) or (
                (line := before.get(id(p))) is not None and names_task_shared(line.text.strip())))
            found = find_targets(sentence, default_year=year_here, continued=listing or breakdown,
                                 issue_year=issue_here if scope.milestones_from is None else scope.milestones_from,
                                 statement_checked=True, year_ahead=scope.ahead, goal_context=goal_list or goal_intro or allotted,
                                 year_list=year_list, task_voice=voiced)
            opening = _OPENING_YEARS.match(sentence)
            if opening is not None:
                year_list = tuple(int(y) for y in re.findall(r"(?:19|20)\d{2}", opening.group(0)))
            if not sentence.rstrip().endswith(("；", ";")):
                year_list = ()
            if sentence.rstrip().endswith(("。", "！", "!")):
                goal_intro = False  # …主要预期目标是：…；粮食产量1.4万亿斤左右；…: the list runs to the full stop
            listing = bool(found) and sentence.rstrip().endswith(("；", ";"))
            found_prev = bool(found)
            prev_goal_year = max((f.year for f in found if f.year is not None), default=None)
            para_goal_year = prev_goal_year if prev_goal_year is not None else para_goal_year
            goal_years = {f.year for f in found if f.year is not None}
            prev_item_set = prev_item_set or (numbered and bool(found))
            task = _TASK_OPENS.match(sentence) is not None and _DONE_MARK.search(sentence) is None
            # (…力争新建充电桩5000个。其中，公共充电桩2000个: a breakdown of a goal is the goal's)
            context_goal = goal_layout or goal_intro or para_lead or (last_goal and (piece_open or breakdown)) or task or allotted
            # (…改善72%，但未达到…改善76%的目标值: a goal judged is no goal marker)
            unjudged = without_goals_judged(sentence)
            marked = _OWN_GOAL_MARK.search(unjudged) is not None or _GOALS_LED.search(unjudged) is not None \
                or _OWN_TIME.search(unjudged) is not None
            own_goal = context_goal or marked
            para_lead = para_lead or _GOALS_LED.search(sentence) is not None or task
            piece_open = sentence.rstrip().endswith(("；", ";"))
            last_goal = own_goal
            goal_items = goal_items or (numbered and own_goal and bool(found))
            for f in found:
                if f.year is None and not (context_goal or (marked and _marked_before(unjudged, f.quantity.start))):
                    # 新建乡镇污水处理项目670个…累计完成投资260亿元: an undated statement outside goals reports; a goal
                    # marker scopes forward (目前，省会拥有柴油公交车1000余辆，…，计划2013年购置…: 计划 marks what follows it)
                    continue
                if f.year is None and not goal_layout and _states_done(sentence, f.quantity.start):
                    continue  # …，目前已经实施17万平方米，今年将继续…: its own clause states what is done, whatever the sentence's marks
                # (a web page's time stamp is when the page was posted, not when the plan it quotes was issued:
                # 社会热点2022-10-04 …《…专项规划(2021-2025年)》…到2021年，…137个 keeps its goal)
                if f.year is not None and dated and f.year < start_year and not (
                        said.source == "发布时间" and (any(a <= f.year <= b for a, b in quoted_periods) or goal_section)
                        and re.search(rf"(?:到|至)\s*{f.year}\s*年", sentence)) and not (
                        f.year == annual and (year_here == annual or said.source == "发布时间")):
                    # (a page posted in 2019 carrying the 2018年度工作方案 it sets out: that plan's goals)
                    # (a page posted in 2025 carrying a plan whose 二、工作目标 reads 到2020年底，…达到94%: the plan's goal)
                    continue
                if f.year is not None and plan_year is not None and f.year < plan_year and not re.search(
                        rf"(?:到|至)\s*{f.year}\s*年", sentence):
                    continue  # that year's plan: a bare earlier year reports (2025年，全县完成植树造林1.2万亩 in a 2026 plan)
                try:
                    t = _target(f, p, s0, sentence, text)
                except ValidationError:  # e.g. a year the model refuses: not a usable target
                    continue
                t.responsible = list(dict.fromkeys(own_units))
                counter += 1
                t.id = f"T{counter:03d}"
                targets.append(t)
                if current is not None:
                    current_targets.append(t)
        opener = _OPENS_AHEAD.match(body)
        if opener is not None and not p.level and len(targets) == n_before and not scope.past:
            opened = int(opener.group(1))
        if not item:
            # the year scope this paragraph ends in (到2025年，…) dates the "——" items after it
            carry = scope.year
            carry_goal = re.search(r"目标|指标", body[:60]) is not None
        # a sentence going on over a line break after ；keeps its year scope
        # (今年发展主要预期目标是：|国内生产总值增长5.5%左右；|…: the year 今年 gave the pieces goes on too)
        semi_year = (scope.year if scope.year is not None else scope.own_year) if body.rstrip().endswith(("；", ";")) else None
        intro_year = scope.year
        if intro_year is None and scope.layout_year is not None and (own := _THIS_YEAR_GOALS.search(body)) is not None:
            # 今年发展主要预期目标是：|国内生产总值增长5.5%左右；|城镇新增就业…: the year 今年 means (the page's, a year label's,
            # an annual plan's) dates the list it introduces; 明年 the year after
            intro_year = scope.layout_year + (1 if own.group(1) == "明年" else 0)
        if (body.rstrip().endswith(("：", ":")) or _GOALS_IN_PARTS.search(body)) and intro_year is not None and (
                not year_scopes or year_scopes[-1][1] != intro_year or not year_scopes[-1][2]):
            # 到2025年，全市完成以下目标：|1.…；2.…: the list items after it take its year
            year_scopes.append((path[-1][0] if path else 0.0, intro_year, True, 0))
        else:
            # 设定广东2025年能源发展的主要目标：一是…|二是…: an intro naming the goals' year, its list opened on the
            # same line or after it, dates every item of the list (as 到2025年，…以下目标：does)
            intro = _LIST_INTRO_YEAR.search(body)
            if intro is None and scope.year is not None and _GOALS_IN_PARTS.search(body):
                # “十四五”时期，…的具体目标主要有六个方面。|一是…超过43%。|二是…: goals announced by their parts,
                # under the paragraph's year scope, date each part of the list after it
                if not year_scopes or year_scopes[-1][1] != scope.year or not year_scopes[-1][2]:
                    year_scopes.append((path[-1][0] if path else 0.0, scope.year, True, 0))
            elif intro is not None and not _LIST_INTRO_YEAR.search(body, intro.end()) and (
                    not year_scopes or year_scopes[-1][1] != _intro_year(intro) or not year_scopes[-1][2]):
                year_scopes.append((path[-1][0] if path else 0.0, _intro_year(intro), True, 0))
    close()
    drawn = graphic_targets(text)
    if drawn:
        # a graphic's figure is read once, as the graphic pairs it with its item: the running-text reading of the same
        # lines (dated now by the graphic's heading line) is dropped
        targets = [t for t in targets if not t.span or not any(
            d.span and t.span[0] < d.span[1] and d.span[0] < t.span[1] for d in drawn)]
    for t in table_targets(tables, text, start_year) + drawn:
        counter += 1
        t.id = f"T{counter:03d}"
        t.domain = t.domain or domain_of(t.indicator)
        targets.append(t)
    targets.sort(key=lambda t: t.span or (0, 0))
    targets, _ = merge_duplicates(targets)
    for task in tasks:
        task.targets = [t.id for t in targets if t.task == task.id and t.id]
    years = [t.year for t in targets if t.year]
    if plan.horizon is None and plan.date is not None and years:
        plan.horizon = (plan.date.year, max(max(years), plan.date.year))
    tasks = [t for t in tasks if t.text]
    return PlanDocument(plan=plan, targets=targets, tasks=tasks)


_Y4 = r"(?:19[5-9]\d|20\d{2})"
_INTENT_YEAR = re.compile(rf"(?<!预计)(?<!预测)(?<!估计)(?<!\d)({_Y4})\s*年(?:年?底|年?末)?(?:前)?\s*将(?!近)|将(?:于|在)\s*({_Y4})\s*年")  # (预计2024年将…: a projection, no intent)
_PLAN_GOAL_AHEAD = re.compile(rf"(?:发布|印发|出台)[^。]{{0,8}}?[，,]\s*(?:提出|明确)[，,]?\s*(?:到|至)\s*({_Y4})\s*年")
# a news item on a plan's release, in its opening (近日，省政府办公厅印发《…》; 市委、市政府…制定了《…规划》)
# a paragraph opening with a year ahead (到2020年，…), and any naming a time of its own (a year, a period, 今年)
# (round yb: the year clause may follow a lead telling goals or a plan's word — 《指南》确立了…目标，争取到2020年，/ 《方案》
# 提出，到2025年，/ 规划明确：力争到2027年， — as 到2025年， opening the paragraph does)
_OPENS_AHEAD = re.compile(r"\s*(?:[^。；;！？\n]{0,40}?(?:目标|提出|明确|确立|确定|要求|指出)[^，,。；;：:\d]{0,4}?[，,：:]\s*)?"
                          r"(?:力争|争取|确保)?\s*(?:到|至)\s*((?:19|20)\d{2})\s*年(?:年?底|年?末)?\s*[，,]")
_OPENING_YEARS = re.compile(r"\s*(?:到|至)\s*(?:19|20)\d{2}\s*年?(?:\s*[、和及与]\s*(?:19|20)\d{2}\s*年?)+(?:底|末)?\s*[，,]")
def _other_content(body: str, year: int) -> bool:
    """A paragraph after one opening on a year ahead (到2020年，…明显提升。) that the year does not reach: it names another
    time, opens on a lead of its own (同时，主要任务中明确：…) or adds other work (同时，县水利局还推动建成50座…) — but
    not more goals (此外，目标还包括…)."""
    return _names_other_time(body, year) or _GOALS_LED.search(body, 0, 40) is not None or (
        _OTHER_ADDED.match(body) is not None and _GOALS_GO_ON.match(body) is None)


_THAT_YEAR = re.compile(r"(?:^|[，,：:；;])\s*(?:在)?(?:当年|同年)(?![底末度的])")  # that year, opening a clause
_OTHER_ADDED = re.compile(r"\s*(?:同时|此外|另外|与此同时|除此之外)[，,]")  # a paragraph adding something else


def _names_other_time(body: str, year: int) -> bool:
    """The paragraph names a time other than ``year`` (a base year — 比2015年 — names none)."""
    return _NAMES_TIME.search(re.sub(rf"(?:到|至)?\s*{year}\s*年", "", _BASE_YEAR.sub("", body))) is not None


_BASE_YEAR = re.compile(r"(?:比|较|相比|与|同)\s*(?:19|20)\d{2}\s*年")  # 比2020年下降15%: a base names no time of the line
_NAMES_TIME = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年|十[一二三四五六七八九]五|今年|明年|去年|目前|当前|近年")
_RELEASE_NEWS = re.compile(r"(?:近日|日前|近期)[^。\n]{0,60}?(?:印发|制定了|出台|发布)了?[^。\n]{0,6}《")
# 于2017年完成造林绿化15万亩, 并于2016年完成…: a deadline to come as the plan words it
# 届时/到那时 opening a clause: the time of a goal named before it (_THEN_YEAR); so does 同期 opening a paragraph (至2015年，
# 形成10个亿吨级…。|同期，全国煤矿采煤机械化程度达到75%以上: the same time as the goal before)
_THEN = re.compile(r"(?:^|[。！；;，,\n])\s*(?:届时|到那时|到那个时候|那时)[，,]|^\s*同期[，,]")
_THEN_YEAR = re.compile(rf"(?:到|至|将于|将在|于|在)\s*({_Y4})\s*年(?:年?底|年?末)?(?:前|以前)?")
_INTENT_DONE = re.compile(rf"(?<![\d截])于\s*({_Y4})\s*年(?:年?底|年?末)?(?:前)?(?:完成|建成|实现|达到)")
# 2006年一2010年：… / 2011—2015年：…: a phase of the plan, opening its paragraph or sentence
_PHASE = re.compile(rf"(?:^|[。\n])\s*({_Y4})\s*年?\s*[—\-－~～至一]\s*{_Y4}\s*年\s*[：:]", re.MULTILINE)
# anything in a document that speaks of what is to come (a year ahead, intent, a plan's words)
_DOC_AHEAD = re.compile(rf"(?<![高升长加降少减])到\s*{_Y4}(?=\s*年)|(?<![截])至\s*{_Y4}\s*年(?!\s*\d{{1,2}}\s*月)|(?<![较比]){_Y4}\s*年(?:年?底|年?末)?(?:以)?前(?!\s*[一二三四五六七八九十两]{{1,2}}个?(?:季度|月))|力争|确保|(?<!共)争取"
                        r"|将(?!近)(?!(?!把)[^，,。；;！？]{1,16}?(?:放在|摆在|放到|摆到|作为|列为|列入|纳入|视为|当作|当成|置于))|计划|目标|任务|要求|方案|规划|意见|行动|每年|今后|未来|拟|预计|有望|提出|明确|部署"
                        r"|纲要|办法|通知|指标|不低于|不少于|不超过|不高于|控制在|(?:到|至)\s*二〇|十[一二三四五六七八九]五")
# a word of a paragraph that looks ahead (narrower than _DOC_AHEAD: 实施碳达峰十大行动 names a work done)
_PARA_AHEAD = re.compile(rf"(?<![高升长加降少减])到\s*{_Y4}(?=\s*年)|(?<![截])至\s*{_Y4}\s*年|(?<![较比]){_Y4}\s*年(?:年?底|年?末)?(?:以)?前|力争|确保|(?<!共)争取"
                         r"|将(?!近)|计划|目标|任务|要求|拟|预计|有望|每年|今后|未来|不低于|不少于|不超过|不高于|控制在|十[一二三四五六七八九]五"
                         # 《方案》明确，新建公园20座: what a plan states
                         r"|(?:方案|规划|纲要|意见|》)\s*(?:明确|提出|指出|规定)")
_GOALS_IN_PARTS = re.compile(r"目标(?:任务)?[^。；;，,]{0,8}?(?:有|包括|分为|涵盖)[^。；;，,]{0,6}?"
                             r"(?:[一二两三四五六七八九十\d]+|以下|如下|几)个?(?:方面|部分)[^。；;，,]{0,4}[。：:]?\s*$")
# a paragraph opening on a connective (同时，此外，…) goes on with the paragraph before
_GOES_ON = re.compile(r"\s*(?:同时|此外|另外|与此同时|除此之外|其中|例如|比如|譬如|具体来看|具体而言)[，,]")
# a paragraph going on with the goals of the one before: their breakdown (其中，…) or more of them (此外，目标还包括…; not
# 同时，… opening other work)
# (…2024年全市单位生产总值能耗下降3%。|工业方面，…控制在15万吨以内。|交通运输方面，…: a paragraph of one sector
# breaks the goals down as 其中 does, so does a bulleted 其中 — ◆其中，…; a news topic paragraph, 在加快…方面，西藏将…,
# opens a topic of its own, and 一方面，/另一方面， name no sector — round ac)
_GOALS_GO_ON = re.compile(r"\s*(?:[◆●■▲◇•]\s*)?(?:其中[，,]|(?!在|一方面|另一方面)[^，,。；;：:！？\n]{1,24}?方面[，,]|(?:此外|另外|同时|除此之外)[，,]\s*[^，,。；;]{0,10}?(?:目标|指标)[^，,。；;]{0,4}?(?:包括|还有|有))")
_SENTENCE_ENDS = re.compile(r"[。！？!?]")
_LIST_INTRO_YEAR = re.compile(r"(?:(?:到|至)\s*((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?[，,]?|((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?"
                              # “十四五”时期，…的具体目标主要有六个方面。|一是…: a plan period names the list's year
                              r"|[“\"]?十([一二三四五六七八九])五[”\"]?(?:时期|期间|末)[，,]?)"
                              r"(?:[^。；;：:，,]{0,30}?目标(?:任务)?(?:如下|是|为)?\s*[：:]\s*"
                              r"(?=$|[一二三四五六七八九十]+是|\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|[①-⑳]|——)"
                              r"|[^。；;：:]{0,40}?目标(?:任务)?主要?(?:有|包括|是)[一二三四五六七八九十两\d]+个?方面\s*[。：:]\s*$)")


def _intro_year(m: re.Match[str]) -> int:
    """The year a list intro names: its year, or the last year of the plan period it names."""
    if m.group(3):
        return period_end(m.group(3))
    return int(m.group(1) or m.group(2))
# (其中太原市600万平方米，大同市70万平方米…: a breakdown by place may name the first place right after 其中)
_BREAKDOWN = re.compile(r"\s*其中\s*(?:[，,：:]|(?=[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|盟|旗|镇|乡|街道)\s*\d))")
_EXAMPLE = re.compile(r"\s*(?:(?:例如|比如|譬如)\s*[，,：:]?|如(?=[\u4e00-\u9fff]{2,3}[、和及与]))")
_EXAMPLE_SAID = re.compile(r"\s*(?:例如|比如|譬如|举例来说|以[\u4e00-\u9fff]{1,10}为例)\s*[，,：:]")
_CASE_SAID = re.compile(r"\s*以[\u4e00-\u9fff]{1,10}为例\s*[，,：:]")
_HABITUAL = re.compile(r"每年|年均")  # 每年可消纳… in an example: what a work does yearly, not a goal's pace
# a piece naming its own goal (到2025年, 力争, 确保; 其中，今年全区将新增…, 其中明年要建成…: the year ahead and its intent)
_GOAL_YEAR = re.compile(r"(?:到|至)\s*(?:19[5-9]\d|20\d{2})|力争|确保"
                        r"|(?:今年|明年|年内|本年度?)[^。；;！？!?]{0,20}?(?:将(?!近)|要|计划|拟)")
_DOC_BACK = re.compile(r"以来|截至|截止|已|年来|成效|取得|白皮书|发布会|同比|上年|去年|连续")


# the addressees of a notice (各镇人民政府、街道办事处，市政府各部门及有关单位：) — a copy that ran its title line into them
# (…植树活动方案各乡镇人民政府，县直各部门：…) ends its title where they begin
NOTICE_ADDRESSEES = r"各[^。；;：:\n]{1,60}?(?:政府|办事处|部门|单位|委员会|管委会|局|委|办|公司|学校|街道|乡镇)\s*[：:]"
# (a 范文 copy masks the bureau's name with letters or marks: XX镇2020年…方案, ××县…, **区…, ○○乡…)
_ANNUAL_TITLE = re.compile(r"^[#\s*]*[\u4e00-\u9fff“”Xx×＊○]{0,20}?((?:19[5-9]\d|20\d{2}))\s*年度?(?:[\u4e00-\u9fff“”()（）]{2,40}?"
                           # (关于做好2023年农作物秸秆综合利用工作的通知: the notice setting one year's work)
                           # (区林业局2024年林业工作规划: a bureau's work plan of the year, named 规划 as well)
                           r"(?:工作要点|要点|工作方案|实施方案|行动方案|行动计划|工作计划|工作规划|计划|方案|工作任务|行动任务|重点任务|建设任务|任务分解|任务清单|工作的?通知"
                           # (数说政府工作报告丨2022年经济发展主要预期目标公布, 我市2025年工作总体要求和主要目标确定: the year's goals)
                           r"|主要预期目标|主要目标|预期目标|目标任务|(?:发展)?目标(?=\s*(?:确定|公布|出炉|发布|明确)))"
                           # an order numbered within its year (某区发布2024年第1号总林长令, 2023年冬春水利建设第2号县长令): that year's tasks
                           r"|[\u4e00-\u9fff“”]{0,12}?第\s*[\d一二三四五六七八九十]{1,3}\s*号[\u4e00-\u9fff]{0,8}?令)"
                           # a news headline naming the year's plan (2021年某市…九大行动任务明确)
                           rf"(?:明确|出台|印发|发布|下达|确定|公布|出炉)?(?:[\s*]*$|(?P<addressees>(?=\s*{NOTICE_ADDRESSEES})))")




# (关于2023年国民经济和社会发展计划执行情况的报告: the year's plan told as carried out — round vc)
_TITLE_DONE = re.compile(r"完成|实现|成效|成绩|回顾|总结|盘点|(?:执行|实施|落实|推进)情况")
_TO_BE_DONE = re.compile(r"(?:将|要|计划|拟|力争)(?:要)?(?:完成|实现)")


def annual_year(text: str) -> int | None:
    """The year of an annual work plan named in its title line (2025年全市大气污染防治工作要点,
    某市2024年度节能减排工作方案): the layout states it for the plan's undated goals."""
    first = next((ln for ln in text[:2000].splitlines()[:5] if ln.strip()), "")
    # (天门市圆满完成2017年年度能耗“双控”目标任务: a title telling the year's goals met reviews that year)
    # (安徽省下达2023年度农田建设任务 新建高标准农田200万亩: a headline and its subheading after a space — the headline names it)
    m = _ANNUAL_TITLE.match(first.strip()) or _ANNUAL_TITLE.match(first.strip().split()[0]) if first.strip() else None
    # (a title run into its notice's addressees is judged by its own words, not by the notice's body after them)
    if m is not None and _TITLE_DONE.search(m.group(0) if m.group("addressees") is not None else first):
        m = None
    m = m or _ANNUAL_SET.search(text[:800])
    if m is None:
        # (为贯彻落实《…》，制定2018年度工作方案如下：a notice opening the year's plan it introduces)
        m = _ANNUAL_NOTICE.search(text[:1000]) or _ANNUAL_ARRANGED.search(text[:1000])
    return int(m.group(1) or m.groups()[1]) if m else None  # (_ANNUAL_SET: its year before the name or in brackets after it)


# a year whose goals the text sets: 2026年…主要预期目标是/为/包括, 2026年增长目标, 2026年目标任务, 2026年重点工作/工作安排/
# 工作要点 (not 到2025年/截至2025年 — a deadline or a count —, not 较2025年的…目标 — a base —, not 完成2025年目标任务 or
# 2025年…目标任务全面完成 — a review; the year and its goal word in one clause, no other number between:
# 2025年工作回顾和2026年重点工作 names 2026)
# (美兰区2025年10项民生实事项目如下, 南郑区2024年10个民生实事项目: the list's size between its year and its name)
_YEAR_GOALS = re.compile(r"(?<![到至止比较与同于])(?<!完成)(?<!实现)((?:19[5-9]\d|20\d{2}))\s*年(?:度)?(?:的)?(?:\d{1,2}\s*[项件个])?"
                         r"[^，,。；;！？!?\n：:、\d]{0,16}?"
                         r"(?:主要预期目标|预期目标|主要目标|增长目标|目标任务|发展目标|工作安排|重点工作|工作要点|重点任务|工作目标|工作计划"
                         # (2026年政府工作重点, 2026年全市经济社会发展的重点是什么: the year's work named by its focus — round ac)
                         r"|(?:工作|发展)的?重点(?![项工领行区产企城镇村])"
                         # a year's list of projects (县政府2025年度十件民生实事项目, 2026年实施民生实事项目8项, 2026年民生工程)
                         # and the year's work meeting that sets that year's work (2026年全省水利工作会, 2024年半年工作视频会;
                         # not an 经济工作会议, held at a year's end for the year after)
                         # (2024年我市实施47项民生实事, 2025年全区共安排十大项28个为民办实事项目, 2026年共8大类20个实事项目:
                         # the list's size, and its classes, said before its name)
                         rf"|(?:\d{{1,3}}\s*(?:大类|大项|个方面|[类项件个])[^，,。；;！？!?\n：:、\d]{{0,4}}?){{0,2}}(?:{PROJECT_LIST})|(?<!经济)工作(?:视频|电视电话)?会(?:议)?(?![商谈见])"
                         # the year's government work report and its plan of the economy (“数”看2025年政府工作报告: the goals it
                         # sets are that year's; not …计划执行情况, the year before reviewed)
                         r"|政府工作报告|国民经济和社会发展计划(?!\s*(?:的)?执行)"
                         # (…2025年度重点民生实事项目取得的实际成效: the year's list told as done)
                         r")(?![^。；;！？!?\n]{0,6}?(?:完成|实现|达成|超额|落实|取得|成效|成果|进展))")
# a text setting out to do one year's work well (为全力做好2018年大气污染防治工作，…制定本计划; 做好2022年工作，要…): that
# year's work is the text's
_YEAR_WORK_TO_DO = re.compile(r"做好\s*((?:19[5-9]\d|20\d{2}))\s*年(?:度)?[^，,。；;！？!?\n：:、\d]{0,20}?工作")
# a government work report dated by its delivery, in a bracket after its title or on a line under it (某市政府工作报告（2026年1月
# 8日在…会议上）, 政府工作报告|——2026年1月8日在…会议上): given at the start of a year, it sets that year's work (round ac)
# (…, unless the text holds its review too — 过去一年, 五年来, 回顾: then its undated figures may tell the years gone)
_REPORT_DELIVERED = re.compile(r"政府工作报告\s*(?:[（(]|\n[ \t]*[—－\-]*)\s*((?:19[5-9]\d|20\d{2}))\s*年\s*(?:[1-3]|0[1-3])\s*月"
                               r"\s*\d{1,2}\s*日")
_REPORT_REVIEWS = re.compile(r"[一二两三四五\d]年来|过去(?:的)?[一二两三四五\d]年|回顾")
# a text framing one year before it sets goals (2026年是实施“十五五”规划的开局之年，…。\n主要预期目标是：…; 2020年是…收官之年。
# …特制定如下工作要点; 2023年，是…开局之年。…今年发展的主要预期目标是: a comma after the year; <正> opens a journal's abstract):
# the goals that follow, within a few lines and with no review between (2024年是…关键一年。一年来，… reviews that year), are
# that year's
# (…计划的报告2025年是…之年: a title whose line break a copy lost opens the frame as a new line does)
_YEAR_FRAMED = re.compile(r"(?:^|[。！\n]|<正>|(?<=报告)|(?<=通知)|(?<=要点)|(?<=方案)|(?<=计划))[\s?？]*((?:19[5-9]\d|20\d{2}))\s*年[，,]?\s*(?:是|为)[^。；;！\n]{0,40}?(?:之年|一年)")
# (2026年是…开局之年，做好“三农”工作至关重要: the work of the year framed, to do — not 做好了, done)
_FRAMED_GOALS = re.compile(r"主要预期目标|预期目标|主要目标|工作目标|目标任务|工作要点|重点工作|做好今年|今年(?:工作|要|将|的工作)"
                           r"|做好(?!了)[^。，,；;！\n]{0,12}?工作")
_FIGURE = re.compile(rf"\d\s*(?:{UNIT})")
_FRAMED_REVIEW = re.compile(r"一年来|过去一年|回顾|成效|取得|完成了|实现了")


def _after_frame(text: str, end: int) -> tuple[bool, bool]:
    """What follows a year framed as the year of the work (2026年是…开局之年), read up to 250 characters on from ``end``:
    (a goals lead follows — 主要预期目标是, 做好今年…工作 —, a review comes first — 一年来, 回顾, 取得 … before any lead)."""
    after = text[end : end + 250]
    lead = _FRAMED_GOALS.search(after)
    return lead is not None, _FRAMED_REVIEW.search(after, 0, lead.start() if lead is not None else len(after)) is not None


# a goals heading line (一、工作目标 / 主要目标： / （一）目标任务) whose first statement opens on a year (2018年全区PM2.5
# 浓度下降到52μg/m3及以下; 2022年，聚焦成效提升，全区…: a short clause of focus may stand between) or whose first paragraph
# sets the goals of a year to complete (…，全面完成2021年人均综合能耗同比下降2%…的目标。): the goals of that year are set
_GOALS_HEADING_YEAR = re.compile(r"(?:^|\n)[ \t]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])?\s*"
                                 r"(?:工作目标|主要目标|总体目标|目标任务|年度目标)\s*[：:]?[ \t]*\n\s*"
                                 r"(?:((?:19[5-9]\d|20\d{2}))\s*年(?!\s*\d{1,2}\s*月)(?:度)?[，,]?(?:[^，,。；;\n\d]{2,12}[，,])?"
                                 r"(?:全省|全市|全区|全县|全镇|我省|我市|我区|我县)"
                                 r"|[^\n。]{0,200}?(?:全面|确保|力争)?完成\s*((?:19[5-9]\d|20\d{2}))\s*年度?[^。\n]{0,80}?目标(?:任务)?[。；;]?\s*(?:\n|$))")


# a year's plan named and then told as carried out (…计划|执行情况, …工作要点|落实情况)
_PLAN_CARRIED_OUT = re.compile(r"\s*(?:的)?(?:执行|实施|落实|推进|完成)情况")


# the opening of a book-title name still open where a year follows (《海淀区2026年…: the year is in the name)
_IN_OWN_NAME = re.compile(r"《[^《》规划纲要]{0,20}$")


# news of a work meeting opening on the year's works and the meeting that set them, in one sentence (新景网讯 2023年，启动…，
# 完成造林187.2万亩……2月3日召开的全省林业工作会议…作出一系列部署安排): the year the meeting deploys — not an economic work
# meeting's, held at a year's end for the year after, nor a year named after the meeting
_YEAR_DEPLOYED = re.compile(r"(?:^|[。！？\n]|讯)\s*((?:19[5-9]\d|20\d{2}))\s*年[，,][^。\n]{0,160}?(?:召开|举行)的?[^。\n\d]{0,30}?"
                           r"(?<!经济)工作(?:会议|会)[^。\n\d]{0,40}?(?:部署|安排)", re.MULTILINE)


def goals_set_year(text: str) -> int | None:
    """The one year whose goals a text sets (2026年…主要预期目标是, 2026年重点工作; see ``_YEAR_GOALS``), None when it
    names none or the goals of several years (a multi-year plan's 2023年主要目标…2025年主要目标, 确保2027年… beside 2028年
    主要预期目标)."""
    # (《规划》…设定全省2027年能源发展的主要目标: a named plan's goals for a year are a multi-year plan's milestone)
    # (《海淀区2026年重要民生实事项目》发布。今年…: the year inside the name of the year's own document names the year, as
    # its title would)
    years = {int(m.group(1)) for m in _YEAR_GOALS.finditer(text)
             if not re.search(r"规划|纲要|《", _IN_OWN_NAME.sub("", text[max(text.rfind("。", 0, m.start()),
                                                                          text.rfind("\n", 0, m.start()), 0):m.start()]))
             # (2026年某县将完成的十件惠民实事: work still to do, 将/要/计划 before 完成 — round ac)
             and not _TITLE_DONE.search(_TO_BE_DONE.sub("", m.group(0)))  # (2024年全市生态环境成绩单目标任务: results, as a title's)
             # (2023年国民经济和社会发展计划执行情况: the year's plan told as carried out — round vc)
             and _PLAN_CARRIED_OUT.match(text, m.end()) is None
             # (生态环境局工作总结及2021年度工作计划: a review first, its figures the year before's — not one year's plan)
             and not (m.group(0).endswith("工作计划") and "总结" in text[max(0, m.start() - 8) : m.start()])}
    years |= {int(m.group(1)) for m in _YEAR_WORK_TO_DO.finditer(text)}
    years |= {int(m.group(1)) for m in _YEAR_DEPLOYED.finditer(text)}
    if not _REPORT_REVIEWS.search(text):
        years |= {int(m.group(1)) for m in _REPORT_DELIVERED.finditer(text, 0, 600)}
    for m in _YEAR_FRAMED.finditer(text):
        # (…地区生产总值达到4469亿元，较“十三五”末增长24.3%。2026年是“十五五”规划开局之年。…今年政府工作的主要目标是：
        # news of a work report telling results first frames nothing: only a text opening on its year — its title,
        # date and 文号 before, no figure — is that year's plan)
        if _FIGURE.search(text, 0, m.start()):
            break
        leads, reviewed = _after_frame(text, m.end())
        if leads and not reviewed:
            years.add(int(m.group(1)))
    years |= {int(m.group(1) or m.group(2)) for m in _GOALS_HEADING_YEAR.finditer(text)}
    if len(years) != 1:
        return None
    year = years.pop()
    # (确保2027年…下降16%。■ 2028年…主要预期目标: goals for an earlier year too — a deadline not told as met — are a
    # multi-year text's)
    if any(int(m.group(1)) < year and not re.match(r"[^。；;！？\n]*?已(?!有)", text[m.end():])
           for m in _EARLIER_GOAL.finditer(text)):
        return None
    return year


# the text's own year called by a word (年内完成…, 确保全年…, 今年…, 至年底…)
_ONE_YEAR_WORD = re.compile(r"年内|全年|今年|本年度?|(?<!\d)年(?:底|末)")
# a year a text names: Y年 (Y年度), not a date or a month (2024年3月5日, 2026年1月), not 〔2024〕 of a 文号 (no 年)
_YEAR_NAMED = re.compile(r"(?<![\d.])((?:19[5-9]\d|20\d{2}))\s*年(?!\s*\d{1,2}\s*月)(?:度)?")
# what stands before a year that only names it as a base (比2023年, 较2023年, 与2023年相比, 同2023年, 在2023年基础上 — read
# after it), as the start of a count (截至2023年) or as the end of a period (2021—2025年, 2021年至2025年)
_YEAR_NOT_OWN = re.compile(r"(?:[比较与同于]|截至|截止|\d{4}\s*年?\s*[-—－~～–一至到])\s*$")
# the year spoken of ahead, in the clause it opens: an intent or a goal word (2024年将…, 2024年，全县要…, 2024年主要预期目标),
# a year framed as the one of the work (2024年是…之年), a deadline (到2024年, 2024年底前, 2024年底，…)
_YEAR_AHEAD_SAID = re.compile(rf"将(?!近)|{_MUST}|力争|确保|争取|计划|预期|目标|任务|是[^。；;！？\n]{{0,40}}?(?:之年|一年)|重点工作|工作要点")
_YEAR_DEADLINE = re.compile(r"\s*(?:年?底|年?末)|\s*(?:以|之)?前")
# what stands before a year opening a heading: nothing, or the heading's number (二、, （三）, 4.)
_HEADING_NUMBER = re.compile(r"[\s#*]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])?\s*")
# the year framed in the clause it opens (2024年是…关键一年, 2023年，是…开局之年)
_YEAR_FRAME = re.compile(r"[^，,]{0,20}?(?:是|为)[^。；;！？\n]{0,40}?(?:之年|一年)")
# the year framed or its goals set in the clause it opens (2024年是…关键一年; 2025年，全县主要预期目标是)
_YEAR_OWN_GOALS = re.compile(r"[^，,]{0,20}?(?:是|为)[^。；;！？\n]{0,40}?(?:之年|一年)|[，,]?[^，,]{0,16}?(?:预期目标|主要目标|目标任务|重点工作)")
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")  # where a clause ends
# the progress of a year so far (今年以来, 截至目前, 截至6月底, 1-6月累计)
_PROGRESS_SO_FAR = re.compile(r"今年以来|截至目前|截止目前|(?:截至|截止)\s*\d{1,2}\s*月|\d{1,2}\s*[-—－~～至]\s*\d{1,2}\s*月(?:份)?累计")
# a text reviewing a year's work or its plan's execution (…2024年工作总结及2025年工作计划; 2024年计划执行情况)
_REVIEW_DOC = re.compile(r"工作总结|执行情况")
_DONE_SAID = re.compile(r"已|了|完成(?!率)|取得|成效|成绩|盘点|以来|同比|首次|回顾|总结|情况")


def intent_year_only(text: str) -> int | None:
    """The one year of work a text speaks of ahead (2006年，西安市将…确保全年良好天气在290天以上; 政府工作报告确定了2024年
    将…今年…; 2023年是…开局之年; 至年底，…。2016年底，新增…): the text is that year's plan, its undated goals that year's.

    The years it names are its Y年 but bases (比/较2023年), counts (截至2023年), dates and months (2024年3月5日,
    2026年1月) and a period's end (2021—2025年). Each is spoken of ahead (an intent or goal word in its clause before
    any done word, 是…之年, a deadline: 2024年底，…; 到2030年 and 2030年前 name a goal's year, no year of work) or told
    (2023年，全市完成…). None unless exactly one year is spoken of ahead as a year of work, and it is never told
    (2006年，全市完成… reviews that year), no later year is told, no period containing it is named (a multi-year
    plan's milestone), no figure is told before it (a review first), the text is no 工作总结 and no report of the
    year's progress so far (今年以来), and the text calls its time by the year's words (年内/全年/今年/年底) or frames
    or sets that year's goals in its own clause or a heading (README, round va)."""
    ahead: set[int] = set()
    told: set[int] = set()
    worked: set[int] = set()  # years spoken of ahead as a year of work, not only as a deadline (到2030年, 2030年前)
    own = False  # the year's goals set or framed in its own clause (not only an intent)
    first = None  # where the first year spoken of ahead is named
    for m in _YEAR_NAMED.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _YEAR_NOT_OWN.search(before):
            continue
        year = int(m.group(1))
        stop = _CLAUSE_END.search(text, m.end())
        clause = text[m.end() : stop.start() if stop is not None else len(text)]
        if re.match(r"\s*(?:基础上|相比|持平|水平)", clause) or re.match(r"[^，,]{0,6}(?:相比|基础上)", clause):
            continue  # (与2023年相比, 在2023年基础上: a base)
        # (《规划》…设定全省2027年能源发展的主要目标: a longer plan's milestone, as in goals_set_year — a year ahead, no year
        # of work)
        milestone = re.search(r"规划|纲要", text[max(0, text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) : m.start()])
        said = clause[:40]
        done = _DONE_SAID.search(said)
        intent = _YEAR_AHEAD_SAID.search(said)
        if done is None and _YEAR_FRAME.match(clause):
            # (2026年是极不平凡的一年。一年来，…完成: a year framed, then reviewed before any goal of it, is told)
            if _after_frame(text, m.end())[1]:
                told.add(int(m.group(1)))
                continue
        # (设立目标：2030年，要…: a year named after 目标 dates a goal, as 到2030年 does)
        far = (milestone is not None or re.search(r"(?:到|至)\s*$|目标[是为：:、，,]?\s*$", before) is not None
               or re.match(r"\s*(?:年?底|年?末)?(?:以|之)?前", clause) is not None)
        deadline = far or _YEAR_DEADLINE.match(clause) is not None
        # (2019年度完成造林…，为全年计划任务的110%: a done word before the intent tells; 超额完成2023年度…任务: so does a
        # done word before the year)
        if re.search(r"(?:完成|实现|达到|取得)了?\s*$", before) is None and (
                (deadline and done is None) or (intent is not None and (done is None or intent.start() < done.start()))
                or (done is None and re.search(r"确定了?\s*$|做好\s*$|要求\s*$", before))):
            ahead.add(year)
            if not far:
                worked.add(year)
                first = m.start() if first is None else first
            # (二、2025年，全县将重点抓好以下工作: a heading naming the year of its section's work, no full stop)
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            line_end = text.find("\n", m.end())
            rest = text[m.end() : line_end if line_end >= 0 else len(text)]
            heading = _HEADING_NUMBER.fullmatch(line) is not None and len(rest) <= 40 and not re.search(r"[。；;]", rest)
            own = own or heading or _YEAR_OWN_GOALS.match(clause) is not None
        else:
            told.add(year)
    if len(ahead) != 1 or not worked or first is None or _REVIEW_DOC.search(text):
        return None
    year = next(iter(ahead))
    # (地区生产总值达到4469亿元，较“十三五”末增长24.3%。2026年是…开局之年: figures told without intent, or results,
    # before the year is first named or called by its words, in sentences naming no year and no year's word, review the
    # year gone)
    called = _ONE_YEAR_WORD.search(text)
    first = min(first, called.start()) if called is not None else first
    opening = max(text.rfind(c, 0, first) for c in "。；;！？!?\n")
    for sentence in re.findall(r"[^。；;！？!?\n]+", text[: max(opening, 0)]):
        if ((_FIGURE.search(sentence) and not _YEAR_AHEAD_SAID.search(sentence)) or _FRAMED_REVIEW.search(sentence)
                or "收官" in sentence) and not _YEAR_NAMED.search(sentence) and not _ONE_YEAR_WORD.search(sentence):
            return None
    if year in told or any(y > year for y in told):
        return None
    # (今年以来，…；截至6月底，…: the year's progress so far, told in that year — unless the text tells the year before, a
    # work report given at that year's end whose 今年以来 is the year before)
    if _PROGRESS_SO_FAR.search(text) and year - 1 not in told:
        return None
    if any(int(a) <= year <= int(b) for a, b in re.findall(
            r"((?:19|20)\d{2})\s*年?\s*[-—－~～–至到]\s*((?:19|20)\d{2})\s*年", text)):
        return None
    if _ONE_YEAR_WORD.search(text) is None and not own:
        return None
    return year


def projects_year(text: str) -> int | None:
    """The one year whose list of projects the text names (县政府2025年度十件民生实事项目, 2026年实施民生实事项目8项), None
    when it names none or several, or tells the list as done (…民生实事项目完成情况, …取得的成效)."""
    years = {int(m.group(1)) for m in _YEAR_GOALS.finditer(text) if re.search(PROJECT_LIST, m.group(0))
             and not _TITLE_DONE.search(m.group(0))}
    return years.pop() if len(years) == 1 else None


_EARLIER_GOAL = re.compile(r"(?:(?<![截止])到|(?<![截止])至|确保|力争|争取)\s*((?:19[5-9]\d|20\d{2}))\s*年")


_ANNUAL_NOTICE = re.compile(r"(?:制定|印发|现将)(?:了|本)?\s*((?:19[5-9]\d|20\d{2}))\s*年度?[\u4e00-\u9fff“”]{0,30}?"
                            r"(?:工作要点|工作方案|实施方案|行动方案|行动计划|工作计划|方案|计划|要点)(?:如下|印发给你们|予以印发)")
# a notice arranging one year's work (现对2024年全市生态环境工作作出如下安排; 特就2025年度节能工作提出如下要求)
_ANNUAL_ARRANGED = re.compile(r"(?:现|特|现就|特就)(?:对|就)?\s*((?:19[5-9]\d|20\d{2}))\s*年度?[\u4e00-\u9fff“”、]{0,30}?工作"
                              r"(?:作出|做出|提出)(?:如下|以下)(?:安排|部署|要求|意见)")


_HEADLINE_AHEAD = re.compile(r"(?<![高升长加降少减])到\s*(?:19[5-9]\d|20\d{2})|(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?(?:以)?前|力争|确保|争取|将(?!近)|计划|目标|要求|要(?:达|实现|完成|控制|降|提高|提升|确保)|提出|明确|部署|方案|规划|意见|行动|"
                             r"纲要|指标|十[一二三四五六七八九]五|每年|不低于|不少于|不超过|控制在|达峰")


def _headline_reports(body: str, issue_year: int | None) -> bool:
    """The document's first line is a short news headline (no full stop, at most 40 characters)
    stating a level with no word that looks ahead (no 到YYYY年, 将, 力争, 目标, plan words, no year
    from the issue on): it reports what was done (西藏完成造林近600万亩)."""
    line = body.strip()
    if len(line) > 40 or "。" in line or "；" in line or _HEADLINE_AHEAD.search(line):
        return False
    ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
    return not any(int(y) >= ref for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)", line))


def _headline_told(body: str, text: str) -> bool:
    """The document's first line names a year (2025年我市空气质量优良天数达320天) that its body tells as figures
    (记者…获悉，2025年，全市…达320天 — no intent in that sentence): the headline sums up a report."""
    line = body.strip()
    if len(line) > 40 or "。" in line or "；" in line or _HEADLINE_AHEAD.search(line):
        return False
    rest = text[text.find(line) + len(line):]
    return any(re.search(rf"(?:获悉|介绍|显示|表明|通报|公布|发布|统计)[^。\n]{{0,20}}?{y}\s*年(?![^。\n]*?(?:将(?!近)|力争|确保|计划|目标))", rest)
               for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)", line))


def reports_only(text: str, start_year: int | None = None) -> bool:
    """A document with a past marker (…以来, 截至, 白皮书, 同比 …) and not one word that looks
    ahead (a year to come, 力争/将/计划, 目标/任务/方案/规划 …) reports: its levels
    (秸秆综合利用率超过88%) are achievements, whatever the verb."""
    if _DOC_AHEAD.search(text) is not None or REQUIRED.search(text) is not None or _DOC_BACK.search(text) is None:
        return False
    # (截至2023年底，…；2025年底，…达到40%: a year clause after the issue year looks ahead as 到2025年 does)
    ref = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    return not any(int(m.group(1)) > ref for m in _YEAR_CLAUSE_AHEAD.finditer(text))


_YEAR_CLAUSE_AHEAD = re.compile(r"(?:^|[，,；;。：:])\s*((?:19[5-9]\d|20\d{2}))\s*年\s*(?:年?底|年?末)?\s*[，,]")


# 2025年发展主要预期目标 / “十五五”时期主要目标和重大任务 / 2026年部分重点工作: a heading line over a year's or a period's
# goals (run together with the lines after it in a web digest) ends the review before it
_GOALS_HEADED = re.compile(r"\s*[▶►●■◆★☆【\[]?\s*(?:[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间)?|(?:19[5-9]\d|20\d{2})\s*年度?)"
                           r"[^，,。；;！？!?\d]{0,16}?(?:目标|总体要求|政策取向|重点工作|工作任务|重点任务)")
# (a text telling its goals were met — tense.GOALS_MET: 五大目标都是超额完成, 目标全部实现, 提前完成了…目标 —: the undated
# goals it names are a finished plan's)
_GOAL_NAMED = re.compile(r"目标(?:是|为)")
_DATED_GOAL = re.compile(r"(?:到|至)\s*((?:19[5-9]\d|20\d{2}))\s*年|((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?(?:以)?前")
_TIME_WORD = re.compile(r"(?:19[5-9]\d|20\d{2})|十[一二三四五六七八九]五|今年|明年|年内|年底|年末|将(?!近)|力争|确保|计划")
_PERIOD_GOALS = re.compile(r"(?:主要|预期|发展|奋斗|总体)目标(?:任务)?(?:是|为|如下)?\s*[：:]")


# a plan named and what it requires by a year (…出台的《全国造林绿化规划纲要(2016—2020年)》提出，到2020年…):
# the plan's goals, not part of the review before, whatever the year
_PLAN_REQUIRES_BY = re.compile(r"》(?:[（(][^）)]{0,20}[）)])?\s*(?:明确)?(?:提出|要求|明确|规定)\s*[，,：:]?\s*"
                               r"(?:力争|确保|争取)?\s*(?:到|至)\s*(?:19[5-9]\d|20\d{2})\s*年")


# a word of a first sentence looking ahead (将, 力争, 确保, 到2027年)
_AHEAD_IN_REVIEW = re.compile(r"将(?!近)|力争|确保|(?:到|至)\s*(?:19[5-9]\d|20\d{2})\s*年")


def _item_told_done(body: str, start_year: int | None) -> bool:
    """A paragraph (an item of a list, a place's line) that tells its own task or goal as met (tense.GOALS_MET) and has
    no intent left once that verdict is blanked, nor a year or plan period not before the issue (顺利实现2030年前碳达峰
    目标 is a goal ahead): its figures tell how the task went (round vc).

    >>> _item_told_done("二、某镇：义务植树8.2万株，1200亩。已完成年度任务。", 2019)
    True
    >>> _item_told_done("四、某镇：计划义务植树6万株，确保年底前完成年度任务。", 2019)
    False
    """
    if GOALS_MET.search(body) is None:
        return False
    ref = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    rest = without_goals_judged(body)
    return _INTENT_WORD.search(rest) is None and _OWN_TIME.search(rest) is None and not re.search(r"要|应|须|确保|力争|年底前|底前", rest) \
        and not _names_year_ahead(body, start_year) \
        and not any(period_end(m.group(1) or m.group(2)) >= ref for m in _PERIOD_NAMED.finditer(body))


def _is_review(body: str, start_year: int | None) -> bool:
    """A paragraph opening a review of a past period (“十三五”时期 in a 十四五 plan, 回顾)."""
    m = _REVIEW_START.search(body[:40])
    if not m:
        # 党的十八大以来…／特别是近年来，我市…取得了突破性进展: a paragraph opening on the years just past
        # and what they achieved reviews them
        head = body[:200]
        return _YEARS_PAST_DONE.search(head) is not None and not re.search(r"将(?!近)|力争|确保|目标|到\s*20\d{2}", head)
    if _PERIOD_GOALS.search(body[:80]):
        return False  # “十二五”时期，经济社会发展的主要预期目标是：… states that period's goals
    first = re.split(r"[。！？]", body, maxsplit=1)[0]
    if re.search(r"将(?!近)|力争|确保", first) and not _DONE_WORD.search(first):
        return False  # “十三五”时期，天津市将推进主体功能区战略…: a plan for the period, not a review of it
    if m.group(2) == "以来" and _AHEAD_IN_REVIEW.search(first) is None:
        # “十四五”以来，…圆满完成各项目标任务: counted from a period's start up to now, whatever its end (not “十四五”以来
        # 成效明显，到2027年，全县将…: a first sentence turning ahead)
        return True
    if m.group(1):
        end = period_end(m.group(1))
        return end < (ASSUMED_ISSUE_YEAR if start_year is None else start_year)
    return True


_BARE_AHEAD = re.compile(r"^\s*((?:19[5-9]\d|20\d{2}))\s*年[，,][^。]{0,40}?(?:将(?!近)|力争|确保|计划)")
_AHEAD = re.compile(r"今后|未来(?:[一二三四五几\d]{1,2}年|一个时期)|(?:到|至)\s*(?:(20\d{2})\s*年|[“\"]?十([一二三四五六七八九])五[”\"]?(?:末|期末))")


def _names_year_ahead(heading: str, start_year: int | None) -> bool:
    """A heading naming a year not before the issue (二、2025年工作安排 in a text of 2025): it turns to the year ahead.

    >>> _names_year_ahead("二、2025年经济社会发展的主要任务", 2025)
    True
    """
    ref = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    return any(int(y) >= ref for y in re.findall(r"(?<![\d.])((?:19|20)\d{2})(?=\s*年)", heading))


def _looks_ahead(body: str, start_year: int | None) -> bool:
    """A paragraph after a review that opens on the years ahead (今后五年，…; 到“十四五”末，…;
    到2025年，…): the review is over."""
    ref = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    bare = _BARE_AHEAD.match(body)
    if bare and int(bare.group(1)) >= ref:
        return True  # 2026年，全省将持续推进…: a year to come with intent
    for m in _AHEAD.finditer(body[:60]):
        if m.group(1):
            if int(m.group(1)) >= ref:
                return True
        elif m.group(2):
            if period_end(m.group(2)) >= ref:
                return True
        else:
            return True
    return False


_HEADING_YEAR = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*年(?!\s*(?:以来|起|\d{1,2}\s*月))")
_GOAL_HEADING = re.compile(r"指标|目标")
_GOALS_INTRO = re.compile(r"(?:目标|指标)(?:任务)?(?:分别)?(?:是|为|如下)?\s*[：:]")
# (一、预期目标 / 主要预期目标: the goals a year's plan expects are its goals too)
_GOAL_SECTION = re.compile(r"^(?:主要|工作|总体|发展|年度|约束性|预期性|(?:主要)?预期)?(?:目标|指标)")
_YEAR_ON_YEAR = re.compile(r"同比")
# (…人均能耗需同比降低2%, 须同比下降…: a requirement as 要 is; …《…工作安排的通知》对年度能耗下降作了明确，即…同比下降3.5%:
# the goals a named document states)
_YOY_GOAL = re.compile(r"目标(?:是|为)|(?<![主重需只还想])要(?=同比)|(?<![必所])(?:需|须)(?=同比)|(?:力争|确保)同比|明确\s*[，,：:]\s*即")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[）)]|[①-⑳]|——|—|[-•·▪✔✓√●◆◇▶►★☆]|[一二三四五六七八九十]+是)")


_PERIOD_NAMED = re.compile(r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年规划")
_PERIOD_LINE = re.compile(r"^[“\"「]?十([一二三四五六七八九])五[”\"」]?(?:时期|期间)[\u4e00-\u9fff]{0,12}$")
_GOALS_LINE = re.compile(r"^(?:关于)?(?:主要目标(?:指标)?|目标指标|主要指标)$")


def _period_line_year(line: str, periods_named: set[int]) -> int | None:
    """Year a heading line without numbering states for what follows: its plan period (“十五五”时期,
    “十五五”时期主要目标) → the period's last year; a bare 主要目标指标 → the last year of the one plan
    period the text named before it (none when it named several or none)."""
    m = _PERIOD_LINE.match(line.rstrip("：: "))
    if m:
        return period_end(m.group(1))
    if _GOALS_LINE.match(line) and len(periods_named) == 1:
        return five_year_span(next(iter(periods_named)))[1]
    return None




def _block_line_year(line: str, periods_named: set[int]) -> int | None:
    """Year an unnumbered heading line states for the block under it: a period line (“十五五”时期 → 2030, 主要目标
    指标 after a text naming one period), a line that is only a year (2020年——), a title naming one year's work
    (2026年政府民生实事项目). None for a review (回顾, 成效, 完成情况 …) and for a title naming several years.
    A heading line may end on a colon (“十五五”时期主要目标和重大任务：)."""
    if _SHORT_LINE.fullmatch(line.rstrip("：: ")):
        period = _period_line_year(line, periods_named)
        if period is not None:
            return period
    stage = _STAGE_LINE.match(line)
    if stage is not None:
        return int(stage.group(1))  # 第一阶段（2024—2027年）。: a stage heading, dated by its last year as a heading is
    m = BLOCK_YEAR_LINE.match(line)
    if m is None or _NOT_GOAL_HEADING.search(line) or _LIST_ITEM.match(line):
        return None
    return int(m.group(1) or m.group(2))


# a line naming a stage and its years (第一阶段（2024—2027年）。, 近期（2023—2025年）：)
_STAGE_LINE = re.compile(r"^\s*[^，,。；;：:\d]{0,10}?(?:阶段|时期|近期|中期|远期)(?:目标)?\s*[（(]\s*(?:19|20)\d{2}\s*年?\s*[—\-－~～至到]+\s*"
                         r"((?:19|20)\d{2})\s*年?\s*[）)]\s*[。：:]?\s*$")


_TITLE_BLOCK, _YEAR_LINE_BLOCK = 1, 2  # kinds of block (year_scopes[3]); 0 a numbered heading's or an intro's scope
# a line that is only a year and a place (2026年某某区), the rest of its title on the line after
_YEAR_PLACE_LINE = re.compile(r"\s*(?:19|20)\d{2}\s*年度?\s*[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|州|旗|镇|乡|街道|新区)\s*")
_YEAR_ONLY = re.compile(r"^\s*(?:到|至|在)?\s*(?:19|20)\d{2}\s*年(?:年?底|年?末)?(?:前)?\s*(?:——|—|－－|-{1,2}|[：:])?\s*$")
# an unnumbered heading line without a year: short, no number, no sentence mark
_PLAIN_HEADING = re.compile(r"[^，,。；;！？!?：:、\s\d]{2,16}")


# a line that is only a year, with or without 年 and no mark (2022 / 2025年)
_BARE_YEAR_LINE = re.compile(r"\s*(?:19|20)\d{2}\s*年?\s*")
# a line that is a piece of a list: words, ended by ；(…至少有1个区实现全覆盖，…；)
_LIST_PIECE_LINE = re.compile(r"[^\n]*?[\u4e00-\u9fff]{4}[^\n]*?[；;]\s*")


def _bare_year_heading(line: str, following: str | None) -> bool:
    """A line that is only a year (2022, 2025年) heads the block under it when the line after it is a piece of a list
    ended by ；(设区城市至少有1个区实现…全覆盖；) — the layout of a year's goals —, as 2022年： does; over a table's cells
    (2020年|2025年|森林覆盖率) it stays a cell, and over an entry of a history ending on 。(2018|公司成立，建成…。) it
    heads nothing (round yb)."""
    return following is not None and _BARE_YEAR_LINE.fullmatch(line) is not None \
        and _LIST_PIECE_LINE.fullmatch(following) is not None


def _ends_block(line: str) -> bool:
    """A line that ends the block of a heading line above without dating one: a review line (工作回顾, 主要成效).
    An unnumbered sub-heading without a year (创新驱动方面, 关于重大战略任务) is a line of the block."""
    return _SHORT_LINE.fullmatch(line) is not None and _NOT_GOAL_HEADING.search(line) is not None


# a heading's title naming one year as the year of its section's work (二、2025年经济社会发展总体要求和政策取向), not a
# deadline (到2025年, 2025年底前) nor a range
_SECTION_YEAR = re.compile(r"(?<![到至\d—\-－~～])((?:19[5-9]\d|20\d{2}))\s*年(?!\s*(?:底|末|前|以前|之前|以来|起|[—\-－~～至到]))")


def _section_year(path: list[tuple[int, str, str]]) -> int | None:
    """The year the nearest numbered heading above names as its section's (二、2025年经济社会发展总体要求 → 2025; None
    for a review heading — 一、2024年工作回顾 — a deadline, or a title naming several years)."""
    for _, _, title in reversed(path):
        if _HEADING_YEAR.search(title) is None:
            continue
        years = {int(m.group(1)) for m in _SECTION_YEAR.finditer(title)}
        if len(years) != 1 or _NOT_GOAL_HEADING.search(title) or len(_HEADING_YEAR.findall(title)) != 1:
            return None
        return years.pop()
    return None


def _heading_year(body: str) -> int | None:
    """Year a heading states for its section (（一）2025年目标, 近期目标（2023—2025年）, （二）到2030年):
    the last year of its title, when the title is not a review (回顾, 成效, 现状 …) and not
    longer than a heading."""
    title = re.split(r"[。；;]", body, maxsplit=1)[0]
    if len(title) > 40 or _NOT_GOAL_HEADING.search(title):
        return None
    years = _HEADING_YEAR.findall(title)
    if not years and (fm := re.search(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:时期|期间)?[^，,。]{0,12}?(?:目标|指标|任务|思路|举措|部署)", title)):
        # 二、“十五五”时期主要目标 (round yb: 二、“十二五”水利发展的基本思路 — the period's plan of work — too)
        return period_end(fm.group(1))
    return int(years[-1]) if years else None


# a record set (再创新高, 又创历史新高 — not 创新高地, a hub of innovation)
_RECORD = r"(?:再|又|屡|连|均)创(?:历史)?新高(?!地)"
_YEAR_REPORTED = re.compile(r"(?:^|[。！？\n：:]|获悉[，,]|数据[，,]|介绍[，,]|表示[，,]|看[，,])\s*((?:19[5-9]\d|20\d{2}))\s*年"
                            r"(?![^。\n]{0,80}?(?:将(?!近)|力争|确保|计划))(?:[，,]|作为|[^。\n\d]{0,6}?(?:我国|全国|全省|全市|我省|我市))"
                            rf"[^。\n]{{0,80}}?(?:以来|历史最|历史新|创历史|创有|首次|排名第|位居|同比|{_RECORD})"
                            # (我国研发投入再创新高，2024年全社会研发经费…: the record named before the year it is of)
                            rf"|{_RECORD}[，,：:]\s*((?:19[5-9]\d|20\d{{2}}))\s*年(?![^。\n]{{0,80}}?(?:将(?!近)|力争|确保|计划))",
                            re.MULTILINE)
# a year opening its clause and its goals told as met or missed in the same sentence (2025年经济社会发展主要目标任务
# 圆满完成; 2024年，全市PM2.5浓度未达到省下达的目标)
_YEAR_JUDGED = re.compile(rf"(?:^|[。！？\n：:，,])\s*((?:19[5-9]\d|20\d{{2}}))\s*年[^。\n；;]{{0,30}}?(?:{GOALS_MET.pattern})",
                          re.MULTILINE)
# one year looked back on (回顾2024年工作, 2024年工作回顾, 2024年度工作总结) — not a span (回顾2021—2024年) or the years
# since (回顾2021年以来)
# (round vc: a year's plan told as carried out — 2025年计划执行情况, 关于2025年国民经济和社会发展计划执行情况与2026年…计划草案的
# 报告, 2025年度目标任务完成情况和2026年工作安排 — names the year the text reviews, as its heading or title, not 将2025年目标完成情况
# 纳入考核, a plan's own check to come)
_YEAR_REVIEWED = re.compile(r"回顾\s*((?:19[5-9]\d|20\d{2}))\s*年(?!\s*[—\-－~～至到]|以来)"
                            r"|(?<![—\-－~～至到\d])((?:19[5-9]\d|20\d{2}))\s*年度?(?:工作(?:回顾|总结)"
                            r"|[^。\n《》，,；;：:\d]{0,24}?(?:执行|完成|落实|实施)情况(?=\s*(?:与|和|及|暨|[》：:\n]|的报告|$)))",
                            re.MULTILINE)
# 截至2021年底，青海全省清洁能源装机3893万千瓦: stock taken at a year's end (not 截至2025年底，全市将…)
_STOCK_TAKEN = re.compile(r"(?:截至|截止)(?:到)?\s*((?:19[5-9]\d|20\d{2}))\s*年(?:底|末)[^。\n]*")
# (…加强扬尘污染控制……2027年，某市将…: an ellipsis ends the lead before the year)
_YEAR_WITH_INTENT = re.compile(r"(?:^|[。！？：:\n…]|[，,](?=\s*(?:19[5-9]\d|20\d{2})\s*年[，,]))\s*((?:19[5-9]\d|20\d{2}))\s*年[，,][^。\n]{0,20}?将(?!近)",
                               re.MULTILINE)
# a year's figures as a speaker tells them (…报告时提到，2025年全区…; 介绍，2025年，…): its sentence
_YEAR_TOLD = re.compile(r"(?:提到|介绍|表示|指出|说|称|显示|获悉|了解到|透露|披露|通报)[，,：:]\s*((?:19[5-9]\d|20\d{2}))\s*年[^。\n]*")
# what a year's figures name as its result: a task completed (完成…任务), a figure passed (突破), a record, a change on the
# year before (同比), a first (首次)
_RESULT_TOLD = re.compile(rf"完成[^。，,；;]{{0,12}}?任务|突破|同比|首次|{_RECORD}|创历史")
# a government work report told (…作政府工作报告时称，2024年，…增长6.3%; 《关于…计划执行情况…的报告》显示，2025年，…):
# delivered at the start of a year, it reviews the year before
# (round ae: the report named, then what it tells — 印发…《政府工作报告》的通知。其中提到，2024年，…; 政府工作报告日前公布。报告
# 指出，…; 政府工作报告出炉，文中提到…)
_WORK_REPORT_TOLD = re.compile(r"政府工作报告》?(?:时|中)?(?:[^。\n]{0,30}?(?:[。\n]\s*|[，,]\s*)(?:其中|报告中?|文中|里面))?"
                               r"(?:称|说|指出|表示|提到|显示|透露|披露)|报告》?(?:指出|显示|称|透露|披露)")
_GOAL_HEDGE = re.compile(r"左右|预期|目标|" + _MUST)  # (主要经济指标 hedges nothing)
_THIS_YEAR_INTENT = re.compile(r"今年[^。\n]{0,12}?(?:将(?!近)|计划|力争|确保|要)")
# a sentence opening with a bare year and a comma (2024年，全省…): its whole sentence
_YEAR_OPENS_SAID = re.compile(r"(?:^|[。！？\n]|获悉[，,]|介绍[，,]|了解[，,])\s*((?:19[5-9]\d|20\d{2}))\s*年[，,][^。\n]*", re.MULTILINE)
_BOUND_SET = re.compile(r"控制在|不超过|不高于|不低于|不少于|以内|到|至|底前|前")
_INTENT_WORD = re.compile(r"将(?!近)|力争|确保|争取|计划|目标")
_DONE_WORD = re.compile(r"了|已|取得|成效|完成|实现")
_PERIOD_SPOKEN_AHEAD = re.compile(r"(?:展望|迈向|谋划|开启)[“\"]?十([一二三四五六七八九])五[”\"]?"
                                  r"|[“\"]?十([一二三四五六七八九])五[”\"]?(?:开局|规划(?:建议|纲要)?(?:编制|即将|正在))"
                                  # the next period's plan proposal or draft outline named (“十五五”规划《纲要(草案)》, 《…第十五个
                                  # 五年规划的建议》): written when that period was about to start or had started
                                  # (round vc: the draft without its brackets, 十五五规划纲要草案, as a news item writes it)
                                  r"|[“\"]?十([一二三四五六七八九])五[”\"]?规划(?:《纲要|纲要\s*[（(]?\s*草案|的?建议)"
                                  r"|第十([一二三四五六七八九])个五年规划(?:的建议|建议|纲要\s*[（(]?\s*草案)")
_PERIOD_AHEAD = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|末|期末)"
                           # (“十四五”期间国控断面…将不低于…: the period run into its clause's subject, intent in that clause)
                           r"(?:[，,][^。]*?(?:将(?!近)|力争|确保|计划)|(?![是的为])[^。，,；;]*?(?:将(?!近)|力争|确保))")


_TURN_DEADLINE = re.compile(r"\s*(?:力争|确保)?\s*((?:19[5-9]\d|20\d{2}))\s*年\s*(?:年?底|年?末)?\s*((?:以|之)?前)?\s*[，,]")


_STAT_OPENS = re.compile(r"\s*(?:截至|截止)\s*(?:19[5-9]\d|20\d{2})\s*年")
_CLAUSE_TO_YEAR = re.compile(r"[，,]\s*(?=(?:力争|确保|争取)?\s*(?:到|至)\s*((?:19[5-9]\d|20\d{2}))\s*年)")


def _opens_ahead(piece: str, start_year: int | None) -> bool:
    """A piece opens on a deadline to come (2025年前，/ 2025年底前，) or on a year clause after the issue year
    (2025年底，): what it states is a goal, after a statistic (截至2023年底，…达到30%；2025年前，…达到40%)."""
    ref = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    dm = _TURN_DEADLINE.match(piece)
    return dm is not None and (int(dm.group(1)) >= ref if dm.group(2) else int(dm.group(1)) > ref)


def _turns_ahead(body: str, start_year: int | None) -> bool:
    """A later sentence of the paragraph opens on the years ahead (see :func:`_looks_ahead`) or
    on a later plan period with intent (“十四五”期间，…将…)."""
    ref = ASSUMED_ISSUE_YEAR if start_year is None else start_year
    for m in re.finditer(r"[。！？；;]\s*", body):
        rest = body[m.end():]
        if not rest:
            break
        if _looks_ahead(rest, start_year):
            return True
        # 截至2023年底，…达到30%；2025年前，…达到40%: a piece (after ；too) opening on a deadline to come, or on
        # a year clause after the issue year
        if _opens_ahead(rest, start_year):
            return True
        pm = _PERIOD_AHEAD.match(rest)
        if pm and period_end(pm.group(1)) >= ref:
            return True
    return False


def _paragraph_year(body: str, issue_year: int | None) -> int | None:
    """Year a paragraph states at its start for all its goals: ——2024年， / 到2027年， /
    经过3年试点 (counted from the year of issue: 2024 + 3 − 1 = 2026)."""
    m = _BULLET_YEAR.match(body)
    if m:
        return int(m.group(1))
    m = _AFTER_YEARS.match(body)
    if m and issue_year is not None:
        n = m.group(1)
        years = int(n) if n.isdigit() else "一二三四五六七八九十".index(n) + 1
        end = issue_year + years - 1
        return end if end <= 2100 else None
    return None


_RESP_LINE = re.compile(r"(?:责任单位|牵头单位|责任部门)[:：][^。（(〔]*$")
_OPEN, _CLOSE = "（(〔[", "）)〕]"


def _tail_resp(text: str) -> str:
    """The bracket group closing a task's text — （责任单位：…）, 〔…〕 or a bare （…） — found by
    matching brackets backwards, so nested （含高新区…） inside 〔…〕 is kept whole."""
    t = text.rstrip().rstrip("。")
    bare = _RESP_LINE.search(t)
    if bare:
        return bare.group(0)  # 责任单位：市发展改革委、市工业和信息化局 (on its own line, no brackets)
    if not t or t[-1] not in _CLOSE:
        return ""
    depth = 0
    for i in range(len(t) - 1, -1, -1):
        if t[i] in _CLOSE:
            depth += 1
        elif t[i] in _OPEN:
            depth -= 1
            if depth == 0:
                group = t[i:]
                return group if split_responsible(group) else ""
    return ""
