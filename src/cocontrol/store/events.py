"""Large events and the credits retired for them (大型活动与注销的碳信用).

``credit_retirements.serial`` is unique: a serial retired once — by any event — is refused the
second time, by the database itself as well as by the check before it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocontrol.errors import InputError
from cocontrol.store.models import AuditLog, Base, utcnow


class Event(Base):
    """大型活动."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(100), default="")
    total_t: Mapped[float] = mapped_column(Float, default=0.0)
    retired_t: Mapped[float] = mapped_column(Float, default=0.0)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: what the certificate states besides the totals: type, start, end, venue, attendees,
    #: stage (plan/actual), half_width_t (95 % interval), problems (None for events recorded
    #: before this column existed)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class CreditRetirement(Base):
    """一笔注销：序列号全库唯一."""

    __tablename__ = "credit_retirements"
    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(80), unique=True)
    credit_type: Mapped[str] = mapped_column(String(20))
    vintage: Mapped[str] = mapped_column(String(10), default="")
    quantity_t: Mapped[float] = mapped_column(Float)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))


def retired_elsewhere(session: Session, serials: list[str]) -> dict[str, str]:
    """Serial → name of the event that retired it, for the serials already retired."""
    rows = session.execute(select(CreditRetirement.serial, Event.name)
                           .join(Event, Event.id == CreditRetirement.event_id)
                           .where(CreditRetirement.serial.in_(serials))).all()
    return {serial: name for serial, name in rows}


def details(info: dict[str, object], footprint: object) -> dict[str, Any]:
    """The event's facts kept for its certificate (JSON-ready)."""
    def text(key: str) -> str:
        value = info.get(key)
        return "" if value is None or str(value) == "nan" else str(value).split(" 00:00:00")[0]

    return {"type": text("type"), "start": text("start"), "end": text("end"),
            "venue": text("venue"), "attendees": text("attendees"),
            "stage": str(getattr(footprint, "stage", "actual")),
            "half_width_t": float(getattr(footprint, "half_width_t", 0.0)),
            "problems": list(getattr(footprint, "problems", []))}


def certificate_data(session: Session, event_id: int) -> tuple[Event, list[CreditRetirement]] | None:
    """The stored event and its retirements (None when no such event)."""
    event = session.get(Event, event_id)
    if event is None:
        return None
    credits = session.scalars(select(CreditRetirement).where(
        CreditRetirement.event_id == event_id).order_by(CreditRetirement.id)).all()
    return event, list(credits)


def retire(session: Session, *, info: dict[str, object], footprint: object,
           actor: str) -> Event:
    """Record the event and retire its credits (all or nothing; refused if any serial is
    taken — the unique constraint guards concurrent retirements too)."""
    credits = footprint.credits  # type: ignore[attr-defined]
    taken = retired_elsewhere(session, list(credits["serial"]))
    if taken:
        raise InputError("credit serials retired already: " + ", ".join(
            f"{s} ({e})" for s, e in taken.items()), sheet="抵消", column="序列号")
    event = Event(name=str(info.get("name"))[:200], region=str(info.get("city") or ""),
                  total_t=footprint.total_t, retired_t=footprint.retired_t,  # type: ignore[attr-defined]
                  created_by=actor, details=details(info, footprint))
    session.add(event)
    session.flush()
    session.add_all(CreditRetirement(serial=r.serial, credit_type=r.credit_type,
                                     vintage="" if r.vintage is None else str(r.vintage),
                                     quantity_t=r.quantity_t, event_id=event.id)
                    for r in credits.itertuples())
    session.add(AuditLog(actor=actor, action="insert", table_name="events", row_id=event.id,
                         before=None, after={"name": event.name, "total_t": event.total_t,
                                             "serials": list(credits["serial"])}))
    session.flush()
    return event
