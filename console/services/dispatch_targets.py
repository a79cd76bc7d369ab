"""The dispatch board's side of the database: who can take a case (departments, the lower-level centers and
the grid workers of the actor's jurisdiction) with their open load and overdue count, the rules a drop is
checked against before anything is written, and dispatching / recalling several cases one by one.

Each case is its own transaction: a refused or contested case leaves the others dispatched, and the caller
gets one outcome per case to show."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import case, func, or_, select, text
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy
from console.domain.incident_catalog import deadline_policy
from console.domain.incident_workflow import Action, IncidentSnapshot, TransitionRefused, allowed_actions
from console.domain.messages import Message, explain
from console.domain.roles import Role
from console.services.incident_actions import dispatch, recall_dispatch
from console.services.incident_errors import ConflictError, IncidentError
from console.services.incident_queues import OPEN_PREDICATE, queue_condition
from console.services.incidents import load_incident
from console.services.jurisdiction import Actor, OutsideJurisdiction, path_prefix_range, within
from console.services.orgs import path_ids
from db.models import Incident, OrgUnit, Worker, WorkerGrid

CENTER_KINDS = ("township", "community")


class TargetKind(StrEnum):
    DEPARTMENT = "department"
    CENTER = "center"
    WORKER = "worker"


@dataclass(frozen=True)
class DispatchTarget:
    """One drop target; `grid_ids` are the grids a worker serves, `place` where the target sits."""

    kind: TargetKind
    id: int
    name: str
    place: str
    path: str
    open_load: int = 0
    overdue: int = 0
    grid_ids: frozenset[int] = frozenset()

    @property
    def key(self) -> tuple[str, int]:
        return self.kind.value, self.id


@dataclass(frozen=True)
class BoardData:
    targets: list[DispatchTarget]
    grid_paths: dict[int, str]
    """Every grid of the jurisdiction by id: whether a case lies under a center is read from its grid."""


@dataclass(frozen=True)
class CaseRef:
    """A case as the inbox row showed it when it was picked up (the version turns a race into a conflict)."""

    id: int
    version: int
    case_no: str
    state: str
    grid_id: int


class Refusal(StrEnum):
    """Why a drop is refused before anything is written; the widgets word each one."""

    STATE = "state"
    ROLE = "role"
    OUTSIDE = "outside"
    GRID = "grid"


@dataclass(frozen=True)
class Outcome:
    """One case's result: `version` is the row's version after a success (what an undo must find); after a
    refusal `message` says why and `why` is the same for the console to translate."""

    id: int
    case_no: str
    ok: bool
    message: str = ""
    version: int | None = None
    why: Message | None = None


@dataclass(frozen=True)
class DispatchRules:
    worker_must_serve_grid: bool = True
    """A grid worker takes only cases in a grid they serve (网格员只办本网格事件)."""


DEFAULT_RULES = DispatchRules()


def _loads(session: Session, actor: Actor, now: datetime,
           policy: DeadlinePolicy) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """(open, overdue) per assigned org unit and per worker, overdue as the inbox's "overdue" queue counts it.

    One pass over the open cases: the open condition is the inbox's literal one, so the partial open-case
    index serves it (a few percent of all cases) instead of a scan of the jurisdiction."""
    overdue = queue_condition("overdue", actor, now, policy)
    rows = session.execute(select(Incident.assignee_org_id, Incident.assignee_worker_id, func.count(),
                                  func.sum(case((overdue, 1), else_=0)))
                           .where(text(f"incidents.{OPEN_PREDICATE}"), within(actor, Incident.org_path),
                                  or_(Incident.assignee_org_id.is_not(None), Incident.assignee_worker_id.is_not(None)))
                           .group_by(Incident.assignee_org_id, Incident.assignee_worker_id))
    orgs: dict[int, tuple[int, int]] = {}
    workers: dict[int, tuple[int, int]] = {}
    for org, worker, n, late in rows:
        loads, key = (orgs, org) if org is not None else (workers, worker)
        held = loads.get(key, (0, 0))
        loads[key] = (held[0] + n, held[1] + int(late or 0))
    return orgs, workers


def load_board(session: Session, actor: Actor, now: datetime | None = None,
               policy: DeadlinePolicy | None = None) -> BoardData:
    """Departments of the actor's district, centers below the actor, active workers within the jurisdiction."""
    now, policy = now or datetime.now(), policy or deadline_policy()
    district = f"/{path_ids(actor.org_path)[0]}/"
    units = session.execute(select(OrgUnit.id, OrgUnit.name, OrgUnit.kind, OrgUnit.path, OrgUnit.parent_id)
                            .where(path_prefix_range(OrgUnit.path, district),
                                   OrgUnit.kind.in_(("department", *CENTER_KINDS, "grid")))
                            .order_by(OrgUnit.code)).all()
    names = {u.id: u.name for u in units}
    org_load, worker_load = _loads(session, actor, now, policy)
    targets: list[DispatchTarget] = []
    for u in units:
        below_me = u.path.startswith(actor.org_path) and u.id != actor.org_unit_id
        if u.kind == "department" or (u.kind in CENTER_KINDS and below_me):
            kind = TargetKind.DEPARTMENT if u.kind == "department" else TargetKind.CENTER
            targets.append(DispatchTarget(kind, u.id, u.name, names.get(u.parent_id, ""), u.path,
                                          *org_load.get(u.id, (0, 0))))
    served: dict[int, set[int]] = {}
    for worker_id, grid_id in session.execute(select(WorkerGrid.worker_id, WorkerGrid.grid_id)):
        served.setdefault(worker_id, set()).add(grid_id)
    for w in session.execute(select(Worker.id, Worker.name, Worker.grid_id, Worker.org_path)
                             .where(Worker.active, within(actor, Worker.org_path)).order_by(Worker.code)):
        targets.append(DispatchTarget(TargetKind.WORKER, w.id, w.name, names.get(w.grid_id, ""), w.org_path,
                                      *worker_load.get(w.id, (0, 0)),
                                      grid_ids=frozenset(served.get(w.id, set()) | {w.grid_id})))
    grid_paths = {u.id: u.path for u in units if u.kind == "grid" and actor.covers(u.path)}
    order = list(TargetKind)
    return BoardData(sorted(targets, key=lambda t: order.index(t.kind)), grid_paths)


def refusal(case_ref: CaseRef, target: DispatchTarget, role: Role, grid_paths: dict[int, str],
            rules: DispatchRules = DEFAULT_RULES) -> Refusal | None:
    """The rules a drop can be checked against at once, from what the inbox showed; the service checks
    again when it writes (the case may have moved on meanwhile)."""
    if Action.DISPATCH not in allowed_actions(IncidentSnapshot(id=case_ref.id, state=case_ref.state), role):
        return Refusal.ROLE if case_ref.state in ("filed", "returned") else Refusal.STATE
    grid_path = grid_paths.get(case_ref.grid_id)
    if grid_path is None:
        return Refusal.OUTSIDE
    if target.kind is TargetKind.CENTER and not grid_path.startswith(target.path):
        return Refusal.OUTSIDE
    if target.kind is TargetKind.WORKER and rules.worker_must_serve_grid and case_ref.grid_id not in target.grid_ids:
        return Refusal.GRID
    return None


def _check_worker_grid(session: Session, incident: Incident, worker_id: int) -> None:
    worker = session.get(Worker, worker_id)
    grids = set(session.scalars(select(WorkerGrid.grid_id).where(WorkerGrid.worker_id == worker_id)))
    if worker is not None and incident.grid_id not in grids | {worker.grid_id}:
        raise IncidentError(explain("Case {case_no} lies in a grid {name} does not serve.",
                                    case_no=incident.case_no, name=worker.name))


def _one(session: Session, case_ref: CaseRef, work) -> Outcome:
    try:
        incident = work()
        session.commit()
    except (TransitionRefused, IncidentError, ConflictError, OutsideJurisdiction) as exc:
        session.rollback()
        return Outcome(case_ref.id, case_ref.case_no, False, str(exc), why=exc.message)
    return Outcome(case_ref.id, case_ref.case_no, True, version=incident.version)


def dispatch_cases(session: Session, actor: Actor, cases: list[CaseRef], target: DispatchTarget, *,
                   rules: DispatchRules = DEFAULT_RULES, policy: DeadlinePolicy | None = None,
                   now: datetime | None = None) -> list[Outcome]:
    """派遣 each case to the target with the policy's deadline for its category and level."""
    def work(case_ref: CaseRef):
        if target.kind is TargetKind.WORKER and rules.worker_must_serve_grid:
            _check_worker_grid(session, load_incident(session, actor, case_ref.id), target.id)
        org, worker = (None, target.id) if target.kind is TargetKind.WORKER else (target.id, None)
        return dispatch(session, actor, case_ref.id, org_id=org, worker_id=worker, policy=policy,
                        expected_version=case_ref.version, now=now)
    return [_one(session, c, lambda c=c: work(c)) for c in cases]


def recall_cases(session: Session, actor: Actor, dispatched: list[Outcome],
                 now: datetime | None = None) -> list[Outcome]:
    """Undo: 撤回派遣 of each case dispatched a moment ago, as of the version the dispatch left."""
    refs = [CaseRef(o.id, o.version or 0, o.case_no, "dispatched", 0) for o in dispatched if o.ok]
    return [_one(session, r, lambda r=r: recall_dispatch(session, actor, r.id, expected_version=r.version,
                                                         now=now)) for r in refs]
