from datetime import timedelta

import pytest

from console.domain.incident_history_notes import decode_note
from console.domain.incident_states import STATE_LABELS
from console.domain.incident_workflow import (
    ROLE_ACTIONS,
    TRANSITIONS,
    Action,
    IncidentSnapshot,
    RefusalCode,
    TransitionRefused,
    allowed_actions,
    apply,
    check_invariants,
)
from console.domain.roles import Role
from tests.unit.incident_workflow_helpers import DEADLINE, NOW, snapshot_in, valid_data

ALLOWED = [(a, s) for a, targets in TRANSITIONS.items() for s in targets]
REFUSED = [(a, s) for a in Action for s in STATE_LABELS if s not in TRANSITIONS[a]]


@pytest.mark.parametrize("action,state", ALLOWED)
def test_every_allowed_transition(action, state):
    snap = snapshot_in(state)
    assert check_invariants(snap) == []
    result = apply(snap, action, Role.ADMIN, NOW, **valid_data(action))
    assert result.from_state == state
    assert result.to_state == (TRANSITIONS[action][state] or state)
    assert check_invariants(result.after) == []
    assert decode_note(result.note).action == action.value


@pytest.mark.parametrize("action,state", REFUSED)
def test_every_other_state_is_refused(action, state):
    with pytest.raises(TransitionRefused) as info:
        apply(snapshot_in(state), action, Role.ADMIN, NOW, **valid_data(action))
    assert info.value.code is RefusalCode.STATE
    assert state in str(info.value)


@pytest.mark.parametrize("action", list(Action))
def test_wall_may_do_nothing(action):
    state = next(iter(TRANSITIONS[action]))
    with pytest.raises(TransitionRefused) as info:
        apply(snapshot_in(state), action, Role.WALL, NOW, **valid_data(action))
    assert info.value.code is RefusalCode.ROLE


@pytest.mark.parametrize("action", [Action.EXTEND, Action.SUPERVISE, Action.REMIND, Action.EVALUATE,
                                    Action.ARCHIVE])
def test_supervisor_only_actions(action):
    state = next(iter(TRANSITIONS[action]))
    with pytest.raises(TransitionRefused, match="operator") as info:
        apply(snapshot_in(state), action, Role.OPERATOR, NOW, **valid_data(action))
    assert info.value.code is RefusalCode.ROLE
    assert apply(snapshot_in(state), action, Role.SUPERVISOR, NOW, **valid_data(action)).action is action


def test_operator_runs_the_ordinary_lifecycle():
    snap = IncidentSnapshot(id=1)
    for action in [Action.ACCEPT, Action.FILE, Action.DISPATCH, Action.SIGN, Action.START, Action.FEEDBACK,
                   Action.VERIFY, Action.REWORK, Action.RESUME, Action.FEEDBACK, Action.VERIFY, Action.CLOSE]:
        snap = apply(snap, action, Role.OPERATOR, NOW, **valid_data(action)).after
    assert snap.state == "closed" and snap.closed_at == NOW and snap.assignee_org_id == 10


@pytest.mark.parametrize("action,missing", [
    (Action.FILE, "category"), (Action.FILE, "grid_id"), (Action.FILE, "deadline"),
    (Action.MARK_DUPLICATE, "of"), (Action.REJECT, "note"), (Action.RETURN, "note"), (Action.REWORK, "note"),
    (Action.DISPATCH, "deadline"), (Action.EXTEND, "deadline"), (Action.COOPERATE, "cooperating_org_id"),
    (Action.ESCALATE, "deadline"), (Action.SUPERVISE, "due"),
])
def test_required_data(action, missing):
    data = {k: v for k, v in valid_data(action).items() if k != missing}
    with pytest.raises(TransitionRefused, match=missing) as info:
        apply(snapshot_in(next(iter(TRANSITIONS[action]))), action, Role.ADMIN, NOW, **data)
    assert info.value.code is RefusalCode.MISSING


def test_dispatch_needs_exactly_one_assignee():
    filed = snapshot_in("filed")
    with pytest.raises(TransitionRefused, match="exactly one"):
        apply(filed, Action.DISPATCH, Role.OPERATOR, NOW, deadline=DEADLINE)
    with pytest.raises(TransitionRefused, match="exactly one"):
        apply(filed, Action.DISPATCH, Role.OPERATOR, NOW, deadline=DEADLINE, assignee_org_id=10,
              assignee_worker_id=6)
    to_worker = apply(filed, Action.DISPATCH, Role.OPERATOR, NOW, deadline=DEADLINE, assignee_worker_id=6)
    assert to_worker.after.assignee_worker_id == 6 and to_worker.after.assignee_org_id is None


def test_invalid_data_is_refused():
    cases = [
        (snapshot_in("reported"), Action.MARK_DUPLICATE, {"of": 1}),
        (snapshot_in("handling"), Action.EXTEND, {"deadline": DEADLINE}),
        (snapshot_in("handling"), Action.SUPERVISE, {"due": NOW}),
        (IncidentSnapshot(id=1, state="handling", level="district", category="x", grid_id=6, deadline=DEADLINE,
                          assignee_org_id=10), Action.ESCALATE, {"deadline": DEADLINE}),
    ]
    for snap, action, data in cases:
        with pytest.raises(TransitionRefused) as info:
            apply(snap, action, Role.ADMIN, NOW, **data)
        assert info.value.code is RefusalCode.INVALID, action
    with pytest.raises(TransitionRefused, match="Unknown action"):
        apply(snapshot_in("reported"), "teleport", Role.ADMIN, NOW)


def test_return_goes_back_to_the_dispatcher_and_redispatch_sets_new_assignee():
    returned = apply(snapshot_in("signed"), Action.RETURN, Role.OPERATOR, NOW, note="非本部门职责").after
    assert returned.state == "returned" and returned.assignee_org_id is None
    again = apply(returned, Action.DISPATCH, Role.OPERATOR, NOW, assignee_org_id=12, deadline=DEADLINE).after
    assert again.state == "dispatched" and again.assignee_org_id == 12


def test_escalation_keeps_the_case_and_moves_up_one_level():
    snap = snapshot_in("handling")
    up = apply(snap, Action.ESCALATE, Role.OPERATOR, NOW, deadline=DEADLINE + timedelta(days=4))
    assert (up.after.id, up.after.state, up.after.level) == (1, "handling", "township")
    top = apply(up.after, Action.ESCALATE, Role.OPERATOR, NOW, deadline=DEADLINE + timedelta(days=9)).after
    assert top.level == "district"
    assert Action.ESCALATE not in allowed_actions(top, Role.OPERATOR)
    assert decode_note(up.note).details == {"level": "township", "deadline": "2026-12-07T09:00"}


def test_supervision_order_records_its_due_time():
    result = apply(snapshot_in("handling"), Action.SUPERVISE, Role.SUPERVISOR, NOW,
                   due=NOW + timedelta(days=1), note="请尽快办结")
    decoded = decode_note(result.note)
    assert result.to_state == "handling" and decoded.details == {"due": "2026-12-01T09:00"}
    assert decoded.text == "请尽快办结"


def test_allowed_actions_follow_role_and_state():
    assert allowed_actions(snapshot_in("reported"), Role.OPERATOR) == [
        Action.ACCEPT, Action.REJECT, Action.MARK_DUPLICATE]
    assert allowed_actions(snapshot_in("handling"), Role.WALL) == []
    assert Action.SUPERVISE in allowed_actions(snapshot_in("handling"), Role.SUPERVISOR)
    assert Action.SUPERVISE not in allowed_actions(snapshot_in("handling"), Role.OPERATOR)
    assert ROLE_ACTIONS[Role.ADMIN] == frozenset(Action)


@pytest.mark.parametrize("action,data", [
    (Action.SUPERVISE, {"due": "tomorrow"}),
    (Action.DISPATCH, {"assignee_org_id": "10", "deadline": DEADLINE}),
    (Action.DISPATCH, {"assignee_worker_id": True, "deadline": DEADLINE}),
    (Action.EXTEND, {"deadline": 5}),
    (Action.REJECT, {"note": 42}),
])
def test_data_of_the_wrong_type_is_refused(action, data):
    with pytest.raises(TransitionRefused, match="needs") as info:
        apply(snapshot_in(next(iter(TRANSITIONS[action]))), action, Role.ADMIN, NOW, **data)
    assert info.value.code is RefusalCode.INVALID
