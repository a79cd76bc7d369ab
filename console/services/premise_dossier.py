"""One premise's file (一户一档) as the dossier panel shows it, read in one go on a TaskRunner thread: base
data, the colour and the open findings that cause it, the signed QR payload, the open rectification notice,
the checklists to inspect it with, and the whole history (visits, findings, notices, SMS, edits, photos
added and removed) as one timeline. Also the rows a sheet of QR labels prints."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.messages import Explained, explain
from console.services.inspections import open_findings
from console.services.jurisdiction import (
    Actor,
    path_prefix_range,
    require_covers,
    within,
)
from console.services.qr_codes import premise_payload
from console.services.rectification import OPEN
from console.services.sms_outbox import outbox
from db.models import (
    CheckIn,
    ChecklistItem,
    ChecklistTemplate,
    Inspection,
    InspectionFinding,
    OrgUnit,
    Premise,
    Worker,
    WorkerGrid,
)
from db.models_dossier import PHOTO_FIELD, PremiseEdit
from db.models_inspection import RectificationItem, RectificationNotice


class PremiseNotFound(Explained, LookupError):
    """No premise with this id (deleted, or a stale link)."""


@dataclass(frozen=True)
class Finding:
    """An open finding: why the premise has its colour."""
    item_id: int | None
    text: str
    severity: str
    found_at: datetime


@dataclass(frozen=True)
class Checklist:
    id: int
    name: str
    items: tuple[tuple[int, str, str], ...]
    """(item id, text, severity) in checklist order."""


@dataclass(frozen=True)
class OpenNotice:
    id: int
    colour: str
    issued_at: datetime
    deadline: date
    items: tuple[tuple[str, str], ...]
    """(text, severity) of the items still to fix."""


@dataclass(frozen=True)
class TimelineEntry:
    """`kind`: inspection, finding, resolved, notice, sms, edit, photo_added, photo_removed. `state` is a colour, notice or SMS state."""
    at: datetime
    kind: str
    actor: str
    subject: str
    detail: str = ""
    state: str = ""


@dataclass(frozen=True)
class Dossier:
    id: int
    version: int
    code: str
    name: str
    type: str
    address: str
    owner: str | None
    owner_phone: str | None
    licence_no: str | None
    lon: float
    lat: float
    grid_id: int
    grid: str
    org_path: str
    workers: tuple[tuple[int, str], ...]
    """(worker id, name) of the grid's responsible workers."""
    status: str
    last_inspection: date | None
    next_inspection: date | None
    qr_payload: str
    findings: tuple[Finding, ...]
    notice: OpenNotice | None
    checklists: tuple[Checklist, ...]
    timeline: tuple[TimelineEntry, ...]
    """Newest first."""
    checkins: tuple[tuple[int, datetime, str, bool], ...]
    """Recent QR check-ins (id, time, worker, flagged as far away), newest first: what a visit is tied to."""


@dataclass(frozen=True)
class QrLabel:
    code: str
    name: str
    address: str
    payload: str


def load_premise(session: Session, actor: Actor, premise_id: int) -> Premise:
    """The premise, if it exists and lies in the actor's jurisdiction."""
    premise = session.get(Premise, premise_id)
    if premise is None:
        raise PremiseNotFound(explain("No premise with id {id}.", id=premise_id))
    require_covers(actor, premise.org_path, explain("Premise {code}", code=premise.code))
    return premise


def responsible_workers(session: Session, grid_id: int) -> tuple[tuple[int, str], ...]:
    """Workers assigned to the grid (several may share one), else those whose home grid it is."""
    rows = session.execute(select(Worker.id, Worker.name).join(WorkerGrid, WorkerGrid.worker_id == Worker.id)
                           .where(WorkerGrid.grid_id == grid_id, Worker.active).order_by(Worker.code)).all()
    if not rows:
        rows = session.execute(select(Worker.id, Worker.name).where(Worker.grid_id == grid_id, Worker.active)
                               .order_by(Worker.code)).all()
    return tuple((wid, name) for wid, name in rows)


def _checkins(session: Session, premise_id: int,
              limit: int = 10) -> tuple[tuple[int, datetime, str, bool], ...]:
    rows = session.execute(select(CheckIn.id, CheckIn.at, Worker.name, CheckIn.flagged)
                           .join(Worker, Worker.id == CheckIn.worker_id)
                           .where(CheckIn.premise_id == premise_id)
                           .order_by(CheckIn.at.desc()).limit(limit)).all()
    return tuple((cid, at, name, bool(flagged)) for cid, at, name, flagged in rows)


def checklists_for(session: Session, premise_type: str) -> tuple[Checklist, ...]:
    templates = session.scalars(select(ChecklistTemplate)
                                .where(ChecklistTemplate.premise_type == premise_type)
                                .order_by(ChecklistTemplate.id)).all()
    return tuple(Checklist(t.id, t.name, tuple((i.id, i.text, i.severity) for i in t.items))
                 for t in templates)


def _findings(session: Session, premise_id: int) -> tuple[Finding, ...]:
    rows = open_findings(session, premise_id)
    texts = _item_texts(session, (f.item_id for f in rows))
    found = {i.id: i.finished_at for i in session.scalars(
        select(Inspection).where(Inspection.id.in_(list({f.inspection_id for f in rows}))))}
    return tuple(Finding(f.item_id, texts.get(f.item_id, f.note or ""), f.severity, found[f.inspection_id])
                 for f in rows)


def _item_texts(session: Session, item_ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {i for i in item_ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(ChecklistItem.id, ChecklistItem.text)
                           .where(ChecklistItem.id.in_(list(wanted))))
    return {item_id: text for item_id, text in rows}


def _open_notice(session: Session, premise_id: int) -> OpenNotice | None:
    notice = session.scalars(select(RectificationNotice).where(RectificationNotice.premise_id == premise_id,
                                                               RectificationNotice.state == OPEN)
                             .order_by(RectificationNotice.id.desc()).limit(1)).first()
    if notice is None:
        return None
    items = session.execute(
        select(RectificationItem.text, RectificationItem.severity)
        .join(InspectionFinding, RectificationItem.finding_id == InspectionFinding.id)
        .where(RectificationItem.notice_id == notice.id, InspectionFinding.resolved_at.is_(None))
        .order_by(RectificationItem.id)).all()
    return OpenNotice(notice.id, notice.colour, notice.issued_at, notice.deadline,
                      tuple((text, sev) for text, sev in items))


def _visits(session: Session, premise_id: int) -> list[TimelineEntry]:
    rows = session.execute(
        select(Inspection, Worker.name, ChecklistTemplate.name)
        .outerjoin(Worker, Worker.id == Inspection.worker_id)
        .outerjoin(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .where(Inspection.premise_id == premise_id)).all()
    entries = [TimelineEntry(i.finished_at, "inspection", worker or "", template or "", i.notes or "",
                             i.result_status) for i, worker, template in rows]
    by_id = {i.id: (i, worker or "") for i, worker, _template in rows}
    findings = session.scalars(select(InspectionFinding)
                               .where(InspectionFinding.inspection_id.in_(list(by_id)))).all()
    texts = _item_texts(session, (f.item_id for f in findings))
    for f in findings:
        visit, worker = by_id[f.inspection_id]
        text = texts.get(f.item_id, f.note or "")
        entries.append(TimelineEntry(visit.finished_at, "finding", worker, text, f.note or "", f.severity))
        if f.resolved_at is not None:
            entries.append(TimelineEntry(f.resolved_at, "resolved", "", text, "", f.severity))
    return entries


def _notices_and_sms(session: Session, premise_id: int) -> list[TimelineEntry]:
    entries = [TimelineEntry(n.issued_at, "notice", "", str(n.id), n.deadline.isoformat(), n.state)
               for n in session.scalars(select(RectificationNotice)
                                        .where(RectificationNotice.premise_id == premise_id))]
    entries += [TimelineEntry(m.created_at, "sms", "", m.phone, m.last_error or m.body, m.state)
                for m in outbox(session, premise_id=premise_id, limit=500)]
    return entries


def _edit_entry(e: PremiseEdit) -> TimelineEntry:
    """A photo added or removed (premise_photos writes field "photo") names the file; any other field is
    an edit of the base data."""
    if e.field == PHOTO_FIELD:
        added = e.new_value is not None
        return TimelineEntry(e.at, "photo_added" if added else "photo_removed", e.actor,
                             (e.new_value if added else e.old_value) or "")
    return TimelineEntry(e.at, "edit", e.actor, e.field, e.new_value or "", e.old_value or "")


def _edits(session: Session, premise_id: int) -> list[TimelineEntry]:
    edits = session.scalars(select(PremiseEdit).where(PremiseEdit.premise_id == premise_id))
    return [_edit_entry(e) for e in edits]


def load_dossier(session: Session, actor: Actor, premise_id: int) -> Dossier:
    """Everything the panel shows; commits only the installation's QR key when this read created it."""
    p = load_premise(session, actor, premise_id)
    grid = session.get(OrgUnit, p.grid_id)
    payload = premise_payload(session, p)
    session.commit()
    timeline = _visits(session, p.id) + _notices_and_sms(session, p.id) + _edits(session, p.id)
    timeline.sort(key=lambda e: e.at, reverse=True)
    return Dossier(
        id=p.id, version=p.version, code=p.code, name=p.name, type=p.type, address=p.address, owner=p.owner,
        owner_phone=p.owner_phone, licence_no=p.licence_no, lon=p.lon, lat=p.lat, grid_id=p.grid_id,
        grid=grid.name if grid else str(p.grid_id), org_path=p.org_path,
        workers=responsible_workers(session, p.grid_id),
        status=p.status, last_inspection=p.last_inspection, next_inspection=p.next_inspection,
        qr_payload=payload, findings=_findings(session, p.id), notice=_open_notice(session, p.id),
        checklists=checklists_for(session, p.type), timeline=tuple(timeline),
        checkins=_checkins(session, p.id))


def qr_labels(session: Session, actor: Actor, premise_ids: Iterable[int]) -> list[QrLabel]:
    """Labels in the order asked, for the premises the actor may see; any other id is refused by name."""
    wanted = list(dict.fromkeys(premise_ids))
    rows = {p.id: p for p in session.scalars(select(Premise).where(Premise.id.in_(wanted)))}
    if missing := [pid for pid in wanted if pid not in rows]:
        raise PremiseNotFound(explain("No premise with id {id}.", id=missing[0]))
    for pid in wanted:
        require_covers(actor, rows[pid].org_path, explain("Premise {code}", code=rows[pid].code))
    labels = [QrLabel(rows[pid].code, rows[pid].name, rows[pid].address, premise_payload(session, rows[pid]))
              for pid in wanted]
    session.commit()
    return labels


def premise_ids_in(session: Session, actor: Actor, org_path: str, limit: int) -> list[int]:
    """The first `limit` premises (by code) under an org unit of the actor's: what a label sheet prints."""
    stmt = (select(Premise.id)
            .where(within(actor, Premise.org_path), path_prefix_range(Premise.org_path, org_path))
            .order_by(Premise.code).limit(limit))
    return list(session.scalars(stmt))
