"""Enterprise co-verification on the web (企业协同核查): the city dashboard and verification
queue for the bureau, the enterprise page (account, trend, findings) and data submission with
row-level errors for the enterprise itself, the 核查报告 downloads, and the JSON API.

An ``enterprise`` user sees and submits only its own enterprise's data (``EnterpriseMember``).
Every change goes through :mod:`cocontrol.web.enterprise_service` and is audited. The pages
render stored numbers; they compute nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from cocontrol.errors import ValidationFailed
from cocontrol.store.enterprises import (
    EnterpriseAccount,
    EnterpriseFacility,
    EnterpriseStack,
    EnterpriseSubmission,
    VerificationFinding,
)
from cocontrol.web import enterprise_service as svc
from cocontrol.web.body import Body
from cocontrol.web.deps import Viewer, WebError, db, viewer
from cocontrol.web.i18n import lang_of

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/enterprises", tags=["enterprises"])
DB = Annotated[Session, Depends(db)]
Who = Annotated[Viewer, Depends(viewer)]

LABELS: dict[str, tuple[str, str]] = {
    "title": ("企业协同核查", "Enterprise co-verification"),
    "accounts": ("企业碳账户", "Enterprise carbon accounts"),
    "queue": ("核查队列", "Verification queue"),
    "open_by_rule": ("待处理发现（按规则）", "Open findings by rule"),
    "open_by_industry": ("待处理发现（按行业）", "Open findings by industry"),
    "open_by_region": ("待处理发现（按区县）", "Open findings by district"),
    "enterprise": ("企业", "Enterprise"), "year": ("年份", "Year"),
    "co2": ("范围一CO2（t）", "Scope 1 CO2 (t)"), "scope2": ("范围二CO2（t）", "Scope 2 CO2 (t)"),
    "intensity": ("碳排放强度L（t/万元）", "Intensity L (t/10⁴ yuan)"), "intensity_unit": ("t/万元", "t/10⁴ yuan"),
    "level": ("碳效等级", "Level"), "grade": ("碳效级别", "Grade"), "colour": ("色标（示例分档）", "Colour (illustrative bounds)"),
    "change": ("L较上年", "L vs last year"),
    "per_output": ("单位产品CO2", "CO2 per output"),
    "industry_mean": ("行业平均L（t/万元）", "Industry mean L (t/10⁴ yuan)"),
    "k": ("碳效值K", "K"), "where": ("设施/排口", "Facility / stack"),
    "rule": ("规则", "Rule"), "severity": ("严重程度", "Severity"), "message": ("发现", "Finding"),
    "status": ("状态", "Status"), "facility": ("设施", "Facility"),
    "assignee": ("承办人", "Assignee"), "reason": ("理由/要求", "Reason / request"),
    "assign": ("分派给我", "Assign to me"), "confirm": ("确认", "Confirm"),
    "dismiss": ("排除", "Dismiss"), "request_evidence": ("要求补充证据", "Request evidence"),
    "reopen": ("重新打开", "Reopen"), "closed": ("已办结", "Closed"),
    "run": ("运行协同核查", "Run co-verification"), "count": ("数量", "Count"),
    "submit": ("提交数据", "Submit data"), "template": ("下载填报模板", "Download template"),
    "upload": ("上传填报工作簿（.xlsx）", "Upload the filled workbook (.xlsx)"),
    "errors": ("数据未保存：请改正以下问题后重新提交", "Nothing was stored: fix these and resubmit"),
    "file": ("文件", "File"), "sheet": ("工作表", "Sheet"), "row": ("行", "Row"),
    "column": ("列", "Column"), "problem": ("问题", "Problem"),
    "submissions": ("提交记录", "Submissions"), "submitted": ("提交时间", "Submitted"),
    "report_docx": ("核查报告（Word）", "Report (Word)"),
    "report_xlsx": ("核查报告（Excel）", "Report (Excel)"),
    "none": ("暂无", "None yet"), "findings": ("核查发现", "Findings"),
    "trend": ("碳排放强度趋势", "Intensity trend"),
    "illustrative": ("示例数据，不是真实企业的数据。", "Illustrative data, not real enterprises."),
    "note": ("发现是提示，不是结论，需要核实。", "Findings are leads, not verdicts."),
    "registry": ("设施与排口", "Facilities and stacks"), "kind": ("类别", "Kind"),
    "capacity": ("额定容量", "Capacity"), "design_hours": ("设计年运行小时（h）", "Design hours (h)"),
    "stack": ("排口", "Stack"), "height": ("高度（m）", "Height (m)"),
    "outlet": ("许可排放口编号", "Permit outlet"),
    "rulebook": ("核查规则与依据", "Co-verification rules and sources"),
    "bank_xlsx": ("碳账户导出（Excel，供碳效贷）", "Accounts for banks (Excel)"),
    "bank_json": ("碳账户导出（JSON）", "Accounts for banks (JSON)"),
    "formula": ("公式", "Formula"), "thresholds": ("阈值（可由城市配置）", "Thresholds (a city may set its own)"),
    "citation": ("依据", "Source"), "explanation": ("说明", "Explanation"),
}
STATUS = {"open": ("待处理", "open"), "assigned": ("已分派", "assigned"),
          "confirmed": ("已确认", "confirmed"), "dismissed": ("已排除", "dismissed"),
          "evidence_requested": ("已要求补充证据", "evidence requested")}
SEVERITY = {"high": ("高", "high"), "medium": ("中", "medium"), "info": ("提示", "info")}
INDUSTRY = {"4411": ("火力发电", "Thermal power"), "3011": ("水泥制造", "Cement"),
            "2911": ("轮胎制造", "Tyres"), "2621": ("氮肥制造", "Nitrogen fertiliser")}
OPEN = ("open", "assigned", "evidence_requested")


def _labels(lang: str) -> dict[str, str]:
    i = 0 if lang == "zh" else 1
    return {k: v[i] for k, v in LABELS.items()}


def _rule_names(lang: str) -> dict[str, str]:
    from cocontrol.enterprises.parameters import rules

    table = rules()
    if lang == "zh":
        return dict(table["name_zh"])
    return dict(table["name_en"])


def _page(request: Request, template: str, who: Viewer, status: int = 200,
          **ctx: Any) -> HTMLResponse:
    from cocontrol.web.pages import render

    lang = lang_of(request)
    i = 0 if lang == "zh" else 1
    return render(request, template, who, status=status, L=_labels(lang), rules=_rule_names(lang),
                  status_names={k: v[i] for k, v in STATUS.items()},
                  severity_names={k: v[i] for k, v in SEVERITY.items()},
                  industry_names={k: v[i] for k, v in INDUSTRY.items()}, page="enterprises", **ctx)


def _accounts(session: Session, code: str | None = None) -> list[EnterpriseAccount]:
    q = select(EnterpriseAccount).order_by(EnterpriseAccount.enterprise_code,
                                           EnterpriseAccount.year)
    if code is not None:
        q = q.where(EnterpriseAccount.enterprise_code == code)
    return list(session.scalars(q))


def _findings(session: Session, code: str | None = None) -> list[VerificationFinding]:
    q = select(VerificationFinding).order_by(VerificationFinding.enterprise_code,
                                             VerificationFinding.year, VerificationFinding.id)
    if code is not None:
        q = q.where(VerificationFinding.enterprise_code == code)
    return list(session.scalars(q))


def _finding_json(f: VerificationFinding) -> dict[str, Any]:
    return {"id": f.id, "enterprise_id": f.enterprise_code, "facility_id": f.facility_id or None,
            "year": f.year, "rule": f.rule, "severity": f.severity, "message": f.message,
            "evidence": f.evidence, "status": f.status, "assignee": f.assignee,
            "reason": f.reason, "version": f.version_id}


def dashboard_counts(accounts: list[EnterpriseAccount],
                     findings: list[VerificationFinding]) -> dict[str, Counter[str]]:
    """Open findings by rule, industry and district (the accounts give industry and district)."""
    where = {a.enterprise_code: (a.industry, a.region) for a in accounts}
    open_ = [f for f in findings if f.status in OPEN]
    return {"rule": Counter(f.rule for f in open_),
            "industry": Counter(where.get(f.enterprise_code, ("", ""))[0] for f in open_),
            "region": Counter(where.get(f.enterprise_code, ("", ""))[1] for f in open_)}


@router.get("/enterprises")
def dashboard(request: Request, session: DB, who: Who) -> Response:
    code = svc.own_code(session, who)
    if code is not None:
        return RedirectResponse(f"/enterprises/{quote(code)}", status_code=303)
    if who.role not in (*svc.BUREAU, "viewer"):
        raise WebError(403, "forbidden")
    accounts, findings = _accounts(session), _findings(session)
    latest: dict[str, EnterpriseAccount] = {}
    for a in accounts:
        latest[a.enterprise_code] = a
    names = {a.enterprise_code: a.name for a in accounts}
    return _page(request, "enterprises.html", who, accounts=list(latest.values()),
                 findings=findings, names=names, counts=dashboard_counts(accounts, findings),
                 illustrative=any("示例" in n for n in names.values()),
                 can_act=who.role in svc.BUREAU, can_run=who.role in ("admin", "coordinator"),
                 actions_of=svc.allowed, needs_reason=svc.NEEDS_REASON, me=who.name)


@router.post("/enterprises/verify")
def run_form(request: Request, session: DB, who: Who) -> RedirectResponse:
    svc.run_verification(session, who)
    return RedirectResponse("/enterprises", status_code=303)


@router.post("/enterprises/findings/{finding_id}/{action}")
def act_form(finding_id: int, action: str, session: DB, who: Who,
             reason: Annotated[str, Form(max_length=2000)] = "",
             version: Annotated[int | None, Form()] = None) -> RedirectResponse:
    svc.act(session, who, finding_id, action, reason, version=version)
    return RedirectResponse("/enterprises#queue", status_code=303)


@router.get("/enterprises/accounts.xlsx")
def accounts_download(session: DB, who: Who) -> Response:
    """The banks' export (碳效贷) of every stored account, Excel; the same as JSON is
    ``GET /api/enterprises``. An enterprise user gets only its own."""
    import pandas as pd

    from cocontrol.enterprises.export import accounts_workbook
    from cocontrol.web.reports import MEDIA

    code = svc.own_code(session, who)
    if code is None and who.role not in (*svc.BUREAU, "viewer"):
        raise WebError(403, "forbidden")
    rows = [{**a.data, "enterprise_id": a.enterprise_code, "year": a.year, "name": a.name,
             "region": a.region, "industry": a.industry} for a in _accounts(session, code)]
    frame = pd.DataFrame(rows, columns=list(dict.fromkeys(
        ["enterprise_id", "name", "region", "industry", "year", *(rows[0] if rows else [])])))
    return Response(accounts_workbook(frame), media_type=MEDIA["xlsx"], headers={
        "Content-Disposition": "attachment; filename=\"accounts.xlsx\"; "
                               f"filename*=UTF-8''{quote('企业碳账户.xlsx')}"})


@router.get("/enterprises/rules")
def rules_page(request: Request, who: Who) -> HTMLResponse:
    """Every co-verification rule: name, formula, thresholds, severity, citation, explanation
    (:func:`cocontrol.enterprises.rulebook.rulebook`)."""
    from cocontrol.enterprises.rulebook import rulebook

    return _page(request, "enterprise_rules.html", who, book=rulebook(lang_of(request)))


def _enterprise_ctx(session: Session, code: str, lang: str = "zh") -> dict[str, Any]:
    accounts = _accounts(session, code)
    findings = _findings(session, code)
    subs = list(session.scalars(select(EnterpriseSubmission).where(
        EnterpriseSubmission.enterprise_code == code).order_by(EnterpriseSubmission.id.desc())))
    name = accounts[-1].name if accounts else code
    points = [(str(a.year), a.data.get("intensity")) for a in accounts]
    trend = {"animation": False, "grid": {"left": 50, "right": 20, "top": 30, "bottom": 30},
             "xAxis": {"type": "category", "data": [y for y, _ in points]},
             "yAxis": {"type": "value", "name": _labels(lang)["intensity_unit"]},
             "series": [{"type": "line", "symbol": "circle", "symbolSize": 8, "showSymbol": True,
                         "data": [v for _, v in points]}]} if points else None
    facilities = list(session.scalars(select(EnterpriseFacility).where(
        EnterpriseFacility.enterprise_code == code).order_by(EnterpriseFacility.facility_id)))
    stacks = list(session.scalars(select(EnterpriseStack).where(
        EnterpriseStack.enterprise_code == code).order_by(EnterpriseStack.stack_id)))
    return {"code": code, "firm": name, "accounts": accounts, "findings": findings,
            "submissions": subs, "trend": trend, "illustrative": "示例" in name,
            "facilities": facilities, "stacks": stacks}


@router.get("/enterprises/{code}")
def enterprise_page(request: Request, code: str, session: DB, who: Who) -> HTMLResponse:
    svc.may_see(session, who, code)
    return _page(request, "enterprise.html", who, can_submit=who.role in (
        "enterprise", "admin", "coordinator"), problems=None, **_enterprise_ctx(session, code, lang_of(request)))


@router.post("/enterprises/{code}/submit")
async def submit_form(request: Request, code: str, session: DB, who: Who,
                      data: Annotated[UploadFile, File()]) -> Response:
    limit = request.app.state.settings.max_upload_bytes
    content = await data.read(limit + 1)
    if len(content) > limit:
        raise WebError(413, "invalid", "上传文件过大 / upload too large")
    svc.may_see(session, who, code)
    try:
        svc.submit(session, request.app.state.settings.home, who, code, data.filename or "",
                   content)
    except ValidationFailed as exc:
        from cocontrol.enterprises.schema import column_zh, sheet_zh
        from cocontrol.web.enterprise_messages import zh

        english = lang_of(request) != "zh"
        problems = [{"sheet": p.sheet if english else sheet_zh(p.sheet), "row": p.row,
                     "column": p.column if english else column_zh(p.column),
                     "text": str(p).split(": ", 1)[-1] if english else zh(p)}
                    for p in exc.problems]
        return _page(request, "enterprise.html", who, status=422, can_submit=True,
                     problems=problems, **_enterprise_ctx(session, code, lang_of(request)))
    return RedirectResponse(f"/enterprises/{quote(code)}", status_code=303)


@router.get("/enterprises/{code}/report.{fmt}")
def report(code: str, fmt: str, session: DB, who: Who) -> Response:
    from cocontrol.enterprises import report as rep
    from cocontrol.web.reports import MEDIA

    svc.may_see(session, who, code)
    if fmt not in ("docx", "xlsx"):
        raise WebError(404, "not_found", f"format {fmt!r}")
    ctx = _enterprise_ctx(session, code)
    accounts = [{**a.data, "year": a.year} for a in ctx["accounts"]]
    findings = [_finding_json(f) for f in ctx["findings"]]
    build = rep.docx_bytes if fmt == "docx" else rep.xlsx_bytes
    data = build(ctx["firm"], code, accounts, findings, ctx["illustrative"])
    name = f"{ctx['firm']}核查报告.{fmt}"
    return Response(data, media_type=MEDIA[fmt], headers={
        "Content-Disposition": f"attachment; filename=\"report.{fmt}\"; "
                               f"filename*=UTF-8''{quote(name)}"})


@router.get("/enterprises-template.xlsx")
def template_download(who: Who) -> Response:
    import tempfile
    from pathlib import Path

    from cocontrol.enterprises.template import write_template
    from cocontrol.web.reports import MEDIA

    with tempfile.TemporaryDirectory() as tmp:
        data = write_template(Path(tmp) / "t.xlsx").read_bytes()
    return Response(data, media_type=MEDIA["xlsx"], headers={
        "Content-Disposition": "attachment; filename=\"template.xlsx\"; "
                               f"filename*=UTF-8''{quote('企业数据填报模板.xlsx')}"})


# JSON API ------------------------------------------------------------------------------------

class Action(Body):
    reason: str | None = None
    assignee: str | None = None
    version: int | None = None


@api.get("")
def api_accounts(session: DB, who: Who) -> list[dict[str, Any]]:
    """Carbon accounts (an enterprise user: only its own)."""
    code = svc.own_code(session, who)
    if code is None and who.role not in (*svc.BUREAU, "viewer"):
        raise WebError(403, "forbidden")
    return [{"enterprise_id": a.enterprise_code, "year": a.year, "name": a.name,
             "region": a.region, "industry": a.industry, **{
                 k: a.data.get(k) for k in ("co2_t", "scope2_t", "intensity", "k", "level",
                                            "grade", "colour", "intensity_change")}}
            for a in _accounts(session, code)]


@api.get("/findings")
def api_findings(session: DB, who: Who, status: str | None = None) -> list[dict[str, Any]]:
    """The verification queue (an enterprise user: the findings about itself)."""
    code = svc.own_code(session, who)
    if code is None and who.role not in (*svc.BUREAU, "viewer"):
        raise WebError(403, "forbidden")
    return [_finding_json(f) for f in _findings(session, code)
            if status is None or f.status == status]


class Member(Body):
    username: str
    enterprise_id: str


@api.post("/members")
def api_member(body: Member, session: DB, who: Who) -> dict[str, Any]:
    """Admin: bind an ``enterprise`` user to its enterprise (audited)."""
    item = svc.bind_member(session, who, body.username, body.enterprise_id)
    return {"username": body.username, "enterprise_id": item.enterprise_code}


@api.post("/verify")
def api_run(session: DB, who: Who) -> dict[str, int]:
    return svc.run_verification(session, who)


@api.post("/findings/{finding_id}/{action}")
def api_act(finding_id: int, action: str, body: Action, session: DB,
            who: Who) -> dict[str, Any]:
    return _finding_json(svc.act(session, who, finding_id, action, body.reason,
                                 assignee=body.assignee, version=body.version))


@api.post("/{code}/submissions", status_code=201)
async def api_submit(request: Request, code: str, session: DB, who: Who,
                     data: Annotated[UploadFile, File()]) -> Response:
    from fastapi.responses import JSONResponse

    content = await data.read(request.app.state.settings.max_upload_bytes + 1)
    svc.may_see(session, who, code)
    try:
        sub = svc.submit(session, request.app.state.settings.home, who, code,
                         data.filename or "", content)
    except ValidationFailed as exc:
        from cocontrol.web.enterprise_messages import zh
        from cocontrol.web.errors import error_json

        return JSONResponse(error_json("invalid", str(exc).splitlines()[0] if str(exc) else "invalid file",
                                       str(exc), {"problems": [
            {"file": p.file, "sheet": p.sheet, "row": p.row, "column": p.column,
             "message": p.message, "expected": p.expected, "found": p.found, "message_zh": zh(p)}
            for p in exc.problems]}), status_code=422)
    return JSONResponse({"id": sub.id, "rows": sub.rows}, status_code=201)
