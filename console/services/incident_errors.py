"""Errors of the incident services that a person reads: bad input, and a lost race with another operator."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.incident_history_notes import decode_note
from db.models import Incident, IncidentHistory


class IncidentError(ValueError):
    """A refused incident operation (unknown case, bad field); the text says what is wrong."""


@dataclass(frozen=True)
class LastAction:
    actor: str
    at: datetime
    action: str | None


class ConflictError(RuntimeError):
    """Someone else changed the case first: nothing of this action was written.

    Carries who acted last and the state the case is in now, so the console can show the fresh case."""

    def __init__(self, incident_id: int, case_no: str, state: str, version: int, last: LastAction | None) -> None:
        who = f"{last.actor} at {last.at:%Y-%m-%d %H:%M:%S}" if last else "another session"
        what = f" ({last.action})" if last and last.action else ""
        super().__init__(f"Case {case_no} was changed by {who}{what} and is now '{state}'; "
                         "your action was not applied.")
        self.incident_id = incident_id
        self.case_no = case_no
        self.state = state
        self.version = version
        self.last = last


def conflict_for(session: Session, incident_id: int) -> ConflictError:
    """Read the case as it stands now (call after rolling the failed transaction back)."""
    row = session.execute(select(Incident.case_no, Incident.state, Incident.version)
                          .where(Incident.id == incident_id)).one()
    last = session.execute(select(IncidentHistory.actor, IncidentHistory.at, IncidentHistory.note)
                           .where(IncidentHistory.incident_id == incident_id)
                           .order_by(IncidentHistory.id.desc()).limit(1)).first()
    last_action = LastAction(last[0], last[1], decode_note(last[2]).action) if last else None
    return ConflictError(incident_id, row[0], row[1], row[2], last_action)
