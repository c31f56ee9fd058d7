"""Targets (目标指标) in running text: one :class:`Found` per target quantity of a sentence.

Rules, not a statistical model; every rule is general and none names a seed sentence (the
conventions are those of ``tests/plans/gold/README.md``):

1. A quantity (number + unit as written, :mod:`quantities`) is a target when its clause (text
   between ，；：) has a target verb before it (达到, 控制在, 不低于, 下降, 年均增长, 建成 …), or a
   creating verb directly before it (开展1150亩…), or it ends a clause of a sentence that already
   holds a target (…105家，市级绿色工业园区4家), or it is a share of units doing something
   (70%以上的城市细胞达到…, 100%新能源化).
2. Relation: 以下/以内/不超过/控制在/降至 → ``<=``; 以上/达到/不低于/超过/提高到 → ``>=``; a change
   verb governing the number (下降/降低/减少 X, 提高/增长 X) → ``reduce_by``/``increase_by`` with
   ``base_year`` from 比/较YYYY年 (carried to the next change of the sentence); bare numbers
   (为, 保持, 建成/创建 N) → ``=``. 左右/约 set ``approx``, 力争 ``strive`` (for the whole sentence
   when it opens with it), 年均/年平均 ``annual_rate``, 累计 ``cumulative``; 由2020年的X提高到…
   gives ``baseline_value``/``baseline_year``.
3. Not targets: a quantity qualifying a noun (30万千瓦以下小型煤电, 150万吨以上的大型工矿企业,
   50万千瓦项目, 打造1小时经济圈), what is forbidden (禁止新建35蒸吨/小时…), money allocated
   (安排资金2亿元), and sentences that report rather than set (过去五年…, 已…, 现有…, 分别为…,
   a value stated with 为 and no future marker such as 到2025年/力争/确保/每年), and achievements
   dated by a bare year before the issue year (2021年全省完成…, 2015年至2020年累计…; the rules
   that weigh a year against the issue year are in :mod:`cocontrol.plans.tense`).
4. Year: nearest 4-digit year before the quantity in its sentence that is not a base year
   (比2005年, 由2020年); a range 2024—2026年 gives its last year; “十四五”期间/末 → 2025; a list
   2024年、2025年、2026年 pairs with a 分别 list of as many values. The caller supplies a default
   from the structure (——2024年 paragraphs, 经过3年试点, a paragraph opening with 到2030年).
5. Names (:mod:`cocontrol.plans.naming`): the clause subject without place names and leading
   particles, else the object of the creating verb (建成或改造综合能源港, 充电桩), else the subject
   of the clause before (…降低率确保完成国家下达目标，力争降低15%); a percentage that is not
   the level of a named indicator names its share (N%的X完成Y, 达到Y的N% → 占比); two targets
   of one sentence never share a name and year (削减量, 年均增速, the verb before each number).
   A count summing up the items its verb names (扩展到A、B两个水域) is a target.
6. 分别 lists pair values with years or with the 、-separated indicators before 分别; a single
   value after 分别/均 is repeated for each indicator; a bound word after the last value applies
   to the whole list; numbers listed before a quantity share its unit (30、50微克/立方米).
   Values over a year range pair with its years in order (2020-2022年…分别达65%、70%、80%), and
   places with their years (深圳市于2018年、广州市于2019年…) give one target per place and year.
   A change verb, its base year and 累计 go on to the verbless indicator–value pairs after it
   (化学需氧量相比2015年累计削减11.05%，氨氮11.37%…), not to a rate or share.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from cocontrol.plans.found import Found
from cocontrol.plans.naming import (
    MEASURED,
    coordinated,
    drop_qualifiers,
    in_scope_of,
    is_place,
    object_name,
    share_tail,
    strip_particles,
    strip_place,
    unit_share,
    with_measure,
)
from cocontrol.plans.numerals import parse_number
from cocontrol.plans.quantities import COUNT_UNITS, CURRENCIES, Quantity, find_quantities
from cocontrol.plans.scope import peak_targets, per_year
from cocontrol.plans.tables import LESS_IS_BETTER as _LESS_IS_BETTER
from cocontrol.plans.tense import (
    ASSUMED_ISSUE_YEAR,
    PRESCRIBING,
    REPORT_SAID_GONE,
    five_year_span,
    future_bare_year,
    past_bare_year,
    past_deadline,
    period_end,
    reported,
)

# verbs of public works (a year's list of projects: 硬化道路10万平方米, 铺设雨水管网345米, 维修更换机泵37处, 改造升级10千伏
# 线路16.66公里, 新修产业路42公里): like 新建/改造/安装, their object and its amount are the target; and (round te) the
# verbs of such a list's works and services: 改建/增建 (改建照护床位220张), 新开工/完工/竣工 (新开工5个改造项目, 竣工安置房1200套), 开设 (开设40个
# 暑托班), 购置/制作 (购置座椅670套, 制作14个标识牌), 新开发/提供 (提供就业岗位1000个), 举办 (举办招聘会15场次), 加装
# (加装电梯300部)
# (round ba) 有 after a distributive subject — what each unit is to have (每个社区（村）有3名专职网格员, 每所学校都有1名心理教师;
# not 有效, 有关, 有利, 有序, 有机, 有所; not the 有 of 拥有, 至少有, 建有: those verbs read as they are)
EACH_HAS = r"每(?:个|所|家|户)?[\u4e00-\u9fff]{1,4}(?:[（(][^（()）]{1,4}[)）])?(?:都|均|要|应|须|需)?(?<![拥少建具没还])有(?![效关利序机所的])"
_EACH_HAS = re.compile(EACH_HAS)
PUBLIC_WORKS = ("硬化(?![率])", "(?<![造林国土城市])绿化(?![率覆面带工美])", "亮化(?![率工])", "铺设", "敷设", "埋设", "架设", "维修更换", "维修养护", "维修改造", "维修", "修缮", "更新更换", "更换",
                "新修(?![订改])", "新改建", "改扩建", "改造升级", "升级改造", "提档升级",
                "(?<![新扩])改建", "增建", "新开工", "(?<![已未])完工(?![率])", "(?<![已未])竣工(?![率验日])", "开设", "购置(?![税补费])", "制作", "新开发", "提供(?!一)", "举办", "加装",
                # (round wb) the verbs of surveying and clearing a network or a river, whose length or count is the work
                # (排查污水管网2000公里, 检测排水管道500公里, 摸排入河排污口300个, 清淤河道120公里)
                "排查(?![率出])", "(?<![监])检测(?![率站能机中出报])", "普查(?![率出])", "摸排(?![出])", "巡查(?![率出])", "清淤(?![率])", "疏浚(?![率])",
                # the other verbs of building and of planting a bureau writes for 建设 and 种植 (兴建水厂3座, 修建
                # 步道20公里, 营建防护林2万亩, 新植乔木5万株, 补植苗木8000株, 栽种行道树300棵; not a noun they start:
                # 修建性详细规划, 营建工程空污费, 兴建项目)
                "兴建(?!性|工程|项目|业|费)", "修建(?!性|工程|项目|业|费)", "营建(?!性|工程|项目|业|费)",
                "新植", "补植", "补种", "栽种", "新栽",
                # (round ba) laying a new network (新铺供水管道85公里, 新铺热力管网30公里) as 铺设 is
                "新铺",
                # (round za) the verbs of a service to people, whose count of people served is the work (培训家政服务
                # 人员1万人次, 筛查肺癌高危人群8000人, 接种流感疫苗2万人; not a rate or a noun they start: 筛查率, 培训费, 培训中心)
                "(?<![受参])培训(?![率费班中基机])", "筛查(?![率出])", "(?<![已])接种(?![率点])")
# the verbs of a cut that stand only right before their amount (减量30%, 减碳50%, 减100%): 减量 and 减碳 are nouns elsewhere
# (减量化, 减碳目标, 减碳量) and 减 a part of words (增减, 加减, 核减 …) — a verb only where no Chinese character follows
# (a Chinese numeral may follow: 减碳五至六成)
_NOT_WORD_AFTER = "(?!(?![零〇一二两三四五六七八九十百千廿卅])[\u4e00-\u9fff])"
CUT_VERBS = ("减量" + _NOT_WORD_AFTER, "减碳" + _NOT_WORD_AFTER, "(?<![增加核删递衰])减" + _NOT_WORD_AFTER)
_CLAUSE = "，,：:；;。！？!?●■◆▪•✔✓★☆"  # bullets set items apart as commas do (●优良天数不低于317天 ●PM2.5…)
LEVEL_VERBS = (
    "至少有", "至少", "不小于", "提前至", "提前到", "发展到", "发展至", "不大于", "延伸至", "延伸到", "延长至", "延长到", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "增至", "增到", "提升为", "提高为", "增加为", "下降到",
    "下降至", "降低到", "降低至", "减少到", "减少至", "降到", "降至", "扩大到", "扩大至", "扩展到", "升至", "升到",
    "达到", "达(?![标成])", "控制在", "保持在", "稳定在", "维持在", "不低于", "不少于", "不高于", "不超过",
    "超过", "低于", "高于", "少于", "多于", "大于", "小于", "突破", "累计", "新增", "建成", "建设",
    "创建", "完成", "培育", "打造", "淘汰", "改造", "新建", "建立", "实现",
    # 达成 is 实现 as Taiwan and Hong Kong pages write it (为达成2030年光电1百万瓩目标; not 达成率, a noun)
    "达成(?![率度])", "保持", "稳定", "为", "降到", "降至", "压减到", "压减至",
    # 压降至/削减至/减至/降为 a level (煤炭消费量压降至3000万吨)
    "压降到", "压降至", "削减到", "削减至", "减至", "减到", "降为", "减少为", "下降为", "降低为",
    # 收入比缩小到2.2∶1以内, 审批时限缩短至5个工作日: a gap or a time brought down to a level
    "缩小到", "缩小至", "缩减到", "缩减至", "收窄到", "收窄至", "缩短到", "缩短至",
    "提高", "提升", "增长", "增加", "下降", "降低", "减少", "削减", "消减", "压减", "压降", "上升", "减排",
    # a cut written as Taiwan and Hong Kong pages write it, the verb right before its amount (较基准年减量30%,
    # 2050年减碳50%, 则需减100%; not the nouns 减量化, 减碳目标, 增减)
    *CUT_VERBS,
    "降(?![碳低至到温为])", "占(?![比地用有据])",
    # (round ba) what each unit is to have: 有 after a distributive subject (确保每个社区（村）有3名专职网格员, 每所学校都有1名…)
    EACH_HAS,
    # verbs of work whose object (a noun, then its amount) is the target: 实施高标准农田16.5万亩
    "实施", "开展", "推广", "落实", "开工", "制定", "整治(?![率])",
    # and of reorganising what there is (关停燃煤锅炉9台, 撤并中转站9座: see _REORGANISE)
    # and of setting up, handling or clearing things, their object before the count (增设快递驿站40个, 净增规上企业
    # 120家, 盘活闲置厂房15万平方米, 处置废渣8万吨; not 净增长, a change)
    "增设", "新设", "设立", "新造", "创成", "认定(?!标准)", "腾退", "净增(?!长)", "净减(?!少)", "消化(?!吸收)", "处置(?![率能])", "盘活",
    # (not a class named by its work: 关停类企业148家 sorts what was found)
    "整合(?!类)", "撤并(?!类)", "撤销(?!类)", "合并(?!类)", "归并(?!类)", "关停(?!类)", "关闭(?!类)", "取缔(?!类)", "搬迁(?![类率])",
    # 开通2条示范线路 (a verb of building a network; (规划)布局1万公里…走廊 is read by _CREATE: 布局 is a noun too)
    # the verbs of power projects (力争核准海上风电800万千瓦以上，投产300万千瓦; 并网光伏200万千瓦, 投运储能50万千瓦)
    "核准(?![率制项])", "投产(?![率期项])", "投运(?![率期项])", "并网(?![率点项])",  # (not 投运项目, a noun)
    "开通", "(?<![\u4e00-\u9fff])修复(?![率])", "(?<![\u4e00-\u9fff])探明", "安装", "营造", "种植", "拥有", "集聚", "引进",
    *PUBLIC_WORKS,
    # 渗透率超50%, 装机逾500万千瓦; comparison signs written in prose (PM2.5浓度≤35微克/立方米, 优良天数比例≥85%)
    # 2015年目标是0.413吨标准煤/万元: the value a goal is said to be
    "(?<=目标)是", "(?<=目标值)是",
    "超(?=\\s*\\d|\\s*$)", "逾(?=\\s*\\d|\\s*$)", "(?<![通经越度跨不超错难路])过(?=\\s*[\\d千百万亿]|\\s*$)", "≥", "≤", "≧", "≦", "＞", "＜", ">", "<",
)
_VERB_RE = re.compile("|".join(sorted(LEVEL_VERBS, key=len, reverse=True)))
# (round ba: 达标 as the state the share of units named reaches — 85%以上的学校达标 — not 达标率, a rate named after it, nor
# 未达标/不达标, nor 100%达标 right after the share, :data:`_SHARE_DONE`'s)
_PCT_SUBJECT_VERB = re.compile(r"(完成|达到|得到|实现|具备|符合|建成|纳入|开展|使用|采用|配备|接入|通过|来自|源自|源于|获评|消纳|实施"
                               r"|(?<=[\u4e00-\u9fff])(?<![未不没])达标(?!率))")
_SPENDING = re.compile(r"资金|投资|投入|安排|补助|补贴|奖补|奖励|经费|预算|拨付|赤字|国债|债券")  # (赤字规模…增加2300亿元: fiscal sums)
_NOT_AFTER_VERB = frozenset({"小时", "分钟", "天", "元", "万元", "亿元"})
_DONE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}(关停|改造|淘汰|退出|建成|投运|投产|并网)(?:工作|任务)?(?=[、，,。；;]|$)")
# (and the verbs of works and services: 开设40个暑托班、12个寒托班 — the next count of the same verb)
_CREATE_ANY = re.compile(r"新增|建成|建设|建立|创建|新建|培育|打造|增设|淘汰|" + "|".join(PUBLIC_WORKS))
_BARE_AFTER = re.compile(r"(率|比例|比重|占比|覆盖率|指数|保有率|浓度|强度|涨幅|增幅|增速)$")
# the end of an indicator's name in a list of (name, number) without verbs
_LIST_LABEL = re.compile(r"(?:率|比例|比重|占比|指数|浓度|强度|总量|保有量|消费量|排放量|用水量|产量|系数|天数|面积|规模|容量|数量|能耗|人口|人数|户数"
                         r"|里程|长度|总数|个数)$")  # (新改建高速公路通车里程约3万公里 under 到2020年: the length to reach)
_GOAL_WORD = re.compile(r"目标|指标|力争|确保")
# a lead saying goals, tasks or indicators follow (2026年工作目标：…, 目标任务是：…, 年度指标如下：…): what follows
# its colon are items, each a name and its number (新能源公交车200辆，充电桩500个)
_ITEMS_LEAD = re.compile(r"(?:目标|任务|指标)(?:任务)?(?:分别)?(?:是|为|如下|有)?\s*[：:]")
# the name of such an item: a noun phrase only (no clause, no figure; not a rule's step per unit: 每档相差1个百分点)
_ITEM_NAME = re.compile(r"(?!每)[\u4e00-\u9fff“”（）()A-Za-z]{2,20}")
# (round ba) a task or goal shared out: the whole sentence is a list of (name, amount) items — a place or a unit and its
# share, each name short and holding no verb, the same measure word — closed by its total or not (甲区1200户、乙县1500户，
# 合计2700户; 东镇4720株，西镇8810株): written under a heading or a line naming the task (各镇的任务, 任务分解)
_ALLOTTED_ITEM = r"[\u4e00-\u9fff]{2,6}\s*\d+(?:\.\d+)?\s*(?:万|亿)?[\u4e00-\u9fff]{1,2}"
_ALLOTMENT = re.compile(_ALLOTTED_ITEM + r"(?:\s*[、，,；;]\s*" + _ALLOTTED_ITEM + r")+\s*[。；;]?\s*")
# the heading or line naming the task shared out (3.各镇的任务, 二、任务分解, 年度目标分配): its last words
_TASK_SHARED = re.compile(r"(?:任务|目标|指标)(?:分解|分配|安排|清单)?(?:如下)?\s*[：:]?\s*$")


def allotment(sentence: str) -> bool:
    """The sentence is only a list of a task's shares, a name and an amount each in the same measure word (round ba).

    >>> allotment("东岭乡3600株，南山2100株，西河子2900株。")
    True
    >>> allotment("东镇完成4720株，西镇完成8810株。")
    False
    """
    m = _ALLOTMENT.fullmatch(sentence.strip())
    if m is None or _VERB_RE.search(sentence) is not None:
        return False
    units = re.findall(r"\d\s*(?:万|亿)?([\u4e00-\u9fff]{1,2})", sentence)
    return len(units) >= 2 and len({u[0] for u in units}) == 1


def names_task_shared(title: str) -> bool:
    """A heading or a line that names a task, goal or indicator being shared out (各镇的任务, 任务分解: round ba)."""
    return len(title) <= 24 and _TASK_SHARED.search(title) is not None
# verbs of reorganising what there is: merging, closing, removing, moving (整合20个站点, 对8个集聚区实施撤并,
# 对15个作坊关停取缔) — the count of the things reorganised is the amount of that work
_REORGANISE = r"(?:整合|撤并|撤销|合并|归并|关停|关闭|取缔|搬迁|保留)(?!类)"  # (the same words close LEVEL_VERBS' verbs of work)
# a verb of work directly before a count or amount takes it as its object (整治100个行政村,
# 修复湿地300公顷, 关停12台机组, 推广新能源汽车5000辆)
_CREATE = re.compile(r"(至少有|新增|建成|建设|建立|创建|新建|培育|打造|增设|完成|达到|建|扩展到|扩展至|扩大到|扩大至|拓展到|拓展至|增加到|增加至|淘汰|开展|实施|落实|推动|种植|播撒|不少于|不低于|至少|超过|累计|选择|选取|遴选|设立|新设|开通|布局|出台|制定"
                     r"|整治|治理|修复|恢复|关停|关闭|退出|搬迁|取缔|推广|更新|替代|改造(?!率)|创成|争创|认定|安装|配备|营造|造林|植树|栽植|支持|扶持|"
                     r"新造|划定|完善|提升|腾退|消除|清理|净增(?!长)|" + _REORGANISE + r"|(?:实现|完成|开展)对|实现(?=全省|全市|全国|全区|全县)|拥有|建有|" + EACH_HAS + r"|推进|"
                     + "|".join(PUBLIC_WORKS) +
                     # 全面形成石油化工—…一体化等6条循环产业链, 推进…工业园区等其他29个开发区…: the count of what is named
                     r"|(?:形成|构建)[^，,；;。：:]{1,40}?等|推进[^，,；;。：:]{1,40}?等其他)"
                     # (建设超100个…城市, 培育逾50家…企业: a floor written 超/逾 between the verb and its count, as 超过 is)
                     # (完成市域范围内3500户…: the area the count lies in, between the verb and its count)
                     # (完成剩余的8家…任务: the rest of the work is still work to do)
                     # (维修更换农村37处的机泵, 改造城区12条背街小巷: the part of the land the work is done in)
                     r"(?:各类|全省|全市|全国|全区|全县|农村|城区|城乡|城镇|中心城区|[\u4e00-\u9fff]{0,3}?范围内)?(?:(?:剩余|其余|余下|剩下)的?)?(?:大约|约|近|将近|超|逾)?$")
REDUCE = ("下降", "降低", "减少", "削减", "消减", "压减", "压降", "减排", "降", "减量", "减碳", "减")  # (消减: a common miswriting of 削减)
INCREASE = ("提高", "提升", "增长", "增加", "上升")
GE_WORDS = ("过", "逾", "≥", "≧", "＞", ">", "超", "不小于", "不低于", "不少于", "超过", "高于", "多于", "大于", "突破", "达到", "达", "提高到",
            "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "增至", "增到", "提升为", "提高为", "增加为", "扩大到", "扩大至",
            "发展到", "发展至", "至少", "至少有", "提前至", "提前到", "升至", "升到", "延伸至", "延伸到", "延长至", "延长到")
LE_WORDS = ("≤", "≦", "＜", "<", "不大于", "不超过", "不高于", "低于", "少于", "小于", "控制在")
YEAR = re.compile(r"(?<!\d)((?:19[5-9]\d|20\d{2}))(?:\s*[—\-－~～至到]+\s*((?:19[5-9]\d|20\d{2})))?\s*年")
_BASE_BEFORE = re.compile(r"(?:(?<![占对])比|较|相比|相较于?|与|以|由|从|基于|相对于|(?:基准|基期)年?\s*[（(])\s*$")  # (占比2027年前: the 比 of 占比 names no base)
# (较基准年(2005年)减碳30%, 相较基期(2005年): the year in brackets after the word for a base year is that base)
# 在2015年(70微克/立方米)(的)基础上 names the base year (and level) of a change
# (在2020年提高节能30%的基础上再提升30%: the base may state the change that made it)
_ON_BASE = re.compile(r"\s*(?:底|末)?\s*(?:[\u4e00-\u9fff]{0,6}?[\d.]+\s*[^\d，,；;。]{0,10}?)?的?基础上")
_BASE_PHRASE = re.compile(r"在?\s*((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?\s*(?:[\u4e00-\u9fff]{0,6}?[\d.]+\s*[^\d，,；;。]{0,10}?)?的?基础上")
_FROM = re.compile(r"(?:由|从)\s*((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?的?")
_RANGE = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*年?\s*[—\-－~～至到]+\s*((?:19[5-9]\d|20\d{2}))\s*年")
# one year of a list of years before 分别: a calendar year, or a plan period standing for its last year
# (“十二五”和2011年…分别下降19%和3.7% → 2015, 2011)
_LISTED_YEAR = re.compile(r"(19[5-9]\d|20\d{2})年?|[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|期末|末)?")
_YEAR_LIST = re.compile(rf"(?:{_LISTED_YEAR.pattern})(?:\s*[、和及与]\s*(?:{_LISTED_YEAR.pattern}))+")
# the hedge 约/近 as a word of its own directly before the number (约1700万千瓦, 达到约60%,
# 约为, 约占, 将近): never the 约 of 节约/制约/约束/预约/集约 (累计节约能源600万吨 is exact)
_HEDGE_PRE = re.compile(r"(?:(?<![节制预集简履公契条盟誓相邀婉隐违])约|(?<![最邻临附靠贴亲])近)"
                        r"(?:为|占|有|达到?|合|计)?\s*$")
# (…增长6%左右……”: an ellipsis ends the value's clause, the list it goes on elided — round ac)
_FOLLOW_OK = set(_CLAUSE) | set("、）)」”\"和及与并或等（(/]】.…")
__all__ = ["Found", "find_targets", "five_year_span", "is_statement"]
# (我市“十二五”要下降22%: the period right before a modal verb is the goal's period)
_PLAN_YEAR_WORDS = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:末|期末|期间|时期|[\u4e00-\u9fff]{0,6}目标|(?=要|需要|需|必须|应))")


_TO_YEAR = re.compile(r"(?:到|至)\s*((?:19[5-9]\d|20\d{2}))\s*年")


def _goal_years(sentence: str, default_year: int | None) -> set[int]:
    """Years a sentence sets goals for (到2022年, and the year of its scope)."""
    years = {int(y) for y in _TO_YEAR.findall(sentence)}
    return years | {default_year} if default_year is not None else years


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause holding ``pos``: after a clause mark, not after the comma of a number
    (1,200万人), and after a space the clean-up left between Chinese words (a line of a list that
    ended in an amount: 城镇新增就业1,200万人以上 消费者物价指数升幅…)."""
    i = pos
    while i > floor:
        c = text[i - 1]
        if c in _CLAUSE and not (c == "," and i >= 2 and text[i - 2].isdigit() and text[i : i + 1].isdigit()):
            break
        if c == " " and i >= 2 and not (text[i - 2].isascii() and text[i : i + 1].isascii()):
            break
        i -= 1
    return i


# 城乡居民收入比2025年力争缩小到2.2∶1: after a noun ending in 比 (收入比, 产能比) the year is a deadline, not a base, when a
# deadline word, 缩小到/控制在/稳定在 or 达到 follows it rather than a change (比2020年下降…, 比2020年下降到…)
_NOUN_BI_YEAR = re.compile(r"\s*(?:年?底|年?末)?\s*(?:以|之)?前|\s*(?:年?底|年?末)?\s*(?:力争|确保|要|将|争取)?\s*"
                           r"(?:缩小|缩减|收窄|控制|稳定|保持|维持)(?:到|至|在)|\s*(?:力争|确保|要|将|争取)?\s*达到?")


# a clause picking places by their value (2019年PM2.5平均浓度在60至70微克/立方米之间的南甸镇、温塘镇…均下降至…; 超过70微克/立方米
#的镇、…): its year is that of the values that pick the places and its values are the band's bounds — no goal, no date
# (到2025年PM2.5浓度高于…的城市、…: a deadline is no year of the picking values)
_PICKING_YEAR = r"(?<![到至在\d])(?:19[5-9]\d|20\d{2})(?=\s*年(?!\s*(?:年?底|年?末)?\s*(?:以|之)?前))"
_PICKED_BY_VALUE = re.compile(rf"(?:{_PICKING_YEAR}\s*年(?:年?底|年?末)?)?[^，,。；;：:]{{0,20}}?(?:在|超过|高于|低于|不足|大于|小于)"
                              r"[^，,。；;：:]{0,24}?(?:之间|以上|以下)?的(?=[\u4e00-\u9fff]{0,8}(?:镇|乡|县|区|市|街道|村)\s*[、，,和及与])")


def _picked_by_value(sentence: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence that pick places by a value (:data:`_PICKED_BY_VALUE`)."""
    return [m.span() for m in _PICKED_BY_VALUE.finditer(sentence)] if "的" in sentence else []


def _blank_picking_years(sentence: str, picked: list[tuple[int, int]]) -> str:
    """The sentence with the years of its place-picking clauses blanked (same length: offsets hold), so that no rule
    reads them as a date: 2019年PM2.5平均浓度在60至70微克/立方米之间的南甸镇… → ____年PM2.5…"""
    for a, b in picked:
        sentence = sentence[:a] + re.sub(_PICKING_YEAR, "    ", sentence[a:b]) + sentence[b:]
    return sentence


def _year_marks(sentence: str, issue_year: int | None = None) -> list[tuple[int, int]]:
    """(end offset, year) of every target-year phrase of a sentence, in order: base years
    (比2005年, 由2020年) and 以来/起 are skipped, a range 2024—2026年 gives its last year, and
    “十四五”末/期间 gives the last year of that plan. Computed once per sentence."""
    marks: list[tuple[int, int]] = []
    for m in YEAR.finditer(sentence):
        if _BASE_BEFORE.search(sentence[max(0, m.start() - 4) : m.start()]) and not (
                m.group(2) and sentence[max(0, m.start() - 1) : m.start()] in ("从", "自")) \
                and not _NOUN_BI_YEAR.match(sentence, m.end()):
            continue  # (从2010-2014年，每年…: 从 opens a span of years, not a base year)
        if _ON_BASE.match(sentence, m.end()):
            continue  # 在2015年70微克/立方米的基础上降低25%: the base, not the target year
        if _PERIOD_STARTS.match(sentence, m.end()):
            continue  # 2020年10月1日至2021年3月31日，…同比下降4%: a campaign's period is dated by its end
        if _DATE_AFTER.match(sentence, m.end()) and not _PERIOD_ENDS.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # 2022年2月9日，省能源局下发…: the day of a news item or an act, not a target year
        if _MONTH_OF_ACT.match(sentence, m.end()):
            continue  # 2021年12月，四部门印发的《…》提出，…: the month a document was issued dates no goal
        if re.match(r"\s*(?:年?底|年?末)?(?:以|之)?前(?!(?:全|我|本)[省市区县国])(?![把将])(?!(?:完成|建成|实现|淘汰|关停|搬迁|改造|整治|治理)"
                    r"(?:剩余|其余|余下|剩下))[\u4e00-\u9fff]{0,4}的", sentence[m.end():]):
            continue  # 淘汰2005年以前注册的营运黄标车: a year qualifying a noun dates nothing
            # (2025年底前全省的森林覆盖率…: a deadline, then the subject's place and 的)
            # (2035年前把香港的碳排放量…减半: a deadline, then 把/将 and its object)
        if sentence.startswith("起", m.end()) and not m.group(2) and int(m.group(1)) >= (
                ASSUMED_ISSUE_YEAR if issue_year is None else issue_year) and re.search(
                r"(?:^|[，,；;：:。])\s*(?:自|从)?\s*$", sentence[: m.start()]) and re.match(r"起\s*[，,]", sentence[m.end():]):
            marks.append((m.end() + 1, int(m.group(1))))  # 自2027年起，…控制在10%以内: a level kept from that year on
            continue
        if sentence.startswith(("以来", "起"), m.end()) or re.match(r"的\s*[\d.]+\s*倍|的水平", sentence[m.end():]):
            continue  # 2020年以来 / 达到2020年的3倍: a start or a reference, not a target year
        if _in_title(sentence, m.start()) or sentence.startswith("远景目标纲要", m.end()):
            continue  # 《…2035年远景目标纲要》, 【…2030年前碳达峰行动方案】: a title's year dates nothing
            # (the 纲要 is named so without brackets too: 第十四个五年规划和2035年远景目标纲要陆续出台)
        marks.append((m.end(), int(m.group(2) or m.group(1))))
    plan_marks = [(m.end(), period_end(m.group(1)))
                  for m in _PLAN_YEAR_WORDS.finditer(sentence)
                  if (not _BASE_BEFORE.search(sentence[max(0, m.start() - 4) : m.start()])
                      or _NOUN_BI_YEAR.match(sentence, m.end()))  # (收入比“十四五”末要缩小至…)
                  and not _in_title(sentence, m.start())
                  # 完成国家“十四五”时期“无废城市”建设阶段性目标: the period names the goal done, it dates nothing
                  and not _GOAL_OF_PERIOD.search(sentence[max(0, m.start() - 10) : m.start()])]
    return sorted(marks + [(-end, year) for end, year in plan_marks], key=lambda x: abs(x[0]))


_RANGE_GAP = re.compile(r"\s*(?:[-—－~～]|至|到)\s*")
_GOAL_OF_PERIOD = re.compile(r"(?:完成|实现|落实|达成|完成了|实现了)(?:国家|全国|省|全省|市|全市|上级)?(?:下达的?)?\s*$")
# a full date (2022年2月9日) that is no deadline (…前, 底前) dates an act, not a target
_DATE_AFTER = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?!\s*(?:前|以前|之前|起|止|至|到))")
# a campaign's period written with months or days (2020年10月1日至2021年3月31日, 2017年10月—2018年3月): its start
# dates nothing, its end (a full date too) dates the goals of the period
_PERIOD_STARTS = re.compile(r"\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:至|到|—|－|-|~|～)+\s*(?:19[5-9]\d|20\d{2})\s*年\s*\d{1,2}\s*月")
_PERIOD_ENDS = re.compile(r"(?:19[5-9]\d|20\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:至|到|—|－|-|~|～)+\s*$")
_MONTH_OF_ACT = re.compile(r"\s*\d{1,2}\s*月份?(?!\s*(?:底|末|中|初|前|以前|之前|起|止|至|到))[，,]?[^，,。；;]{0,30}?"
                           r"(?:印发|发布|出台|下发|公布|颁布|印發|發布|頒布)")
_YEAR_ONLY = re.compile(r"[（(]\s*(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?(?:目标值?)?\s*[)）]")


def _brackets(sentence: str) -> list[tuple[int, int]]:
    """Spans of the bracketed asides of a sentence (outermost ( )/（ ）); a bracket holding only a
    year (森林覆盖率（2025年）达到45%) dates what follows it and is no aside."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in "（(":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0 and not _YEAR_ONLY.fullmatch(sentence, start, i + 1):
                out.append((start, i + 1))
    return out


def _in_title(sentence: str, pos: int) -> bool:
    """``pos`` lies inside a title in 《》 or a bracketed headline 【】."""
    return (sentence.rfind("《", 0, pos) > sentence.rfind("》", 0, pos)
            or sentence.rfind("【", 0, pos) > sentence.rfind("】", 0, pos))


def _years_before(marks: list[tuple[int, int]], pos: int,
                  asides: list[tuple[int, int]] | None = None) -> int | None:
    """Nearest target year before ``pos``; a 4-digit year wins over a 十X五 phrase. A year
    inside a bracketed aside that closes before ``pos`` dates only the aside (…19条达到Ⅲ类
    （其中2021年12条…），16条达到Ⅳ类: 16条 keeps the year of the sentence)."""
    before = [(end, year) for end, year in marks if abs(end) <= pos
              and not any(a < abs(end) <= b <= pos for a, b in asides or ())]
    digits = [year for end, year in before if end >= 0]
    if digits:
        return digits[-1]
    return before[-1][1] if before else None


_YEARISH = re.compile(r"(到|至|在)?(19[5-9]\d|20\d{2})\s*[—\-－~～至到]*\s*((19[5-9]\d|20\d{2}))?\s*年(年?底|年?末)?(前|以前|之前)?")


_LEAD_WORDS = re.compile(
    r"^(?:(?:今年|明年|将|把|并|且|同时|确保|力争|计划|争取|全市|全省|全区|全县|其中|以上|累计|到|通过|完成|实现|使|推动|目标是|目标为|目标|"
    r"推进|建成|创建|建设|培育|打造|开展|实施)(?![和或及与、区]))+")
_RELATIVE_VERB = re.compile(r"(?:通过|完成|实现|建成|创建|开展|实施)$")


# a place-and-count phrase opening a clause says where the work is done, not what is done (在17个乡镇(街道办)安装太阳能路灯
# 1000盏, 在39个村改造升级10千伏线路16.66公里): the name is the work and its object
_WHERE_COUNTED = re.compile(r"^\s*在\s*(?:全[省市区县])?\s*[\d.]+\s*(?:个|所|处|座)?[\u4e00-\u9fff]{0,6}?"
                            r"(?:乡镇|乡|镇|村|社区|街道|县|区|市|小区|园区|学校)(?:\s*[（(][^（()）]{0,8}[）)])?")


# the second measure of a work right after its count (25个|1697户, 6条|20公里): households, flats, a length or an area
# (not a rating — 2台|120万千瓦 — nor a share: “3个100%”)
_SECOND_MEASURE = re.compile(r"\d+(?:\.\d+)?\s*万?(?:户|套|间|公里|千米|延米|平方米|平方公里|亩|公顷)(?![”\"])")
# a 对-phrase holding a count (对全县17所…), the work done on it after it in the clause (…全面提档升级, …进行维修改造)
_WORK_ON = re.compile(r"对[^，,；;。：:\d对]{0,12}$")
_WORK_AFTER = re.compile(r"(?P<obj>[^，,；;。：:\d]{1,20}?)(?:进行|实施|开展)?(?:全面|集中|整体|系统)?"
                         # (not one of a list of works the count is shared out over: 对314个园区开展保留、整合、撤销)
                         r"(?:生态)?(?:综合)?(?<!、)(?P<verb>" + "|".join(PUBLIC_WORKS) + r"|改造|整治|治理|修复|提升改造|改造提升|"
                         + _REORGANISE + r")(?!、(?:" + _REORGANISE + r"))"
                         r"(?=[、，,；;。和及与\s]|$)")
# a 为-phrase counting whom or what a work is done for, then the work (为8000名独居老人安装报警器, 为27所中小学安装防撞柱)
_SERVED = re.compile(r"(?:^|[^\u4e00-\u9fff]|将|要|并|还|免费)为(?:全[省市区县镇])?$")
_SERVED_WORK = re.compile(r"(?P<obj>[^，,；;。：:\d]{1,16}?)(?P<verb>" + "|".join(PUBLIC_WORKS) + r"|安装|配备|配置|发放|新建|建设|改造)")
# an amount closed by 并/同时 before the next work of the clause (…10万平方米并安装…)
_NEXT_WORK = re.compile(r"\s*(?:并且|并|同时|另)")


def _indicator(pre: str) -> str:
    # 1. PM2.5浓度 / 二是星级绿色建筑占比 / 四、建设…中心 → the name without its item number
    pre = re.sub(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]{1,2}(?:是|[、.．]))\s*", "", pre)
    pre = _WHERE_COUNTED.sub("", pre)
    pre = _BASE_PHRASE.sub("", pre)  # 浓度在2015年70微克/立方米的基础上 → 浓度
    if pre.count("“") > pre.count("”"):
        pre = pre[pre.rfind("“") + 1 :]  # 报告把“单位GDP能耗降低3%”作为…目标: the goal quoted is named by its own words
    # “十四五”规划明确了单位GDP能耗降低13.5%的总体目标: the plan stating the goal is no part of its name
    pre = re.sub(r"^[^，,；;。]{0,30}?(?:规划|方案|纲要|意见|计划)》?(?:明确|提出|确定|设定)了", "", pre)
    t = re.sub(r"(由|从)(19[5-9]\d|20\d{2})年.*$", "", pre)
    t = re.sub(r"(由|从)[^，,；;\d]{0,8}?\d[\d.]*.*$", "", t)  # 森林覆盖率从(目前的)40%提高到… → 森林覆盖率
    t = re.sub(r"((?<![占对])比|较)(19[5-9]\d|20\d{2})年", "", t)
    # 比“十三五”末, 较“十三五”: the base period is no part of the name
    t = re.sub(r"(?:比|较|相比|相较于?)[“\"]?十[一二三四五六七八九]五[”\"]?(?:末|期末)?", "", t)
    t = re.sub(r"[“\"]?十[一二三四五六七八九]五[”\"]?(期间|时期|末|期末|以来)?(计划)?", "", t)
    t = re.sub(r"(到|至|在|于)?(19[5-9]\d|20\d{2})\s*[—\-－~～至到]*\s*((19[5-9]\d|20\d{2}))?\s*年(年?底|年?末)?(前|以前|之前)?", "", t)
    t = re.sub(r"^(?:明确|提出)?[、和及与]*", "", t)  # 明确2017年、2020年…新区绿化覆盖率: what the year list and the verb leave
    # a leading verb coordinated with another (新增和更新的…, 建成或改造…) belongs to the name
    t = strip_place(t)
    lead = _LEAD_WORDS.match(t)
    if lead:
        # a verb opening a 的-phrase qualifies the noun: 完成超低排放改造的钢铁产能占比 keeps 完成
        kept = _RELATIVE_VERB.search(t, 0, lead.end())
        rest = t[lead.end() :]
        t = (kept.group(0) if kept and re.match(r"[^，,的]{1,12}的[\u4e00-\u9fff]", rest) else "") + rest
    t = strip_particles(strip_place(t))
    t = re.sub(r"(分别|平均|均|稳定|持续|年均|年平均|每年|力争|确保|逐步|进一步|累计|大约|约|将近|近|再|发展到|发展至|[一二三四五六七八九十两]年|同比|较上年|比上年"
               r"|将|需要|需|要|应|须|必须|有望)+$", "", t)
    t = re.sub(r"每(?:万|亿)?(?:平方米|平方公里|立方米|吨|千瓦时|公里)$", "", t)  # 排放量每万平方米 → 排放量 (the unit's)
    # 江西2021年度计划新开工改造小区 → 江西新开工改造小区 (the year is gone, 度计划 is left of 年度计划)
    t = re.sub(r"^([\u4e00-\u9fff]{0,6}?[省市县区])?度?计划(?!单列)(?=[\u4e00-\u9fff]{2})", r"\1", t)
    t = re.sub(r"[（(]\s*[)）]", "", t)  # 森林覆盖率（2025年） without its year
    t = re.sub(r"(?<=[\u4e00-\u9fffA-Za-z0-9.])目标值?$", "", t)  # PM2.5浓度目标为35… → PM2.5浓度
    t = t.strip("，,、 “”\"")
    return "“" + t if t.count("”") > t.count("“") else t


_CHANGE_SIZE = re.compile(r"(增幅|涨幅|增速|增长率|增长幅度|降幅|下降率|降低率|下降幅度|降低幅度|减少幅度"
                          r"|(?<=年均)增长|(?<=年平均)增长|(?<=年均)(?:下降|降低))\s*$")  # 年均增长达到6.5%: a yearly change


def _relation(verb: str, bound: str, pre: str) -> str:
    changed = verb in REDUCE or verb in INCREASE
    if changed and verb in INCREASE and re.search(r"(?:改造|建设|整治|修复)" + verb + r"\s*$", pre):
        return "="  # 开展高标准农田改造提升1594万亩: the work done, not a change of a level
    if changed:
        return "reduce_by" if verb in REDUCE else "increase_by"
    moved = re.search(r"(下降|降低|减少|削减|压减|提高|提升|增长|增加)\s*(?:不少于|不低于|超过|至少|高于)\s*$", pre.rstrip())
    if moved is not None and verb in GE_WORDS:
        # 建设用地使用面积下降不少于40%: a change bounded from below is a change
        return "reduce_by" if moved.group(1) in REDUCE else "increase_by"
    rate = _CHANGE_SIZE.search(re.sub(r"(?:要|需|应|须|必须)?(?:超过|达到|达|不低于|高于|不少于|为|约)\s*$", "", pre.rstrip()))
    if rate is not None and verb not in LE_WORDS:
        # 废钢利用量增幅超过20%: the size of a change, stated as a bound
        return "increase_by" if rate.group(1) in ("增幅", "涨幅", "增速", "增长率", "增长幅度", "增长") else "reduce_by"
    if bound in ("以下", "及以下", "以内") or verb in LE_WORDS or verb in _LEVEL_DOWN:
        return "<="
    if bound in ("以上", "及以上", "多") or verb in GE_WORDS:
        return ">="
    if verb and re.search(r"(?:至少|不少于|不低于)\s*" + re.escape(verb) + r"\s*$", pre):
        return ">="  # 至少拥有1个…, 至少建成1座…
    return "="


_MAKE = frozenset({"新增", "建成", "建设", "创建", "新建", "培育", "打造"})
_VERB_TO_NUMBER = re.compile(r"(?:了|约|近|分别|均|达|为|到|至|幅度|比例)*\s*$")


def _verb_before(pre: str) -> tuple[str, int] | None:
    """The verb governing a number: the last target verb of its clause, except that a verb
    inside the object of an earlier creating verb (创建|国家生态文明建设示范区15个,
    新建和改造提升|城市排水管网800公里) leaves the creating verb in charge."""
    # (下达/传达/表达: to hand down or express, no 达 of a level reached — 国家下达山西省2000万平方米…任务; a task named
    # before its amount keeps 下达 as its verb: …企业下达节能总目标任务655.52万吨标煤)
    handed = re.search(r"(?:任务|目标|指标)(?:为|是)?\s*$", pre) is not None
    found = [(m.group(0), m.start()) for m in _VERB_RE.finditer(pre)
             if handed or not (m.group(0) == "达" and pre[m.start() - 1 : m.start()] in ("下", "传", "表", "转"))]
    if not found:
        return None
    word, pos = found[-1]
    inside_object = (word in _MAKE or word in INCREASE + REDUCE) and _VERB_TO_NUMBER.fullmatch(
        pre[pos + len(word):]) is None
    if inside_object:
        for earlier in found[:-1]:
            if earlier[0] in _MAKE:
                return earlier
    return found[-1]


def _groups(qs: list[Quantity], text: str) -> list[list[Quantity]]:
    """Consecutive quantities joined only by 、/和/及 form one list."""
    groups: list[list[Quantity]] = []
    for q in qs:
        if groups:
            gap = text[groups[-1][-1].end : q.start].strip()
            # 下降18963吨(16.8%)和2375吨(14.3%): a value restated in brackets sits between two items
            gap = re.sub(r"^[（(][^（()）]{0,24}[)）]\s*", "", gap)
            comma = gap in ("，", ",")
            # (2至3个, 4.5%至5%: a range of values, its two ends of one unit)
            ranged = gap in ("至", "到") and groups[-1][-1].unit == q.unit and groups[-1][-1].value < q.value \
                and not re.search(r"(?:由|从)\s*$", text[max(0, groups[-1][-1].start - 3) : groups[-1][-1].start])
            if gap in ("、", "和", "及", "与", "-", "—", "－", "~", "～") or ranged or (
                    comma and "分别" in text[: groups[-1][0].start][-30:]):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


_SHORT_NAME = re.compile(r"[“\"「『][\u4e00-\u9fff]{0,3}$")
# the parts a plan is built of, named right after a small count (8个重大工程, 6个转型, 四项行动)
# the name of a year's list of projects (民生实事项目, 十件实事, 为民办实事, 民生工程): the works it lists are its goals
PROJECT_LIST = r"(?:民生)?实事(?!求是)(?:项目)?|民生工程"
# a count right after the list's name (2026年实施民生实事项目8项, 民生工程12件): how many projects the list holds
_PROJECTS_COUNTED = re.compile(rf"(?:{PROJECT_LIST})\s*(?:共|共计|计|合计)?\s*$")
# a count right before the list's name (今年实施47项民生实事, 安排十大项28个为民办实事项目, 确定10件重点民生实事项目):
# the list's size again, said first
_PROJECTS_COUNT_NAMED = re.compile(rf"\s*(?:重点|重要|惠民|为民办?|[市县区镇]级|的){{0,2}}\s*(?:{PROJECT_LIST})")
# a length of work in bare 米 (round te): after a verb of works and its object in one clause (铺设雨水管网345米, 进行修缮
# 改造，改造长度为125米) — not a height, width or depth (高100米, 宽12米, 12米宽的道路), which a bare 米 is elsewhere, nor
# a limit (新建住宅建筑宜低于80米: a height again)
_WORK_LENGTH = re.compile(r"(?:" + "|".join(PUBLIC_WORKS) + r"|新建|改造|建设|修建|整治|治理|疏浚|清淤)"
                          rf"(?:(?!低于|高于|超过|不超|控制|宜|限)[^{_CLAUSE}\d]){{0,24}}?(?<![高宽深厚径距拔程差])(?P<num>(?<![\d.])\d+(?:\.\d+)?)\s*米"
                          r"(?P<bound>以上|以下|左右)?(?![宽高深厚长级/·\d])")


def _with_work_lengths(sentence: str, qs: list[Quantity]) -> list[Quantity]:
    """``qs`` with each length of work in bare 米 that no unit claimed (铺设污水管网348米 → 348 米)."""
    extra = [Quantity(float(m.group("num")), "米", m.group("bound") or "", m.start("num"), m.end(), m.group("num"))
             for m in _WORK_LENGTH.finditer(sentence)
             if not any(q.start < m.end() and m.start("num") < q.end for q in qs)]
    return sorted(qs + extra, key=lambda q: q.start) if extra else qs


# a verb of works right before a count, a part of the land between (维修更换农村37处的机泵: places the work is done at)
_WORKS_ON_COUNT = re.compile(r"(?:" + "|".join(PUBLIC_WORKS) + r"|新建|改造)(?:农村|城区|城乡|城镇|中心城区)?$")
_ARTICLE_AFTER = re.compile(r"(?:更加|更为|更|十分|非常)")  # (not 建一个规范的处置设施: a count of one)
_PLAN_PARTS = re.compile(r"(?:重大|重点|专项|主要)?(?:工程|行动|转型|体系|任务|举措|机制)(?=[、，,；;。”\"」及和与]|$)")


# a size class written after a count (千亿元级, 五百亿元级, 百亿, 万亿级): what the counted things are
_SIZE_CLASS = re.compile(r"(?:[一二两三四五六七八九]?[十百千]|万)(?:(?:亿|万)元?级?|级)(?=[、，,\u4e00-\u9fff])")
# an age or age range before the people it names (2至3岁幼儿, 0~6岁儿童, 60周岁及以上老年人, 3岁以下的婴幼儿): whom a work serves
_AGE_GROUP = re.compile(r"(?:\s*[至到~～\-—－]\s*\d{1,3})?\s*周?岁?\s*(?:及|或)?(?:以上|以下|以内)?\s*的?"
                        r"(?:婴幼儿|幼儿|儿童|少年|青少年|学生|学龄|老人|老年|长者|妇女|孕妇|女性|男性|人群|居民|人口|群众|适龄|新生儿)")
_ABOVE_AVERAGE = re.compile(r"(?:高于|低于|优于|好于|超出|快于|慢于)[^，,。；;\d]{0,12}?平均(?:水平|值|数)?\s*$")
_SLOGAN = re.compile(r"(?:[一二两三四五六七八九十]{1,2}(?:个|大|项|条|种)[\u4e00-\u9fff]{1,6}[、，,]?){2,}")


def _in_slogan(text: str, q: Quantity) -> bool:
    """The quantity stands in a quotation that is only a list of counted items (“一个翻番、两个突破、
    三个建成”, “三大体系、两个中心”), written in Chinese numerals: a slogan."""
    a = max(text.rfind("“", 0, q.start), text.rfind('"', 0, q.start))
    if a < 0 or q.start - a > 40 or "”" in text[a:q.start]:
        return False
    b = min([i for i in (text.find("”", q.end), text.find('"', q.end)) if i >= 0] or [-1])
    return b > 0 and b - q.end <= 40 and _SLOGAN.fullmatch(text[a + 1 : b]) is not None


# a bracket between a work and its amount holding the standard the work meets (改造（节能率不低于20%）50万平方米, 新建
# 建筑(能耗降低30%以上)20万平方米): opened in the words before the value, closed right after it, an amount following
_STANDARD_OPENS = re.compile(r"[（(][^（()）。；;，,\d]{1,16}$")
_STANDARD_CLOSES = re.compile(r"\s*(?:以上|以下|以内|左右)?\s*[)）]\s*(?:约|近|超过|达)?\s*\d")


def _is_attribute(text: str, q: Quantity, pre: str) -> bool:
    """True when the quantity qualifies a noun (30万千瓦以下小型煤电) instead of being a value."""
    nxt = text[q.end : q.end + 1]
    if q.unit == "%" and _PARTITIVE_SHARE.fullmatch(pre) and not q.bound:
        return False  # …降至0.4吨以下，其中50%的园区…低于0.3吨: the share of the whole that reaches the better level
    if _NOUN_ONLY.match(text, q.end) is not None and (dash := _last_year_dash(text, q.start)) is not None \
            and not re.search(r"[。！？]", text[dash : q.start]) \
            and not (text[dash : q.start] if dash >= q.start - len(pre) else pre).strip(" —-"):
        return False  # 2035年——…，7万辆氢燃料电池汽车，1000亿元产业产值: an item (number, name) of a year-dash list
    if q.unit in COUNT_UNITS and _SIZE_CLASS.match(text, q.end):
        return False  # 培育8个千亿元级产业集群, 形成2个千亿、5个百亿集群: a count of things of a size class
    if _SHORT_NAME.search(text[max(0, q.start - 4) : q.start]) and re.match(r"[^“”\"「」『』]?[”\"」』]", text[q.end : q.end + 2]):
        return True  # 又被称为“水十条”, “大气十条”: a count inside a short quoted name names a document
    if q.unit in ("项", "件", "个") and (_PROJECTS_COUNTED.search(pre) or _PROJECTS_COUNT_NAMED.match(text, q.end)):
        return True  # 2026年实施民生实事项目8项, 实施47项民生实事: the size of the year's list, its items are the targets
    if q.unit == "岁" and _AGE_GROUP.match(text, q.end):
        return True  # 新增2至3岁幼儿托位, 为0~6岁儿童筛查, 65周岁以上老人: an age names whom a work serves
    if q.unit in COUNT_UNITS and q.value <= 10 and _PLAN_PARTS.match(text, q.end):
        return True  # 推动6个转型、实施8大工程 / 配套实施8个重大工程: how the plan is built, not a target
    if _ABOVE_AVERAGE.search(pre):
        return True  # 高于全市平均水平1.5个百分点, 优于全省平均水平13.2个百分点: a comparison, not a level
    if q.unit in COUNT_UNITS and _in_slogan(text, q):
        return True  # 努力实现“一个翻番、两个突破、三个建成”: a slogan's counted items
    if q.numeral == "一" and q.unit == "个" and _ARTICLE_AFTER.match(text, q.end):
        return True  # 为居民提供一个更加舒适的环境: 一个 before a description is an article, no count
    if _SPEC_BEFORE.search(pre):
        return True  # 该项目占地面积120亩, 设计年产能50万吨, 惠及居民15万户: a project's size or reach
    if re.search(r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:台|套)(?:机组)?\s*$", pre) and q.unit and (
            "千瓦" in q.unit or "瓦" in q.unit or "蒸吨" in q.unit):
        return True  # 昌江核电二期2台120万千瓦: the rating of each of a count of units
    if nxt == "级":
        return True  # 百万千瓦级基地, 万吨级泊位: a size class, not a value
    if re.search(r"(?:由|从)\s*$", pre) and re.match(r"\s*(?:逐步)?(?:提升|提高|增加|增长|上升|下降|降低|减少|压减|降|升)(?:至|到)\s*\d",
                                                 text[q.end : q.end + 12]):
        return True  # 比例由66.0%提升至73.0%以上: the level the change starts from
    if re.search(r"(?:由|从)(?:目前|现在|当前|现有)的?\s*$", pre) and re.match(
            r"\s*再?(?:提升|提高|增加|增长|上升|下降|降低|减少|压减|降|升)[^。；;]{0,16}?[，,]?(?:达到|达|至|到)\s*\d",
            text[q.end : q.end + 30]):
        return True  # 覆盖率将从目前的23.04%再提高超1个百分点，达到24.1%: today's level the change starts from
    if q.unit != "%" and q.bound in ("及以上", "及以下") and re.match(r"[\u4e00-\u9fff]", nxt) \
            and not re.match(r"水平|目标|标准|的", text[q.end : q.end + 2]):
        return True  # 完成30万千瓦及以上热电联产电厂…关停整合任务: a size class of what is meant
    if re.match(r"[（(]\s*(?:不含|含)\s*[)）]\s*(?:及)?以[上下](?=[\u4e00-\u9fff])", text[q.end : q.end + 12]):
        return True  # 淘汰2000吨/日(不含)以下新型干法水泥熟料生产线: a size threshold of what is meant
    if _STANDARD_OPENS.search(pre) and _STANDARD_CLOSES.match(text, q.end):
        return True  # 实施节能改造（节能率不低于20%）50万平方米: the standard the work meets, its amount after the bracket
    if not nxt or nxt in _FOLLOW_OK or nxt.isspace():
        return False
    if q.unit.endswith("元") and text.startswith(CURRENCIES, q.end):
        return False  # 国内生产总值2015亿元人民币, 投资120亿元港币: the money the amount is in, named after it
    if q.unit in COUNT_UNITS and _SECOND_MEASURE.match(text, q.end) and _VERB_RE.search(pre):
        return False  # 改造老旧小区25个1697户, 实施安防工程6条20公里: two measures of one work, the count first
    if q.unit == "%" and _COVER_BEFORE.search(pre.rstrip()) and _OF_NOUN.match(text, q.end):
        return False  # 覆盖80%以上的大城市: the share of what is covered
    if text.startswith("水平", q.end) and re.search(r"(?:稳定在|保持在|维持在|达到|控制在)\s*$", pre):
        return False  # 原油产量长期稳定在2亿吨水平: the level held
    if re.match(r"的[^，,。；;\d]{0,8}?水平", text[q.end : q.end + 12]) and re.search(r"(?:稳定在|保持在|维持在|达到|达|控制在)\s*$", pre):
        return False  # 优良率保持在98%以上的全国领先水平: the level held, named after it
    if re.match(r"的[^，,。；;\d]{0,8}?水平", text[q.end : q.end + 12]) and _HELD_RANGE.search(text, max(0, q.start - 24), q.start):
        return False  # 储备能力达到10-15天的水平: a range held, its high end read here (pre is the group's stand-in)
    if q.unit == "%" and re.match(r"(?:19[5-9]\d|20\d{2})\s*年", text[q.end : q.end + 6]):
        return False  # 目标值为97.12%2035年目标值为97.18%: two goals run together, the year opens the next
    if nxt in "-—－~～至到" and re.match(r"(?:[-—－~～]|至|到)\s*\d+(?:\.\d+)?\s*" + (
            "[%％]" if q.unit == "%" else "[^\\d\\s%％]"), text[q.end : q.end + 12]) and not re.search(r"(?:由|从)\s*$", pre):
        return False  # 下降60%-65%, 2至3个: the low end of a range of values (由20%到30% is a move)
    if text[q.end : q.end + 2] in ("左右",) or (_GOAL_AFTER.match(text, q.end) and q.unit not in COUNT_UNITS):
        return False  # …清洁能源装机超过1.4亿千瓦的目标, 分别达到26%以上、30%以上目标: the goal's level
    if nxt == "内" and re.search(r"控制在\s*$", pre):
        return False  # 净增建设用地总量控制在75000公顷内: 内 bounds it as 以内 does
    if q.unit == "%" and re.match(r"[\u4e00-\u9fff]{1,6}化", text[q.end :]):
        return False
    if q.unit == "%" and _SHARE_DONE.match(text, q.end):
        return False  # 实现管道天然气100%覆盖, 供水水质100%达标: the share done, the verb after it
    if q.unit == "%" and _SHARE_IS.match(text, q.end):
        return False  # 新增和更换车辆100%为新能源汽车: the share of the subject that is X
    if q.unit == "%" and _SHARE_OF_WORK.search(pre) and _PORTION_AFTER.match(text, q.end):
        return False  # 完成改厕任务总数的60%以上数量的改造: the share of the work's total that is done
    if nxt == "的" and q.unit != "%" and (_CREATE.search(pre.rstrip()) or pre.rstrip().endswith("形成")) \
            and _OF_CAPACITY.match(text, q.end):
        return False  # 新增4000万吨的年利用能力: the size of the capacity the work adds
    if nxt == "的" and q.unit in COUNT_UNITS and not q.bound and _WORKS_ON_COUNT.search(pre.rstrip()):
        return False  # 维修更换农村37处的机泵: a verb of works, then how many (places) it is done at
    if nxt == "的" and q.unit != "%":
        return True  # 年运输量150万吨以上的大型工矿企业, 超过2.6万吨二氧化碳当量的企业
    if q.unit == "%" and _PCT_SUBJECT_VERB.search(text[q.end : q.end + 30]):
        return False
    if not pre.strip() and (_SUBJECT_AMOUNT.match(text, q.end) or (
            q.unit in COUNT_UNITS and _COUNT_SUBJECT.match(text, q.end))):
        # 50平方公里以上建设用地面积达到海绵城市建设目标要求: the amount of its subject; 19条达到Ⅲ类:
        # a count of the things named before (入湖河道) reaching a class
        return False
    if count_doer(text, q, pre):
        return False  # 计划到2025年4个以上设区市建成国家“无废城市”: how many things achieve it
    if q.bound and q.unit not in COUNT_UNITS and (not q.unit.startswith("万") or "/" in q.unit):
        # (60万吨/年以下水泥粉磨站: a capacity per year before a noun is a size threshold too)
        return True  # a bound word before a noun marks a scope: 35蒸吨/小时及以下燃煤锅炉
    if q.unit == "个" and _MONTHS_AFTER.match(text, q.end):
        return True  # 停产改造一个月, 开展3个月专项整治: how long the work lasts, no amount of it
    if q.unit in _NOT_AFTER_VERB:
        return True  # 打造1小时经济圈, 安排2亿元资金: slogans and money, not levels
    if q.unit == "次" and not q.bound and not re.search(r"(?:不少于|至少|不低于|达到|超过)\s*$", pre):
        return True  # 每年开展1次专项检查: how often a task is done; 不少于4次 is a level
    if q.value == 1 and not q.numeral[:1].isdigit() and _ONE_SYSTEM.match(text, q.end):
        return True  # 建立一套完整的…工作机制, 打造一个平台: how work is organised, not a target
    if _GOAL_IS.search(pre.rstrip()) is not None and q.numeral[:1].isdigit():
        return False  # (round ba) 目标为800吨减排量, 目标是2万吨产能: the amount a goal is said to be, its measure after it
    if _CREATE.search(pre.rstrip()) or (pre.rstrip().endswith("形成") and q.unit not in COUNT_UNITS):
        return False
    if q.unit not in COUNT_UNITS and pre.rstrip().endswith("、") and _CREATE.search(_LISTED_BEFORE.sub("", pre.rstrip())):
        return False  # 建设120万千瓦光伏、80万千瓦风电: the next item of the list the verb takes
    if (q.unit in COUNT_UNITS or not q.bound) and _DONE_AFTER.match(text, q.end) and (
            _CREATE_ANY.search(pre) or "完成" in pre):
        return False  # 完成…10台机组关停、17台机组改造; 完成…86万千瓦燃煤机组关停工作
    if re.sub(r"^(?:万|亿)", "", q.unit) in COUNT_UNITS and pre.rstrip().endswith(("、", "和", "及")) and (
            _CREATE_ANY.search(pre) or "完成" in pre or ("包括" not in pre and _CREATE.search(_LISTED_BEFORE.sub("", pre.rstrip())) is not None)):
        # (round ad: 推进309个样板村和|31个示范村建设, 实施15个…项目和|8个…: the verb the listed counts follow takes this one too)
        return False  # 完成95个…治理和37个…整治任务: the next count of the same verb
    if q.unit != "%" and re.search(rf"\d\s*{re.escape(q.unit)}[\u4e00-\u9fff]{{1,12}}(?:和|及|与)$", pre.rstrip()) and (
            _CREATE_ANY.search(pre) or "完成" in pre):
        return False  # 建设1400万千瓦光伏和450万千瓦风电项目: the next amount of the same verb and unit
    if enumerated_count(text, q, pre):
        return False
    return not (q.unit == "%" and _PCT_SUBJECT_VERB.search(text, q.end, q.end + 40))


# a level verb and the low end of a range right before its high end (达到10-15天的水平, 保持在3至5天的水平)
_HELD_RANGE = re.compile(r"(?:稳定在|保持在|维持在|达到|达|控制在)\s*\d+(?:\.\d+)?\s*(?:[-—－~～]|至|到)\s*$")
_SHARE_IS = re.compile(r"(?:以上|以下)?(?:均|全部)?为[\u4e00-\u9fff“]")
# 完成“十四五”改厕任务总数的|完成年度任务总量的: a verb of work done, then the total of that work a share is taken of (占…总数的
# is a scope: 占企业总数的60%以上的重点企业); and after the share, the portion it names (60%以上数量的改造, 50%的整治工作)
_SHARE_OF_WORK = re.compile(r"完成[^，,。；;占]{0,24}?(?:总数|总量|总任务|任务量|任务数|总面积|总规模)的\s*$")
_PORTION_AFTER = re.compile(r"\s*(?:以上|左右)?\s*(?:数量)?的")
_MONTHS_AFTER = re.compile(r"(?:多)?(?:月|季度|工作日|星期)")  # (3个月, 一个季度: a duration counted in 个)
_GOAL_IS = re.compile(r"目标(?:值)?(?:为|是)\s*$")  # (a goal said to be an amount: 目标为800吨减排量)
_HEDGE_END = re.compile(r"(?:大约|约为|约|将近|近|为)$")
_GOAL_AFTER = re.compile(r"(?:以上|以下|以内|左右)?的?(?:发展|奋斗|预期|总体|整体|主要|核心|(?:攻坚|约束性|考核)?(?:既定|年度)?(?:工作)?)目标"
                         # 人均水耗下降3.5%的年度工作目标, 单车油耗下降2%的指标: the goal named as such
                         r"|(?:以上|以下|以内|左右)?的(?:年度)?(?:工作)?指标(?![\u4e00-\u9fff])"
                         # 要下降22%的工业节能目标任务: the goal named by its field
                         r"|的[\u4e00-\u9fff]{2,4}?(?:目标|指标)任务"
                         # 达到15%的总量减排目标 / 完成20%的节能降耗目标: the goal named by its measure
                         r"|的(?:总量)?(?:减排|削减|降耗|节能|节水|节能降耗|减碳|降碳|控制|压减)(?:工作)?目标")
# a goal named as an object (锚定2030年全省风电、光伏装机1亿千瓦以上、清洁能源装机超过1.4亿千瓦的目标)
_GOAL_NOUN_VERB = re.compile(r"锚定|瞄准|围绕|实现|完成|确保|力争|达成|提出|明确")
_GOAL_CLAUSE_END = re.compile(r"[^，,；;。！？]{0,40}?的?(?:发展|奋斗|预期)?目标(?=[，,；;。！？]|$)")
# a task handed down to a place (国家下达山西省2000万平方米…改造任务, 分解下达各县10万亩造林任务): the place's goal
_HANDED_DOWN = re.compile(r"下达(?:给|到)?[\u4e00-\u9fff]{0,10}?$")
_TASK_CLAUSE_END = re.compile(r"[^，,；;。！？（(]{0,40}?(?:任务|目标|指标)(?=[（(，,；;。！？]|$)")
# a year's task handed down, named before its amount (下达我省2018年度退耕还林任务330万亩，其中还林300万亩; 2021年上级下达
# 我县造林任务7.8万亩（其中人工造林3万亩…）; 已下达2014年年度任务，安排各省2014年任务500万亩): what the year named is to
# do, not what it did — the task's amount and its 其中 parts, up to a word telling progress (截至目前，完成…)
_TASK_HANDED = re.compile(r"下达[^。；;！？]{0,40}?任务")
# a task named right before its amount (治理任务605.9万亩，其中：…; 造林任务为12万亩; 植树任務共計50萬株): the amount is
# the work to do, whatever the verb of the task — read as a verb's object is (not 完成任务的105%: a share done)
_TASK_NAMED_BEFORE = re.compile(r"任务(?:量|总量)?\s*(?:为|是|共|共计|总计|合计)?\s*(?:约|近|大约)?\s*$")
_DONE_CLAUSE = re.compile(r"(?<=[，,；;])\s*(?:全年|当年|年内|共|累计|实际)?(?:完成|建成)(?!率)")
_PROGRESS_TOLD = re.compile(r"截至|截止|目前|已(?!有)|实际完成|完成[^，,；;。]{0,12}?的")
# a count of things opening its clause, then the things and what they achieve (计划到2025年4个以上设区市
# 建成…, 全区7个市地、20%以上的县区创建成为…, 25家钢铁企业以及其他重点行业35家重点企业完成…)
# (round ba: the things counted may carry the part they include in brackets — 8个以上地级市（含新区）达到… — before their
# verb; not a gloss of the class or a reference: 86个县（市、区）, 30个断面（详见附表）)
_COUNT_THEN_DOER = re.compile(r"(?:及以上|以上|左右)?的?[\u4e00-\u9fff“”]{1,8}?(?:[（(]\s*含[^（()）。；;，,]{1,14}[)）])?(?:(?:、|以及|和|及)[^，,；;。]{1,24}?)?"
                              # (6个左右城市纳入…支持范围, 10家以上企业入选…名单: how many are taken in)
                              r"(?:要|将|均|全部|基本|力争)?(?:建成|创建成为|创建为|创成|达到|通过|完成|实现|纳入|列入|入选|(?<![未不没])达标(?!率))")
# (round ba) the scope of the places counted runs down to a town (全镇8个村…); the count may follow the plan's
# existential 有 (全市将有40个社区完成…, 要有30个村达到…) — how many there are to be, not how many there are
_SCOPE_ONLY = re.compile(r"\s*(?:计划|力争|确保|争取)?\s*(?:(?:到|至|在)?\s*(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?(?:前)?)?\s*[，,]?\s*"
                         r"(?:[\u4e00-\u9fff]{2,3}(?=全))?(?:全省|全市|全区|全县|全国|全州|全镇|全乡)?\s*(?:(?:将|要|需|应|力争|确保)有)?\s*"
                         # (钢铁行业1台烧结机、13座竖炉全部完成关停退出: the field the things counted belong to)
                         r"(?:[\u4e00-\u9fff]{2,4}(?:行业|领域))?\s*")
_ONE_SYSTEM = re.compile(r"[^，,；;。]{0,30}?(?:机制|体系|制度|清单|格局|模式|计划|方案|规划|政策|办法|平台)(?=[”\"」』]?(?:[，,；;。]|$))")
_SPEC_BEFORE = re.compile(r"(?:占地|用地)面积\s*(?:约|为|达)?\s*$|设计[\u4e00-\u9fff]{0,6}(?:产能|能力|规模|容量)\s*(?:约|为|达)?\s*$"
                          r"|(?:惠及|受益|覆盖(?=群众|居民|人群|人口))[\u4e00-\u9fff]{0,6}$")  # (覆盖群众1万人: the reach)
_PROGRAMME = re.compile(r"行动|工程|任务|举措|措施|体系|机制|方面|大局|领域|重点|原则|目标|工作")
# an amount opening its clause, then the measure it gives and a verb of attainment
_SUBJECT_AMOUNT = re.compile(r"(?:及以上|以上)?的?[\u4e00-\u9fff“”]{0,16}?(?:面积|长度|里程|容量|规模|总量|产能|能力)"
                             r"(?:达到|完成|实现|建成|符合)")
# a count opening its clause, then directly a verb of attainment with a grade or state as its
# object (19条达到Ⅲ类及以上, 16条达到Ⅳ类, 30个基本实现全覆盖): how many of the things named before
_COUNT_SUBJECT = re.compile(r"(?:及以上|以上|左右)?(?:要|将|均|全部|基本|力争)?(?:达到|达|实现|消除|建成|完成|通过)(?!\s*\d)"
                            # 17条河流生态流量得到有效保障: how many of the things named get the care
                            r"|[\u4e00-\u9fff]{1,10}?得到(?:有效|全面|妥善|切实)?(?:保障|保护|治理|修复|整治|恢复)")
_COUNTED_BEFORE = re.compile(r"\s*(?:[\u4e00-\u9fff]{2,4}(?:行业|领域))?\s*\d+(?:\.\d+)?\s*(?:个|家|座|处|条|所|项|台|套|艘|辆)[\u4e00-\u9fff“”]{1,10}?(?:、|以及|和|及)[\u4e00-\u9fff“”]{0,10}")


# what a goal's clause names that is no amount of work: the plan's own parts (主要指标19项, 攻坚方案9个), money
# (拨款35亿元), a rule's share (按…的40%), a comparison with the plan (比计划高17.1个百分点), a shortfall (达不到80%部分)
_NOT_FRAMED = re.compile(r"目标[^，,；;。]{0,4}定|(?:指标|方案|措施|类|组|项目|意见|文件|部分|办法|制度)[\u4e00-\u9fff]{0,4}$|按[^，,；;。]{0,20}的\s*$|比[^，,；;。]{0,6}计划|"
                         r"[达達]不到|不足|拨款|撥款|" + _SPENDING.pattern)
_CRITERION_AFTER = re.compile(r"\s*(?:以上|以下|及以上|及以下)?\s*(?:的|或|和|及)")
# a goal's marker of its own (到2027年, 力争, 确保, 将, 计划): the clause after it looks ahead
# the marks framing a goal that both verb-free readings share: a deadline year (到2027年) and a word of intent
_TO_YEAR_MARK = r"(?<![高升长加降少减])到\s*(?:19[5-9]\d|20\d{2})\s*年(?!的)"
_INTENT_WORD = r"力争|确保|争取|计划(?![的数])"
_FRAME_MARK = re.compile(_TO_YEAR_MARK + r"|(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?(?:以|之)?前|" + _INTENT_WORD
                         + r"|将(?!近)(?![^，,。；;！？]{1,30}?(?:纳入|納入|列入|列为|作为|放在|摆在|视为|当作|置于))")
# (并将129家企业纳入收运路线: 将 of 把, not of the future)


def people_helped(unit: str) -> bool:
    """A count of people or households (2000人, 3万人次, 500户): in a verb-free reading, the people a work helps, no
    amount of the work (gold README, round vb: 帮扶困难群众2000人)."""
    return unit.removeprefix("万").removeprefix("亿") in ("人", "人次", "名", "户", "位")


def framed_amount(sentence: str, pos: int, end: int, pre: str, unit: str) -> bool:
    """An amount closing a clause of a goal, whatever its verb (the verb-free reading).

    The clause lists no known verb of level or work (:data:`LEVEL_VERBS`, ``_CREATE``), but the sentence marks it a
    goal before the amount (到2027年, 力争, 确保, 将, 计划 — :data:`_FRAME_MARK`) and nothing between marker and amount
    tells what is or was (:data:`_PAST`); a word of intent reaches its own clause and the next, a deadline year the
    whole sentence; the amount is written in digits (not 各一半): 力争核准海上风电800万千瓦以上, 到2025年化解钢铁产能120万吨, 确保发布地方标准20项.
    The clause before the amount must name something (two Chinese characters) and not the plan's own parts, money,
    a rule's share or a comparison with the plan (:data:`_NOT_FRAMED`); people helped are no amount of work (gold
    README, round vb: 帮扶困难群众2000人), nor is a threshold picking what the goal is about (能耗5000吨标准煤以上或…的企业)."""
    if people_helped(unit) or _CRITERION_AFTER.match(sentence, end):
        return False
    mark = max(_FRAME_MARK.finditer(sentence, 0, pos), key=lambda m: m.start(), default=None)
    if mark is None or not sentence[pos].isdigit() or re.search(r"[\u4e00-\u9fff]{2}", pre) is None \
            or _NOT_FRAMED.search(pre) is not None:
        return False
    between = sentence[mark.end() : pos]
    if not mark.group(0)[0].isdigit() and not mark.group(0).startswith("到") and len(re.findall(r"[，,；;]", between)) > 1:
        return False  # 将, 力争, 确保, 计划 reach the clause they open and the next, a year's deadline its whole sentence
    return _PAST.search(between) is None and re.search(r"已|目前|现有|当前", between) is None and re.search(r"[。！？!?]", between) is None


# the noun phrase an amount opens, running to its clause's end, to the next item of its list or to 和/及 and the next
# amount (…45个综合公园、40个专类公园, …16处大中型灌区现代化改造; not 标准机架80万架 — a number follows: each one's size)
# (6个330千伏变电站, 3座110kV变电站: each thing's voltage class opens the noun; an ellipsis (……) ends the clause)
_OPENED_NOUN = re.compile(r"(?:\d{2,4}\s*(?:千伏|kV|KV|kv))?(?![等的多余月年天日周级（(])[\u4e00-\u9fff“”（）()]{2,30}?(?=[，,；;。！？、…]|(?:和|及|以及)\s*\d|$)")
# (round ad) a clause opening on a verb of work, then the things it works on named one by one and closed by 等 (建成人民路、
# 解放路等|12条背街小巷, 开工建设第一中学新校区等|3所学校, 改造提升甲河、乙河等|4条河道): the count after 等 totals the list,
# and the verb's work is done to that many things — a goal as 建成12条背街小巷 is, with no frame of its own needed (not
# 直辖市、省会城市等|46个城市, 住房城乡建设厅等|9个部门: no verb opens the clause; not 推进/深化 A、B等: effort on what exists)
_WORKED_LIST = re.compile(r"(?:全面|加快|继续|持续|集中|高标准|高质量)?(?P<verb>形成|构建|新建|扩建|建成|建设|开工|完成|实施|改造|整治|治理"
                          r"|打造|创建|培育|选择|选取|遴选|" + "|".join(PUBLIC_WORKS) + r")[^，,；;。：:\d的]{1,40}?等")
# an aspect 了 after a verb (转变成了, 规划了), not 为了/除了 (a purpose, an exception) nor 了解 (to learn)
_TOLD_WITH_LE = re.compile(r"(?<![为除])了(?!解)")
# the items of a list before this one, each an amount and what it counts (规划45个综合公园、|40个专类公园)
_LISTED_BEFORE = re.compile(r"(?:(?:大约|约|近|超|逾)?\d+(?:\.\d+)?[^\d、，,；;。：:]{1,30}?[、和及])+$")
# what opens a clause as its subject, not a verb: a place, a field or a part (全市|45个…, 钢铁行业|1台…, 其中|3处…);
# a word that is no verb of work (将|把|对 a thing, 在|到 a place, 有|是|为, 包括|涉及|围绕 what is named, 第7条, …的)
_SUBJECT_END = re.compile(r"(?:[省市县区州镇乡村]|全国|行业|领域|系统|地区|园区|城市|农村|城区|其中|企业|单位|部门"
                          r"|[将把对在到至于给向从为有是第的与和及或共批]|包括|包含|涉及|围绕|覆盖|针对"
                          # a place or a facility named before the count (…电厂公园|3个口袋公园): the things listed, no verb
                          r"|[园路楼站厂场馆院校河湖库所]"
                          # a verb of effort on what exists, no work counted (深化8条河流整治, 加强12个园区管理)
                          r"|深化|加强|强化|加快|加大|深入|巩固|完善|优化|规范"
                          # (round ba) a band along a river or a road (开展沿江|1公里…腾退): a distance, no amount of work
                          r"|沿[\u4e00-\u9fff]{1,3})$")
# the words a count opens that tell how the plan is organised, no thing worked on (推动3个方面工作, 实施5项重点任务,
# 办好10件民生实事, 提出8项措施, 实现4个提升)
_ORGANISED_NOUN = re.compile(r"方面|领域|原则|目标|机制|体系|大局|环节|步骤|阶段|批次|实事|措施|举措|任务|指标|方案|规定|清单|名单|行动|工程$|计划|工作$|水平$|项目$|^[\u4e00-\u9fff]{1,2}化$")
# a predicate inside what follows the count: the count is the subject or object of another verb (将37个城市纳入…,
# 46个重点城市…进一步提升, 对36个城市进行督查, 6项指标全面达到…, 1公里范围内…, 在2个城市已达到…的基础上)
_PREDICATE_AFTER = re.compile(r"纳入|納入|列入|移出|进行|進行|面临|全面|进一步|得|达到|達到|实现|實現|通过|成为|为|發力|发力"
                              r"|落实|范围|以内|基础上|对外|由|排名|将|之一|均|达标|覆盖|已(?!建)|被|让|使|的[\u4e00-\u9fff]{0,8}化$")
# places counted, then the work done in them (78个重点县石漠化综合治理, 12个乡镇污水管网建设): a scope, not the things worked
_PLACES_COUNTED = re.compile(r"(?:重点|贫困|试点|示范)?(?:县|乡镇|镇|村|街道|社区|市|区)(?![级域])(?=[\u4e00-\u9fff]{2})")
# a count right before: the amount qualified by it is of each of those things or a scope (完成2804个水源地|10363个问题整治)
_COUNT_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:" + "|".join(sorted(COUNT_UNITS, key=len, reverse=True)) + r")[\u4e00-\u9fff]{0,10}$")


_RANGE_AFTER = ("以内", "之内", "以下", "以上", "范围")
"""Words that, right after an amount, make it a range or a threshold (1公里以内步行: how far, not how many)."""

_DEFINED_NAME = re.compile(r"[”』」][^，。；,;]{0,8}[，,]\s*$")
"""A quoted name then 即: what follows spells out the name (倡导“135”出行，即1公里内步行…), it sets no amount of work
(read on the few characters before the nearest 即, so each amount costs the same whatever the sentence's length)."""


def opening_amount(sentence: str, q: Quantity, pre: str, dated: bool = False, ref_year: int = ASSUMED_ISSUE_YEAR) -> bool:
    """An amount opening the noun phrase it counts, after a verb of work in a goal's clause, whatever the verb.

    The amount stands between the verb and its noun (规划建设30处口袋公园, 准备实施约90处中型灌区改造, 统筹推进甲河、乙河等
    12条河道整治, 规划布局18个综合公园、25个专类公园 — each item of such a list too): what the verb does is done to that
    many things, so the amount is the goal's value, named by the noun. The noun runs to its clause's end or the next
    item and carries no predicate of its own (:data:`_OPENED_NOUN`, :data:`_PREDICATE_AFTER`: not 将37个城市纳入…);
    the words before the amount end on a verb, not a subject, a preposition or a count (:data:`_SUBJECT_END`,
    :data:`_COUNT_BEFORE`: not 全市45个乡镇…, 钢铁行业1台…, 对36个城市…); a list closed by 等 follows a verb of work
    (统筹推进甲河、乙河等, not 直辖市、省会城市等46个城市…); the clause is a goal's by its own frame (:data:`_OPENING_FRAME`, a
    goal's marker before it — a year written bare not before ``ref_year``, the year the text is read in — or the year the
    caller dates it by (``dated``), nothing told done in its clause: not 已实施30处…).
    Not a share, money or a time (打造1小时经济圈), nor
    how the plan is organised (:data:`_ORGANISED_NOUN`)."""
    if q.unit == "%" or "元" in q.unit or q.unit in _NOT_AFTER_VERB or not sentence[q.start].isdigit() or (
            q.bound and (q.unit not in COUNT_UNITS or "以下" in q.bound)):
        return False  # (30万千瓦以下煤电机组: a bound before a noun marks the size of the things, no amount)
    ji = sentence.rfind("即", max(0, q.start - 120), q.start)
    if ji > 0 and _DEFINED_NAME.search(sentence[max(0, ji - 12) : ji]) is not None \
            and re.search(r"[。；;]", sentence[ji : q.start]) is None:
        return False  # (“135”行动，即1公里内步行、3公里内骑行: the name spelled out)
    noun = _OPENED_NOUN.match(sentence, q.end)
    if noun is None and q.bound == "左右" and sentence.startswith("的", q.end):
        # (round ba) 建成50个左右的绿色社区: a hedged count, then 的 and its noun (not 存栏5000头以上的养殖场: a threshold)
        noun = _OPENED_NOUN.match(sentence, q.end + 1)
    if noun is None or _ORGANISED_NOUN.search(noun.group(0)) is not None or _PREDICATE_AFTER.search(noun.group(0)) \
            or _VERB_RE.fullmatch(noun.group(0)) is not None or noun.group(0).startswith(_RANGE_AFTER) \
            or len(re.findall(r"[（(]", noun.group(0))) != len(re.findall(r"[）)]", noun.group(0))):
        return False  # (国控断面(南嘴、…: a gloss cut off, no noun of its own)
    if _PLACES_COUNTED.match(noun.group(0)) is not None:
        return False  # 力推78个重点县石漠化治理: the places the work is done in, a scope (as 在12个乡镇完成…)
    verb_part = _LISTED_BEFORE.sub("", pre.rstrip())
    verb_part = re.sub(r"(?:大约|约为|约|将近|近|超|逾)$", "", verb_part)
    if re.search(r"[\u4e00-\u9fff]$", verb_part) is None or _SUBJECT_END.search(verb_part) is not None \
            or _COUNT_BEFORE.search(verb_part) is not None:
        return False
    if "包括" in verb_part or ("的" in verb_part and not any(
            _CREATE.search(verb_part, verb_part.rfind("的") + 1, i) for i in range(verb_part.rfind("的") + 2, len(verb_part) + 1))):
        return False  # 签订责任书的19家企业: the verb of a 的-clause qualifies the things; 包括…: the parts of a whole named before
    if re.search(r"对[^，,；;。]{0,12}$", verb_part) is not None:
        return False  # 对沿湾5条…入海河流…实施…: the things a 对-phrase names, the work comes after (_WORK_AFTER)
    items = verb_part.split("、")
    first = items[0]
    # (…通过精心施工，将角落转变成了…绿地: a sentence telling its work with 了 reports it, the list is of works done)
    worked_list = verb_part.endswith("等") and _WORKED_LIST.fullmatch(verb_part) is not None \
        and _TOLD_WITH_LE.search(sentence) is None
    if verb_part.endswith("等") and _TOLD_WITH_LE.search(sentence) is not None:
        return False  # (改造人民路、解放路等12条背街小巷，将…转变成了…: the list of works told done, whatever its verb)
    if verb_part.endswith("等") and not worked_list and not any(_CREATE.search(first, 0, i) for i in range(max(2, len(first) - 5), len(first))):
        return False  # 直辖市、省会城市等46个重点城市…: a list of subjects, no verb of work right before it
    if len(items) >= 2 and len(items) >= q.value:
        return False  # 增加农药、铅蓄电池、钢铁、…4个重点行业: the count sums up the items named (enumerated_count)
    if people_helped(q.unit) or _NOT_FRAMED.search(verb_part) is not None:
        return False  # people helped, the plan's own parts, money (as framed_amount)
    # the goal's frame: the nearest marker before the amount read on the whole sentence (将37个城市纳入… is 把), not a
    # bare 将 (全省将规划建设…5个片区 describes a layout), and nothing told done between
    if _PAST.search(pre) is not None or re.search(r"已|目前|当前|共", pre) is not None:
        return False  # 已实施30处…, 目前建成12座…: told done
    if not verb_part.endswith("等"):
        ends = [i for i in range(max(2, len(verb_part) - 12), len(verb_part) + 1) if _CREATE.search(verb_part, 0, i)]
        if ends and len(verb_part) - ends[-1] > 2:
            return False  # 开展节能诊断服务|1300家企业: the known verb has its object, the count is of something else
    mark = max((m for m in _OPENING_FRAME.finditer(sentence) if m.start() < q.start), key=lambda m: m.start(), default=None)
    if worked_list and (mark is None or mark.group("bare") is None or int(mark.group("bare")) >= ref_year):
        return True  # 建成人民路、解放路等12条背街小巷: the verb and its count, as in 建成12条背街小巷 (not 2013年建成…)
    if dated and (mark is None or mark.group("bare") is None or int(mark.group("bare")) >= ref_year):
        return True
    if mark is None or (mark.group("bare") is not None and int(mark.group("bare")) < ref_year):
        return False  # (2013年贵州力推78个…: a year gone tells what was pushed then)
    return re.search(r"[。！？!?]", sentence[mark.end() : q.start]) is None


# what dates or resolves a goal's clause for an amount opening its noun: a goal's own marker (:data:`_FRAME_MARK`, its
# 将 left out), a year or a plan period named before it in the sentence (2026年，…; 今年要…; “十四五”时期…), a plan's
# 要/准备/规划 of work to do
_OPENING_FRAME = re.compile(_TO_YEAR_MARK + r"|(?<![较比与同])(?P<bare>19[5-9]\d|20\d{2})\s*年(?![的以来])|" + _INTENT_WORD
                            + r"|今年|明年|年内|[“\"]十[一二三四五六七八九]五[”\"](?:期间|时期|末)")


def count_doer(text: str, q: Quantity, pre: str) -> bool:
    """A count opening its clause (after a year or intent only), then the things counted and
    what they achieve: 4个以上设区市建成…, 7个市地、20%以上的县区创建成为…, and the next count of
    such a list (25家钢铁企业以及其他重点行业|35家重点企业完成…)."""
    if q.unit not in COUNT_UNITS:
        return False
    if _SCOPE_ONLY.fullmatch(pre) is None and _COUNTED_BEFORE.fullmatch(pre) is None:
        return False
    return _COUNT_THEN_DOER.match(text, q.end) is not None


# the things a count names and nothing else up to the clause's end (…建成20个省级美丽河湖，8个县、市美丽母亲河)
_NOUN_ONLY = re.compile(r"[\u4e00-\u9fff“”、]{2,20}(?=[，,；;。！？]|$)")
# a share followed by what is done to that share, closing the clause (100%覆盖, 100%达标, 95%以上回收利用)
_SHARE_DONE = re.compile(r"(?:以上)?(?:全)?(?:覆盖|达标|到位|落地|接入|入园|收集|回收|处理|利用|回收利用|无害化处理)(?=[，,。；;！？]|$)")
# an event told done with 了 (交付了, 投运了, 举行了 …): the clauses after it in a sentence with no intent tell its news
_EVENT_DONE = re.compile(r"(?:交付|投运|投用|开通|启用|建成|落成|竣工|举行|召开|发布|印发|出台|签约|签署|完成|实现|迎来|突破|贡献|取得|获得)了(?!解)")
_SOME_OF = re.compile(r"\s*(?:其中)?\s*(?:有的|有些|个别)(?!\s*(?:要|须|将|应))")
_PARTITIVE_SHARE = re.compile(r"\s*其中\s*[，,：:]?\s*")
# (round ad) a bracket right after an item's value naming a part it includes (10所（含幼儿园4所）, 12个（其中湿地公园1个）):
# an aside, the list goes on after it
_PART_ASIDE = re.compile(r"[（(]\s*(?:含|其中|包括)[^（()）。；;]{1,30}[)）]")
# (round ba) a short gloss in brackets right after an item's value, no clause of its own, then the list's separator
_GLOSS_ASIDE = re.compile(r"[（(][^（()）。；;，,：:]{1,24}[)）](?=\s*[、，,；;。])")
_ETC_GOALS = re.compile(r"等[^，,。；;\d]{0,10}?(?:目标|任务|指标)")
# 规划目标：2025年——A 6万吨/年，加氢站10座，500辆…；2030年——…: a year followed by a dash opens a list of that year's
# goals written without verbs; every (name, number) or (number, name) item of its piece is a goal of that year
_YEAR_DASH = re.compile(r"(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?\s*(?:——|—|－－|--|──)")
_ITEM_SEP = re.compile(r"[、和及与]")
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,6}(?=[，,；;。！？]|$)")


def enumerated_count(text: str, q: Quantity, pre: str) -> bool:
    """A count summing up the named items its verb governs, closing the clause:
    扩展到石岛东南、成山头西北部|两个水域 — as many items as the count, so the count is the
    object (a target), not a size qualifying a noun (30万千瓦以下小型煤电)."""
    if q.unit not in COUNT_UNITS or not 2 <= q.value <= 10:
        return False
    verbs = list(_VERB_RE.finditer(pre))
    if not verbs:
        return False
    verb = verbs[-1]
    items = _ITEM_SEP.split(pre[verb.end():])
    noun = _COUNTED_NOUN.match(text, q.end)
    if noun is not None and _PROGRAMME.search(noun.group(0)):
        return False  # 深入开展深化林改、…四项行动: how a programme is organised, not a target
    return noun is not None and len(items) == int(q.value) and all(2 <= len(i) <= 12 for i in items)


_FUTURE = re.compile(r"(?<![高升长加降少减])(?<!(?:19[5-9]\d|20\d{2})年)(?<!(?:19[5-9]\d|20\d{2}))到\s*(?:19[5-9]\d|20\d{2})(?=\s*年)(?!\s*年的)|(?:^|[，,]|(?<=[\u4e00-\u9fff])(?<![高升长加降少减提增年截止]))至\s*(?:19[5-9]\d|20\d{2})\s*年(?!\s*的)|(?<![较比])(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?(?:以|之)?前(?!\s*[一二三四五六七八九十两]{1,2}个?(?:季度|月))(?!的)|力争|确保|(?<!共)争取|将(?!近)(?!(?!把)[^，,。；;！？]{1,16}?(?:放在|摆在|放到|摆到|作为|列为|列入|纳入|视为|当作|当成|置于))|(?<![年度划])计划(?!的|面积|任务|指标|目标|单列|指出|提出|明确|规定|显示|表明|称|生育|经济|项目|资金|管理|数|量|内|外|期|书|表)|(?:今年|明年|年内|(?<=\d)\s*年度?)计划(?![的数])(?=[\u4e00-\u9fff])|每年|(?<![主重需只还想不])要(?=(?:再|进一步|全面|基本|全部)?(?:完成|实现|建成|新建|新增|改造|创建|淘汰|培育|打造|有\s*[\d一二两三四五六七八九十百]))|(?<!呈现)(?<!呈)逐年(?![\u4e00-\u9fff]{0,4}(?:趋势|特征|态势))|以后|(?:年|月|日|即日|今后|现在)起"
                     # a list of the year's assigned targets (减排目标任务分别为：…) sets, not reports
                     r"|目标(?:任务)?(?:分别)?(?:为|是)[：:]"
                     # 到“十四五”末…为20%: a plan period's end as the deadline
                     r"|(?<![高升长加降少减截])(?:到|至)\s*[“\"]?十[一二三四五六七八九]五[”\"]?(?:末|期末)"
                     # 2025年目标值为45%, PM2.5浓度目标为35微克/立方米: a value stated as the target
                     r"|目标值?(?:分别)?(?:为|是)\s*(?:约|不低于|不高于|不超过)?\s*[\d一二两三四五六七八九十百]"
                     # 把“能耗降低3%左右”作为2025年发展主要预期目标之一: a goal quoted and named that year's
                     r"|(?:作为|列为|确定为|定为)\s*(?:19[5-9]\d|20\d{2})\s*年[^，,。；;！？]{0,16}?(?:目标|指标)"
                     # 2019年各市(区)空气质量考核指标为，西安市…: the year's assessed targets
                     r"|考核(?:指标|目标)(?:分别)?(?:为|是)[，,：:]"
                     # a year a plan states for its goals (《规划》提出，2020年，…) looks ahead
                     r"|(?:提出|明确|要求|目标是|目标为)[，,：:]?\s*(?:19[5-9]\d|20\d{2})\s*年(?:(?:底|末)?[，,]|内(?=[\u4e00-\u9fff]))")
_OVERFULFIL_GOAL = re.compile(r"\s*(?:力争|确保|争取|全面)?超额完成[^，,。；;了]{0,20}?(?:下达|分解|确定)[^，,。；;了]{0,16}?(?:指标|任务|目标)(?:任务)?[，,；;]")
# (修复/改造/提升/保护/整治/利用/盘活/优化 现有…: the existing things a goal works on, not a report)
_PAST = re.compile(r"过去|以来|这(?:[一二两三四五六七八九十几]|\d{1,2})年(?:间|来|里)|(?<![今未])(?:[一二两三四五六七八九十几]|\d{1,2})多?年来|[“\"]十五[”\"](?:期间|时期|以来)|已经|已(?!有)|(?<![复造升护治用活化])现有(?![^，,；;。]{0,16}?基础上)|共有|超额|同比|较上年|截至|截止|累计安排|共创建|共建成|共完成|"
                   r"实际完成|完成情况|取得了|取得的|共(?:建设|新建|建立|打造|培育|实施|改造|整治|种植|栽植|栽种|新增|认定)|"
                   # progress against an assigned task (占省下达任务15.52万亩的197.8%)
                   r"(?:为|占)[^，,。；;]{0,20}?(?:任务|计划|目标)[^，,。；;]{0,12}?的\s*[\d.]+\s*%|"
                   # 完成年度目标任务的108.6%: more than the whole task done is an outcome (…完成规划目标任务的90% may be a goal)
                   r"完成[^，,。；;]{0,20}?(?:任务|计划|目标)[^，,。；;]{0,12}?的\s*(?!100(?:\.0+)?\s*%)1\d\d(?:\.\d+)?\s*%|(?<!目标)(?<!任务)(?<!指标)分别为|总投资|"
                   # progress judged against a task or a target (为省政府下达任务数的113.92%, 超过3.2%的年度
                   # 约束性目标要求), a ranking, the years just past (近3年): a report
                   r"为[^，,。；;]{0,12}(?:任务|计划|目标)(?:数|量)?的|(?:超过|超额完成|高于|优于)[^，,。；;]{0,12}的[^，,。；;]{1,10}目标|"
                   # 低于国家目标0.3天, 好于省定目标6微克/立方米: how far a result stands from a target
                   r"(?:低于|高于|好于|优于|多于|少于|超出|差于)[^，,。；;\d]{0,8}目标值?\s*[\d.]|"
                   # 增长1%左右，低于预期11个百分点 / 好于下降7%的预期 / 控制在预期4.2%以内 / 实现预期目标: a result against the plan
                   r"(?:低于|高于|好于|优于|超出|超过|快于|慢于|差于)[^，,。；;]{0,10}预期|控制在预期|(?:实现|完成|达到)了?(?:年初|全年|年度)?预期|"
                   # 实现历史性突破，达到4亿吨 / 创历史新高: a record is a result
                   r"历史性(?:突破|跨越|转变|成就)|创(?:历史|有记录以来)|历史新高|"
                   r"提前[^，,。；;]{0,6}(?:完成|实现)|经过?多年(?:的)?(?:努力|建设|治理)|(?<![\d.])近\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*年(?!内)|连续\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*多?年|"
                   r"不变价|(?:^|[，,])(?:截至|截止|至|到)?(?:目前|当前|现阶段)(?!的)|"
                   # 按年增长5.6% (year on year, as 同比); 今年首两个月 (the months so far): a statistic
                   r"按年(?:增长|增加|上升|下降|减少|下跌)|首[一二两三四五六七八九十]{1,2}个月|"
                   r"(?:^|[，,])(?:(?:\d{1,2}|[一二两三四五六七八九十]{1,2})\s*年间|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间)?前[一二两三四]年)[，,]|"
                   # (在去年底的基础上增加9个: last year as the base of a change, not a report)
                   r"(?:去年|上年)(?!底?末?的?基础上)|年来|远超|"
                   r"创有监测|创历史|历史最好|复合增长率|高达|多达|仅为|"
                   r"^(?:这一|该|上述|此)目标|(?:为|占|完成)(?:年度?|全年|年初)(?:计划|目标|任务)(?:目标)?的|"
                   # a part of the current year (1—9月, 前三季度, 上半年 …) dates a statistic
                   r"(?:^|[，,：:]|(?:19[5-9]\d|20\d{2})\s*年|(?<=[\u4e00-\u9fff][县市区省州国]))(?:今年)?(?:上半年|前三季度|第?[一二三四]季度|(?:前|首)(?:[一二两三四五六七八九十]{1,2}|\d{1,2})个月|"
                   r"\d{1,2}\s*月?\s*[—\-－~～至到]\s*\d{1,2}\s*月(?!\d))|(?:^|[，,])(?:目前|当前|现阶段|眼下)[，,]")
# 每年/逐年 inside a sentence about a plan period (“十四五”期间…每年提升1个百分点)
_HABIT = re.compile(r"每年|逐年")
_HABIT_IN_PAST_PERIOD = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|以来)[^。]*?(?:每年|逐年)")
# a ranking (排名第7位, 位居全国前列, 稳居首位) reports where things stand — unless the sentence lies
# in the scope of a year to come (到2025年，…。南宁市…工作位居全国同类城市平均水平以上，…): then it is the goal
_RANK = re.compile(r"(?:全国|全省|全市)首个|排名第|位居|稳居|跃居|位列|名列|居全国|居全省|居全市|(?<![位稳跃])居[\u4e00-\u9fff]{1,5}?第[一二三四五六七八九十\d]|(?:全国|全省|全市|全球|世界)(?:第[一二三四五六七八九十\d]|首位)")
_PERIOD_IN_CLAUSE = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|以来)")
# (round ba: nor the base a share is taken of — 不低于上年供气量的0.5%, 上年最大负荷的0.5% — 上年 then a measure and 的
# right before the share)
_CLAUSE_PAST = re.compile(r"(?<![比较与同])(?:去年|上年)(?!度)(?!底?末?的?基础上)(?![^，,；;。\d]{1,12}的\s*$)"
                          # 目前森林覆盖率为40%，到2025年…: today's level is no goal
                          r"|(?:^|[，,；;])(?:截至)?(?:目前|当前|现阶段)(?!的)"
                          # 另外，全市共建设污泥处置工程11座…，2015年将继续…: the works built so far
                          r"|(?<![一总])共(?:建设|建成|新建|建立|完成|创建|改造|整治|实施)"
                          # 全市…，已建成国省级湿地公园11处…，我市将力争…: the clause done, whatever the sentence's goal
                          # (已率先突破1亿千瓦: an adverb between 已 and the verb)
                          r"|已(?:经)?(?:累计|率先|提前|全面|基本)?(?:建成|完成|建设|创建|实现|达到|达|新增|培育|打造|改造|淘汰|整治|种植|形成|认定|突破|超过"
                          # (台北市2020年已减碳12.9%, 全县已下降8%: a change made is a report as a level reached is)
                          r"|下降|降低|减少|减碳|减量|提高|提升|增长|增加)(?![^，,；;。]*的)"
                          # a goal told as the one first set or the former one (从最初设定2030年减量50%…到…更新为,
                          # 高于原订8%目标, 原目标为20%): a goal since replaced, history — not the target
                          r"|(?:最初|当初|原先|原本)(?:设定|订定|制定|提出|确定|设立)|原(?:订|定(?![于在]))|原目标")
_BARE_OPENS = re.compile(r"\s*(?:19[5-9]\d|20\d{2})\s*年(?!\s*(?:底|末)?\s*(?:以|之)?前)")
_SINCE = re.compile(r"(?:自|从)?\s*((?:19[5-9]\d|20\d{2}))\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:开始|起)")
_HAS_AMOUNT = re.compile(r"\d(?!\s*(?:月|日|时))|[一二两三四五六七八九十百千万]+(?:个|家|座|项|条|处|成|倍)")
_STATEMENT_VERBS = frozenset({"为", ""})
# a spokesman's or reporter's account (介绍/透露/获悉/据悉) with no future marker states figures
# of today; a plan's own requirements (不低于, 控制在 …) are kept
_SPOKEN = re.compile(r"(?:介绍|透露|获悉|据悉|据了解|了解到|表示)\s*[，,：:]")
# 获悉，江西确定“十二五”期间…目标为…下降16%: a goal being set, reported when it was set
# 据悉，根据分解方案，莞城的能耗指标必须从…下降到2010年的…: what a plan requires, told by a reporter
_MUST = re.compile(r"必须|务必|须(?=[\u4e00-\u9fff]{0,4}(?:下降|降低|减少|提高|提升|达到|控制|完成|从|由))|指标要求|目标要求")
# 要/须/需/应 right before a change or a level (…能耗要下降4%以上, 比例须达到90%): what is required, a goal
# a goal stated as such, whatever the calendar says (2018年，某省的目标是…达到210天以上; 2016年全市必须完成3万户…):
# the year's goal, not its result
_STATED_GOAL = re.compile(r"(?<![”\"])目标(?:任务)?(?:是|为)|(?:必须|务必)(?:要)?(?:在|于)?(?:全面|基本)?(?:完成|实现|达到|建成|淘汰|控制在|下降|降低|减少|提高)")
REQUIRED = re.compile(r"(?<![主重需只还想])(?:要|须|应)(?:再|进一步|分别|力争|确保|继续)?(?=下降|降低|减少|削减|压减|提高|提升|增长|增加|达到|控制在|不低于|不少于|不超过|不高于)")
# a goal told (lead, session 12: what a speech tells is read by its own content) — 他表示，我市2027年的目标是…下降3%,
# 介绍，2027年全市主要预期目标是：…, 表示，2027年…能耗要下降3%: content naming goals or a requirement
_TOLD_GOAL = re.compile(r"(?<![”\"])目标(?:任务)?(?:是|为|包括|如下)|(?:预期|主要|奋斗)目标|任务(?:是|为)\s*[：:]|"
                        r"(?<![主重需只还想])(?:要|须|应)(?:再|进一步|分别|力争|确保|继续)?(?=下降|降低|减少|削减|压减|提高|提升|增长|增加|达到|控制在)")
_GOAL_SET = re.compile(r"(?:确定|制定|下达)[^，,。；;]{0,24}?目标(?:是|为)")
_PLAN_REQUIRES = re.compile(r"(?:》|规划|方案|纲要)\s*(?:明确)?(?:提出|要求|明确)\s*[，,：:]")
_ANNUAL = re.compile(r"(?:年均|年平均)(?!\s*(?:浓度|值|降水|气温))")  # 年均浓度 is a measure, not a yearly rate
_RATE_NOUN = re.compile(r"增速|增长率|降幅|下降率|增幅|(?<=年均)(?:增长|下降|降低)|(?<=年平均)(?:增长|下降|降低)")
_LEVEL_DOWN = ("下降到", "下降至", "降低到", "降低至", "减少到", "减少至", "降到", "降至", "压减到", "压减至",
               "压降到", "压降至", "削减到", "削减至", "减至", "减到", "降为", "减少为", "下降为", "降低为",
               "缩小到", "缩小至", "缩减到", "缩减至", "收窄到", "收窄至", "缩短到", "缩短至")


_TITLE = re.compile(r"《[^《》]{0,80}》")
# the years just gone (过去30年间, 过去五年来, 今年首两个月): a statement of them reports, unless a year
# ahead, a plan's intent or its goal is named in the sentence
# (…产生强度逐年下降，2024年达到0.22吨/万元: a trend, then where a bare year stands — a goal says 到2024年)
_YEARS_GONE = re.compile(r"过去(?:的)?\s*(?:\d{1,3}|[一二两三四五六七八九十几]{1,3})\s*多?(?:年|个月)|(?:今年)?首[一二两三四五六七八九十]{1,2}个月"
                         r"|逐年(?:下降|降低|减少|提高|提升|增长|增加|上升)[，,]\s*(?:19[5-9]\d|20\d{2})\s*年(?:已)?(?:达到|达|为|降至|降到|提高到|提升到)")
# the years looked back on (40年来, 多年来, 以来) and 将 as 把 before a move to a level (将森林覆盖率提高到95.5%)
_YEARS_SEEN = re.compile(r"历年|往年|以往|(?:\d{1,3}|[一二两三四五六七八九十几]{1,3})\s*多?年来|多年来")  # (西部大开发10年来，…每年提高1个百分点)
_LOOKED_BACK = re.compile(r"(?:\d{1,3}|[一二两三四五六七八九十几多]{1,3})\s*多?年(?:来|间)|以来")
_BA_JIANG = re.compile(r"将(?!近)[^，,。；;]{1,16}?(?:提高|提升|降低|下降|增加|减少|扩大|压减)(?:到|至)")
_AHEAD_WORD = re.compile(r"(?<![高升长加降少减])到\s*(?:19[5-9]\d|20\d{2})|力争|确保|争取|将(?!近)|计划|目标|要求|今后|未来")


# a plan's outcome told beside it: what was actually done, the share of the plan done, the plan exceeded
_PLAN_OUTCOME = re.compile(r"实际(?:完成|建成|新增|实施)(?!情况|量|数|的)|完成(?:年度|全年)?计划(?:任务)?的\s*[\d.]+\s*%|超额完成(?:年度|全年)?计划")
_PLAN_WORD = re.compile(r"计划")


def is_statement(sentence: str, issue_year: int | None = None, scope_year: int | None = None) -> bool:
    """A sentence that reports what was achieved (过去五年…, 已…, 现有…, 分别为…, 下降了, a
    spokesman's 介绍，…) rather than setting a target: a past marker and no future marker
    (到2025年, 力争, 确保, 每年 …).
    与2015年相比，2020年… is a report unless its bare year is not before the issue year
    (与2020年相比，2025年…降低16% is a target; :mod:`cocontrol.plans.tense`). A sentence opening
    with its base year alone (与2015年相比，…下降18%) inside the scope of a later year
    (``scope_year``: 到2020年，…。与2015年相比，… / a —— item under 到2025年) states the change
    to that year: a target, not a report."""
    if "《" in sentence and _FUTURE.search(sentence) is not None and _PAST.search(sentence) is not None \
            and _FUTURE.search(_TITLE.sub(lambda m: "\u3000" * len(m.group(0)), sentence)) is None:
        return True  # 对照《行动计划》…，2018年…为39微克/立方米，同比下降9.3%: a title's 计划 looks nowhere
    if _YEARS_GONE.search(sentence) is not None and _AHEAD_WORD.search(sentence) is None:
        return True  # 过去30年间，…单位能耗逐年下降，…从3.87吨下降至1.89吨: 逐年 looks back here
    if _LOOKED_BACK.search(sentence) is not None and (ba := _BA_JIANG.search(sentence)) is not None \
            and _AHEAD_WORD.search(sentence[: ba.start()] + sentence[ba.end() :]) is None:
        return True  # 40年来，当地共栽种…，将森林覆盖率提高到95.5%: over the years looked back on, 将 is 把
    if _FUTURE.search(sentence) is not None and _HABIT_IN_PAST_PERIOD.search(sentence) is not None \
            and _FUTURE.search(_HABIT.sub("", sentence)) is None and ("了" in sentence or "已" in sentence):
        # “十四五”期间构建起了…，非化石能源占比每年提升1个百分点: what a period gone did year by year
        period = _PERIOD_IN_CLAUSE.search(sentence)
        if period is not None and period_end(period.group(1)) < (
                ASSUMED_ISSUE_YEAR if issue_year is None else issue_year):
            return True
    if _FUTURE.search(sentence) is not None and _FUTURE.search(_HABIT.sub("", sentence)) is None and (
            reported(sentence, governing=True) or _YEARS_SEEN.search(sentence) is not None
            or (scope_year is None and _PAST.search(sentence) is not None and reported(sentence))):
        # 植被盖度达到了45%，每年有4亿亩草原…休养生息 / 从历年情况来看，全国每年下降4微克: 每年 tells a habit seen so far
        # 全市已累计淘汰了…，共削减年用煤700万吨，每年减少二氧化硫排放5.5万吨: what the work done yields year by
        # year — 每年 is its habit, not a goal's pace, in a sentence that reports (已, a verb with 了)
        return True
    if _PLAN_OUTCOME.search(sentence) is not None and _FUTURE.search(_PLAN_WORD.sub("\u3000\u3000", sentence)) is None:
        return True  # 计划造林8520亩，…实际完成8871亩，完成计划的105%: a plan told with its outcome is how it went (round yb)
    if _FUTURE.search(sentence) is not None:
        ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
        told = REPORT_SAID_GONE.search(sentence)
        if told is not None and int(told.group(1)) < ref and _FUTURE.search(
                sentence[: told.start()] + "\u3000" * (told.end() - told.start()) + sentence[told.end() :]) is None:
            return True  # 报告提出，2025年，全市地区生产总值增长5.4%: a report delivered in 2026 tells the year gone (round vc)
        since = [m for m in _SINCE.finditer(sentence) if int(m.group(1)) < ref]
        if since and _FUTURE.search(_SINCE.sub("", sentence)) is None and _HAS_AMOUNT.search(_SINCE.sub("", sentence)):
            # (从2019年10月1日起执行特别排放限值: a rule taking effect, no amount done since — nothing reported)
            return True  # 自2021年起，全市累计…完成…860个: since a past year, as 以来
        return past_deadline(sentence, issue_year)  # 到2022年底，全市已完成…
    past = _PAST.search(sentence)
    if past is not None and scope_year is not None and (over := _OVERFULFIL_GOAL.match(sentence)) is not None:
        # 到2020年，…。超额完成国家下达的各项指标，非化石能源…达7%以上: to exceed an assigned target is a goal too
        past = _PAST.search(sentence, over.end())
    if past is not None and past.group(0) == "分别为" and re.search(r"要求|目标|指标|任务", sentence[: past.start()]):
        past = _PAST.search(sentence, past.end())  # 甲田和乙湖…指标要求下降幅度…，分别为16%和15%: the values required
    if past is not None and past.group(0).startswith("共") and _FUTURE.search(sentence, 0, past.start()) is not None:
        past = _PAST.search(sentence, past.end())  # 到2026年，全市共新建公园12个: the total a deadline before it sets
    if past is not None or reported(sentence) or _moved_to_past(sentence, issue_year, scope_year):
        return True
    if _RANK.search(sentence) is not None and (
            scope_year is None or scope_year < (ASSUMED_ISSUE_YEAR if issue_year is None else issue_year)):
        return True
    if _SPOKEN.search(sentence) is not None and not any(w in sentence for w in PRESCRIBING) and _GOAL_SET.search(sentence) is None \
            and _MUST.search(sentence) is None and not _moved_ahead(sentence, issue_year) and _TOLD_GOAL.search(sentence) is None \
            and _TASK_HANDED.search(sentence) is None and (  # (记者获悉，…下达…2015年…任务1000万亩: a task told is a goal)
            # 获悉，《方案》提出，“十四五”末，累计建成…: a plan's requirement for a year still ahead is
            # no account of today (记者…了解到，“十四五”时期，全省累计实施… still is)
            _PLAN_REQUIRES.search(sentence) is None or scope_year is None
            or scope_year < (ASSUMED_ISSUE_YEAR if issue_year is None else issue_year)):
        return True  # 发言人介绍，我国…充电桩累计3.5万个，新能源公交车占比77.6%: figures of today
    if scope_year is None and _LEVEL_AND_POINTS.search(sentence):
        return True  # 优良天数比例达86.5%、上升4个百分点: where a level stands and how far it moved
    if scope_year is None and _BASE_CMP.search(sentence) and not _DIGIT_YEAR_AFTER_BASE.search(sentence):
        # 公园数量达到1200座，比2020年增加300座: a level and its change from a base year, with no
        # year it is to reach, no year scope and no future marker, states where things stand
        return True
    if _IS_VALUE.search(sentence) is not None and scope_year is not None and _DIGIT_YEAR_AFTER_BASE.search(sentence) is None:
        return False  # 到2025年，…。…水源达到或优于Ⅲ类比例为100%: a value under a year scope is set
    if _IS_VALUE.search(sentence) is not None:  # 2025年，…比例为100%: a value of a later year is set
        return not future_bare_year(sentence, issue_year, _VERB_RE, after=1)
    compared = _COMPARED.match(sentence)
    if compared is None:
        return False
    if scope_year is not None and scope_year > int(compared.group(1) or compared.group(2)):
        return False
    return not future_bare_year(sentence, issue_year, _VERB_RE)


# 由2020年的56.8%下降到2024年的53.2% / 从“十三五”末的18.49%上升至19.5% / 占比从9.7%提高至…的22.3%: a move from an earlier
# value to a later one; with no future marker and no later year after the issue, a report
# (分别从“十一五”末的90、150立方米下降至2015年的61和105立方米: a list of values moves alike)
_MOVED = re.compile(r"(?:由|从)\s*(?:[^，,。；;]{0,12}?的)?\s*\d[\d.]*(?:\s*[、和及与]\s*\d[\d.]*)*\s*(?:%|[\u4e00-\u9fff/]{0,8}?)\s*"
                    r"(?:下降|降低|减少|提高|提升|增长|增加|上升|增|升|降|扩大|发展)(?:到|至)\s*(?:((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?的)?")


_MOVE_END = re.compile(r"(?:下降|降低|减少|提高|提升|增长|增加|上升|增|升|降|扩大)(?:到|至)\s*((?:19[5-9]\d|20\d{2}))\s*年"
                       r"(?:年?底|年?末)?的\s*$")


def _moved_ahead(sentence: str, issue_year: int | None) -> bool:
    """据悉，…必须从2005年的0.57…下降到2010年的0.42… (in 2007): a move to the level of a year after the
    issue is a goal, not today's figure."""
    m = _MOVED.search(sentence) if ("由" in sentence or "从" in sentence) else None
    return m is not None and m.group(1) is not None and int(m.group(1)) > (
        ASSUMED_ISSUE_YEAR if issue_year is None else issue_year)


def _moved_to_past(sentence: str, issue_year: int | None, scope_year: int | None = None) -> bool:
    """A move from one level to another (由66%提高到73%) with no year after the issue: a report —
    unless the sentence lies in the scope of a year ahead (到2027年，…；森林覆盖率由20%提高到22%；
    …): then the move is the goal to that year. A move to a written past year (提高到2024年的…) reports."""
    ref = ASSUMED_ISSUE_YEAR if issue_year is None else issue_year
    m = _MOVED.search(sentence)
    if m is not None and m.group(1) is None and scope_year is not None and scope_year > ref:
        return False
    if m is not None and re.match(r"\s*[\d.]+\s*(?:%|[\u4e00-\u9fff/]{0,8}?)(?:以上|以下|以内)", sentence[m.end():]):
        return False  # 从目前的40%提高到45%以上: a bound sets the level to reach
    return m is not None and (m.group(1) is None or int(m.group(1)) <= ref)


# 与2015年相比，2020年…减少12.3% / 相比2020年，… / 较2020年，…: the base year opens the sentence
_COMPARED = re.compile(r"^(?:(?:与|同)\s*((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?(?:相比|比较)"
                       r"|(?:相比|相较于?|较|比)\s*((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?(?=[，,]))")
# a level, then its change from a base year (…达到1200座，比2020年增加300座)
_BASE_CMP = re.compile(r"(?:达到|达|突破|为)\s*[\d.]+[^，,；;。]{0,12}[，,]\s*(?:比|较)\s*(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?"
                       r"(?:增加|增长|提高|提升|下降|降低|减少|上升)")
_LEVEL_AND_POINTS = re.compile(r"(?:达到|达|为)\s*[\d.]+\s*%\s*[、，,]\s*(?:比上年)?(?:上升|提高|提升|增加|下降|降低|减少)了?\s*[\d.]+\s*个?百分点")
# a year of its own besides the base year (2025年…比2020年下降) dates the change
_DIGIT_YEAR_AFTER_BASE = re.compile(r"(?<![比较与同以由从\d])(?:19[5-9]\d|20\d{2})\s*年(?!的)")
_IS_VALUE = re.compile(r"(?<![作成认降升高加少低])为\s*[\d一二两三四五六七八九十]")  # (降为/提升为 a level: verbs, not a value stated)
_BAN = re.compile(r"禁止|严禁|不得|不再|不予")
_CONDITION_WORD = re.compile(r"当|若(?!干)|如果|假如|倘若|一旦")
_CONDITION = re.compile(r"(?:^|[，,；;：:])\s*(?:当|若(?!干)|如果|假如|倘若|一旦)[^。；;！？]*?(?:时|的情况下)(?=[，,])")


# a count that names what the clause speaks of rather than an amount to reach:
_PARTITIVE = re.compile(r"[^，,。；;\d]{1,12}?中(?:已|有|共|，|,|的)")  # 35个海湾中已有18个…
_SUBJECT_OF_RATE = re.compile(r"[^，,。；;\d]{1,30}?(?:率|比例|占比|比重)(?:均)?\s*(?:达到|达|为|不低于|不少于|提高到|提高至|保持在?|稳定在|超过)\s*\d")
_LIST_SIZE = re.compile(r"(?:方面|领域|维度|环节|层面|类别)")  # …等五个方面实现标志性成果
_STRUCTURE_BEFORE = re.compile(r"(?:提出|细化提出|包括|涵盖|分为|聚焦|围绕[^，,。；;]{0,20}?提出)\s*$")
# the things counted, then named one by one: by their fields (25件实事涉及养老、托育等领域) or as a list opened after a colon
# (完成三项任务：一是…) — the count is the list's size (not 改造小区120个，涉及居民2万户: an amount after the scope verb)
# the group a rank is taken in (退出全国168个重点城市后20名, 在全省12个地市中排名第3): its size, no amount
_RANK_GROUP = re.compile(r"[^，,。；;\d]{1,12}?(?:(?:中|里)?\s*(?:后|前)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:名|位)"
                         r"|中\s*(?:排名|排位|位列|位居|名列))")
_ITEMS_LISTED = re.compile(r"[^，,。；;：:\d]{0,8}?(?:(?:涉及|涵盖|包括|包含|覆盖)[^，,。；;\d]{1,30}?(?:等|领域|方面)"
                           r"|[：:]\s*(?:一是|首先|第一|[（(]?[一1][）)、.．]))")


_SETS_OUT = re.compile(r"(?:制定|部署|明确|列出|确定|出台|提出了|推出)\s*$")
_PLAN_CONTENT = re.compile(r"(?:主要|重点|具体|政策|工作|配套)?(?:任务|措施|举措|条款|意见|条)(?![\u4e00-\u9fff]{0,2}(?:完成|落实|落地))")
_IDIOM = re.compile(r"千家万户|千方百计|千村万户|万家灯火")  # numerals of a set phrase count nothing


def _count_names(q: Quantity, sentence: str) -> bool:
    """A count that names the things its clause speaks of, not an amount to reach: a part of them (35个海湾中已有
    18个…), the subject of a rate that the clause sets (27个断面优良率达到96.3%), the size of a list (…等五个方面, 提出6项)."""
    if q.unit not in COUNT_UNITS:
        return False
    if any(m.start() <= q.start < m.end() for m in _IDIOM.finditer(sentence, max(0, q.start - 3), q.end + 4)):
        return True
    before = sentence[_clause_start(sentence, q.start) : q.start]
    return (_PARTITIVE.match(sentence, q.end) is not None or _SUBJECT_OF_RATE.match(sentence, q.end) is not None
            or (before.rstrip().endswith("等") and _LIST_SIZE.match(sentence, q.end) is not None)
            or _STRUCTURE_BEFORE.search(before) is not None or _ITEMS_LISTED.match(sentence, q.end) is not None
            or _RANK_GROUP.match(sentence, q.end) is not None
            # 发布《…要点》，制定37项主要任务: the tasks or measures a document sets out, counted
            or (_SETS_OUT.search(before) is not None and _PLAN_CONTENT.match(sentence, q.end) is not None))


def _scope_before(sentence: str, pos: int, default_year: int | None) -> int | None:
    """The scope's year for a peak at ``pos`` — none when that year is written only after it in the sentence
    (…，确保如期实现碳达峰目标，…发布了意见，明确到2025年…: the later clause's year dates the goals after it)."""
    if default_year is None:
        return None
    written = [m.start() for m in re.finditer(rf"{default_year}\s*年", sentence)]
    return None if written and min(written) > pos else default_year


# …177座，将在2027年底前完成 / …3万户，于2026年6月底前全部建成: a deadline clause right after an amount, nothing else in it
_DEADLINE_AFTER = re.compile(r"\s*[，,]\s*(?:并|均)?\s*(?:将|要|须|需|应|计划|力争|确保)?\s*(?:在|于)?\s*((?:19[5-9]\d|20\d{2}))\s*年"
                             r"\s*(?:\d{1,2}\s*月)?\s*(?:底|末)?\s*(?:前|以前|之前)\s*(?:全部|基本|全面)?\s*"
                             r"(?:完成|建成|实现|到位|投运|投产)(?:任务|建设|改造|目标)?\s*(?=[，,；;。！？]|$)")


# 涉及12个乡镇（街道）|3500户: the places an amount of households or people lies in
_PLACES_BETWEEN = re.compile(r"\s*[\u4e00-\u9fff]{0,4}?(?:县|区|市|乡|镇|村|乡镇|街道|社区|小区|行政村|城市|园区)"
                             r"(?:[（(][^（()）]{1,12}[)）])?\s*的?\s*")
_RATING = re.compile(r"瓦|蒸吨|伏安")
_SCOPE_VERB = re.compile(r"(?:涉及|覆盖|惠及|包括|包含|分布在|分布于)\s*$")


def _place_scopes(qs: list[Quantity], sentence: str) -> dict[int, Quantity]:
    """{id(amount): its scope}: a count of places (N个县（市、区）, N个乡镇) standing right before another amount of
    a different unit in the same clause (…涉及16个县554632户居民…) is where that amount lies, not a target; a
    rating right before a noun and its count (2.5千瓦标准机架80万架) is the size of each thing counted."""
    out: dict[int, Quantity] = {}
    for a, b in zip(qs, qs[1:]):
        if a.unit in ("个",) and b.unit != a.unit and not a.bound and _PLACES_BETWEEN.fullmatch(sentence, a.end, b.start):
            out[id(b)] = a
        elif _RATING.search(a.unit) and not a.bound and re.sub(r"^(?:万|亿)", "", b.unit) in COUNT_UNITS \
                and re.fullmatch(r"[\u4e00-\u9fff]{1,8}", sentence[a.end : b.start]):
            out[id(b)] = a  # 新建2.5千瓦标准机架80万架: the rating of each of the things counted
    return out


_COVER_BEFORE = re.compile(r"(?:覆盖|通达|连通|联通|惠及|辐射)(?:全国|全省|全市|全区|全县)?$")
_COVERED_NOUN = re.compile(r"\s*(?:以上|及以上)?\s*的([\u4e00-\u9fff]{1,12}?)(?=[，,；;。、]|$)")
_OF_NOUN = re.compile(r"\s*(?:以上|及以上)?\s*的[\u4e00-\u9fff]")
# a comparison (大于1.7, 不超过800架) in a list that ends in 的 + what is acted on (…的数据中心关停并转, …的企业实施差别电价)
_COMPARED_BEFORE = re.compile(r"(?:大于|小于|高于|低于|超过|不超过|不低于|不高于|不少于|不足|[≥≤><＞＜]=?)\s*$")
_CRITERIA_OF = re.compile(r"(?:以上|以下|以内)?[^，,；;。：:]{0,40}?的[^，,；;。：:的]{1,20}?"
                          r"(?:关停|淘汰|退出|整合|并转|停产|限产|搬迁|整治|改造|实施差别|实施阶梯|实施惩罚|征收|列入|纳入)")
_OF_CAPACITY = re.compile(r"的[\u4e00-\u9fff]{0,8}?(?:能力|产能|库容|容量)(?=[，,；;。、）)]|$)")
# the rest of an amount's clause saying it was done last year or before (6项指标去年提前完成, 3座已建成)
_DONE_LAST_YEAR = re.compile(r"[^，,；;。]{0,12}?(?:去年|上年)(?!度)[^，,；;。]{0,6}?(?:提前|已|已经)?(?:完成|实现|建成|达标)")
_STOCK_WORD = re.compile(r"现有|共有|已有|现存|存量|目前|当前")


def _deadline_after(sentence: str, end: int) -> int | None:
    """The year of a deadline clause right after an amount (…177座，将在2027年底前完成), else None."""
    m = _DEADLINE_AFTER.match(sentence, end)
    return int(m.group(1)) if m is not None else None


_INTENT_BEFORE = re.compile(r"将(?!近)|力争|确保|争取|计划(?!单列)")


def _intent_dates(sentence: str, cstart: int, year: int | None) -> bool:
    """市本级将加快…建设，2022年新增处理能力850吨/日: an intent word in a clause before names what the bare year
    after it is to bring — the year is the intent's, not a base — unless a later goal year follows it in the
    sentence (将…，2020年浓度为40，到2025年降至35: the bare year is the base of that goal)."""
    if year is None or _INTENT_BEFORE.search(sentence, 0, cstart) is None:
        return False
    return not any(int(y) > year for y in _TO_YEAR.findall(sentence))


@lru_cache(maxsize=64)
def _year_dash_ends(sentence: str) -> tuple[int, ...]:
    """Ends of the year-dashes (2030年——) of a sentence, found once (linear)."""
    if "—" not in sentence and "--" not in sentence and "－" not in sentence and "─" not in sentence:
        return ()
    return tuple(m.end() for m in _YEAR_DASH.finditer(sentence))


def _last_year_dash(sentence: str, pos: int) -> int | None:
    """End of the last year-dash (2030年——) before ``pos``, or None."""
    ends = _year_dash_ends(sentence)
    if not ends:
        return None
    i = bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else None


def _task_handed_down(sentence: str, pos: int) -> bool:
    """The amount at ``pos`` is a task handed down (or one of its 其中 parts): a 下达…任务 before it in the sentence and
    no word of progress between (截至目前，完成…1.6万亩 reports how the task went).

    >>> _task_handed_down("下达我市2019年度造林任务12万亩，其中人工造林8万亩", 22)
    True
    >>> _task_handed_down("上级下达造林任务12万亩，截至目前，已完成8万亩", 24)
    False
    """
    handed = _TASK_HANDED.search(sentence, 0, pos)
    return handed is not None and _PROGRESS_TOLD.search(sentence, handed.end(), pos) is None


# 已 telling that the task was handed down (已下达2014年年度任务): the handing down is done, not the task
_HANDED_ALREADY = re.compile(r"已(?:经)?(?=(?:分解)?下达)")


def without_task_progress(sentence: str) -> str:
    """The sentence of a task handed down with the progress told after it blanked (same length: spans stay), from the
    clause that tells it (截至目前，完成…) to the end; and the 已 of 已下达. What the task sets is read as a goal of the
    year it names; how it went so far stays a report.

    >>> without_task_progress("2021年上级下达我县造林任务7.8万亩，截至目前，完成5万亩。").replace("\u3000", "_")
    '2021年上级下达我县造林任务7.8万亩，___________'
    """
    handed = _TASK_HANDED.search(sentence)
    if handed is None:
        return sentence
    sentence = _HANDED_ALREADY.sub(lambda m: "\u3000" * len(m.group(0)), sentence, count=1)
    # (…任务330万亩，任务量居全国首位: the task's rank is told, no progress, and blanked with it)
    # (…任务5万亩，全年完成6万亩: a clause opening on 完成 after the task's amount tells what was done)
    amount = re.search(r"\d", sentence[handed.end():])
    after_amount = handed.end() + (amount.start() if amount is not None else len(sentence))
    progress = min((m for m in (_PROGRESS_TOLD.search(sentence, handed.end()), _RANK.search(sentence, handed.end()),
                                _DONE_CLAUSE.search(sentence, after_amount))
                    if m is not None), key=lambda m: m.start(), default=None)
    if progress is None:
        return sentence
    cut = max(sentence.rfind(c, handed.end(), progress.start()) for c in "，,；;（(）)") + 1
    cut = cut if cut > handed.end() else progress.start()
    return sentence[:cut] + "\u3000" * (len(sentence) - cut)


def find_targets(sentence: str, *, default_year: int | None = None,
                 issue_year: int | None = None, continued: bool = False,
                 statement_checked: bool = False, year_ahead: bool = False,
                 goal_context: bool = False, year_list: tuple[int, ...] = (), task_voice: bool = False) -> list[Found]:
    """Targets of one sentence (clean text); see the module docstring for the rules.

    ``issue_year`` is the year the plan was issued (its date, else the first year of its
    horizon); bare years before it date achievements, not targets (:mod:`tense`).
    ``continued``: the sentence goes on a list of targets ended by ；(…达到5000座左右；专用充换
    电站3000座左右), so a bare number closing a clause is an item of that list.
    ``statement_checked``: the caller has already found that the sentence is no report.
    ``year_ahead``: the caller read the year clause opening the sentence as a scope ahead
    (…2019年6月底前，…；2020年底，…达到75%), so that bare year dates a goal, not a report.
    ``goal_context``: the layout says the text lists goals (an item of a numbered list of
    indicators after targets, a section titled …指标/目标), so a label and its bare value is one.
    ``year_list``: the years a piece before this one (same sentence, up to ；) opened with (到2010年和2020年，
    …；…分别减少10%和20%): a 分别 list of as many values and no years of its own pairs with them in order.
    ``task_voice`` (round ba): the sentence speaks in a plan's voice — it, the sentence leading its paragraph or a heading
    above opens on a task (实施…改造工程。|改造农村5600户分散供热设施): an amount opening the noun of its work, with no year
    or goal marker of its own, is framed by that voice as by a year (:func:`opening_amount`)."""
    picked = _picked_by_value(sentence)
    if picked:  # (2019年PM2.5平均浓度在60至70微克/立方米之间的南甸镇、…: its year dates no goal)
        sentence = _blank_picking_years(sentence, picked)
    if not statement_checked and is_statement(sentence, issue_year, default_year):
        return []
    marks = _year_marks(sentence, issue_year)
    asides = _brackets(sentence) if ("（" in sentence or "(" in sentence) else []
    peaks = peak_targets(sentence, lambda pos: _years_before(marks, pos, asides) or _scope_before(sentence, pos, default_year)) \
        if "峰" in sentence else []
    qs = find_quantities(sentence)
    if "米" in sentence:
        qs = _with_work_lengths(sentence, qs)
    if not qs:
        return peaks
    if "《" in sentence:
        # 发表文章《这个城市拥有1.6万辆电动客车》: a number inside a title names the work, it states no goal
        qs = [q for q in qs if not (sentence.rfind("《", 0, q.start) > sentence.rfind("》", 0, q.start)
                                    and 0 <= sentence.find("》", q.end) < (sentence.find("《", q.end) % (len(sentence) + 1)))]
        if not qs:
            return peaks
    # 0.3%（1天）以内, 18963吨(16.8%): a level restated in brackets right after another is no target
    qs = [q for i, q in enumerate(qs) if i == 0 or sentence[qs[i - 1].end : q.start].strip() not in ("(", "（")]
    # 10、70%以上自然保护区…: the number of a list item opening the sentence is a label, not a value
    qs = [q for q in qs if not (not sentence[: q.start].strip() and sentence[q.end : q.end + 1] == "、"
                                and re.fullmatch(r"\d{1,2}", sentence[q.start : q.end]))]
    if not qs:
        return peaks
    if picked:  # (…在60至70微克/立方米之间的南甸镇、温塘镇…: the bounds of the band picking the places are no goal)
        qs = [q for q in qs if not any(a <= q.start < b for a, b in picked)]
        if not qs:
            return peaks
    # 完成涉及12个乡镇（街道）3500户居民的改造: a count of places right before another amount is its scope
    scoped_by = _place_scopes(qs, sentence)
    if scoped_by:
        scopes = {id(v) for v in scoped_by.values()}
        qs = [q for q in qs if id(q) not in scopes]
    marked_future = _FUTURE.search(sentence) is not None
    # a sentence inside the scope of a year clause (到2025年，…。——…利用率98%) looks ahead too
    future = marked_future or default_year is not None or future_bare_year(sentence, issue_year, _VERB_RE)
    first_clause_end = _clause_start(sentence, qs[0].start)
    # 力争 before the first target clause, or opening it after the year (2022年底前，力争…达到70%，
    # …不低于80%), covers every target of the sentence
    strive_all = ("力争" in sentence[:first_clause_end + 1] or "力争" in sentence[: qs[0].start][:12]
                  or sentence[first_clause_end : qs[0].start].lstrip().startswith("力争"))
    conditions = [m.span() for m in _CONDITION.finditer(sentence)] if _CONDITION_WORD.search(sentence) else []
    # 山西累计建成244座智能化煤矿，将于2027年基本实现…: a sentence undated before its first intent, where that intent opens
    # a later clause with 将 (the same subject's next step): the clauses before it tell where things stand
    first = _FUTURE.search(sentence) if default_year is None and not continued else None
    then_at = first.start() if first is not None and first.group(0).startswith("将") and first.start() > 0 \
        and sentence[first.start() - 1] in "，," and not _GOAL_WORD.search(sentence, 0, first.start()) else None
    out: list[Found] = []
    prev_base: int | None = None
    found_before = continued
    prev_names: list[str] = []  # the indicators the group before listed (A、B分别…)
    index_of = {id(q): i for i, q in enumerate(qs)}
    starts: set[int] = set()  # quantities a change starts from (由2020年的X下降至…)
    # 在2020年…的基础上 phrases and 2010年…基数是X statements of the sentence, found once (linear in the sentence)
    base_spans = [m.span() for m in _BASE_PHRASE.finditer(sentence)] if "基础上" in sentence else []
    base_values = list(_BASE_VALUE.finditer(sentence)) if "基" in sentence else []
    # 甲市、乙市2市为一类地区，…: classes of places whose goals follow, found once
    class_namings = list(PLACE_CLASS_NAMED.finditer(sentence)) if "类" in sentence else []
    for group in _groups(qs, sentence):
        head = group[0]
        cstart = _clause_start(sentence, head.start)
        pre = sentence[cstart : head.start]
        place_measure = ""  # the place and measure of an item of a list of places with a value each
        cut = max((b for _, b in picked if cstart < b <= head.start), default=None)
        if cut is not None:
            cstart, pre = cut, sentence[cut : head.start]  # (…之间的|南甸镇、温塘镇的PM2.5平均浓度: the places open the clause)
        if id(head) in scoped_by:  # the verb before the places' count governs the amount after them
            q0 = scoped_by[id(head)]
            lead = _SCOPE_VERB.search(sentence[cstart : q0.start])
            pre = sentence[cstart : cstart + lead.start() if lead else q0.start]
            if _RATING.search(q0.unit):
                pre += sentence[q0.end : head.start]  # 新建|标准机架: the things counted are the object
        # 控制水泥熟料产能在18亿吨: the verb split around its object reads as 水泥熟料产能控制在 (same length)
        # (提高能效标杆水平产能占比至30% → 能效标杆水平产能占比提高至)
        pre = _SPLIT_VERB.sub(lambda m: m.group(3) + (m.group(1) or m.group(2)) + m.group(0).rstrip()[-1]
                              + m.group(0)[len(m.group(0).rstrip()) :], pre)
        verb = _verb_before(pre)
        work_after = _WORK_AFTER.match(sentence, group[-1].end) if verb is None and len(group) == 1 and (
            _WORK_ON.search(pre)) else None
        if work_after is None and (verb is None or verb[0] == "为") and len(group) == 1 and head.unit in COUNT_UNITS \
                and _SERVED.search(pre) and (served := _SERVED_WORK.match(sentence, group[-1].end)) is not None:
            work_after = served  # 为8000名独居老人安装报警器: how many the work is done for is its amount
        if work_after is not None:
            # 对5座排涝泵站进行全面维修改造, 对全县17所中心幼儿园全面提档升级: the count in the 对-phrase is the amount of the
            # work done on it (read as 维修改造5座排涝泵站)
            pre += work_after.group("verb")
            verb = _verb_before(pre)
        if verb is not None and _EACH_HAS.fullmatch(verb[0]) is not None and not sentence[head.start].isdigit():
            continue  # (round ba) 每个站点有一个便民服务窗口: 一个 with 有 describes, a count in figures sets a norm
        last_bound = group[-1].bound
        next_count = (len(group) == 1 and not pre.strip() and head.unit in COUNT_UNITS and bool(out)
                      and out[-1].relation == "=" and out[-1].quantity.unit in COUNT_UNITS
                      and _NOUN_ONLY.match(sentence, head.end) is not None)
        handed_down = _HANDED_DOWN.search(pre) is not None and _TASK_CLAUSE_END.match(sentence, group[-1].end) is not None
        # 规划建设30处口袋公园: the amount opening the noun its verb works on is no attribute of that noun
        opened_here = len(group) == 1 and opening_amount(sentence, head, pre, dated=default_year is not None or task_voice, ref_year=(
            ASSUMED_ISSUE_YEAR if issue_year is None else issue_year))
        if not next_count and not handed_down and not opened_here \
                and _is_attribute(sentence, group[-1], pre if len(group) == 1 else "新增"):
            continue
        if any(a <= head.start < b for a, b in base_spans):
            continue  # 在2020年提高节能30%的基础上再提升30%: the change that made the base is no target
        if _MOVE_FROM.search(pre) and _MOVE_TO.match(sentence, group[-1].end):
            starts.update(id(q) for q in group)
            continue  # 分别从2020年的60、40立方米下降至50和30立方米: the levels the change starts from
        prev_q = qs[index_of[id(head)] - 1] if index_of[id(head)] > 0 else None
        if prev_q is not None and sentence[prev_q.end : head.start].strip() in ("(", "（"):
            continue  # 0.3%（1天）以内: the same level restated in another unit
        if _COMPARED_BEFORE.search(pre) and _CRITERIA_OF.match(sentence, group[-1].end):
            continue  # 推进PUE大于1.7、单体规模不超过800架…的小散老旧数据中心关停并转: what marks the things acted on
        moved = _MOVE_END.search(sentence, max(0, head.start - 24), head.start)
        if moved is not None and int(moved.group(1)) < (ASSUMED_ISSUE_YEAR if issue_year is None else issue_year):
            continue  # 由2020年的23%提高到2023年的25%，到2025年达到30%: the level a past year reached reports
        if then_at is not None and group[-1].end <= then_at and _years_before(marks, head.start, asides) is None \
                and _FUTURE.search(sentence, cstart, head.start) is None and not REQUIRED.search(pre) \
                and _deadline_after(sentence, group[-1].end) is None:  # (…177座，将在2019年底前完成: its deadline)
            continue  # 全省供电可靠率达到99.8%，将在年底前实现…: where things stand before what comes next
        if not future and _EVENT_DONE.search(sentence) is not None:
            continue  # 某市日前集中交付了100辆新能源出租车，全市新能源出租车占比超六成: the news goes on, no goal
        if not future and re.search(r"(?:在|占)(?:全国|全球|世界)[^，,。；;\d]{0,6}?(?:占比|比重)?", pre) is not None:
            continue  # 太阳能资源在全国占比超五分之一: where a place stands in the country, told with no intent
        if _SOME_OF.match(pre) and not marked_future:
            continue  # 有的省份…占比超过50%，有的省份不到10%: how some of a set stand, no goal of the set
        if _BAN.search(pre) or any(a <= head.start < b for a, b in conditions):
            continue  # 禁止新建…; 当储能系统容量达到100MW…时: a condition, not a goal
        if marked_future and past_bare_year(sentence, head.start, issue_year) and _FUTURE.search(pre) is None \
                and _BARE_OPENS.match(pre) and not (verb is not None and verb[0] in PRESCRIBING) \
                and not re.search(r"目标|需|要|应|须|将(?!近)|计划|要求", pre) \
                and _years_before(marks, head.start, asides) not in _goal_years(sentence, default_year) \
                and not _intent_dates(sentence, cstart, _years_before(marks, head.start, asides)):
            continue  # 2020年全市PM2.5浓度为40微克/立方米，到2025年降至35…: the past year's level is the base
            # (到2022年，…；2022年全省新开工装配式建筑600万平方米: the goal's own year is no past year)
        if not marked_future and past_bare_year(sentence, head.start, issue_year) and not (
                (verb is not None and verb[0] in PRESCRIBING) or last_bound == "以内") and not (
                _task_handed_down(sentence, head.start)) and not (
                # 2016年全省…能耗要下降4%以上，…用水量下降5%: what that year required, not what it did
                (REQUIRED.search(sentence, 0, head.start) is not None or _STATED_GOAL.search(sentence, 0, head.start) is not None)
                and not reported(sentence)) and not (
                # the caller read this very year as a scope ahead (…6月底前，…；2020年底，…达到75%)
                (year_ahead or continued) and default_year is not None
                and _years_before(marks, head.start, asides) in _goal_years(sentence, default_year)) and not (
                # …将加快A建设，2022年新增…；加快B建设，2023年新增…: a piece going on a list of goals after ；
                # with a bare year of its own, not before the scope's, goes on that list
                continued and (_BARE_OPENS.match(pre) is not None or _YEAR_LIST.match(pre) is not None) and (
                    default_year is None or (_years_before(marks, head.start, asides) or 0) >= default_year)) and not (
                # 2019年全市PM2.5浓度不高于58…，优良天数达到215天以上: the clauses before set goals of this
                # very year (不高于): the sentence lists that year's goals, not its results
                verb is not None and verb[0] in ("达到", "达", "不低于", "不少于", "超过", "保持在", "稳定在", "控制在") and cstart > 0
                and sentence[cstart - 1] in "，,、；;" and out and out[-1].year is not None
                and out[-1].year == _years_before(marks, head.start, asides)
                and any(w in sentence[: head.start] for w in PRESCRIBING)):
            # (…到2022年，…达到70%；…，2022年全省新开工…600万平方米: the piece goes on the goal's year)
            continue  # 2021年全省完成营造林面积1065万亩: an achievement of a past year
        since = sentence.rfind("以来", 0, head.start)
        if since >= 0 and _FUTURE.search(sentence, _clause_start(sentence, since), head.start) is None:
            continue  # 2020年以来，全市累计完成造林100万亩，到2025年…: what was done since, not the goal
        period = _PERIOD_IN_CLAUSE.search(pre)
        if period is not None and _FUTURE.search(pre) is None and _GOAL_SET.search(pre) is None and period_end(
                period.group(1)) < (ASSUMED_ISSUE_YEAR if issue_year is None else issue_year):
            continue  # …每年编制行动方案，“十三五”期间二氧化碳累计下降21.69%: a past period's result
        if (done := _CLAUSE_PAST.search(pre)) and _FUTURE.search(pre) is None and not (
                # 到2026年，全市共新建公园12个: 共 totals what a deadline before it in the sentence sets
                done.group(0).startswith("共") and _FUTURE.search(sentence, 0, cstart) is not None):
            # (…将建成16座加氢站，目前已建成4座，立项6座: a verbless item after the clause done goes on its report)
            found_before = False
            continue  # 该市去年的优良天数为300天，今年计划达到310天以上: last year's figure is no goal
        if _DONE_LAST_YEAR.match(sentence, group[-1].end):
            continue  # 17项主要指标中，6项指标去年提前完成，其余…将完成: a count of what was done last year
        if _MEETS_NEED.search(pre) and _NEED.match(sentence, group[-1].end):
            continue  # 能够满足超过2000万辆电动汽车充电需求: what the target serves, not a target
        if (head.unit.endswith("元") or head.unit in ("万", "亿", "万亿")) and _SPENDING.search(pre):
            continue  # money spent or allocated (安排资金2亿元) is a means, not a target
        covered = False
        if verb is None:
            tail = sentence[group[-1].end : group[-1].end + 1]
            if group[-1].unit.endswith("元") and sentence.startswith(CURRENCIES, group[-1].end):
                # 国内生产总值2015亿元人民币，增长9%: the money named after the amount, then the clause ends
                money = next(c for c in CURRENCIES if sentence.startswith(c, group[-1].end))
                tail = sentence[group[-1].end + len(money) : group[-1].end + len(money) + 1] or "。"
            after = group[-1].end
            if (aside := _PART_ASIDE.match(sentence, after) or _GLOSS_ASIDE.match(sentence, after)) is not None:
                # 城区学校10所（含幼儿园4所）、乡镇学校15所: the part a bracket names stands aside, the item goes on after it
                # (round ba: so does a gloss of the item — 绿化面积360亩(荒山及通道)、…; 退化林修复2万亩(立项1.2万亩)；…)
                after = aside.end()
                tail = sentence[after : after + 1]
            opened_at = max(sentence.rfind("（", 0, head.start), sentence.rfind("(", 0, head.start))
            # （含幼儿园4所）: a part named inside the bracket, closed by it as by a comma
            part_inside = tail in "）)" and bool(tail) and opened_at >= cstart and _PART_ASIDE.match(sentence, opened_at) is not None
            # …3000座左右、充电基础设施5.5万台左右: an item of a 、 list of (name, number) pairs
            # ends its clause as a comma would
            ends_clause = tail in _CLAUSE or after == len(sentence) or (tail.isspace() and bool(tail)) or (
                # …治理任务1.86亿亩，封禁保护面积0.9亿亩等一系列目标任务: the last item before 等 closing the list
                tail == "等" and _ETC_GOALS.match(sentence, group[-1].end) is not None) or part_inside
            pair_item = tail == "、" and _PAIR_NEXT.match(sentence, after) is not None
            # 形成500万吨标准煤左右节能能力: an amount formed (形成两个开发区 counts no goal of its own)
            created = _CREATE.search(pre.rstrip()) is not None or (
                head.unit not in COUNT_UNITS and pre.rstrip().endswith("、")
                and _CREATE.search(_LISTED_BEFORE.sub("", pre.rstrip())) is not None) or (
                # (round ad) 推进30个老旧小区和|12个城中村改造: a count after counts the verb took (read as goals of this
                # clause: not 包括推进4条高速公路、|8条…, the parts of a programme named), joined by 、/和/及
                head.unit in COUNT_UNITS and pre.rstrip().endswith(("、", "和", "及")) and bool(out) and "包括" not in pre
                and out[-1].quantity.start >= cstart and _LISTED_BEFORE.search(pre.rstrip()) is not None
                and _CREATE.search(_LISTED_BEFORE.sub("", pre.rstrip())) is not None) or (
                pre.rstrip().endswith("形成") and head.unit not in COUNT_UNITS)
            pct_subject = (head.unit == "%" and not ends_clause and (
                _PCT_SUBJECT_VERB.search(sentence, head.end, head.end + 40) is not None
                or re.match(r"[\u4e00-\u9fff]{1,6}化", sentence[head.end :]) is not None
            )) or (not pre.strip() and (_SUBJECT_AMOUNT.match(sentence, group[-1].end) is not None or (
                head.unit in COUNT_UNITS and future and _COUNT_SUBJECT.match(sentence, group[-1].end) is not None)))
            listed = ((ends_clause and (found_before or (_BARE_AFTER.search(pre) is not None and future)))
                      or (pair_item and found_before))
            # 配电网供电可靠率在99.893%以上: a rate stated 在 a bounded level is that level
            listed = listed or (ends_clause and group[-1].bound in ("以上", "以下", "以内")
                                and _BARE_AFTER.search(pre.rstrip().removesuffix("在")) is not None)
            # an indicator list without verbs, in a goal context: 2025年主要指标：森林覆盖率45%；…
            # / ——森林覆盖率：45%以上；(the label before the colon names the number)
            label = pre
            if not pre.strip(" —-") and cstart > 0 and sentence[cstart - 1] in "：:":
                label = sentence[_clause_start(sentence, cstart - 1) : cstart - 1]
            labelled = (ends_clause or pair_item) and _LIST_LABEL.search(_HEDGE_END.sub("", label.rstrip())) is not None and (
                future or default_year is not None or goal_context
                or _GOAL_WORD.search(sentence, 0, head.start) is not None)
            # 2026年工作目标：新能源公交车200辆，充电桩500个: after a goals lead (or in a goals section, goal_context), a noun
            # and its number is an item, whatever it counts — not a part of the plan (重点工程5项: _PLAN_PARTS)
            itemised = (ends_clause or pair_item) and not labelled and _ITEM_NAME.fullmatch(pre.strip(" —-·•")) is not None \
                and _PLAN_PARTS.search(pre.rstrip()) is None and (goal_context or _ITEMS_LEAD.search(sentence, 0, cstart) is not None)
            labelled = labelled or itemised
            if labelled:
                pre = re.sub(r"^[\s—\-·•]+", "", label.rstrip(" ：:"))
            # PM2.5年均浓度目标：东岭县32、西岭县35微克/立方米: a measure before a colon, then each place with its value
            placed = (ends_clause or tail == "、") and (measure := _measure_by_place(sentence, head.start, pre)) is not None and (
                future or default_year is not None or goal_context or _GOAL_WORD.search(sentence, 0, head.start) is not None)
            if placed:
                labelled, place_measure = True, re.split(r"[、，,；;]", pre)[-1].strip() + measure
            # 比2020年翻一番 / 较2005年减半: the multiple (the half) is its own verb
            doubled = head.numeral.startswith(("翻", "减半"))
            # 锚定2030年全省风电、光伏装机1亿千瓦以上、…的目标: the level a goal names
            goal_object = _GOAL_NOUN_VERB.search(sentence, 0, head.start) is not None and \
                _GOAL_CLAUSE_END.match(sentence, group[-1].end) is not None
            goal_object = goal_object or handed_down
            counted = (future or default_year is not None) and count_doer(sentence, group[-1], pre)
            # 新增：光伏发电32GW；…: the verb before a colon governs the list after it
            colon_verb = cstart > 0 and sentence[cstart - 1] in "：:" and _CREATE.search(
                sentence[_clause_start(sentence, cstart - 1) : cstart - 1].rstrip()) is not None
            # 2030年私人领域新增和更换车辆100%为新能源汽车: the share of the subject that is X
            share_is = head.unit == "%" and _SHARE_IS.match(sentence, group[-1].end) is not None
            # 覆盖80%以上的大城市 / 通达95%的建制村: the share of what is covered or reached
            covered = head.unit == "%" and _COVER_BEFORE.search(pre.rstrip()) is not None \
                and _OF_NOUN.match(sentence, group[-1].end) is not None
            created = created or covered
            # 主城区加油站177座，将在2027年底前完成: the amount of work a deadline clause after it sets
            # (全市现有加油站177座，2027年底前完成改造: a stock counted, the work after it is not this amount)
            due = _deadline_after(sentence, group[-1].end) is not None and _STOCK_WORD.search(pre) is None
            # 2030年——…制氢产能30万吨/年，加氢站70座，7000辆氢燃料电池汽车: an item of a year-dash list
            dash = _last_year_dash(sentence, head.start)
            if dash is not None and re.search(r"[。！？]", sentence[dash : head.start]):
                dash = None
            if dash is not None and dash >= cstart:
                pre = sentence[dash : head.start].lstrip(" —-")  # (2035年——加氢站400座: the name after the dash)
            dashed = dash is not None and (ends_clause or (not pre.strip() and _NOUN_ONLY.match(sentence, group[-1].end) is not None))
            dash_noun_after = dashed and not pre.strip()
            # 其中50%的园区…低于0.3吨标准煤/万元 / 其中50%低于…: the share of the whole reaching a better level
            partitive = head.unit == "%" and not head.bound and len(group) == 1 and _PARTITIVE_SHARE.fullmatch(pre) is not None \
                and cstart > 0 and (future or default_year is not None) and re.match(
                    r"的?[^，,。；;]{0,30}?(?:低于|高于|优于|达到|不低于|不高于|超过|小于|大于)", sentence[head.end :]) is not None
            share_done = head.unit == "%" and (future or default_year is not None) and _SHARE_DONE.match(sentence, group[-1].end) is not None
            framed = (ends_clause or pair_item or last_bound in ("以上", "以下", "左右", "以内")) \
                and framed_amount(sentence, head.start, group[-1].end, pre, head.unit)
            opened = opened_here  # 规划布局18个综合公园: the amount opening its noun
            framed = framed or opened
            tasked = _TASK_NAMED_BEFORE.search(pre) is not None
            if not (created or pct_subject or listed or labelled or doubled or goal_object or counted or tasked
                    or colon_verb or share_is or next_count or due or dashed or partitive or share_done or framed):
                continue
            verb_word, verb_pos = "", len(pre)
            # (an item counting things is a bare number, =; an indicator's label takes its direction)
            list_item = labelled and not (created or pct_subject or listed or itemised)
        else:
            list_item = dash_noun_after = partitive = False
            # 建成人民路、解放路等12条背街小巷: the things a 等 list totals are named by the noun the count opens
            opened = opened_here and pre.rstrip().endswith("等")
            if opened and (listed := _WORKED_LIST.search(pre)) is not None \
                    and (own := _verb_before(pre[: listed.end("verb")])) is not None:
                verb = own  # 开工建设万达、曲江等6个…: the verb opening the list governs, not a 达 inside a name
            verb_word, verb_pos = verb
            if verb_word in ("为", "占", "拥有") and not future:  # 城区面积占全国2%: a fact, not a goal
                continue
        after_verb = pre[verb_pos + len(verb_word) : verb_pos + len(verb_word) + 1]
        if verb_word in REDUCE + INCREASE and after_verb in ("到", "至"):
            verb_word = verb_word + after_verb
        strive = strive_all or "力争" in pre or re.search(r"(?<![共已])争取(?![到得了])", pre) is not None  # 争取控制在…内
        annual = (_ANNUAL.search(pre) is not None and (
            verb_word in REDUCE + INCREASE or _RATE_NOUN.search(pre) is not None
            # 年均蓄积量净增达2000万立方米: the yearly net gain is an annual amount
            or re.search(r"(?:年均|年平均)[\u4e00-\u9fff]{0,8}?(?:净增|净减|新增|增加|减少)", pre) is not None
        )) or ("每年" in pre and verb_word in REDUCE + INCREASE)
        bases = re.findall(r"(?:(?<![占对])比|较)\s*((?:19[5-9]\d|20\d{2}))\s*年", pre)
        if not bases and verb_word in REDUCE + INCREASE:
            bases = [m.group(1) for m in _BASE_PHRASE.finditer(pre)]
        if not bases and head.numeral == "减半":
            bases = [m.group(1) for m in _FROM.finditer(pre)]  # 从2005年的水平减半: the level halved is the base
        base_year = int(bases[-1]) if bases else None
        if base_year is None and verb_word in REDUCE + INCREASE and not annual:
            # 相较于“十三五”末，…增长10%: the base is the last year of that plan
            pb = _PERIOD_BASE.search(sentence, 0, head.start)
            base_year = period_end(pb.group(1)) if pb else None
        if base_year is None and verb_word in REDUCE + INCREASE and not annual:
            compared = _COMPARED.match(sentence) or re.search(
                r"(?:与|同)\s*((?:19[5-9]\d|20\d{2}))\s*年(?:相比|比较)", sentence[: head.start])
            base_year = prev_base or (int(compared.group(1) or compared.group(2)) if compared else None)
        prev_base = base_year if base_year is not None else prev_base
        fen = "分别" in pre or re.search(r"(?:(?<![年平])均|各)(?=(?:(?:比|较)\s*(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?)?"
                                          + re.escape(verb_word or "@") + ")", pre) is not None or (
            # 光伏、风电装机容量各1000万千瓦: 各 right before the value gives it to each listed item
            re.search(r"[\u4e00-\u9fff]各\s*$", pre) is not None and re.search(r"[、和及与]", pre) is not None)
        years: list[int] = []
        place_names: list[str] = []
        if fen and len(group) > 1:
            # 杭州市于2023年、宁波市于2024年、温州市于2025年…分别达到60%、58%、55%: place, year and value in order
            for pm in _PLACE_YEARS.finditer(sentence, max(0, head.start - 200), head.start):
                pairs = [(x.group(1), int(x.group(2))) for x in _PLACE_YEAR.finditer(pm.group(0))]
                if len(pairs) == len(group):
                    place_names, years = [p for p, _ in pairs], [y for _, y in pairs]
            for ym in _YEAR_LIST.finditer(sentence, max(0, head.start - 200), head.start):
                ys = [int(y.group(1)) if y.group(1) else period_end(y.group(2)) for y in _LISTED_YEAR.finditer(ym.group(0))]
                if len(ys) == len(group) and not place_names:
                    years = ys
            if not years and len(year_list) == len(group) and not re.search(
                    r"(?:19[5-9]\d|20\d{2})\s*年", re.sub(r"(?:比|较|与|同)\s*(?:19[5-9]\d|20\d{2})\s*年", "", sentence[: head.start])):
                years = list(year_list)  # 到2010年和2020年，…；…分别比2005年减少10%和20%: the opening's years go on
            if not years:  # 2020-2022年…分别达65%、70%、80%: one value per year of the range, in order
                for rm in _RANGE.finditer(sentence, max(0, head.start - 200), head.start):
                    a, b = int(rm.group(1)), int(rm.group(2))
                    in_title = sentence.rfind("《", 0, rm.start()) > sentence.rfind("》", 0, rm.start())
                    # 《2024—2025年…方案》…2024年，…分别降低2.5%左右、3.9%左右: the title's range is the plan's
                    # period, and a year named after the range dates the list
                    if in_title or re.search(r"(?:19[5-9]\d|20\d{2})\s*年", sentence[rm.end() : head.start]):
                        continue
                    mid = sentence[rm.end() : head.start]
                    mid = mid[: mid.find("分别")] if "分别" in mid else mid
                    if mid.count("、") >= len(group) - 1:
                        continue  # 2014~2015年，全省单位生产总值能耗、二氧化碳排放要分别降低2.4%和2.3%: one value per measure
                    if b - a + 1 == len(group):
                        years = list(range(a, b + 1))
        # an item of a 、 list of the same clause (建成充电桩24万个、换电站300座) is named from
        # the text after the previous item
        cut, count_after_and = 0, False
        for q in reversed(qs[: index_of[id(head)]]):  # nearest earlier quantity of the clause
            if q.start < cstart:
                break
            if id(q) in starts:
                continue  # 从2020年的60、40立方米下降至…: the start list is part of the name's clause
            if sentence[q.end] == "、":
                cut = q.end - cstart
                break
            if verb is not None and _NEXT_WORK.match(sentence, q.end) and q.end - cstart <= verb[1]:
                cut = q.end - cstart  # 硬化道路10万平方米并安装太阳能路灯1000盏: the second work is named from its own verb
                break
            if re.fullmatch(r"[^，,。；;、\d]{2,16}(?:和|及|以及|与)", sentence[q.end : head.start]):
                # 建成30个绿色园区和300家绿色工厂: the count after 和 is named by the noun after it
                cut, count_after_and = head.start - cstart, True
                break
        ind_text = (pre[cut:verb_pos] if verb is not None else pre[cut:]).replace("分别", "")
        # 在现有基础上提升10个百分点: the base a change starts from names nothing (the subject is the clause's before)
        ind_text = _ON_TODAYS_BASE.sub("", ind_text)
        ind = _indicator(ind_text)
        obj = re.sub(r"(?:(?:剩余|其余|余下|剩下)的?)?(?:大约|约|将近|近)?$", "", _YEARISH.sub("", pre[max(verb_pos, cut):]).strip("，,、 "))
        opened_noun = _OPENED_NOUN.match(sentence, head.end) if opened else None
        if opened_noun is not None:
            ind = opened_noun.group(0)  # 规划布局18个综合公园 → 综合公园: the noun the amount opens
        elif ind and coordinated(ind) and len(obj) > len(verb_word):
            ind = ind + ("、" if ind_text.rstrip().endswith("、") else "") + obj  # 建成或 + 改造综合能源港
        elif not ind.strip() or is_place(ind) or _CREATE.fullmatch(ind):
            # 累计淘汰落后燃煤机组30万千瓦 → the verb and its object name the target; a bare
            # 控制在1200万吨以内 continues the subject of the clause before; 建设10个示范区 → the noun after
            # (2至3个示范园区: the noun follows the range's high end)
            tail_end = group[-1].end if len(group) > 1 and _RANGE_GAP.fullmatch(
                sentence, group[0].end, group[1].start) else head.end
            after = re.match(r"[^，,。；;、]+?(?=(?:和|及|以及|与)\d|[，,。；;、]|$)", sentence[tail_end :])
            has_object = len(obj) > len(verb_word) and _VERB_RE.fullmatch(obj) is None  # not 达|到
            if (count_after_and or dash_noun_after) and after:
                ind = after.group(0)
            else:
                ind = (strip_place(object_name(obj)) if has_object else "") or (
                    out[-1].indicator if out else "") or (after.group(0) if after else "") or (
                    _previous_subject(sentence, cstart) or verb_word)
        elif verb_word == "改造" and pre.rstrip().endswith(verb_word):
            ind += verb_word  # 开展退化林修复和低效林改造5万亩: the work, not the forest
        elif out and (scoped := in_scope_of(ind, out[-1].indicator)):
            ind = scoped  # 市区建成区道路机械化清扫率达到90%，县城达到80% → 县城道路机械化清扫率
        elif len(ind) <= 2 and out and out[-1].indicator.endswith(ind):
            ind = out[-1].indicator  # 多式联运货运量年均增长10%，运量达到1850万吨
        if partitive:
            clause_end = min([i for i in (sentence.find(c, head.end) for c in "，,。；;") if i >= 0] or [len(sentence)])
            ind = sentence[head.end : clause_end].removeprefix("的") + "的比例"
        parts = share_tail([p for p in re.split(r"[、]", ind) if p])
        if fen and len(group) > 1 and len(parts) != len(group):  # 能耗和二氧化碳排放分别下降14%和18%
            joined = share_tail([p for p in re.split(_AND, ind) if p])
            parts = joined if len(joined) == len(group) else parts
        names: list[str] = []
        if fen and len(parts) == len(group) > 1 and not years:
            names = parts
        elif len(parts) == len(group) > 1 and not years and all(2 <= len(p) <= 24 for p in parts):
            # 煤炭、原油、天然气产量7.8亿吨、2470万吨、350亿方: as many names as values pair in order
            # without 分别
            names = parts
        elif fen and len(group) == 1:
            parts = share_tail([p for p in re.split(_AND, ind) if p])  # 化肥、农药利用率均…
            if len(parts) > 1 and len([p for p in re.split(_AND, re.sub(r"[（(][^（()）]*[)）]", "", ind)) if p]) < 2:
                parts = [ind]  # 所有县(市、区)的…保护率均达到60%: the list inside brackets glosses one kind, no list of names
            # 新增和更新公共汽电车中…比例分别不低于80%: two verbs of one noun are no list of names
            if len(parts) > 1 and not re.match(r"(?:新增|新建|新购|更新|更换|改造|建成)(?:和|及|与|或)", ind):
                names = parts
        elif len(group) == 1 and verb_word in REDUCE + INCREASE and _POLLUTANTS.match(ind) \
                and len(_AND.split(ind)) > 1:
            # 氮氧化物和VOCs排放总量比2020年下降10%以上: each pollutant of the list takes the change
            parts = share_tail([p for p in _AND.split(ind) if p])
            if all(_POLLUTANTS.match(p) for p in parts):
                names = parts
        elif len(group) == 1 and "、" in ind:
            # 畜禽粪污资源化利用率、农膜回收利用率达到80%: a list of whole indicators, each
            # named with its own measure, shares the one value (no 分别/均 needed)
            parts = [p for p in ind.split("、") if p]
            if len(parts) > 1 and all(len(p) >= 4 and _RATE_NAME.search(p) for p in parts):
                names = parts
            elif len(parts) > 1 and verb_word in REDUCE + INCREASE and head.unit == "%" \
                    and all(len(p) >= 4 and MEASURED.search(p) for p in parts):
                # 单位GDP用水量、单位工业增加值用水量比2015年降低20%: a relative change of each measure
                names = parts
        elif len(group) == 1 and verb_word in REDUCE + INCREASE and head.unit == "%" and len(_AND.findall(ind)) == 1 \
                and not re.search(r"[（(]", ind):
            # 涉重金属企业数量和重金属污染物排放量比2008年下降50%: two whole measures joined by 和 share the change
            parts = [p for p in _AND.split(ind) if p]
            if len(parts) == 2 and all(len(p) >= 4 and MEASURED.search(p) for p in parts):
                names = parts
        if not names and fen and len(group) == 2 and not years and not re.search(r"[\u4e00-\u9fff]{2}", ind.replace("分别", "")) \
                and (pair3 := _NAME_PAIR.search(sentence, 0, cstart)) is not None:
            # 甲田和乙湖单位生产总值能源消耗指标要求…，分别为16%和15%: the pair named at the sentence's start
            measure = re.split(r"指标|要求|[，,]", sentence[pair3.end() : cstart])[0]
            names = [pair3.group(1) + measure, pair3.group(2) + measure]
        if not names and len(group) == 1 and not fen and (pair2 := _NAME_PAIR.match(pre)) is not None:
            # 其中宝安、龙岗下降幅度要达到21% / 盐田和南山年均下降率要求达到4.36%: two short names opening the clause
            # before the measure they share (districts without their 区, 化肥、农药) — the value is each one's
            at = ind.find(pair2.group(2))
            measure = ind[at + 2 :] if at >= 0 and len(ind) > at + 2 else ind
            names = [pair2.group(1) + measure, pair2.group(2) + measure]
        if not names and len(group) == 1 and (pair := _INPUT_PAIR.search(ind)) is not None:
            # 化肥农药利用率达到43%: the two farm inputs written as one word are two indicators
            first, second = pair.group(1) or pair.group(3), pair.group(2) or pair.group(4)
            names = [ind[: pair.start()] + w + ind[pair.end() :] for w in (first, second)]
        if not names and len(group) == 1 and not fen and head.unit == "%":
            # 新建公共机构建筑、新建厂房屋顶光伏覆盖率达到50%: one rate after a list of what it is
            # measured on, without 分别/均, is the rate of each (lead's convention, session 9)
            names = _rate_list(ind)
        listed_places = [x for x in _AND.split(ind_text.strip("，,、 ")) if x]
        if not names and len(group) == 1 and len(listed_places) > 1 and all(is_place(x) for x in listed_places) \
                and out and out[-1].quantity.unit == head.unit and verb is not None \
                and verb_word in GE_WORDS + LE_WORDS and not pre[verb_pos + len(verb_word) :].strip():
            # 郑州市…分担率不低于50%，洛阳市、南阳市不低于45%: one target per place, of the measure before
            measure = strip_place(out[-1].indicator)
            names = [x + measure for x in listed_places]
        if not names and len(group) == 1 and place_measure:
            names = [place_measure]  # (东岭县32微克/立方米、西岭县35微克/立方米 after PM2.5年均浓度目标：)
        if not names and len(group) == 1 and not fen and (shared := _places_sharing(listed_places)):
            # 天津、上海、江苏单位GDP能耗要下降18%: places listed before the measure they share, one target each
            names = shared
        if not names and len(group) == 1 and len(prev_names) > 1 and _SHARED_BY_LIST.match(pre):
            # A、B分别降低到120、65立方米，均比2008年降低50%: a clause opening on 均 shares its value among the
            # indicators the clause before listed
            names = list(prev_names)
        year = _years_before(marks, head.start, asides)
        if year is None and _STOCK_WORD.search(pre) is None:
            year = _deadline_after(sentence, group[-1].end)
        if year is None:
            year = default_year
        if place_names and not names:
            names = [p + ind for p in place_names]
        if names and len(group) == 1:
            targets_here = [(head, n, year) for n in names]
        else:
            targets_here = [(q, names[i] if names else ind, years[i] if years else year)
                            for i, q in enumerate(group)]
        prev_names = [n for _, n, _ in targets_here] if len(targets_here) > 1 and len(
            {n for _, n, _ in targets_here}) == len(targets_here) else []
        bare_pre = re.sub(r"(?:全省|全市|全国|全区|全县)?(?:大约|约|将近|近)?$", "", pre.rstrip())  # 建设约|30个零碳园区
        if not names and len(group) == 1 and verb is not None and (
                bare_pre.endswith(verb_word) or pre.rstrip().endswith("、")):
            stop = r"[^，,。；;、]+" if pre.rstrip().endswith("、") else r"[^，,。；;]+"
            after = re.match(stop, sentence[head.end :])
            # 30个绿色园区、5个基地 / 30个绿色园区和300家绿色工厂: the noun ends before the next count
            noun = re.split(r"(?:、|和|及|以及|与)(?=[\d一二两三四五六七八九十])", after.group(0))[0] if after else ""
            if _OF_CAPACITY.fullmatch(noun):
                noun = noun[1:]  # 新增4000万吨的年利用能力 → 新增年利用能力
            # (降低3%左右”作为…: a closing quote ends the goal quoted; no noun follows its number)
            # (累计降低17%、数字经济…比重达到12.5%: a 、 after the value opens the next goal of a list, not an object)
            if len(noun) >= 2 and verb_word not in GE_WORDS + LE_WORDS and not noun[0].isspace() and noun[0] not in "”\"」』、" \
                    and not _GOAL_AFTER.match(noun):  # 降低17%的总体目标: the goal, not an object
                defining = verb_word in _DEFINING and not noun.startswith(verb_word)
                targets_here = [(head, verb_word + noun if defining else noun, year)]
        if len(group) == 1 and verb is not None and enumerated_count(sentence, head, pre):
            noun = re.compile(r"[\u4e00-\u9fff]+").match(sentence, head.end)
            subject = _indicator(pre[cut:verb_pos])
            name = noun.group(0) if noun else ind
            if subject and verb_word not in _MAKE:  # “无废航区”模式扩展到的水域
                name = f"{subject}{verb_word}的{name}"
            targets_here = [(head, name, year)]
        if len(group) == 1 and verb is None and not pre.strip() and head.unit in COUNT_UNITS and \
                _COUNT_SUBJECT.match(sentence, head.end) is not None:
            # 35条入湖河道消除…，19条达到Ⅲ类及以上 → 达到Ⅲ类及以上的入湖河道
            state = re.match(r"[^，,；;。（(]+", sentence[head.end :])
            things = re.findall(r"\d\s*" + re.escape(head.unit) + r"([\u4e00-\u9fff]{2,8}?)(?=消除|达到|实现|中|，|,)",
                                re.sub(r"[（(][^（()）]*[）)]", "", sentence[: cstart]))
            targets_here = [(head, (state.group(0) if state else "") + ("的" + things[-1] if things else ""), year)]
        if next_count and verb is None:
            targets_here = [(head, _NOUN_ONLY.match(sentence, head.end).group(0), year)]  # 8个|县、市美丽母亲河
        places = _PLACE_YEARS.search(pre) if len(group) == 1 and verb is not None else None
        if places is not None and places.end() <= verb_pos:
            # 深圳市于2018年、广州市于2019年、佛山市于2020年力争实现…达100%: one target per place and year
            base = _indicator(pre[places.end() : verb_pos])
            targets_here = [(head, pm.group(1) + base, int(pm.group(2)))
                            for pm in _PLACE_YEAR.finditer(places.group(0))]
        if class_namings and (owners := class_places(sentence, cstart, class_namings)) and not any(
                n.startswith(tuple(owners)) for _, n, _ in targets_here):
            # 甲市、乙市2市为一类地区，“十二五”和2011年单位GDP能耗分别下降19%和3.7%: the class's places own its goals
            targets_here = [(q, owner + strip_place(n), y) for owner in owners for q, n, y in targets_here]
        if work_after is not None:
            # (the thing worked on and the work: 乡(镇)中心幼儿园提档升级, 排涝泵站及配套拦河坝维修改造)
            targets_here = [(q, work_after.group("obj") + work_after.group("verb"), y) for q, _, y in targets_here]
        for q, name, y in targets_here:
            done = _DONE_AFTER.match(sentence, q.end) if (q.unit in COUNT_UNITS or (
                not q.bound and q.unit != "%")) else None
            done_name = re.sub(r"(?:工作|任务)$", "", done.group(0)) if done else ""
            name = strip_particles(done_name or name) or name  # 55%的|行政村…
            if covered and (noun := _COVERED_NOUN.match(sentence, q.end)) is not None:
                # 高速铁路…，覆盖80%以上的大城市 → 高速铁路覆盖大城市比例 (the subject: this clause's, else the one before)
                subject = _COVER_BEFORE.sub("", pre[cut:].rstrip()).strip("，,、 ") or (
                    re.split(r"营业|运营|通车|建设|里程|规模|长度", out[-1].indicator)[0] if out else "")
                name = f"{subject}覆盖{noun.group(1)}比例"
            elif q.unit == "%" and not names:
                name = _share_name(sentence, q, pre[cut:], pre[cut:verb_pos] if verb is not None else "",
                                   verb_word, name)
            name = drop_qualifiers(with_measure(name, q.unit))
            bound = q.bound or (last_bound if fen or len(group) > 1 else "")
            rel = _relation(verb_word, bound, pre)
            if q.numeral.startswith("翻"):
                rel = "="  # 比2020年翻一番: twice the base (as most of the unseen gold reads it), whatever verb precedes
            elif q.numeral == "减半" and not verb_word:
                rel = "reduce_by"  # 碳排放量较2005年减半: a cut by 50 %
            if rel == "=" and list_item:
                rel = "<=" if _LESS_IS_BETTER.search(name) else ">="  # a list item takes its indicator's direction
            approx = bound in ("左右", "多") or _HEDGE_PRE.search(sentence[max(0, q.start - 8) : q.start]) is not None
            cumulative = "累计" in pre
            carried = verb is None and out and out[-1].relation in ("reduce_by", "increase_by") \
                and out[-1].quantity.unit == q.unit \
                and (not _SHARE_NAME.search(name) or _SHARE_NAME.search(out[-1].indicator) is not None)
            if carried:
                # 化学需氧量相比2015年累计削减11.05%，氨氮11.37%，总氮12.49%: the verb, its base year
                # and 累计 go on to the verbless indicator–value pairs after it
                rel, base_year, annual, cumulative = (out[-1].relation, out[-1].base_year,
                                                      out[-1].annual_rate, out[-1].cumulative)
            f = Found(name, y, q, rel, base_year if rel in ("reduce_by", "increase_by") else None,
                      approx, strive, annual)
            f.cumulative = cumulative
            fm = _FROM.search(pre)
            earlier = [x for x in qs if x.end <= q.start and x.start >= cstart + fm.end()
                       and x.unit == q.unit] if fm else []
            if earlier:
                f.baseline_value, f.baseline_year = earlier[-1].value, int(fm.group(1))
            elif cstart > 0 and starts and (moved := [x for x in qs if id(x) in starts and x.unit == q.unit
                                           and _clause_start(sentence, cstart - 1) <= x.start < cstart]):
                # 从2020年的40.2%，提高到2025年的43%: the start stands in the clause before
                bm = _FROM.search(sentence, _clause_start(sentence, cstart - 1), moved[-1].start)
                if bm:
                    f.baseline_value, f.baseline_year = moved[-1].value, int(bm.group(1))
            if f.baseline_value is None and (bases := [m for m in base_values if m.end() <= q.start]):
                # 2010年全市的基数是0.513吨标准煤/万元，2015年目标是0.413…: the base year's value before the goal
                bq = next((x for x in qs if x.start == bases[-1].end() and x.unit == q.unit), None)
                if bq is not None:
                    f.baseline_value, f.baseline_year = bq.value, int(bases[-1].group(1))
                    f.indicator = _BASE_VALUE_NAME.sub("", f.indicator) or f.indicator
            on_base = list(_BASE_PHRASE.finditer(pre)) if rel in ("reduce_by", "increase_by") else []
            if on_base and not earlier:
                # 在2015年70微克/立方米的基础上降低25%: the level of the base year
                b0, b1 = cstart + on_base[-1].start(), cstart + on_base[-1].end()
                inside = [x for x in qs if b0 <= x.start and x.end <= b1]
                # (在2020年提高节能30%的基础上: a change, not the base year's level)
                if inside and not re.search(r"提高|提升|降低|下降|减少|增加|增长", sentence[b0 : inside[-1].start]):
                    f.baseline_value, f.baseline_year = inside[-1].value, int(on_base[-1].group(1))
            f.paired_year = bool(years)
            out.append(f)
            found_before = True
    # 补贴规模分别不超过10万千瓦…: the terms of a subsidy (how much it covers) are no target
    out = [f for f in out if _SUPPORT_TERMS.search(f.indicator) is None
           # 下降145%: a fall of more than the whole is no value (a garbled number)
           and not (f.relation == "reduce_by" and f.quantity.unit == "%" and f.quantity.value is not None
                    and f.quantity.value > 100)
           # 1人种植5棵树、1村新建1片景观林: a quota per one person, village or town, not a total
           and _PER_ONE.search(sentence, _clause_start(sentence, f.quantity.start), f.quantity.start) is None
           # 将全省分为…5个区域: the parts a whole is divided into
           and not re.search(r"(?:分为|划分为|分成)[^，,；;。]*$", sentence[_clause_start(sentence, f.quantity.start):f.quantity.start])]
    out = [f for f in out if not _count_names(f.quantity, sentence)]
    _distinguish(out, sentence)
    counts = Counter(f.quantity.start for f in out)  # (linear: one sentence may hold thousands of targets)
    shared = {start for start, n in counts.items() if n > 1}
    out = [g for f in out for g in ([f] if f.quantity.start in shared else _per_place(f, sentence))]
    return sorted(per_year(out, sentence) + peaks, key=lambda f: f.quantity.start)


# a move from a named start (由2020年的, 从“十一五”末的, 从目前的) to a later level, a comma between or not
# (化肥利用率从2020年的40.2%，提高到2025年的43%): the start is no target
_BASE_VALUE = re.compile(r"((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?[^，,。；;\d]{0,8}?(?:基数|基期值|基准值|基线值|现状值)(?:是|为)\s*")
_BASE_VALUE_NAME = re.compile(r"的?(?:基数|基期值|基准值|基线值|现状值)(?:是|为)[^，,。；;]*$")
_MOVE_FROM = re.compile(r"(?:由|从)\s*(?:(?:(?:19[5-9]\d|20\d{2})\s*年(?:年?底|年?末)?|[^，,。；;\d]{0,12}?)的)?\s*$")
_MOVE_TO = re.compile(r"\s*(?:[\u4e00-\u9fff/]{0,8}?|%)\s*(?:[（(][^（()）]{0,20}[)）])?\s*[，,]?\s*(?:逐步|分别)?"
                      r"(?:提升|提高|增加|增长|上升|下降|降低|减少|压减|降|升|扩大|发展)(?:至|到)")
_PER_ONE = re.compile(r"(?:^|[、，,；;和]|全[省市县区国])\s*1\s*(?:人|户|村|乡|镇|城|县|企业?|家)(?:[（(][\u4e00-\u9fff]{1,3}[)）])?(?=[\u4e00-\u9fff])")
_SUPPORT_TERMS = re.compile(r"(?:补贴|补助|奖补|资助|贴息)(?:规模|标准|金额|资金|额度|上限|比例|范围)")
_PLACE = r"[\u4e00-\u9fff]{1,8}?(?:市|区|县|州|盟|旗)(?![市区县州盟旗])"
# a clause opening with a list of places (武汉市、襄阳市、荆门市可吸入颗粒物年均浓度较2012年下降18%;
# 怀柔区、密云区、延庆区控制在46微克/立方米左右): each place has the target
# (佛山、揭阳市: a name before the last may leave its suffix out; 光明新区和坪山新区: the last two joined by 和/及/与)
_PLACES = re.compile(rf"(?:其中\s*[，,:：]?\s*)?((?:(?:{_PLACE}|[\u4e00-\u9fff]{{2,3}}(?=、))\s*[、]\s*)+{_PLACE}(?:\s*[和及与]\s*{_PLACE})?"
                     rf"|{_PLACE}\s*[和及与]\s*{_PLACE})(?=[\u4e00-\u9fffA-Za-z])")
_ON_TODAYS_BASE = re.compile(r"(?:在|从)?(?:现有|现状|目前|当前|原有)的?(?:水平|基础)上?")
_SHARED_BY_LIST = re.compile(r"\s*(?:也|都)?均(?:比|较|要|将|可)?")
# (增加值 is a noun: 万元工业增加值用水量降至… keeps its own verb 降至, as does any object ending in 降/升/增/减)
_SPLIT_VERB = re.compile(r"(?:(控制|保持|稳定|维持)|(提高|提升|降低|压减|增加(?!值)))((?![在至到])(?![\u4e00-\u9fffA-Za-z0-9.]{0,16}(?:控制|保持|稳定|维持|分别|均|逐步))[\u4e00-\u9fffA-Za-z0-9.]{2,16}?)"
                         r"(?(1)在|(?<![降升增减])(?:至|到))\s*$")
_COUNTED_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}?)(\d{1,2}|[两二三四五六七八九十]{1,2})(?:个|家|座|条|处)"
                           r"([\u4e00-\u9fff]{0,4}?(?:基地|园区|城市|地区|片区|流域|区域|开发区|示范区))")
_NOT_PLACE = re.compile(r"^(?:全|各|本|我|城|市|县|重点|其他|其余|地级|县级|省级|主城|中心|新城|老城|建成|所辖|有关|相关)"
                        # kinds of cities are one group, not places (直辖市、计划单列市及省会城市30%以上)
                        r"|^(?:直辖市|计划单列市|省会城市|副省级城市|设区市|地级市|县级市)$"
                        # (东城区/西城区 are districts: a compass point before 城区 names one)
                        r"|(?:(?<![东西南北])城区|市区|园区|社区|景区|地区|城市|小区|街区|片区|矿区|辖区|(?<![\u4e00-\u9fff]{2})新区)$")  # (光明新区 is a place)


def _per_place(f: Found, sentence: str) -> list[Found]:
    """One target per place when the clause of ``f`` opens with a list of places sharing it."""
    cstart = _clause_start(sentence, f.quantity.start)
    head = sentence[cstart : f.quantity.start].lstrip("，,；;：: ")
    m = _PLACES.match(head)
    counted = _COUNTED_LIST.match(head) if not m else None
    if counted:
        # 平庆、天水、张武定、甘临陇4个基地完成…80%以上: named items counted right after the list,
        # the count equal to the list's length, each reach the level
        names = [x.strip() for x in counted.group(1).split("、")]
        try:
            n = int(parse_number(counted.group(2)))
        except (ValueError, KeyError):
            n = -1
        if n == len(names) >= 2 and not any(re.search(r"[及和与等]", x) for x in names):
            # (沱江、涪江及两条重点小流域: 及 adds items the count covers, not a list of its own)
            kind = counted.group(3)
            rest = f.indicator[f.indicator.find(kind) + len(kind) :] if kind in f.indicator else ""
            rest = re.sub(r"^占比$", "", rest)
            return [Found(**{**f.__dict__, "indicator": x + kind + rest}) for x in names]
    if not m or "分别" in head:
        return [f]  # 承德市、邢台市和…分别达到95万吨、115万吨…: each place has its own value, none shared
    if f.relation == "=" and (f.quantity.unit != "%" or sentence.startswith("的", f.quantity.end)) \
            and re.search(r"开展|实施|建设|完成|新增|建成|改造|治理|营造|种植|造林", head[m.end() :]):
        # 在榆树市、农安县开展10万亩…试点工程: an amount the places do together, one target; and so is the share
        # of a work the places' verb of doing names after 的 (甲市、乙市完成90%的村庄整治: one goal of the work)
        return [f]
    if re.match(r"(?:至少|均|都|各)?有", head[m.end() :]):
        return [f]  # 柳州市、桂林市…至少有1个城区实现…: a count of what the places hold, one target (blind 15)
    places = [x.strip() for x in re.split(r"[、和及与]", m.group(1))]
    if len(places) < 2 or any(_NOT_PLACE.search(x) or len(x) < 2 for x in places):
        return [f]
    tail = head[m.end() :][:2]
    k = f.indicator.find(tail) if len(tail) == 2 else -1
    rest = f.indicator[k:] if k >= 0 else f.indicator
    if k < 0:
        for x in places:
            rest = rest.replace(x, "")
        rest = rest.lstrip("、，, ")
    out = []
    for x in places:
        g = Found(**{**f.__dict__, "indicator": x + rest})
        out.append(g)
    return out


_PLACE_YEAR = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:市|省|县|区|州|盟))(?:于|在|到)\s*((?:19[5-9]\d|20\d{2}))\s*年(?:年?底|年?末)?")
_PLACE_YEARS = re.compile(rf"(?:{_PLACE_YEAR.pattern}\s*[、，,和及与]\s*)+{_PLACE_YEAR.pattern}")
_POLLUTANTS = re.compile(r"(?:主要污染物)?(?:氮氧化物|NOx|NOX|挥发性有机物|VOCs|VOC|二氧化硫|SO2|化学需氧量|COD|氨氮|总磷|总氮"
                         r"|颗粒物|烟尘|粉尘|一氧化碳|二氧化碳|甲烷)")
_MEETS_NEED = re.compile(r"满足[^，,；;。]{0,8}$")
_NEED = re.compile(r"[^，,；;。]{0,16}?(?:需求|需要)")
_SHARE_NAME = re.compile(r"(?:率|比例|比重|占比)$")
_PERIOD_BASE = re.compile(r"(?:比|较|相比|相较于?|与)\s*[“\"]?十([一二三四五六七八九])五[”\"]?(?:末|期末)")
# (更换143台老旧电梯 → 更换老旧电梯: the work names the target, as 新建 does)
_DEFINING = frozenset({"新增", "新建", "淘汰", "改造", "压减", "关停", *(re.sub(r"\(\?<?[!=][^)]*\)", "", v) for v in PUBLIC_WORKS)})
# 化肥农药 / 化肥、农药 / 农药化肥: two inputs of farming measured alike (利用率, 使用量), written
# as one word in most plans; no other pair is split without a separator
_INPUT_PAIR = re.compile(r"(化肥)[、和与及]?(农药)|(农药)[、和与及]?(化肥)")
# two names of two characters opening a clause (其中 may lead), then the measure they share
_NAME_PAIR = re.compile(r"\s*(?:其中[，,]?)?([\u4e00-\u9fff]{2})(?:、|和|与)([\u4e00-\u9fff]{2})"
                        r"(?=(?:的)?(?:下降幅度|下降率|年均下降率|年均增长率|降幅|增幅|单位(?:地区)?生产总值|单位GDP|万元GDP))")
_AND = re.compile(r"[、和与]|及(?!以[上下])")  # 地级及以上城市 is one name, not 地级 + 以上城市
_PAIR_NEXT = re.compile(r"、[\u4e00-\u9fffA-Za-z（）()]{2,16}?(?:达到|为|约)?\d")
_RATE_NAME = re.compile(r"(?:率|比例|比重|占比|浓度|强度|系数)$")
_OF_WHOLE = re.compile(r"[\u4e00-\u9fff]{2,}的\s*$")
# the rate word an item list shares (覆盖率, 安全利用率, 安装率); shares of a set (占比, 比例, 比重)
# are of the items taken together (新能源和清洁能源装机占比) and are not split
_LIST_RATE = re.compile(r"(?:安全利用|综合利用|资源化利用|无害化处理|利用|覆盖|安装|处理|普及|达标|回收|收集|供暖|取暖|使用|执行"
                        r"|建成|完成|优良)率$")
_AREA_ITEM = re.compile(r"(?:地区|区域|城市|城镇|县城|乡村|农村|流域|海域)$")
# an item holding a number or a quote is another clause's (创建100个“无废细胞”、城市污水…率), and an
# item ending in a verb is a verb list of one noun (城市新建、改建居住区绿地达标率)
_ITEM_NOT_NOUN = re.compile(r"[\d“”\"]|(?:新建|改建|扩建|新增|更新|更换|改造|建设)$")


# a class of cities (直辖市、省会城市和计划单列市的…): a scope, not a place a goal is handed to
_PLACE_CLASS = re.compile(r"(?:直辖|计划单列|地级|设区|县级|副省级|省会)市$|城市$")
# what follows the last of a list of places before their measure (广东等省市单位…能耗: 等省市 closes the list)
_PLACES_CLOSE = re.compile(r"^等?(?:省区市|省市区|省市|省份|省区|地区|城市|各市|市县|县市|区县)?")

# the naming of a class whose goals follow, after the places it holds (甲市、乙市、丙市|3市为一类地区，…; 丁县|为第二类县):
# perhaps the places' count, then 为 and the class (一类地区, 第二类城市, 三类县 …)
PLACE_CLASS_NAMED = re.compile(r"(?:[\d一二两三四五六七八九十]{1,2}个?(?:市|县|区|县市|县区|区县|乡镇|镇|省区市|省市|省|地区))?"
                               r"为第?[一二三四五六七八九十ⅠⅡⅢⅣⅤ]类(?:地区|城市|区域|县区|县市|县|市|区|乡镇)")


def class_places(sentence: str, start: int, namings: list[re.Match[str]]) -> list[str]:
    """The places of the class named last before ``start`` in its piece of the sentence (up to the ；/; before it),
    whose goals the text gives next: 甲市、乙市、丙市3市为一类地区，“十二五”…分别下降19%和3.7% → [甲市, 乙市, 丙市]; []
    when no class is named there, or its items are a scope (直辖市、省会城市…) rather than places. ``namings``: the
    sentence's matches of :data:`PLACE_CLASS_NAMED`, found once."""
    named = next((m for m in reversed(namings) if m.end() <= start), None)
    if named is None or re.search(r"[；;]", sentence[named.end() : start]):
        return []
    before = sentence[max(0, named.start() - 60) : named.start()]
    before = before[max(before.rfind(c) for c in "：:。；;！？（(") + 1 :]
    places: list[str] = []
    for x in reversed(re.split(r"[、，,和及与]", before)):  # (据此确定的目标任务是：甲市: the places close the words before)
        x = x.strip()
        if len(x) < 2 or len(x) > 6 or re.search(r"[^\u4e00-\u9fff]|[的为是在对将]", x) \
                or x.startswith(("全", "各", "本", "其他", "其余")):
            break
        places.insert(0, x)
    if not places or any(_PLACE_CLASS.search(x) for x in places):
        return []
    return places

# a place named alone before its value in a list (东岭县 32、西岭县 35): a short name closed by a place word
_PLACE_ITEM = re.compile(r"[\u4e00-\u9fff]{1,6}(?:县|市|区|镇|乡|州|旗|盟|街道)")
# the items before it in that list, each a place and its value (东岭县32、 / 东岭县32微克/立方米，)
_PLACE_VALUE_ITEMS = re.compile(rf"(?:\s*{_PLACE_ITEM.pattern}\s*\d+(?:\.\d+)?[^、，,；;：:。\d]{{0,10}}[、，,；;])*\s*")


def _measure_by_place(sentence: str, start: int, pre: str) -> str | None:
    """The measure a list of places with a value each shares, named before the colon opening the list
    (到2025年，PM2.5年均浓度目标：东岭县32、西岭县35、北岭县30微克/立方米 → PM2.5年均浓度 for 东岭县, 西岭县 …); None
    when ``pre`` is no place alone or no such measure opens the list."""
    item = re.split(r"[、，,；;]", pre)[-1]
    if not _PLACE_ITEM.fullmatch(item.strip()):
        return None
    colon = max(sentence.rfind("：", 0, start), sentence.rfind(":", 0, start))
    if colon < 0 or not _PLACE_VALUE_ITEMS.fullmatch(sentence, colon + 1, start - len(item)):
        return None
    label = re.sub(r"(?:分别)?(?:控制)?(?:目标值?|指标)?(?:分别)?(?:为|是|如下)?$", "",
                   sentence[_clause_start(sentence, colon) : colon].strip())
    label = re.sub(r"^(?:各|全)(?:县区|区县|县市|乡镇|县|市|区|镇|乡)", "", label)
    return label if _LIST_LABEL.search(label) else None


def _places_sharing(parts: list[str]) -> list[str]:
    """One name per place of a list of places opening the subject before the measure they share (the items of
    天津、上海、江苏单位GDP能耗要下降18% → 天津单位GDP能耗, 上海单位GDP能耗, 江苏单位GDP能耗); [] when the items are not all
    places or no measure follows the last one."""
    if len(parts) < 2 or not all(is_place(x) and not _PLACE_CLASS.search(x) for x in parts[:-1]):
        return []
    last = parts[-1]
    rest = strip_place(last)
    place = last[: len(last) - len(rest)] if last.endswith(rest) else ""
    if not place or not is_place(place):
        return []
    measure = _indicator(_PLACES_CLOSE.sub("", rest))
    if len(measure) < 2 or is_place(measure) or measure[0] in "则也均都的":
        return []
    return [x + measure for x in [*parts[:-1], place]]


def _rate_list(ind: str) -> list[str]:
    """One target per item of ``A、B…X率`` (A 及/和 B too): items of at least four characters,
    none an area (地区, 城市 …: a place list is another rule), the last naming the rate."""
    parts = [p for p in _AND.split(ind) if p]
    rate = _LIST_RATE.search(parts[-1]) if len(parts) > 1 else None
    if rate is None or len(parts[-1]) - len(rate.group(0)) < 2 or "的" in parts[-1]:
        return []  # (…重点区域的高速公路服务区快充站覆盖率: the items qualify a 的-phrase, they are its scope)
    if any(len(p) < 4 or _AREA_ITEM.search(p) or is_place(p) or _ITEM_NOT_NOUN.search(p) for p in parts[:-1]):
        return []
    return [p if _LIST_RATE.search(p) else p + rate.group(0) for p in parts[:-1]] + [parts[-1]]


def _share_name(sentence: str, q: Quantity, pre: str, before_verb: str, verb_word: str,
                name: str) -> str:
    """Name of a percentage target whose number is not the level of a named indicator:
    70%的城市污水处理厂完成提标改造 (units doing something, :func:`naming.unit_share`),
    就地消纳和利用至少75%的降水 → 就地消纳和利用降水比例, 新能源汽车新车销售量达到汽车新车销售量
    的50% → 新能源汽车新车销售量占比."""
    after = sentence[q.end : q.end + 60]
    if after[:1] == "的" or re.match(r"[\u4e00-\u9fff]", after[:1]):
        shared = unit_share(_indicator(pre), after)
        if shared:
            return shared
        subject = _indicator(before_verb)
        whole = re.match(r"的([\u4e00-\u9fff]{2,8})(?=[，,；;。！？]|$)", after)
        if whole and subject and verb_word in GE_WORDS + LE_WORDS and not MEASURED.search(subject) \
                and whole.group(1) not in ("水平", "目标", "程度"):
            return subject + whole.group(1) + "比例"
    between = pre[len(before_verb) + len(verb_word) :]
    if verb_word and _OF_WHOLE.search(between) and not re.search(r"(?:率|比例|比重|占比)$", name):
        return name + "占比"
    return name


def _previous_subject(sentence: str, cstart: int) -> str:
    """Subject of the clause before ``cstart`` (能耗降低率确保完成国家下达目标，力争降低15%)."""
    if cstart < 2:
        return ""
    prev = sentence[_clause_start(sentence, cstart - 1) : cstart - 1]
    verb = next((m for m in _VERB_RE.finditer(prev) if prev[m.end() : m.end() + 1] not in ("率", "幅", "量")), None)
    subject = _indicator(prev[: verb.start()] if verb else prev)
    return subject if len(subject) >= 3 and not _VERB_RE.fullmatch(subject) else ""


_CHANGE_BEFORE = re.compile("(" + "|".join(REDUCE + INCREASE) + r")[^\d，,；;]{0,4}$")


def _distinguish(out: list[Found], sentence: str) -> None:
    """Targets of one sentence that got one name for one year are told apart: by the verb
    before each number (红树林面积新增营造1000公顷、修复3500公顷 → 红树林新增营造面积,
    红树林修复面积), or a change beside a level names the change (煤炭消费量较2020年削减300万吨，
    控制在3800万吨以下 → 煤炭消费量削减量; 货运量年均增长10%，运量达到1850万吨 → 货运量年均增速)."""
    groups: dict[tuple[str, int | None], list[Found]] = {}
    for f in out:
        groups.setdefault((f.indicator, f.year), []).append(f)
    for (name, _), fs in groups.items():
        if len(fs) < 2:
            continue
        if len({f.relation for f in fs}) == 1:
            verbs = [_verb_run(sentence, f.quantity.start, name) for f in fs]
            if all(verbs) and len(set(verbs)) == len(verbs):
                m = MEASURED.search(name)
                for f, v in zip(fs, verbs, strict=True):
                    f.indicator = name[: m.start()] + v + name[m.start() :] if m else name + v
            continue
        for f in fs:
            change = _CHANGE_BEFORE.search(sentence[max(0, f.quantity.start - 12) : f.quantity.start])
            if f.relation not in ("reduce_by", "increase_by") or change is None:
                continue
            up = f.relation == "increase_by"
            if f.quantity.unit in ("%", "个百分点", "百分点"):
                f.indicator = name + ("年均" if f.annual_rate else "") + (
                    ("增速" if f.annual_rate else "增幅") if up else "降幅")
            else:
                f.indicator = name + change.group(1) + "量"


def _verb_run(sentence: str, pos: int, name: str) -> str:
    """The 2–4 Chinese characters of a verb directly before ``pos`` (after the name if the
    name is written there): 红树林面积新增营造|1000公顷 → 新增营造; "" when there is none."""
    i = pos
    while i > 0 and pos - i < len(name) + 8 and "\u4e00" <= sentence[i - 1] <= "\u9fff":
        i -= 1  # read back a bounded window: a sentence may hold thousands of targets
    run = sentence[i:pos]
    run = run[run.rindex(name) + len(name) :] if name in run else run
    return run if 2 <= len(run) <= 4 else ""
