"""Cameras by org unit and "cameras near here", on SQLite and PostgreSQL, inside the actor's jurisdiction."""
from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.cameras import camera_units, cameras_by_id, cameras_near, list_cameras
from console.services.jurisdiction import Actor
from db.models import Camera
from tests.db.tiny_district import GRID_PATHS, UNITS, build_tiny_district

LON, LAT = 118.10, 24.50
# (id, grid, metres east of the point, online)
CAMERAS = [(1, 6, 50, True), (2, 6, 120, True), (3, 7, 80, False), (4, 8, 30, True), (5, 9, 900, True),
           (6, 7, 300, True)]
METRES_PER_DEG_LON = 111_320 * 0.9099  # cos(24.5°)


def _actor(unit_id: int) -> Actor:
    path = UNITS[unit_id - 1][5]
    return Actor(None, f"u{unit_id}", f"u{unit_id}", Role.OPERATOR, unit_id, path)


@pytest.fixture
def session(engine):
    build_tiny_district(engine)
    with Session(engine) as s:
        for cid, grid, east_m, online in CAMERAS:
            s.add(Camera(id=cid, code=f"CAM{cid:03d}", name=f"摄像机{cid}",
                         stream_url=f"udp://@127.0.0.1:{6000 + cid}",
                         lon=LON + east_m / METRES_PER_DEG_LON, lat=LAT, org_unit_id=grid,
                         org_path=GRID_PATHS[grid], online=online))
        s.commit()
        yield s


def test_list_cameras_stops_at_the_jurisdiction(session):
    assert [c.id for c in list_cameras(session, _actor(1))] == [1, 2, 3, 6, 4, 5]
    township = list_cameras(session, _actor(2))
    assert {c.id for c in township} == {1, 2, 3, 6}
    assert {c.org_unit_name for c in township} == {"东渡第一网格", "东渡第二网格"}


def test_camera_units_are_the_ancestry_below_the_actor(session):
    actor = _actor(2)
    units = camera_units(session, actor, list_cameras(session, actor))
    assert [u.id for u in units] == [2, 4, 6, 7]
    assert units[0].path == "/1/2/"


def test_cameras_near_are_online_nearest_first_within_radius(session):
    near = cameras_near(session, _actor(1), LON, LAT, radius_m=500, limit=9)
    assert [c.id for c, _ in near] == [4, 1, 2, 6]
    assert [round(d) for _, d in near] == pytest.approx([30, 50, 120, 300], abs=2)


def test_cameras_near_honours_limit_and_jurisdiction(session):
    assert [c.id for c, _ in cameras_near(session, _actor(1), LON, LAT, 500, limit=2)] == [4, 1]
    assert [c.id for c, _ in cameras_near(session, _actor(3), LON, LAT, 500, limit=9)] == [4]


def test_cameras_by_id_drops_cameras_outside_the_jurisdiction(session):
    assert set(cameras_by_id(session, _actor(3), [1, 4, 5, 99])) == {4, 5}
