"""碳普惠 records in the application store: batches and the append-only ledger.

The per-record journal of credited records is a Parquet file per batch under
``$COCONTROL_HOME/inclusive/<partner>/`` (tens of millions of rows a year do not belong in the
transactional database); the database holds one row per batch and the ledger entries (one
``issue`` per person and batch, redemptions, expiries, corrections). A batch is recorded in one
transaction: its journal file is written under a temporary name first and renamed only after the
commit, so a failed post leaves neither a batch row nor a journal that would mark its records as
seen. The same file (by SHA-256) is never posted twice for a partner.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocontrol.errors import InputError
from cocontrol.inclusive import ledger
from cocontrol.store.models import AuditLog, Base, utcnow


class InclusiveBatch(Base):
    """一批行为记录 (one file or API post of a partner system)."""

    __tablename__ = "inclusive_batches"
    __table_args__ = (UniqueConstraint("partner", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255), default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    credited_g: Mapped[float] = mapped_column(Float, default=0.0)
    journal: Mapped[str] = mapped_column(String(500), default="")
    posted_by: Mapped[str] = mapped_column(String(100), default="")
    posted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LedgerEntry(Base):
    """台账分录 — append-only; a correction is a reversing entry."""

    __tablename__ = "inclusive_ledger"
    seq: Mapped[int] = mapped_column(primary_key=True)
    person: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    amount_g: Mapped[float] = mapped_column(Float)
    reverses: Mapped[int | None] = mapped_column(ForeignKey("inclusive_ledger.seq"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("inclusive_batches.id"))
    note: Mapped[str] = mapped_column(String(255), default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def journal_folder(home: Path, partner: str) -> Path:
    safe = hashlib.sha1(partner.encode()).hexdigest()[:12]
    return home / "inclusive" / safe


def seen_journals(session: Session, partner: str) -> list[str]:
    """Journal files of the partner's earlier batches (record ids already credited)."""
    paths = session.scalars(select(InclusiveBatch.journal).where(
        InclusiveBatch.partner == partner, InclusiveBatch.journal != "")).all()
    return [p for p in paths if Path(p).is_file()]


def file_digest(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def refuse_repost(session: Session, partner: str, sha256: str) -> None:
    """The same file may not be posted twice by a partner (nothing would be credited)."""
    old = session.scalar(select(InclusiveBatch).where(InclusiveBatch.partner == partner,
                                                      InclusiveBatch.sha256 == sha256))
    if old is not None:
        raise InputError(f"this file was posted already as batch {old.id} on "
                         f"{old.posted_at:%Y-%m-%d %H:%M}; nothing credited",
                         found=old.name or sha256[:12])


def record_batch(session: Session, *, partner: str, sha256: str, name: str, actor: str,
                 persons: list[tuple[str, float]], records: int, journal_tmp: Path | None,
                 journal: Path | None) -> InclusiveBatch:
    """Store a credited batch and its issue entries; rename the journal after the flush.

    Call inside a transaction; the caller's commit makes it durable (the journal is renamed
    before the commit returns, and removed again if the commit fails).
    """
    refuse_repost(session, partner, sha256)
    total = float(sum(g for _, g in persons))
    batch = InclusiveBatch(partner=partner, sha256=sha256, name=name[:255], records=records,
                           credited_g=total, journal=str(journal) if journal else "",
                           posted_by=actor)
    session.add(batch)
    session.flush()
    session.add_all(LedgerEntry(person=p, kind="issue", amount_g=g, batch_id=batch.id,
                                note=f"batch {batch.id}") for p, g in persons if g > 0)
    session.add(AuditLog(actor=actor, action="insert", table_name="inclusive_batches",
                         row_id=batch.id, before=None,
                         after={"partner": partner, "records": records, "credited_g": total,
                                "file": name}))
    session.flush()
    if journal_tmp is not None and journal is not None:
        os.replace(journal_tmp, journal)
    return batch


def entries(session: Session, person: str | None = None) -> list[ledger.Entry]:
    """Ledger entries (of one person), in sequence."""
    query = select(LedgerEntry).order_by(LedgerEntry.seq)
    if person is not None:
        query = query.where(LedgerEntry.person == person)
    return [ledger.Entry(seq=e.seq, person=e.person, kind=e.kind, amount_g=e.amount_g,
                         reverses=e.reverses, note=e.note) for e in session.scalars(query)]


def post_entry(session: Session, *, person: str, kind: str, amount_g: float, actor: str,
               reverses: int | None = None, note: str = "") -> LedgerEntry:
    """Append a redeem / expire / correct entry after the ledger rules (pure) accept it."""
    ledger.check(entries(session, person), ledger.Entry(seq=0, person=person, kind=kind,
                                       amount_g=float(amount_g), reverses=reverses, note=note))
    row = LedgerEntry(person=person, kind=kind, amount_g=float(amount_g), reverses=reverses,
                      note=note[:255])
    session.add(row)
    session.flush()
    session.add(AuditLog(actor=actor, action="insert", table_name="inclusive_ledger",
                         row_id=row.seq, before=None,
                         after={"person": person, "kind": kind, "amount_g": amount_g}))
    return row


def totals(session: Session) -> dict[str, float]:
    """The bureau's view: grams issued, redeemed, expired, corrected, and the balance."""
    rows = session.execute(select(LedgerEntry.kind, func.sum(LedgerEntry.amount_g))
                           .group_by(LedgerEntry.kind)).all()
    out = {kind: 0.0 for kind in ledger.KINDS}
    out.update({k: float(v or 0.0) for k, v in rows})
    out["balance"] = sum(out[k] for k in ledger.KINDS)
    return out


def post_records(records: object, *, methods: object, partner: str, sha256: str, name: str,
                 actor: str, engine: str = "duckdb", dry_run: bool = False) -> object:
    """Check, credit and ledger one batch (all or nothing); ``dry_run`` credits without
    storing. Returns the :class:`~cocontrol.inclusive.run.CreditResult`."""
    from cocontrol.inclusive.run import credit_batch
    from cocontrol.store.db import home, transaction

    with transaction() as session:
        refuse_repost(session, partner, sha256)
        seen = seen_journals(session, partner)
    folder = journal_folder(home(), partner)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{sha256[:16]}.parquet"
    tmp = folder / f".{sha256[:16]}.part"
    result = credit_batch(records, methods, seen=seen, journal=None if dry_run else tmp,  # type: ignore[arg-type]
                          partner=partner, batch=sha256[:16], engine=engine, file=name)
    if dry_run:
        return result
    try:
        with transaction() as session:
            record_batch(session, partner=partner, sha256=sha256, name=name, actor=actor,
                         persons=[(p, float(g)) for p, g in zip(
                             result.persons["person"], result.persons["credited_g"],
                             strict=True)],
                         records=result.records, journal_tmp=tmp, journal=final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        final.unlink(missing_ok=True)
        raise
    return result
