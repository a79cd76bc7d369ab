"""No sequence of actions, by any role, with any data, reaches an invalid case."""
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.incident_workflow import (
    Action,
    IncidentSnapshot,
    TransitionRefused,
    apply,
    check_invariants,
)
from console.domain.roles import Role
from tests.unit.incident_workflow_helpers import NOW, valid_data

KEYS = ["note", "of", "category", "grid_id", "deadline", "assignee_org_id", "assignee_worker_id",
        "cooperating_org_id", "due"]
fuzzed_data = st.dictionaries(st.sampled_from(KEYS), st.one_of(
    st.none(), st.integers(1, 5), st.just(""), st.just("x"),
    st.builds(lambda h: NOW + timedelta(hours=h), st.integers(-200, 200))))
steps = st.lists(st.tuples(st.sampled_from(list(Action)), st.sampled_from(list(Role)),
                           st.one_of(st.builds(lambda: None), fuzzed_data)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(steps)
def test_no_sequence_reaches_an_invalid_state(sequence):
    snap = IncidentSnapshot(id=1)
    clock = NOW
    for action, role, data in sequence:
        clock += timedelta(hours=1)
        before = snap
        try:
            result = apply(snap, action, role, clock, **(valid_data(action) if data is None else data))
        except TransitionRefused:
            assert snap == before
            continue
        snap = result.after
        assert role is not Role.WALL
        assert check_invariants(snap) == [], (action, snap)
        assert snap.id == 1
        levels = ["community", "township", "district"]
        assert levels.index(snap.level) >= levels.index(before.level)
