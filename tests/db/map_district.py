"""A square district near Xiamen with polygons and objects at known coordinates, for the map's tests.

    /1/            district  (118.08..118.14, 24.47..24.52)
    /1/2/, /1/3/   townships: west and east halves (split at lon 118.11)
    /1/2/4/, /1/3/5/  one community each, filling its township
    /1/2/4/6/ … /1/3/5/9/  grids: the south and north halves of each community

Premises sit on a lattice in each grid; PREMISE_AT names a few with exact positions and statuses the pixel
tests look for. Workers 1–3 have fixes 1 min, 10 min and 2 h before NOW; worker 4 has none."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.jurisdiction import Actor
from db.models import Camera, GpsFix, Incident, OrgUnit, Premise, Worker

NOW = datetime(2026, 11, 30, 9, 0)
WEST, EAST, SOUTH, NORTH, MID_LON, MID_LAT = 118.08, 118.14, 24.47, 24.52, 118.11, 24.495


def _box(x0: float, y0: float, x1: float, y1: float) -> tuple[str, tuple[float, float, float, float]]:
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]}), (x0, y0, x1, y1)


UNITS = [
    (1, None, "350206000000", "测试区", "district", "/1/", (WEST, SOUTH, EAST, NORTH)),
    (2, 1, "350206001000", "西街道", "township", "/1/2/", (WEST, SOUTH, MID_LON, NORTH)),
    (3, 1, "350206002000", "东街道", "township", "/1/3/", (MID_LON, SOUTH, EAST, NORTH)),
    (4, 2, "350206001001", "西社区", "community", "/1/2/4/", (WEST, SOUTH, MID_LON, NORTH)),
    (5, 3, "350206002001", "东社区", "community", "/1/3/5/", (MID_LON, SOUTH, EAST, NORTH)),
    (6, 4, "350206001001001", "西南网格", "grid", "/1/2/4/6/", (WEST, SOUTH, MID_LON, MID_LAT)),
    (7, 4, "350206001001002", "西北网格", "grid", "/1/2/4/7/", (WEST, MID_LAT, MID_LON, NORTH)),
    (8, 5, "350206002001001", "东南网格", "grid", "/1/3/5/8/", (MID_LON, SOUTH, EAST, MID_LAT)),
    (9, 5, "350206002001002", "东北网格", "grid", "/1/3/5/9/", (MID_LON, MID_LAT, EAST, NORTH)),
]
GRID_PATH = {uid: path for uid, _, _, _, kind, path, _ in UNITS if kind == "grid"}
LATTICE = 6
"""Premises per grid per axis: 36 per grid, 144 in all, plus the named ones below."""
PREMISE_AT = {
    # id: (lon, lat, status, grid) — three neighbours 8 m apart for the identify test, one lone red one.
    9001: (118.1000, 24.4800, "red", 6),
    9002: (118.1001, 24.4800, "green", 6),
    9003: (118.1002, 24.4800, "yellow", 6),
    9010: (118.1300, 24.5100, "red", 9),
}
LATTICE_STATUSES = ["green", "green", "yellow", "green", "red", "black"]
PREMISE_TYPES = ["shop", "restaurant", "rental_house", "enterprise", "hazardous", "hotel"]


def grid_of(lon: float, lat: float) -> int:
    return (6 if lat < MID_LAT else 7) if lon < MID_LON else (8 if lat < MID_LAT else 9)


def district_actor() -> Actor:
    return Actor(
        user_id=None, username="test", display_name="测试", role=Role.ADMIN, org_unit_id=1, org_path="/1/"
    )


def east_actor() -> Actor:
    return Actor(
        user_id=None, username="east", display_name="东", role=Role.OPERATOR, org_unit_id=3, org_path="/1/3/"
    )


def _premise(pid: int, lon: float, lat: float, status: str, kind: str, grid: int) -> Premise:
    return Premise(
        id=pid,
        code=f"P{pid:05d}",
        name=f"测试场所{pid}",
        type=kind,
        address=f"测试路{pid}号",
        lon=lon,
        lat=lat,
        grid_id=grid,
        org_path=GRID_PATH[grid],
        status=status,
        inspection_cycle_days=30,
        updated_at=NOW,
    )


def build_map_district(engine: Engine) -> None:
    with Session(engine) as s:
        for uid, parent, code, name, kind, path, box in UNITS:
            geojson, (x0, y0, x1, y1) = _box(*box)
            s.add(
                OrgUnit(
                    id=uid,
                    parent_id=parent,
                    code=code,
                    name=name,
                    kind=kind,
                    path=path,
                    boundary_geojson=geojson,
                    min_lon=x0,
                    min_lat=y0,
                    max_lon=x1,
                    max_lat=y1,
                )
            )
            s.flush()
        pid = 0
        for grid, path in GRID_PATH.items():
            x0, y0, x1, y1 = next(u[6] for u in UNITS if u[0] == grid)
            for i in range(LATTICE):
                for j in range(LATTICE):
                    pid += 1
                    lon = x0 + (x1 - x0) * (i + 0.5) / LATTICE
                    lat = y0 + (y1 - y0) * (j + 0.5) / LATTICE
                    s.add(_premise(pid, lon, lat, LATTICE_STATUSES[pid % 6], PREMISE_TYPES[pid % 6], grid))
        for pid, (lon, lat, status, grid) in PREMISE_AT.items():
            s.add(_premise(pid, lon, lat, status, "shop", grid))
        for wid, grid, age in [
            (1, 6, timedelta(minutes=1)),
            (2, 8, timedelta(minutes=10)),
            (3, 9, timedelta(hours=2)),
            (4, 7, None),
        ]:
            s.add(
                Worker(
                    id=wid,
                    code=f"W{wid}",
                    name=f"网格员{wid}",
                    phone="13800000000",
                    grid_id=grid,
                    org_path=GRID_PATH[grid],
                )
            )
            s.flush()
            if age is not None:
                lon, lat = 118.085 + wid * 0.01, 24.49
                s.add(GpsFix(worker_id=wid, t=NOW - age - timedelta(minutes=5), lon=lon - 0.001, lat=lat))
                s.add(GpsFix(worker_id=wid, t=NOW - age, lon=lon, lat=lat))
        for iid, state, priority, deadline, lon in [
            (1, "reported", 1, None, 118.09),
            (2, "handling", 2, NOW - timedelta(days=1), 118.10),
            (3, "verifying", 3, NOW + timedelta(days=2), 118.12),
            (4, "closed", 2, None, 118.13),
        ]:
            grid = grid_of(lon, 24.505)
            s.add(
                Incident(
                    id=iid,
                    case_no=f"C{iid}",
                    source="grid_worker",
                    category="environment",
                    priority=priority,
                    title=f"事件{iid}",
                    lon=lon,
                    lat=24.505,
                    grid_id=grid,
                    org_path=GRID_PATH[grid],
                    state=state,
                    reported_at=NOW - timedelta(days=3),
                    deadline=deadline,
                )
            )
        for cid, lon, online in [(1, 118.095, True), (2, 118.125, False)]:
            grid = grid_of(lon, 24.475)
            s.add(
                Camera(
                    id=cid,
                    code=f"CAM{cid}",
                    name=f"摄像头{cid}",
                    stream_url=f"rtsp://127.0.0.1/{cid}",
                    lon=lon,
                    lat=24.475,
                    org_unit_id=grid,
                    org_path=GRID_PATH[grid],
                    online=online,
                )
            )
        s.commit()
