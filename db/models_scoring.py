"""Tables behind workers' scores: tasks logged in the field, supervisors' manual adjustments, score lines.

Score lines are derived (recomputed for a period from the source records) but stored, so rankings over a
month for 600 workers read one indexed table instead of re-deriving every line. `source` names the record
a line came from as "table:id"."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class WorkerTask(Base):
    """Field work with no table of its own (publicity, special groups, opinion collection…), as the field
    app logs it; inspections, check-ins and incident reports are scored from their own tables."""

    __tablename__ = "worker_tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"))
    category: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime)
    premise_id: Mapped[int | None] = mapped_column(ForeignKey("premises.id"))
    note: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_worker_tasks_worker_at", "worker_id", "at"),)


class ScoreAdjustment(Base):
    """A supervisor's manual change; the reason is required (NOT NULL here, non-blank in the domain)."""

    __tablename__ = "score_adjustments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    points: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ScoreLineRow(Base):
    """One point award or deduction; the (org_path, day) index covers worker and points so a ranking over
    a jurisdiction and a month never touches the table itself."""

    __tablename__ = "score_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("workers.id"))
    org_path: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    points: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(300), default="")
    __table_args__ = (Index("ix_score_lines_worker_day", "worker_id", "day"),
                      Index("ix_score_lines_path_day", "org_path", "day", "worker_id", "points"))
