"""What the import dialog shows before anything is written: the file's first rows as they stand, and a dry
run that sorts every row into accepted or rejected (with line, field and reason) by the very checks the
import applies. Import stays all-or-nothing, as on the command line: a file with any rejected row is not
imported, and the dry run says which rows to fix."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from console.domain.messages import explain
from console.importers.incident_tables import ColumnMapping, parse_table, table_rows
from console.importers.open311 import parse_open311
from console.services.grids import GridLocator
from console.services.incident_import import (
    IncidentFileError,
    IncidentRecord,
    Problem,
    check_records,
    import_records,
)
from console.services.jurisdiction import Actor

IMPORT_FORMATS = ("open311", "csv", "xlsx")
EXPORT_FORMATS = ("open311", "xlsx")
SUFFIX_FORMATS = {".json": "open311", ".csv": "csv", ".txt": "csv", ".xlsx": "xlsx"}
OPEN311_PREVIEW_FIELDS = ("service_request_id", "status", "service_code", "description", "requested_datetime",
                          "address", "lat", "long")


def format_of(path: Path) -> str | None:
    """The import format the file name says (.json, .csv/.txt, .xlsx), None when it says nothing."""
    return SUFFIX_FORMATS.get(path.suffix.lower())


@dataclass(frozen=True)
class FilePreview:
    header: list[str]
    rows: list[tuple[int, list[str]]]
    """(line or request number, cells) of the first data rows."""


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def preview_file(path: Path, fmt: str, limit: int = 20) -> FilePreview:
    """The header and first `limit` rows as written (Open311: the fields the import reads)."""
    if fmt == "open311":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IncidentFileError([Problem(str(path), 0, "file",
                                             explain("not Open311 JSON: {detail}", detail=exc))]) from None
        if isinstance(data, dict):
            data = data.get("service_requests", [])
        requests = data if isinstance(data, list) else []
        rows = [(n, [_cell(req.get(k)) if isinstance(req, dict) else "" for k in OPEN311_PREVIEW_FIELDS])
                for n, req in enumerate(requests[:limit], start=1)]
        return FilePreview(list(OPEN311_PREVIEW_FIELDS), rows)
    header: list[str] | None = None
    rows = []
    for line, cells in table_rows(path, fmt):
        if header is None:
            header = [_cell(c).strip() for c in cells]
            continue
        if len(rows) >= limit:
            break
        rows.append((line, [_cell(c) for c in cells]))
    if header is None:
        raise IncidentFileError([Problem(str(path), 0, "file", explain("empty: no header row"))])
    return FilePreview(header, rows)


@dataclass(frozen=True)
class ImportCheck:
    """A dry run: `accepted` rows would go in; `problems` (row 0: the whole file) keep the file out."""

    accepted: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row > 0})

    @property
    def importable(self) -> bool:
        return bool(self.accepted) and not self.problems


def parse_file(path: Path, fmt: str, mapping: ColumnMapping | None,
               datum: str | None) -> tuple[list[IncidentRecord], list[Problem]]:
    if fmt == "open311":
        return parse_open311(path, datum or "wgs84")
    return parse_table(path, fmt, mapping, datum)


def check_file(session: Session, actor: Actor, path: Path, fmt: str, mapping: ColumnMapping | None = None,
               datum: str | None = None) -> ImportCheck:
    """Every row's fate under the import's checks; writes nothing."""
    try:
        records, problems = parse_file(path, fmt, mapping, datum)
    except IncidentFileError as exc:
        return ImportCheck([], list(exc.problems))
    problems = problems + check_records(session, actor, str(path), records, GridLocator.load(session, actor))
    bad = {p.row for p in problems}
    return ImportCheck([r.row for r in records if r.row not in bad], sorted(problems, key=lambda p: (p.row,
                                                                                                  p.field)))


def import_file(session: Session, actor: Actor, path: Path, fmt: str, mapping: ColumnMapping | None = None,
                datum: str | None = None) -> int:
    """All rows in the caller's transaction, or IncidentFileError having written nothing (as the CLI)."""
    records, problems = parse_file(path, fmt, mapping, datum)
    if problems:
        raise IncidentFileError(problems)
    return import_records(session, actor, str(path), records)
