"""The dossier read, hand-made premises and edits, and QR label rows, on SQLite and PostgreSQL."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain import qr
from console.services.inspections import PremiseChanged, Visit, record_visit
from console.services.jurisdiction import OutsideJurisdiction
from console.services.premise_dossier import load_dossier, premise_ids_in, qr_labels
from console.services.premise_edit import (
    PremiseForm,
    PremiseInvalid,
    create_premise,
    grids_in,
    update_premise,
)
from console.services.qr_codes import installation_key
from console.services.seed.context import reset_sequences
from db.models import ChangeLog, Premise
from db.models_dossier import PremiseEdit
from tests.db.inspection_fixtures import (
    MINOR_ITEM,
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
FORM = PremiseForm(name="无证小作坊", type="enterprise", address="厦门市湖里区测试路88号", grid_id=6,
                   lon=118.11, lat=24.51, owner="张三", owner_phone="139 1234 0000",
                   licence_no="91350206ma2abc")


def _visit(s: Session, failed: dict, at: datetime) -> None:
    version = s.get(Premise, RESTAURANT).version
    record_visit(s, admin(), Visit(RESTAURANT, version, TEMPLATE, at, worker_id=6, failed=failed))
    s.commit()


def test_dossier_shows_why_red_and_the_whole_history(engine):
    build(engine)
    with Session(engine) as s:
        _visit(s, {SERIOUS_ITEM: "通道堆放杂物", MINOR_ITEM: None}, T0)
        d = load_dossier(s, admin(), RESTAURANT)
    assert d.status == "red"
    assert sorted((f.text, f.severity) for f in d.findings) == [("应急照明完好", "minor"), ("疏散通道畅通", "serious")]
    assert d.notice is not None and d.notice.deadline == date(2026, 12, 3)
    assert {text for text, _sev in d.notice.items} == {"疏散通道畅通", "应急照明完好"}
    assert d.owner_phone == OWNER_PHONE and d.workers == ((6, "网格员6"),) and d.checkins == ()
    assert [c.id for c in d.checklists] == [TEMPLATE] and len(d.checklists[0].items) == 3
    kinds = [e.kind for e in d.timeline]
    assert kinds.count("finding") == 2 and {"inspection", "notice", "sms"} <= set(kinds)
    with Session(engine) as s:
        assert qr.verify(installation_key(s), d.qr_payload, RESTAURANT).premise_code == d.code

    with Session(engine) as s:
        _visit(s, {}, T1)
        d = load_dossier(s, admin(), RESTAURANT)
    assert d.status == "green" and d.findings == () and d.notice is None
    assert [e.kind for e in d.timeline].count("resolved") == 2
    assert [e.at for e in d.timeline] == sorted((e.at for e in d.timeline), reverse=True)


def test_dossier_refuses_outside_jurisdiction(engine):
    build(engine)
    with Session(engine) as s, pytest.raises(OutsideJurisdiction):
        load_dossier(s, township_actor("/1/3/"), RESTAURANT)


def _build_for_inserts(engine) -> None:
    build(engine)
    with engine.begin() as conn:
        reset_sequences(conn, ["premises"])


def test_create_premise_writes_edits_and_change_log(engine):
    _build_for_inserts(engine)
    with Session(engine) as s:
        before = s.scalar(select(func.max(ChangeLog.id))) or 0
        pid = create_premise(s, admin(), FORM, now=T0)
        s.commit()
        p = s.get(Premise, pid)
        assert (p.status, p.org_path, p.owner_phone, p.licence_no) == ("green", "/1/2/4/6/", "13912340000",
                                                                         "91350206MA2ABC")
        assert p.next_inspection == T0.date() and "." not in p.code
        ops = s.scalars(select(ChangeLog.op)
                        .where(ChangeLog.id > before, ChangeLog.entity == "premise")).all()
        assert ops == ["insert"]
        d = load_dossier(s, admin(), pid)
    assert {e.subject for e in d.timeline if e.kind == "edit"} >= {"name", "type", "address", "owner_phone"}


@pytest.mark.parametrize(("change", "field"), [
    ({"name": "  "}, "name"), ({"owner_phone": "12345"}, "owner_phone"), ({"lat": 91.0}, "lat"),
    ({"licence_no": "含中文"}, "licence_no"), ({"grid_id": 4}, "grid_id"), ({"type": "castle"}, "type"),
])
def test_bad_field_is_named_and_nothing_written(engine, change, field):
    _build_for_inserts(engine)
    with Session(engine) as s:
        count = s.scalar(select(func.count()).select_from(Premise))
        with pytest.raises(PremiseInvalid) as info:
            create_premise(s, admin(), replace(FORM, **change), now=T0)
        s.rollback()
        assert info.value.field == field
        assert s.scalar(select(func.count()).select_from(Premise)) == count
        assert s.scalar(select(func.count()).select_from(PremiseEdit)) == 0


def test_grid_outside_jurisdiction_is_refused(engine):
    build(engine)
    with Session(engine) as s, pytest.raises(PremiseInvalid) as info:
        create_premise(s, township_actor("/1/3/"), FORM, now=T0)
    assert info.value.code == "outside_jurisdiction"
    with Session(engine) as s:
        assert [gid for gid, _name in grids_in(s, township_actor("/1/3/"))] == [8, 9]
        assert all(" · " in name for _gid, name in grids_in(s, admin()))


def test_update_records_old_and_new_and_refuses_a_stale_version(engine):
    build(engine)
    with Session(engine) as s:
        p = s.get(Premise, RESTAURANT)
        form = PremiseForm(p.name, p.type, p.address, 8, p.lon, p.lat, "李四", p.owner_phone, p.licence_no)
        version = p.version
        assert update_premise(s, admin(), RESTAURANT, version, form, now=T0) == 2
        s.commit()
        p = s.get(Premise, RESTAURANT)
        assert (p.grid_id, p.org_path, p.owner, p.version) == (8, "/1/3/5/8/", "李四", version + 1)
        edits = {(e.field, e.old_value, e.new_value) for e in s.scalars(select(PremiseEdit))}
        assert ("owner", None, "李四") in edits and ("grid_id", "6", "8") in edits
        with pytest.raises(PremiseChanged):
            update_premise(s, admin(), RESTAURANT, version, replace(form, owner="王五"), now=T1)
        s.rollback()
        assert s.get(Premise, RESTAURANT).owner == "李四"
        assert update_premise(s, admin(), RESTAURANT, version + 1, form, now=T1) == 0


def test_qr_labels_in_order_and_within_jurisdiction(engine):
    build(engine)
    with Session(engine) as s:
        ids = premise_ids_in(s, admin(), "/1/2/4/6/", 5)
        assert len(ids) == 5
        labels = qr_labels(s, admin(), list(reversed(ids)))
        key = installation_key(s)
        assert [qr.verify(key, label.payload).premise_id for label in labels] == list(reversed(ids))
        assert premise_ids_in(s, township_actor("/1/3/"), "/1/2/", 5) == []
        with pytest.raises(OutsideJurisdiction):
            qr_labels(s, township_actor("/1/3/"), ids[:1])
