"""GPS fixes from the field system's exports: CSV, GPX and JSON lines.

A malformed row never stops a file: it is rejected with the file, line and field it failed on, and the
rest is read. Only a file that cannot be read at all (missing columns, broken XML, unknown format) raises.
Times come out as naive local datetimes, like every time in the database; coordinates as WGS-84."""
from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.parsers import expat

from console.domain.geo import to_wgs84

FORMATS = ("csv", "gpx", "jsonl")
ALIASES = {
    "t": ("t", "time", "timestamp", "locatetime", "datetime"),
    "lon": ("lon", "lng", "longitude"),
    "lat": ("lat", "latitude"),
    "speed": ("speed",),
    "accuracy": ("accuracy", "acc"),
    "worker": ("worker", "worker_code", "device", "device_id"),
}
REQUIRED = ("t", "lon", "lat")


class FixFileError(ValueError):
    """The file as a whole cannot be read; the text names the file (and line when known)."""


@dataclass(frozen=True)
class RawFix:
    line: int
    t: datetime
    lon: float
    lat: float
    speed: float | None = None
    accuracy: float | None = None
    worker: str | None = None


@dataclass(frozen=True)
class RejectedRow:
    path: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.reason}"


@dataclass
class ParsedFixes:
    path: str
    fixes: list[RawFix] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)


class _RowError(ValueError):
    def __init__(self, field_name: str, reason: str):
        super().__init__(reason)
        self.field_name = field_name


def parse_time(value: str | float) -> datetime:
    """Epoch milliseconds or seconds (by magnitude), or ISO 8601; aware times become local naive."""
    if isinstance(value, (int, float)) or value.strip().lstrip("-").replace(".", "", 1).isdigit():
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{value!r} is not a time")
        return datetime.fromtimestamp(number / 1000.0 if abs(number) > 1e11 else number)
    text = value.strip().replace("Z", "+00:00")
    parsed = datetime.fromisoformat(text)
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _number(name: str, value: object, required: bool) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _RowError(name, "missing")
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _RowError(name, f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise _RowError(name, f"{value!r} is not a finite number")
    return number


def _fix_from_fields(line: int, values: dict[str, object], datum: str) -> RawFix:
    raw_t = values.get("t")
    if raw_t is None or raw_t == "":
        raise _RowError("t", "missing")
    try:
        t = parse_time(raw_t)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError, OSError):
        raise _RowError("t", f"{raw_t!r} is not a time (epoch ms/s or ISO 8601)") from None
    lon, lat = _number("lon", values.get("lon"), True), _number("lat", values.get("lat"), True)
    if datum != "wgs84":
        lon, lat = to_wgs84(datum, lon, lat)
    worker = values.get("worker")
    return RawFix(line, t, lon, lat, _number("speed", values.get("speed"), False),
                  _number("accuracy", values.get("accuracy"), False),
                  (str(worker).strip() or None) if worker is not None else None)


def _canonical(keys: Iterable[str]) -> dict[str, str]:
    """Canonical field name → the key the file uses for it."""
    lowered = {k.strip().lower(): k for k in keys if k is not None}
    return {name: lowered[a] for name, aliases in ALIASES.items() for a in aliases if a in lowered}


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = _canonical(reader.fieldnames or [])
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            raise FixFileError(f"{path}: no column for {', '.join(missing)} "
                               f"(accepted names: {'; '.join('/'.join(ALIASES[m]) for m in missing)})")
        for row in reader:
            yield reader.line_num, {name: row.get(key) for name, key in columns.items()}


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, object] | _RowError]]:
    with path.open(encoding="utf-8-sig") as fh:
        for n, text in enumerate(fh, start=1):
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield n, _RowError("json", f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield n, _RowError("json", "not a JSON object")
                continue
            yield n, {name: obj.get(key) for name, key in _canonical(obj).items()}


def _gpx_rows(path: Path) -> list[tuple[int, dict[str, object]]]:
    """Track and route points with their line numbers (expat tells them; ElementTree would not). A track's
    <name> is its worker; points outside a named track take the file's first <name> (e.g. its metadata's)."""
    rows: list[tuple[int, dict[str, object]]] = []
    current: dict[str, object] | None = None
    text: list[str] = []
    file_name: list[str] = []
    track_name: list[str] = []
    in_track = False
    parser = expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal current, in_track
        local = tag.rsplit(":", 1)[-1]
        if local in ("trk", "rte"):
            in_track = True
            track_name.clear()
        if local in ("trkpt", "rtept", "wpt"):
            current = {"lon": attrs.get("lon"), "lat": attrs.get("lat"), "line": parser.CurrentLineNumber}
            named = track_name or file_name
            if named:
                current["worker"] = named[0]
        text.clear()

    def end(tag: str) -> None:
        nonlocal current, in_track
        local = tag.rsplit(":", 1)[-1]
        value = "".join(text).strip()
        named = track_name if in_track else file_name
        if current is not None and local in ("time", "speed"):
            current["t" if local == "time" else "speed"] = value
        elif current is None and local == "name" and not named and value:
            named.append(value)
        elif local in ("trk", "rte"):
            in_track = False
        elif current is not None and local in ("trkpt", "rtept", "wpt"):
            line = int(current.pop("line"))  # type: ignore[arg-type]
            rows.append((line, current))
            current = None
        text.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    try:
        with path.open("rb") as fh:
            parser.ParseFile(fh)
    except expat.ExpatError as exc:
        raise FixFileError(f"{path}:{exc.lineno}: malformed GPX ({expat.ErrorString(exc.code)})") from None
    return rows


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("jsonl", "ndjson", "json"):
        return "jsonl"
    if suffix in FORMATS:
        return suffix
    raise FixFileError(f"{path}: cannot tell the format from the name; give one of {', '.join(FORMATS)}")


def read_fixes(path: Path | str, fmt: str | None = None, datum: str = "wgs84") -> ParsedFixes:
    """Every good row as a RawFix, every bad one as a RejectedRow naming file, line and field."""
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise FixFileError(f"{path}: unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not path.is_file():
        raise FixFileError(f"{path}: no such file")
    rows = {"csv": _csv_rows, "jsonl": _jsonl_rows, "gpx": _gpx_rows}[fmt](path)
    result = ParsedFixes(str(path))
    try:
        for line, values in rows:
            try:
                if isinstance(values, _RowError):
                    raise values
                result.fixes.append(_fix_from_fields(line, values, datum))
            except _RowError as exc:
                result.rejected.append(RejectedRow(str(path), line, exc.field_name, str(exc)))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FixFileError(f"{path}: cannot be read as {fmt.upper()} ({exc})") from None
    return result
