"""碳中和报告 of a large event, on the shared report model (Word, PDF, HTML, Excel).

Chapters follow the guideline's closing stage (MEE 2019, §3): the event and its boundary, the
emissions by source with the factor and source of each line, the uncertainty, the credits
retired against it, the conclusion (neutral only when retired ≥ emissions), and a statement
page for the third-party verifier to fill in. Each line shows its factor's source (marked 转引
when read in a secondary source) and its 95 % uncertainty.
"""

from __future__ import annotations

from cocontrol.events.footprint import SOURCES, Footprint
from cocontrol.reports.model import AnnexEntry, Column, Report, Section, Table

CREDIT_TYPES = {"allowance": "碳排放配额", "ccer": "CCER", "inclusive": "碳普惠核证减排量",
                "cer": "CER"}


def _factor(value: float) -> str:
    """A factor as officials read it: thousands separated, never in scientific notation."""
    return f"{value:,.0f}" if value >= 1000 else f"{value:.4g}"


def _amount(value: float) -> str:
    """An activity amount: thousands separated, no trailing zeros, never scientific."""
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value else "0"


def neutrality_report(info: dict[str, object], fp: Footprint, issuer: str = "") -> Report:
    """The report of one event's account and offsets."""
    name = str(info.get("name"))
    period = f"{info.get('start') or ''}—{info.get('end') or ''}".strip("—")
    intro = Section("活动概况与核算边界", [
        f"活动名称：{name}；类型：{info.get('type') or '—'}；时间：{period or '—'}；"
        f"地点：{info.get('venue') or '—'}；参会人数：{info.get('attendees') or '—'}。",
        "核算依据《大型活动碳中和实施指南（试行）》（生态环境部，2019年），边界包括场馆及办公场所化石燃料燃烧、"
        "公务车辆、净购入电力和热力、参会人员交通、住宿餐饮、会议用品和废弃物处理。",
    ])
    rows = []
    for line in fp.lines.itertuples():
        share = line.t_co2e / fp.total_t * 100 if fp.total_t else 0.0
        rows.append([SOURCES[line.source], line.item, f"{_amount(line.amount)} {line.unit}",
                     f"{_factor(line.factor_kg_per_unit)} kgCO2e/{line.factor_unit}",
                     line.rel_half_width * 100, line.t_co2e, share, line.citation])
    emissions = Section("排放量核算", [
        f"活动温室气体排放总量 {fp.total_t:,.2f} 吨二氧化碳当量，95% 置信区间约 ±{fp.half_width_t:,.2f} 吨"
        "（各排放源因子不确定性按相互独立合成）。",
        Table("各排放源排放量", [Column("类别"), Column("项目"), Column("活动水平"),
                                 Column("排放因子"), Column("不确定性", "±%", 0),
                                 Column("排放量", "吨", 3), Column("占比", "%", 1),
                                 Column("因子来源")], rows,
              note="排放量单位为吨二氧化碳当量；因子来源后注“转引”者读自转载或摘要，核查时宜对照原文；"
                   "住宿、会议用品无可引用的缺省因子，按酒店分摊能耗或填报人注明来源的因子核算。"),
    ])
    credits = [[CREDIT_TYPES[r.credit_type], r.serial, r.vintage, r.quantity_t]
               for r in fp.credits.itertuples()]
    offsets = Section("碳抵消", [
        f"已注销碳信用 {fp.retired_t:,.2f} 吨二氧化碳当量，共 {len(credits)} 笔。",
        Table("注销的碳信用", [Column("类型"), Column("序列号"), Column("年份"),
                                Column("数量", "吨二氧化碳当量", 2)], credits or [["—", "—", "—", 0.0]]),
    ])
    plan = fp.stage == "plan"
    measures = info.get("measures") or []
    reduce = Section("减排措施", [
        Table("减排措施", [Column("措施"), Column("预计减排量", "吨二氧化碳当量", 2)],
              [[m, q] for m, q in measures]) if measures else "未填报减排措施。"])
    if plan:
        verdict = ("本报告为碳中和实施计划：排放量为预计值；活动结束后按实际排放核算，"
                   "注销不少于实际排放量的碳信用后方可判定碳中和。")
    elif fp.neutral:
        verdict = "已实现碳中和：注销量不少于排放量。"
    else:
        verdict = "尚未实现碳中和：" + "；".join(fp.problems) + "。"
    conclusion = Section("结论", [verdict])
    statement = Section("第三方核查声明（由核查机构填写）", [
        "核查机构：＿＿＿＿＿＿＿＿＿＿　　核查依据：《大型活动碳中和实施指南（试行）》",
        "核查结论：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
        "核查人员（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
    ])
    annex = [AnnexEntry("核算方法", "排放量＝活动水平×排放因子；燃料因子＝低位发热量×单位热值含碳量×碳氧化率×44/12；"
                                    "外购电力采用所在省份电力二氧化碳排放因子；填埋垃圾甲烷＝质量×可降解有机碳×"
                                    "可分解比例 0.5×甲烷修正因子 1.0×甲烷比例 0.5×16/12×（1－氧化率 0.1），"
                                    "按全球增温潜势 28 折算二氧化碳当量；合计的 95% 区间按各项相互独立合成。",
                        "《大型活动碳中和实施指南（试行）》；生态环境部、国家统计局电力二氧化碳排放因子公告；"
                        "IPCC 2006 国家温室气体清单指南 第5卷 第3章"),
             AnnexEntry("抵消规则", "可用于抵消的碳信用为全国或试点碳市场配额、CCER、经省级及以上主管部门批准的碳普惠减排量、"
                                    "中国境内清洁发展机制项目签发的CER；同一序列号只能注销一次。",
                        "《大型活动碳中和实施指南（试行）》")]
    title = f"{name}碳中和实施计划" if plan else f"{name}碳中和报告"
    return Report(title=title, subtitle="大型活动碳排放核算与碳中和情况",
                  issuer=issuer, sections=[intro, emissions, reduce, offsets, conclusion,
                                           statement],
                  annex=annex)
