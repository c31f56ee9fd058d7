"""碳普惠 ledger operations after issue: redeem, expire, correct; person tokens.

Who may do what (least privilege):

* a **person** redeems from their own account (partner, person) with a person token — the only
  way a balance is spent (:func:`redeem`); a partner system asks for that token on the person's
  behalf (:func:`issue_person_token`), as it already reads the accounts it credited;
* the **bureau** (coordinator, admin, the CLI operator) expires the credits of a year whose
  validity has passed (:func:`expire_year`) and posts corrections as reversing entries with a
  reason (:func:`correct_entry`, :func:`correct_batch`); it never sees a person's balance.

Each operation runs in the caller's transaction and either appends every one of its entries or
none; every entry is audited. A redemption or a single correction goes through the ledger's
rules entry by entry (:func:`cocontrol.store.inclusive.post_entry`); an expiry or a batch's
correction is checked as a set in the database (:func:`lapsing`: grouped sums, no entry loaded,
so a city's million accounts expire in one statement per sum) and appended in bulk. Refusals raise
:class:`AccountRefused` with a Chinese sentence (and its English) for the person or officer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Integer, String, func, insert, select, text
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column

from cocontrol import refdata
from cocontrol.errors import CocontrolError
from cocontrol.inclusive import ledger
from cocontrol.store.inclusive import InclusiveBatch, LedgerEntry, entries, post_entry
from cocontrol.store.models import AuditLog, Base, utcnow

MAX_NOTE = 200
Account = tuple[str, str]


class AccountRefused(CocontrolError):
    """A ledger operation refused; nothing was written. ``zh`` / ``en``: the sentence."""

    def __init__(self, zh: str, en: str, status: int = 422) -> None:
        self.zh, self.en, self.status = zh, en, status
        super().__init__(f"{zh}（{en}）")


class PersonToken(Base):
    """个人账户令牌: lets one account (partner, person) read and redeem itself. Only the
    SHA-256 is stored; a new token for the same account revokes the old ones."""

    __tablename__ = "inclusive_person_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner: Mapped[str] = mapped_column(String(100))
    person: Mapped[str] = mapped_column(String(100), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(default=False)


@dataclass(frozen=True)
class Validity:
    """How long issued credits stay valid (``refdata/inclusive_credit_validity.csv``)."""

    years: int
    source: str
    status: str

    def lapses(self, year: int) -> dt.date:
        """The first day on which the credits issued in ``year`` have lapsed."""
        return dt.date(year + self.years + 1, 1, 1)


@lru_cache(maxsize=1)
def validity() -> Validity:
    row = refdata.load("inclusive_credit_validity").iloc[0]
    return Validity(int(row["validity_years"]), str(row["source"]), str(row["status"]))


def lock(session: Session, account: Account | None = None) -> None:
    """Serialise ledger operations that read balances before they write, so two at once never
    spend the same credits: ``account`` — one account (a redemption, a correction): other
    operations of that account and any whole-ledger operation wait; ``None`` — the whole
    ledger (an expiry, a batch's correction). PostgreSQL: a transaction advisory lock on the
    account plus a table lock mode (ROW EXCLUSIVE for one account, SHARE ROW EXCLUSIVE for the
    whole ledger, which conflict). SQLite: a no-op write takes the database's write lock
    before anything is read (one writer at a time)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        mode = "SHARE ROW EXCLUSIVE" if account is None else "ROW EXCLUSIVE"
        session.execute(text(f"LOCK TABLE inclusive_ledger IN {mode} MODE"))
        if account is not None:
            session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 14))"),
                            {"key": "inclusive\x1f" + "\x1f".join(account)})
    else:
        session.execute(text("UPDATE inclusive_ledger SET seq = seq WHERE 1 = 0"))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_person_token(session: Session, *, partner: str, person: str, actor: str) -> str:
    """A new token of the account (shown once); earlier tokens of the account stop working."""
    if session.scalar(select(LedgerEntry.seq).where(LedgerEntry.partner == partner,
                                                    LedgerEntry.person == person).limit(1)) is None:
        raise AccountRefused("该合作方未向此账户签发过减排量",
                             "no account of this person credited by this partner", 404)
    for old in session.scalars(select(PersonToken).where(
            PersonToken.partner == partner, PersonToken.person == person,
            PersonToken.revoked.is_(False))):
        old.revoked = True
    token = "cp_" + secrets.token_urlsafe(32)
    row = PersonToken(partner=partner, person=person, token_sha256=_digest(token))
    session.add(row)
    session.flush()
    session.add(AuditLog(actor=actor, action="insert", table_name="inclusive_person_tokens",
                         row_id=row.id, before=None, after={"partner": partner}))
    return token


def account_of(session: Session, token: str) -> PersonToken | None:
    """The account an active person token opens, or None."""
    return session.scalar(select(PersonToken).where(PersonToken.token_sha256 == _digest(token),
                                                    PersonToken.revoked.is_(False)))


def _note(note: str, required: bool) -> str:
    note = " ".join(str(note or "").split())
    if required and not note:
        raise AccountRefused("请填写原因", "a reason is required")
    if len(note) > MAX_NOTE:
        raise AccountRefused(f"原因不超过 {MAX_NOTE} 字", f"at most {MAX_NOTE} characters")
    return note


def redeem(session: Session, *, partner: str, person: str, amount_g: float, note: str,
           actor: str) -> LedgerEntry:
    """Spend ``amount_g`` grams of the account on a reward; refused beyond the balance."""
    if not (amount_g == amount_g) or amount_g <= 0 or amount_g == float("inf"):
        raise AccountRefused("兑换量须为正数（克 CO2）", "the amount must be a positive number of grams")
    lock(session, (partner, person))
    mine = entries(session, person, partner)
    if not mine:
        raise AccountRefused("账户不存在", "no such account", 404)
    balance = ledger.balances(mine).get(person, 0.0)
    if amount_g > balance + 1e-9:
        raise AccountRefused(
            f"余额不足：账户余额 {max(balance, 0.0):,.3f} 克 CO2，申请兑换 {amount_g:,.3f} 克，未兑换",
            f"balance too low: {max(balance, 0.0):,.3f} g, asked {amount_g:,.3f} g; nothing redeemed",
            409)
    return post_entry(session, person=person, kind="redeem", amount_g=-float(amount_g),
                      actor=actor, note=_note(note, False), partner=partner)


def lapsing(session: Session, year: int) -> dict[Account, float]:
    """:func:`cocontrol.inclusive.ledger.lapsing` in the database (grouped sums, no entry
    loaded): per account, the balance less the credits issued after ``year`` net of their
    corrections, where it is positive. An entry's year is that of its timestamp ``at``."""
    entry, issue = LedgerEntry, aliased(LedgerEntry)
    cutoff = dt.datetime(year + 1, 1, 1)
    key = (entry.partner, entry.person)

    def sums(query) -> dict[Account, float]:  # type: ignore[no-untyped-def]
        return {(p, q): float(g or 0.0) for p, q, g in session.execute(query.group_by(*key))}

    balance = sums(select(*key, func.sum(entry.amount_g)))
    newer = sums(select(*key, func.sum(entry.amount_g)).where(
        entry.kind == "issue", entry.at >= cutoff))
    undone = sums(select(*key, func.sum(entry.amount_g)).join(issue, entry.reverses == issue.seq)
                  .where(entry.kind == "correct", issue.kind == "issue", issue.at >= cutoff))
    out = {}
    for account, total in balance.items():
        left = total - newer.get(account, 0.0) - undone.get(account, 0.0)
        if left > 1e-9:
            out[account] = left
    return out


def _regions(session: Session) -> dict[Account, str]:
    """Region of each account: that of its latest issue."""
    latest = select(func.max(LedgerEntry.seq)).where(LedgerEntry.kind == "issue").group_by(
        LedgerEntry.partner, LedgerEntry.person)
    return {(p, q): r for p, q, r in session.execute(select(
        LedgerEntry.partner, LedgerEntry.person, LedgerEntry.region).where(
        LedgerEntry.seq.in_(latest)))}


def _append(session: Session, rows: list[dict[str, object]], actor: str) -> None:
    """Append entries already checked as a set (expiry of the lapsed rest, reversal of
    uncorrected issues) in bulk, each audited like :func:`cocontrol.store.inclusive.post_entry`."""
    if not rows:
        return
    now = utcnow()
    seqs = session.scalars(insert(LedgerEntry).returning(LedgerEntry.seq,
                                                          sort_by_parameter_order=True),
                           [{"reverses": None, "at": now, **r} for r in rows]).all()
    keys = ("partner", "person", "kind", "amount_g", "reverses", "note")
    session.execute(insert(AuditLog), [
        {"actor": actor, "at": now, "action": "insert", "table_name": "inclusive_ledger",
         "row_id": seq, "before": None, "after": {k: r.get(k) for k in keys}}
        for seq, r in zip(seqs, rows, strict=True)])


def expire_year(session: Session, *, year: int, actor: str, regions: set[str] | None,
                today: dt.date | None = None, note: str = "") -> tuple[int, float]:
    """Expire what is left of the credits issued in or before ``year`` in every account of
    ``regions`` (None: all), once their validity has passed. Returns (accounts, grams)."""
    rule = validity()
    today = today or dt.date.today()
    if not 2000 <= year <= today.year:
        raise AccountRefused(f"年份 {year} 不在可过期范围内", f"year {year} out of range")
    if today < rule.lapses(year):
        raise AccountRefused(
            f"{year} 年签发的减排量有效期至 {rule.lapses(year) - dt.timedelta(days=1):%Y-%m-%d}，尚未到期，未作处理",
            f"credits issued in {year} stay valid to {rule.lapses(year) - dt.timedelta(days=1)}; nothing expired")
    lock(session)
    where = _regions(session)
    due = {a: g for a, g in lapsing(session, year).items()
           if regions is None or where.get(a, "") in regions}
    text = _note(note, False) or f"{year} 年签发减排量到期（有效期 {rule.years} 年）"
    _append(session, [{"partner": partner, "person": person, "kind": "expire", "amount_g": -grams,
                       "note": text, "region": where.get((partner, person), "")}
                      for (partner, person), grams in sorted(due.items())], actor)
    return len(due), float(sum(due.values()))


def correct_entry(session: Session, *, seq: int, reason: str, actor: str,
                  regions: set[str] | None) -> LedgerEntry:
    """The reversing entry of ledger entry ``seq``, with its reason."""
    reason = _note(reason, True)
    target = session.get(LedgerEntry, seq)
    if target is not None:
        lock(session, (target.partner, target.person))
    if target is None or (regions is not None and target.region not in regions):
        raise AccountRefused(f"分录 {seq} 不存在或不在您的权限范围内",
                             f"entry {seq} does not exist or is outside your region", 404)
    if target.kind == "correct":
        raise AccountRefused(f"分录 {seq} 本身是冲正分录，不能再冲正",
                             f"entry {seq} is itself a correction", 409)
    if session.scalar(select(LedgerEntry.seq).where(LedgerEntry.reverses == seq)) is not None:
        raise AccountRefused(f"分录 {seq} 已冲正过，未重复冲正",
                             f"entry {seq} was corrected already", 409)
    return post_entry(session, person=target.person, kind="correct", amount_g=-target.amount_g,
                      actor=actor, reverses=seq, note=reason, partner=target.partner)


def correct_batch(session: Session, *, batch: int, reason: str, actor: str,
                  regions: set[str] | None) -> tuple[int, float]:
    """Reverse every issue entry of batch ``batch`` not yet corrected. Returns (entries, g)."""
    reason = _note(reason, True)
    row = session.get(InclusiveBatch, batch)
    if row is None or (regions is not None and row.region not in regions):
        raise AccountRefused(f"批次 {batch} 不存在或不在您的权限范围内",
                             f"batch {batch} does not exist or is outside your region", 404)
    lock(session)
    issues = session.scalars(select(LedgerEntry).where(
        LedgerEntry.batch_id == batch, LedgerEntry.kind == "issue")
        .order_by(LedgerEntry.seq)).all()
    done = set(session.scalars(select(LedgerEntry.reverses).where(
        LedgerEntry.reverses.in_([e.seq for e in issues] or [-1]))))
    todo = [e for e in issues if e.seq not in done]
    if not todo:
        raise AccountRefused(f"批次 {batch} 没有可冲正的签发分录（已全部冲正）",
                             f"batch {batch} has no issue entry left to correct", 409)
    _append(session, [{"partner": e.partner, "person": e.person, "kind": "correct",
                       "amount_g": -e.amount_g, "reverses": e.seq, "region": e.region,
                       "note": f"{reason}（批次 {batch}）"[:255]} for e in todo], actor)
    return len(todo), float(sum(-e.amount_g for e in todo))


def recent_batches(session: Session, regions: set[str] | None, limit: int = 20) -> list[dict]:
    """The latest batches the bureau sees (no person): number, partner, region, date, records,
    grams credited and grams corrected since."""
    query = select(InclusiveBatch).order_by(InclusiveBatch.id.desc()).limit(limit)
    if regions is not None:
        query = query.where(InclusiveBatch.region.in_(sorted(regions)))
    rows = session.scalars(query).all()
    out = []
    for b in rows:
        issued = select(LedgerEntry.seq).where(LedgerEntry.batch_id == b.id).scalar_subquery()
        corrected = sum(session.scalars(select(LedgerEntry.amount_g).where(
            LedgerEntry.reverses.in_(issued))))
        out.append({"id": b.id, "partner": b.partner, "region": b.region,
                    "posted": b.posted_at.date().isoformat(), "records": b.records,
                    "credited_g": b.credited_g, "corrected_g": float(corrected)})
    return out


def ledger_months(session: Session, regions: set[str] | None,
                  by_region: bool = True) -> list[dict[str, object]]:
    """The bureau's view of the ledger over time (no person): grams issued, redeemed, expired
    and corrected by month of entry (and region), as grouped sums in the database."""
    at = LedgerEntry.at
    month = (func.to_char(at, "YYYY-MM") if session.get_bind().dialect.name == "postgresql"
             else func.strftime("%Y-%m", at)).label("month")
    keys = [LedgerEntry.region, month] if by_region else [month]
    query = select(*keys, LedgerEntry.kind, func.sum(LedgerEntry.amount_g)).group_by(
        *keys, LedgerEntry.kind)
    if regions is not None:
        query = query.where(LedgerEntry.region.in_(sorted(regions)))
    out: dict[tuple[str, ...], dict[str, object]] = {}
    for *key, kind, grams in session.execute(query):
        names = ("region", "month") if by_region else ("month",)
        row = out.setdefault(tuple(key), {**dict(zip(names, key, strict=True)),
                                          **{k: 0.0 for k in ledger.KINDS}})
        row[kind] = float(grams or 0.0)
    return [out[k] for k in sorted(out)]
