"""Worker-days as a GPX 1.1 file: each worker's filtered fixes as one track with timestamps, the stops as
waypoints (their <cmt> the worker's code).

It sits beside the GPX reader (console.importers.fixes) and writes what that reader takes back: a track's
<name> is its worker's code, so `ingest fixes` of an exported file files the fixes under the same workers.
Times in the database are naive local; GPX wants UTC, so they are converted with the machine's zone, the
same zone the reader converts back with. Stop waypoints carry no <time> (their span is in the name): a
timed waypoint would read back as one more fix."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from console.domain.tracks import Stop
from console.services.tracks import from_seconds

GPX_NS = "http://www.topografix.com/GPX/1/1"
CREATOR = "Pingan Console"


@dataclass(frozen=True)
class GpxDay:
    """`t` in wall-clock seconds (naive local time read as UTC, see console.services.tracks.to_seconds)."""

    code: str
    name: str
    t: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    stops: Sequence[Stop] = ()


def _utc_text(seconds: float) -> str:
    moment = from_seconds(seconds).astimezone(UTC)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{text}.{moment.microsecond:06d}Z" if moment.microsecond else f"{text}Z"


def _coords(lon: float, lat: float) -> str:
    return f'lat="{lat:.9f}" lon="{lon:.9f}"'


def gpx_text(days: Sequence[GpxDay]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<gpx version="1.1" creator={quoteattr(CREATOR)} xmlns="{GPX_NS}">']
    for day in days:  # GPX puts every waypoint before the first track
        for stop in day.stops:
            span = f"{from_seconds(stop.start):%H:%M}–{from_seconds(stop.end):%H:%M}"
            lines.append(f"  <wpt {_coords(stop.lon, stop.lat)}><name>{span}</name><cmt>{escape(day.code)}</cmt>"
                         f"<desc>{round(stop.duration_s / 60)} min</desc><type>stop</type></wpt>")
    for day in days:
        lines.append(f"  <trk><name>{escape(day.code)}</name><desc>{escape(day.name)}</desc><trkseg>")
        lines += [f"    <trkpt {_coords(x, y)}><time>{_utc_text(t)}</time></trkpt>"
                  for t, x, y in zip(day.t.tolist(), day.lon.tolist(), day.lat.tolist())]
        lines.append("  </trkseg></trk>")
    lines += ["</gpx>", ""]
    return "\n".join(lines)


def write_gpx(path: Path | str, days: Sequence[GpxDay]) -> Path:
    """Write the file whole (a temporary beside it, then renamed), so a failed write leaves no half file."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    partial.write_text(gpx_text(days), encoding="utf-8")
    partial.replace(path)
    return path
