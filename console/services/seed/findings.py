"""Why a seeded premise is yellow or red: the visit that found its problems, the open findings, the open
rectification notice with its items, and the owner's SMS — the same rows console.services.inspections
writes for a real visit, so the dossier explains every colour on the demo map.

A red premise has one serious finding (and sometimes a minor one), a yellow premise one or two minor ones,
all ticked on one checklist of its type by its grid's worker on the day of its last visit; colour_for of
the open findings gives back the seeded colour. Green and black (closed down by decision) have none. The
SMS went out at the visit, so it is recorded as sent."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

import numpy as np

from console.domain.inspections import RED, SERIOUS, YELLOW, colour_for
from console.services.rectification import OPEN, sms_text
from console.services.seed.checklists import SeededTemplate, checklist_layout
from console.services.seed.context import SeedContext
from console.services.seed.orgunits import OrgTree
from console.services.seed.people import WorkerSet
from console.services.seed.premises import POLICY, PremiseSet
from console.services.sms_outbox import SENT, is_mobile
from db.models import Inspection, InspectionFinding, Premise
from db.models_inspection import RectificationItem, RectificationNotice, SmsMessage

TABLES = ("inspections", "inspection_findings", "rectification_notices", "rectification_items", "sms_outbox")


def _pick(rng: np.random.Generator, template: SeededTemplate, colour: str) -> list[tuple[int, str, str]]:
    serious = [i for i in template.items if i[2] == SERIOUS]
    minor = [i for i in template.items if i[2] != SERIOUS]
    if colour == RED:
        chosen = [serious[int(rng.integers(len(serious)))]]
        extra = int(rng.integers(0, 2))
    else:
        chosen, extra = [], int(rng.integers(1, 3))
    picks = rng.choice(len(minor), size=min(extra, len(minor)), replace=False).tolist()
    return chosen + [minor[k] for k in sorted(picks)]


def seed_findings(ctx: SeedContext, tree: OrgTree, premises: PremiseSet, workers: WorkerSet) -> dict[str, int]:
    """Rows written per table (TABLES)."""
    rng = ctx.rng("findings")
    by_type: dict[str, list[SeededTemplate]] = defaultdict(list)
    for template in checklist_layout():
        by_type[template.premise_type].append(template)
    cols: dict[str, dict[str, list]] = {t: defaultdict(list) for t in TABLES}
    for k in np.flatnonzero(np.isin(premises.status, [YELLOW, RED])).tolist():
        colour, finished = str(premises.status[k]), premises.visited[k]
        templates = by_type[str(premises.types[k])]
        template = templates[int(rng.integers(len(templates)))]
        items = _pick(rng, template, colour)
        assert colour_for(severity for _, _, severity in items) == colour
        pid, grid = int(premises.ids[k]), int(premises.grid[k])
        inspection_id = len(cols["inspections"]["id"]) + 1
        _add(cols["inspections"], id=inspection_id, premise_id=pid, worker_id=int(workers.ids[grid]),
             template_id=template.id, checked_in_at=finished - timedelta(minutes=int(rng.integers(10, 45))),
             finished_at=finished, result_status=colour, notes=None)
        notice_id = len(cols["rectification_notices"]["id"]) + 1
        _add(cols["rectification_notices"], id=notice_id, premise_id=pid, inspection_id=inspection_id,
             org_path=tree.grids[grid].path, colour=colour, issued_at=finished,
             deadline=POLICY.deadline(colour, finished.date()), state=OPEN, closed_at=None)
        for item_id, text, severity in items:
            finding_id = len(cols["inspection_findings"]["id"]) + 1
            _add(cols["inspection_findings"], id=finding_id, inspection_id=inspection_id, item_id=item_id,
                 severity=severity, note=None, resolved_at=None)
            _add(cols["rectification_items"], id=len(cols["rectification_items"]["id"]) + 1, notice_id=notice_id,
                 finding_id=finding_id, text=text, severity=severity)
        phone = premises.phones[k]
        if is_mobile(phone):
            _sms(cols["sms_outbox"], premises.names[k], phone, items, finished, pid, notice_id,
                 POLICY.deadline(colour, finished.date()))
    models = (Inspection, InspectionFinding, RectificationNotice, RectificationItem, SmsMessage)
    return {table: ctx.insert(model, dict(cols[table]), report=False) if cols[table] else 0
            for table, model in zip(TABLES, models, strict=True)}


def _add(columns: dict[str, list], **values) -> None:
    for key, value in values.items():
        columns[key].append(value)


def _sms(columns: dict[str, list], name: str, phone: str, items, at: datetime, premise_id: int, notice_id: int,
         deadline) -> None:
    body = sms_text(Premise(name=name), [(text, sev) for _, text, sev in items], at.date(), deadline)
    sent = at + timedelta(minutes=1)
    _add(columns, id=len(columns["id"]) + 1, phone=phone, body=body, premise_id=premise_id, notice_id=notice_id,
         state=SENT, attempts=1, next_attempt_at=at, last_error=None, created_at=at, sent_at=sent)
