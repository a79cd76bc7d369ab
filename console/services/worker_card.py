"""A grid worker's card for a period: their stored score lines (each with the record it came from and what
that record is about), the manual adjustments with reasons, and the distance walked per day.

Read-only and jurisdiction-checked. The lines are the ones console.services.scoring stored, so the card's
total is exactly what the ranking shows for the worker."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.score_card import (
    CategoryMix,
    SourceRef,
    daily_points,
    parse_source,
    period_days,
    task_mix,
)
from console.domain.scoring import ScoreLine, ScoringError
from console.domain.tracks import distance_m
from console.services.jurisdiction import Actor, require_covers
from console.services.tracks import load_day_filtered
from db.models import CheckIn, Incident, Inspection, OrgUnit, Premise, Worker
from db.models_scoring import ScoreAdjustment, ScoreLineRow, WorkerTask


@dataclass(frozen=True)
class CardLine:
    """A stored score line, its parsed source, and the premise (if any) and a short text about the record."""

    id: int
    line: ScoreLine
    ref: SourceRef
    premise_id: int | None
    detail: str


@dataclass(frozen=True)
class Adjustment:
    id: int
    day: date
    points: float
    reason: str
    actor: str
    created_at: datetime


@dataclass(frozen=True)
class WorkerCard:
    worker_id: int
    code: str
    name: str
    grid: str
    start: date
    end: date
    lines: tuple[CardLine, ...]
    adjustments: tuple[Adjustment, ...]
    distance_m: dict[date, float]

    @property
    def total(self) -> float:
        return sum((c.line.points for c in self.lines), 0.0)

    @property
    def days(self) -> list[date]:
        return period_days(self.start, self.end)

    def daily_points(self) -> dict[date, float]:
        return daily_points((c.line for c in self.lines), self.start, self.end)

    def task_mix(self) -> dict[str, CategoryMix]:
        return task_mix(c.line for c in self.lines)

    def lines_of(self, day: date) -> list[CardLine]:
        return [c for c in self.lines if c.line.day == day]


def _details(session: Session, refs: list[SourceRef]) -> dict[tuple[str, int], tuple[int | None, str]]:
    """(table, id) → (premise id, text): the premise's name for inspections, check-ins, tasks at a premise and
    overdue premises; the title for incidents. One query per table."""
    ids: dict[str, set[int]] = {}
    for ref in refs:
        ids.setdefault(ref.table, set()).add(ref.id)
    out: dict[tuple[str, int], tuple[int | None, str]] = {}
    by_premise = {"inspections": (Inspection.id, Inspection.premise_id),
                  "checkins": (CheckIn.id, CheckIn.premise_id),
                  "worker_tasks": (WorkerTask.id, WorkerTask.premise_id)}
    for table, (id_col, premise_col) in by_premise.items():
        if table in ids:
            stmt = (select(id_col, premise_col, Premise.name)
                    .outerjoin(Premise, Premise.id == premise_col).where(id_col.in_(ids[table])))
            rows = session.execute(stmt)
            out.update({(table, i): (pid, name or "") for i, pid, name in rows})
    if "premises" in ids:
        rows = session.execute(select(Premise.id, Premise.name).where(Premise.id.in_(ids["premises"])))
        out.update({("premises", i): (i, name) for i, name in rows})
    if "incidents" in ids:
        rows = session.execute(select(Incident.id, Incident.title).where(Incident.id.in_(ids["incidents"])))
        out.update({("incidents", i): (None, title) for i, title in rows})
    return out


def _lines(session: Session, worker_id: int, start: date, end: date) -> list[CardLine]:
    columns = (ScoreLineRow.id, ScoreLineRow.worker_id, ScoreLineRow.day, ScoreLineRow.kind,
               ScoreLineRow.points, ScoreLineRow.source, ScoreLineRow.note)
    rows = session.execute(select(*columns)
                           .where(ScoreLineRow.worker_id == worker_id, ScoreLineRow.day.between(start, end))
                           .order_by(ScoreLineRow.day, ScoreLineRow.id)).all()
    refs = [parse_source(row.source) for row in rows]
    details = _details(session, refs)
    return [CardLine(row.id, ScoreLine(*row[1:]), ref, *details.get((ref.table, ref.id), (None, "")))
            for row, ref in zip(rows, refs)]


def daily_distances(session: Session, worker_id: int, days: list[date]) -> dict[date, float]:
    """Metres along the filtered fixes per day, as the replay measures them (0 for a day without fixes)."""
    out = {}
    for day in days:
        _, kept = load_day_filtered(session, worker_id, day)
        out[day] = distance_m(kept.lon, kept.lat)
    return out


def worker_card(session: Session, actor: Actor, worker_id: int, start: date, end: date,
                today: date | None = None) -> WorkerCard:
    """The card of one worker for [start, end]; distances stop at `today` (no fixes lie in the future)."""
    if end < start:
        raise ScoringError("the period ends before it starts")
    row = session.execute(select(Worker.code, Worker.name, Worker.org_path, OrgUnit.name)
                          .join(OrgUnit, OrgUnit.id == Worker.grid_id).where(Worker.id == worker_id)).first()
    if row is None:
        raise ScoringError(f"there is no worker with id {worker_id}")
    code, name, path, grid = row
    require_covers(actor, path, f"worker {code}")
    adjustments = session.execute(select(ScoreAdjustment.id, ScoreAdjustment.day, ScoreAdjustment.points,
                                         ScoreAdjustment.reason, ScoreAdjustment.actor,
                                         ScoreAdjustment.created_at)
                                  .where(ScoreAdjustment.worker_id == worker_id,
                                         ScoreAdjustment.day.between(start, end))
                                  .order_by(ScoreAdjustment.day, ScoreAdjustment.id))
    last = min(end, today or date.today())
    return WorkerCard(worker_id, code, name, grid, start, end, tuple(_lines(session, worker_id, start, end)),
                      tuple(Adjustment(*a) for a in adjustments),
                      daily_distances(session, worker_id, period_days(start, last)))
