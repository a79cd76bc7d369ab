"""GPX export of a worker-day: the existing GPX reader gets the same fixes back, stops become waypoints."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import numpy as np
import pytest

from console.domain.tracks import detect_stops
from console.importers.fixes import read_fixes
from console.importers.gpx_export import GPX_NS, GpxDay, write_gpx
from console.services.tracks import to_seconds

START = datetime(2026, 3, 2, 8, 30, 0, 250_000)


def _day() -> GpxDay:
    """A walk east, a ten-minute stay, a walk north; fixes every 7.5 s so some times carry fractions."""
    east = [(121.4 + i * 15 / 91_000, 31.2) for i in range(40)]
    north = [(east[-1][0], 31.2 + i * 15 / 111_000) for i in range(1, 41)]
    points = east + [east[-1]] * 80 + north
    t = to_seconds([START + timedelta(seconds=7.5 * i) for i in range(len(points))])
    lon, lat = (np.array(v) for v in zip(*points))
    return GpxDay("W6", "网格员<6>", t, lon, lat, tuple(detect_stops(t, lon, lat)))


def test_reading_the_export_back_gives_the_same_fixes(tmp_path):
    day = _day()
    path = write_gpx(tmp_path / "day.gpx", [day])
    parsed = read_fixes(path)
    assert len(parsed.fixes) == len(day.t)
    assert to_seconds([f.t for f in parsed.fixes]).tolist() == day.t.tolist()
    assert [f.lon for f in parsed.fixes] == pytest.approx(day.lon.tolist(), abs=1e-9)
    assert [f.lat for f in parsed.fixes] == pytest.approx(day.lat.tolist(), abs=1e-9)
    assert {f.worker for f in parsed.fixes} == {"W6"}
    assert [(r.field, r.reason) for r in parsed.rejected] == [("t", "missing")] * len(day.stops)
    assert not (tmp_path / "day.gpx.part").exists()


def test_stops_are_waypoints_and_times_are_utc(tmp_path):
    day = _day()
    assert len(day.stops) == 1
    root = ElementTree.parse(write_gpx(tmp_path / "day.gpx", [day])).getroot()
    ns = {"g": GPX_NS}
    assert root.get("version") == "1.1"
    [wpt] = root.findall("g:wpt", ns)
    stop = day.stops[0]
    assert (float(wpt.get("lon")), float(wpt.get("lat"))) == pytest.approx((stop.lon, stop.lat), abs=1e-9)
    assert wpt.findtext("g:type", namespaces=ns) == "stop"
    assert wpt.findtext("g:desc", namespaces=ns) == f"{round(stop.duration_s / 60)} min"
    assert root.findtext("g:trk/g:desc", namespaces=ns) == "网格员<6>"
    times = [e.text for e in root.iterfind("g:trk/g:trkseg/g:trkpt/g:time", ns)]
    assert all(text.endswith("Z") for text in times)
    expected = START.astimezone(UTC)  # the naive start read in the machine's zone, like the reader
    assert times[0] == expected.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"


def test_two_workers_read_back_as_their_own_tracks(tmp_path):
    first = _day()
    second = GpxDay("W7", "网格员7", first.t + 30, first.lon + 0.01, first.lat, first.stops)
    root = ElementTree.parse(write_gpx(tmp_path / "two.gpx", [first, second])).getroot()
    ns = {"g": GPX_NS}
    assert [t.findtext("g:name", namespaces=ns) for t in root.findall("g:trk", ns)] == ["W6", "W7"]
    assert [w.findtext("g:cmt", namespaces=ns) for w in root.findall("g:wpt", ns)] == ["W6", "W7"]
    parsed = read_fixes(tmp_path / "two.gpx")
    by_worker = {code: [f for f in parsed.fixes if f.worker == code] for code in ("W6", "W7")}
    assert [len(fixes) for fixes in by_worker.values()] == [len(first.t), len(second.t)]
    assert [f.lon for f in by_worker["W7"]] == pytest.approx(second.lon.tolist(), abs=1e-9)


def test_points_outside_a_named_track_take_the_files_name(tmp_path):
    path = tmp_path / "metadata.gpx"
    path.write_text(f'''<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="x" xmlns="{GPX_NS}"><metadata><name>W9</name></metadata>
  <trk><trkseg><trkpt lat="31.2" lon="121.4"><time>2026-03-02T00:30:00Z</time></trkpt></trkseg></trk>
  <trk><name>W6</name><trkseg><trkpt lat="31.2" lon="121.5"><time>2026-03-02T00:31:00Z</time></trkpt></trkseg></trk>
</gpx>''', encoding="utf-8")
    assert [f.worker for f in read_fixes(path).fixes] == ["W9", "W6"]
