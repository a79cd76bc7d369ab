"""Rectification notices (整改通知): issued after a visit leaves findings open, closed when they are cleared.

A premise has at most one open notice: a new visit with findings supersedes the previous one (its items are
carried over while still open), and a visit that clears everything closes it. The owner is told by SMS."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.domain.inspections import RectificationPolicy
from console.services.changes import record_change
from console.services.sms_outbox import enqueue, is_mobile
from db.models import ChecklistItem, InspectionFinding, Premise, Setting
from db.models_inspection import RectificationItem, RectificationNotice

OPEN, CLOSED, SUPERSEDED = "open", "closed", "superseded"
POLICY_SETTINGS = {"yellow_days": "rectify_days_yellow", "red_days": "rectify_days_red"}


def policy_from_settings(session: Session) -> RectificationPolicy:
    """The center's periods (settings rectify_days_yellow / rectify_days_red), else 7 and 3 days."""
    values = {key: value for key, value in session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(list(POLICY_SETTINGS.values()))))}
    kwargs = {field: int(values[key]) for field, key in POLICY_SETTINGS.items() if key in values}
    return RectificationPolicy(**kwargs)


@dataclass(frozen=True)
class IssuedNotice:
    notice_id: int
    deadline: date
    sms_id: int | None


def _retire_open(session: Session, premise_id: int, state: str, now: datetime, actor: str) -> None:
    ids = session.scalars(select(RectificationNotice.id).where(RectificationNotice.premise_id == premise_id,
                                                               RectificationNotice.state == OPEN)).all()
    if ids:
        session.execute(update(RectificationNotice).where(RectificationNotice.id.in_(ids))
                        .values(state=state, closed_at=now))
        for notice_id in ids:
            record_change(session, "rectification_notice", notice_id, state, actor)


def close_open_notices(session: Session, premise_id: int, now: datetime, actor: str) -> None:
    _retire_open(session, premise_id, CLOSED, now, actor)


def sms_text(premise: Premise, items: list[tuple[str, str]], visit_day: date, deadline: date) -> str:
    listed = "；".join(f"{n}.{text}{'（严重）' if sev == 'serious' else ''}"
                      for n, (text, sev) in enumerate(items, start=1))
    return (f"【平安图】{premise.name}：{visit_day:%Y年%m月%d日}检查发现{len(items)}项问题需整改：{listed}。"
            f"请于{deadline:%Y年%m月%d日}前整改完毕，届时复查。")


def issue_notice(session: Session, premise: Premise, inspection_id: int, colour: str,
                 open_findings: list[InspectionFinding], deadline: date, *, now: datetime,
                 actor: str) -> IssuedNotice:
    """Supersede the open notice, list every open finding, queue the owner's SMS (mobile numbers only)."""
    _retire_open(session, premise.id, SUPERSEDED, now, actor)
    notice = RectificationNotice(premise_id=premise.id, inspection_id=inspection_id, org_path=premise.org_path,
                                 colour=colour, issued_at=now, deadline=deadline, state=OPEN)
    session.add(notice)
    session.flush()
    item_ids = {f.item_id for f in open_findings if f.item_id is not None}
    texts = {item_id: text for item_id, text in session.execute(
        select(ChecklistItem.id, ChecklistItem.text).where(ChecklistItem.id.in_(item_ids)))}
    items = [(texts.get(f.item_id, f.note or "检查发现的问题"), f.severity) for f in open_findings]
    session.add_all(RectificationItem(notice_id=notice.id, finding_id=f.id, text=text, severity=sev)
                    for f, (text, sev) in zip(open_findings, items, strict=True))
    record_change(session, "rectification_notice", notice.id, "insert", actor)
    sms_id = None
    if is_mobile(premise.owner_phone):
        message = enqueue(session, premise.owner_phone.replace(" ", "").replace("-", ""),
                          sms_text(premise, items, now.date(), deadline), actor=actor, now=now,
                          premise_id=premise.id, notice_id=notice.id)
        sms_id = message.id
    return IssuedNotice(notice.id, deadline, sms_id)


def open_notice_items(session: Session, premise_id: int) -> list[RectificationItem]:
    """Items of the premise's open notice whose finding is still unresolved (what the dossier lists)."""
    return list(session.scalars(
        select(RectificationItem).join(RectificationNotice, RectificationItem.notice_id == RectificationNotice.id)
        .join(InspectionFinding, RectificationItem.finding_id == InspectionFinding.id)
        .where(RectificationNotice.premise_id == premise_id, RectificationNotice.state == OPEN,
               InspectionFinding.resolved_at.is_(None)).order_by(RectificationItem.id)))
