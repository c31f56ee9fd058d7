"""碳中和证明（声明）of a large event, on the shared report model (Word, PDF, HTML).

Only a neutral event gets one: the account of its *actual* emissions (the guideline's closing
stage, MEE《大型活动碳中和实施指南（试行）》2019), credits retired ≥ emissions, no problem left
(Chongqing's operating rule issues the certificate on the same condition,
verification-and-accounts.md §D.1). Otherwise :func:`refusal` gives the one Chinese line that
says why. The document states the event, its period and venue, the emissions with their 95 %
interval, every credit retired (type, serial, vintage, quantity), the organiser's statement and
a block for the third-party verifier (the guideline asks for a third-party assessment).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cocontrol.reports.model import Column, Report, Section, Table

CREDIT_TYPES = {"allowance": "碳排放配额", "ccer": "国家核证自愿减排量（CCER）",
                "inclusive": "碳普惠核证减排量", "cer": "清洁发展机制核证减排量（CER）"}


@dataclass(frozen=True)
class Facts:
    """What a certificate states, from a workbook account or a stored event."""

    name: str
    total_t: float
    half_width_t: float
    retired_t: float
    credits: list[tuple[str, str, str, float]]   # (type code, serial, vintage, t CO2e)
    stage: str = "actual"
    kind: str = ""
    start: str = ""
    end: str = ""
    venue: str = ""
    attendees: str = ""
    region: str = ""
    problems: list[str] = field(default_factory=list)


def _text(value: object) -> str:
    if value is None or str(value) in ("nan", "NaT", "None"):
        return ""
    return str(value).split(" 00:00:00")[0].strip()


def facts_from_footprint(info: dict[str, object], fp: Any) -> Facts:
    """Facts of a workbook's account (:class:`cocontrol.events.footprint.Footprint`)."""
    credits = [(r.credit_type, r.serial, _vintage(r.vintage), float(r.quantity_t))
               for r in fp.credits.itertuples()]
    return Facts(name=_text(info.get("name")), total_t=fp.total_t, half_width_t=fp.half_width_t,
                 retired_t=fp.retired_t, credits=credits, stage=fp.stage,
                 kind=_text(info.get("type")), start=_text(info.get("start")),
                 end=_text(info.get("end")), venue=_text(info.get("venue")),
                 attendees=_text(info.get("attendees")), region=_text(info.get("city")),
                 problems=list(fp.problems))


def facts_from_event(event: Any, retirements: list[Any]) -> Facts:
    """Facts of a stored event (:class:`cocontrol.store.events.Event`) and its retirements.
    An event stored before its details were kept has no stage: it is not certified."""
    d = event.details or {}
    return Facts(name=event.name, total_t=event.total_t,
                 half_width_t=float(d.get("half_width_t") or 0.0), retired_t=event.retired_t,
                 credits=[(r.credit_type, r.serial, _vintage(r.vintage), r.quantity_t)
                          for r in retirements],
                 stage=str(d.get("stage") or "unknown"), kind=str(d.get("type") or ""),
                 start=str(d.get("start") or ""), end=str(d.get("end") or ""),
                 venue=str(d.get("venue") or ""), attendees=str(d.get("attendees") or ""),
                 region=event.region, problems=list(d.get("problems") or []))


def _vintage(value: object) -> str:
    text = _text(value)
    return text[:-2] if text.endswith(".0") else text


def refusal(f: Facts) -> str | None:
    """None when the event may be certified, else one Chinese line saying why not."""
    if f.stage == "plan":
        return (f"“{f.name}”为计划阶段核算，活动结束后按实际排放核算并注销足额碳信用后，"
                "方可出具碳中和证明。")
    if f.stage != "actual":
        return f"“{f.name}”登记时未保存核算阶段与排放区间，不能出具碳中和证明，请重新核算登记。"
    if f.retired_t < f.total_t:
        return (f"“{f.name}”未实现碳中和：排放 {f.total_t:,.2f} 吨二氧化碳当量，已注销 "
                f"{f.retired_t:,.2f} 吨，尚差 {f.total_t - f.retired_t:,.2f} 吨，不能出具碳中和证明。")
    if f.problems:
        return f"“{f.name}”的核算仍有问题（{f.problems[0]}），不能出具碳中和证明。"
    return None


def certificate(f: Facts, issuer: str = "", date: dt.date | None = None) -> Report:
    """The 碳中和证明（声明） of a neutral event; call :func:`refusal` first (ValueError if not
    neutral, so a non-neutral event never gets a document)."""
    why = refusal(f)
    if why is not None:
        raise ValueError(why)
    period = "—".join(p for p in (f.start, f.end) if p) or "—"
    low, high = max(f.total_t - f.half_width_t, 0.0), f.total_t + f.half_width_t
    facts = Section("活动基本信息", [Table("活动基本信息", [Column("项目"), Column("内容")], [
        ["活动名称", f.name], ["活动类型", f.kind or "—"], ["举办时间", period],
        ["举办地点", f.venue or "—"], ["所属地区", f.region or "—"],
        ["参会人数", f.attendees or "—"]])])
    emissions = Section("温室气体排放量", [
        f"按《大型活动碳中和实施指南（试行）》（生态环境部，2019年）核算，本次活动实际温室气体排放量为 "
        f"{f.total_t:,.2f} 吨二氧化碳当量（95% 置信区间 {low:,.2f}—{high:,.2f} 吨，"
        f"即 ±{f.half_width_t:,.2f} 吨）。"])
    rows = [[CREDIT_TYPES.get(t, t), serial, vintage or "—", q] for t, serial, vintage, q in f.credits]
    credits = Section("注销的碳信用", [
        f"为抵消上述排放，已注销碳信用 {len(rows)} 笔，合计 {f.retired_t:,.2f} 吨二氧化碳当量。",
        Table("注销的碳信用", [Column("类型"), Column("序列号"), Column("年份"),
                               Column("数量", "吨二氧化碳当量", 2)], rows,
              note="同一序列号在本平台只能注销一次。")])
    statement = Section("碳中和声明", [
        f"“{f.name}”通过减少排放和注销碳信用，抵消了活动产生的全部温室气体排放（注销量 "
        f"{f.retired_t:,.2f} 吨不少于排放量 {f.total_t:,.2f} 吨），实现碳中和。",
        "主办单位（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿",
        "日期：＿＿＿＿年＿＿月＿＿日"])
    verifier = Section("第三方核查意见（由核查机构填写）", [
        "核查依据：《大型活动碳中和实施指南（试行）》",
        "核查机构：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
        "核查意见：□ 同意上述碳中和声明：排放核算完整、准确，注销的碳信用真实有效",
        "　　　　　□ 不同意，理由：＿＿＿＿＿＿＿＿＿＿",
        "核查人员（签字）：＿＿＿＿＿＿＿＿",
        "核查机构（盖章）：＿＿＿＿＿＿＿＿",
        "日期：＿＿＿＿年＿＿月＿＿日"])
    return Report(title=f"{f.name}碳中和证明", subtitle="大型活动碳中和声明", issuer=issuer,
                  date=date or dt.date.today(),
                  sections=[facts, emissions, credits, statement, verifier], annex=[])
