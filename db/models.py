"""SQLAlchemy 2 typed models for one schema shared by SQLite and PostgreSQL.

Coordinates are WGS-84 lon/lat floats. Rows that belong to a place carry `org_path`, the slash-joined
ids of their org unit's ancestry ("/1/4/17/233/"), so a jurisdiction filter is one indexed prefix range.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.text_index import index_terms

INCIDENT_TEXT_COLUMNS = ("title", "case_no", "address", "description")


class Base(DeclarativeBase):
    pass


class OrgUnit(Base):
    """District, township, community, grid or department (kind); 12-digit division codes, longer grid codes."""

    __tablename__ = "org_units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    path: Mapped[str] = mapped_column(String(100), index=True)
    boundary_geojson: Mapped[str | None] = mapped_column(Text)
    min_lon: Mapped[float | None] = mapped_column(Float)
    min_lat: Mapped[float | None] = mapped_column(Float)
    max_lon: Mapped[float | None] = mapped_column(Float)
    max_lat: Mapped[float | None] = mapped_column(Float)

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id])


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    org_unit: Mapped[OrgUnit] = relationship()


class Worker(Base):
    """A grid worker (网格员); `grid_id` is the primary grid, `worker_grids` lists every grid served."""

    __tablename__ = "workers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(20))
    device_id: Mapped[str | None] = mapped_column(String(64))
    grid_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    org_path: Mapped[str] = mapped_column(String(100), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkerGrid(Base):
    __tablename__ = "worker_grids"
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"), primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), primary_key=True)


class Premise(Base):
    __tablename__ = "premises"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    address: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str | None] = mapped_column(String(100))
    owner_phone: Mapped[str | None] = mapped_column(String(20))
    licence_no: Mapped[str | None] = mapped_column(String(64))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    grid_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    org_path: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(8), default="green", index=True)
    inspection_cycle_days: Mapped[int] = mapped_column(Integer)
    last_inspection: Mapped[date | None] = mapped_column(Date)
    next_inspection: Mapped[date | None] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(16), default="manual")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once, at mapping


class ChecklistTemplate(Base):
    __tablename__ = "checklist_templates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    premise_type: Mapped[str] = mapped_column(String(32), index=True)
    items: Mapped[list[ChecklistItem]] = relationship(back_populates="template", order_by="ChecklistItem.position")


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_templates.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
    severity: Mapped[str] = mapped_column(String(8))
    template: Mapped[ChecklistTemplate] = relationship(back_populates="items")


class Inspection(Base):
    __tablename__ = "inspections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    premise_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("workers.id"), index=True)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_templates.id"))
    checked_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime] = mapped_column(DateTime)
    result_status: Mapped[str] = mapped_column(String(8))
    notes: Mapped[str | None] = mapped_column(Text)


class InspectionFinding(Base):
    __tablename__ = "inspection_findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_items.id"))
    severity: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


def _incident_search_terms(context) -> str:
    """The text-search tokens of a new case, written with it by every insert (ORM or Core)."""
    row = context.get_current_parameters()
    return index_terms(*(row.get(name) for name in INCIDENT_TEXT_COLUMNS))


class Incident(Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str] = mapped_column(String(32), index=True)
    priority: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(String(300))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    grid_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    org_path: Mapped[str] = mapped_column(String(100), index=True)
    level: Mapped[str] = mapped_column(String(16), default="community")
    state: Mapped[str] = mapped_column(String(16), index=True)
    reported_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    deadline: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    reporter: Mapped[str | None] = mapped_column(String(100))
    assignee_org_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    assignee_worker_id: Mapped[int | None] = mapped_column(ForeignKey("workers.id"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    search_terms: Mapped[str | None] = mapped_column(Text, default=_incident_search_terms)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it once, at mapping
    __table_args__ = (Index("ix_incidents_path_state", "org_path", "state"),)


class IncidentHistory(Base):
    __tablename__ = "incident_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class IncidentAttachment(Base):
    __tablename__ = "incident_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class Camera(Base):
    __tablename__ = "cameras"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    stream_url: Mapped[str] = mapped_column(String(500))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    org_path: Mapped[str] = mapped_column(String(100), index=True)
    online: Mapped[bool] = mapped_column(Boolean, default=True)


class GpsFix(Base):
    __tablename__ = "gps_fixes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"))
    t: Mapped[datetime] = mapped_column(DateTime)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    speed: Mapped[float | None] = mapped_column(Float)
    accuracy: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (Index("ix_gps_fixes_worker_t", "worker_id", "t"),)


class CheckIn(Base):
    __tablename__ = "checkins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"), index=True)
    premise_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)


class ChangeLog(Base):
    """One row per write, in the writer's transaction: what other consoles follow and what the audit reads."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    """Key/value facts about the database itself (e.g. which seed built it)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


__all__ = [n for n in dir() if n[:1].isupper() and n not in {"Boolean", "Date", "DateTime", "Float"}]
