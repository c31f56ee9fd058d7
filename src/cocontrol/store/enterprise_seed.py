"""Storing a verification run, and the illustrative enterprises seeded on first start.

:func:`store_verification` writes the accounts of a run and queues its new findings as
``open`` (findings already queued keep their status and history), each new record audited.
:func:`merged_sheets` gathers the latest submission of every enterprise into one folder of
sheets (a submission is a workbook ``data.xlsx`` or a folder of per-sheet CSV/Parquet files).

:func:`seed_enterprises` is the enterprise part of the platform's first start: when the store
holds no submission and ``examples/enterprises/data`` exists (示例企业, 数据均为示例), every
enterprise's rows become one submission by ``seed`` and the run's accounts and findings fill
the dashboard and the verification queue, as the other demo data is seeded.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cocontrol.enterprises.schema import SHEETS
from cocontrol.store.audit import record, row_dict
from cocontrol.store.enterprises import (
    EnterpriseAccount,
    EnterpriseFacility,
    EnterpriseStack,
    EnterpriseSubmission,
    VerificationFinding,
)

SEED_ACTOR = "seed"
SEED_SUBMITTER = "示例数据"
SEED_FILENAME = "示例企业数据（数据均为示例）"


def _fingerprint(f: dict[str, Any]) -> str:
    key = "|".join(str(f[k]) for k in ("enterprise_id", "facility_id", "year", "rule", "message"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        v = v.item() if hasattr(v, "item") else v
        if v is pd.NA or (isinstance(v, float) and v != v):
            v = None
        out[k] = v
    return out


def store_verification(session: Session, actor: str, result: Any) -> dict[str, int]:
    """Store the accounts of ``result`` (a VerificationResult) and queue its new findings."""
    for row in result.accounts.to_dict("records"):
        clean = _plain(row)
        acc = session.scalar(select(EnterpriseAccount).where(
            EnterpriseAccount.enterprise_code == row["enterprise_id"],
            EnterpriseAccount.year == int(row["year"])))
        if acc is None:
            acc = EnterpriseAccount(enterprise_code=row["enterprise_id"], year=int(row["year"]))
            session.add(acc)
        acc.name, acc.region, acc.industry = row["name"], row["region"], row["industry"]
        acc.data = clean
    if result.data is not None:
        store_registry(session, actor, result.data.facilities, result.data.stacks)
    new = 0
    for f in result.findings.to_dict("records"):
        fp = _fingerprint(f)
        if session.scalar(select(VerificationFinding.id).where(
                VerificationFinding.fingerprint == fp)) is not None:
            continue
        item = VerificationFinding(fingerprint=fp, enterprise_code=f["enterprise_id"],
                                   facility_id=f["facility_id"] or "", year=int(f["year"]),
                                   rule=f["rule"], severity=f["severity"], message=f["message"],
                                   message_en=f.get("message_en") or "",
                                   evidence=f["evidence"], status="open")
        session.add(item)
        record(session, actor, "insert", item)
        new += 1
    return {"accounts": len(result.accounts), "findings": len(result.findings), "new": new}


def store_registry(session: Session, actor: str, facilities: pd.DataFrame,
                   stacks: pd.DataFrame) -> int:
    """Insert or update the facilities and stacks of the run (audited); returns the changes."""
    changed = 0
    tables = ((EnterpriseFacility, "facility_id", facilities, lambda r: {
        "kind": r["kind"], "capacity": float(r["capacity"]),
        "capacity_unit": r["capacity_unit"],
        "design_hours": None if pd.isna(r["design_hours"]) else float(r["design_hours"])}),
              (EnterpriseStack, "stack_id", stacks, lambda r: {
        "facility_ids": list(r["facility_ids"]),
        "height": None if pd.isna(r["height"]) else float(r["height"]),
        "permit_outlet_id": r["permit_outlet_id"]}))
    for model, key, frame, values in tables:
        for r in frame.to_dict("records"):
            item = session.scalar(select(model).where(
                model.enterprise_code == r["enterprise_id"], getattr(model, key) == r[key]))
            new = values(r)
            if item is not None and all(getattr(item, k) == v for k, v in new.items()):
                continue
            before = row_dict(item) if item is not None else None
            if item is None:
                item = model(enterprise_code=r["enterprise_id"], **{key: r[key]})
                session.add(item)
            for k, v in new.items():
                setattr(item, k, v)
            session.flush()
            record(session, actor, "update" if before else "insert", item, before)
            changed += 1
    return changed


def submission_frames(folder: Path) -> dict[str, pd.DataFrame]:
    """The sheets of one stored submission: ``data.xlsx`` or ``<sheet>.csv/.parquet`` files."""
    book_path = folder / "data.xlsx"
    out: dict[str, pd.DataFrame] = {}
    if book_path.is_file():
        book = pd.ExcelFile(book_path, engine="calamine")
        for name in SHEETS:
            if name in book.sheet_names:
                out[name] = pd.read_excel(book, sheet_name=name, dtype=object)
        return out
    for name in SHEETS:
        if (folder / f"{name}.parquet").is_file():
            out[name] = pd.read_parquet(folder / f"{name}.parquet")
        elif (folder / f"{name}.csv").is_file():
            out[name] = pd.read_csv(folder / f"{name}.csv", dtype=str, encoding="utf-8-sig",
                                    keep_default_na=False, na_values=[""])
    return out


def merged_sheets(folders: list[Path], target: Path) -> Path:
    """Write the sheets of all ``folders`` together into ``target`` (one CSV per sheet)."""
    parts: dict[str, list[pd.DataFrame]] = {}
    for folder in folders:
        for name, frame in submission_frames(folder).items():
            parts.setdefault(name, []).append(frame)
    for name, frames in parts.items():
        pd.concat(frames, ignore_index=True).to_csv(target / f"{name}.csv", index=False)
    return target


def seed_enterprises(session: Session, home: Path) -> int:
    """First start: store the illustrative enterprises as submissions and verify them; returns
    the number of enterprises seeded (0 when the store already has submissions)."""
    from cocontrol import demo
    from cocontrol.enterprises.verify import verify
    from cocontrol.files import write_bytes_atomic

    source = demo.examples_dir() / "enterprises" / "data"
    if not (source / "enterprises.csv").is_file():
        return 0
    if session.scalar(select(func.count()).select_from(EnterpriseSubmission)):
        return 0
    sheets = submission_frames(source)
    codes = [str(c) for c in sheets["enterprises"]["enterprise_id"]]
    folders = []
    for code in codes:
        folder = home / "enterprises" / code / "seed"
        rows = {}
        for name, frame in sheets.items():
            part = frame[frame["enterprise_id"].astype(str) == code]
            rows[name] = len(part)
            if name == "cems":
                import io

                buf = io.BytesIO()
                part.to_parquet(buf, index=False)
                write_bytes_atomic(folder / "cems.parquet", buf.getvalue())
            else:
                write_bytes_atomic(folder / f"{name}.csv",
                                   part.to_csv(index=False).encode("utf-8"))
        item = EnterpriseSubmission(enterprise_code=code, submitted_by=SEED_SUBMITTER,
                                    filename=SEED_FILENAME, folder=str(folder), rows=rows)
        session.add(item)
        record(session, SEED_ACTOR, "insert", item)
        folders.append(folder)
    with tempfile.TemporaryDirectory() as tmp:
        result = verify(merged_sheets(folders, Path(tmp)))
    store_verification(session, SEED_ACTOR, result)
    return len(codes)
