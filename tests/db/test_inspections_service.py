"""Recording visits: colour, due date, notice and SMS follow the findings; races and jurisdiction refused."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.inspections import RectificationPolicy
from console.services.inspections import InspectionError, PremiseChanged, Visit, record_visit
from console.services.jurisdiction import OutsideJurisdiction
from console.services.rectification import open_notice_items
from db.models import ChangeLog, Inspection, Premise, Setting
from db.models_inspection import RectificationNotice, SmsMessage
from tests.db.inspection_fixtures import (
    MINOR_ITEM,
    OTHER_ITEM,
    OWNER_PHONE,
    RESTAURANT,
    SERIOUS_ITEM,
    TEMPLATE,
    admin,
    build,
    township_actor,
)

T0 = datetime(2026, 11, 30, 10, 0)
T1 = datetime(2026, 12, 3, 9, 30)


def _visit(session: Session, failed: dict, at: datetime) -> Visit:
    version = session.get(Premise, RESTAURANT).version
    return Visit(premise_id=RESTAURANT, expected_version=version, template_id=TEMPLATE, finished_at=at,
                 worker_id=6, failed=failed)


def test_serious_finding_turns_red_then_reinspection_turns_green(engine):
    build(engine)
    with Session(engine) as s:
        out = record_visit(s, admin(), _visit(s, {SERIOUS_ITEM: "通道堆放杂物", MINOR_ITEM: None}, T0))
        s.commit()
    assert (out.previous_colour, out.colour, out.new_findings) == ("green", "red", 2)
    with Session(engine) as s:
        p = s.get(Premise, RESTAURANT)
        assert (p.status, p.last_inspection, p.next_inspection) == ("red", date(2026, 11, 30), date(2026, 12, 3))
        notice = s.get(RectificationNotice, out.notice_id)
        assert (notice.state, notice.deadline, notice.colour) == ("open", date(2026, 12, 3), "red")
        sms = s.get(SmsMessage, out.sms_id)
        assert sms.phone == OWNER_PHONE and sms.state == "queued"
        assert "疏散通道畅通" in sms.body and "应急照明完好" in sms.body and "2026年12月03日" in sms.body
        assert [i.text for i in open_notice_items(s, RESTAURANT)] == ["疏散通道畅通", "应急照明完好"]
        ops = {(e, o) for e, o in s.execute(select(ChangeLog.entity, ChangeLog.op))}
        assert {("inspection", "insert"), ("premise", "update"), ("rectification_notice", "insert"),
                ("sms", "insert")} <= ops
    with Session(engine) as s:
        partial = record_visit(s, admin(), _visit(s, {MINOR_ITEM: None}, T1))
        s.commit()
    assert (partial.colour, partial.resolved_findings, partial.new_findings) == ("yellow", 1, 0)
    with Session(engine) as s:
        assert s.get(Premise, RESTAURANT).next_inspection == date(2026, 12, 10)
        assert s.get(RectificationNotice, out.notice_id).state == "superseded"
        cleared = record_visit(s, admin(), _visit(s, {}, datetime(2026, 12, 10, 9, 0)))
        s.commit()
    assert (cleared.colour, cleared.notice_id, cleared.sms_id) == ("green", None, None)
    with Session(engine) as s:
        p = s.get(Premise, RESTAURANT)
        assert (p.status, p.next_inspection) == ("green", date(2027, 1, 9))
        assert s.scalar(select(func.count()).select_from(RectificationNotice)
                        .where(RectificationNotice.state == "open")) == 0


def test_policy_from_settings(engine):
    build(engine)
    with Session(engine) as s:
        s.add(Setting(key="rectify_days_yellow", value="5"))
        s.flush()
        out = record_visit(s, admin(), _visit(s, {MINOR_ITEM: None}, T0))
        assert s.get(RectificationNotice, out.notice_id).deadline == date(2026, 12, 5)
        out2 = record_visit(s, admin(), _visit(s, {OTHER_ITEM: None}, T1), RectificationPolicy(red_days=1))
        assert out2.colour == "red" and out2.next_inspection == date(2026, 12, 4)


def test_stale_version_and_jurisdiction_refused(engine):
    build(engine)
    with Session(engine) as s:
        stale = Visit(premise_id=RESTAURANT, expected_version=s.get(Premise, RESTAURANT).version - 1,
                      template_id=TEMPLATE, finished_at=T0, failed={SERIOUS_ITEM: None})
        with pytest.raises(PremiseChanged, match="changed by someone else"):
            record_visit(s, admin(), stale)
        with pytest.raises(OutsideJurisdiction):
            record_visit(s, township_actor(), _visit(s, {}, T0))
        with pytest.raises(InspectionError, match="not on checklist"):
            record_visit(s, admin(), _visit(s, {99: None}, T0))
        s.rollback()
        assert s.scalar(select(func.count()).select_from(Inspection)) == 0


def test_concurrent_visit_loses_race(engine):
    build(engine)
    with Session(engine) as first, Session(engine) as second:
        v1, v2 = _visit(first, {SERIOUS_ITEM: None}, T0), _visit(second, {}, T0)
        record_visit(first, admin(), v1)
        first.commit()
        with pytest.raises(PremiseChanged):
            record_visit(second, admin(), v2)
        second.rollback()
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Inspection)) == 1
        assert s.get(Premise, RESTAURANT).status == "red"
