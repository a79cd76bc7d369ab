"""Incident use-cases: take a case in, move it through the lifecycle, read its history.

Every write goes through `transition()`: the domain state machine decides, the row, a history line and a
change_log entry are written in the caller's transaction, and the row's version column turns a concurrent
change into a ConflictError instead of a silent overwrite. Callers commit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from console.domain.incident_history_notes import decode_note, encode_note
from console.domain.incident_sources import PRIORITY_LABELS, SOURCE_LABELS
from console.domain.incident_workflow import (
    Action,
    IncidentSnapshot,
    RefusalCode,
    Transition,
    TransitionRefused,
    apply,
)
from console.domain.messages import explain
from console.domain.roles import Role
from console.services.changes import record_change
from console.services.grids import GridLocator
from console.services.incident_errors import ConflictError, IncidentError, conflict_for
from console.services.jurisdiction import Actor, OutsideJurisdiction, within
from db.models import Incident, IncidentHistory, OrgUnit

__all__ = [
    "ConflictError",
    "HistoryRow",
    "IncidentError",
    "NewIncident",
    "create_incident",
    "incident_history",
    "load_incident",
    "snapshot_of",
    "transition",
]


@dataclass(frozen=True)
class NewIncident:
    """A case as it is reported (walk-in, phone, an import row); the grid is found from the point if absent."""

    source: str
    category: str
    title: str
    lon: float
    lat: float
    priority: int = 3
    description: str | None = None
    address: str | None = None
    reporter: str | None = None
    reported_at: datetime | None = None
    grid_id: int | None = None
    case_no: str | None = None


@dataclass(frozen=True)
class HistoryRow:
    from_state: str | None
    to_state: str
    actor: str
    at: datetime
    action: str | None
    details: dict[str, str]
    text: str | None


def new_case_no(at: datetime) -> str:
    return f"{at:%Y%m%d}-{uuid.uuid4().hex[:10].upper()}"


def _check_new(new: NewIncident) -> None:
    if new.source not in SOURCE_LABELS:
        raise IncidentError(explain("Unknown source {value}; expected one of {sources}.",
                                    value=repr(new.source), sources=tuple(SOURCE_LABELS)))
    if new.priority not in PRIORITY_LABELS:
        raise IncidentError(explain("Priority must be one of {choices}, not {value}.",
                                    choices=tuple(PRIORITY_LABELS), value=new.priority))
    if not new.title.strip() or not new.category.strip():
        raise IncidentError(explain("An incident needs a title and a category."))
    if not (-180 <= new.lon <= 180 and -90 <= new.lat <= 90):
        raise IncidentError(explain("The location {lon}, {lat} is not a longitude/latitude.", lon=new.lon,
                                    lat=new.lat))


def _grid(session: Session, actor: Actor, grid_id: int) -> OrgUnit:
    """A grid of the actor's jurisdiction, by id."""
    grid = session.get(OrgUnit, grid_id)
    if grid is None or grid.kind != "grid":
        raise IncidentError(explain("There is no grid with id {id}.", id=grid_id))
    if not actor.covers(grid.path):
        raise OutsideJurisdiction(explain("Grid {name} lies outside the jurisdiction of {user}.",
                                          name=grid.name, user=actor.username))
    return grid


def _grid_for(session: Session, actor: Actor, new: NewIncident, locator: GridLocator | None) -> tuple[int, str]:
    if new.grid_id is not None:
        grid = _grid(session, actor, new.grid_id)
        return grid.id, grid.path
    found = (locator or GridLocator.load(session, actor)).locate(new.lon, new.lat)
    if found is None:
        raise IncidentError(explain("The point {lon}, {lat} lies in no grid of {user}'s jurisdiction.",
                                    lon=f"{new.lon:.6f}", lat=f"{new.lat:.6f}", user=actor.username))
    return found.id, found.path


def create_incident(session: Session, actor: Actor, new: NewIncident, *, now: datetime | None = None,
                    locator: GridLocator | None = None, state: str = "reported",
                    closed_at: datetime | None = None, history_at: datetime | None = None,
                    deadline: datetime | None = None) -> Incident:
    """Insert a case with its first history line. `state`, `closed_at`, `deadline` and `history_at` let an
    import bring cases worked elsewhere as they were."""
    _check_new(new)
    if actor.role is Role.WALL:
        raise TransitionRefused(RefusalCode.ROLE,
                                explain("The {role} role may not take incidents in.", role=actor.role.value))
    now = now or datetime.now()
    reported_at = new.reported_at or now
    grid_id, path = _grid_for(session, actor, new, locator)
    incident = Incident(case_no=new.case_no or new_case_no(reported_at), source=new.source,
                        category=new.category, priority=new.priority, title=new.title[:200],
                        description=new.description, address=new.address, lon=new.lon, lat=new.lat,
                        grid_id=grid_id, org_path=path, level="community", state=state,
                        reported_at=reported_at, deadline=deadline, closed_at=closed_at, reporter=new.reporter)
    session.add(incident)
    session.flush()
    session.add(IncidentHistory(incident_id=incident.id, from_state=None, to_state=state, actor=actor.username,
                                at=history_at or reported_at,
                                note=encode_note("create", {"source": new.source}, None)))
    record_change(session, "incident", incident.id, "insert", actor.username)
    return incident


def load_incident(session: Session, actor: Actor, incident_id: int) -> Incident:
    """The case as the database has it now, if it lies in the actor's jurisdiction."""
    incident = session.scalars(select(Incident).where(Incident.id == incident_id,
                                                      within(actor, Incident.org_path))
                               .execution_options(populate_existing=True)).one_or_none()
    if incident is None:
        if session.scalar(select(Incident.id).where(Incident.id == incident_id)) is None:
            raise IncidentError(explain("There is no incident with id {id}.", id=incident_id))
        raise OutsideJurisdiction(explain("Incident {id} lies outside the jurisdiction of {user}.",
                                          id=incident_id, user=actor.username))
    return incident


def snapshot_of(incident: Incident) -> IncidentSnapshot:
    return IncidentSnapshot(id=incident.id, state=incident.state, level=incident.level,
                            category=incident.category, grid_id=incident.grid_id, deadline=incident.deadline,
                            assignee_org_id=incident.assignee_org_id,
                            assignee_worker_id=incident.assignee_worker_id,
                            duplicate_of_id=incident.duplicate_of_id, closed_at=incident.closed_at)


def _write(session: Session, actor: Actor, incident: Incident, result: Transition, now: datetime) -> None:
    new_grid = result.changes.get("grid_id")
    if new_grid is not None and new_grid != incident.grid_id:
        incident.org_path = _grid(session, actor, new_grid).path
    for field, value in result.changes.items():
        setattr(incident, field, value)
    incident.state = result.to_state
    flag_modified(incident, "state")  # history-only actions bump the version too: every action is seen
    session.add(IncidentHistory(incident_id=incident.id, from_state=result.from_state, to_state=result.to_state,
                                actor=actor.username, at=now, note=result.note))


def transition(session: Session, actor: Actor, incident_id: int, action: Action | str, *,
               expected_version: int | None = None, now: datetime | None = None, **data) -> Incident:
    """Perform one lifecycle action. `expected_version` is the version the person saw.

    Raises TransitionRefused (rules), ConflictError (someone acted first; the session is rolled back),
    IncidentError / OutsideJurisdiction (no such case for this actor)."""
    now = now or datetime.now()
    incident = load_incident(session, actor, incident_id)
    if expected_version is not None and incident.version != expected_version:
        raise conflict_for(session, incident_id)
    result = apply(snapshot_of(incident), action, actor.role, now, **data)
    _write(session, actor, incident, result, now)
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        raise conflict_for(session, incident_id) from None
    record_change(session, "incident", incident.id, result.action.value, actor.username)
    return incident


def incident_history(session: Session, actor: Actor, incident_id: int) -> list[HistoryRow]:
    """The timeline, oldest first."""
    load_incident(session, actor, incident_id)
    rows = session.execute(select(IncidentHistory.from_state, IncidentHistory.to_state, IncidentHistory.actor,
                                  IncidentHistory.at, IncidentHistory.note)
                           .where(IncidentHistory.incident_id == incident_id)
                           .order_by(IncidentHistory.at, IncidentHistory.id)).all()
    result = []
    for from_state, to_state, who, at, note in rows:
        decoded = decode_note(note)
        result.append(HistoryRow(from_state, to_state, who, at, decoded.action, decoded.details, decoded.text))
    return result
