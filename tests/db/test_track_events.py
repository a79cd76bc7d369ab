"""A worker-day's check-ins and own reports, in time order, on both backends."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from console.services.track_events import CHECKIN, REPORT, day_events
from db.models import CheckIn, Incident
from tests.db.tiny_district import build_tiny_district

DAY = date(2026, 11, 27)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


@pytest.fixture
def district(engine):
    build_tiny_district(engine)
    with Session(engine) as s, s.begin():
        s.execute(insert(CheckIn), [
            {"worker_id": 6, "premise_id": 1, "at": at(9, 30), "lon": None, "lat": None, "flagged": False},
            {"worker_id": 6, "premise_id": 2, "at": at(8, 45), "lon": 118.2, "lat": 24.6, "flagged": True},
            {"worker_id": 6, "premise_id": 3, "at": at(9, 0, date(2026, 11, 28)), "flagged": False},
            {"worker_id": 7, "premise_id": 13, "at": at(9, 10), "flagged": False},
        ])
        s.execute(update(Incident).where(Incident.id == 60).values(reporter="W6", reported_at=at(10, 5),
                                                                      lon=118.3, lat=24.7))
        s.execute(update(Incident).where(Incident.id == 61).values(reporter="W6", reported_at=at(9, 30),
                                                                      source="citizen_app"))
        s.execute(update(Incident).where(Incident.id == 62)
                  .values(reporter="W6", reported_at=at(8, 0, date(2026, 11, 26))))
        s.execute(update(Incident).where(Incident.id == 70).values(reporter="W7", reported_at=at(11, 0)))
    return engine


def test_check_ins_and_own_reports_of_the_day_in_time_order(district):
    with Session(district) as s:
        events = day_events(s, 6, DAY)
    assert [(e.kind, e.at, e.ref) for e in events] == [
        (CHECKIN, at(8, 45), "P60002"), (CHECKIN, at(9, 30), "P60001"), (REPORT, at(10, 5), "C60")]
    far, premise, report = events
    assert (far.lon, far.lat, far.flagged) == (118.2, 24.6, True)
    assert (premise.lon, premise.lat, premise.flagged) == pytest.approx((118.1001, 24.5001, False))
    assert premise.title == "东渡第一网格 商铺 01"
    assert (report.lon, report.lat, report.title) == (118.3, 24.7, "事件60")


def test_a_day_without_field_work_has_no_events(district):
    with Session(district) as s:
        assert day_events(s, 8, DAY) == []
