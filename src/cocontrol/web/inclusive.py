"""碳普惠 on the platform: partner systems post records with a token; the bureau sees aggregates.

Machine clients (``Authorization: Bearer <token>``, no cookie, so no CSRF):
``POST /api/inclusive/records`` credits a batch (at most :data:`MAX_RECORDS` records; the same
contract as ``cocontrol inclusive credit``), ``GET /api/inclusive/accounts/{person}`` returns the
balance and entries of a person this partner credited — the only way a person's account is read.
People (signed in): the 碳普惠 page (scenes and methodologies, participants and reductions by
month, the ledger's totals, avoided pollutants), a partner token for admins and coordinators, and
the aggregate export for the provincial platform (CSV/JSON). The bureau never sees a person.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cocontrol.errors import CocontrolError, ValidationFailed
from cocontrol.web.body import Body
from cocontrol.web.deps import Viewer, WebError, db, viewer

router = APIRouter()
Who = Annotated[Viewer, Depends(viewer)]
DB = Annotated[Session, Depends(db)]
MAX_RECORDS = 5000
TOKEN_PATHS = ("/api/inclusive/records", "/api/inclusive/accounts/")


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
def post_records(request: Request, batch: Batch, session: DB) -> JSONResponse:
    """Credit a batch of behaviour records (partner token). Re-posting the same batch or a
    record already credited never credits twice."""
    from cocontrol.inclusive.methodology import load
    from cocontrol.inclusive.records import from_frame
    from cocontrol.store.inclusive import post_api_records

    partner = _partner(request, session)
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

    from cocontrol.inclusive import ledger
    from cocontrol.store.inclusive import InclusiveRecord, entries

    partner = _partner(request, session)
    if len(person) > 100 or session.scalar(select(InclusiveRecord.id).where(
            InclusiveRecord.partner == partner.partner, InclusiveRecord.person == person)
            .limit(1)) is None:
        raise WebError(404, "not_found", "no account of this person credited by this partner")
    mine = entries(session, person)
    return {"person": person, "balance_g": round(ledger.balances(mine).get(person, 0.0), 3),
            "entries": [{"seq": e.seq, "kind": e.kind, "amount_g": round(e.amount_g, 3),
                         "reverses": e.reverses, "note": e.note} for e in mine]}


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
    out = _summary(session, who)
    out["months"] = out["months"].to_dict("records")
    return out


@router.get("/inclusive/export.{fmt}", include_in_schema=False)
def export(fmt: str, who: Who, session: DB) -> Response:
    """Monthly aggregates by region and scene for the provincial platform (CSV or JSON)."""
    who.need("coordinator", "analyst")
    if fmt not in ("csv", "json"):
        raise WebError(404, "not_found", "export as .csv or .json")
    months = _summary(session, who)["months"]
    if fmt == "json":
        return JSONResponse({"months": months.astype(object).to_dict("records")})
    data = months.map(_text_cell).to_csv(index=False).encode("utf-8-sig")
    return Response(data, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="inclusive.csv"'})


def _text_cell(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula is written as text ('=…)."""
    from cocontrol.excel import is_risky

    return "'" + value if is_risky(value) else value  # type: ignore[operator]


@router.get("/inclusive", include_in_schema=False)
async def page(request: Request, who: Who, session: DB) -> Response:
    from cocontrol.inclusive.view import page_view
    from cocontrol.web.i18n import lang_of
    from cocontrol.web.pages import render

    data = await run_in_threadpool(_summary, session, who)
    v = page_view(data, lang_of(request))
    return render(request, "inclusive.html", who, page="inclusive", title=v["title"], v=v)
