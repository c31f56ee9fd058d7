"""Application records (业务数据库): users, departments, regions, plans, targets, tasks,
submissions and the audit log — SQLAlchemy 2 declarative models.

Bulk numbers (inventories) do not live here: they are Parquet files under ``COCONTROL_HOME``
(see :mod:`cocontrol.store.inventory`). Rows that people edit concurrently (targets, tasks,
submissions, users) carry a ``version_id`` used by SQLAlchemy's optimistic locking
(``version_id_col``): an UPDATE whose version no longer matches raises ``StaleDataError``.
Submissions are never deleted; they are withdrawn (``withdrawn`` flag).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("admin", "coordinator", "analyst", "reporter", "viewer", "enterprise")
"""管理员, 协调人, 分析师, 部门填报员, 查看者, 企业填报员 (sees only its own enterprise)."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Region(Base):
    """行政区: province (省), city (市), district/county (区县)."""

    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    level: Mapped[str] = mapped_column(String(20), default="city")
    parent: Mapped[Region | None] = relationship(remote_side=[id])


class Department(Base):
    """责任单位 with its canonical name and the aliases plans use for it."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    region: Mapped[Region | None] = relationship()
    __table_args__ = (UniqueConstraint("name", "region_id"),)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    session_gen: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    """Sessions carry the generation they were signed in under; bumping it (logout, password
    change, deactivation) ends every older session of this user."""
    department: Mapped[Department | None] = relationship()
    region: Mapped[Region | None] = relationship()
    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class Plan(Base):
    """A stored plan; the same ``slug`` with a different content is a new ``version``."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(String(200))
    doc_number: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[dt.date | None] = mapped_column(Date)
    region: Mapped[str | None] = mapped_column(String(100))
    horizon_start: Mapped[int | None] = mapped_column(Integer)
    horizon_end: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="cli")
    targets: Mapped[list[Target]] = relationship(back_populates="plan", order_by="Target.id")
    tasks: Mapped[list[Task]] = relationship(back_populates="plan", order_by="Task.id")
    __table_args__ = (UniqueConstraint("slug", "version"),)


class TargetTask(Base):
    __tablename__ = "target_tasks"
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id"), primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)


class TargetResponsible(Base):
    __tablename__ = "target_responsible"
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)


class TaskResponsible(Base):
    __tablename__ = "task_responsible"
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    lead: Mapped[bool] = mapped_column(Boolean, default=False)


class Target(Base):
    """目标指标: every field of :class:`cocontrol.plans.model.Target`."""

    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    key: Mapped[str | None] = mapped_column(String(200))
    indicator: Mapped[str] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(30))
    year: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(60))
    value_si: Mapped[float | None] = mapped_column(Float)
    unit_si: Mapped[str | None] = mapped_column(String(60))
    relation: Mapped[str] = mapped_column(String(20), default="=")
    base_year: Mapped[int | None] = mapped_column(Integer)
    annual_rate: Mapped[bool] = mapped_column(Boolean, default=False)
    approx: Mapped[bool] = mapped_column(Boolean, default=False)
    strive: Mapped[bool] = mapped_column(Boolean, default=False)
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    binding: Mapped[str | None] = mapped_column(String(10))
    qualitative: Mapped[str | None] = mapped_column(Text)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    responsible: Mapped[list[str]] = mapped_column(JSON, default=list)
    quote: Mapped[str] = mapped_column(Text, default="")
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    # the other statements of a target stated more than once (issue 10): quotes and [start, end] spans
    quotes: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    spans: Mapped[list[list[int]] | None] = mapped_column(JSON, default=list)
    task_key: Mapped[str | None] = mapped_column(String(200))
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    plan: Mapped[Plan] = relationship(back_populates="targets")
    __table_args__ = (UniqueConstraint("plan_id", "key"),)
    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class Task(Base):
    """重点任务 with its responsible units."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    section: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[list[str]] = mapped_column(JSON, default=list)
    lead: Mapped[list[str]] = mapped_column(JSON, default=list)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    status_note: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    plan: Mapped[Plan] = relationship(back_populates="tasks")
    __table_args__ = (UniqueConstraint("plan_id", "key"),)
    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class Submission(Base):
    """指标填报 / observation: a reported value (or task progress) with its evidence.

    Never hard-deleted: withdrawing sets ``withdrawn``.
    """

    __tablename__ = "submissions"
    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(100), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    period: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(60))
    judgement: Mapped[str | None] = mapped_column(String(20))
    """完成/进展正常/存在风险/未完成 of a qualitative target (or a target judged in words)."""
    progress: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    label: Mapped[str] = mapped_column(String(20), default="reported")
    source: Mapped[str | None] = mapped_column(Text)
    submitter: Mapped[str] = mapped_column(String(100))
    evidence_path: Mapped[str | None] = mapped_column(Text)
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    evidence_name: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class AuditLog(Base):
    """审计日志: who changed what, when, with the row before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(30))
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class InventoryFile(Base):
    """Where a computed inventory (bulk numbers) is kept: a Parquet file per region and year."""

    __tablename__ = "inventory_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    gwp: Mapped[str] = mapped_column(String(10), default="AR5")
    path: Mapped[str] = mapped_column(Text)
    rows: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("region", "year", "gwp"),)


class Setting(Base):
    """Small key/value records (seed state, secret key)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
