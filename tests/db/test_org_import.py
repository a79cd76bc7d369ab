"""Importing org units into the tiny district: new grids replace 东渡社区's two, a new community comes in by its
parent's name, premises/incidents/workers follow by point-in-polygon; dry runs and bad files write nothing."""
from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, box, mapping, shape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.cli import main
from console.importers.org_units import ORG_ALIASES, read_org_units
from console.importers.premises import ColumnMapping
from console.services.org_import import OrgImportError, import_org_units
from console.services.seed.context import reset_sequences
from db.models import ChangeLog, Incident, OrgUnit, Premise, Worker, WorkerGrid
from tests.db.inspection_fixtures import admin, build, township_actor

DONGDU, DONGDU_CODE = 4, "350206001001"
# Tiny premises p lie at (118.1 + p·1e-4, 24.5 + p·1e-4); 东渡's grids hold p = 1..21. The new grids split
# them 1–5 | 6–15 | 16–21 by longitude and start just north of the incidents at (118.1, 24.5).
BANDS = {"350206001001101": (118.1, 118.10055), "350206001001102": (118.10055, 118.10155),
         "350206001001103": (118.10155, 118.10215)}
SOUTH, NORTH = 24.50005, 24.51
MAPPING = {"fields": {"code": "WGBM", "name": "WGMC", "kind": "CJ", "parent_code": "SJBM",
                      "parent_name": "SJMC"}, "values": {"kind": {"3": "community", "4": "grid"}}}


def _feature(props: dict, geom) -> dict:
    return {"type": "Feature", "properties": props, "geometry": mapping(geom) if geom is not None else None}


def _good_file(tmp_path):
    features = [_feature({"WGBM": DONGDU_CODE, "WGMC": "东渡社区", "CJ": "3", "SJBM": "350206001000"},
                         box(118.1, SOUTH, 118.10215, NORTH))]
    for n, (code, (west, east)) in enumerate(BANDS.items(), start=1):
        features.append(_feature({"WGBM": code, "WGMC": f"东渡新{n}网格", "CJ": "网格", "SJBM": DONGDU_CODE},
                                 box(west, SOUTH, east, NORTH)))
    features.append(_feature({"WGBM": "350206001002", "WGMC": "五通社区", "CJ": "社区", "SJMC": "湖里街道"},
                             box(118.2, 24.6, 118.21, 24.61)))
    features.append(_feature({"WGBM": "350206001002001", "WGMC": "五通第一网格", "CJ": "4", "SJMC": "五通社区"},
                             box(118.2, 24.6, 118.21, 24.61)))
    return _write(tmp_path / "units.geojson", features)


def _write(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def _mapping(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps(MAPPING, ensure_ascii=False), encoding="utf-8")
    return path


def _state(engine) -> dict:
    with Session(engine) as s:
        return {"units": s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.boundary_geojson)
                                   .order_by(OrgUnit.id)).all(),
                "premises": s.execute(select(Premise.id, Premise.grid_id, Premise.org_path, Premise.version)
                                      .order_by(Premise.id)).all(),
                "incidents": s.execute(select(Incident.id, Incident.grid_id).order_by(Incident.id)).all(),
                "workers": s.execute(select(Worker.id, Worker.grid_id).order_by(Worker.id)).all(),
                "log": s.scalar(select(func.count()).select_from(ChangeLog))}


def _setup(engine) -> None:
    build(engine)
    with engine.begin() as conn:
        reset_sequences(conn, ["org_units"])


def test_grids_replaced_and_rows_follow(engine, db_url, tmp_path, capsys):
    _setup(engine)
    path, map_path = _good_file(tmp_path), _mapping(tmp_path)
    before = _state(engine)
    assert main(["--db", db_url, "import", "org-units", str(path), "--mapping", str(map_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would add 1 community, 4 grid" in out and "would replace 2 grids" in out and "21 premises" in out
    assert _state(engine) == before

    source, mapping_ = read_org_units(path), ColumnMapping(fields=MAPPING["fields"], values=MAPPING["values"],
                                                           aliases=ORG_ALIASES)
    with Session(engine) as s:
        report = import_org_units(s, admin(), source, mapping_)
        s.commit()
    assert report.inserted == {"community": 1, "grid": 4} and report.updated == {"community": 1}
    assert report.replaced_grids == ["350206001001001", "350206001001002"]
    assert (report.moved.premises, report.moved.incidents, report.moved.workers) == (21, 10, 2)
    assert report.moved.nearest == 10  # 东渡's incidents lie south of every new grid

    with Session(engine) as s:
        units = {u.code: u for u in s.scalars(select(OrgUnit))}
        assert "350206001001001" not in units and "350206001001002" not in units
        new = {code: units[code] for code in BANDS}
        assert all(u.parent_id == DONGDU and u.path == f"/1/2/4/{u.id}/" for u in new.values())
        wutong = units["350206001002"]
        assert wutong.parent_id == 2 and units["350206001002001"].parent_id == wutong.id
        assert shape(json.loads(units[DONGDU_CODE].boundary_geojson)).bounds == (118.1, SOUTH, 118.10215, NORTH)
        by_id = {u.id: u for u in units.values()}
        premises = s.scalars(select(Premise).order_by(Premise.id)).all()
        for p, old in zip(premises[:21], before["premises"], strict=False):
            grid = by_id[p.grid_id]
            assert grid.code in BANDS and shape(json.loads(grid.boundary_geojson)).covers(Point(p.lon, p.lat))
            assert p.org_path == grid.path and p.version == old.version + 1
        assert [p.grid_id for p in premises[:21]].count(new["350206001001101"].id) == 5
        assert [(p.grid_id, p.org_path) for p in premises[21:]] == \
            [(r.grid_id, r.org_path) for r in before["premises"][21:]]
        first = new["350206001001101"]
        assert {i.grid_id for i in s.scalars(select(Incident).where(Incident.id < 80))} == {first.id}
        assert {i.grid_id for i in s.scalars(select(Incident).where(Incident.id >= 80))} == {8, 9}
        assert {(w.grid_id, w.org_path) for w in s.scalars(select(Worker).where(Worker.id.in_([6, 7])))} == \
            {(first.id, first.path)}
        assert sorted(s.execute(select(WorkerGrid.worker_id, WorkerGrid.grid_id))) == \
            [(6, first.id), (7, first.id), (8, 8), (9, 9)]
        log = s.execute(select(ChangeLog.entity, ChangeLog.op, ChangeLog.actor).where(ChangeLog.id > before["log"]))
        ops = {(e, o) for e, o, _ in log}
        assert {("org_unit", "insert"), ("org_unit", "update"), ("org_unit", "delete"), ("premise", "regrid"),
                ("incident", "regrid"), ("worker", "regrid")} <= ops


def test_bad_file_changes_nothing(engine, tmp_path):
    _setup(engine)
    bowtie = {"type": "Polygon", "coordinates": [[[118.1, 24.5], [118.2, 24.6], [118.2, 24.5], [118.1, 24.6],
                                                  [118.1, 24.5]]]}
    features = [_feature({"code": "350206001001201", "name": "甲网格", "kind": "grid", "parent_code": DONGDU_CODE},
                         box(118.1, 24.5, 118.2, 24.6)),
                 {"type": "Feature", "properties": {"code": "350206001001202", "name": "乙网格", "kind": "grid",
                                                    "parent_code": DONGDU_CODE}, "geometry": bowtie},
                 _feature({"code": "350206001001203", "name": "丙网格", "kind": "grid", "parent_code": "999"},
                          box(118.1, 24.5, 118.2, 24.6)),
                 _feature({"code": "350206001001201", "name": "丁网格", "kind": "grid", "parent_name": "东渡社区"},
                          box(118.1, 24.5, 118.2, 24.6)),
                 _feature({"code": "350206002001", "name": "高殿社区", "kind": "grid", "parent_code": DONGDU_CODE},
                          box(118.1, 24.5, 118.2, 24.6)),
                 _feature({"code": "350206001001205", "name": "戊网格", "kind": "grid", "parent_code": DONGDU_CODE},
                          Point(118.1, 24.5))]
    path = _write(tmp_path / "bad.geojson", features)
    before = _state(engine)
    with Session(engine) as s, pytest.raises(OrgImportError) as caught:
        import_org_units(s, admin(), read_org_units(path), ColumnMapping(aliases=ORG_ALIASES))
    problems = [str(p) for p in caught.value.problems]
    assert problems[0].startswith("feature 2, field geometry: invalid polygon: Self-intersection")
    assert problems[1] == "feature 4, field code: duplicate of feature 1 (350206001001201)"
    assert problems[2].startswith("feature 6, field geometry: a Point")
    assert problems[3] == "feature 3, field parent_code: no org unit with code 999 in the file or the database"
    assert problems[4] == "feature 5, field code: 350206002001 is already the code of the community 高殿社区"
    assert len(problems) == 5
    assert _state(engine) == before

    good = _good_file(tmp_path)
    with Session(engine) as s, pytest.raises(OrgImportError, match="not an administrator"):
        import_org_units(s, township_actor(), read_org_units(good), ColumnMapping(aliases=ORG_ALIASES))
    assert _state(engine) == before
