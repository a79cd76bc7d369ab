"""The change feed: each write appends to change_log in its own transaction; consoles follow it by id."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from console.services.change_notify import notify_changes
from db.models import ChangeLog


def record_change(session: Session, entity: str, entity_id: int | None, op: str, actor: str) -> None:
    session.execute(insert(ChangeLog).values(entity=entity, entity_id=entity_id, op=op, actor=actor,
                                             at=datetime.now()))
    notify_changes(session)


def latest_change_id(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0


def changes_since(session: Session, after_id: int, limit: int = 1000) -> list[ChangeLog]:
    return list(session.scalars(select(ChangeLog).where(ChangeLog.id > after_id).order_by(ChangeLog.id).limit(limit)))
