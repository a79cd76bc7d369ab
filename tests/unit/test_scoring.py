"""Scoring rules: points per category, daily caps, each automatic deduction, manual changes, totals."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from console.domain.scoring import (
    CATEGORIES,
    CATEGORY_CODES,
    NOTE_TEMPLATES,
    CategoryRule,
    DueInspection,
    HandledIncident,
    ManualAdjustment,
    ScoringConfig,
    ScoringError,
    TaskRecord,
    incident_category,
    inspection_category,
    late_incident_lines,
    manual_line,
    missed_checkin_lines,
    note_message,
    overdue_inspection_lines,
    task_lines,
    totals,
)

DAY = date(2026, 11, 30)
CONFIG = ScoringConfig.default()


def _task(category: str, n: int, worker: int = 1, day: date = DAY) -> TaskRecord:
    return TaskRecord(worker, category, datetime.combine(day, datetime.min.time()) + timedelta(minutes=n),
                      f"tasks:{worker}{n}")


def test_twelve_categories_with_chinese_labels():
    assert len(CATEGORIES) == 12 == len(set(CATEGORY_CODES))
    assert dict(CATEGORIES)["incident_report"] == "事件上报"


@pytest.mark.parametrize("category", CATEGORY_CODES)
def test_each_category_earns_its_configured_points(category):
    config = ScoringConfig({c: CategoryRule(points=1.0 + i, daily_cap=100.0) for i, c in enumerate(CATEGORY_CODES)},
                           CONFIG.deductions)
    [line] = task_lines([_task(category, 1)], config)
    assert line.points == config.rules[category].points
    assert (line.kind, line.source, line.day) == (category, "tasks:11", DAY)


def test_daily_cap_gives_a_partial_award_then_zero_lines():
    config = ScoringConfig({**CONFIG.rules, "home_visit": CategoryRule(points=2.0, daily_cap=5.0)}, CONFIG.deductions)
    lines = task_lines([_task("home_visit", n) for n in range(4)], config)
    assert [ln.points for ln in lines] == [2.0, 2.0, 1.0, 0.0]
    assert lines[3].note == "daily cap 5 reached"
    next_day = task_lines([_task("home_visit", n) for n in range(3)] + [_task("home_visit", 0, day=DAY + timedelta(1))],
                          config)
    assert [ln.points for ln in next_day] == [2.0, 2.0, 1.0, 2.0]


def test_caps_are_per_worker_and_per_category():
    config = ScoringConfig({**CONFIG.rules, "checkin": CategoryRule(1.0, 1.0)}, CONFIG.deductions)
    lines = task_lines([_task("checkin", 1, worker=1), _task("checkin", 2, worker=1), _task("checkin", 3, worker=2),
                        _task("incident_report", 4, worker=1)], config)
    assert totals(lines) == {1: 1.0 + CONFIG.rules["incident_report"].points, 2: 1.0}


def test_unknown_category_is_refused():
    with pytest.raises(ScoringError, match="tasks:11"):
        task_lines([_task("karaoke", 1)], CONFIG)


def test_configuration_must_cover_every_category():
    with pytest.raises(ScoringError, match="lacks"):
        ScoringConfig({"checkin": CategoryRule(1, 1)}, {})


def test_overdue_inspection_deduction_once_on_first_late_day():
    due = [DueInspection(premise_id=5, worker_id=1, due=DAY, done_on=None),
           DueInspection(premise_id=6, worker_id=1, due=DAY, done_on=DAY),
           DueInspection(premise_id=7, worker_id=2, due=DAY, done_on=DAY + timedelta(3)),
           DueInspection(premise_id=8, worker_id=2, due=DAY + timedelta(30), done_on=None)]
    lines = overdue_inspection_lines(due, DAY, DAY + timedelta(6), CONFIG)
    assert [(ln.worker_id, ln.day, ln.points, ln.source) for ln in lines] == [
        (1, DAY + timedelta(1), -2.0, "premises:5"), (2, DAY + timedelta(1), -2.0, "premises:7")]
    assert overdue_inspection_lines(due, DAY + timedelta(2), DAY + timedelta(6), CONFIG) == []


def test_late_incident_deduction_closed_late_or_still_open():
    deadline = datetime(2026, 11, 28, 17, 0)
    incidents = [HandledIncident(1, 1, deadline, closed_at=deadline - timedelta(hours=1)),
                 HandledIncident(2, 1, deadline, closed_at=deadline + timedelta(hours=1)),
                 HandledIncident(3, 2, deadline, closed_at=None),
                 HandledIncident(4, 2, datetime(2026, 12, 5), closed_at=None)]
    lines = late_incident_lines(incidents, as_of=datetime(2026, 11, 30, 12), config=CONFIG)
    assert [(ln.source, ln.points, ln.day) for ln in lines] == [
        ("incidents:2", -3.0, deadline.date()), ("incidents:3", -3.0, deadline.date())]


def test_missed_checkin_deduction_per_duty_day_without_a_checkin():
    days = [DAY - timedelta(d) for d in range(5)]
    lines = missed_checkin_lines(7, days, {DAY, DAY - timedelta(2)}, CONFIG)
    assert [ln.day for ln in lines] == sorted(DAY - timedelta(d) for d in (1, 3, 4))
    assert all(ln.points == -2.0 and ln.kind == "missed_checkin" and ln.source.startswith("workers:7@")
               for ln in lines)


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_manual_change_without_a_reason_is_refused(reason):
    with pytest.raises(ScoringError, match="reason"):
        ManualAdjustment(worker_id=1, day=DAY, points=-5, reason=reason, by="supervisor")


def test_manual_change_becomes_a_traceable_line():
    adj = ManualAdjustment(worker_id=1, day=DAY, points=-5, reason="虚假签到", by="张主任", source="score_adjustments:9")
    line = manual_line(adj)
    assert (line.points, line.kind, line.source) == (-5, "manual", "score_adjustments:9")
    assert "虚假签到" in line.note
    with pytest.raises(ScoringError, match="saved"):
        manual_line(ManualAdjustment(worker_id=1, day=DAY, points=1, reason="补录", by="张主任"))


def test_total_is_the_sum_of_all_lines():
    lines = (task_lines([_task("home_visit", n) for n in range(3)] + [_task("checkin", 9, worker=2)], CONFIG)
             + missed_checkin_lines(1, [DAY], set(), CONFIG)
             + [manual_line(ManualAdjustment(1, DAY, 1.5, "表彰", "张主任", "score_adjustments:1"))])
    by_worker = totals(lines)
    assert by_worker[1] == pytest.approx(sum(ln.points for ln in lines if ln.worker_id == 1))
    assert by_worker == {1: 6.0 - 2.0 + 1.5, 2: 1.0}
    assert all(ln.source for ln in lines)


@pytest.mark.parametrize(("premise_type", "category"), [
    ("rental_house", "rental_house"), ("internet_cafe", "key_place_patrol"), ("shop", "home_visit")])
def test_inspections_score_by_premise_type(premise_type, category):
    assert inspection_category(premise_type) == category


@pytest.mark.parametrize(("key", "category"), [
    ("public_security", "security_hazard"), ("dispute", "dispute_mediation"), ("environment", "incident_report")])
def test_reported_incidents_score_by_category(key, category):
    assert incident_category(key) == category


def test_every_note_a_rule_writes_reads_back_as_its_message():
    """The console shows rule notes translated, so each note the rules store parses back to its template."""
    capped = ScoringConfig({**CONFIG.rules, "home_visit": CategoryRule(points=2.0, daily_cap=3.0)}, CONFIG.deductions)
    notes = [line.note for line in task_lines([_task("home_visit", n) for n in range(3)], capped) if line.note]
    notes += [line.note for line in overdue_inspection_lines(
        [DueInspection(premise_id=5, worker_id=1, due=DAY, done_on=None)], DAY, DAY + timedelta(2), CONFIG)]
    deadline = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=17)
    notes += [line.note for line in late_incident_lines(
        [HandledIncident(2, 1, deadline, closed_at=deadline + timedelta(hours=1))], deadline, CONFIG)]
    messages = [note_message(note) for note in notes]
    assert {m.template for m in messages if m is not None} == set(NOTE_TEMPLATES)
    assert [str(m) for m in messages] == notes
    assert note_message("张三: 补录走访记录") is None and note_message("") is None
