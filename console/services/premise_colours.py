"""Bulk recomputation of every premise's colour from its open findings (after an import, a checklist edit or
a repair), in a few set-based statements rather than one visit at a time.

Rows that change get their version bumped, so an operator editing one of them is told it changed; black
(取缔) is a decision and never recomputed."""
from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from console.domain.inspections import BLACK, GREEN, RED, SERIOUS, YELLOW
from console.services.changes import record_change
from console.services.jurisdiction import Actor, within
from db.models import Inspection, InspectionFinding, Premise

CHUNK = 5_000


def _worst_open(session: Session, actor: Actor) -> dict[int, str]:
    rank = func.max(case((InspectionFinding.severity == SERIOUS, 2), else_=1))
    rows = session.execute(
        select(Inspection.premise_id, rank)
        .join(Premise, Premise.id == Inspection.premise_id)
        .join(InspectionFinding, InspectionFinding.inspection_id == Inspection.id)
        .where(InspectionFinding.resolved_at.is_(None), within(actor, Premise.org_path))
        .group_by(Inspection.premise_id))
    return {pid: (RED if worst == 2 else YELLOW) for pid, worst in rows}


def recompute_colours(session: Session, actor: Actor, *, now: datetime | None = None) -> Counter[str]:
    """Set each non-black premise in the actor's jurisdiction to the colour its open findings call for;
    returns how many premises turned to each colour. The caller commits."""
    worst = _worst_open(session, actor)
    changes: dict[str, list[int]] = {GREEN: [], YELLOW: [], RED: []}
    for pid, status in session.execute(select(Premise.id, Premise.status)
                                       .where(within(actor, Premise.org_path), Premise.status != BLACK)):
        target = worst.get(pid, GREEN)
        if target != status:
            changes[target].append(pid)
    stamp = now or datetime.now()
    for colour, ids in changes.items():
        for start in range(0, len(ids), CHUNK):
            session.execute(update(Premise).where(Premise.id.in_(ids[start:start + CHUNK]))
                            .values(status=colour, version=Premise.version + 1, updated_at=stamp)
                            .execution_options(synchronize_session=False))
    counts = Counter({colour: len(ids) for colour, ids in changes.items() if ids})
    if counts:
        record_change(session, "premise", None, "recolour", actor.username)
    return counts
