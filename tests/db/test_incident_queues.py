from datetime import timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy, DeadlineStatus
from console.domain.incident_workflow import Action
from console.services.incident_actions import dispatch, file_incident, supervise
from console.services.incident_queues import (
    QUEUES,
    InboxQuery,
    count_inbox,
    inbox_page,
    inbox_page_after,
    queue_counts,
)
from console.services.incidents import NewIncident, create_incident, transition
from db.models import Incident, OrgUnit
from tests.db.incident_district import GRID_CENTRES, T0, actor, build

POLICY = DeadlinePolicy()
NOW = T0 + timedelta(hours=1)


@pytest.fixture
def inbox(engine):
    """Cases in most queues: 2 new, 1 to file, 1 to dispatch, 2 in handling (one overdue; one due soon,
    supervised and dispatched to the worker who is user w1), 1 rejected, 1 in the other township."""
    build(engine)
    op, sup = actor("op"), actor("sup")
    with Session(engine) as s, s.begin():
        def make(title, grid=4, source="walk_in", category="litter", minutes=0):
            lon, lat = GRID_CENTRES[grid]
            who = sup if grid == 9 else op
            return create_incident(s, who, NewIncident(source, category, title, lon, lat, description="描述",
                                                       reported_at=T0 + timedelta(minutes=minutes)), now=T0).id
        make("新的一", minutes=1)
        make("新的二 Noise", source="hotline_12345", category="noise", minutes=2, grid=5)
        accepted = make("待立案", minutes=3)
        transition(s, op, accepted, Action.ACCEPT, now=T0)
        to_dispatch = make("待派遣", minutes=4)
        transition(s, op, to_dispatch, Action.ACCEPT, now=T0)
        file_incident(s, op, to_dispatch, policy=POLICY, now=T0)
        late, soon = make("超时的", minutes=5), make("快到期", minutes=6)
        for i, at in ((late, T0 - timedelta(days=10)), (soon, T0 - timedelta(days=5) + timedelta(hours=3))):
            transition(s, op, i, Action.ACCEPT, now=at)
            file_incident(s, op, i, policy=POLICY, now=at)
        dispatch(s, op, late, policy=POLICY, org_id=6, now=T0 - timedelta(days=10))
        dispatch(s, op, soon, policy=POLICY, worker_id=1, now=T0 - timedelta(days=5) + timedelta(hours=3))
        supervise(s, sup, soon, due=NOW + timedelta(days=1), now=T0)
        rejected = make("不予受理", minutes=7)
        transition(s, op, rejected, Action.REJECT, now=T0, note="不属实")
        make("别的街道", grid=9, minutes=8)
    return engine


def test_queue_counts_for_the_township_operator(inbox):
    with Session(inbox) as s:
        counts = queue_counts(s, actor("op"), InboxQuery(now=NOW), POLICY)
        assert list(counts) == list(QUEUES)
        assert counts == {"new": 2, "to_file": 1, "to_dispatch": 1, "in_handling": 2, "to_verify": 0,
                          "due_soon": 1, "overdue": 1, "supervised": 1, "mine": 0, "all": 7}
        assert queue_counts(s, actor("sup"), InboxQuery(now=NOW), POLICY)["all"] == 8
        assert queue_counts(s, actor("w1"), InboxQuery(now=NOW), POLICY)["mine"] == 1
        for queue, n in counts.items():
            assert count_inbox(s, actor("op"), InboxQuery(queue=queue, now=NOW), POLICY) == n


def test_pages_carry_the_computed_deadline_status(inbox):
    with Session(inbox) as s:
        overdue = inbox_page(s, actor("op"), InboxQuery(queue="overdue", now=NOW), POLICY)
        assert [(r.title, r.deadline_status) for r in overdue] == [("超时的", DeadlineStatus.OVERDUE)]
        soon = inbox_page(s, actor("op"), InboxQuery(queue="due_soon", now=NOW), POLICY)
        assert [(r.title, r.deadline_status) for r in soon] == [("快到期", DeadlineStatus.DUE_SOON)]
        rejected = inbox_page(s, actor("op"), InboxQuery(text="不予受理", now=NOW), POLICY)
        assert [(r.state, r.deadline_status) for r in rejected] == [("rejected", DeadlineStatus.NONE)]


@pytest.mark.parametrize("query,titles", [
    (InboxQuery(queue="new", now=NOW), ["新的二 Noise", "新的一"]),
    (InboxQuery(queue="new", sort="reported_at", descending=False, now=NOW), ["新的一", "新的二 Noise"]),
    (InboxQuery(category="noise", now=NOW), ["新的二 Noise"]),
    (InboxQuery(source="hotline_12345", now=NOW), ["新的二 Noise"]),
    (InboxQuery(text="noise", now=NOW), ["新的二 Noise"]),
    (InboxQuery(text="新的 二", now=NOW), ["新的二 Noise"]),
    (InboxQuery(org_path="/1/2/3/5/", now=NOW), ["新的二 Noise"]),
    (InboxQuery(org_path="/1/7/", now=NOW), []),
    (InboxQuery(reported_from=T0 + timedelta(minutes=6), reported_to=T0 + timedelta(minutes=8), now=NOW),
     ["不予受理", "快到期"]),
    (InboxQuery(queue="supervised", now=NOW), ["快到期"]),
    (InboxQuery(queue="to_dispatch", now=NOW), ["待派遣"]),
])
def test_filters_and_order(inbox, query, titles):
    with Session(inbox) as s:
        assert [r.title for r in inbox_page(s, actor("op"), query, POLICY)] == titles
        assert count_inbox(s, actor("op"), query, POLICY) == len(titles)


@pytest.mark.parametrize("sort", ["reported_at", "priority", "case_no", "state", "title"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_equal_offset_pages(inbox, sort, descending):
    query = InboxQuery(sort=sort, descending=descending, now=NOW)
    with Session(inbox) as s:
        everything = [r.id for r in inbox_page(s, actor("sup"), query, POLICY, limit=100)]
        by_offset = [r.id for k in range(0, 8, 3) for r in inbox_page(s, actor("sup"), query, POLICY, offset=k,
                                                                         limit=3)]
        by_key, last = [], None
        while page := inbox_page_after(s, actor("sup"), query, POLICY, after=last, limit=3):
            by_key += [r.id for r in page]
            last = page[-1]
        assert len(everything) == 8 and by_offset == everything and by_key == everything


def test_unknown_queue_or_sort_is_refused():
    with pytest.raises(ValueError, match="unknown queue"):
        InboxQuery(queue="later")
    with pytest.raises(ValueError, match="cannot sort"):
        InboxQuery(sort="colour")


def test_the_district_total_counts_only_its_own_cases_once_another_district_shares_the_database(inbox):
    """The district that holds every case counts the whole table; a case of another district must stop that."""
    with Session(inbox) as s:
        assert count_inbox(s, actor("sup"), InboxQuery(now=NOW), POLICY) == 8
    with Session(inbox) as s, s.begin():
        s.add(OrgUnit(id=50, parent_id=None, code="350211000000", name="集美区", kind="district", path="/50/"))
        s.flush()
        s.execute(insert(Incident), [{"case_no": "OTHER1", "source": "walk_in", "category": "litter", "priority": 3,
                                      "title": "别的区", "lon": 118.0, "lat": 24.6, "grid_id": 50,
                                      "org_path": "/50/", "state": "reported", "reported_at": T0}])
    with Session(inbox) as s:
        assert count_inbox(s, actor("sup"), InboxQuery(now=NOW), POLICY) == 8
        assert queue_counts(s, actor("sup"), InboxQuery(now=NOW), POLICY)["all"] == 8
        assert count_inbox(s, actor("sup"), InboxQuery(text="别的", now=NOW), POLICY) == 1  # 别的街道, not 别的区
