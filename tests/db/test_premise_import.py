"""Importing premises: the real Xiamen POIs (GCJ-02) into the seeded 湖里区, checked against an independent
conversion and the grid polygons; dry runs and failures write nothing."""
from __future__ import annotations

import csv
import json
import math
from datetime import date

import pytest
from shapely.geometry import Point, shape
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from console.cli import main
from console.config import Settings
from console.importers.premises import ColumnMapping, read_table
from console.services import premise_import
from console.services.seed import seed_district
from console.services.seed.context import reset_sequences
from db.models import OrgUnit, Premise
from tests.db.inspection_fixtures import admin, township_actor
from tests.db.tiny_district import build_tiny_district

KNOWN = {"厦门市中医院": (118.140889, 24.500645), "东百蔡塘广场(蔡塘店)": (118.156371, 24.485362)}
MAPPING = {"fields": {"type": "layer"}, "values": {"type": {"三级甲等医院": "hospital"}}}


def _gcj_forward(lon: float, lat: float) -> tuple[float, float]:
    """The published GCJ-02 obfuscation (Krasovsky ellipsoid), written out here independently of geo.py."""
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lon - 105.0, lat - 35.0
    pi = math.pi
    common = (20 * math.sin(6 * x * pi) + 20 * math.sin(2 * x * pi)) * 2 / 3
    dlat = (-100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x)) + common
            + (20 * math.sin(y * pi) + 40 * math.sin(y / 3 * pi)) * 2 / 3
            + (160 * math.sin(y / 12 * pi) + 320 * math.sin(y * pi / 30)) * 2 / 3)
    dlon = (300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x)) + common
            + (20 * math.sin(x * pi) + 40 * math.sin(x / 3 * pi)) * 2 / 3
            + (150 * math.sin(x / 12 * pi) + 300 * math.sin(x / 30 * pi)) * 2 / 3)
    rad = math.radians(lat)
    magic = 1 - ee * math.sin(rad) ** 2
    dlat = dlat * 180 / ((a * (1 - ee)) / (magic * math.sqrt(magic)) * pi)
    dlon = dlon * 180 / (a / math.sqrt(magic) * math.cos(rad) * pi)
    return lon + dlon, lat + dlat


def _brute_force_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Search a shrinking 41×41 lattice for the WGS-84 point whose forward transform hits (lon, lat)."""
    best = (lon, lat)
    step = 1e-3
    for _ in range(9):
        cands = [(best[0] + i * step, best[1] + j * step) for i in range(-20, 21) for j in range(-20, 21)]
        best = min(cands, key=lambda p: math.hypot(*(f - t for f, t in zip(_gcj_forward(*p), (lon, lat),
                                                                              strict=True))))
        step /= 10
    return best


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    dx = (a[0] - b[0]) * 111_320 * math.cos(math.radians(a[1]))
    return math.hypot(dx, (a[1] - b[1]) * 110_574)


def test_xiamen_pois_land_in_their_grids(engine, db_url, shared_data, tmp_path, capsys):
    seed_district(engine, scale="small", seed=1, anchor=date(2026, 11, 30))
    source = shared_data / "xiamen-poi" / "xiamen_poi_1602.csv"
    with source.open(encoding="utf-8") as fh:
        districts = {n: row["district_by_datav"] for n, row in enumerate(csv.DictReader(fh), start=2)}
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps(MAPPING, ensure_ascii=False), encoding="utf-8")
    Settings(db_url=db_url, is_demo=False, language="zh_CN", config_path=tmp_path / "none.ini")
    with Session(engine) as s:
        before = s.scalar(select(func.count()).select_from(Premise))

    def run(dry: bool) -> int:
        return main(["--db", db_url, "import", "premises", str(source), "--mapping", str(mapping),
                     "--datum", "gcj02", *(["--dry-run"] if dry else [])])

    assert run(True) == 0
    assert "would import" in capsys.readouterr().out
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Premise)) == before
    assert run(False) == 0
    captured = capsys.readouterr()
    assert "rejected line" in captured.err and "outside every grid" in captured.err

    with Session(engine) as s:
        imported = s.scalars(select(Premise).where(Premise.source == "import")).all()
        grids = {g.id: (g.path, shape(json.loads(g.boundary_geojson)))
                 for g in s.scalars(select(OrgUnit).where(OrgUnit.kind == "grid"))}
    huli = sum(1 for d in districts.values() if d == "湖里区")
    assert huli - 5 <= len(imported) <= huli
    for p in imported:
        path, polygon = grids[p.grid_id]
        assert polygon.covers(Point(p.lon, p.lat)) and p.org_path == path
        assert p.status == "green" and p.address.startswith("福建省厦门市")
    by_name = {p.name: p for p in imported}
    for name, gcj in KNOWN.items():
        expected = _brute_force_wgs84(*gcj)
        assert _metres(_gcj_forward(*expected), gcj) < 0.01
        assert _metres((by_name[name].lon, by_name[name].lat), expected) < 1.0
        assert _metres((by_name[name].lon, by_name[name].lat), gcj) > 100  # the datum shift was applied


def test_import_rejections_and_all_or_nothing(engine, tmp_path, monkeypatch):
    build_tiny_district(engine)
    with Session(engine) as s:
        for g in s.scalars(select(OrgUnit).where(OrgUnit.kind == "grid")):
            x = 118.0 + (g.id - 6) * 0.01
            g.boundary_geojson = json.dumps({"type": "Polygon", "coordinates": [
                [[x, 24.0], [x + 0.01, 24.0], [x + 0.01, 24.01], [x, 24.01], [x, 24.0]]]})
        s.commit()
    with engine.begin() as conn:
        reset_sequences(conn, ["premises"])
    path = tmp_path / "p.csv"
    path.write_bytes(("名称,类型,地址,经度,纬度,编号\n"
                      "甲店,商铺,兴隆路1号,118.005,24.005,A1\n"
                      "乙店,商铺,兴隆路2号,118.035,24.005,A2\n"
                      "丙店,商铺,兴隆路3号,119.5,24.005,A3\n"
                      "丁店,商铺,兴隆路4号,118.006,24.005,A1\n"
                      "戊店,飞船,兴隆路5号,118.006,24.005,A5\n"
                      "己店,商铺,兴隆路6号,118.007,24.005,P60001\n").encode("gbk"))
    table = read_table(path)
    with Session(engine) as s:
        report = premise_import.import_premises(s, township_actor("/1/2/"), table, ColumnMapping(),
                                                today=date(2026, 11, 30))
        s.commit()
    assert report.imported == 1 and report.per_grid == {6: 1}
    reasons = {r.line: r.reason for r in report.rejected}
    assert "outside the jurisdiction" in reasons[3] and "outside every grid" in reasons[4]
    assert "duplicate of line 2" in reasons[5] and "unknown premise type" in reasons[6]
    assert "already exists" in reasons[7]
    with Session(engine) as s:
        new = s.scalar(select(Premise).where(Premise.code == "A1"))
        assert (new.grid_id, new.org_path, new.next_inspection) == (6, "/1/2/4/6/", date(2027, 5, 29))
        assert new.address == "福建省厦门市湖里区兴隆路1号"
        _assert_spatially_indexed(s, new.id)

    calls = []

    def insert_then_fail(table):
        calls.append(table)
        if len(calls) > 1:
            raise RuntimeError("disk full")
        return real_insert(table)

    real_insert = premise_import.insert
    monkeypatch.setattr(premise_import, "CHUNK", 1)
    monkeypatch.setattr(premise_import, "insert", insert_then_fail)
    path.write_text("name,type,lng,lat\n一,shop,118.001,24.001\n二,shop,118.002,24.002\n", encoding="utf-8")
    with Session(engine) as s, pytest.raises(RuntimeError):
        premise_import.import_premises(s, admin(), read_table(path), ColumnMapping())
    assert len(calls) == 2  # the first row was written before the failure
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Premise).where(Premise.source == "import")) == 1
        _assert_spatially_indexed(s, new.id)


def _assert_spatially_indexed(session: Session, premise_id: int) -> None:
    """On SQLite the bulk path fills the R*Tree itself and restores the insert trigger."""
    if session.bind.dialect.name != "sqlite":
        return
    assert session.scalar(text("SELECT count(*) FROM premises_rtree WHERE id = :i"), {"i": premise_id}) == 1
    assert session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'premises_rtree_ins'")) == 1
    assert session.scalar(text("SELECT count(*) FROM premises_rtree")) == \
        session.scalar(select(func.count()).select_from(Premise))
