"""Reading fixes from CSV, GPX and JSON lines: good rows kept, bad rows rejected with file, line and field."""
from __future__ import annotations

from datetime import datetime

import pytest

from console.domain.geo import wgs84_to_gcj02
from console.importers.fixes import FixFileError, read_fixes


def test_real_track_csv_reads_every_row(shared_data):
    path = shared_data / "shanghai-tracks-amm" / "track" / "0.csv"
    parsed = read_fixes(path)
    assert parsed.rejected == []
    assert len(parsed.fixes) == sum(1 for _ in path.open(encoding="utf-8-sig")) - 1
    first = parsed.fixes[0]
    assert first.t == datetime.fromtimestamp(1607997786.838)
    assert (first.lat, first.lon, first.speed, first.accuracy) == (31.20071079658421, 121.48172008804994, 0.0, 4.0)
    assert first.line == 2


def test_malformed_csv_rows_are_rejected_naming_file_line_and_field(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("worker,time,lat,lon\n"
                    "W1,2026-11-30T09:00:00,24.5,118.1\n"
                    "W1,2026-11-30T09:00:05,north,118.1\n"
                    "W1,yesterday,24.5,118.1\n"
                    "W1,2026-11-30T09:00:15,24.5,\n"
                    "W1,1796000000000,24.5,118.1\n", encoding="utf-8")
    parsed = read_fixes(path)
    assert [f.line for f in parsed.fixes] == [2, 6]
    assert parsed.fixes[0].worker == "W1"
    assert [(r.line, r.field) for r in parsed.rejected] == [(3, "lat"), (4, "t"), (5, "lon")]
    assert str(parsed.rejected[0]) == f"{path}:3: lat: 'north' is not a number"


def test_csv_without_a_coordinate_column_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("time,lat\n2026-11-30T09:00:00,24.5\n", encoding="utf-8")
    with pytest.raises(FixFileError, match=r"bad\.csv: no column for lon"):
        read_fixes(path)


def test_jsonl_with_broken_lines(tmp_path):
    path = tmp_path / "fixes.jsonl"
    path.write_text('{"device_id": "D9", "t": 1796000000, "lat": 24.5, "lng": 118.1, "speed": 1.2}\n'
                    '{"device_id": "D9", "t": 1796000005, "lat": 24.5\n'
                    '\n'
                    '[1, 2]\n'
                    '{"device_id": "D9", "t": "2026-11-30T01:00:00Z", "lat": 24.5, "lng": 118.1}\n', encoding="utf-8")
    parsed = read_fixes(path)
    assert [(f.line, f.worker, f.speed) for f in parsed.fixes] == [(1, "D9", 1.2), (5, "D9", None)]
    assert [(r.line, r.field) for r in parsed.rejected] == [(2, "json"), (4, "json")]
    assert parsed.fixes[1].t == datetime.fromisoformat("2026-11-30T01:00:00+00:00").astimezone().replace(tzinfo=None)


GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>W7</name><trkseg>
    <trkpt lat="24.50" lon="118.10"><time>2026-11-30T01:00:00Z</time></trkpt>
    <trkpt lat="24.51" lon="118.11"><time>not a time</time></trkpt>
    <trkpt lat="24.52"><time>2026-11-30T01:00:10Z</time></trkpt>
    <trkpt lat="24.53" lon="118.13"><time>2026-11-30T01:00:15Z</time></trkpt>
  </trkseg></trk>
</gpx>
"""


def test_gpx_points_with_line_numbers_and_track_name(tmp_path):
    path = tmp_path / "day.gpx"
    path.write_text(GPX, encoding="utf-8")
    parsed = read_fixes(path)
    assert [(f.line, f.worker, f.lat) for f in parsed.fixes] == [(4, "W7", 24.50), (7, "W7", 24.53)]
    assert [(r.line, r.field) for r in parsed.rejected] == [(5, "t"), (6, "lon")]


def test_broken_gpx_is_refused_with_its_line(tmp_path):
    path = tmp_path / "broken.gpx"
    path.write_text(GPX.replace("</trkseg>", ""), encoding="utf-8")
    with pytest.raises(FixFileError, match=r"broken\.gpx:\d+: malformed GPX"):
        read_fixes(path)


def test_gcj02_file_is_converted_to_wgs84(tmp_path):
    lon, lat = wgs84_to_gcj02(118.1, 24.5)
    path = tmp_path / "amap.csv"
    path.write_text(f"time,lat,lon\n2026-11-30T09:00:00,{lat},{lon}\n", encoding="utf-8")
    [fix] = read_fixes(path, datum="gcj02").fixes
    assert fix.lon == pytest.approx(118.1, abs=1e-7) and fix.lat == pytest.approx(24.5, abs=1e-7)


def test_unknown_format_and_missing_file(tmp_path):
    with pytest.raises(FixFileError, match="cannot tell the format"):
        read_fixes(tmp_path / "fixes.txt")
    with pytest.raises(FixFileError, match="no such file"):
        read_fixes(tmp_path / "none.csv")
