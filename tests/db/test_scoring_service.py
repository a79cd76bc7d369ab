"""Score lines recomputed from source records, manual adjustments, and totals, on both backends."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.domain.scoring import ScoringError
from console.services.jurisdiction import Actor, OutsideJurisdiction
from console.services.scoring import adjust_score, recompute_scores, record_task, stored_lines
from db.models import CheckIn, Incident, Inspection, Premise
from db.models_scoring import ScoreLineRow

MON = date(2026, 11, 23)
SUN = date(2026, 11, 29)
AS_OF = datetime(2026, 11, 30, 9, 0)
ADMIN = Actor(1, "admin", "区管理员", Role.ADMIN, 1, "/1/")
HL_SUPERVISOR = Actor(4, "hl_sup", "湖里督查", Role.SUPERVISOR, 2, "/1/2/")
HL_OPERATOR = Actor(2, "hl_op", "湖里坐席", Role.OPERATOR, 2, "/1/2/")


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour, minutes=minute)


@pytest.fixture
def week(engine):
    """Worker 6's week: check-ins Mon (twice), Tue, Wed; a rental-house inspection; two reports; a logged
    publicity task; an incident assigned to them closed late; premise 1 overdue since Thu 26th."""
    from tests.db.tiny_district import build_tiny_district

    build_tiny_district(engine)
    with Session(engine) as s, s.begin():
        s.add_all([CheckIn(id=1, worker_id=6, premise_id=1, at=at(MON, 9)),
                   CheckIn(id=2, worker_id=6, premise_id=2, at=at(MON, 10)),
                   CheckIn(id=3, worker_id=6, premise_id=3, at=at(MON + timedelta(1), 9)),
                   CheckIn(id=4, worker_id=6, premise_id=4, at=at(MON + timedelta(2), 9))])
        s.add(Inspection(id=1, premise_id=2, worker_id=6, finished_at=at(MON, 11), result_status="green"))
        for iid, cat in ((101, "dispute"), (102, "environment")):
            s.add(Incident(id=iid, case_no=f"C{iid}", source="grid_worker", category=cat, priority=3, title="上报",
                           lon=118.1, lat=24.5, grid_id=6, org_path="/1/2/4/6/", state="reported",
                           reported_at=at(MON + timedelta(1), 14), reporter="W6"))
        s.add(Incident(id=103, case_no="C103", source="hotline", category="environment", priority=3, title="派遣",
                       lon=118.1, lat=24.5, grid_id=6, org_path="/1/2/4/6/", state="closed",
                       reported_at=at(MON, 8), deadline=at(MON + timedelta(2), 17),
                       closed_at=at(MON + timedelta(3), 9), assignee_worker_id=6))
        s.execute(update(Premise).where(Premise.id == 1).values(next_inspection=MON + timedelta(2)))
        record_task(s, 6, "safety_publicity", at(MON + timedelta(4), 15), "test", note="社区平安宣传")
    return engine


def _lines_by_kind(engine, worker_id: int) -> dict[str, list[float]]:
    with Session(engine) as s:
        out: dict[str, list[float]] = {}
        for line in stored_lines(s, worker_id, MON, SUN):
            out.setdefault(line.kind, []).append(line.points)
    return out


def test_recompute_scores_every_source_with_caps_and_deductions(week):
    with Session(week) as s, s.begin():
        stored = recompute_scores(s, ADMIN, MON, SUN, as_of=AS_OF)
    assert stored > 0
    assert _lines_by_kind(week, 6) == {
        "checkin": [1.0, 0.0, 1.0, 1.0], "rental_house": [1.0], "dispute_mediation": [3.0],
        "incident_report": [2.0], "safety_publicity": [1.0], "late_incident": [-3.0],
        "overdue_inspection": [-2.0], "missed_checkin": [-2.0, -2.0]}
    assert _lines_by_kind(week, 7) == {"missed_checkin": [-2.0] * 5}
    with Session(week) as s:
        lines = stored_lines(s, 6, MON, SUN)
        assert {ln.source for ln in lines} >= {"checkins:1", "checkins:2", "inspections:1", "incidents:101",
                                               "incidents:103", "premises:1", "worker_tasks:1"}
        assert all(ln.source for ln in lines)
        total = s.scalar(select(func.sum(ScoreLineRow.points)).where(ScoreLineRow.worker_id == 6))
    assert total == pytest.approx(sum(ln.points for ln in lines)) == pytest.approx(1.0)


def test_recompute_replaces_the_period(week):
    for _ in range(2):
        with Session(week) as s, s.begin():
            stored = recompute_scores(s, ADMIN, MON, SUN, as_of=AS_OF)
    with Session(week) as s:
        assert s.scalar(select(func.count()).select_from(ScoreLineRow)) == stored


def test_a_township_supervisor_recomputes_only_their_workers(week):
    with Session(week) as s, s.begin():
        recompute_scores(s, HL_SUPERVISOR, MON, SUN, as_of=AS_OF)
    with Session(week) as s:
        assert set(s.scalars(select(ScoreLineRow.worker_id).distinct())) == {6, 7}


def test_manual_adjustment_needs_a_reason_and_is_scored(week):
    with Session(week) as s, s.begin():
        with pytest.raises(ScoringError, match="reason"):
            adjust_score(s, HL_SUPERVISOR, 6, MON, -5, "  ")
        adj_id = adjust_score(s, HL_SUPERVISOR, 6, MON, -5, "签到地点与走访点不符").id
        recompute_scores(s, ADMIN, MON, SUN, as_of=AS_OF)
    assert _lines_by_kind(week, 6)["manual"] == [-5.0]
    with Session(week) as s:
        [line] = [ln for ln in stored_lines(s, 6, MON, SUN) if ln.kind == "manual"]
    assert line.source == f"score_adjustments:{adj_id}" and "签到地点与走访点不符" in line.note


def test_manual_adjustment_refused_for_operators_and_outside_jurisdiction(week):
    with Session(week) as s, s.begin():
        with pytest.raises(PermissionError, match="may not change scores"):
            adjust_score(s, HL_OPERATOR, 6, MON, 2, "表现好")
        with pytest.raises(OutsideJurisdiction):
            adjust_score(s, HL_SUPERVISOR, 8, MON, 2, "表现好")


def test_unknown_task_category_is_refused(week):
    with Session(week) as s, pytest.raises(ScoringError, match="karaoke"):
        record_task(s, 6, "karaoke", at(MON, 9), "test")
