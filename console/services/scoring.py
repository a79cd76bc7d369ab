"""Workers' scores in the database: field tasks, supervisors' adjustments, and score lines recomputed for a
period from their source records (check-ins, inspections, reported incidents, logged tasks, deductions).

Recomputing replaces the period's stored lines of the workers in the actor's jurisdiction in one
transaction, so a total read later is always the sum of lines that each name their record."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.domain.scoring import (
    CATEGORY_CODES,
    DueInspection,
    HandledIncident,
    ManualAdjustment,
    ScoreLine,
    ScoringConfig,
    ScoringError,
    TaskRecord,
    incident_category,
    inspection_category,
    late_incident_lines,
    manual_line,
    missed_checkin_lines,
    overdue_inspection_lines,
    task_lines,
)
from console.domain.work_calendar import CN_HOLIDAYS, CN_MAKEUP_WORKDAYS, WorkCalendar
from console.services.changes import record_change
from console.services.jurisdiction import Actor, require_covers, within
from db.models import CheckIn, Incident, Inspection, Premise, Worker
from db.models_scoring import ScoreAdjustment, ScoreLineRow, WorkerTask

CN_CALENDAR = WorkCalendar(CN_HOLIDAYS, CN_MAKEUP_WORKDAYS)
ADJUSTING_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def _day_range(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, datetime.min.time()), datetime.combine(end + timedelta(days=1), datetime.min.time())


def record_task(session: Session, worker_id: int, category: str, at: datetime, actor: str,
                premise_id: int | None = None, note: str | None = None) -> WorkerTask:
    """Log field work that has no table of its own (publicity, special groups…)."""
    if category not in CATEGORY_CODES:
        raise ScoringError(f"unknown task category {category!r}")
    task = WorkerTask(worker_id=worker_id, category=category, at=at, premise_id=premise_id, note=note)
    session.add(task)
    session.flush()
    record_change(session, "worker_tasks", task.id, "insert", actor)
    return task


def adjust_score(session: Session, actor: Actor, worker_id: int, day: date, points: float,
                 reason: str) -> ScoreAdjustment:
    """A supervisor's manual change; refused without a reason, outside the jurisdiction, or for other roles."""
    ManualAdjustment(worker_id, day, points, reason, actor.username)
    if actor.role not in ADJUSTING_ROLES:
        raise PermissionError(f"{actor.username} may not change scores; supervisors and administrators may.")
    worker = session.get(Worker, worker_id)
    if worker is None:
        raise ScoringError(f"there is no worker with id {worker_id}")
    require_covers(actor, worker.org_path, f"worker {worker.code}")
    row = ScoreAdjustment(worker_id=worker_id, day=day, points=points, reason=reason.strip(), actor=actor.username,
                          created_at=datetime.now())
    session.add(row)
    session.flush()
    record_change(session, "score_adjustments", row.id, "insert", actor.username)
    return row


def task_records(session: Session, worker_ids: list[int], start: date, end: date) -> list[TaskRecord]:
    """Every scored piece of work in [start, end] by these workers, with its source reference."""
    lo, hi = _day_range(start, end)
    ids = set(worker_ids)
    records = [TaskRecord(w, "checkin", at, f"checkins:{i}") for i, w, at in session.execute(
        select(CheckIn.id, CheckIn.worker_id, CheckIn.at).where(CheckIn.at >= lo, CheckIn.at < hi)) if w in ids]
    records += [TaskRecord(w, inspection_category(ptype), at, f"inspections:{i}") for i, w, at, ptype in session.execute(
        select(Inspection.id, Inspection.worker_id, Inspection.finished_at, Premise.type)
        .join(Premise, Premise.id == Inspection.premise_id)
        .where(Inspection.finished_at >= lo, Inspection.finished_at < hi)) if w in ids]
    codes = dict(session.execute(select(Worker.code, Worker.id).where(Worker.id.in_(ids))).all())
    records += [TaskRecord(codes[reporter], incident_category(cat), at, f"incidents:{i}")
                for i, reporter, cat, at in session.execute(
                    select(Incident.id, Incident.reporter, Incident.category, Incident.reported_at)
                    .where(Incident.source == "grid_worker", Incident.reporter.in_(codes),
                           Incident.reported_at >= lo, Incident.reported_at < hi))]
    records += [TaskRecord(w, cat, at, f"worker_tasks:{i}") for i, w, cat, at in session.execute(
        select(WorkerTask.id, WorkerTask.worker_id, WorkerTask.category, WorkerTask.at)
        .where(WorkerTask.at >= lo, WorkerTask.at < hi)) if w in ids]
    return records


def deduction_lines(session: Session, workers: dict[int, int], start: date, end: date, as_of: datetime,
                    config: ScoringConfig, calendar: WorkCalendar = CN_CALENDAR) -> list[ScoreLine]:
    """Automatic deductions for the workers given as {worker id: grid id}.

    Overdue inspections are read from premises' current due dates (an inspection moves the date on), so a
    premise still due before `as_of` is overdue; its grid's worker (lowest id) answers for it."""
    grid_worker: dict[int, int] = {}
    for worker_id, grid_id in sorted(workers.items()):
        grid_worker.setdefault(grid_id, worker_id)
    due = [DueInspection(pid, grid_worker[gid], next_due, None) for pid, gid, next_due in session.execute(
        select(Premise.id, Premise.grid_id, Premise.next_inspection)
        .where(Premise.next_inspection >= start - timedelta(days=1), Premise.next_inspection < as_of.date(),
               Premise.next_inspection < end)) if gid in grid_worker]
    lines = overdue_inspection_lines(due, start, end, config)
    lo, hi = _day_range(start, end)
    incidents = [HandledIncident(i, w, deadline, closed) for i, w, deadline, closed in session.execute(
        select(Incident.id, Incident.assignee_worker_id, Incident.deadline, Incident.closed_at)
        .where(Incident.assignee_worker_id.in_(workers), Incident.deadline >= lo, Incident.deadline < hi))]
    lines += late_incident_lines(incidents, as_of, config)
    last_duty = min(end, as_of.date() - timedelta(days=1))
    duty = [start + timedelta(days=n) for n in range((last_duty - start).days + 1)]
    duty = [d for d in duty if calendar.is_working_day(d)]
    checked: dict[int, set[date]] = defaultdict(set)
    for worker_id, at in session.execute(select(CheckIn.worker_id, CheckIn.at)
                                         .where(CheckIn.at >= lo, CheckIn.at < hi)):
        checked[worker_id].add(at.date())
    for worker_id in sorted(workers):
        lines += missed_checkin_lines(worker_id, duty, checked[worker_id], config)
    return lines


def compute_lines(session: Session, workers: dict[int, int], start: date, end: date, as_of: datetime,
                  config: ScoringConfig) -> list[ScoreLine]:
    lines = task_lines(task_records(session, list(workers), start, end), config)
    lines += deduction_lines(session, workers, start, end, as_of, config)
    adjustments = session.scalars(select(ScoreAdjustment).where(ScoreAdjustment.worker_id.in_(workers),
                                                                ScoreAdjustment.day.between(start, end)))
    lines += [manual_line(ManualAdjustment(a.worker_id, a.day, a.points, a.reason, a.actor,
                                           f"score_adjustments:{a.id}")) for a in adjustments]
    return lines


def recompute_scores(session: Session, actor: Actor, start: date, end: date, as_of: datetime | None = None,
                     config: ScoringConfig | None = None) -> int:
    """Replace the stored lines of [start, end] for the actor's workers; returns how many lines were stored."""
    if end < start:
        raise ScoringError("the period ends before it starts")
    config = config or ScoringConfig.default()
    as_of = as_of or datetime.now()
    rows = session.execute(select(Worker.id, Worker.grid_id, Worker.org_path).where(within(actor, Worker.org_path)))
    workers, paths = {}, {}
    for worker_id, grid_id, path in rows:
        workers[worker_id], paths[worker_id] = grid_id, path
    lines = compute_lines(session, workers, start, end, as_of, config)
    session.execute(delete(ScoreLineRow).where(ScoreLineRow.worker_id.in_(workers),
                                               ScoreLineRow.day.between(start, end)))
    if lines:
        session.execute(insert(ScoreLineRow), [
            {"worker_id": ln.worker_id, "org_path": paths[ln.worker_id], "day": ln.day, "kind": ln.kind,
             "points": ln.points, "source": ln.source, "note": ln.note[:300]} for ln in lines])
    record_change(session, "score_lines", None, "recompute", actor.username)
    return len(lines)


def stored_lines(session: Session, worker_id: int, start: date, end: date) -> list[ScoreLine]:
    rows = session.execute(select(ScoreLineRow.worker_id, ScoreLineRow.day, ScoreLineRow.kind, ScoreLineRow.points,
                                  ScoreLineRow.source, ScoreLineRow.note)
                           .where(ScoreLineRow.worker_id == worker_id, ScoreLineRow.day.between(start, end))
                           .order_by(ScoreLineRow.day, ScoreLineRow.id))
    return [ScoreLine(*row) for row in rows]
