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

import pandas as pd
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
    region: Mapped[str] = mapped_column(String(100), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255), default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    credited_g: Mapped[float] = mapped_column(Float, default=0.0)
    journal: Mapped[str] = mapped_column(String(500), default="")
    posted_by: Mapped[str] = mapped_column(String(100), default="")
    posted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PartnerToken(Base):
    """合作方接入令牌: a partner system posts records and reads the balances of the people it
    credited. Only the SHA-256 of the token is stored; a revoked token stops working."""

    __tablename__ = "partner_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(100), unique=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(default=False)


class InclusiveRecord(Base):
    """A record credited through the API (the per-record journal of API posts; bulk files keep
    theirs in Parquet). ``(partner, record_id)`` is unique: posted twice, credited once."""

    __tablename__ = "inclusive_records"
    __table_args__ = (UniqueConstraint("partner", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    partner: Mapped[str] = mapped_column(String(100))
    record_id: Mapped[str] = mapped_column(String(100))
    person: Mapped[str] = mapped_column(String(100), index=True)
    scene: Mapped[str] = mapped_column(String(40))
    day: Mapped[dt.date]
    version: Mapped[str] = mapped_column(String(40))
    credited_g: Mapped[float] = mapped_column(Float)
    batch_id: Mapped[int] = mapped_column(ForeignKey("inclusive_batches.id"))
    started_at: Mapped[dt.datetime | None]
    ended_at: Mapped[dt.datetime | None]


class LedgerEntry(Base):
    """台账分录 — append-only; a correction is a reversing entry. ``region``: the region of
    the batch that issued it, or for a redemption, expiry or correction that of the person's
    issues, so the bureau's totals of a region are the sum of its entries."""

    __tablename__ = "inclusive_ledger"
    seq: Mapped[int] = mapped_column(primary_key=True)
    person: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    amount_g: Mapped[float] = mapped_column(Float)
    reverses: Mapped[int | None] = mapped_column(ForeignKey("inclusive_ledger.seq"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("inclusive_batches.id"))
    note: Mapped[str] = mapped_column(String(255), default="")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    region: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)
    partner: Mapped[str] = mapped_column(String(100), default="", server_default="", index=True)
    """the partner system whose pseudonymous id ``person`` is: an account is (partner, person)"""


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
                 journal: Path | None, region: str = "") -> InclusiveBatch:
    """Store a credited batch and its issue entries; rename the journal after the flush.

    Call inside a transaction; the caller's commit makes it durable (the journal is renamed
    before the commit returns, and removed again if the commit fails).
    """
    refuse_repost(session, partner, sha256)
    total = float(sum(g for _, g in persons))
    batch = InclusiveBatch(partner=partner, region=region, sha256=sha256, name=name[:255],
                           records=records,
                           credited_g=total, journal=str(journal) if journal else "",
                           posted_by=actor)
    session.add(batch)
    session.flush()
    # one executemany of plain rows (a year's file issues to a million people: ORM objects
    # cost ~60 µs each, a Core insert ~9 µs)
    at, note = utcnow(), f"batch {batch.id}"
    issues = [{"person": p, "kind": "issue", "amount_g": g, "reverses": None,
               "batch_id": batch.id, "note": note, "at": at, "region": region,
               "partner": partner}
              for p, g in persons if g > 0]
    if issues:
        session.connection().execute(LedgerEntry.__table__.insert(), issues)
    session.add(AuditLog(actor=actor, action="insert", table_name="inclusive_batches",
                         row_id=batch.id, before=None,
                         after={"partner": partner, "records": records, "credited_g": total,
                                "file": name}))
    session.flush()
    if journal_tmp is not None and journal is not None:
        os.replace(journal_tmp, journal)
    return batch


def entries(session: Session, person: str | None = None,
            partner: str | None = None) -> list[ledger.Entry]:
    """Ledger entries (of one person, of one partner), in sequence."""
    query = select(LedgerEntry).order_by(LedgerEntry.seq)
    if person is not None:
        query = query.where(LedgerEntry.person == person)
    if partner is not None:
        query = query.where(LedgerEntry.partner == partner)
    return [ledger.Entry(seq=e.seq, person=e.person, kind=e.kind, amount_g=e.amount_g,
                         reverses=e.reverses, note=e.note, partner=e.partner, year=e.at.year)
            for e in session.scalars(query)]


def post_entry(session: Session, *, person: str, kind: str, amount_g: float, actor: str,
               reverses: int | None = None, note: str = "",
               partner: str | None = None) -> LedgerEntry:
    """Append a redeem / expire / correct entry to the account (partner, person) after the
    ledger rules (pure) accept it. ``partner`` None: the one partner that credited the
    person (refused when several did)."""
    if partner is None:
        partner = _partner_of(session, person, reverses)
    ledger.check(entries(session, person, partner),
                 ledger.Entry(seq=0, person=person, kind=kind, amount_g=float(amount_g),
                              reverses=reverses, note=note, partner=partner))
    row = LedgerEntry(person=person, kind=kind, amount_g=float(amount_g), reverses=reverses,
                      note=note[:255], region=_region_of(session, person, reverses, partner),
                      partner=partner)
    session.add(row)
    session.flush()
    session.add(AuditLog(actor=actor, action="insert", table_name="inclusive_ledger",
                         row_id=row.seq, before=None,
                         after={"partner": partner, "person": person, "kind": kind,
                                "amount_g": amount_g, "reverses": reverses, "note": note}))
    return row


def _partner_of(session: Session, person: str, reverses: int | None) -> str:
    if reverses is not None:
        return session.scalar(select(LedgerEntry.partner).where(
            LedgerEntry.seq == reverses)) or ""
    found = session.scalars(select(LedgerEntry.partner).where(
        LedgerEntry.person == person).distinct()).all()
    if len(found) > 1:
        raise InputError("several partner systems use this id; name the partner",
                         column="partner", expected=" or ".join(sorted(found)), found=person)
    return found[0] if found else ""


def _region_of(session: Session, person: str, reverses: int | None, partner: str = "") -> str:
    """The region an entry of ``person`` counts in: that of the entry it reverses, else of
    the account's latest issue."""
    if reverses is not None:
        return session.scalar(select(LedgerEntry.region).where(LedgerEntry.seq == reverses)) or ""
    return session.scalar(select(LedgerEntry.region).where(
        LedgerEntry.person == person, LedgerEntry.partner == partner,
        LedgerEntry.kind == "issue").order_by(LedgerEntry.seq.desc()).limit(1)) or ""


def totals(session: Session) -> dict[str, float]:
    """The bureau's view: grams issued, redeemed, expired, corrected, and the balance."""
    rows = session.execute(select(LedgerEntry.kind, func.sum(LedgerEntry.amount_g))
                           .group_by(LedgerEntry.kind)).all()
    out = {kind: 0.0 for kind in ledger.KINDS}
    out.update({k: float(v or 0.0) for k, v in rows})
    out["balance"] = sum(out[k] for k in ledger.KINDS)
    return out


def post_records(records: object, *, methods: object, partner: str, sha256: str, name: str,
                 actor: str, engine: str = "duckdb", dry_run: bool = False,
                 region: str = "") -> object:
    """Check, credit and ledger one batch (all or nothing) of ``region``; ``dry_run`` credits
    without storing. Returns the :class:`~cocontrol.inclusive.run.CreditResult`."""
    import pyarrow as pa

    from cocontrol.inclusive.run import _prior_table, credit_batch
    from cocontrol.store.db import home, transaction

    with transaction() as session:
        refuse_repost(session, partner, sha256)
        seen = seen_journals(session, partner)
        api_ids = session.scalars(select(InclusiveRecord.record_id).where(
            InclusiveRecord.partner == partner)).all()
        trips = api_trips(session, partner)
    folder = journal_folder(home(), partner)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{sha256[:16]}.parquet"
    tmp = folder / f".{sha256[:16]}.part"
    result = credit_batch(records, methods, seen=seen, journal=None if dry_run else tmp,  # type: ignore[arg-type]
                          partner=partner, batch=sha256[:16], engine=engine, file=name,
                          seen_ids=pa.table({"seen_id": pa.array(list(api_ids), pa.string())}),
                          prior=_prior_table(trips))
    if dry_run:
        return result
    try:
        with transaction() as session:
            record_batch(session, partner=partner, sha256=sha256, name=name, actor=actor,
                         persons=[(p, float(g)) for p, g in zip(
                             result.persons["person"], result.persons["credited_g"],
                             strict=True)],
                         records=result.records, journal_tmp=tmp, journal=final,
                         region=region)
    except BaseException:
        tmp.unlink(missing_ok=True)
        final.unlink(missing_ok=True)
        raise
    return result


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, *, partner: str, region: str, actor: str) -> str:
    """A new partner token (returned once; only its digest is stored). Audited."""
    import secrets

    if session.scalar(select(PartnerToken).where(PartnerToken.partner == partner)) is not None:
        raise InputError("a partner of this name exists already", column="partner",
                         found=partner)
    token = "cc_" + secrets.token_urlsafe(32)
    row = PartnerToken(partner=partner, region=region, token_sha256=token_digest(token),
                       created_by=actor)
    session.add(row)
    session.flush()
    session.add(AuditLog(actor=actor, action="insert", table_name="partner_tokens",
                         row_id=row.id, before=None, after={"partner": partner,
                                                            "region": region}))
    return token


def partner_of(session: Session, token: str) -> PartnerToken | None:
    """The active partner a token belongs to, or None."""
    return session.scalar(select(PartnerToken).where(
        PartnerToken.token_sha256 == token_digest(token), PartnerToken.revoked.is_(False)))


def post_api_records(session: Session, records: object, *, methods: object,
                     partner: PartnerToken, sha256: str) -> object:
    """Credit a small batch posted by a partner system and store it, in the caller's
    transaction: the batch, one issue entry per person, and every credited record (whose
    unique (partner, record_id) makes a concurrent re-post fail instead of crediting twice)."""
    from cocontrol.inclusive.run import credit_small

    refuse_repost(session, partner.partner, sha256)
    ids = [str(i) for i in records.column("record_id").to_pylist()]  # type: ignore[attr-defined]
    people = sorted({str(p) for p in records.column("person").to_pylist()})  # type: ignore[attr-defined]
    known = session.scalars(select(InclusiveRecord.record_id).where(
        InclusiveRecord.partner == partner.partner, InclusiveRecord.record_id.in_(ids))).all()
    result = credit_small(records, methods, seen=seen_journals(session, partner.partner),  # type: ignore[arg-type]
                          seen_ids=set(known), prior=api_trips(session, partner.partner, people))
    batch = record_batch(session, partner=partner.partner, sha256=sha256, name="api",
                         actor=f"partner:{partner.partner}", region=partner.region,
                         persons=[(p, float(g)) for p, g in zip(
                             result.persons["person"], result.persons["credited_g"],
                             strict=True)],
                         records=result.records, journal_tmp=None, journal=None)
    session.add_all(InclusiveRecord(partner=partner.partner, record_id=r.record_id,
                                    person=r.person, scene=r.scene, day=r.day,
                                    version=r.version, credited_g=float(r.credited_g),
                                    batch_id=batch.id, started_at=_time(r.start),
                                    ended_at=_time(r.end))
                    for r in result.credited.itertuples())  # type: ignore[attr-defined]
    session.flush()
    return result


def _time(value: object) -> dt.datetime | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()  # type: ignore[arg-type]


def api_trips(session: Session, partner: str, people: list[str] | None = None
              ) -> list[tuple[str, str, dt.datetime, dt.datetime]]:
    """(record id, person, start, end) of the trips the partner's API posts credited (of
    ``people``): the overlap rule checks new trips against them."""
    query = select(InclusiveRecord.record_id, InclusiveRecord.person, InclusiveRecord.started_at,
                   InclusiveRecord.ended_at).where(InclusiveRecord.partner == partner,
                                                   InclusiveRecord.started_at.is_not(None))
    if people is not None:
        query = query.where(InclusiveRecord.person.in_(people))
    return [tuple(r) for r in session.execute(query)]  # type: ignore[misc]


def _journal_months(paths: list[str]) -> pd.DataFrame:
    """Grams, records and participants by scene and month of the bulk journals (DuckDB)."""
    import duckdb

    if not paths:
        return pd.DataFrame(columns=["partner", "scene", "month", "records", "credited_g",
                                     "persons"])
    files = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
    return duckdb.sql(
        f"SELECT partner, scene, date_trunc('month', day) AS month, count(*) AS records, "
        f"sum(credited_g) AS credited_g, list(DISTINCT person) AS persons "
        f"FROM read_parquet([{files}]) GROUP BY ALL").df()


def summary(session: Session, regions: set[str] | None) -> dict[str, object]:
    """The bureau's view of the regions it sees: participants, grams by scene and month (bulk
    journals and API records together), the ledger's totals. Never a person's id."""
    batches = session.execute(select(InclusiveBatch.partner, InclusiveBatch.region,
                                     InclusiveBatch.journal, InclusiveBatch.id)).all()
    mine = [b for b in batches if regions is None or b.region in regions]
    region_of = {b.partner: b.region for b in mine}
    journals = [b.journal for b in mine if b.journal and Path(b.journal).is_file()]
    bulk = _journal_months(journals)
    api_rows = session.execute(select(
        InclusiveRecord.partner, InclusiveRecord.scene, InclusiveRecord.day,
        InclusiveRecord.person, InclusiveRecord.credited_g).where(
        InclusiveRecord.batch_id.in_([b.id for b in mine] or [-1]))).all()
    api = pd.DataFrame(api_rows, columns=["partner", "scene", "day", "person", "credited_g"])
    frames = []
    if not api.empty:
        api["month"] = pd.to_datetime(api["day"]).dt.to_period("M").dt.to_timestamp()
        grouped = api.groupby(["partner", "scene", "month"]).agg(
            records=("person", "size"), credited_g=("credited_g", "sum"),
            persons=("person", lambda s: list(set(s)))).reset_index()
        frames.append(grouped)
    if not bulk.empty:
        bulk["month"] = pd.to_datetime(bulk["month"])
        frames.append(bulk)
    people: set[str] = set()
    if frames:
        both = pd.concat(frames, ignore_index=True)
        both["region"] = both["partner"].map(region_of)
        for partner, persons in zip(both["partner"], both["persons"], strict=True):
            people.update((partner, p) for p in persons)  # an account is (partner, person)
        both["participants"] = both["persons"].map(len)
        months = (both.groupby(["region", "scene", "month"], as_index=False)
                  .agg(records=("records", "sum"), credited_g=("credited_g", "sum"),
                       participants=("participants", "sum")))
        months["month"] = months["month"].dt.strftime("%Y-%m")
    else:
        months = pd.DataFrame(columns=["region", "scene", "month", "records", "credited_g",
                                       "participants"])
    query = select(LedgerEntry.kind, func.sum(LedgerEntry.amount_g)).group_by(LedgerEntry.kind)
    if regions is not None:
        query = query.where(LedgerEntry.region.in_(sorted(regions)))
    ledger_rows = session.execute(query).all()
    totals = {kind: 0.0 for kind in ledger.KINDS}
    totals.update({k: float(v or 0.0) for k, v in ledger_rows})
    totals["balance"] = sum(totals[k] for k in ledger.KINDS)
    return {"participants": len(people), "months": months, "ledger": totals,
            "partners": sorted(region_of), "batches": len(mine)}


DEMO_PARTNER = "示例出行平台（示例数据）"


def seed_inclusive(session: Session) -> int:
    """Post the demo cities' illustrative records (``examples/inclusive/<city>.csv``) once, as
    the partner :data:`DEMO_PARTNER` of each city; returns the number of batches posted."""
    import secrets

    from cocontrol import demo
    from cocontrol.inclusive.methodology import load
    from cocontrol.inclusive.records import read_records

    posted = 0
    for slug, city in demo.CITIES.items():
        path = demo.examples_dir() / "inclusive" / f"{slug}.csv"
        if not path.is_file():
            continue
        partner_name = f"{DEMO_PARTNER}·{city}"
        partner = session.scalar(select(PartnerToken).where(PartnerToken.partner == partner_name))
        if partner is None:
            partner = PartnerToken(partner=partner_name, region=city, created_by="seed",
                                   token_sha256=token_digest(secrets.token_urlsafe(32)))
            session.add(partner)
            session.flush()
        digest = file_digest(path)
        if session.scalar(select(InclusiveBatch.id).where(InclusiveBatch.partner == partner_name,
                                                          InclusiveBatch.sha256 == digest)):
            continue
        post_api_records(session, read_records(path), methods=load(), partner=partner,
                         sha256=digest)
        posted += 1
    return posted
