"""The org tree an actor may see, with premises, grid workers and open incidents counted per unit.

Counts come from one grouped query per table on `org_path`: every distinct path (about one per grid) adds
its count to each unit in its ancestry, so a township's figure is the sum of its grids' without a query
per node."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from console.domain.incident_states import FINISHED_STATES
from console.services.jurisdiction import Actor, within
from db.models import Incident, OrgUnit, Premise, Worker

# Units that see the functional departments beside the territorial tree.
_DEPARTMENT_VIEWERS = ("district", "department")


@dataclass(frozen=True)
class OrgNodeRow:
    id: int
    parent_id: int | None
    code: str
    name: str
    kind: str
    path: str
    premises: int
    workers: int
    open_incidents: int


def path_ids(path: str) -> list[int]:
    """'/1/3/12/' → [1, 3, 12]."""
    return [int(part) for part in path.strip("/").split("/") if part]


def _roll_up(grouped: Iterable[tuple[str, int]]) -> Counter[int]:
    """Add each path's count to every unit on that path."""
    totals: Counter[int] = Counter()
    for path, count in grouped:
        for unit_id in path_ids(path):
            totals[unit_id] += count
    return totals


def _grouped_by_path(session: Session, model, actor: Actor, *conditions) -> Counter[int]:
    stmt = (select(model.org_path, func.count()).where(within(actor, model.org_path), *conditions)
            .group_by(model.org_path))
    return _roll_up(session.execute(stmt))


def _open_assigned_to_departments(session: Session, actor: Actor, department_ids: list[int]) -> Counter[int]:
    """A department has no territory: its open cases are those dispatched to it."""
    if not department_ids:
        return Counter()
    stmt = (select(Incident.assignee_org_id, func.count())
            .where(within(actor, Incident.org_path), Incident.state.not_in(FINISHED_STATES),
                   Incident.assignee_org_id.in_(department_ids))
            .group_by(Incident.assignee_org_id))
    return Counter({org_id: count for org_id, count in session.execute(stmt)})


def org_tree(session: Session, actor: Actor) -> list[OrgNodeRow]:
    """The actor's unit and everything under it, parents before children; departments only for a district."""
    own_kind = session.scalar(select(OrgUnit.kind).where(OrgUnit.id == actor.org_unit_id))
    stmt = select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.code, OrgUnit.name, OrgUnit.kind, OrgUnit.path) \
        .where(within(actor, OrgUnit.path))
    if own_kind not in _DEPARTMENT_VIEWERS:
        stmt = stmt.where(or_(OrgUnit.kind != "department", OrgUnit.id == actor.org_unit_id))
    units = list(session.execute(stmt))
    premises = _grouped_by_path(session, Premise, actor)
    workers = _grouped_by_path(session, Worker, actor, Worker.active.is_(True))
    incidents = _grouped_by_path(session, Incident, actor, Incident.state.not_in(FINISHED_STATES))
    incidents.update(_open_assigned_to_departments(
        session, actor, [u[0] for u in units if u[4] == "department"]))
    rows = [OrgNodeRow(id=uid, parent_id=parent, code=code, name=name, kind=kind, path=path,
                       premises=premises[uid], workers=workers[uid], open_incidents=incidents[uid])
            for uid, parent, code, name, kind, path in units]
    rows.sort(key=lambda r: (r.path.count("/"), r.code))
    return rows
