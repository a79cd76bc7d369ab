"""The map's data service: one query per layer into arrays, jurisdiction applied, rows reloaded by id."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from console.domain.map_classes import PREMISE_STATUSES, worker_states
from console.services import map_layers
from db.models import Incident, OrgUnit, Premise
from tests.db.map_district import (
    LATTICE,
    NOW,
    PREMISE_AT,
    build_map_district,
    district_actor,
    east_actor,
)


@pytest.fixture
def district(engine):
    build_map_district(engine)
    return engine


def test_premises_layer_has_every_premise_with_status_codes(district):
    with Session(district) as s:
        pts = map_layers.load_layer(s, district_actor(), "premises")
    assert len(pts) == 4 * LATTICE**2 + len(PREMISE_AT)
    row = int(pts.index_of([9001])[0])
    assert (pts.lon[row], pts.lat[row]) == PREMISE_AT[9001][:2]
    assert PREMISE_STATUSES[pts.cat[row]] == "red"
    assert pts.names[row] == "测试场所9001"


def test_layers_stop_at_the_jurisdiction(district):
    with Session(district) as s:
        pts = map_layers.load_layer(s, east_actor(), "premises")
        incidents = map_layers.load_layer(s, east_actor(), "incidents")
    assert len(pts) == 2 * LATTICE**2 + 1
    assert np.all(pts.lon >= 118.11)
    assert incidents.ids.tolist() == [3]


def test_incidents_layer_holds_open_cases_with_deadlines(district):
    with Session(district) as s:
        pts = map_layers.load_layer(s, district_actor(), "incidents")
    assert sorted(pts.ids.tolist()) == [1, 2, 3]
    row = int(pts.index_of([2])[0])
    assert pts.t[row] == pytest.approx((NOW.replace(day=29)).timestamp())
    assert pts.sym[int(pts.index_of([1])[0])] == 0
    assert np.isnan(pts.t[int(pts.index_of([1])[0])])


def test_workers_layer_is_each_workers_last_fix(district):
    with Session(district) as s:
        pts = map_layers.load_layer(s, district_actor(), "workers")
    assert pts.ids.tolist() == [1, 2, 3]
    assert pts.lon.tolist() == pytest.approx([118.095, 118.105, 118.115])
    assert worker_states(pts.t, NOW.timestamp()).tolist() == [0, 1, 2]


def test_cameras_layer_marks_offline(district):
    with Session(district) as s:
        pts = map_layers.load_layer(s, district_actor(), "cameras")
    assert pts.ids.tolist() == [1, 2] and pts.cat.tolist() == [0, 1]


def test_rows_by_id_report_changes_and_disappearances(district):
    with Session(district) as s:
        s.execute(update(Premise).where(Premise.id == 9002).values(status="black"))
        s.execute(update(Incident).where(Incident.id == 2).values(state="closed"))
        s.commit()
        pts, gone = map_layers.load_layer_rows(s, district_actor(), "premises", [9002, 9001, 424242])
        incidents, closed = map_layers.load_layer_rows(s, district_actor(), "incidents", [2, 3])
    assert sorted(pts.ids.tolist()) == [9001, 9002] and gone == [424242]
    assert PREMISE_STATUSES[pts.cat[int(pts.index_of([9002])[0])]] == "black"
    assert incidents.ids.tolist() == [3] and closed == [2]


def test_boundaries_come_coarsest_first_with_labels_inside(district):
    with Session(district) as s:
        bounds = map_layers.load_boundaries(s, east_actor())
    assert [b.kind for b in bounds] == ["district", "township", "community", "grid", "grid"]
    for b in bounds:
        assert b.bbox.contains(b.label_lon, b.label_lat)
    assert bounds[0].name == "测试区"


def test_org_unit_bbox_falls_back_to_premises(district):
    with Session(district) as s:
        assert map_layers.org_unit_bbox(s, district_actor(), 3).min_lon == pytest.approx(118.11)
        assert map_layers.org_unit_bbox(s, east_actor(), 2) is None
        s.execute(update(OrgUnit).where(OrgUnit.id == 9).values(min_lon=None))
        s.commit()
        box = map_layers.org_unit_bbox(s, district_actor(), 9)
    assert 118.11 < box.min_lon and box.max_lon < 118.14 and 24.495 < box.min_lat


def test_unknown_layer_is_refused(district):
    with Session(district) as s, pytest.raises(ValueError, match="no map layer"):
        map_layers.load_layer(s, district_actor(), "trees")
