"""The inbox text filter through the bigram index answers exactly what a scan of every case answers, on
SQLite (FTS5 kept by triggers) and PostgreSQL (GIN over the token array)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy
from console.services.incident_queues import (
    InboxQuery,
    _plan,
    count_inbox,
    inbox_page,
    inbox_page_after,
    queue_counts,
)
from console.services.incident_text import index_count
from console.services.incidents import NewIncident, create_incident
from db.models import Incident, IncidentHistory
from db.text_index import phrase_is_exact
from tests.db.incident_district import T0, actor, build

TEXTS = [("井盖破损", "湖里大道88号", "人行道井盖缺失"), ("路灯不亮", "江头北路3号", None),
         ("占道经营", "湖里大道1号", "早市占道"), ("Noise complaint", "Lianhua Rd 5", "KTV noise at night"),
         ("井盖异响", None, "车辆经过井盖异响"), ("破损路面", "湖里大道", "路面破损严重")]
TERMS = ["井盖", "井盖破损", "盖破", "破损", "湖里大道", "湖里 井盖", "noise", "NOISE", "ktv", "井", "号",
         "大道8", "没有这个词", "88", "经营 早市"]


@pytest.fixture
def cases(engine):
    build(engine)
    with Session(engine) as s, s.begin():
        for k, (title, address, description) in enumerate(TEXTS):
            create_incident(s, actor("op"), NewIncident("walk_in", "litter", title, 118.101 + k * 0.001, 24.505,
                                                        address=address, description=description), now=T0)
    return engine


def _scanned(s: Session, term_text: str) -> set[int]:
    """What the filter means, worked out in Python over every case."""
    terms = term_text.lower().split()
    found = set()
    for row in s.execute(select(Incident.id, Incident.title, Incident.case_no, Incident.address,
                                Incident.description)):
        fields = [(part or "").lower() for part in row[1:]]
        if all(any(t in f for f in fields) for t in terms):
            found.add(row[0])
    return found


def _filtered(s: Session, term_text: str) -> set[int]:
    q = InboxQuery(text=term_text, now=T0)
    return {r.id for r in inbox_page(s, actor("sup"), q, DeadlinePolicy(), limit=1000)}


@pytest.mark.parametrize("term", TERMS)
def test_the_index_answers_what_a_scan_answers(cases, term):
    with Session(cases) as s:
        assert _filtered(s, term) == _scanned(s, term)


def test_the_index_follows_inserts_and_deletes(cases):
    with Session(cases) as s, s.begin():
        s.execute(insert(Incident), [{"case_no": "X1", "source": "walk_in", "category": "litter", "priority": 3,
                                      "title": "井盖被盗", "lon": 118.105, "lat": 24.505, "grid_id": 4,
                                      "org_path": "/1/2/3/4/", "state": "reported", "reported_at": T0}])
    with Session(cases) as s:
        new_id = s.scalar(select(Incident.id).where(Incident.case_no == "X1"))
        assert new_id in _filtered(s, "被盗") and new_id in _filtered(s, "井盖")
    with Session(cases) as s, s.begin():
        s.execute(delete(IncidentHistory).where(IncidentHistory.incident_id == new_id))
        s.execute(delete(Incident).where(Incident.id == new_id))
    with Session(cases) as s:
        assert _filtered(s, "被盗") == set()


SCOPES = [("sup", None), ("op", None), ("sup", "/1/7/"), ("op", "/1/7/"), ("w1", None)]


@pytest.mark.parametrize("term", TERMS)
def test_counts_answer_what_a_scan_answers_in_every_scope_after_cases_move(cases, term):
    """Counts of a text filter come from the index on SQLite (org_path is indexed beside the tokens): half the
    cases move to another township, and every scope still counts what a scan finds there."""
    with Session(cases) as s, s.begin():
        ids = s.scalars(select(Incident.id).order_by(Incident.id)).all()
        s.execute(update(Incident).where(Incident.id.in_(ids[::2])).values(org_path="/1/7/8/9/", grid_id=9))
    with Session(cases) as s:
        paths = dict(s.execute(select(Incident.id, Incident.org_path)).all())
        for who, org_path in SCOPES:
            who_actor = actor(who)
            q = InboxQuery(text=term, org_path=org_path, now=T0)
            scope = org_path if org_path and who_actor.covers(org_path) else who_actor.org_path
            expected = sum(paths[i].startswith(scope) for i in _scanned(s, term))
            if org_path and not who_actor.covers(org_path):
                expected = 0
            assert count_inbox(s, who_actor, q, DeadlinePolicy()) == expected, (who, org_path)
            assert queue_counts(s, who_actor, q, DeadlinePolicy())["all"] == expected, (who, org_path)
            if s.get_bind().dialect.name == "sqlite" and phrase_is_exact(term) and expected:
                assert index_count(s, scope, term, False) == expected  # the index alone, no case rows


def test_a_text_filter_lists_the_newest_first_and_pages_by_keyset(cases):
    """On PostgreSQL a two-character term may be fetched and sorted instead of walked (sparse_matches_pg):
    the order and the keyset pages are the same either way."""
    with Session(cases) as s, s.begin():
        for k, case_id in enumerate(s.scalars(select(Incident.id).order_by(Incident.id)).all()):
            s.execute(update(Incident).where(Incident.id == case_id).values(reported_at=T0 - timedelta(hours=k % 3)))
        s.execute(text("ANALYZE incidents"))  # PostgreSQL: statistics for the planner's estimate
    with Session(cases) as s:
        q = InboxQuery(text="井盖", now=T0)
        assert _plan(s, actor("sup"), q).sort_text_matches == (s.get_bind().dialect.name == "postgresql")
        rows = inbox_page(s, actor("sup"), q, DeadlinePolicy(), limit=100)
        assert [(r.reported_at, r.id) for r in rows] == sorted(((r.reported_at, r.id) for r in rows), reverse=True)
        first = inbox_page_after(s, actor("sup"), q, DeadlinePolicy(), after=None, limit=2)
        rest = inbox_page_after(s, actor("sup"), q, DeadlinePolicy(), after=first[-1], limit=100)
        assert [r.id for r in first + rest] == [r.id for r in rows] and len(rows) == len(_scanned(s, "井盖"))
