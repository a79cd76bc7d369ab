"""Two processes dispatch the same case at the same moment on PostgreSQL: one wins, one is told who won."""
from __future__ import annotations

import multiprocessing as mp

import pytest
from sqlalchemy.orm import Session

from tests.db.incident_district import T0, actor, build

BARRIER_TIMEOUT_S = 60


def _dispatch_at_once(url: str, incident_id: int, who: str, target: dict, barrier, results) -> None:
    """One console: read the case (as the inbox shows it), wait for the other, then dispatch."""
    from console.domain.deadlines import DeadlinePolicy
    from console.services.incident_actions import dispatch
    from console.services.incidents import ConflictError, load_incident
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        with Session(engine) as s:
            seen = load_incident(s, actor(who), incident_id).version
            s.rollback()
            barrier.wait(BARRIER_TIMEOUT_S)
            try:
                dispatch(s, actor(who), incident_id, policy=DeadlinePolicy(), expected_version=seen, now=T0,
                         **target)
                s.commit()
                results.put((who, "ok", None, None))
            except ConflictError as exc:
                results.put((who, "conflict", exc.last.actor if exc.last else None, exc.state))
    finally:
        engine.dispose()


@pytest.fixture
def pg_url():
    from tests.conftest import _pg_available, _pg_reason, make_pg_database

    if not _pg_available():
        pytest.skip(_pg_reason[0])
    return make_pg_database()


@pytest.mark.pg
def test_two_processes_dispatch_the_same_incident(pg_url):
    from console.domain.deadlines import DeadlinePolicy
    from console.domain.incident_workflow import Action
    from console.services.incident_actions import file_incident
    from console.services.incidents import NewIncident, create_incident, incident_history, transition
    from db.engine import make_engine
    from db.migrate import upgrade

    engine = make_engine(pg_url)
    upgrade(engine)
    build(engine)
    with Session(engine) as s, s.begin():
        i = create_incident(s, actor("op"), NewIncident("walk_in", "litter", "占道", 118.105, 24.505), now=T0).id
        transition(s, actor("op"), i, Action.ACCEPT, now=T0)
        file_incident(s, actor("op"), i, policy=DeadlinePolicy(), now=T0)
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_dispatch_at_once, args=(pg_url, i, who, target, barrier, results))
             for who, target in (("op", {"worker_id": 1}), ("sup", {"org_id": 6}))]
    for p in procs:
        p.start()
    outcomes = sorted(results.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sorted(o[1] for o in outcomes) == ["conflict", "ok"]
    winner = next(o[0] for o in outcomes if o[1] == "ok")
    loser = next(o for o in outcomes if o[1] == "conflict")
    assert loser[2:] == (winner, "dispatched")
    with Session(engine) as s:
        history = incident_history(s, actor("sup"), i)
        assert [h.actor for h in history if h.action == "dispatch"] == [winner]
    engine.dispose()
