"""The append-only carbon-account ledger (个人碳账户台账) — pure rules.

Every change of a balance is an entry; entries are never changed or deleted. Kinds:

``issue``    credits issued for a batch of records (amount > 0);
``redeem``   credits spent on a reward (amount < 0, never below a zero balance);
``expire``   credits that lapsed (amount < 0, never below a zero balance);
``correct``  the reversing entry of an earlier entry (amount = − that entry's amount), at most
             once per entry, itself never reversed; a corrected issue that was partly spent
             may take the balance below zero, which is shown, not hidden.

An account is a person of a partner system, ``(partner, person)``: partners use their own
pseudonymous ids, so the same id sent by two partners is two accounts. The balance of an
account is the sum of its entries — always, by construction: no stored balance exists that
could drift from it (the invariant is tested under random sequences).

Expiry (:func:`lapsing`): credits issued in a year lapse when the validity the methodology gives
them has passed; redemptions and expiries spend the oldest credits first (first in, first out),
so what lapses of year *Y* is what is left of the balance beyond the credits issued after *Y*.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cocontrol.errors import InputError

KINDS = ("issue", "redeem", "expire", "correct")
KIND_ZH = {"issue": "签发", "redeem": "兑换", "expire": "过期", "correct": "冲正"}


@dataclass(frozen=True)
class Entry:
    """One ledger entry (grams of CO2; signed)."""

    seq: int
    person: str
    kind: str
    amount_g: float
    reverses: int | None = None
    note: str = ""
    partner: str = ""
    year: int = 0
    """calendar year the entry was made (expiry counts issues by year)"""

    @property
    def account(self) -> tuple[str, str]:
        return (self.partner, self.person)


def balances(entries: Iterable[Entry]) -> dict[str, float]:
    """Person → balance (g), the sum of their entries (entries of one partner)."""
    out: dict[str, float] = {}
    for e in entries:
        out[e.person] = out.get(e.person, 0.0) + e.amount_g
    return out


def accounts(entries: Iterable[Entry]) -> dict[tuple[str, str], float]:
    """(partner, person) → balance (g), the sum of the account's entries."""
    out: dict[tuple[str, str], float] = {}
    for e in entries:
        out[e.account] = out.get(e.account, 0.0) + e.amount_g
    return out


def lapsing(entries: list[Entry], year: int) -> dict[tuple[str, str], float]:
    """Grams of each account that lapse with the credits issued in or before ``year``.

    First in, first out: what remains of the old credits is the balance less the credits
    issued after ``year`` (net of their corrections), never below zero. Expiring the same
    year again finds nothing left (the expiry entry brought the balance down to the newer
    credits)."""
    by_seq = {e.seq: e for e in entries}
    newer: dict[tuple[str, str], float] = {}
    for e in entries:
        source = by_seq.get(e.reverses) if e.kind == "correct" and e.reverses else e
        if source is not None and source.kind == "issue" and source.year > year:
            newer[e.account] = newer.get(e.account, 0.0) + e.amount_g
    out = {}
    for account, balance in accounts(entries).items():
        left = balance - newer.get(account, 0.0)
        if left > 1e-9:
            out[account] = left
    return out


def check(entries: list[Entry], new: Entry) -> None:
    """Raise :class:`InputError` when ``new`` may not be appended to ``entries``."""
    if new.kind not in KINDS:
        raise InputError("unknown ledger entry kind", column="kind", expected=", ".join(KINDS),
                         found=new.kind)
    if not (new.amount_g == new.amount_g) or abs(new.amount_g) == float("inf"):
        raise InputError("amount must be a finite number", column="amount_g")
    if new.kind == "issue" and new.amount_g <= 0:
        raise InputError("an issue entry must be positive", column="amount_g",
                         found=str(new.amount_g))
    if new.kind in ("redeem", "expire"):
        if new.amount_g >= 0:
            raise InputError(f"a {new.kind} entry must be negative", column="amount_g",
                             found=str(new.amount_g))
        balance = accounts(entries).get(new.account, 0.0)
        if balance + new.amount_g < -1e-9:
            raise InputError("balance too low", column="amount_g",
                             expected=f"at most {balance:g} g", found=f"{-new.amount_g:g} g")
    if new.kind == "correct":
        target = next((e for e in entries if e.seq == new.reverses), None)
        if target is None:
            raise InputError("a correction must name the entry it reverses",
                             column="reverses", found=str(new.reverses))
        if target.kind == "correct" or any(e.reverses == target.seq for e in entries):
            raise InputError("that entry is a correction or has been corrected already",
                             column="reverses", found=str(new.reverses))
        if target.account != new.account or abs(new.amount_g + target.amount_g) > 1e-9:
            raise InputError("a correction reverses the whole entry of the same person",
                             column="amount_g", expected=f"{-target.amount_g:g}",
                             found=f"{new.amount_g:g}")
    elif new.reverses is not None:
        raise InputError("only a correction reverses an entry", column="reverses")


def append(entries: list[Entry], person: str, kind: str, amount_g: float,
           reverses: int | None = None, note: str = "", partner: str = "",
           year: int = 0) -> Entry:
    """Check and append a new entry (next sequence number); return it."""
    new = Entry(seq=(entries[-1].seq + 1 if entries else 1), person=person, kind=kind,
                amount_g=float(amount_g), reverses=reverses, note=note, partner=partner,
                year=year)
    check(entries, new)
    entries.append(new)
    return new


def reversal(entries: list[Entry], seq: int, note: str = "") -> Entry:
    """The correcting entry of entry ``seq`` (appended)."""
    target = next((e for e in entries if e.seq == seq), None)
    if target is None:
        raise InputError("no such ledger entry", column="reverses", found=str(seq))
    return append(entries, target.person, "correct", -target.amount_g, reverses=seq, note=note,
                  partner=target.partner, year=target.year)
