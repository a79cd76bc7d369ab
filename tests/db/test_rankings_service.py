"""Ranking tables from stored score lines: ties, per-worker unit points, movement, jurisdiction."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.jurisdiction import Actor
from console.services.rankings import rankings
from db.models_scoring import ScoreLineRow
from tests.db.tiny_district import GRID_PATHS, build_tiny_district

MON, SUN = date(2026, 11, 23), date(2026, 11, 29)
ADMIN = Actor(1, "admin", "区管理员", Role.ADMIN, 1, "/1/")
HL = Actor(4, "hl_sup", "湖里督查", Role.SUPERVISOR, 2, "/1/2/")
THIS_WEEK = {6: 4.0, 7: 9.0, 8: 9.0, 9: 1.0}
LAST_WEEK = {6: 10.0, 7: 5.0, 8: 8.0}


@pytest.fixture
def scored(engine):
    build_tiny_district(engine)
    rows = []
    for week_start, totals in ((MON, THIS_WEEK), (MON - timedelta(7), LAST_WEEK)):
        for worker_id, total in totals.items():
            # split each total over two lines on different days, one of them negative
            rows += [{"worker_id": worker_id, "org_path": GRID_PATHS[worker_id], "day": week_start, "kind": "checkin",
                      "points": total + 2.0, "source": f"checkins:{worker_id}", "note": ""},
                     {"worker_id": worker_id, "org_path": GRID_PATHS[worker_id], "day": week_start + timedelta(4),
                      "kind": "missed_checkin", "points": -2.0, "source": f"workers:{worker_id}@x", "note": ""}]
    with Session(engine) as s, s.begin():
        s.execute(insert(ScoreLineRow), rows)
    return engine


def test_worker_ranking_with_ties_and_movement(scored):
    with Session(scored) as s:
        rows = rankings(s, ADMIN, "worker", MON, SUN)
    assert [(r.code, r.rank, r.points, r.previous_rank, r.movement) for r in rows] == [
        ("W7", 1, 9.0, 3, 2), ("W8", 1, 9.0, 2, 1), ("W6", 3, 4.0, 1, -2), ("W9", 4, 1.0, None, None)]


def test_units_rank_by_points_per_worker(scored):
    with Session(scored) as s:
        communities = rankings(s, ADMIN, "community", MON, SUN)
        townships = rankings(s, ADMIN, "township", MON, SUN)
        grids = rankings(s, ADMIN, "grid", MON, SUN)
    assert [(r.name, r.rank, r.workers, r.total, r.points, r.previous_points, r.movement) for r in communities] == [
        ("东渡社区", 1, 2, 13.0, 6.5, 7.5, 0), ("高殿社区", 2, 2, 10.0, 5.0, 4.0, 0)]
    assert [(r.name, r.points) for r in townships] == [("湖里街道", 6.5), ("殿前街道", 5.0)]
    assert [r.id for r in grids] == [7, 8, 6, 9]


def test_a_township_sees_only_its_own(scored):
    with Session(scored) as s:
        rows = rankings(s, HL, "worker", MON, SUN)
        assert [(r.code, r.rank) for r in rows] == [("W7", 1), ("W6", 2)]
        assert [r.name for r in rankings(s, HL, "township", MON, SUN)] == ["湖里街道"]


def test_unknown_level_is_refused(scored):
    with Session(scored) as s, pytest.raises(ValueError, match="street"):
        rankings(s, ADMIN, "street", MON, SUN)
