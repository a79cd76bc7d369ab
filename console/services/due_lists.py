"""Due and overdue inspection lists per worker, grid, community or township.

"Due soon" and "overdue" are computed from next_inspection, never stored; the (org_path, next_inspection)
index answers a township's list by one index range, and the list is capped because a person reads the
first few hundred while the counts say how many there are.

Note: next_inspection is wrapped (coalesce(x, x)) so SQLite cannot walk the district-wide
next_inspection index in date order and filter by path afterwards, which costs a small grid as much as the
whole district; the path range of ix_premises_path_next is always the narrower start."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, false, func, select
from sqlalchemy.orm import Session

from console.domain.inspections import DueState, due_state
from console.services.jurisdiction import Actor, path_prefix_range, within
from db.models import OrgUnit, Premise, WorkerGrid

DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class DueScope:
    """Exactly one of: an org unit (grid, community, township…) or a worker (all grids they serve)."""

    org_unit_id: int | None = None
    worker_id: int | None = None

    def __post_init__(self) -> None:
        if (self.org_unit_id is None) == (self.worker_id is None):
            raise ValueError("a due list is for one org unit or one worker")


@dataclass(frozen=True)
class DueRow:
    premise_id: int
    code: str
    name: str
    type: str
    address: str
    status: str
    grid_id: int
    next_inspection: date
    state: DueState


@dataclass(frozen=True)
class DueList:
    rows: list[DueRow]
    overdue: int
    due_soon: int


def _scope_filter(session: Session, actor: Actor, scope: DueScope) -> ColumnElement[bool]:
    """One org_path range (the narrower of the unit's and the actor's): two ranges on one column make SQLite
    bound the index by either, often the whole district's."""
    if scope.worker_id is not None:
        grids = select(WorkerGrid.grid_id).where(WorkerGrid.worker_id == scope.worker_id)
        return and_(within(actor, Premise.org_path), Premise.grid_id.in_(grids))
    path = session.scalar(select(OrgUnit.path).where(OrgUnit.id == scope.org_unit_id))
    if path is None:
        raise ValueError(f"No org unit with id {scope.org_unit_id}.")
    if path.startswith(actor.org_path):
        return path_prefix_range(Premise.org_path, path)
    if actor.org_path.startswith(path):
        return within(actor, Premise.org_path)
    return false()


def due_list(session: Session, actor: Actor, scope: DueScope, *, today: date, soon_days: int = 7,
             limit: int = DEFAULT_LIMIT) -> DueList:
    """Premises overdue or due within `soon_days`, most overdue first, inside the actor's jurisdiction."""
    horizon = today + timedelta(days=soon_days)
    due = func.coalesce(Premise.next_inspection, Premise.next_inspection)  # not a bare column: see the module note
    where = [_scope_filter(session, actor, scope), due <= horizon]
    overdue, soon = session.execute(
        select(func.count(case((due < today, 1))), func.count(case((due >= today, 1)))).where(*where)).one()
    rows = session.execute(
        select(Premise.id, Premise.code, Premise.name, Premise.type, Premise.address, Premise.status,
               Premise.grid_id, Premise.next_inspection)
        .where(*where).order_by(due, Premise.id).limit(limit))
    return DueList([DueRow(*r, state=due_state(r[7], today, soon_days)) for r in rows], overdue or 0, soon or 0)
