"""A worker's card on both backends: its total is the sum of the stored, traceable score lines; each line
names its record and what it concerns; adjustments keep their reasons; distances match the replay's."""
from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from console.domain.geo import haversine_m
from console.domain.roles import Role
from console.domain.scoring import ScoringError
from console.services.jurisdiction import Actor, OutsideJurisdiction
from console.services.scoring import adjust_score, recompute_scores
from console.services.worker_card import worker_card
from db.models import GpsFix, Premise
from db.models_scoring import ScoreLineRow
from tests.db.test_scoring_service import ADMIN, AS_OF, HL_SUPERVISOR, MON, SUN, at, week  # noqa: F401

OTHER_TOWNSHIP = Actor(9, "dq_sup", "督查", Role.SUPERVISOR, 3, "/1/3/")


@pytest.fixture
def scored(week):  # noqa: F811 - the fixture imported above
    """Worker 6's week scored, with a supervisor's adjustment and a walk on Monday (one jump to drop)."""
    with Session(week) as s, s.begin():
        adjust_score(s, HL_SUPERVISOR, 6, MON + timedelta(4), 2.5, "协助防汛值守")
        recompute_scores(s, ADMIN, MON, SUN, as_of=AS_OF)
        walk = [(at(MON, 9, k), 118.10 + k * 0.0005, 24.50) for k in range(10)]
        walk.insert(5, (at(MON, 9, 4) + timedelta(seconds=30), 119.5, 25.5))  # an impossible jump
        s.execute(insert(GpsFix), [{"worker_id": 6, "t": t, "lon": lon, "lat": lat} for t, lon, lat in walk])
    return week


def test_card_total_is_the_sum_of_the_workers_stored_lines(scored):
    with Session(scored) as s:
        card = worker_card(s, HL_SUPERVISOR, 6, MON, SUN, today=SUN)
        stored = s.scalar(select(func.sum(ScoreLineRow.points))
                          .where(ScoreLineRow.worker_id == 6, ScoreLineRow.day.between(MON, SUN)))
        count = s.scalar(select(func.count()).where(ScoreLineRow.worker_id == 6,
                                                    ScoreLineRow.day.between(MON, SUN)))
    assert (card.code, card.name) == ("W6", "网格员6")
    assert len(card.lines) == count and all(c.line.source for c in card.lines)
    assert card.total == pytest.approx(stored) == pytest.approx(3.5)
    assert sum(card.daily_points().values()) == pytest.approx(card.total)
    assert card.task_mix()["checkin"].count == 4


def test_lines_name_their_record_and_what_it_concerns(scored):
    with Session(scored) as s:
        card = worker_card(s, ADMIN, 6, MON, SUN, today=SUN)
        premise2 = s.get(Premise, 2).name
        premise1 = s.get(Premise, 1).name
    by_source = {c.line.source: c for c in card.lines}
    inspection = by_source["inspections:1"]
    assert (inspection.ref.table, inspection.ref.id, inspection.premise_id, inspection.detail) == \
        ("inspections", 1, 2, premise2)
    assert by_source["premises:1"].premise_id == 1 and by_source["premises:1"].detail == premise1
    assert by_source["incidents:101"].detail == "上报" and by_source["incidents:101"].premise_id is None
    missed = [c for c in card.lines if c.line.kind == "missed_checkin"]
    assert [c.ref.day for c in missed] == [c.line.day for c in missed] and missed
    manual = [c for c in card.lines if c.line.kind == "manual"]
    assert len(manual) == 1 and manual[0].ref.table == "score_adjustments"
    assert [(a.points, a.reason, a.actor) for a in card.adjustments] == [(2.5, "协助防汛值守", "hl_sup")]
    assert [c.line.source for c in card.lines_of(MON)] == [c.line.source for c in card.lines if c.line.day == MON]


def test_distance_per_day_is_measured_on_the_filtered_fixes(scored):
    with Session(scored) as s:
        card = worker_card(s, ADMIN, 6, MON, SUN, today=MON + timedelta(2))
    lon = 118.10 + np.arange(10) * 0.0005
    expected = sum(haversine_m(lon[k], 24.5, lon[k + 1], 24.5) for k in range(9))
    assert card.distance_m[MON] == pytest.approx(expected, rel=1e-9)
    assert card.distance_m[MON + timedelta(1)] == 0.0
    assert sorted(card.distance_m) == [MON, MON + timedelta(1), MON + timedelta(2)]  # none after today


def test_card_refuses_workers_outside_the_jurisdiction_or_unknown(scored):
    with Session(scored) as s:
        with pytest.raises(OutsideJurisdiction):
            worker_card(s, OTHER_TOWNSHIP, 6, MON, SUN)
        with pytest.raises(ScoringError, match="no worker with id 999"):
            worker_card(s, ADMIN, 999, MON, SUN)
        with pytest.raises(ScoringError, match="ends before"):
            worker_card(s, ADMIN, 6, SUN, MON)
