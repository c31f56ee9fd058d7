"""Records of the enterprise co-verification workflow (企业协同核查): enterprise users, data
submissions, findings in the bureau's verification queue, and the computed carbon accounts.

The submitted sheets themselves are Parquet files under ``$COCONTROL_HOME/enterprises``; a
submission is never deleted (a later one supersedes it). Findings carry a ``version_id`` for
optimistic locking; every change to them is audited (:mod:`cocontrol.store.audit`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from cocontrol.store.models import Base, utcnow

FINDING_STATUSES = ("open", "assigned", "confirmed", "dismissed", "evidence_requested")
"""待处理, 已分派, 已确认, 已排除, 已要求补充证据."""


class EnterpriseMember(Base):
    """A user of role ``enterprise`` and the one enterprise whose data they see and submit."""

    __tablename__ = "enterprise_members"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    enterprise_code: Mapped[str] = mapped_column(String(50), index=True)


class EnterpriseSubmission(Base):
    """One accepted upload of an enterprise's sheets (stored as Parquet in ``folder``)."""

    __tablename__ = "enterprise_submissions"
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_code: Mapped[str] = mapped_column(String(50), index=True)
    submitted_by: Mapped[str] = mapped_column(String(100))
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    filename: Mapped[str] = mapped_column(String(300))
    folder: Mapped[str] = mapped_column(Text)
    rows: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)


class VerificationFinding(Base):
    """A co-verification finding in the bureau's queue (发现不是结论)."""

    __tablename__ = "verification_findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    enterprise_code: Mapped[str] = mapped_column(String(50), index=True)
    facility_id: Mapped[str] = mapped_column(String(50), default="")
    year: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(50))
    severity: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(30), default="open")
    assignee: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class EnterpriseAccount(Base):
    """The computed carbon account of one enterprise and year (one row of
    :func:`cocontrol.enterprises.accounts.carbon_accounts`, values in ``data``)."""

    __tablename__ = "enterprise_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_code: Mapped[str] = mapped_column(String(50), index=True)
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(100))
    industry: Mapped[str] = mapped_column(String(10))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __table_args__ = (UniqueConstraint("enterprise_code", "year"),)


class EnterpriseFacility(Base):
    """A facility of an enterprise (机组、锅炉、窑炉…) from its latest verified submission."""

    __tablename__ = "enterprise_facilities"
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_code: Mapped[str] = mapped_column(String(50), index=True)
    facility_id: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    capacity: Mapped[float] = mapped_column(Float)
    capacity_unit: Mapped[str] = mapped_column(String(20))
    design_hours: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (UniqueConstraint("enterprise_code", "facility_id"),)


class EnterpriseStack(Base):
    """A stack (排气筒) of an enterprise: the facilities it serves and its permit outlet."""

    __tablename__ = "enterprise_stacks"
    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_code: Mapped[str] = mapped_column(String(50), index=True)
    stack_id: Mapped[str] = mapped_column(String(50))
    facility_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    height: Mapped[float | None] = mapped_column(Float)
    permit_outlet_id: Mapped[str | None] = mapped_column(String(100))
    __table_args__ = (UniqueConstraint("enterprise_code", "stack_id"),)
