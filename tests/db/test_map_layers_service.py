"""The map's data service: one query per layer into arrays, jurisdiction applied, rows reloaded by id."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from console.domain.map_classes import PREMISE_STATUSES, worker_states
from console.services import map_layers
from db.models import Incident, OrgUnit, Premise
from tests.db.map_district import (
    GRID_PATH,
    LATTICE,
    NOW,
    PREMISE_AT,
    build_map_district,
    district_actor,
    east_actor,
    grid_of,
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


def _add_heat_incidents(engine) -> None:
    """Incidents 101–106: categories and report dates spread over the heat map's periods, one in the east."""
    rows = [
        (101, "fire_safety", 1, 118.09),
        (102, "fire_safety", 5, 118.09),
        (103, "dispute", 20, 118.09),
        (104, "fire_safety", 60, 118.09),
        (105, "fire_safety", 400, 118.09),
        (106, "dispute", 2, 118.12),
    ]
    with Session(engine) as s:
        for iid, category, days_ago, lon in rows:
            grid = grid_of(lon, 24.48)
            s.add(Incident(id=iid, case_no=f"H{iid}", source="grid_worker", category=category, priority=1,
                           title=f"热{iid}", lon=lon, lat=24.48, grid_id=grid, org_path=GRID_PATH[grid],
                           state="closed", reported_at=NOW - timedelta(days=days_ago)))
        s.commit()


def test_heat_points_filter_by_period_category_and_jurisdiction(district):
    _add_heat_incidents(district)

    def ids(actor, days, category=None):
        with Session(district) as s:
            pts = map_layers.incident_heat_points(s, actor, NOW - timedelta(days=days), NOW, category)
        return sorted(pts.ids.tolist())

    assert ids(district_actor(), 7) == [1, 2, 3, 4, 101, 102, 106]
    assert ids(district_actor(), 7, "fire_safety") == [101, 102]
    assert ids(district_actor(), 90, "fire_safety") == [101, 102, 104]
    assert ids(district_actor(), 365, "dispute") == [103, 106]
    assert ids(east_actor(), 30) == [3, 4, 106]
    with Session(district) as s:
        edge = NOW - timedelta(days=2)
        pts = map_layers.incident_heat_points(s, district_actor(), edge, NOW, "dispute")
        before = map_layers.incident_heat_points(s, district_actor(), NOW - timedelta(days=9), edge, "dispute")
    assert pts.ids.tolist() == [106] and pts.lon.tolist() == [118.12] and pts.lat.tolist() == [24.48]
    assert before.ids.tolist() == []
