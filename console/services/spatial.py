"""Bounding-box and radius queries on premises, incidents and cameras, through the backend's spatial index.

The same call gives the same rows on SQLite and PostgreSQL: the index narrows, exact float64 coordinates
decide, and the actor's jurisdiction applies."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from sqlalchemy import select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from console.domain.geo import BBox, haversine_many_m
from console.services.jurisdiction import Actor
from console.services.raw_sql import CompiledSQL, compile_for, fetch_raw
from db.models import Camera, Incident, Premise
from db.spatial import bbox_predicate_sql, spatial_index_kind

SPATIAL_MODELS = {"premises": Premise, "incidents": Incident, "cameras": Camera}


def _model(kind: str):
    try:
        return SPATIAL_MODELS[kind]
    except KeyError:
        raise ValueError(f"no spatial layer {kind!r}; expected one of {', '.join(SPATIAL_MODELS)}") from None


def ids_in_bbox(session: Session, actor: Actor, kind: str, box: BBox) -> list[int]:
    """Ids of `kind` rows inside `box` (edges included) and inside the actor's jurisdiction, ascending."""
    return _run(session, actor, kind, box, use_index=True)


def ids_in_bbox_full_scan(session: Session, actor: Actor, kind: str, box: BBox) -> list[int]:
    """The same answer by reading every row: the baseline the benchmarks compare against."""
    return _run(session, actor, kind, box, use_index=False)


def _run(session: Session, actor: Actor, kind: str, box: BBox, use_index: bool) -> list[int]:
    _model(kind)
    conn = session.connection()
    sql = _bbox_sql(conn.dialect, kind, _index_kind(conn) if use_index else "")
    params = {**box.as_params(), "scope": actor.org_path, "scope_end": actor.org_path + "~"}
    return [row[0] for row in fetch_raw(conn, sql, params)]


_index_kinds: dict[str, str] = {}


def _index_kind(conn) -> str:
    """Which spatial index the database has is fixed by its migrations: asked once per database."""
    key = conn.engine.url.render_as_string(hide_password=True)
    if key not in _index_kinds:
        _index_kinds[key] = spatial_index_kind(conn)
    return _index_kinds[key]


@lru_cache(maxsize=32)
def _bbox_sql(dialect: Dialect, table: str, index_kind: str) -> CompiledSQL:
    """One statement per backend and index, compiled once to the driver's own SQL and parameter order (the
    names of positional parameters): a hot path where building the query costs more than running it. The jurisdiction test is kept away from its own index (coalesce) since
    the spatial index is always the narrower way in; coordinates are re-checked exactly."""
    through_index = f"{bbox_predicate_sql(dialect.name, table, index_kind)} AND " if index_kind else ""
    path = f"coalesce({table}.org_path, {table}.org_path)"
    stmt = text(f"SELECT {table}.id FROM {table} WHERE {through_index}"
                f"{table}.lon BETWEEN :min_lon AND :max_lon AND {table}.lat BETWEEN :min_lat AND :max_lat "
                f"AND {path} >= :scope AND {path} < :scope_end ORDER BY {table}.id")
    return compile_for(stmt, dialect)


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
