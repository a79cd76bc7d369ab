"""Errors of the incident services that a person reads: bad input, and a lost race with another operator."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.incident_history_notes import decode_note
from console.domain.messages import Explained, Message, explain
from db.models import Incident, IncidentHistory


class IncidentError(Explained, ValueError):
    """A refused incident operation (unknown case, bad field); the message says what is wrong."""


@dataclass(frozen=True)
class LastAction:
    actor: str
    at: datetime
    action: str | None


def conflict_message(case_no: str, state: str, last: LastAction | None) -> Message:
    """Who acted first, when and how, and what the case is now: what the losing operator needs to know."""
    if last is None:
        return explain("Case {case_no} was changed by another session and is now '{state}'; "
                       "your action was not applied.", case_no=case_no, state=state)
    if last.action is None:
        return explain("Case {case_no} was changed by {actor} at {at} and is now '{state}'; "
                       "your action was not applied.", case_no=case_no, actor=last.actor, at=last.at,
                       state=state)
    return explain("Case {case_no} was changed by {actor} at {at} ({action}) and is now '{state}'; "
                   "your action was not applied.", case_no=case_no, actor=last.actor, at=last.at,
                   action=last.action, state=state)


class ConflictError(Explained, RuntimeError):
    """Someone else changed the case first: nothing of this action was written.

    Carries who acted last and the state the case is in now, so the console can show the fresh case."""

    def __init__(self, incident_id: int, case_no: str, state: str, version: int, last: LastAction | None) -> None:
        super().__init__(conflict_message(case_no, state, last))
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
