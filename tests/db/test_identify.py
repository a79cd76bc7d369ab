"""Map identify cards: the object's facts, and nothing across the jurisdiction boundary."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.identify import object_card
from console.services.jurisdiction import Actor
from db.models import Camera, Incident, OrgUnit, Premise, Worker

ADMIN = Actor(None, "admin", "admin", Role.ADMIN, 1, "/1/")
WEST = Actor(None, "west", "west", Role.OPERATOR, 2, "/1/2/")


@pytest.fixture
def district(engine):
    with engine.begin() as conn:
        conn.execute(insert(OrgUnit), [
            {"id": 1, "code": "350206000000", "name": "湖里区", "kind": "district", "path": "/1/"},
            {"id": 2, "code": "350206001000", "name": "湖里街道", "kind": "township", "parent_id": 1, "path": "/1/2/"},
            {"id": 3, "code": "350206002000", "name": "殿前街道", "kind": "township", "parent_id": 1, "path": "/1/3/"},
            {"id": 4, "code": "350206002004001", "name": "兴隆社区第01网格", "kind": "grid", "parent_id": 3,
             "path": "/1/3/4/"}])
        conn.execute(insert(Premise), [{
            "id": 7, "code": "P7", "name": "老街坊沙县小吃", "type": "restaurant", "address": "长乐路12号",
            "owner": "陈美玲", "owner_phone": "13905921234", "lon": 118.1, "lat": 24.5, "grid_id": 4,
            "org_path": "/1/3/4/", "status": "yellow", "inspection_cycle_days": 90,
            "next_inspection": date(2026, 12, 20), "updated_at": datetime(2026, 11, 30), "version": 1}])
        conn.execute(insert(Worker), [{"id": 5, "code": "W5", "name": "林志强", "phone": "13800000005",
                                       "grid_id": 4, "org_path": "/1/3/4/", "active": True}])
        conn.execute(insert(Camera), [{"id": 9, "code": "C9", "name": "长乐路口-01", "stream_url": "rtsp://x/1",
                                       "lon": 118.1, "lat": 24.5, "org_unit_id": 4, "org_path": "/1/3/4/",
                                       "online": True}])
        conn.execute(insert(Incident), [{
            "id": 11, "case_no": "HL2026-0000011", "source": "hotline_12345", "category": "dispute", "priority": 2,
            "title": "邻里噪音纠纷", "lon": 118.1, "lat": 24.5, "grid_id": 4, "org_path": "/1/3/4/",
            "level": "community", "state": "dispatched", "reported_at": datetime(2026, 11, 29, 9, 0),
            "version": 1}])
    return engine


def test_cards_carry_the_objects_facts(district):
    with Session(district) as s:
        premise = object_card(s, ADMIN, "premises", 7)
        incident = object_card(s, ADMIN, "incidents", 11)
        worker = object_card(s, ADMIN, "workers", 5)
        camera = object_card(s, ADMIN, "cameras", 9)
    assert premise.title == "老街坊沙县小吃"
    assert dict(premise.fields)["status"] == "yellow" and dict(premise.fields)["grid"] == "兴隆社区第01网格"
    assert dict(premise.fields)["next_inspection"] == date(2026, 12, 20)
    assert dict(incident.fields)["case_no"] == "HL2026-0000011" and dict(incident.fields)["state"] == "dispatched"
    assert worker.title == "林志强" and dict(worker.fields)["last_fix"] is None
    assert camera.title == "长乐路口-01" and dict(camera.fields)["org_unit"] == "兴隆社区第01网格"


def test_no_card_outside_the_jurisdiction_or_for_a_missing_object(district):
    with Session(district) as s:
        assert object_card(s, WEST, "premises", 7) is None
        assert object_card(s, WEST, "incidents", 11) is None
        assert object_card(s, ADMIN, "premises", 999) is None
        with pytest.raises(ValueError, match="no card for 'roads'"):
            object_card(s, ADMIN, "roads", 1)
