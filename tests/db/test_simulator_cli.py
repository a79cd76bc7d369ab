"""The field simulator and the `ingest fixes` / `simulate` commands on both backends."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
import shapely
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from console.cli import main
from console.services.simulator import simulate
from db.engine import make_engine
from db.migrate import upgrade
from db.models import CheckIn, GpsFix, OrgUnit, Worker
from tests.db.tiny_district import build_tiny_district

GRID6 = {"type": "Polygon", "coordinates": [[[118.09, 24.49], [118.11, 24.49], [118.11, 24.51], [118.09, 24.51],
                                              [118.09, 24.49]]]}


@pytest.fixture
def district(engine):
    build_tiny_district(engine)
    with Session(engine) as s, s.begin():
        s.execute(update(OrgUnit).where(OrgUnit.id == 6).values(boundary_geojson=json.dumps(GRID6)))
    return engine


def test_simulated_workers_stay_in_their_grids_and_check_in(district):
    report = simulate(district, workers=3, rate_s=5, duration_s=1800, seed=4)
    assert (report.workers, report.skipped_workers) == (3, 0)
    assert report.fixes == 3 * 360
    with Session(district) as s:
        assert s.scalar(select(func.count()).select_from(GpsFix)) == report.fixes
        assert s.scalar(select(func.count()).select_from(CheckIn)) == report.checkins > 0
        assert s.scalar(select(func.max(GpsFix.t))) <= datetime.now()
        grid6 = shapely.from_geojson(json.dumps(GRID6)).buffer(0.0002)  # GPS jitter may cross the edge
        points = s.execute(select(GpsFix.lon, GpsFix.lat).where(GpsFix.worker_id == 6)).all()
        assert len(points) == 360
        assert shapely.contains_xy(grid6, [p[0] for p in points], [p[1] for p in points]).all()
        checked = s.execute(select(CheckIn.worker_id, CheckIn.premise_id)).all()
    premises_of = {6: range(1, 13), 7: range(13, 22), 8: range(22, 37)}
    assert all(premise in premises_of[worker] for worker, premise in checked)


def test_the_same_seed_walks_the_same_way(district, tmp_path):
    other = make_engine(str(tmp_path / "other.sqlite"))
    upgrade(other)
    build_tiny_district(other)
    start = datetime(2026, 11, 30, 8, 0)
    a = simulate(district, workers=2, rate_s=10, duration_s=600, seed=9, start=start)
    b = simulate(other, workers=2, rate_s=10, duration_s=600, seed=9, start=start)
    query = select(GpsFix.worker_id, GpsFix.t, GpsFix.lon, GpsFix.lat).where(GpsFix.worker_id == 7).order_by(GpsFix.t)
    with Session(district) as s1, Session(other) as s2:
        assert s1.execute(query).all() == s2.execute(query).all()
    assert a.fixes == b.fixes
    other.dispose()


def _run(db_url: str, argv: list[str]) -> int:
    return main(["--db", db_url, *argv])


def test_ingest_command_reports_rows_and_drops(district, db_url, shared_data, tmp_path, capsys):
    track = shared_data / "shanghai-tracks-amm" / "track" / "121.csv"
    assert _run(db_url, ["ingest", "fixes", str(track), "--worker", "W8"]) == 0
    out = capsys.readouterr().out
    assert "121.csv: read 2709 rows, stored" in out and "(W8 " in out and "speed " in out
    bad = tmp_path / "bad.csv"
    bad.write_text("time,lat,lon\n2026-11-29T09:00:00,north,118.1\n2026-11-29T09:00:05,24.5,118.1\n")
    assert _run(db_url, ["ingest", "fixes", str(bad), "--worker", "W9"]) == 0
    captured = capsys.readouterr()
    assert f"rejected {bad}:2: lat: 'north' is not a number" in captured.err
    assert "stored 1 fixes (W9 1); rejected 1 rows" in captured.out


def test_ingest_command_fails_in_one_sentence(district, db_url, tmp_path, capsys):
    bad = tmp_path / "nolon.csv"
    bad.write_text("time,lat\n2026-11-30T09:00:00,24.5\n")
    assert _run(db_url, ["ingest", "fixes", str(bad), "--worker", "W9"]) == 1
    assert "no column for lon" in capsys.readouterr().err
    good = tmp_path / "ok.csv"
    good.write_text("time,lat,lon\n2026-11-30T09:00:05,24.5,118.1\n")
    assert _run(db_url, ["ingest", "fixes", str(good), "--worker", "W404"]) == 1
    err = capsys.readouterr().err
    assert "no worker has the code or device id 'W404'; nothing was stored." in err and "Traceback" not in err


def test_simulate_command_prints_throughput(district, db_url, capsys):
    assert _run(db_url, ["simulate", "--workers", "4", "--rate", "5", "--duration", "300"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("simulated 4 workers over 300 s: 240 fixes")
    assert "fixes/s" in out


def test_simulate_command_on_an_empty_district(engine, db_url, capsys):
    assert _run(db_url, ["simulate", "--workers", "4", "--rate", "5"]) == 1
    assert "seed the database first" in capsys.readouterr().err


@pytest.mark.slow
def test_simulator_walks_inside_the_seeded_grids(engine):
    from console.services.seed import seed_district

    seed_district(engine, scale="small", seed=1, anchor=date(2026, 11, 30))
    start = datetime(2025, 6, 2, 9, 0)  # a morning the seeded tracks leave empty
    report = simulate(engine, workers=5, rate_s=5, duration_s=1200, seed=2, start=start)
    assert report.workers == 5 and report.fixes == 5 * 240
    with Session(engine) as s:
        for worker_id, grid_id in s.execute(select(Worker.id, Worker.grid_id).order_by(Worker.id).limit(5)):
            area = shapely.from_geojson(s.scalar(select(OrgUnit.boundary_geojson).where(OrgUnit.id == grid_id)))
            points = s.execute(select(GpsFix.lon, GpsFix.lat).where(
                GpsFix.worker_id == worker_id, GpsFix.t > start, GpsFix.t <= start + timedelta(seconds=1200))).all()
            assert len(points) == 240
            inside = shapely.contains_xy(area.buffer(0.0002), [p[0] for p in points], [p[1] for p in points])
            assert inside.all()
