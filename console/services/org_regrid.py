"""Placing rows again after grids change: premises, incidents and cameras by point-in-polygon, workers (and
everything else tied to a grid, not a point) by the new grid that covers most of their old one.

A point inside some grid goes to that grid (the lowest id on a shared edge, as on import); a point outside
every grid keeps its grid unless that grid is being removed, and then goes to the nearest one, so no row is
left pointing at a deleted unit. Counts say how many rows moved; `nearest` how many were placed that way."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from shapely.geometry import shape
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from console.services.changes import record_change
from console.services.jurisdiction import Actor, within
from console.services.premise_import import GridIndex
from db.models import Camera, Incident, OrgUnit, Premise, User, Worker, WorkerGrid
from db.models_inspection import RectificationNotice
from db.models_scoring import ScoreLineRow

CHUNK = 5_000


@dataclass
class RegridCounts:
    premises: int = 0
    incidents: int = 0
    cameras: int = 0
    workers: int = 0
    nearest: int = 0

    def total(self) -> int:
        return self.premises + self.incidents + self.cameras + self.workers


def _remaining_grids(session: Session, removed: set[int]) -> tuple[GridIndex, list]:
    rows = session.execute(select(OrgUnit.id, OrgUnit.path, OrgUnit.boundary_geojson)
                           .where(OrgUnit.kind == "grid", OrgUnit.boundary_geojson.is_not(None))
                           .order_by(OrgUnit.id)).all()
    rows = [r for r in rows if r[0] not in removed]
    geoms = [shape(json.loads(g)) for _, _, g in rows]
    return GridIndex([r[0] for r in rows], [r[1] for r in rows], shapely.STRtree(geoms)), geoms


def _targets(grids: GridIndex, lon: np.ndarray, lat: np.ndarray, current: np.ndarray,
             removed: set[int]) -> tuple[np.ndarray, int]:
    """Index into grids.ids per row (-1: stays where it is) and how many went to the nearest grid."""
    found = grids.locate(lon, lat)
    orphan = (found < 0) & np.isin(current, list(removed))
    if orphan.any() and grids.ids:
        idx = np.flatnonzero(orphan)
        pairs = grids.tree.query_nearest(shapely.points(lon[idx], lat[idx]), all_matches=False)
        found[idx[pairs[0]]] = pairs[1]
    return found, int(orphan.sum())


def _relocate(session: Session, actor: Actor, model, grid_col: str, grids: GridIndex, removed: set[int],
              extra: dict) -> tuple[list[int], int]:
    """Move the rows of `model` whose point lies in another grid; returns (moved ids, placed by nearest)."""
    table = model.__table__
    rows = session.execute(select(table.c.id, table.c.lon, table.c.lat, table.c[grid_col])
                           .where(within(actor, model.org_path)).order_by(table.c.id)).all()
    if not rows or not grids.ids:
        return [], 0
    ids, lon, lat, current = (np.array(col) for col in zip(*rows, strict=True))
    target, nearest = _targets(grids, lon.astype(float), lat.astype(float), current.astype(np.int64), removed)
    grid_ids = np.array(grids.ids)
    moving = np.flatnonzero((target >= 0) & (grid_ids[np.maximum(target, 0)] != current))
    params = [{"b_id": int(ids[i]), "b_grid": int(grids.ids[target[i]]), "b_path": grids.paths[target[i]]}
              for i in moving]
    stmt = update(table).where(table.c.id == bindparam("b_id")).values(
        {grid_col: bindparam("b_grid"), "org_path": bindparam("b_path"), **extra})
    conn = session.connection()
    for start in range(0, len(params), CHUNK):
        conn.execute(stmt, params[start:start + CHUNK])
    return [p["b_id"] for p in params], nearest


def _successors(session: Session, grids: GridIndex, geoms: list, removed: list[int]) -> dict[int, int]:
    """Removed grid → the remaining grid covering most of it (nearest to it, else its community's first)."""
    out: dict[int, int] = {}
    old = {r[0]: r for r in session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.boundary_geojson)
                                            .where(OrgUnit.id.in_(removed)))}
    for gid in removed:
        _, parent_id, text = old[gid]
        if text and grids.ids:
            polygon = shape(json.loads(text))
            hits = grids.tree.query(polygon, predicate="intersects")
            if len(hits):
                out[gid] = grids.ids[max(hits.tolist(), key=lambda h: (geoms[h].intersection(polygon).area, -h))]
                continue
            out[gid] = grids.ids[int(grids.tree.query_nearest(polygon.centroid, all_matches=False)[0])]
            continue
        sibling = session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id == parent_id, OrgUnit.kind == "grid",
                                                          OrgUnit.id.not_in(removed)).order_by(OrgUnit.id))
        if sibling is not None:
            out[gid] = sibling
    return out


def _follow(session: Session, actor: Actor, successors: dict[int, int]) -> int:
    """Rows tied to a removed grid rather than to a point: workers, their grid list, users, assignments,
    score lines. Returns how many workers moved."""
    paths = dict(session.execute(select(OrgUnit.id, OrgUnit.path).where(OrgUnit.id.in_(
        list(successors) + list(successors.values())))).all())
    moved = 0
    for old, new in successors.items():
        moved += session.execute(update(Worker).where(Worker.grid_id == old)
                                 .values(grid_id=new, org_path=paths[new])).rowcount or 0
        served = set(session.scalars(select(WorkerGrid.worker_id).where(WorkerGrid.grid_id == old)))
        already = set(session.scalars(select(WorkerGrid.worker_id).where(WorkerGrid.grid_id == new)))
        session.execute(delete(WorkerGrid).where(WorkerGrid.grid_id == old))
        if served - already:
            session.execute(insert(WorkerGrid), [{"worker_id": w, "grid_id": new} for w in sorted(served - already)])
        session.execute(update(User).where(User.org_unit_id == old).values(org_unit_id=new))
        session.execute(update(Incident).where(Incident.assignee_org_id == old).values(assignee_org_id=new))
        session.execute(update(ScoreLineRow).where(ScoreLineRow.org_path == paths[old]).values(org_path=paths[new]))
    if moved:
        record_change(session, "worker", None, "regrid", actor.username)
    return moved


def _notices_follow(session: Session, premise_ids: list[int]) -> None:
    """Open or closed, a rectification notice is filed under its premise's grid."""
    path = select(Premise.org_path).where(Premise.id == RectificationNotice.premise_id).scalar_subquery()
    for start in range(0, len(premise_ids), CHUNK):
        session.execute(update(RectificationNotice)
                        .where(RectificationNotice.premise_id.in_(premise_ids[start:start + CHUNK]))
                        .values(org_path=path))


def regrid(session: Session, actor: Actor, removed: list[int]) -> RegridCounts:
    """Re-place everything in the actor's jurisdiction against the grids as they now are, minus `removed`."""
    session.flush()
    gone = set(removed)
    grids, geoms = _remaining_grids(session, gone)
    counts = RegridCounts()
    now = datetime.now()
    premises, n1 = _relocate(session, actor, Premise, "grid_id", grids, gone,
                             {"version": Premise.__table__.c.version + 1, "updated_at": now})
    _notices_follow(session, premises)
    incidents, n2 = _relocate(session, actor, Incident, "grid_id", grids, gone,
                              {"version": Incident.__table__.c.version + 1})
    cameras, n3 = _relocate_cameras(session, actor, grids, gone)
    counts.premises, counts.incidents, counts.cameras, counts.nearest = len(premises), len(incidents), cameras, \
        n1 + n2 + n3
    counts.workers = _follow(session, actor, _successors(session, grids, geoms, removed)) if removed else 0
    for entity, moved in (("premise", premises), ("incident", incidents)):
        if moved:
            record_change(session, entity, None, "regrid", actor.username)
    return counts


def _relocate_cameras(session: Session, actor: Actor, grids: GridIndex, removed: set[int]) -> tuple[int, int]:
    """Cameras filed under a grid that is removed go to the grid containing them (or the nearest)."""
    rows = session.execute(select(Camera.id, Camera.lon, Camera.lat, Camera.org_unit_id)
                           .where(within(actor, Camera.org_path), Camera.org_unit_id.in_(removed))).all()
    if not rows or not grids.ids:
        return 0, 0
    ids, lon, lat, current = (np.array(col) for col in zip(*rows, strict=True))
    target, nearest = _targets(grids, lon.astype(float), lat.astype(float), current.astype(np.int64), removed)
    for i in np.flatnonzero(target >= 0):
        session.execute(update(Camera).where(Camera.id == int(ids[i]))
                        .values(org_unit_id=grids.ids[target[i]], org_path=grids.paths[target[i]]))
    return int((target >= 0).sum()), nearest
