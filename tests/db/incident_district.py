"""A hand-made district for the incident tests: square grids with boundaries, a department, workers, users.

    /1/          district   湖里区 (supervisor "sup", wall "wall")
    /1/2/        township   湖里街道 (operator "op")
    /1/2/3/      community  东渡社区
    /1/2/3/4/    grid       lon 118.10–118.11, lat 24.50–24.51   worker 1
    /1/2/3/5/    grid       lon 118.11–118.12, lat 24.50–24.51   worker 2
    /1/6/        department 区城管局
    /1/7/8/9/    grid of another township, lon 118.12–118.13      worker 3 (outside "op")
"""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.jurisdiction import Actor
from db.models import OrgUnit, User, Worker

T0 = datetime(2026, 11, 30, 9, 0)  # a Monday
GRID_BOXES = {4: (118.10, 118.11), 5: (118.11, 118.12), 9: (118.12, 118.13)}
UNITS = [
    (1, None, "350206000000", "湖里区", "district", "/1/"),
    (2, 1, "350206001000", "湖里街道", "township", "/1/2/"),
    (3, 2, "350206001001", "东渡社区", "community", "/1/2/3/"),
    (4, 3, "350206001001001", "东渡第一网格", "grid", "/1/2/3/4/"),
    (5, 3, "350206001001002", "东渡第二网格", "grid", "/1/2/3/5/"),
    (6, 1, "350206900001", "区城管局", "department", "/1/6/"),
    (7, 1, "350206002000", "殿前街道", "township", "/1/7/"),
    (8, 7, "350206002001", "高殿社区", "community", "/1/7/8/"),
    (9, 8, "350206002001001", "高殿第一网格", "grid", "/1/7/8/9/"),
]
GRID_CENTRES = {g: ((lo + hi) / 2, 24.505) for g, (lo, hi) in GRID_BOXES.items()}


def square(lon0: float, lon1: float) -> str:
    ring = [[lon0, 24.50], [lon1, 24.50], [lon1, 24.51], [lon0, 24.51], [lon0, 24.50]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def build(engine: Engine) -> None:
    with Session(engine) as s:
        for uid, parent, code, name, kind, path in UNITS:
            boundary = square(*GRID_BOXES[uid]) if uid in GRID_BOXES else None
            s.add(OrgUnit(id=uid, parent_id=parent, code=code, name=name, kind=kind, path=path,
                          boundary_geojson=boundary))
            s.flush()
        for uid, (username, role, unit) in enumerate(
                [("op", "operator", 2), ("sup", "supervisor", 1), ("wall", "wall", 1), ("w1", "operator", 4)],
                start=1):
            s.add(User(id=uid, username=username, display_name=username, password_hash="x", role=role,
                       org_unit_id=unit, active=True, created_at=T0))
        s.flush()
        for wid, grid in enumerate((4, 5, 9), start=1):
            s.add(Worker(id=wid, code=f"W{wid}", name=f"网格员{wid}", phone="13800000000", grid_id=grid,
                         org_path=UNITS[grid - 1][5], user_id=4 if wid == 1 else None))
        s.commit()


def actor(name: str) -> Actor:
    return {
        "op": Actor(1, "op", "op", Role.OPERATOR, 2, "/1/2/"),
        "sup": Actor(2, "sup", "sup", Role.SUPERVISOR, 1, "/1/"),
        "wall": Actor(3, "wall", "wall", Role.WALL, 1, "/1/"),
        "w1": Actor(4, "w1", "w1", Role.OPERATOR, 4, "/1/2/3/4/"),
    }[name]
