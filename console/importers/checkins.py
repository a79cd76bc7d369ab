"""QR check-ins from the field system's exports: CSV (header row) or JSON (a list, or {"checkins": [...]}).

Each record names the scanned QR payload, the worker, the time and (optionally) the position. A malformed
record is rejected with its line (CSV) or record number (JSON); signatures and distances are judged later by
the service, which knows the installation key and the premises."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from console.domain.geo import to_wgs84
from console.importers.fixes import RejectedRow, parse_time

ALIASES = {"qr": ("qr", "payload", "qr_payload", "code"), "worker": ("worker", "worker_code"),
           "at": ("at", "time", "t", "timestamp", "checked_in_at"), "lon": ("lon", "lng", "longitude"),
           "lat": ("lat", "latitude")}
REQUIRED = ("qr", "worker", "at")


class CheckinFileError(ValueError):
    """The file as a whole cannot be read; the text names the file."""


@dataclass(frozen=True)
class RawCheckin:
    line: int
    qr: str
    worker: str
    at: datetime
    lon: float | None
    lat: float | None


@dataclass
class ParsedCheckins:
    path: str
    checkins: list[RawCheckin] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)


class _Bad(ValueError):
    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(reason)
        self.field_name, self.reason = field_name, reason


def _value(record: dict, name: str) -> object:
    for alias in ALIASES[name]:
        if record.get(alias) not in (None, ""):
            return record[alias]
    return None


def _checkin(line: int, record: dict, datum: str) -> RawCheckin:
    for name in REQUIRED:
        if _value(record, name) is None:
            raise _Bad(name, "missing")
    try:
        at = parse_time(_value(record, "at"))
    except ValueError as exc:
        raise _Bad("at", f"not a time: {exc}") from None
    lon_v, lat_v = _value(record, "lon"), _value(record, "lat")
    lon = lat = None
    if lon_v is not None or lat_v is not None:
        try:
            lon, lat = to_wgs84(datum, float(lon_v), float(lat_v))
        except (TypeError, ValueError):
            raise _Bad("lon/lat", "position must be two numbers") from None
    return RawCheckin(line, str(_value(record, "qr")).strip(), str(_value(record, "worker")).strip(), at, lon, lat)


def _records(path: Path) -> list[tuple[int, dict]]:
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            records = data.get("checkins") if isinstance(data, dict) else data
            if not isinstance(records, list):
                raise CheckinFileError(f"{path}: expected a JSON list of check-ins or {{\"checkins\": [...]}}")
            return [(n, r if isinstance(r, dict) else {}) for n, r in enumerate(records, start=1)]
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            return [(n, {(k or "").strip().lower(): v for k, v in row.items()}) for n, row in enumerate(reader, start=2)]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CheckinFileError(f"{path}: cannot be read: {exc}") from None


def read_checkins(path: Path | str, datum: str = "wgs84") -> ParsedCheckins:
    path = Path(path)
    parsed = ParsedCheckins(str(path))
    for line, record in _records(path):
        try:
            parsed.checkins.append(_checkin(line, record, datum))
        except _Bad as bad:
            parsed.rejected.append(RejectedRow(str(path), line, bad.field_name, bad.reason))
    return parsed
