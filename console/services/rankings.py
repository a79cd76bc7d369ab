"""Ranking tables for a period: workers, grids, communities or townships, with movement since the period
before, read from the stored score lines (console.services.scoring recomputes them).

Workers rank by their total. Units rank by points per worker, so a community with eight grids does not
outrank one with three merely by being larger; the sum is shown beside it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.ranking import competition_ranks, movement, previous_period
from console.services.jurisdiction import Actor, within
from console.services.orgs import path_ids
from db.models import OrgUnit, Worker
from db.models_scoring import ScoreLineRow

LEVELS = ("worker", "grid", "community", "township")


@dataclass(frozen=True)
class RankRow:
    rank: int
    id: int
    code: str
    name: str
    path: str
    workers: int
    total: float
    points: float
    previous_rank: int | None
    previous_points: float | None

    @property
    def movement(self) -> int | None:
        return movement(self.rank, self.previous_rank)


def _worker_totals(session: Session, actor: Actor, start: date, end: date) -> dict[int, float]:
    stmt = (select(ScoreLineRow.worker_id, func.sum(ScoreLineRow.points))
            .where(within(actor, ScoreLineRow.org_path), ScoreLineRow.day.between(start, end))
            .group_by(ScoreLineRow.worker_id))
    return {worker_id: float(total) for worker_id, total in session.execute(stmt)}


def _entities(session: Session, actor: Actor, level: str) -> tuple[dict[int, tuple[str, str, str]], dict[int, int]]:
    """(id → (code, name, path)) of the ranked entities, and worker id → the entity it counts for."""
    workers = session.execute(select(Worker.id, Worker.code, Worker.name, Worker.org_path)
                              .where(within(actor, Worker.org_path), Worker.active.is_(True))).all()
    if level == "worker":
        return {w.id: (w.code, w.name, w.org_path) for w in workers}, {w.id: w.id for w in workers}
    units = {u.id: (u.code, u.name, u.path) for u in session.execute(
        select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.path)
        .where(OrgUnit.kind == level, within(actor, OrgUnit.path)))}
    owner = {}
    for w in workers:
        unit_id = next((uid for uid in path_ids(w.org_path) if uid in units), None)
        if unit_id is not None:
            owner[w.id] = unit_id
    return units, owner


def _scores(totals: dict[int, float], owner: dict[int, int], entities: dict[int, tuple[str, str, str]],
            per_worker: bool) -> tuple[dict[int, float], dict[int, float], dict[int, int]]:
    """(ranking points, summed total, worker count) per entity; every entity appears, with 0 if idle."""
    total: dict[int, float] = defaultdict(float)
    count: dict[int, int] = defaultdict(int)
    for worker_id, entity_id in owner.items():
        total[entity_id] += totals.get(worker_id, 0.0)
        count[entity_id] += 1
    points = {e: (total[e] / count[e] if per_worker and count[e] else total[e]) for e in entities}
    return points, {e: total[e] for e in entities}, {e: count[e] for e in entities}


def rankings(session: Session, actor: Actor, level: str, start: date, end: date) -> list[RankRow]:
    """The ranking table of `level` in the actor's jurisdiction for [start, end], best first."""
    if level not in LEVELS:
        raise ValueError(f"no ranking level {level!r}; expected one of {', '.join(LEVELS)}")
    entities, owner = _entities(session, actor, level)
    per_worker = level != "worker"
    points, total, count = _scores(_worker_totals(session, actor, start, end), owner, entities, per_worker)
    prev_totals = _worker_totals(session, actor, *previous_period(start, end))
    prev_points, _, _ = _scores(prev_totals, owner, entities, per_worker)
    ranks = competition_ranks(points)
    had_lines = {owner[w] for w in prev_totals if w in owner}
    prev_ranks = competition_ranks({e: p for e, p in prev_points.items() if e in had_lines})
    rows = [RankRow(ranks[e], e, *entities[e], count[e], total[e], points[e], prev_ranks.get(e),
                    prev_points[e] if e in had_lines else None) for e in entities]
    return sorted(rows, key=lambda r: (r.rank, r.code))
