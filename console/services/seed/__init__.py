"""Seed an empty database with a demo district (湖里区, Xiamen): real divisions, POIs and streets, generated
boundaries, premises, workers, cameras, two years of incidents and a day of GPS tracks.

One transaction for everything: a failure half-way leaves the database exactly as it was. The same
(seed, anchor, scale) always gives the same rows; only password hashes and timestamps of the writing
itself (users.created_at, change_log.at) differ between runs."""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from console.services.seed import cameras, checklists, findings, fixes, incidents, orgunits, people, premises
from console.services.seed.context import (
    SCALES,
    SEED_ACTOR,
    Progress,
    SeedContext,
    insert_columns,
    reset_sequences,
)
from console.services.seed.reference import SUPPORTED_DISTRICTS, load_district
from db.models import ChangeLog, OrgUnit
from db.spatial import drop_spatial_index, install_spatial_index

__all__ = ["SCALES", "SeedError", "SeedSummary", "seed_district"]

_EXPLICIT_ID_TABLES = ("org_units", "workers", "premises", "checklist_templates", "checklist_items", "cameras",
                       "incidents", "incident_history", "gps_fixes", *findings.TABLES)


class SeedError(ValueError):
    """Seeding refused before anything was written; the text says why in one sentence."""


@dataclass(frozen=True)
class SeedSummary:
    """Rows written per table, and how long it took."""

    org_units: int
    users: int
    workers: int
    worker_grids: int
    premises: int
    checklist_templates: int
    checklist_items: int
    inspections: int
    inspection_findings: int
    rectification_notices: int
    rectification_items: int
    sms_outbox: int
    cameras: int
    incidents: int
    incident_history: int
    gps_fixes: int
    settings: int
    change_log: int
    elapsed_s: float

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if k != "elapsed_s"}

    def describe(self) -> str:
        return ", ".join(f"{k} {v:,}" for k, v in self.counts().items())


def _stage_weights(scale) -> dict[str, float]:
    """Rough seconds each stage takes (measured on SQLite), so the overall fraction advances evenly;
    argon2 hashing makes 'users' a few seconds at any scale."""
    return {"org units": 0.5 + scale.grids / 400, "users": 3.5, "workers": 0.1, "checklists": 0.1,
            "premises": 0.5 + scale.premises / 12_000, "findings": 0.1 + scale.premises / 50_000,
            "cameras": 0.2, "incidents": 1.0 + scale.incidents / 4_700,
            "gps fixes": 0.5 + scale.grids / 100, "spatial index": 0.2 + (scale.incidents + scale.premises) / 36_000}


def _normalise_district(code: str) -> str:
    code = code.strip()
    return code[:6] if len(code) == 12 and code.endswith("000000") else code


def seed_district(engine: Engine, *, district_code: str = "350206", scale: str = "small", seed: int = 1,
                  anchor: date | None = None, progress: Callable[[str, float], None] | None = None) -> SeedSummary:
    """Fill an empty, migrated database with the demo district; raises SeedError without writing if the
    database already has org units, the district is not bundled or the scale is unknown."""
    started = time.perf_counter()
    if scale not in SCALES:
        raise SeedError(f"Unknown scale {scale!r}; expected one of {', '.join(SCALES)}.")
    if seed < 0:
        raise SeedError(f"The seed must be a non-negative integer, not {seed}.")
    code = _normalise_district(district_code)
    if code not in SUPPORTED_DISTRICTS:
        raise SeedError(f"No demo data for district {district_code}; available: {', '.join(SUPPORTED_DISTRICTS)}.")
    spec = SCALES[scale]
    tracker = Progress(progress, _stage_weights(spec))
    with engine.begin() as conn:
        if conn.scalar(select(func.count()).select_from(OrgUnit)):
            raise SeedError("The database already holds org units; the demo district can only be seeded into an "
                            "empty database.")
        ctx = SeedContext(conn, load_district(code), spec, seed, anchor or date.today(), tracker)
        tracker.start("org units")
        tree = orgunits.build_org_tree(ctx.data, spec.grids, ctx.rng("org-units"))
        n_units = ctx.insert(OrgUnit, _unit_columns(tree))
        # Per-row index triggers (R*Tree on SQLite) and generated columns (PostGIS) make bulk loading several
        # times slower; the index is rebuilt in one pass at the end. Dropped only after the first insert:
        # the sqlite3 driver opens its transaction at the first INSERT, and DDL before it would autocommit.
        drop_spatial_index(conn)
        tracker.start("users")
        n_users = people.seed_users(ctx, tree)
        tracker.start("workers")
        worker_set = people.seed_workers(ctx, tree)
        tracker.start("checklists")
        n_templates, n_items = checklists.seed_checklists(ctx)
        tracker.start("premises")
        premise_set = premises.seed_premises(ctx, tree)
        tracker.start("findings")
        found = findings.seed_findings(ctx, tree, premise_set, worker_set)
        tracker.start("cameras")
        camera_names = cameras.seed_cameras(ctx, tree)
        tracker.start("incidents")
        n_incidents, n_history = incidents.seed_incidents(ctx, tree, premise_set, worker_set, camera_names)
        tracker.start("gps fixes")
        n_fixes = fixes.seed_fixes(ctx, tree, worker_set)
        tracker.start("spatial index")
        install_spatial_index(conn)
        n_settings = people.seed_settings(ctx)
        counts = {"org_units": n_units, "users": n_users, "workers": len(worker_set.ids),
                  "worker_grids": len(worker_set.ids), "premises": len(premise_set.ids),
                  "checklist_templates": n_templates, "checklist_items": n_items, **found,
                  "cameras": len(camera_names),
                  "incidents": n_incidents, "incident_history": n_history, "gps_fixes": n_fixes,
                  "settings": n_settings}
        _log_seeded_tables(ctx, list(counts))
        reset_sequences(conn, _EXPLICIT_ID_TABLES)
        n_log = conn.scalar(select(func.count()).select_from(ChangeLog))
    tracker.finish()
    return SeedSummary(**counts, change_log=n_log, elapsed_s=time.perf_counter() - started)


def _unit_columns(tree: orgunits.OrgTree) -> dict[str, list]:
    rows = [u.row() for u in tree.units()]
    return {k: [r[k] for r in rows] for k in rows[0]}


def _log_seeded_tables(ctx: SeedContext, tables: list[str]) -> None:
    """One change_log row per table: consoles following the feed reload everything once."""
    at = datetime.now()
    insert_columns(ctx.conn, ChangeLog, {"entity": tables, "entity_id": [None] * len(tables),
                                         "op": ["seed"] * len(tables), "actor": [SEED_ACTOR] * len(tables),
                                         "at": [at] * len(tables)})
