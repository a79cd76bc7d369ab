"""Urgent cases that other consoles just reported: what the alert banner shows and sounds for."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.incident_sources import URGENT_PRIORITY
from console.services.jurisdiction import Actor, within
from db.models import Incident


@dataclass(frozen=True)
class UrgentIncident:
    id: int
    case_no: str
    title: str
    category: str
    address: str | None
    reported_at: datetime


def urgent_among(session: Session, actor: Actor, incident_ids: Iterable[int]) -> list[UrgentIncident]:
    """The urgent cases among `incident_ids` inside the actor's jurisdiction, newest first."""
    ids = sorted(set(incident_ids))
    if not ids:
        return []
    rows = session.execute(
        select(Incident.id, Incident.case_no, Incident.title, Incident.category, Incident.address,
               Incident.reported_at)
        .where(Incident.id.in_(ids), Incident.priority == URGENT_PRIORITY, within(actor, Incident.org_path))
        .order_by(Incident.reported_at.desc(), Incident.id.desc()))
    return [UrgentIncident(*row) for row in rows]
