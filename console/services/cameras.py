"""Cameras as the video wall needs them: listed under their org units, and the nearest ones around a point.

Everything passes through the actor's jurisdiction, so a township operator's tree and "cameras near here"
stop at the township boundary even when the point lies next to it."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.services.changes import record_change
from console.services.jurisdiction import Actor, require_covers, within
from console.services.spatial import ids_within_radius
from db.models import Camera, OrgUnit


@dataclass(frozen=True)
class CameraRow:
    id: int
    code: str
    name: str
    stream_url: str
    lon: float
    lat: float
    org_unit_id: int
    org_unit_name: str
    org_path: str
    online: bool


@dataclass(frozen=True)
class UnitRow:
    id: int
    parent_id: int | None
    name: str
    kind: str
    path: str


def _rows(session: Session, stmt) -> list[CameraRow]:
    return [CameraRow(c.id, c.code, c.name, c.stream_url, c.lon, c.lat, c.org_unit_id, unit_name, c.org_path,
                      bool(c.online))
            for c, unit_name in session.execute(stmt)]


def list_cameras(session: Session, actor: Actor) -> list[CameraRow]:
    """Every camera the actor may watch, by org path then name (the tree's order)."""
    stmt = (select(Camera, OrgUnit.name).join(OrgUnit, Camera.org_unit_id == OrgUnit.id)
            .where(within(actor, Camera.org_path)).order_by(Camera.org_path, Camera.name, Camera.id))
    return _rows(session, stmt)


def cameras_by_id(session: Session, actor: Actor, ids: list[int]) -> dict[int, CameraRow]:
    """The given cameras that exist and lie inside the jurisdiction (others are silently absent)."""
    if not ids:
        return {}
    stmt = (select(Camera, OrgUnit.name).join(OrgUnit, Camera.org_unit_id == OrgUnit.id)
            .where(Camera.id.in_(ids), within(actor, Camera.org_path)))
    return {row.id: row for row in _rows(session, stmt)}


def camera_units(session: Session, actor: Actor, cameras: list[CameraRow]) -> list[UnitRow]:
    """The org units on the way from the actor's unit down to each camera, parents before children."""
    needed = {int(part) for cam in cameras for part in cam.org_path.strip("/").split("/") if part}
    needed.add(actor.org_unit_id)
    stmt = select(OrgUnit).where(OrgUnit.id.in_(needed), within(actor, OrgUnit.path)).order_by(OrgUnit.path)
    return [UnitRow(u.id, u.parent_id, u.name, u.kind, u.path) for u in session.scalars(stmt)]


def cameras_near(session: Session, actor: Actor, lon: float, lat: float, radius_m: float = 500.0,
                 limit: int = 9) -> list[tuple[CameraRow, float]]:
    """The nearest `limit` online cameras within `radius_m` of the point, nearest first, with distances."""
    hits = ids_within_radius(session, actor, "cameras", lon, lat, radius_m)
    rows = cameras_by_id(session, actor, [cid for cid, _ in hits])
    found = [(rows[cid], dist) for cid, dist in hits if cid in rows and rows[cid].online]
    return found[:limit]


def set_online(session: Session, actor: Actor, camera_id: int, online: bool) -> bool:
    """Record what the players see: the camera's stream is up or has been lost. True when the flag changed
    (then a change_log entry tells every console's tree and map); the caller commits."""
    camera = session.get(Camera, camera_id)
    if camera is None:
        raise LookupError(f"There is no camera with id {camera_id}.")
    require_covers(actor, camera.org_path, f"Camera {camera.code}")
    if bool(camera.online) == online:
        return False
    camera.online = online
    session.flush()
    record_change(session, "camera", camera_id, "online" if online else "offline", actor.username)
    return True
