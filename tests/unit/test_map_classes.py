"""The integer classes map layers draw by: statuses, types → shapes, incident stages, worker states."""

from __future__ import annotations

import numpy as np
import pytest

from console.domain.map_classes import (
    ONLINE_WITHIN_S,
    PREMISE_STATUSES,
    PREMISE_TYPES,
    SHAPES,
    STALE_WITHIN_S,
    TYPE_SHAPE_CODES,
    incident_class_code,
    overdue,
    premise_status_code,
    premise_type_code,
    priority_code,
    worker_states,
)


def test_status_codes_follow_severity():
    assert [premise_status_code(s) for s in ("green", "yellow", "red", "black")] == [0, 1, 2, 3]
    assert PREMISE_STATUSES[premise_status_code("black")] == "black"
    assert premise_status_code("mauve") == 0


def test_types_map_to_shapes_and_unknown_types_draw_as_circles():
    assert len(TYPE_SHAPE_CODES) == len(PREMISE_TYPES) + 1
    assert SHAPES[TYPE_SHAPE_CODES[premise_type_code("rental_house")]] == "house"
    assert SHAPES[TYPE_SHAPE_CODES[premise_type_code("hazardous")]] == "triangle"
    assert premise_type_code("spaceport") == len(PREMISE_TYPES)
    assert SHAPES[TYPE_SHAPE_CODES[premise_type_code("spaceport")]] == "circle"


def test_incident_stages_and_priorities():
    assert incident_class_code("reported") == 0
    assert incident_class_code("dispatched") == 1
    assert incident_class_code("verifying") == 2
    with pytest.raises(ValueError):
        incident_class_code("closed")
    assert [priority_code(p) for p in (1, 2, 3, 9, None, 0)] == [0, 1, 2, 2, 2, 0]


def test_worker_state_by_fix_age():
    now = 1_000_000.0
    fixes = np.array([now - 10, now - ONLINE_WITHIN_S - 1, now - STALE_WITHIN_S - 1, np.nan])
    assert worker_states(fixes, now).tolist() == [0, 1, 2, 2]


def test_overdue_needs_a_passed_deadline():
    assert overdue(np.array([5.0, 15.0, np.nan]), 10.0).tolist() == [True, False, False]
