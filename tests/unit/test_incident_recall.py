"""撤回派遣 (the dispatch board's undo): only the dispatcher, only within the window, and the case is back
exactly where the dispatch found it; any run of actions with recalls mixed in stays valid."""
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.incident_workflow import (
    RECALL_WINDOW,
    Action,
    RefusalCode,
    TransitionRefused,
    allowed_actions,
    apply,
    check_invariants,
)
from console.domain.roles import Role
from tests.unit.incident_workflow_helpers import DEADLINE, NOW, snapshot_in, valid_data

NEW_DEADLINE = DEADLINE + timedelta(days=2)


def _dispatched():
    filed = snapshot_in("filed")
    return filed, apply(filed, Action.DISPATCH, Role.OPERATOR, NOW, assignee_worker_id=7,
                        deadline=NEW_DEADLINE).after


def _recall_data(**overrides):
    return {"by": "op", "dispatched_by": "op", "dispatched_at": NOW, "deadline": DEADLINE, **overrides}


def test_recall_restores_the_case_as_the_dispatch_found_it():
    filed, dispatched = _dispatched()
    result = apply(dispatched, Action.RECALL, Role.OPERATOR, NOW + timedelta(seconds=5), **_recall_data())
    assert result.after == filed
    assert (result.from_state, result.to_state) == ("dispatched", "filed")
    assert check_invariants(result.after) == []
    assert Action.DISPATCH in allowed_actions(result.after, Role.OPERATOR)


def test_only_the_dispatcher_may_recall():
    _, dispatched = _dispatched()
    with pytest.raises(TransitionRefused, match="op, who dispatched") as info:
        apply(dispatched, Action.RECALL, Role.SUPERVISOR, NOW, **_recall_data(by="sup"))
    assert info.value.code is RefusalCode.ROLE


@pytest.mark.parametrize("after", [RECALL_WINDOW + timedelta(seconds=1), -timedelta(seconds=1)])
def test_recall_outside_the_window_is_refused(after):
    _, dispatched = _dispatched()
    with pytest.raises(TransitionRefused, match="within") as info:
        apply(dispatched, Action.RECALL, Role.OPERATOR, NOW + after, **_recall_data())
    assert info.value.code is RefusalCode.STATE
    assert apply(dispatched, Action.RECALL, Role.OPERATOR, NOW + RECALL_WINDOW, **_recall_data()).to_state == "filed"


@pytest.mark.parametrize("missing", ["by", "dispatched_by", "dispatched_at", "deadline"])
def test_recall_needs_its_data(missing):
    _, dispatched = _dispatched()
    data = {k: v for k, v in _recall_data().items() if k != missing}
    with pytest.raises(TransitionRefused, match=missing) as info:
        apply(dispatched, Action.RECALL, Role.OPERATOR, NOW, **data)
    assert info.value.code is RefusalCode.MISSING


@pytest.mark.parametrize("state", ["signed", "handling", "filed", "returned"])
def test_recall_after_the_case_moved_on_is_refused(state):
    with pytest.raises(TransitionRefused) as info:
        apply(snapshot_in(state), Action.RECALL, Role.OPERATOR, NOW, **_recall_data())
    assert info.value.code is RefusalCode.STATE
    assert Action.RECALL not in allowed_actions(snapshot_in(state), Role.OPERATOR)


lifecycle = st.lists(st.sampled_from([a for a in Action if a is not Action.RECALL]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(lifecycle, st.lists(st.booleans(), min_size=30, max_size=30))
def test_recalling_right_after_any_dispatch_keeps_every_case_valid(actions, recall_after):
    """Undo after every dispatch the coin says: the case returns to its pre-dispatch snapshot every time (a
    returned case comes back as filed: both wait for dispatch, and the 回退 stays in the history)."""
    snap = snapshot_in("reported")
    clock = NOW
    for action, recall in zip(actions, recall_after):
        clock += timedelta(hours=1)
        try:
            result = apply(snap, action, Role.SUPERVISOR, clock, **valid_data(action))
        except TransitionRefused:
            continue
        if action is Action.DISPATCH and recall:
            undone = apply(result.after, Action.RECALL, Role.SUPERVISOR, clock + timedelta(seconds=3),
                           by="sup", dispatched_by="sup", dispatched_at=clock, deadline=snap.deadline)
            assert undone.after == replace(snap, state="filed")
            snap = undone.after
            continue
        snap = result.after
        assert check_invariants(snap) == []
