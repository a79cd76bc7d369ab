"""The dispatch board's services on both backends: who the targets are for an operator and their loads, the
drop rules, per-case dispatch with partial success, and the recall (undo) only the dispatcher may take in
its window, recorded in the history."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy
from console.domain.incident_workflow import RECALL_WINDOW, Action, RefusalCode, TransitionRefused
from console.domain.roles import Role
from console.domain.work_calendar import CHINA
from console.services.dispatch_targets import (
    CaseRef,
    DispatchRules,
    Refusal,
    TargetKind,
    dispatch_cases,
    load_board,
    recall_cases,
    refusal,
)
from console.services.incident_actions import dispatch, recall_dispatch
from console.services.incidents import incident_history, transition
from db.models import ChangeLog, Incident
from tests.db.incident_district import T0, actor, build
from tests.db.test_incident_services import make

POLICY = DeadlinePolicy(calendar=CHINA)


@pytest.fixture
def district(engine):
    build(engine)
    return engine


def _ref(session: Session, incident_id: int) -> CaseRef:
    i = session.get(Incident, incident_id)
    return CaseRef(i.id, i.version, i.case_no, i.state, i.grid_id)


def test_the_board_lists_departments_centers_below_and_workers_within_with_their_loads(district):
    with Session(district) as s:
        late, soon = (make(s, state_path=("accept", "file")).id for _ in range(2))
        dispatch(s, actor("op"), late, policy=POLICY, org_id=6, now=T0 - timedelta(days=10))
        dispatch(s, actor("op"), soon, policy=POLICY, worker_id=1, now=T0)
        s.commit()
        board = load_board(s, actor("op"), now=T0 + timedelta(hours=1), policy=POLICY)
    keys = [t.key for t in board.targets]
    assert keys == [("department", 6), ("center", 3), ("worker", 1), ("worker", 2)]
    by_key = {t.key: t for t in board.targets}
    assert (by_key["department", 6].open_load, by_key["department", 6].overdue) == (1, 1)
    assert (by_key["worker", 1].open_load, by_key["worker", 1].overdue) == (1, 0)
    assert (by_key["center", 3].open_load, by_key["worker", 2].open_load) == (0, 0)
    assert by_key["worker", 1].grid_ids == {4} and board.grid_paths == {4: "/1/2/3/4/", 5: "/1/2/3/5/"}


def test_the_drop_rules(district):
    with Session(district) as s:
        board = load_board(s, actor("op"), now=T0, policy=POLICY)
    targets = {t.key: t for t in board.targets}
    filed = CaseRef(1, 1, "C1", "filed", 4)
    assert refusal(filed, targets["worker", 1], Role.OPERATOR, board.grid_paths) is None
    assert refusal(filed, targets["worker", 2], Role.OPERATOR, board.grid_paths) is Refusal.GRID
    assert refusal(filed, targets["worker", 2], Role.OPERATOR, board.grid_paths,
                   DispatchRules(worker_must_serve_grid=False)) is None
    assert refusal(filed, targets["department", 6], Role.WALL, board.grid_paths) is Refusal.ROLE
    assert refusal(CaseRef(1, 1, "C1", "handling", 4), targets["center", 3], Role.OPERATOR,
                   board.grid_paths) is Refusal.STATE
    assert refusal(CaseRef(1, 1, "C1", "returned", 9), targets["department", 6], Role.OPERATOR,
                   board.grid_paths) is Refusal.OUTSIDE


def test_several_cases_are_dispatched_one_by_one_and_refusals_are_reported_per_case(district):
    with Session(district) as s:
        ready = make(s, state_path=("accept", "file")).id
        other_grid = make(s, state_path=("accept", "file")).id
        reported = make(s).id
        s.commit()
        board = {t.key: t for t in load_board(s, actor("op"), now=T0, policy=POLICY).targets}
        refs = [_ref(s, i) for i in (ready, other_grid, reported)]
        s.execute(Incident.__table__.update().where(Incident.id == other_grid).values(grid_id=5,
                                                                                     org_path="/1/2/3/5/"))
        s.commit()
        outcomes = dispatch_cases(s, actor("op"), refs, board["worker", 1], policy=POLICY, now=T0)
        assert [(o.id, o.ok) for o in outcomes] == [(ready, True), (other_grid, False), (reported, False)]
        assert "does not serve" in outcomes[1].message and "reported" in outcomes[2].message
        states = dict(s.execute(select(Incident.id, Incident.state)).all())
        assert (states[ready], states[other_grid], states[reported]) == ("dispatched", "filed", "reported")
        assert outcomes[0].version == s.get(Incident, ready).version
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity_id == ready,
                                                                          ChangeLog.op == "dispatch")) == 1


def test_recall_restores_the_case_and_only_the_dispatcher_may_take_it_in_time(district):
    with Session(district) as s:
        first, second, third = (make(s, state_path=("accept", "file")).id for _ in range(3))
        s.commit()
        filed_deadline = s.get(Incident, first).deadline
        for incident_id in (first, second, third):
            dispatch(s, actor("op"), incident_id, policy=POLICY, worker_id=1, now=T0 + timedelta(hours=1))
        s.commit()
        with pytest.raises(TransitionRefused) as info:
            recall_dispatch(s, actor("sup"), first, now=T0 + timedelta(hours=1, seconds=5))
        assert info.value.code is RefusalCode.ROLE and "op" in str(info.value)
        s.rollback()
        with pytest.raises(TransitionRefused, match="within"):
            recall_dispatch(s, actor("op"), second, now=T0 + timedelta(hours=1) + RECALL_WINDOW * 2)
        s.rollback()
        transition(s, actor("op"), third, Action.SIGN, now=T0 + timedelta(hours=1, seconds=2))
        s.commit()
        with pytest.raises(TransitionRefused, match="signed"):
            recall_dispatch(s, actor("op"), third, now=T0 + timedelta(hours=1, seconds=5))
        s.rollback()

        incident = recall_dispatch(s, actor("op"), first, now=T0 + timedelta(hours=1, seconds=5))
        s.commit()
        assert (incident.state, incident.assignee_worker_id) == ("filed", None)
        assert incident.deadline == filed_deadline.replace(second=0, microsecond=0)
        last = incident_history(s, actor("op"), first)[-1]
        assert (last.action, last.from_state, last.to_state, last.actor) == ("recall", "dispatched", "filed", "op")


def test_recall_cases_reports_each_case(district):
    with Session(district) as s:
        ids = [make(s, state_path=("accept", "file")).id for _ in range(2)]
        s.commit()
        board = {t.key: t for t in load_board(s, actor("op"), now=T0, policy=POLICY).targets}
        at = T0 + timedelta(hours=1)
        done = dispatch_cases(s, actor("op"), [_ref(s, i) for i in ids], board["department", 6], policy=POLICY,
                              now=at)
        transition(s, actor("sup"), ids[1], Action.SIGN, now=at + timedelta(seconds=2))
        s.commit()
        undone = recall_cases(s, actor("op"), done, now=at + timedelta(seconds=5))
        assert [(o.id, o.ok) for o in undone] == [(ids[0], True), (ids[1], False)]
        assert s.get(Incident, ids[0]).state == "filed" and s.get(Incident, ids[1]).state == "signed"
        assert "sup" in undone[1].message and board["department", 6].kind is TargetKind.DEPARTMENT
