"""The demo-district seeder on SQLite and PostgreSQL: what it writes, that it is reproducible, and that it
writes all or nothing."""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date

import numpy as np
import pytest
import shapely
from shapely.geometry import shape
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from console.domain.geo import BBox
from console.domain.incident_history_notes import decode_note, detail_datetime
from console.domain.incident_workflow import IncidentSnapshot, check_invariants
from console.domain.inspections import colour_for
from console.domain.partition import tiling_report
from console.services import seed as seed_pkg
from console.services.seed import SeedError, seed_district
from console.services.spatial import ids_in_bbox, ids_in_bbox_full_scan
from console.services.users import authenticate
from db.engine import make_engine
from db.migrate import upgrade
from db.models import (
    Base,
    Camera,
    ChangeLog,
    GpsFix,
    Incident,
    IncidentHistory,
    Inspection,
    InspectionFinding,
    OrgUnit,
    Premise,
    Setting,
    User,
    Worker,
)
from db.models_inspection import RectificationItem, RectificationNotice
from db.spatial import spatial_index_kind

ANCHOR = date(2026, 6, 15)
# Written at seeding time, not derived from (seed, anchor, scale): excluded from the determinism digest.
VOLATILE = {"users": {"password_hash", "created_at"}, "change_log": {"at"}}
TABLES = ("org_units", "users", "workers", "worker_grids", "premises", "checklist_templates", "checklist_items",
          "inspections", "inspection_findings", "rectification_notices", "rectification_items", "sms_outbox",
          "cameras", "incidents", "incident_history", "gps_fixes", "settings", "change_log")


def _second_engine(db_url: str, tmp_path):
    """Another empty migrated database on the same backend as `db_url`."""
    if "://" in db_url:
        from tests.conftest import make_pg_database
        url = make_pg_database()
    else:
        url = str(tmp_path / "second.sqlite")
    eng = make_engine(url)
    upgrade(eng)
    return eng


def _digest(engine) -> dict[str, str]:
    out = {}
    with engine.connect() as conn:
        for table in TABLES:
            cols = [c.name for c in Base.metadata.tables[table].columns if c.name not in VOLATILE.get(table, set())]
            order = "key" if table == "settings" else ("worker_id, grid_id" if table == "worker_grids" else "id")
            h = hashlib.sha256()
            for row in conn.execute(text(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}")):
                h.update(repr(tuple(row)).encode())
            out[table] = h.hexdigest()
    return out


def _spatial_index(engine) -> tuple:
    """The spatial index objects the migration installed (R*Tree tables and triggers, or PostGIS columns)."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.execute(text("SELECT type, name FROM sqlite_master WHERE name LIKE '%rtree%' ORDER BY name"))
        else:
            rows = conn.execute(text("SELECT table_name, column_name FROM information_schema.columns "
                                     "WHERE column_name = 'geom' ORDER BY table_name"))
        return spatial_index_kind(engine), tuple(tuple(r) for r in rows)


def _geoms(session: Session, kind: str) -> dict[int, object]:
    rows = session.execute(select(OrgUnit.id, OrgUnit.boundary_geojson).where(OrgUnit.kind == kind)).all()
    return {i: shape(json.loads(g)) for i, g in rows}


def _check_points_in_grids(session: Session, model, grid_col, grids: dict, district, paths: dict) -> None:
    rows = session.execute(select(grid_col, model.lon, model.lat, model.org_path)).all()
    by_grid = defaultdict(list)
    for g, lon, lat, path in rows:
        assert path == paths[g]
        by_grid[g].append((lon, lat))
    for g, pts in by_grid.items():
        xy = np.array(pts)
        assert shapely.contains_xy(grids[g], xy[:, 0], xy[:, 1]).all(), f"{model.__tablename__} outside grid {g}"
        assert shapely.contains_xy(district, xy[:, 0], xy[:, 1]).all()


def _check_contents(engine) -> None:
    with Session(engine) as session:
        units = session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.path, OrgUnit.kind,
                                       OrgUnit.code)).all()
        paths = {u.id: u.path for u in units}
        for u in units:
            assert u.path == (paths[u.parent_id] if u.parent_id else "/") + f"{u.id}/"
        kinds = defaultdict(int)
        for u in units:
            kinds[u.kind] += 1
        assert dict(kinds) == {"district": 1, "township": 7, "department": 10, "community": 60, "grid": 120}
        assert all(len(u.code) == 15 and u.code.startswith("350206") for u in units if u.kind == "grid")
        district = next(iter(_geoms(session, "district").values()))
        for kind in ("township", "community", "grid"):
            report = tiling_report(district, list(_geoms(session, kind).values()))
            assert report.ok(1e-9), (kind, report)
        grids = _geoms(session, "grid")
        _check_points_in_grids(session, Premise, Premise.grid_id, grids, district, paths)
        _check_points_in_grids(session, Incident, Incident.grid_id, grids, district, paths)
        _check_points_in_grids(session, Camera, Camera.org_unit_id, grids, district, paths)
        assert session.scalar(select(func.count()).select_from(Premise).where(Premise.source == "poi")) == 550
        _check_incidents(session)
        _check_colours_explained(session)
        assert session.scalar(select(func.count(func.distinct(GpsFix.worker_id)))) == 120
        assert session.scalar(select(Setting.value).where(Setting.key == "demo_operator")) == "operator"
        actor = authenticate(session, "operator", "pingan2026")
        assert actor.org_path == "/1/" and actor.display_name == "区坐席员"
        box = BBox(118.10, 24.49, 118.14, 24.52)  # rebuilt spatial index answers like a full scan
        for kind in ("premises", "incidents", "cameras"):
            hits = ids_in_bbox(session, actor, kind, box)
            assert hits == ids_in_bbox_full_scan(session, actor, kind, box) and (hits or kind == "cameras")
        assert session.scalar(select(func.count()).select_from(User).where(User.username.startswith("op_", autoescape=True))) == 7


def _check_colours_explained(session: Session) -> None:
    """Every yellow or red premise has open findings whose colour is its colour, and an open notice listing
    them (what the dossier shows); green and black premises have none."""
    open_severities = defaultdict(list)
    for premise_id, severity in session.execute(
            select(Inspection.premise_id, InspectionFinding.severity)
            .join(Inspection, Inspection.id == InspectionFinding.inspection_id)
            .where(InspectionFinding.resolved_at.is_(None))):
        open_severities[premise_id].append(severity)
    notices = dict(session.execute(select(RectificationNotice.premise_id, func.count())
                                   .where(RectificationNotice.state == "open")
                                   .group_by(RectificationNotice.premise_id)).all())
    items = session.scalar(select(func.count()).select_from(RectificationItem))
    statuses = dict(session.execute(select(Premise.id, Premise.status)).all())
    for premise_id, status in statuses.items():
        if status in ("yellow", "red"):
            assert colour_for(open_severities[premise_id]) == status and notices[premise_id] == 1
        else:
            assert premise_id not in open_severities and premise_id not in notices
    assert items == sum(len(v) for v in open_severities.values())


def _check_incidents(session: Session) -> None:
    """Every case is one the state machine could have produced, and its history ends in its state."""
    history = defaultdict(list)
    notes = {}
    for inc_id, frm, to, note in session.execute(select(IncidentHistory.incident_id, IncidentHistory.from_state,
                                                        IncidentHistory.to_state, IncidentHistory.note)
                                                 .order_by(IncidentHistory.id)):
        history[inc_id].append((frm, to))
        decoded = decode_note(note)
        if decoded.action == "file":
            notes[inc_id] = decoded
    states = defaultdict(int)
    for inc in session.scalars(select(Incident)):
        snap = IncidentSnapshot(id=inc.id, state=inc.state, level=inc.level, category=inc.category,
                                grid_id=inc.grid_id, deadline=inc.deadline, assignee_org_id=inc.assignee_org_id,
                                assignee_worker_id=inc.assignee_worker_id, duplicate_of_id=inc.duplicate_of_id,
                                closed_at=inc.closed_at)
        assert check_invariants(snap) == [], (inc.case_no, check_invariants(snap))
        steps = history[inc.id]
        assert steps[0] == (None, "reported") and steps[-1][1] == inc.state
        assert all(steps[k][1] == steps[k + 1][0] for k in range(len(steps) - 1))
        if inc.id in notes:  # the timeline reads the filing facts back from the note
            assert notes[inc.id].details["category"] == inc.category
            assert detail_datetime(notes[inc.id], "deadline") is not None
        states[inc.state] += 1
    assert states["archived"] + states["evaluated"] + states["closed"] > 0.85 * sum(states.values())
    assert len([s for s in states if s not in ("archived", "evaluated", "closed", "rejected", "duplicate")]) >= 4
    # a grid worker's report carries the code of the grid's worker, which is what scoring and the replay match
    grid_workers = dict(session.execute(select(Worker.grid_id, Worker.code)).all())
    reports = session.execute(select(Incident.grid_id, Incident.reporter)
                              .where(Incident.source == "grid_worker")).all()
    assert reports and all(reporter == grid_workers[grid] for grid, reporter in reports)


def test_small_seed_is_complete_reproducible_and_refuses_a_second_run(engine, db_url, tmp_path):
    stages = []
    index_before = _spatial_index(engine)
    summary = seed_district(engine, scale="small", seed=7, anchor=ANCHOR,
                            progress=lambda stage, f: stages.append((stage, f)))
    assert _spatial_index(engine) == index_before
    assert summary.counts() == {
        "org_units": 198, "users": 11, "workers": 120, "worker_grids": 120, "premises": 3000,
        "checklist_templates": summary.checklist_templates, "checklist_items": summary.checklist_items,
        "inspections": summary.inspections, "inspection_findings": summary.inspection_findings,
        "rectification_notices": summary.inspections, "rectification_items": summary.inspection_findings,
        "sms_outbox": summary.sms_outbox,
        "cameras": 30, "incidents": 5000, "incident_history": summary.incident_history,
        "gps_fixes": 120 * 1080, "settings": 2, "change_log": 11 + 17}
    assert 0.12 * 3000 < summary.inspections < 0.25 * 3000 < summary.inspection_findings
    assert 0.5 * summary.inspections < summary.sms_outbox <= summary.inspections
    assert summary.checklist_templates > 20 and summary.incident_history > 5 * 5000
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    _check_contents(engine)

    other = _second_engine(db_url, tmp_path)
    try:
        seed_district(other, scale="small", seed=7, anchor=ANCHOR)
        assert _digest(other) == _digest(engine)
    finally:
        other.dispose()

    with pytest.raises(SeedError, match="already holds org units"):
        seed_district(engine, scale="small", seed=7, anchor=ANCHOR)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(OrgUnit)) == 198
        # explicit ids must not stall the id sequences (PostgreSQL): a new row gets the next id
        unit = OrgUnit(code="350206D99", name="测试", kind="department", parent_id=1, path="")
        session.add(unit)
        session.flush()
        assert unit.id == 199


def test_a_failure_half_way_leaves_the_database_empty(engine, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("account service unavailable")

    # the org tree is written and the spatial index dropped for bulk loading when the accounts stage fails
    monkeypatch.setattr(seed_pkg.people, "seed_users", broken)
    index_before = _spatial_index(engine)
    with pytest.raises(RuntimeError, match="account service"):
        seed_district(engine, scale="small", seed=1, anchor=ANCHOR)
    with Session(engine) as session:
        for model in (OrgUnit, User, Worker, Premise, ChangeLog, Setting):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model.__tablename__
    assert _spatial_index(engine) == index_before


@pytest.mark.parametrize("kwargs,message", [({"scale": "huge"}, "Unknown scale"),
                                            ({"district_code": "330381"}, "No demo data")])
def test_bad_arguments_are_refused_before_writing(engine, kwargs, message):
    with pytest.raises(SeedError, match=message):
        seed_district(engine, **kwargs)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(OrgUnit)) == 0
