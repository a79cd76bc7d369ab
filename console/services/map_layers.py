"""The map's layers as numpy arrays, one query per layer, limited to the actor's jurisdiction.

The canvas draws from arrays, so a layer of 100k premises is one SELECT of six narrow columns turned into
a PointSet; the `*_by_ids` variants reload only what the change feed says changed, and report the ids that
vanished (deleted, or moved out of the jurisdiction) so the layer can drop them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import numpy as np
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from console.domain.geo import BBox
from console.domain.map_boundary import KIND_LEVELS, Boundary, boundary_from_geojson
from console.domain.map_classes import (
    OPEN_INCIDENT_STATES,
    incident_class_code,
    premise_status_code,
    premise_type_code,
    priority_code,
)
from console.domain.map_points import PointSet
from console.services.jurisdiction import Actor, path_prefix_range, within
from console.services.raw_sql import fetch_statement
from db.models import Camera, GpsFix, Incident, OrgUnit, Premise, Worker

LAYER_NAMES = ("premises", "incidents", "cameras", "workers")
_MAX_IN = 900
"""Ids per IN (...) list: under SQLite's 999 bound-parameter limit."""


def _epoch(value: datetime | None) -> float:
    return value.timestamp() if value is not None else float("nan")


def _premises_stmt(actor: Actor) -> Select:
    return select(Premise.id, Premise.lon, Premise.lat, Premise.status, Premise.type, Premise.name).where(
        within(actor, Premise.org_path)
    )


def _premises(rows) -> PointSet:
    ids, lon, lat, status, kind, names = _columns(rows, 6)
    return _premises_from_columns(ids, lon, lat, status, kind, names)


def _premises_from_columns(ids, lon, lat, status, kind, names) -> PointSet:
    status_code = {s: premise_status_code(s) for s in set(status)}
    type_code = {t: premise_type_code(t) for t in set(kind)}
    return PointSet.build(
        ids, lon, lat, cat=[status_code[s] for s in status], sym=[type_code[t] for t in kind], names=names
    )


def _incidents_stmt(actor: Actor) -> Select:
    return select(
        Incident.id,
        Incident.lon,
        Incident.lat,
        Incident.state,
        Incident.priority,
        Incident.title,
        Incident.deadline,
    ).where(within(actor, Incident.org_path), Incident.state.in_(OPEN_INCIDENT_STATES))


def _incidents(rows) -> PointSet:
    ids, lon, lat, state, priority, titles, deadline = _columns(rows, 7)
    return PointSet.build(
        ids,
        lon,
        lat,
        cat=[incident_class_code(s) for s in state],
        sym=[priority_code(p) for p in priority],
        names=titles,
        t=[_epoch(d) for d in deadline],
    )


def _cameras_stmt(actor: Actor) -> Select:
    return select(Camera.id, Camera.lon, Camera.lat, Camera.online, Camera.name).where(
        within(actor, Camera.org_path)
    )


def _cameras(rows) -> PointSet:
    ids, lon, lat, online, names = _columns(rows, 5)
    return PointSet.build(ids, lon, lat, cat=[0 if on else 1 for on in online], names=names)


def _workers_stmt(actor: Actor) -> Select:
    """Each active worker's latest fix: the (worker_id, t) index answers the max per worker."""
    last = (
        select(GpsFix.worker_id, func.max(GpsFix.t).label("t"))
        .group_by(GpsFix.worker_id)
        .subquery("last_fix")
    )
    return (
        select(Worker.id, GpsFix.lon, GpsFix.lat, Worker.name, GpsFix.t)
        .join(last, last.c.worker_id == Worker.id)
        .join(GpsFix, (GpsFix.worker_id == last.c.worker_id) & (GpsFix.t == last.c.t))
        .where(within(actor, Worker.org_path), Worker.active.is_(True))
        .order_by(Worker.id, GpsFix.id)
    )


def _workers(rows) -> PointSet:
    ids, lon, lat, names, t = _columns(rows, 5)
    ids_arr = np.asarray(ids, dtype=np.int64)
    # Two fixes with the same timestamp: keep the later row (the last of each id in id order).
    keep = np.ones(len(ids_arr), dtype=bool)
    if len(ids_arr):
        keep[:-1] = ids_arr[:-1] != ids_arr[1:]
    pick = np.flatnonzero(keep)
    return PointSet.build(
        ids_arr[pick],
        np.asarray(lon, float)[pick],
        np.asarray(lat, float)[pick],
        names=np.asarray(names, dtype=object)[pick],
        t=np.asarray([_epoch(v) for v in t], dtype=float)[pick],
    )


_LAYERS = {
    "premises": (_premises_stmt, _premises, Premise.id),
    "incidents": (_incidents_stmt, _incidents, Incident.id),
    "cameras": (_cameras_stmt, _cameras, Camera.id),
    "workers": (_workers_stmt, _workers, Worker.id),
}


def _columns(rows, width: int) -> list[list]:
    rows = list(rows)
    if not rows:
        return [[] for _ in range(width)]
    return [list(col) for col in zip(*rows)]


def _spec(layer: str):
    try:
        return _LAYERS[layer]
    except KeyError:
        raise ValueError(f"no map layer {layer!r}; expected one of {', '.join(LAYER_NAMES)}") from None


def _raw_columns(session: Session, stmt: Select, width: int) -> list[tuple]:
    """Run `stmt` on the driver's own cursor and transpose the plain tuples it returns.

    For the premises layer (100k+ rows of numbers and short strings, no types needing conversion) this is
    2–3× faster than going through result rows, which is most of the layer's load time."""
    rows = fetch_statement(session, stmt)
    return list(zip(*rows)) if rows else [() for _ in range(width)]


def load_layer(session: Session, actor: Actor, layer: str) -> PointSet:
    """Every object of `layer` the actor may see (open incidents only; workers at their last fix)."""
    stmt_for, build, _ = _spec(layer)
    if layer == "premises":
        return _premises_from_columns(*_raw_columns(session, stmt_for(actor), 6))
    return build(session.execute(stmt_for(actor)))


def load_layer_rows(
    session: Session, actor: Actor, layer: str, ids: Iterable[int]
) -> tuple[PointSet, list[int]]:
    """The current rows of `ids`, and the ids no longer on the layer (gone, closed or out of reach)."""
    stmt_for, build, id_col = _spec(layer)
    wanted = sorted({int(i) for i in ids})
    rows = []
    for start in range(0, len(wanted), _MAX_IN):
        rows += session.execute(stmt_for(actor).where(id_col.in_(wanted[start : start + _MAX_IN]))).all()
    points = build(rows)
    return points, sorted(set(wanted) - set(points.ids.tolist()))


def load_boundaries(session: Session, actor: Actor) -> list[Boundary]:
    """Polygons of the district, townships, communities and grids the actor may see, coarsest first.

    A unit above the actor's own (a township operator's district) is drawn too, as context."""
    ancestors = [int(p) for p in actor.org_path.strip("/").split("/") if p]
    stmt = (
        select(OrgUnit.id, OrgUnit.name, OrgUnit.kind, OrgUnit.path, OrgUnit.boundary_geojson)
        .where(OrgUnit.boundary_geojson.is_not(None), OrgUnit.kind.in_(KIND_LEVELS))
        .where(within(actor, OrgUnit.path) | OrgUnit.id.in_(ancestors))
    )
    out = [boundary_from_geojson(*row) for row in session.execute(stmt)]
    out.sort(key=lambda b: (b.level, b.path))
    return out


def org_unit_bbox(session: Session, actor: Actor, unit_id: int) -> BBox | None:
    """An org unit's extent inside the jurisdiction: its stored box, else the box of its premises;
    None when it lies outside or has neither."""
    row = session.execute(
        select(OrgUnit.path, OrgUnit.min_lon, OrgUnit.min_lat, OrgUnit.max_lon, OrgUnit.max_lat).where(
            OrgUnit.id == unit_id, within(actor, OrgUnit.path)
        )
    ).first()
    if row is None:
        return None
    if None not in row[1:]:
        return BBox(*row[1:])
    box = session.execute(
        select(
            func.min(Premise.lon), func.min(Premise.lat), func.max(Premise.lon), func.max(Premise.lat)
        ).where(path_prefix_range(Premise.org_path, row[0]))
    ).first()
    return None if box is None or None in box else BBox(*box)


def incident_heat_points(
    session: Session, actor: Actor, since: datetime, until: datetime, category: str | None = None
) -> PointSet:
    """Every incident reported in [since, until), in any state, of one category (None: all) — what the heat
    map's density is made of. Only ids and positions: the heat map never identifies a single case."""
    stmt = select(Incident.id, Incident.lon, Incident.lat).where(
        within(actor, Incident.org_path), Incident.reported_at >= since, Incident.reported_at < until
    )
    if category is not None:
        stmt = stmt.where(Incident.category == category)
    ids, lon, lat = _columns(session.execute(stmt), 3)
    return PointSet.build(ids, lon, lat)


def worker_ids_of_fixes(session: Session, fix_ids: Iterable[int]) -> list[int]:
    """The workers behind GPS-fix change entries, so their layer rows can be refreshed."""
    wanted = sorted({int(i) for i in fix_ids})
    found: set[int] = set()
    for start in range(0, len(wanted), _MAX_IN):
        found.update(
            session.scalars(select(GpsFix.worker_id).where(GpsFix.id.in_(wanted[start : start + _MAX_IN])))
        )
    return sorted(found)
