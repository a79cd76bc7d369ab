"""The inbox text filter through the bigram index answers exactly what a scan of every case answers, on
SQLite (FTS5 kept by triggers) and PostgreSQL (GIN over the token array)."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy
from console.services.incident_queues import InboxQuery, inbox_page
from console.services.incidents import NewIncident, create_incident
from db.models import Incident, IncidentHistory
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
