"""Bounding-box and radius queries on premises, incidents and cameras, through the backend's spatial index.

The same call gives the same rows on SQLite and PostgreSQL: the index narrows, exact float64 coordinates
decide, and the actor's jurisdiction applies."""
from __future__ import annotations

import numpy as np
from sqlalchemy import Integer, column, select, text
from sqlalchemy.orm import Session

from console.domain.geo import BBox, haversine_many_m
from console.services.jurisdiction import Actor, within
from db.models import Camera, Incident, Premise
from db.spatial import bbox_id_sql, spatial_index_kind

SPATIAL_MODELS = {"premises": Premise, "incidents": Incident, "cameras": Camera}


def _model(kind: str):
    try:
        return SPATIAL_MODELS[kind]
    except KeyError:
        raise ValueError(f"no spatial layer {kind!r}; expected one of {', '.join(SPATIAL_MODELS)}") from None


def ids_in_bbox(session: Session, actor: Actor, kind: str, box: BBox) -> list[int]:
    """Ids of `kind` rows inside `box` (edges included) and inside the actor's jurisdiction, ascending."""
    model = _model(kind)
    conn = session.connection()
    index_sql = bbox_id_sql(conn.dialect.name, kind, spatial_index_kind(conn))
    hits = text(index_sql).bindparams(**box.as_params()).columns(column("id", Integer)).subquery("hits")
    stmt = (select(model.id)
            .join(hits, hits.c.id == model.id)
            .where(model.lon.between(box.min_lon, box.max_lon), model.lat.between(box.min_lat, box.max_lat))
            .where(within(actor, model.org_path))
            .order_by(model.id))
    return list(session.scalars(stmt))


def ids_in_bbox_full_scan(session: Session, actor: Actor, kind: str, box: BBox) -> list[int]:
    """The same answer without the index: the baseline the benchmarks compare against."""
    model = _model(kind)
    stmt = (select(model.id)
            .where(model.lon.between(box.min_lon, box.max_lon), model.lat.between(box.min_lat, box.max_lat))
            .where(within(actor, model.org_path))
            .order_by(model.id))
    return list(session.scalars(stmt))


def ids_within_radius(session: Session, actor: Actor, kind: str, lon: float, lat: float,
                      radius_m: float) -> list[tuple[int, float]]:
    """(id, distance in metres) of rows within `radius_m` of the point, nearest first."""
    model = _model(kind)
    ids = ids_in_bbox(session, actor, kind, BBox.around(lon, lat, radius_m))
    if not ids:
        return []
    rows = session.execute(select(model.id, model.lon, model.lat).where(model.id.in_(ids))).all()
    arr = np.array([(r[1], r[2]) for r in rows], dtype=float)
    dist = haversine_many_m(arr[:, 0], arr[:, 1], lon, lat)
    hits = [(rows[i][0], float(dist[i])) for i in np.argsort(dist, kind="stable") if dist[i] <= radius_m]
    return hits
