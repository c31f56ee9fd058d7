"""碳普惠 on the platform: partner systems post records with a token; the bureau sees aggregates.

Machine clients (``Authorization: Bearer <token>``, no cookie, so no CSRF):
``POST /api/inclusive/records`` credits a batch (at most :data:`MAX_RECORDS` records; the same
contract as ``cocontrol inclusive credit``), ``GET /api/inclusive/accounts/{person}`` returns the
balance and entries of a person this partner credited — the only way a person's account is read.
People (signed in): the 碳普惠 page (scenes and methodologies, participants and reductions by
month, the ledger's totals, avoided pollutants), a partner token for admins and coordinators, and
the aggregate export for the provincial platform (CSV/JSON). The bureau never sees a person.

The ledger after issue (:mod:`cocontrol.store.inclusive_accounts`): a partner asks
``POST /api/inclusive/accounts/{person}/token`` for a person token (shown once); with it the
person reads ``GET /api/inclusive/me`` and redeems ``POST /api/inclusive/me/redeem`` — the only
way credits are spent. The bureau (coordinator, admin; signed in, CSRF) expires a year's credits
whose validity has passed and posts corrections as reversing entries with a reason:
``POST /api/inclusive/ledger/expire|correct`` (JSON) and the forms of the 碳普惠 page
``POST /inclusive/expire|correct``. A partner or person token gets 403 there, a partner token 403
on redemption.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.errors import CocontrolError, ValidationFailed
from cocontrol.web.body import Body
from cocontrol.web.deps import Viewer, WebError, db, optional_viewer, viewer

router = APIRouter()
Who = Annotated[Viewer, Depends(viewer)]
DB = Annotated[Session, Depends(db)]
MAX_RECORDS = 5000
TOKEN_PATHS = ("/api/inclusive/records", "/api/inclusive/accounts/", "/api/inclusive/me",
               "/api/inclusive/ledger/")


PRINTABLE = r"^[^\x00-\x1f\x7f]+$"
"""Text fields carry no control characters (PostgreSQL refuses NUL; none belongs in an id)."""


class Record(Body):
    """One behaviour record as a partner posts it."""

    record_id: str = Field(min_length=1, max_length=100, pattern=PRINTABLE)
    person: str = Field(min_length=1, max_length=100, pattern=PRINTABLE,
                        description="the partner's pseudonymous id")
    scene: str = Field(min_length=1, max_length=40, pattern=PRINTABLE)
    start: str = Field(max_length=40, pattern=PRINTABLE)
    end: str = Field(max_length=40, pattern=PRINTABLE)
    distance_km: float | None = None
    quantity: float | None = None
    unit: str | None = Field(None, max_length=10, pattern=PRINTABLE)


class Batch(Body):
    records: list[Record] = Field(min_length=1, max_length=MAX_RECORDS)


class NewPartner(Body):
    partner: str = Field(min_length=2, max_length=100, pattern=PRINTABLE)
    region: str = Field(min_length=1, max_length=100, pattern=PRINTABLE)


def _partner(request: Request, session: Session) -> Any:
    from cocontrol.store.inclusive import partner_of

    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
        raise WebError(401, "login_required", "a partner token is required: Authorization: Bearer …")
    found = partner_of(session, token.strip())
    if found is None:
        raise WebError(401, "login_required", "unknown or revoked partner token")
    return found


def token_partner(request: Request, session: DB) -> Any:
    """The partner a bearer token names, as a dependency: FastAPI resolves it before the body
    is validated, so a bad token is refused (401) before anything of the body is read."""
    return _partner(request, session)


def _frame(batch: Batch) -> pd.DataFrame:
    rows = [r.model_dump() for r in batch.records]
    frame = pd.DataFrame(rows)
    if frame["distance_km"].notna().any() and frame["quantity"].notna().any():
        raise WebError(422, "invalid", "a batch gives distance_km or quantity, not both")
    frame = frame.drop(columns=["quantity", "unit"] if frame["distance_km"].notna().any()
                       else ["distance_km"])
    frame.index = pd.RangeIndex(1, len(frame) + 1)  # rows are positions in the posted list
    return frame


@router.post("/api/inclusive/records", tags=["碳普惠"])
def post_records(partner: Annotated[Any, Depends(token_partner)], batch: Batch,
                 session: DB) -> JSONResponse:
    """Credit a batch of behaviour records (partner token). Re-posting the same batch or a
    record already credited never credits twice."""
    from cocontrol.inclusive.methodology import load
    from cocontrol.inclusive.records import from_frame
    from cocontrol.store.inclusive import post_api_records

    body = json.dumps([r.model_dump() for r in batch.records], sort_keys=True).encode()
    try:
        records = from_frame(_frame(batch), file="records")
        result = post_api_records(session, records, methods=load(), partner=partner,
                                  sha256=hashlib.sha256(body).hexdigest())
        session.commit()
    except ValidationFailed as exc:
        from cocontrol.messages import texts

        session.rollback()
        raise WebError(422, "invalid", texts(exc)) from None
    except (CocontrolError, IntegrityError) as exc:
        from cocontrol.messages import Texts, texts

        session.rollback()  # a concurrent post of the same records loses on the unique key
        both = texts(exc) if isinstance(exc, CocontrolError) else Texts((str(exc), str(exc)))
        raise WebError(409, "conflict", both.map(lambda t: t.splitlines()[0])) from None
    return JSONResponse(result.to_json())  # type: ignore[attr-defined]


@router.get("/api/inclusive/accounts/{person}", tags=["碳普惠"])
def account(request: Request, person: str, session: DB) -> dict[str, Any]:
    """Balance and entries of one person this partner credited (partner token)."""
    from sqlalchemy import select

    from cocontrol.store.inclusive import InclusiveRecord

    partner = _partner(request, session)
    if len(person) > 100 or session.scalar(select(InclusiveRecord.id).where(
            InclusiveRecord.partner == partner.partner, InclusiveRecord.person == person)
            .limit(1)) is None:
        raise WebError(404, "not_found", "no account of this person credited by this partner")
    return _account_json(session, partner.partner, person)


@router.post("/api/inclusive/partners", tags=["碳普惠"])
def new_partner(body: NewPartner, who: Who, session: DB) -> dict[str, str]:
    """A partner token (shown once) for a region the user administers."""
    from cocontrol.store.inclusive import create_token

    who.need("coordinator")
    if not who.sees(body.region):
        raise WebError(404, "not_found", "region outside your scope")
    try:
        token = create_token(session, partner=body.partner, region=body.region, actor=who.name)
        session.commit()
    except CocontrolError as exc:
        from cocontrol.messages import texts

        session.rollback()
        raise WebError(409, "conflict", texts(exc)) from None
    return {"partner": body.partner, "region": body.region, "token": token}


def _summary(session: Session, who: Viewer) -> dict[str, Any]:
    from cocontrol.store.inclusive import summary

    return summary(session, who.regions)


@router.get("/api/inclusive/summary", tags=["碳普惠"])
def summary_json(who: Who, session: DB) -> dict[str, Any]:
    """Aggregates of the regions the user sees: participants, grams by scene and month, the
    ledger's totals, avoided pollutants."""
    from cocontrol.store.inclusive_accounts import ledger_months

    out = _summary(session, who)
    out["months"] = out["months"].to_dict("records")
    out["ledger_months"] = ledger_months(session, who.regions)
    return out


@router.get("/inclusive/export.{fmt}", include_in_schema=False)
def export(fmt: str, who: Who, session: DB) -> Response:
    """Monthly aggregates by region and scene for the provincial platform (CSV or JSON)."""
    who.need("coordinator", "analyst")
    if fmt not in ("csv", "json"):
        raise WebError(404, "not_found", "export as .csv or .json")
    from cocontrol.store.inclusive_accounts import ledger_months

    months = _summary(session, who)["months"]
    if fmt == "json":
        return JSONResponse({"months": months.astype(object).to_dict("records"),
                             "ledger_months": ledger_months(session, who.regions)})
    data = months.map(_text_cell).to_csv(index=False).encode("utf-8-sig")
    return Response(data, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="inclusive.csv"'})


def _text_cell(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula is written as text ('=…)."""
    from cocontrol.excel import is_risky

    return "'" + value if is_risky(value) else value  # type: ignore[operator]


@router.get("/inclusive", include_in_schema=False)
async def page(request: Request, who: Who, session: DB) -> Response:
    return await _page_with(request, who, session, "")


# ---- the ledger after issue: person tokens, redemption, expiry, corrections -----------------

TOKEN_ONLY_RECORDS = ("合作方令牌只能提交行为记录、查看其签发的账户；兑换须用个人账户令牌，过期与冲正由管理部门办理",
                      "a partner token may only post records and read the accounts it credited")
NOT_FOR_TOKENS = ("过期与冲正由管理部门登录后办理，令牌无此权限",
                  "expiry and corrections are done by the bureau signed in; tokens may not")


class Redemption(Body):
    amount_g: float = Field(gt=0, le=1e12, description="grams of CO2 to spend")
    note: str = Field("", max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")


class Expiry(Body):
    year: int = Field(ge=2000, le=2100)


class Correction(Body):
    seq: int | None = Field(None, ge=1, description="the ledger entry to reverse")
    batch: int | None = Field(None, ge=1, description="or every issue entry of this batch")
    reason: str = Field(min_length=1, max_length=200, pattern=PRINTABLE)


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _person(request: Request, session: Session) -> Any:
    """The account a person token opens; 403 for a partner token, 401 otherwise."""
    from cocontrol.store.inclusive import partner_of
    from cocontrol.store.inclusive_accounts import account_of

    token = _bearer(request)
    if token is None or len(token) > 200:
        raise WebError(401, "login_required", "a person token is required: Authorization: Bearer …")
    if partner_of(session, token) is not None:
        raise WebError(403, "forbidden", TOKEN_ONLY_RECORDS)
    found = account_of(session, token)
    if found is None:
        raise WebError(401, "login_required", "unknown or revoked person token")
    return found


async def bureau(request: Request, session: DB,
                 found: Annotated[Viewer | None, Depends(optional_viewer)]) -> Viewer:
    """A signed-in coordinator or admin; any bearer token is refused (403)."""
    if request.headers.get("authorization"):
        raise WebError(403, "forbidden", NOT_FOR_TOKENS)
    who = await viewer(request, found)
    who.need("coordinator")
    return who


Bureau = Annotated[Viewer, Depends(bureau)]


def token_account(request: Request, session: DB) -> Any:
    """The account a person token opens, as a dependency resolved before the body."""
    return _person(request, session)


def _refused(exc: Exception) -> WebError:
    from cocontrol.store.inclusive_accounts import AccountRefused

    if isinstance(exc, AccountRefused):
        key = "not_found" if exc.status == 404 else "invalid"  # the message is the sentence
        return WebError(exc.status, key, (exc.zh, exc.en))
    return WebError(409, "invalid", str(exc).splitlines()[0])


def _account_json(session: Session, partner: str, person: str) -> dict[str, Any]:
    from cocontrol.inclusive import ledger
    from cocontrol.store.inclusive import entries

    mine = entries(session, person, partner)
    return {"person": person, "balance_g": round(ledger.balances(mine).get(person, 0.0), 3),
            "entries": [{"seq": e.seq, "kind": e.kind, "amount_g": round(e.amount_g, 3),
                         "reverses": e.reverses, "note": e.note} for e in mine]}


@router.post("/api/inclusive/accounts/{person}/token", tags=["碳普惠"])
def person_token(request: Request, person: str, session: DB) -> dict[str, str]:
    """A person token for an account this partner credited (partner token; shown once; the
    account's earlier tokens stop working)."""
    from cocontrol.store.inclusive_accounts import issue_person_token

    partner = _partner(request, session)
    try:
        if len(person) > 100:
            raise WebError(404, "not_found", "no account of this person credited by this partner")
        token = issue_person_token(session, partner=partner.partner, person=person,
                                   actor=f"partner:{partner.partner}")
        session.commit()
    except CocontrolError as exc:
        session.rollback()
        raise _refused(exc) from None
    return {"person": person, "token": token}


@router.get("/api/inclusive/me", tags=["碳普惠"])
def my_account(request: Request, session: DB) -> dict[str, Any]:
    """The balance and entries of the account a person token opens."""
    mine = _person(request, session)
    return _account_json(session, mine.partner, mine.person)


@router.post("/api/inclusive/me/redeem", tags=["碳普惠"])
def redeem(mine: Annotated[Any, Depends(token_account)], body: Redemption,
           session: DB) -> dict[str, Any]:
    """Spend credits of one's own account (person token); refused beyond the balance, nothing
    half-way."""
    from cocontrol.store.inclusive_accounts import redeem as spend

    try:
        spend(session, partner=mine.partner, person=mine.person, amount_g=body.amount_g,
              note=body.note, actor=f"person:{mine.id}")
        session.commit()
    except (CocontrolError, IntegrityError) as exc:
        session.rollback()
        raise _refused(exc) from None
    return _account_json(session, mine.partner, mine.person)


def _expire(session: Session, who: Viewer, year: int) -> tuple[int, float]:
    from cocontrol.store.inclusive_accounts import expire_year

    try:
        done = expire_year(session, year=year, actor=who.name, regions=who.regions)
        session.commit()
    except (CocontrolError, IntegrityError) as exc:
        session.rollback()
        raise _refused(exc) from None
    return done


def _correct(session: Session, who: Viewer, seq: int | None, batch: int | None,
             reason: str) -> tuple[int, float]:
    from cocontrol.store.inclusive_accounts import AccountRefused, correct_batch, correct_entry

    try:
        if (seq is None) == (batch is None):
            raise AccountRefused("请填写分录号或批次号（二者填一）", "give an entry or a batch, not both")
        if seq is not None:
            row = correct_entry(session, seq=seq, reason=reason, actor=who.name,
                                regions=who.regions)
            done = (1, float(row.amount_g))
        else:
            done = correct_batch(session, batch=batch, reason=reason, actor=who.name,  # type: ignore[arg-type]
                                 regions=who.regions)
        session.commit()
    except (CocontrolError, IntegrityError) as exc:
        session.rollback()
        raise _refused(exc) from None
    return done


@router.post("/api/inclusive/ledger/expire", tags=["碳普惠"])
def expire_json(body: Expiry, who: Bureau, session: DB) -> dict[str, Any]:
    """Expire what is left of the credits issued in ``year`` (and before) in the accounts of
    the user's regions, once their validity has passed (coordinator)."""
    accounts, grams = _expire(session, who, body.year)
    return {"year": body.year, "accounts": accounts, "expired_g": round(grams, 3)}


@router.post("/api/inclusive/ledger/correct", tags=["碳普惠"])
def correct_json(body: Correction, who: Bureau, session: DB) -> dict[str, Any]:
    """Reverse a ledger entry, or every issue entry of a batch, with a reason (coordinator)."""
    entries_, grams = _correct(session, who, body.seq, body.batch, body.reason)
    return {"entries": entries_, "amount_g": round(grams, 3)}


def _form_int(value: str, zh: str, en: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 9:
        raise WebError(422, "invalid", (f"{zh}须为正整数", f"{en} must be a whole number"))
    return int(value)


async def _page_with(request: Request, who: Viewer, session: Session, message: str,
                     error: str = "", status: int = 200) -> Response:
    from cocontrol.inclusive.view import page_view
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render

    data = await run_in_threadpool(_summary, session, who)
    v = page_view(data, lang_of(request))
    v.update(_ledger_view(session, who, lang_of(request)), message=message, error=error)
    return render(request, "inclusive.html", who, page="inclusive", title=v["title"], v=v,
                  status=status)


def _ledger_view(session: Session, who: Viewer, lang: str) -> dict[str, Any]:
    from cocontrol.store.inclusive_accounts import ledger_months, recent_batches, validity

    rule = validity()
    return {"batches": recent_batches(session, who.regions),
            "ledger_months": ledger_months(session, who.regions, by_region=False)[-12:],
            "manage": who.role in ("admin", "coordinator"), "validity_years": rule.years,
            "validity_status": rule.status}


@router.post("/inclusive/expire", include_in_schema=False)
async def expire_form(request: Request, who: Bureau, session: DB,
                      year: Annotated[str, Form()] = "") -> Response:
    from cocontrol.web.i18n import MESSAGES, lang_of

    i = lang_of(request) != "zh"
    number = _form_int(year, "年份", "the year")
    try:
        accounts, grams = await run_in_threadpool(_expire, session, who, number or 0)
    except WebError as exc:
        text = exc.detail[i] if isinstance(exc.detail, tuple) else str(exc.detail)
        return await _page_with(request, who, session, "", text, exc.status)
    message = MESSAGES["inclusive.expired_done"][i].format(year=number, n=accounts,
                                                           t=grams / 1e6)
    return await _page_with(request, who, session, message)


@router.post("/inclusive/correct", include_in_schema=False)
async def correct_form(request: Request, who: Bureau, session: DB,
                       seq: Annotated[str, Form()] = "", batch: Annotated[str, Form()] = "",
                       reason: Annotated[str, Form(max_length=200)] = "") -> Response:
    from cocontrol.web.i18n import MESSAGES, lang_of

    i = lang_of(request) != "zh"
    entry, batch_no = _form_int(seq, "分录号", "the entry"), _form_int(batch, "批次号", "the batch")
    try:
        n, grams = await run_in_threadpool(_correct, session, who, entry, batch_no, reason)
    except WebError as exc:
        text = exc.detail[i] if isinstance(exc.detail, tuple) else str(exc.detail)
        return await _page_with(request, who, session, "", text, exc.status)
    message = MESSAGES["inclusive.corrected_done"][i].format(n=n, t=grams / 1e6)
    return await _page_with(request, who, session, message)
