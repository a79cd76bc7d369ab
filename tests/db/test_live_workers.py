"""Last fix per active worker within the jurisdiction, on both backends; it drives the silence rule."""
from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from console.domain.live_status import OFFLINE, ONLINE, LiveRules, SilenceWatch
from console.services.live_workers import last_fixes
from console.services.users import actor_by_username
from db.models import GpsFix, Worker
from tests.db.tiny_district import build_tiny_district

NOW = datetime(2026, 11, 30, 10, 0)


def _fixes(engine) -> None:
    with Session(engine) as s, s.begin():
        s.execute(insert(GpsFix), [
            {"worker_id": 6, "t": datetime(2026, 11, 30, 9, 0), "lon": 118.1, "lat": 24.5},
            {"worker_id": 6, "t": datetime(2026, 11, 30, 9, 59, 30), "lon": 118.1, "lat": 24.5},
            {"worker_id": 7, "t": datetime(2026, 11, 30, 9, 20), "lon": 118.1, "lat": 24.5},
            {"worker_id": 8, "t": datetime(2026, 11, 30, 9, 58), "lon": 118.1, "lat": 24.5},
        ])
        s.execute(update(Worker).where(Worker.id == 8).values(active=False))


def test_last_fix_per_active_worker_in_the_jurisdiction(engine):
    build_tiny_district(engine)
    _fixes(engine)
    with Session(engine) as s:
        admin = [(f.worker_id, f.code, f.t) for f in last_fixes(s, actor_by_username(s, "admin"))]
        township = [f.worker_id for f in last_fixes(s, actor_by_username(s, "hl_op"))]
    assert admin == [(6, "W6", datetime(2026, 11, 30, 9, 59, 30)), (7, "W7", datetime(2026, 11, 30, 9, 20)),
                     (9, "W9", None)]
    assert township == [6, 7]


def test_silent_workers_from_the_database_raise_notices(engine):
    build_tiny_district(engine)
    _fixes(engine)
    rules = LiveRules(online_within_s=120, stale_within_s=900, duty_start=time(8, 30), duty_end=time(17, 30))
    with Session(engine) as s:
        fixes = {f.worker_id: f.t for f in last_fixes(s, actor_by_username(s, "admin"))}
    assert [rules.state(fixes[w], NOW) for w in (6, 7, 9)] == [ONLINE, OFFLINE, OFFLINE]
    raised, _ = SilenceWatch(rules).update(fixes, NOW)
    assert [(n.worker_id, n.silent_since) for n in raised] == [(7, datetime(2026, 11, 30, 9, 20)),
                                                               (9, datetime(2026, 11, 30, 8, 30))]
