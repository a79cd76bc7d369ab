"""Fix ingest, worker-day loading and day figures on both backends, with the real Shanghai tracks."""
from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from console.domain.tracks import distance_m
from console.importers.fixes import read_fixes
from console.services.tracks import (
    UnknownWorker,
    day_summary,
    from_seconds,
    ingest_fixes,
    load_day,
    load_day_filtered,
    to_seconds,
)
from db.models import ChangeLog, CheckIn, GpsFix, OrgUnit, Premise, Worker
from tests.db.tiny_district import build_tiny_district

GRID6 = {"type": "Polygon", "coordinates": [[[118.09, 24.49], [118.11, 24.49], [118.11, 24.51], [118.09, 24.51],
                                              [118.09, 24.49]]]}


@pytest.fixture
def district(engine):
    build_tiny_district(engine)
    with Session(engine) as s, s.begin():
        s.execute(update(OrgUnit).where(OrgUnit.id == 6).values(boundary_geojson=json.dumps(GRID6)))
        s.execute(update(Worker).where(Worker.id == 7).values(device_id="IMEI-7"))
        s.execute(update(Premise).where(Premise.id.in_([1, 2])).values(next_inspection=date(2026, 11, 29)))
    return engine


def plain_haversine_sum(lons, lats) -> float:
    total = 0.0
    for i in range(1, len(lons)):
        phi1, phi2 = math.radians(lats[i - 1]), math.radians(lats[i])
        h = (math.sin((phi2 - phi1) / 2) ** 2
             + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lons[i] - lons[i - 1]) / 2) ** 2)
        total += 2 * 6371000.0 * math.asin(math.sqrt(h))
    return total


def test_real_track_ingest_load_and_distance(district, shared_data):
    parsed = read_fixes(shared_data / "shanghai-tracks-amm" / "track" / "121.csv")
    report = ingest_fixes(district, parsed, "W6")
    assert report.stored + sum(report.dropped.values()) == len(parsed.fixes)
    assert report.dropped["speed"] > 0 and report.per_worker == {"W6": report.stored}
    days = sorted({f.t.date() for f in parsed.fixes})
    with Session(district) as s:
        assert s.scalar(select(func.count()).select_from(GpsFix)) == report.stored
        loaded = [load_day_filtered(s, 6, d) for d in days]
    raw_total = sum(len(raw.t) for raw, _ in loaded)
    assert raw_total == report.stored
    for raw, kept in loaded:
        assert kept.dropped_total == 0  # the ingest already dropped what the load filter would
        expected = plain_haversine_sum(raw.lon.tolist(), raw.lat.tolist())
        assert distance_m(kept.lon, kept.lat) == pytest.approx(expected, rel=0.005)


def test_resent_file_adds_nothing(district, shared_data):
    parsed = read_fixes(shared_data / "shanghai-tracks-amm" / "track" / "0.csv")
    first = ingest_fixes(district, parsed, "W6")
    again = ingest_fixes(district, parsed, "W6")
    assert first.stored == len(parsed.fixes) and again.stored == 0
    assert again.dropped == {"duplicate": len(parsed.fixes)}
    with Session(district) as s:
        assert s.scalar(select(func.count()).select_from(GpsFix)) == first.stored
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "gps_fixes")) == 1


def test_bad_rows_and_fixes_are_reported_and_the_good_ones_stored(district, tmp_path):
    base = datetime(2026, 11, 30, 9, 0)
    rows = ["device_id,time,lat,lon"]
    rows += [f"IMEI-7,{(base + timedelta(seconds=5 * i)).isoformat()},24.5,{118.1 + i * 5e-5:.6f}" for i in range(10)]
    rows += [f"IMEI-7,{base.isoformat()},0,0",                                    # zero (and same time)
             f"IMEI-7,{(base + timedelta(days=3)).isoformat()},24.5,118.1",       # future
             f"IMEI-7,{(base + timedelta(seconds=7)).isoformat()},24.9,118.1",    # 44 km in 2 s
             f"IMEI-7,{(base + timedelta(seconds=5)).isoformat()},24.5,118.10005",  # duplicate
             f"IMEI-7,{base.isoformat()},north,118.1",                            # malformed
             f"NOBODY,{base.isoformat()},24.5,118.1",                             # unknown device
             f",{base.isoformat()},24.5,118.1"]                                   # no worker
    path = tmp_path / "fixes.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = ingest_fixes(district, read_fixes(path), now=base + timedelta(hours=1))
    assert report.stored == 10 and report.per_worker == {"W7": 10}
    assert dict(report.dropped) == {"zero": 1, "future": 1, "speed": 1, "duplicate": 1}
    assert [(r.line, r.field) for r in report.rejected] == [(16, "lat"), (17, "worker"), (18, "worker")]
    with Session(district) as s:
        assert len(load_day(s, 7, base.date()).t) == 10


def test_unknown_worker_stores_nothing(district, shared_data):
    parsed = read_fixes(shared_data / "shanghai-tracks-amm" / "track" / "0.csv")
    with pytest.raises(UnknownWorker, match="W404"):
        ingest_fixes(district, parsed, "W404")
    with Session(district) as s:
        assert s.scalar(select(func.count()).select_from(GpsFix)) == 0


def test_day_summary_figures(district):
    day = date(2026, 11, 30)
    start = datetime(2026, 11, 30, 8, 0)
    fixes, lon = [], 118.092
    for i in range(12 * 60):  # one hour at 5 s: walk 20 min east, stay 20 min, walk 20 min east
        minute = i * 5 / 60
        if minute < 20 or minute >= 40:
            lon += 1.3 * 5 / 101_000
        fixes.append({"worker_id": 6, "t": start + timedelta(seconds=5 * i), "lon": lon, "lat": 24.5})
    with Session(district) as s, s.begin():
        s.execute(GpsFix.__table__.insert(), fixes)
        s.add_all([CheckIn(worker_id=6, premise_id=p, at=start + timedelta(minutes=25)) for p in (1, 2, 2)])
    with Session(district) as s:
        summary = day_summary(s, 6, day)
    track = summary.track
    assert summary.raw_fixes == 720 and summary.dropped == {}
    [stop] = track.stops
    assert stop.duration_s == pytest.approx(20 * 60, abs=60)
    assert track.distance_m == pytest.approx(1.3 * 5 * 480, rel=0.01)
    assert track.moving_s == pytest.approx(40 * 60, abs=60) and track.stopped_s == pytest.approx(20 * 60, abs=60)
    assert track.inside_s + track.outside_s == pytest.approx(3595)
    assert 0 < track.outside_s < track.inside_s  # the walk leaves the grid (east edge 118.11) near its end
    assert summary.premises_visited == 2
    assert summary.premises_due == 2


def test_time_conversions_round_trip():
    moments = [datetime(2026, 11, 30, 9, 0, 0, 250000), datetime(2020, 12, 15, 2, 3, 6)]
    assert [from_seconds(s) for s in to_seconds(moments)] == moments
    assert to_seconds(["2026-11-30 09:00:00.250000"])[0] == to_seconds(moments[:1])[0]
