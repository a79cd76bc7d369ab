"""The tiny district plus one restaurant checklist, an owner with a mobile number and worker grids."""
from __future__ import annotations

from sqlalchemy.orm import Session

from console.domain.roles import Role
from console.services.jurisdiction import Actor
from db.models import ChecklistItem, ChecklistTemplate, Premise, WorkerGrid
from tests.db.tiny_district import GRID_PATHS, build_tiny_district

RESTAURANT = 4  # grid 6, green, type restaurant
TEMPLATE = 1
SERIOUS_ITEM, MINOR_ITEM, OTHER_ITEM = 1, 2, 3
OWNER_PHONE = "13912345678"


def admin() -> Actor:
    return Actor(user_id=1, username="admin", display_name="admin", role=Role.ADMIN, org_unit_id=1, org_path="/1/")


def township_actor(path: str = "/1/3/") -> Actor:
    return Actor(user_id=3, username="dq_op", display_name="dq", role=Role.OPERATOR, org_unit_id=3, org_path=path)


def build(engine) -> None:
    build_tiny_district(engine)
    with Session(engine) as s:
        s.add(ChecklistTemplate(id=TEMPLATE, name="餐饮店消防安全检查表", premise_type="restaurant"))
        s.flush()
        for pos, (text, sev) in enumerate([("疏散通道畅通", "serious"), ("应急照明完好", "minor"),
                                           ("灭火器有效", "serious")], start=1):
            s.add(ChecklistItem(id=pos, template_id=TEMPLATE, position=pos, text=text, severity=sev))
        s.get(Premise, RESTAURANT).owner_phone = OWNER_PHONE
        s.add_all(WorkerGrid(worker_id=g, grid_id=g) for g in GRID_PATHS)
        s.commit()
