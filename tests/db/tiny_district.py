"""A hand-built district small enough to know every count by heart, for jurisdiction and GUI tests.

District 1 (湖里区) has two townships, each with one community of two grids, and one department:

    /1/                district  350206000000  湖里区
    /1/2/              township  350206001000  湖里街道      (operator "hl_op")
    /1/2/4/            community 350206001001  东渡社区
    /1/2/4/6/, /1/2/4/7/  grids  东渡第一网格, 东渡第二网格
    /1/3/              township  350206002000  殿前街道      (operator "dq_op")
    /1/3/5/            community 350206002001  高殿社区
    /1/3/5/8/, /1/3/5/9/  grids  高殿第一网格, 高殿第二网格
    /1/10/             department 350206900001 区城管局

Grid g gets PREMISES_PER_GRID[g] premises named "<grid> 商铺 NN", one worker each, and incidents in
INCIDENT_STATES (two of which are finished); the district admin is "admin"."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.services.users import hash_password
from db.models import Incident, OrgUnit, Premise, Setting, User, Worker

UNITS = [
    (1, None, "350206000000", "湖里区", "district", "/1/"),
    (2, 1, "350206001000", "湖里街道", "township", "/1/2/"),
    (3, 1, "350206002000", "殿前街道", "township", "/1/3/"),
    (4, 2, "350206001001", "东渡社区", "community", "/1/2/4/"),
    (5, 3, "350206002001", "高殿社区", "community", "/1/3/5/"),
    (6, 4, "350206001001001", "东渡第一网格", "grid", "/1/2/4/6/"),
    (7, 4, "350206001001002", "东渡第二网格", "grid", "/1/2/4/7/"),
    (8, 5, "350206002001001", "高殿第一网格", "grid", "/1/3/5/8/"),
    (9, 5, "350206002001002", "高殿第二网格", "grid", "/1/3/5/9/"),
    (10, 1, "350206900001", "区城管局", "department", "/1/10/"),
]
GRID_PATHS = {6: "/1/2/4/6/", 7: "/1/2/4/7/", 8: "/1/3/5/8/", 9: "/1/3/5/9/"}
PREMISES_PER_GRID = {6: 12, 7: 9, 8: 15, 9: 6}
INCIDENT_STATES = ["reported", "handling", "closed", "dispatched", "rejected"]
OPEN_PER_GRID = 3
STATUSES = ["green", "yellow", "red", "black"]
TYPES = ["shop", "restaurant", "rental_house"]
PASSWORD = "secret-pass-1"


def premise_name(grid_id: int, n: int) -> str:
    return f"{UNITS[grid_id - 1][3]} 商铺 {n:02d}"


def build_tiny_district(engine: Engine) -> None:
    """Fill an empty, migrated database; ids are fixed so tests can name paths."""
    now = datetime(2026, 11, 30, 9, 0)
    with Session(engine) as s:
        for uid, parent, code, name, kind, path in UNITS:
            s.add(OrgUnit(id=uid, parent_id=parent, code=code, name=name, kind=kind, path=path))
            s.flush()
        pid = 0
        for grid_id, path in GRID_PATHS.items():
            for n in range(1, PREMISES_PER_GRID[grid_id] + 1):
                pid += 1
                s.add(Premise(id=pid, code=f"P{grid_id}{n:04d}", name=premise_name(grid_id, n),
                              type=TYPES[n % len(TYPES)], address=f"厦门市湖里区测试路{pid}号",
                              lon=118.1 + pid * 1e-4, lat=24.5 + pid * 1e-4, grid_id=grid_id, org_path=path,
                              status=STATUSES[n % len(STATUSES)], inspection_cycle_days=30,
                              next_inspection=date(2026, 12, 1) + timedelta(days=n), updated_at=now))
            s.add(Worker(id=grid_id, code=f"W{grid_id}", name=f"网格员{grid_id}", phone="13800000000",
                         grid_id=grid_id, org_path=path))
            for k, state in enumerate(INCIDENT_STATES):
                iid = grid_id * 10 + k
                s.add(Incident(id=iid, case_no=f"C{iid}", source="grid_worker", category="environment",
                               priority=2, title=f"事件{iid}", lon=118.1, lat=24.5, grid_id=grid_id,
                               org_path=path, state=state, reported_at=now,
                               assignee_org_id=10 if state == "dispatched" else None))
        pw = hash_password(PASSWORD)
        for uid, (username, role, unit) in enumerate(
                [("admin", "admin", 1), ("hl_op", "operator", 2), ("dq_op", "operator", 3)], start=1):
            s.add(User(id=uid, username=username, display_name=f"{username} 用户", password_hash=pw,
                       role=role, org_unit_id=unit, active=True, created_at=now))
        s.add(Setting(key="demo_operator", value="hl_op"))
        s.commit()
