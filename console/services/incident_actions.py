"""The lifecycle actions that need more than the state machine: deadlines from the policy, dispatch targets,
escalation of overdue cases, supervision orders and duplicates. All go through `transition()`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.deadlines import LEVELS, DeadlinePolicy, DeadlineStatus
from console.domain.duplicates import DuplicateRule, DuplicateSuggestion, IncidentPoint, suggest_duplicates
from console.domain.incident_catalog import deadline_policy
from console.domain.incident_states import FINISHED_STATES
from console.domain.incident_workflow import Action, RefusalCode, TransitionRefused
from console.domain.messages import Message, explain
from console.services.incidents import incident_history, load_incident, transition
from console.services.jurisdiction import Actor, within
from console.services.orgs import path_ids
from console.services.spatial import ids_in_bbox
from db.models import Incident, OrgUnit, Worker

DEFAULT_DUPLICATE_RULE = DuplicateRule()
DISPATCH_ORG_KINDS = ("department", "township", "community")
"""Departments and lower-level centers take cases; a grid is reached through its worker."""


def _policy(policy: DeadlinePolicy | None) -> DeadlinePolicy:
    """The catalogue's limits on the official calendar unless the caller brings its own."""
    return policy or deadline_policy()


def _refuse(message: Message) -> TransitionRefused:
    return TransitionRefused(RefusalCode.INVALID, message)


def file_incident(session: Session, actor: Actor, incident_id: int, *, policy: DeadlinePolicy | None = None,
                  category: str | None = None, grid_id: int | None = None, expected_version: int | None = None,
                  now: datetime | None = None, note: str | None = None) -> Incident:
    """立案: keep or correct category and grid (the case moves to the grid's path); the deadline comes from
    the policy for the case's level."""
    now = now or datetime.now()
    incident = load_incident(session, actor, incident_id)
    category = category or incident.category
    return transition(session, actor, incident_id, Action.FILE, expected_version=expected_version, now=now,
                      category=category, grid_id=grid_id or incident.grid_id, note=note,
                      deadline=_policy(policy).deadline(category, incident.level, now))


def _check_org_target(session: Session, incident: Incident, org_id: int) -> None:
    unit = session.get(OrgUnit, org_id)
    if unit is None:
        raise _refuse(explain("There is no org unit with id {id}.", id=org_id))
    if unit.kind not in DISPATCH_ORG_KINDS:
        raise _refuse(explain("{name} is a {kind}; cases go to a department, a lower-level center or a "
                              "worker.", name=unit.name, kind=unit.kind))
    if path_ids(unit.path)[0] != path_ids(incident.org_path)[0]:
        raise _refuse(explain("{name} belongs to another district.", name=unit.name))
    if unit.kind != "department" and not incident.org_path.startswith(unit.path):
        raise _refuse(explain("Case {case_no} lies outside {name}.", case_no=incident.case_no,
                              name=unit.name))


def _check_worker_target(session: Session, actor: Actor, worker_id: int) -> None:
    worker = session.get(Worker, worker_id)
    if worker is None or not worker.active:
        raise _refuse(explain("There is no active worker with id {id}.", id=worker_id))
    if not actor.covers(worker.org_path):
        raise _refuse(explain("Worker {name} works outside {user}'s jurisdiction.", name=worker.name,
                              user=actor.username))


def dispatch(session: Session, actor: Actor, incident_id: int, *, policy: DeadlinePolicy | None = None,
             org_id: int | None = None, worker_id: int | None = None, expected_version: int | None = None,
             now: datetime | None = None, note: str | None = None) -> Incident:
    """派遣 to a department, a lower-level center or a worker, due by the policy's limit from now."""
    now = now or datetime.now()
    incident = load_incident(session, actor, incident_id)
    if org_id is not None:
        _check_org_target(session, incident, org_id)
    if worker_id is not None:
        _check_worker_target(session, actor, worker_id)
    return transition(session, actor, incident_id, Action.DISPATCH, expected_version=expected_version, now=now,
                      assignee_org_id=org_id, assignee_worker_id=worker_id, note=note,
                      deadline=_policy(policy).deadline(incident.category, incident.level, now))


def recall_dispatch(session: Session, actor: Actor, incident_id: int, *, expected_version: int | None = None,
                    now: datetime | None = None, note: str | None = None) -> Incident:
    """撤回派遣 (the dispatch board's undo): the rules decide from the last dispatch line who may take it back
    and until when; the deadline goes back to the one the case had before that dispatch (to the minute, as
    the history line recorded it)."""
    history = incident_history(session, actor, incident_id)
    last = max((k for k, line in enumerate(history) if line.action == Action.DISPATCH.value), default=None)
    if last is None:
        raise _refuse(explain("Incident {id} was never dispatched.", id=incident_id))
    earlier = [line.details["deadline"] for line in history[:last] if "deadline" in line.details]
    return transition(session, actor, incident_id, Action.RECALL, expected_version=expected_version, now=now,
                      note=note, by=actor.username, dispatched_by=history[last].actor,
                      dispatched_at=history[last].at,
                      deadline=datetime.fromisoformat(earlier[-1]) if earlier else None)


def escalate(session: Session, actor: Actor, incident_id: int, *, policy: DeadlinePolicy | None = None,
             expected_version: int | None = None, now: datetime | None = None, note: str | None = None) -> Incident:
    """上报升级 one level up with that level's deadline; same case, history kept."""
    now = now or datetime.now()
    incident = load_incident(session, actor, incident_id)
    level = LEVELS[min(LEVELS.index(incident.level) + 1, len(LEVELS) - 1)]
    return transition(session, actor, incident_id, Action.ESCALATE, expected_version=expected_version, now=now,
                      deadline=_policy(policy).deadline(incident.category, level, now), note=note)


def escalate_overdue(session: Session, actor: Actor, *, policy: DeadlinePolicy | None = None,
                     now: datetime | None = None) -> list[int]:
    """Escalate every open case of the jurisdiction past its deadline below the top level; returns their ids."""
    now = now or datetime.now()
    ids = list(session.scalars(
        select(Incident.id).where(within(actor, Incident.org_path), Incident.state.not_in(FINISHED_STATES),
                                  Incident.state.not_in(("reported", "accepted")), Incident.deadline < now,
                                  Incident.level != LEVELS[-1]).order_by(Incident.id)))
    for incident_id in ids:
        escalate(session, actor, incident_id, policy=policy, now=now, note="overdue")
    return ids


def supervise(session: Session, actor: Actor, incident_id: int, *, due: datetime, note: str | None = None,
              expected_version: int | None = None, now: datetime | None = None) -> Incident:
    """督办: a supervisor's order with its own due time, recorded on the case."""
    return transition(session, actor, incident_id, Action.SUPERVISE, expected_version=expected_version,
                      now=now, due=due, note=note)


@dataclass(frozen=True)
class SupervisionOrder:
    """A 督办 order as the history holds it, with its status against its own due time."""

    issued_by: str
    issued_at: datetime
    due: datetime
    text: str | None
    status: DeadlineStatus
    reminders: int


def remind(session: Session, actor: Actor, incident_id: int, *, note: str | None = None,
           expected_version: int | None = None, now: datetime | None = None) -> Incident:
    """催办: a supervisor's reminder, recorded on the case."""
    return transition(session, actor, incident_id, Action.REMIND, expected_version=expected_version, now=now,
                      note=note)


def supervision_orders(session: Session, actor: Actor, incident_id: int, *, policy: DeadlinePolicy | None = None,
                       now: datetime | None = None) -> list[SupervisionOrder]:
    """The case's supervision orders, oldest first; `reminders` counts the 催办 lines after each order."""
    now = now or datetime.now()
    is_open = load_incident(session, actor, incident_id).state not in FINISHED_STATES
    history = incident_history(session, actor, incident_id)
    orders = []
    for k, line in enumerate(history):
        if line.action != Action.SUPERVISE.value:
            continue
        due = datetime.fromisoformat(line.details["due"])
        reminders = sum(1 for later in history[k + 1:] if later.action == Action.REMIND.value)
        orders.append(SupervisionOrder(line.actor, line.at, due, line.text,
                                       _policy(policy).status(due, now, is_open), reminders))
    return orders


def duplicate_suggestions(session: Session, actor: Actor, incident_id: int,
                          rule: DuplicateRule = DEFAULT_DUPLICATE_RULE) -> list[DuplicateSuggestion]:
    """Cases of the same category within the rule's radius and window (not themselves duplicates)."""
    incident = load_incident(session, actor, incident_id)
    near = ids_in_bbox(session, actor, "incidents", rule.search_box(incident.lon, incident.lat))
    earliest, latest = rule.time_bounds(incident.reported_at)
    rows = session.execute(select(Incident.id, Incident.category, Incident.lon, Incident.lat,
                                  Incident.reported_at)
                           .where(Incident.id.in_(near), Incident.category == incident.category,
                                  Incident.state != "duplicate",
                                  Incident.reported_at.between(earliest, latest))).all() if near else []
    me = IncidentPoint(incident.id, incident.category, incident.lon, incident.lat, incident.reported_at)
    return suggest_duplicates(me, [IncidentPoint(*row) for row in rows], rule)


def merge_into(session: Session, actor: Actor, incident_id: int, into_id: int, *,
               expected_version: int | None = None, now: datetime | None = None,
               note: str | None = None) -> Incident:
    """Mark a case a duplicate of another (合并); a chain is followed to the case that stands."""
    target = load_incident(session, actor, into_id)
    seen = {incident_id}
    while target.duplicate_of_id is not None:
        if target.id in seen:
            raise _refuse(explain("These cases are already duplicates of each other."))
        seen.add(target.id)
        target = load_incident(session, actor, target.duplicate_of_id)
    if target.id == incident_id:
        raise _refuse(explain("A case cannot be merged into its own duplicate."))
    return transition(session, actor, incident_id, Action.MARK_DUPLICATE, expected_version=expected_version,
                      now=now, of=target.id, note=note)
