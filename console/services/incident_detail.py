"""What the detail panel shows and does, as plain functions run on the TaskRunner's threads: one read of a
case (fields, names, history, the actions the actor may take now) and one write per action, committed.

Kept apart from the widget so the GUI thread never touches a Session."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlineStatus
from console.domain.incident_catalog import deadline_policy
from console.domain.incident_states import is_open
from console.domain.incident_workflow import Action, allowed_actions
from console.services.incident_actions import (
    dispatch,
    escalate,
    file_incident,
    merge_into,
    recall_dispatch,
    supervise,
)
from console.services.incidents import HistoryRow, incident_history, load_incident, snapshot_of, transition
from console.services.jurisdiction import Actor
from console.services.orgs import path_ids
from db.models import OrgUnit, Worker

NEEDS_DATA: dict[Action, tuple[str, ...]] = {
    Action.REJECT: ("note",), Action.RETURN: ("note",), Action.REWORK: ("note",),
    Action.FILE: ("category", "note"), Action.DISPATCH: ("department", "note"),
    Action.MARK_DUPLICATE: ("of", "note"), Action.EXTEND: ("deadline", "note"),
    Action.COOPERATE: ("department", "note"), Action.SUPERVISE: ("due", "note"),
}
"""Actions a person has to say more about (the dialog's fields); every other action is one click."""
NOTE_REQUIRED = frozenset({Action.REJECT, Action.RETURN, Action.REWORK})
"""The rules refuse these without a reason; elsewhere the note is optional."""


@dataclass(frozen=True)
class IncidentDetail:
    id: int
    version: int
    case_no: str
    title: str
    category: str
    source: str
    priority: int
    state: str
    level: str
    grid: str
    address: str | None
    reported_at: datetime
    deadline: datetime | None
    deadline_status: DeadlineStatus
    reporter: str | None
    assignee: str | None
    history: list[HistoryRow]
    actions: list[Action]
    departments: list[tuple[int, str]]


def _assignee(session: Session, org_id: int | None, worker_id: int | None) -> str | None:
    if org_id is not None:
        unit = session.get(OrgUnit, org_id)
        return unit.name if unit else str(org_id)
    if worker_id is not None:
        worker = session.get(Worker, worker_id)
        return worker.name if worker else str(worker_id)
    return None


def _reporter(session: Session, source: str, reporter: str | None) -> str | None:
    """A grid worker's report carries the worker's code (what scoring and the replay match); people read
    the name beside it."""
    if source != "grid_worker" or not reporter:
        return reporter
    name = session.scalar(select(Worker.name).where(Worker.code == reporter))
    return f"{name}（{reporter}）" if name else reporter


def load_detail(session: Session, actor: Actor, incident_id: int, now: datetime) -> IncidentDetail:
    incident = load_incident(session, actor, incident_id)
    grid = session.get(OrgUnit, incident.grid_id)
    district = f"/{path_ids(incident.org_path)[0]}/"
    departments = session.execute(select(OrgUnit.id, OrgUnit.name)
                                  .where(OrgUnit.kind == "department", OrgUnit.path.startswith(district))
                                  .order_by(OrgUnit.code)).all()
    status = deadline_policy().status(incident.deadline, now, is_open(incident.state))
    return IncidentDetail(
        id=incident.id, version=incident.version, case_no=incident.case_no, title=incident.title,
        category=incident.category, source=incident.source, priority=incident.priority, state=incident.state,
        level=incident.level, grid=grid.name if grid else str(incident.grid_id), address=incident.address,
        reported_at=incident.reported_at, deadline=incident.deadline, deadline_status=status,
        reporter=_reporter(session, incident.source, incident.reporter),
        assignee=_assignee(session, incident.assignee_org_id, incident.assignee_worker_id),
        history=incident_history(session, actor, incident_id),
        actions=allowed_actions(snapshot_of(incident), actor.role),
        departments=[(row[0], row[1]) for row in departments])


def perform(session: Session, actor: Actor, incident_id: int, action: Action, version: int,
            data: dict[str, Any]) -> None:
    """One action through the service that knows its deadlines and targets, as of the version shown."""
    note = data.get("note") or None
    common: dict[str, Any] = {"expected_version": version, "note": note}
    if action is Action.FILE:
        file_incident(session, actor, incident_id, category=data.get("category"), **common)
    elif action is Action.DISPATCH:
        dispatch(session, actor, incident_id, org_id=data["department"], **common)
    elif action is Action.ESCALATE:
        escalate(session, actor, incident_id, **common)
    elif action is Action.RECALL:
        recall_dispatch(session, actor, incident_id, **common)
    elif action is Action.MARK_DUPLICATE:
        merge_into(session, actor, incident_id, data["of"], **common)
    elif action is Action.SUPERVISE:
        supervise(session, actor, incident_id, due=data["due"], **common)
    elif action is Action.COOPERATE:
        transition(session, actor, incident_id, action, cooperating_org_id=data["department"], **common)
    elif action is Action.EXTEND:
        transition(session, actor, incident_id, action, deadline=data["deadline"], **common)
    else:
        transition(session, actor, incident_id, action, **common)
    session.commit()
