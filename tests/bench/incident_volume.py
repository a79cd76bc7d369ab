"""A synthetic district with a million incidents, for the inbox benchmarks.

1 district, 10 townships × 10 communities × 10 grids, one department; incidents spread over two years, 94 %
finished like a real platform's, the rest across the open states with deadlines around the anchor."""
from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.domain.incident_sources import SOURCE_LABELS
from db.models import Incident, OrgUnit

ANCHOR = datetime(2026, 11, 30, 10, 0)
CATEGORIES = [f"cat{n:02d}" for n in range(24)]
OPEN = ["reported", "accepted", "filed", "dispatched", "signed", "handling", "handled", "verifying", "rework",
        "returned"]
WORDS = ["垃圾", "占道", "噪音", "油烟", "井盖", "路灯", "积水", "违建", "消防通道", "广告牌", "流浪犬", "漏水"]
CHUNK = 50_000


def _units() -> tuple[list[dict], list[tuple[int, str]]]:
    units = [{"id": 1, "parent_id": None, "code": "350299000000", "name": "基准区", "kind": "district", "path": "/1/"}]
    grids, next_id = [], 2
    for t in range(10):
        tid, next_id = next_id, next_id + 1
        units.append({"id": tid, "parent_id": 1, "code": f"350299{t + 1:03d}000", "name": f"街道{t}", "kind": "township",
                          "path": f"/1/{tid}/"})
        for c in range(10):
            cid, next_id = next_id, next_id + 1
            units.append({"id": cid, "parent_id": tid, "code": f"350299{t + 1:03d}{c + 1:03d}", "name": f"社区{t}-{c}",
                              "kind": "community", "path": f"/1/{tid}/{cid}/"})
            for g in range(10):
                gid, next_id = next_id, next_id + 1
                path = f"/1/{tid}/{cid}/{gid}/"
                units.append({"id": gid, "parent_id": cid, "code": f"350299{t + 1:03d}{c + 1:03d}{g + 1:03d}",
                                  "name": f"网格{t}-{c}-{g}", "kind": "grid", "path": path})
                grids.append((gid, path))
    units.append({"id": next_id, "parent_id": 1, "code": "350299900001", "name": "城管局", "kind": "department",
                      "path": f"/1/{next_id}/"})
    return units, grids


def build_volume(engine: Engine, total: int = 1_000_000, seed: int = 1, progress=print) -> int:
    """Fill an empty migrated database (or keep one already filled); returns the number of incidents."""
    with Session(engine) as s:
        have = s.scalar(select(func.count(Incident.id))) or 0
        if have:
            return have
    units, grids = _units()
    rng = np.random.default_rng(seed)
    with engine.begin() as conn:
        conn.execute(insert(OrgUnit), units)
    sources = list(SOURCE_LABELS)
    for start in range(0, total, CHUNK):
        n = min(CHUNK, total - start)
        grid_ix = rng.integers(0, len(grids), n)
        minutes = rng.integers(0, 2 * 365 * 24 * 60, n)
        finished = rng.random(n) < 0.94
        open_state = rng.integers(0, len(OPEN), n)
        deadline_h = rng.integers(-120, 240, n)
        rows = []
        for k in range(n):
            gid, path = grids[grid_ix[k]]
            reported = ANCHOR - timedelta(minutes=int(minutes[k]))
            state = ("closed" if k % 3 else "archived") if finished[k] else OPEN[open_state[k]]
            filed = state not in ("reported", "accepted")
            word = WORDS[(start + k) % len(WORDS)]
            rows.append({"case_no": f"B{start + k:09d}", "source": sources[(start + k) % len(sources)],
                             "category": CATEGORIES[(start + k * 7) % len(CATEGORIES)], "priority": 1 + (k % 4),
                             "title": f"{word}问题 {start + k}", "description": f"群众反映{word}", "address": f"测试路{k % 999}号",
                             "lon": 118.0 + float(rng.random()) * 0.2, "lat": 24.4 + float(rng.random()) * 0.2,
                             "grid_id": gid, "org_path": path, "level": "community", "state": state, "reported_at": reported,
                             "deadline": (ANCHOR + timedelta(hours=int(deadline_h[k])) if not finished[k]
                                       else reported + timedelta(days=3)) if filed else None,
                             "closed_at": reported + timedelta(days=2) if finished[k] else None, "version": 1})
        with engine.begin() as conn:
            conn.execute(insert(Incident), rows)
        progress(f"incidents {start + n}/{total}")
    _analyze(engine)
    return total


def _analyze(engine: Engine) -> None:
    """Statistics for the planners; on PostgreSQL also the visibility map that index-only counts need."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE incidents")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
