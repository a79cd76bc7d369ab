"""Recording a visit (排查/走访): findings, the premise's colour and due date, the notice and the owner's SMS.

Everything one visit changes is written in the caller's transaction, so the map, the dossier and the outbox
never disagree. A visit assesses one checklist: items of that checklist not ticked this time clear their
open findings (that is what a re-inspection is); findings of other checklists stay as they were."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.domain import inspections as rules
from console.domain.inspections import RectificationPolicy
from console.domain.messages import Explained, explain
from console.services.changes import record_change
from console.services.jurisdiction import Actor, require_covers
from console.services.rectification import close_open_notices, issue_notice, policy_from_settings
from db.models import CheckIn, ChecklistItem, ChecklistTemplate, Inspection, InspectionFinding, Premise


class InspectionError(Explained, ValueError):
    """The visit cannot be recorded as given (unknown premise or item, wrong checklist); the message says
    which."""


class PremiseChanged(Explained, RuntimeError):
    """Someone else changed the premise since it was opened; nothing of this visit was written."""

    def __init__(self, premise_id: int, seen: int, current: int) -> None:
        super().__init__(explain("Premise {id} was changed by someone else (version {current}, you had {seen}); "
                                 "reopen it and record the visit again.", id=premise_id, current=current,
                                 seen=seen))
        self.premise_id = premise_id
        self.current_version = current


@dataclass(frozen=True)
class Visit:
    """What the worker reports: `failed` maps each ticked (non-compliant) item id to an optional note."""

    premise_id: int
    expected_version: int
    template_id: int
    finished_at: datetime
    worker_id: int | None = None
    failed: Mapping[int, str | None] = field(default_factory=dict)
    notes: str | None = None
    checkin_id: int | None = None


@dataclass(frozen=True)
class VisitOutcome:
    inspection_id: int
    colour: str
    previous_colour: str
    next_inspection: date | None
    new_findings: int
    resolved_findings: int
    notice_id: int | None
    sms_id: int | None


def open_findings(session: Session, premise_id: int) -> list[InspectionFinding]:
    return list(session.scalars(
        select(InspectionFinding).join(Inspection, InspectionFinding.inspection_id == Inspection.id)
        .where(Inspection.premise_id == premise_id, InspectionFinding.resolved_at.is_(None))
        .order_by(InspectionFinding.id)))


def _load(session: Session, actor: Actor, visit: Visit) -> tuple[Premise, dict[int, ChecklistItem]]:
    premise = session.get(Premise, visit.premise_id)
    if premise is None:
        raise InspectionError(explain("No premise with id {id}.", id=visit.premise_id))
    require_covers(actor, premise.org_path, explain("Premise {code}", code=premise.code))
    if premise.version != visit.expected_version:
        raise PremiseChanged(premise.id, visit.expected_version, premise.version)
    template = session.get(ChecklistTemplate, visit.template_id)
    if template is None or template.premise_type != premise.type:
        raise InspectionError(explain("Checklist {id} is not one for premises of type {premise_type}.",
                                      id=visit.template_id, premise_type=premise.type))
    items = {item.id: item for item in template.items}
    if unknown := sorted(set(visit.failed) - set(items)):
        raise InspectionError(explain("Items {ids} are not on checklist {name}.", ids=repr(unknown),
                                      name=template.name))
    return premise, items


def _checked_in_at(session: Session, visit: Visit) -> datetime | None:
    if visit.checkin_id is None:
        return None
    checkin = session.get(CheckIn, visit.checkin_id)
    if checkin is None or checkin.premise_id != visit.premise_id:
        raise InspectionError(explain("Check-in {id} is not one at this premise.", id=visit.checkin_id))
    return checkin.at


def record_visit(session: Session, actor: Actor, visit: Visit,
                 policy: RectificationPolicy | None = None) -> VisitOutcome:
    """Write the visit and everything that follows from it; raises PremiseChanged on a lost race."""
    premise, items = _load(session, actor, visit)
    policy = policy or policy_from_settings(session)
    now, day, who = visit.finished_at, visit.finished_at.date(), actor.username
    inspection = Inspection(premise_id=premise.id, worker_id=visit.worker_id, template_id=visit.template_id,
                            checked_in_at=_checked_in_at(session, visit), finished_at=now,
                            result_status=premise.status, notes=visit.notes)
    session.add(inspection)
    session.flush()
    still_open, resolved = [], 0
    for finding in open_findings(session, premise.id):
        if finding.item_id in items and finding.item_id not in visit.failed:
            finding.resolved_at = now
            resolved += 1
        else:
            still_open.append(finding)
    already = {f.item_id for f in still_open}
    new = [InspectionFinding(inspection_id=inspection.id, item_id=item_id, severity=items[item_id].severity,
                             note=note) for item_id, note in visit.failed.items() if item_id not in already]
    session.add_all(new)
    session.flush()
    still_open += new
    previous = premise.status
    colour = rules.colour_for((f.severity for f in still_open), previous)
    inspection.result_status = colour
    premise.status, premise.last_inspection, premise.updated_at = colour, day, now
    premise.next_inspection = rules.next_inspection(day, premise.inspection_cycle_days, colour, policy)
    try:
        session.flush()
    except StaleDataError:
        raise PremiseChanged(premise.id, visit.expected_version, visit.expected_version + 1) from None
    record_change(session, "inspection", inspection.id, "insert", who)
    record_change(session, "premise", premise.id, "update", who)
    deadline = policy.deadline(colour, day)
    issued = None
    if still_open and deadline is not None:
        issued = issue_notice(session, premise, inspection.id, colour, still_open, deadline, now=now, actor=who)
    elif not still_open:
        close_open_notices(session, premise.id, now, who)
    return VisitOutcome(inspection.id, colour, previous, premise.next_inspection, len(new), resolved,
                        issued.notice_id if issued else None, issued.sms_id if issued else None)
