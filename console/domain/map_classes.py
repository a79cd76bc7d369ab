"""How map objects are classed for drawing: the small integer codes stored in PointSet.cat / .sym.

One table here keeps the layers, the legend and the data service agreeing on what code 2 means."""

from __future__ import annotations

import numpy as np

from console.domain.incident_states import FINISHED_STATES
from console.domain.premise_types import PREMISE_TYPE_LABELS, STATUS_LABELS

PREMISE_STATUSES: tuple[str, ...] = tuple(STATUS_LABELS)
"""green, yellow, red, black: the code order is also the draw order, so worse statuses stay on top."""

SHAPES = ("circle", "square", "triangle", "diamond", "house", "cross")
_TYPE_SHAPE = {
    "shop": "circle",
    "restaurant": "circle",
    "mall": "circle",
    "enterprise": "square",
    "warehouse": "square",
    "office": "square",
    "industrial_park": "square",
    "hazardous": "triangle",
    "gas_station": "triangle",
    "entertainment": "diamond",
    "internet_cafe": "diamond",
    "hotel": "diamond",
    "rental_house": "house",
    "clinic": "cross",
    "hospital": "cross",
    "school": "cross",
    "university": "cross",
}
PREMISE_TYPES: tuple[str, ...] = tuple(PREMISE_TYPE_LABELS)
"""PointSet.sym of a premise is its type's index here; an unknown type gets len(PREMISE_TYPES)."""
TYPE_SHAPE_CODES = np.array(
    [SHAPES.index(_TYPE_SHAPE.get(t, "circle")) for t in PREMISE_TYPES] + [0], dtype=np.int8
)
"""sym → SHAPES index, for drawing."""

INCIDENT_CLASSES = ("new", "active", "verifying")
"""new: waiting to be taken in; active: filed and with someone; verifying: handled, awaiting check."""
_INCIDENT_CLASS = {
    "reported": 0,
    "accepted": 0,
    "filed": 1,
    "dispatched": 1,
    "signed": 1,
    "returned": 1,
    "handling": 1,
    "rework": 1,
    "handled": 2,
    "verifying": 2,
}
OPEN_INCIDENT_STATES: tuple[str, ...] = tuple(_INCIDENT_CLASS)
PRIORITY_LEVELS = 3
"""Priority 1 is the most urgent; anything above PRIORITY_LEVELS draws as the least urgent size."""

WORKER_STATES = ("online", "stale", "offline")
ONLINE_WITHIN_S = 5 * 60
STALE_WITHIN_S = 30 * 60


def premise_status_code(status: str) -> int:
    """Unknown statuses draw as green rather than vanish."""
    return PREMISE_STATUSES.index(status) if status in PREMISE_STATUSES else 0


def premise_type_code(premise_type: str) -> int:
    return PREMISE_TYPES.index(premise_type) if premise_type in PREMISE_TYPES else len(PREMISE_TYPES)


def incident_class_code(state: str) -> int:
    if state in FINISHED_STATES:
        raise ValueError(f"a {state} incident is finished and not drawn on the map")
    return _INCIDENT_CLASS.get(state, 0)


def priority_code(priority: int | None) -> int:
    """0 for the most urgent, PRIORITY_LEVELS−1 for the least (and unknown)."""
    if priority is None:
        return PRIORITY_LEVELS - 1
    return min(max(int(priority), 1), PRIORITY_LEVELS) - 1


def worker_states(fix_t: np.ndarray, now: float, online_within_s: float = ONLINE_WITHIN_S,
                  stale_within_s: float = STALE_WITHIN_S) -> np.ndarray:
    """online (fix younger than online_within_s), stale (younger than stale_within_s), offline (older or
    never) as codes 0/1/2."""
    age = now - np.asarray(fix_t, dtype=float)
    codes = np.full(age.shape, 2, dtype=np.int8)
    codes[age < stale_within_s] = 1
    codes[age < online_within_s] = 0
    return codes


def overdue(deadline_t: np.ndarray, now: float) -> np.ndarray:
    """True where a deadline is set and has passed (NaN deadlines are never overdue)."""
    return np.asarray(deadline_t, dtype=float) < now
