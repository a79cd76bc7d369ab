from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy, DeadlineStatus
from console.domain.duplicates import DuplicateRule
from console.domain.incident_workflow import Action, TransitionRefused
from console.domain.work_calendar import CHINA
from console.services.incident_actions import (
    dispatch,
    duplicate_suggestions,
    escalate_overdue,
    file_incident,
    merge_into,
    remind,
    supervise,
    supervision_orders,
)
from console.services.incidents import (
    ConflictError,
    IncidentError,
    NewIncident,
    create_incident,
    incident_history,
    transition,
)
from console.services.jurisdiction import OutsideJurisdiction
from db.models import ChangeLog, Incident
from tests.db.incident_district import GRID_CENTRES, T0, actor, build

POLICY = DeadlinePolicy(calendar=CHINA, category_days={"fire_safety": 1})


@pytest.fixture
def district(engine):
    build(engine)
    return engine


def new(grid=4, category="litter", **kw) -> NewIncident:
    lon, lat = GRID_CENTRES[grid]
    return NewIncident(**{"source": "walk_in", "category": category, "title": "垃圾堆放", "lon": lon, "lat": lat,
                          "reported_at": T0, **kw})


def make(session, grid=4, state_path=(), **kw) -> Incident:
    op = actor("op")
    incident = create_incident(session, op, new(grid, **kw), now=T0)
    steps = {"accept": lambda i: transition(session, op, i, Action.ACCEPT, now=T0),
             "file": lambda i: file_incident(session, op, i, policy=POLICY, now=T0),
             "dispatch": lambda i: dispatch(session, op, i, policy=POLICY, org_id=6, now=T0)}
    for step in state_path:
        steps[step](incident.id)
    return incident


def test_create_assigns_the_grid_by_point_and_writes_history_and_change(district):
    with Session(district) as s, s.begin():
        incident = create_incident(s, actor("op"), new(5), now=T0)
        assert (incident.grid_id, incident.org_path, incident.state, incident.level) == \
            (5, "/1/2/3/5/", "reported", "community")
        assert incident.case_no.startswith("20261130-")
        history = incident_history(s, actor("op"), incident.id)
        assert [(h.from_state, h.to_state, h.actor, h.action) for h in history] == \
            [(None, "reported", "op", "create")]
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "incident")) == 1


def test_create_refuses_points_outside_the_jurisdiction_and_bad_input(district):
    with Session(district) as s:
        with pytest.raises(IncidentError, match="lies in no grid"):
            create_incident(s, actor("op"), new(9), now=T0)
        with pytest.raises(OutsideJurisdiction):
            create_incident(s, actor("op"), new(4, grid_id=9), now=T0)
        with pytest.raises(IncidentError, match="Unknown source"):
            create_incident(s, actor("op"), new(4, source="pigeon"), now=T0)
        with pytest.raises(TransitionRefused, match="wall"):
            create_incident(s, actor("wall"), new(4), now=T0)
        assert s.scalar(select(func.count()).select_from(Incident)) == 0


def test_full_lifecycle_writes_one_history_line_per_action(district):
    op, sup = actor("op"), actor("sup")
    with Session(district) as s, s.begin():
        i = make(s, state_path=("accept", "file", "dispatch")).id
        for action, data in [(Action.SIGN, {}), (Action.START, {}), (Action.FEEDBACK, {}), (Action.VERIFY, {}),
                             (Action.REWORK, {"note": "仍有垃圾"}), (Action.RESUME, {}), (Action.FEEDBACK, {}),
                             (Action.VERIFY, {}), (Action.CLOSE, {})]:
            transition(s, op, i, action, now=T0 + timedelta(hours=1), **data)
        transition(s, sup, i, Action.EVALUATE, now=T0 + timedelta(hours=2))
        incident = s.get(Incident, i)
        assert incident.state == "evaluated" and incident.closed_at == T0 + timedelta(hours=1)
        history = incident_history(s, op, i)
        assert [h.to_state for h in history] == [
            "reported", "accepted", "filed", "dispatched", "signed", "handling", "handled", "verifying", "rework",
            "handling", "handled", "verifying", "closed", "evaluated"]
        assert history[8].text == "仍有垃圾"
        assert s.scalar(select(func.count()).select_from(ChangeLog)
                        .where(ChangeLog.entity == "incident", ChangeLog.entity_id == i)) == len(history)
        assert incident.version == len(history)


def test_filing_and_dispatch_set_the_policy_deadline(district):
    with Session(district) as s, s.begin():
        fire = make(s, category="fire_safety", state_path=("accept",))
        file_incident(s, actor("op"), fire.id, policy=POLICY, grid_id=5, now=T0)
        assert (fire.grid_id, fire.org_path, fire.deadline) == (5, "/1/2/3/5/", datetime(2026, 12, 1, 9, 0))
        at = datetime(2026, 9, 30, 10, 0)
        dispatch(s, actor("op"), fire.id, policy=POLICY, worker_id=2, now=at)
        assert (fire.state, fire.assignee_worker_id, fire.deadline) == ("dispatched", 2, datetime(2026, 10, 8, 10))
        plain = make(s, state_path=("accept", "file", "dispatch"))
        assert (plain.assignee_org_id, plain.deadline) == (6, datetime(2026, 12, 3, 9, 0))
        details = incident_history(s, actor("op"), plain.id)[-1].details
        assert details == {"assignee_org_id": "6", "deadline": "2026-12-03T09:00"}


@pytest.mark.parametrize("target,reason", [({"org_id": 4}, "is a grid"), ({"org_id": 99}, "no org unit"),
                                           ({"org_id": 7}, "lies outside"), ({"worker_id": 3}, "outside"),
                                           ({"worker_id": 42}, "no active worker")])
def test_dispatch_to_a_wrong_target_is_refused_and_changes_nothing(district, target, reason):
    with Session(district) as s:
        with s.begin():
            i = make(s, state_path=("accept", "file")).id
        with pytest.raises(TransitionRefused, match=reason):
            dispatch(s, actor("op"), i, policy=POLICY, now=T0, **target)
        s.rollback()
        assert s.get(Incident, i).state == "filed"


def test_stale_version_names_who_acted_and_the_current_state(district):
    with Session(district) as s, s.begin():
        i = make(s, state_path=("accept", "file")).id
        seen = s.get(Incident, i).version
        dispatch(s, actor("sup"), i, policy=POLICY, org_id=6, now=T0)
    with Session(district) as s:
        with pytest.raises(ConflictError) as info:
            dispatch(s, actor("op"), i, policy=POLICY, org_id=6, expected_version=seen, now=T0)
        err = info.value
        assert (err.state, err.last.actor, err.last.action) == ("dispatched", "sup", "dispatch")
        assert "sup" in str(err) and "'dispatched'" in str(err)


def test_a_write_between_read_and_flush_becomes_a_conflict(district, monkeypatch):
    """The other operator commits after this session read version N: the UPDATE matches no row
    (StaleDataError) and the caller gets a ConflictError; only the other dispatch is in the history."""
    from console.services import incidents

    with Session(district) as s, s.begin():
        i = make(s, state_path=("accept", "file")).id
    real_apply = incidents.apply

    def apply_then_lose_the_race(*args, **kwargs):
        monkeypatch.setattr(incidents, "apply", real_apply)
        with Session(district) as other, other.begin():
            dispatch(other, actor("sup"), i, policy=POLICY, org_id=6, now=T0)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(incidents, "apply", apply_then_lose_the_race)
    with Session(district) as s:
        with pytest.raises(ConflictError, match="sup") as info:
            dispatch(s, actor("op"), i, policy=POLICY, worker_id=1, now=T0)
        assert info.value.state == "dispatched"
    with Session(district) as s:
        incident = s.get(Incident, i)
        assert (incident.assignee_org_id, incident.assignee_worker_id) == (6, None)
        assert [h.actor for h in incident_history(s, actor("sup"), i) if h.action == "dispatch"] == ["sup"]


def test_escalation_of_overdue_cases_keeps_the_case_and_its_history(district):
    with Session(district) as s, s.begin():
        late = make(s, state_path=("accept", "file", "dispatch"))
        fresh = make(s, state_path=("accept",))
        due = late.deadline
        assert escalate_overdue(s, actor("sup"), policy=POLICY, now=due) == []
        after = due + timedelta(hours=1)
        assert escalate_overdue(s, actor("sup"), policy=POLICY, now=after) == [late.id]
        assert (late.level, late.state, late.deadline) == ("township", "dispatched", POLICY.deadline(
            "litter", "township", after))
        assert escalate_overdue(s, actor("sup"), policy=POLICY, now=late.deadline + timedelta(hours=1)) == [late.id]
        assert late.level == "district"
        assert escalate_overdue(s, actor("sup"), policy=POLICY, now=late.deadline + timedelta(days=1)) == []
        assert [h.action for h in incident_history(s, actor("sup"), late.id)][-2:] == ["escalate", "escalate"]
        assert fresh.level == "community"


def test_supervision_needs_a_supervisor(district):
    with Session(district) as s, s.begin():
        i = make(s, state_path=("accept", "file", "dispatch")).id
        with pytest.raises(TransitionRefused, match="operator"):
            supervise(s, actor("op"), i, due=T0 + timedelta(days=1), now=T0)
        supervise(s, actor("sup"), i, due=T0 + timedelta(days=1), note="限期办结", now=T0)
        last = incident_history(s, actor("sup"), i)[-1]
        assert (last.action, last.details, last.text) == ("supervise", {"due": "2026-12-01T09:00"}, "限期办结")
        remind(s, actor("sup"), i, note="请加快", now=T0 + timedelta(hours=30))
        [order] = supervision_orders(s, actor("sup"), i, policy=POLICY, now=T0 + timedelta(hours=30))
        assert (order.issued_by, order.due, order.text, order.reminders) == \
            ("sup", datetime(2026, 12, 1, 9, 0), "限期办结", 1)
        assert order.status is DeadlineStatus.OVERDUE
        [order] = supervision_orders(s, actor("sup"), i, policy=POLICY, now=T0 + timedelta(hours=12))
        assert order.status is DeadlineStatus.DUE_SOON


def test_duplicate_suggestions_and_merge(district):
    with Session(district) as s, s.begin():
        first = make(s)
        near = make(s, lat=GRID_CENTRES[4][1] + 0.0002)           # ~22 m north
        far = make(s, lat=GRID_CENTRES[4][1] + 0.001)             # ~110 m
        other_kind = make(s, category="noise")
        old = make(s, reported_at=T0 - timedelta(days=8))
        found = duplicate_suggestions(s, actor("op"), near.id, DuplicateRule())
        assert [f.id for f in found] == [first.id]
        assert {far.id, other_kind.id, old.id}.isdisjoint(f.id for f in found)
        merge_into(s, actor("op"), near.id, first.id, now=T0)
        assert (near.state, near.duplicate_of_id) == ("duplicate", first.id)
        third = make(s)
        merge_into(s, actor("op"), third.id, near.id, now=T0)     # follows the chain to the standing case
        assert third.duplicate_of_id == first.id
        with pytest.raises(TransitionRefused, match="own duplicate"):
            merge_into(s, actor("op"), first.id, near.id, now=T0)
