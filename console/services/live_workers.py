"""The last fix of every active worker in the actor's jurisdiction, for the live state and the silence rule.

Workers who never sent a fix are included (with no time): a device never switched on is the silence an
operator most needs to hear about. The max per worker is answered by the (worker_id, t) index."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.services.jurisdiction import Actor, within
from db.models import GpsFix, Worker


@dataclass(frozen=True)
class LastFix:
    worker_id: int
    code: str
    name: str
    t: datetime | None


def last_fixes(session: Session, actor: Actor) -> list[LastFix]:
    last = select(GpsFix.worker_id, func.max(GpsFix.t).label("t")).group_by(GpsFix.worker_id).subquery("last")
    rows = session.execute(select(Worker.id, Worker.code, Worker.name, last.c.t)
                           .outerjoin(last, last.c.worker_id == Worker.id)
                           .where(within(actor, Worker.org_path), Worker.active.is_(True))
                           .order_by(Worker.code))
    return [LastFix(wid, code, name, _as_datetime(t)) for wid, code, name, t in rows]


def _as_datetime(value) -> datetime | None:
    """SQLite hands a max() over a DateTime column back as text."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value
