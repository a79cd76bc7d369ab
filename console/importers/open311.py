"""Open311 GeoReport v2 service requests (JSON) in and out.

Export maps closed, rejected and duplicate cases to status "closed", everything else to "open" (DESIGN.md),
and writes only fields an import reads back, so exporting, importing into another database and exporting
again gives the same requests."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from console.domain.geo import to_wgs84
from console.domain.incident_catalog import category_label
from console.domain.messages import Invalid, explain, reason_of
from console.importers.incident_values import (
    CATEGORY_ALIASES,
    format_datetime,
    parse_alias,
    parse_coordinate,
    parse_datetime,
    text_or_none,
)
from console.services.incident_import import ExportRow, IncidentFileError, IncidentRecord, Problem

CLOSED_STATES = frozenset({"closed", "evaluated", "archived", "rejected", "duplicate"})
TITLE_LENGTH = 60
IMPORT_SOURCE = "import"


def _title(description: str | None, fallback: str) -> str:
    first = (description or "").strip().splitlines()
    return (first[0] if first else fallback)[:TITLE_LENGTH]


def _status(value: object) -> str:
    if value not in ("open", "closed"):
        raise Invalid(explain("must be 'open' or 'closed', not {value}", value=repr(value)))
    return str(value)


def _record(path: str, row: int, req: dict, datum: str, problems: list[Problem]) -> IncidentRecord | None:
    def need(key: str, parse):
        if req.get(key) in (None, ""):
            problems.append(Problem(path, row, key, explain("missing")))
            return None
        try:
            return parse(req[key])
        except ValueError as exc:
            problems.append(Problem(path, row, key, reason_of(exc)))
            return None

    def optional(key: str, parse):
        return None if req.get(key) in (None, "") else need(key, parse)

    lat = need("lat", lambda v: parse_coordinate(v, -90, 90))
    lon = need("long", lambda v: parse_coordinate(v, -180, 180))
    category = need("service_code", lambda v: parse_alias(v, CATEGORY_ALIASES, "service_code"))
    requested = need("requested_datetime", parse_datetime)
    updated = optional("updated_datetime", parse_datetime)
    expected = optional("expected_datetime", parse_datetime)
    status = need("status", _status)
    if None in (lat, lon, category, requested, status):
        return None
    lon, lat = to_wgs84(datum, lon, lat)
    description = text_or_none(req.get("description"))
    return IncidentRecord(row=row, source=IMPORT_SOURCE, category=category,
                          title=_title(description, category_label(category)), lon=lon, lat=lat,
                          reported_at=requested, description=description,
                          address=text_or_none(req.get("address")),
                          case_no=text_or_none(req.get("service_request_id")), deadline=expected,
                          closed_at=(updated or requested) if status == "closed" else None,
                          updated_at=updated)


def parse_open311(path: Path, datum: str = "wgs84") -> tuple[list[IncidentRecord], list[Problem]]:
    """The good requests and every problem of the bad ones (row = position, 1-based); a file that is not a
    JSON array of requests raises IncidentFileError."""
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = explain("not Open311 JSON: {detail}", detail=exc)
        raise IncidentFileError([Problem(name, 0, "file", reason)]) from None
    if isinstance(data, dict) and "service_requests" in data:
        data = data["service_requests"]
    if not isinstance(data, list):
        reason = explain("expected a JSON array of service requests")
        raise IncidentFileError([Problem(name, 0, "file", reason)])
    problems: list[Problem] = []
    records = []
    for row, req in enumerate(data, start=1):
        if not isinstance(req, dict):
            problems.append(Problem(name, row, "request", explain("not a JSON object")))
            continue
        rec = _record(name, row, req, datum, problems)
        if rec is not None:
            records.append(rec)
    return records, problems


def read_open311(path: Path, datum: str = "wgs84") -> list[IncidentRecord]:
    """Parse a file; raises IncidentFileError naming every bad request (row = position, 1-based)."""
    records, problems = parse_open311(path, datum)
    if problems:
        raise IncidentFileError(problems)
    return records


def to_request(row: ExportRow) -> dict:
    request = {
        "service_request_id": row.case_no,
        "status": "closed" if row.state in CLOSED_STATES else "open",
        "service_code": row.category,
        "service_name": category_label(row.category),
        "description": row.description or row.title,
        "requested_datetime": format_datetime(row.reported_at),
        "updated_datetime": format_datetime(row.updated_at),
        "address": row.address or "",
        "lat": row.lat,
        "long": row.lon,
    }
    if row.deadline is not None:
        request["expected_datetime"] = format_datetime(row.deadline)
    return request


def write_open311(path: Path, rows: Iterable[ExportRow]) -> int:
    requests = [to_request(r) for r in rows]
    path.write_text(json.dumps(requests, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(requests)
