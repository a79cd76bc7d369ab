"""Bounding-box and radius queries: the same rows on every backend and index kind as a plain filter."""
from __future__ import annotations

import itertools
from datetime import datetime

import numpy as np
import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.domain.geo import BBox, haversine_m
from console.domain.roles import Role
from console.services.jurisdiction import Actor
from console.services.spatial import ids_in_bbox, ids_in_bbox_full_scan, ids_within_radius
from db.models import OrgUnit, Premise
from db.spatial import drop_spatial_index, install_spatial_index, spatial_index_kind

ADMIN = Actor(None, "admin", "admin", Role.ADMIN, 1, "/1/")
EAST = Actor(None, "east", "east", Role.OPERATOR, 3, "/1/3/")


def _fill(engine, n: int = 2000) -> np.ndarray:
    """n premises scattered over a 4 km square; odd ids in township 2, even ids in township 3."""
    rng = np.random.default_rng(7)
    lon = 118.10 + rng.random(n) * 0.04
    lat = 24.48 + rng.random(n) * 0.036
    with engine.begin() as conn:
        conn.execute(insert(OrgUnit), [
            {"id": 1, "code": "350206000000", "name": "湖里区", "kind": "district", "path": "/1/"},
            {"id": 2, "code": "350206001000", "name": "西", "kind": "township", "parent_id": 1, "path": "/1/2/"},
            {"id": 3, "code": "350206002000", "name": "东", "kind": "township", "parent_id": 1, "path": "/1/3/"}])
        conn.execute(insert(Premise), [
            {"id": i + 1, "code": f"P{i + 1}", "name": f"p{i + 1}", "type": "shop", "address": "a",
             "lon": float(lon[i]), "lat": float(lat[i]), "grid_id": 2 if (i + 1) % 2 else 3,
             "org_path": "/1/2/" if (i + 1) % 2 else "/1/3/", "status": "green", "inspection_cycle_days": 30,
             "updated_at": datetime(2026, 11, 30), "version": 1} for i in range(n)])
    return np.column_stack([np.arange(1, n + 1), lon, lat])


BOXES = [BBox(118.11, 24.49, 118.12, 24.50), BBox(118.10, 24.48, 118.14, 24.516), BBox(118.2, 24.6, 118.3, 24.7)]


def _expected(rows: np.ndarray, box: BBox, actor: Actor) -> list[int]:
    inside = (rows[:, 1] >= box.min_lon) & (rows[:, 1] <= box.max_lon) & \
             (rows[:, 2] >= box.min_lat) & (rows[:, 2] <= box.max_lat)
    ids = rows[inside, 0].astype(int)
    if actor is EAST:
        ids = ids[ids % 2 == 0]
    return sorted(int(i) for i in ids)


@pytest.mark.parametrize("actor", [ADMIN, EAST], ids=["district", "township"])
def test_bbox_through_the_index_equals_a_plain_filter(engine, actor):
    rows = _fill(engine)
    with Session(engine) as s:
        for box in BOXES:
            assert ids_in_bbox(s, actor, "premises", box) == _expected(rows, box, actor)
            assert ids_in_bbox_full_scan(s, actor, "premises", box) == _expected(rows, box, actor)


def test_a_point_on_the_box_edge_is_inside(engine):
    rows = _fill(engine, 50)
    lon, lat = rows[10, 1], rows[10, 2]
    with Session(engine) as s:
        assert 11 in ids_in_bbox(s, ADMIN, "premises", BBox(lon, lat, lon + 0.001, lat + 0.001))


def test_radius_is_exact_and_nearest_first(engine):
    rows = _fill(engine)
    centre = (118.12, 24.498)
    with Session(engine) as s:
        hits = ids_within_radius(s, ADMIN, "premises", *centre, 300.0)
    truth = sorted((haversine_m(lon, lat, *centre), int(i)) for i, lon, lat in rows
                   if haversine_m(lon, lat, *centre) <= 300.0)
    assert [i for i, _ in hits] == [i for _, i in truth]
    assert all(d2 >= d1 for (_, d1), (_, d2) in itertools.pairwise(hits))


def test_portable_gist_index_gives_the_same_rows_as_postgis(engine, db_url):
    if engine.dialect.name != "postgresql":
        pytest.skip("the GiST fallback is PostgreSQL's")
    rows = _fill(engine)
    with engine.begin() as conn:
        drop_spatial_index(conn)
        assert install_spatial_index(conn, use_postgis=False) == "gist-point"
    assert spatial_index_kind(engine) == "gist-point"
    with Session(engine) as s:
        for box in BOXES:
            assert ids_in_bbox(s, EAST, "premises", box) == _expected(rows, box, EAST)


def test_unknown_layer_is_refused(engine):
    with Session(engine) as s, pytest.raises(ValueError, match="no spatial layer 'roads'"):
        ids_in_bbox(s, ADMIN, "roads", BOXES[0])
