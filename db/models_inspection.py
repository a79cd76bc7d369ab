"""Tables behind rectification (整改) and owner notification: notices with their items, and the SMS outbox.

A notice snapshots the findings it lists (text, severity) because checklist items can be edited later and the
owner must be able to read what they were told; whether an item is fixed is read from its finding. The
(org_path, next_inspection) index on premises serves the due/overdue lists of a township or grid."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, InspectionFinding, Premise

OPEN_FINDING = "resolved_at IS NULL"

Index("ix_premises_path_next", Premise.org_path, Premise.next_inspection)
Index("ix_inspection_findings_open", InspectionFinding.inspection_id, InspectionFinding.severity,
      sqlite_where=text(OPEN_FINDING), postgresql_where=text(OPEN_FINDING))


class RectificationNotice(Base):
    """整改通知: issued after a visit with findings; open until a re-inspection clears its items."""

    __tablename__ = "rectification_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    premise_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    org_path: Mapped[str] = mapped_column(String(100), index=True)
    colour: Mapped[str] = mapped_column(String(8))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    deadline: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="open", index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)


class RectificationItem(Base):
    __tablename__ = "rectification_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("rectification_notices.id"), index=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("inspection_findings.id"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    severity: Mapped[str] = mapped_column(String(8))


class SmsMessage(Base):
    """One text to send; `state` queued → sent, or retry (with next_attempt_at) → failed after the last try."""

    __tablename__ = "sms_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    premise_id: Mapped[int | None] = mapped_column(ForeignKey("premises.id"), index=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("rectification_notices.id"))
    state: Mapped[str] = mapped_column(String(8), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_sms_outbox_state_next", "state", "next_attempt_at"),)
