"""Grid workers (one per grid), the demo sign-in accounts, and the settings that say how the data was made.

Accounts go through console.services.users.create_user (argon2 hashing, change_log rows) like any other
user; there are only a dozen because each hash deliberately costs a noticeable fraction of a second."""
from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
from sqlalchemy.orm import Session

from console.domain.names import imeis, mobile_numbers, person_names
from console.services.seed.context import SEED_ACTOR, SeedContext
from console.services.seed.orgunits import OrgTree
from console.services.users import create_user
from db.models import Setting, Worker, WorkerGrid

DEMO_PASSWORD = "pingan2026"
DEMO_OPERATOR = "operator"


@dataclass(frozen=True)
class WorkerSet:
    """Worker i serves grid i (same index as OrgTree.grids)."""

    ids: np.ndarray
    names: list[str]
    codes: list[str]


def seed_workers(ctx: SeedContext, tree: OrgTree) -> WorkerSet:
    rng = ctx.rng("workers")
    n = len(tree.grids)
    names, _ = person_names(rng, n)
    ids = np.arange(1, n + 1)
    grid_ids = np.array([g.id for g in tree.grids])
    codes = [f"W{g.code}" for g in tree.grids]
    ctx.insert(Worker, {
        "id": ids, "code": codes, "name": names,
        "phone": mobile_numbers(rng, n), "device_id": imeis(rng, n), "grid_id": grid_ids,
        "org_path": [g.path for g in tree.grids], "user_id": [None] * n, "active": [True] * n,
    }, report=False)
    ctx.insert(WorkerGrid, {"worker_id": ids, "grid_id": grid_ids}, report=False)
    return WorkerSet(ids, names, codes)


def township_operator(code: str) -> str:
    """'op_350206001': the operator account of a street office (first 9 digits of its code)."""
    return f"op_{code[:9]}"


def seed_users(ctx: SeedContext, tree: OrgTree) -> int:
    district = tree.district.code
    accounts = [("admin", "admin", district, "系统管理员"), (DEMO_OPERATOR, "operator", district, "区坐席员"),
                ("supervisor", "supervisor", district, "区督查员"), ("wall", "wall", district, "指挥大屏")]
    accounts += [(township_operator(t.code), "operator", t.code, f"{t.name}坐席员") for t in tree.townships]
    with Session(bind=ctx.conn) as session:
        for i, (username, role, org_code, display) in enumerate(accounts):
            create_user(session, username, DEMO_PASSWORD, role, org_code, display_name=display, actor=SEED_ACTOR)
            ctx.progress.update((i + 1) / len(accounts))
        session.flush()
    return len(accounts)


def seed_settings(ctx: SeedContext) -> int:
    facts = {"district": ctx.data.code, "scale": ctx.scale.name, "seed": ctx.seed, "anchor": ctx.anchor.isoformat()}
    return ctx.insert(Setting, {"key": ["demo_operator", "seed"],
                                "value": [DEMO_OPERATOR, json.dumps(facts, sort_keys=True)]}, report=False)
