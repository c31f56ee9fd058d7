"""Seagrass and salt-marsh restoration projects and their monitoring surveys (修复项目与监测).

A project belongs to one region and is identified there by its name. Storing a project
workbook again adds the surveys of new dates; it never overwrites: a project whose parameters
differ from the stored ones, or a survey of a stored date with other values, is refused
whole (nothing stored). Every row added is audited.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from sqlalchemy import Date, Float, ForeignKey, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cocontrol.errors import InputError
from cocontrol.sinks.restoration import SURVEY_FIELDS, Project, StoredProject
from cocontrol.store.audit import record
from cocontrol.store.models import Base, utcnow

#: project fields compared when a workbook names a project already stored
COMPARED = ("sink_type", "area_ha", "site", "method", "shoots_planted", "seeds_sown", "start",
            "end", "care_years", "shoot_threshold", "seedling_threshold", "pre_project_cover")
FIELD_ZH = {"sink_type": "类型", "area_ha": "面积", "site": "地点", "method": "方法",
            "shoots_planted": "种植株数", "seeds_sown": "播撒种子数", "start": "开始日期",
            "end": "结束日期", "care_years": "管护年限", "shoot_threshold": "植株成活率阈值(%)",
            "seedling_threshold": "幼苗成活率阈值(%)", "pre_project_cover": "修复前植被覆盖度(%)"}
SURVEY_ZH = {"shoot_density": "株密度(株/平方米)", "shoot_survival": "植株成活率(%)",
             "seedling_emergence": "幼苗出苗率(%)", "seedling_survival": "幼苗成活率(%)",
             "cover": "覆盖度(%)", "biomass": "生物量(克干重/平方米)"}


class RestorationProject(Base):
    """海草床/盐沼修复项目."""

    __tablename__ = "restoration_projects"
    __table_args__ = (UniqueConstraint("region", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    sink_type: Mapped[str] = mapped_column(String(20))
    site: Mapped[str] = mapped_column(String(300), default="")
    method: Mapped[str] = mapped_column(String(200), default="")
    area_ha: Mapped[float] = mapped_column(Float)
    shoots_planted: Mapped[float | None] = mapped_column(Float)
    seeds_sown: Mapped[float | None] = mapped_column(Float)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    care_years: Mapped[float] = mapped_column(Float)
    shoot_threshold: Mapped[float] = mapped_column(Float)
    seedling_threshold: Mapped[float] = mapped_column(Float)
    pre_project_cover: Mapped[float | None] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(20), default="real")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RestorationSurvey(Base):
    """一次监测：株密度、植株成活率、幼苗出苗率与成活率、覆盖度（比例 0–1）、生物量."""

    __tablename__ = "restoration_surveys"
    __table_args__ = (UniqueConstraint("project_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("restoration_projects.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    shoot_density: Mapped[float | None] = mapped_column(Float)
    shoot_survival: Mapped[float | None] = mapped_column(Float)
    seedling_emergence: Mapped[float | None] = mapped_column(Float)
    seedling_survival: Mapped[float | None] = mapped_column(Float)
    cover: Mapped[float | None] = mapped_column(Float)
    biomass: Mapped[float | None] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def _value(v: object) -> object:
    """Plain Python values (dates as date, NaN as None) for the database and comparisons."""
    if v is None:
        return None
    if isinstance(v, pd.Timestamp):
        return None if pd.isna(v) else v.date()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _same(a: object, b: object) -> bool:
    a, b = _value(a), _value(b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    return (a or None) == (b or None)


def store_project(session: Session, sp: StoredProject, actor: str) -> tuple[RestorationProject, int]:
    """Store ``sp`` (the caller commits): (the project row, surveys added). Refused whole with
    :class:`InputError` when the stored project differs or a stored survey would change."""
    p = sp.project
    row = session.scalar(select(RestorationProject).where(
        RestorationProject.region == sp.region, RestorationProject.name == p.name))
    if row is None:
        row = RestorationProject(region=sp.region, name=p.name, label=sp.label, note=sp.note,
                                 created_by=actor,
                                 **{f: _value(getattr(p, f)) for f in COMPARED})
        session.add(row)
        record(session, actor, "insert", row)
    else:
        for f in COMPARED:
            if not _same(getattr(row, f), getattr(p, f)):
                raise InputError("the project is stored already with another value; nothing stored",
                                 sheet="项目", column=FIELD_ZH[f],
                                 expected=str(_value(getattr(row, f))),
                                 found=str(_value(getattr(p, f))))
    stored = {s.date: s for s in session.scalars(select(RestorationSurvey).where(
        RestorationSurvey.project_id == row.id))}
    added = 0
    for index, s in sp.surveys.iterrows():
        day = _value(s["date"])
        values = {f: _value(s.get(f)) for f in SURVEY_FIELDS if f != "date"}
        old = stored.get(day)
        if old is not None:
            for f, v in values.items():
                if not _same(getattr(old, f), v):
                    raise InputError("a survey of this date is stored already with another "
                                     "value; nothing stored", sheet="监测", row=int(index),
                                     column=SURVEY_ZH[f], expected=str(getattr(old, f)),
                                     found=str(v))
            continue
        survey = RestorationSurvey(project_id=row.id, date=day, created_by=actor, **values)
        session.add(survey)
        record(session, actor, "insert", survey)
        stored[day] = survey
        added += 1
    session.flush()
    return row, added


def stored_projects(session: Session, regions: set[str] | None = None) -> list[StoredProject]:
    """Every stored project (of ``regions`` when given) with its surveys, oldest first."""
    query = select(RestorationProject).order_by(RestorationProject.id)
    rows = [r for r in session.scalars(query) if regions is None or r.region in regions]
    out = []
    for r in rows:
        surveys = session.scalars(select(RestorationSurvey).where(
            RestorationSurvey.project_id == r.id).order_by(RestorationSurvey.date)).all()
        frame = pd.DataFrame([{f: getattr(s, f) for f in SURVEY_FIELDS} for s in surveys],
                             columns=list(SURVEY_FIELDS))
        frame["date"] = pd.to_datetime(frame["date"])
        for f in SURVEY_FIELDS[1:]:
            frame[f] = frame[f].astype("float64")
        frame.index = range(1, len(frame) + 1)
        project = Project(
            name=r.name, sink_type=r.sink_type, area_ha=r.area_ha, start=pd.Timestamp(r.start),
            care_years=r.care_years, shoot_threshold=r.shoot_threshold,
            seedling_threshold=r.seedling_threshold, site=r.site, method=r.method,
            shoots_planted=r.shoots_planted, seeds_sown=r.seeds_sown,
            pre_project_cover=r.pre_project_cover,
            end=None if r.end is None else pd.Timestamp(r.end))
        out.append(StoredProject(project=project, surveys=frame, region=r.region, label=r.label,
                                 note=r.note, id=r.id))
    return out


def seed_restoration(session: Session) -> int:
    """Store the demo project workbooks (``examples/restoration/*.xlsx``, 威海's 1150 亩 鳗草
    with illustrative surveys) once; returns the number of surveys added."""
    from cocontrol import demo
    from cocontrol.sinks.project import read_stored

    added = 0
    for path in sorted((demo.examples_dir() / "restoration").glob("*.xlsx")):
        sp = read_stored(path)
        exists = session.scalar(select(RestorationProject.id).where(
            RestorationProject.region == sp.region, RestorationProject.name == sp.project.name))
        if exists is None:
            added += store_project(session, sp, actor="seed")[1]
    return added
