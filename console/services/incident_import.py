"""Bulk intake and export of incidents: all rows of a file go in, or none.

A case list from another system is only useful whole: half an import leaves operators unsure which cases
they have. So every row is checked first (fields, known category and source, a grid under the point, a case
number not taken) and any problem aborts the lot with the file, row and field named."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.domain.incident_catalog import CATEGORY_BY_KEY
from console.domain.incident_sources import PRIORITY_LABELS, SOURCE_LABELS
from console.domain.messages import Message, explain
from console.services.grids import GridLocator
from console.services.incidents import NewIncident, create_incident
from console.services.jurisdiction import Actor, within
from db.models import Incident, IncidentHistory, OrgUnit

MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class Problem:
    """`row` 0 is the whole file; `field` the column as the file names it."""

    path: str
    row: int
    field: str
    reason: Message

    def describe(self) -> Message:
        return explain("{path}: row {row}: {field}: {reason}", path=self.path, row=self.row, field=self.field,
                       reason=self.reason)

    def __str__(self) -> str:
        return str(self.describe())


class IncidentFileError(ValueError):
    """A file that cannot be imported; nothing of it was written. `problems` lists every bad row and field."""

    JOINER = "\n"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.JOINER.join(map(str, self.lines())))

    def lines(self) -> list[Message]:
        """The text as lines for people: a head, the first problems and how many more there are."""
        lines = [explain("{count} problem(s), nothing imported:", count=len(self.problems))]
        lines += [p.describe() for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        if len(self.problems) > MAX_PROBLEMS_SHOWN:
            more = len(self.problems) - MAX_PROBLEMS_SHOWN
            lines.append(explain("… and {count} more problems", count=more))
        return lines


@dataclass(frozen=True)
class IncidentRecord:
    """One parsed row, coordinates already WGS-84; `closed_at` brings a finished case."""

    row: int
    source: str
    category: str
    title: str
    lon: float
    lat: float
    reported_at: datetime
    description: str | None = None
    address: str | None = None
    reporter: str | None = None
    priority: int = 3
    case_no: str | None = None
    deadline: datetime | None = None
    closed_at: datetime | None = None
    updated_at: datetime | None = None


def _field_problems(path: str, rec: IncidentRecord) -> list[Problem]:
    found = []
    if rec.category not in CATEGORY_BY_KEY:
        found.append(Problem(path, rec.row, "category",
                             explain("unknown {field} {value}", field="category", value=repr(rec.category))))
    if rec.source not in SOURCE_LABELS:
        found.append(Problem(path, rec.row, "source",
                             explain("unknown {field} {value}", field="source", value=repr(rec.source))))
    if rec.priority not in PRIORITY_LABELS:
        found.append(Problem(path, rec.row, "priority",
                             explain("must be 1 to 4, not {value}", value=rec.priority)))
    if not rec.title.strip():
        found.append(Problem(path, rec.row, "title", explain("empty")))
    return found


def check_records(session: Session, actor: Actor, path: str, records: list[IncidentRecord],
                  locator: GridLocator) -> list[Problem]:
    """Every problem of the file, in row order; an empty list means it can be imported."""
    problems = [p for rec in records for p in _field_problems(path, rec)]
    grids = locator.locate_many([r.lon for r in records], [r.lat for r in records])
    for rec, grid in zip(records, grids, strict=True):
        if grid is None:
            problems.append(Problem(path, rec.row, "lon/lat", explain(
                "{lon}, {lat} lies in no grid of {user}'s jurisdiction", lon=f"{rec.lon:.6f}",
                lat=f"{rec.lat:.6f}", user=actor.username)))
    seen: dict[str, int] = {}
    for rec in records:
        if rec.case_no and rec.case_no in seen:
            problems.append(Problem(path, rec.row, "case_no",
                                    explain("{case_no} repeats row {row}", case_no=rec.case_no,
                                            row=seen[rec.case_no])))
        elif rec.case_no:
            seen[rec.case_no] = rec.row
    numbers = list(seen)
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        for taken in session.scalars(select(Incident.case_no).where(Incident.case_no.in_(chunk))):
            problems.append(Problem(path, seen[taken], "case_no",
                                    explain("{case_no} is already in the database", case_no=taken)))
    return sorted(problems, key=lambda p: (p.row, p.field))


def import_records(session: Session, actor: Actor, path: str, records: list[IncidentRecord]) -> int:
    """Insert every record in the caller's transaction, or raise IncidentFileError having written nothing."""
    locator = GridLocator.load(session, actor)
    problems = check_records(session, actor, path, records, locator)
    if problems:
        raise IncidentFileError(problems)
    grids = locator.locate_many([r.lon for r in records], [r.lat for r in records])
    for rec, grid in zip(records, grids, strict=True):
        new = NewIncident(source=rec.source, category=rec.category, title=rec.title, lon=rec.lon, lat=rec.lat,
                          priority=rec.priority, description=rec.description, address=rec.address,
                          reporter=rec.reporter, reported_at=rec.reported_at, grid_id=grid.id, case_no=rec.case_no)
        create_incident(session, actor, new, state="closed" if rec.closed_at else "reported",
                        closed_at=rec.closed_at, history_at=rec.updated_at, deadline=rec.deadline, locator=locator)
    return len(records)


@dataclass(frozen=True)
class ExportRow:
    case_no: str
    source: str
    category: str
    priority: int
    title: str
    description: str | None
    address: str | None
    lon: float
    lat: float
    grid_name: str
    state: str
    level: str
    reported_at: datetime
    deadline: datetime | None
    closed_at: datetime | None
    reporter: str | None
    updated_at: datetime


def _export_stmt(actor: Actor):
    last = (select(IncidentHistory.incident_id, func.max(IncidentHistory.at).label("at"))
            .group_by(IncidentHistory.incident_id).subquery())
    return (select(Incident.case_no, Incident.source, Incident.category, Incident.priority, Incident.title,
                   Incident.description, Incident.address, Incident.lon, Incident.lat, OrgUnit.name,
                   Incident.state, Incident.level, Incident.reported_at, Incident.deadline, Incident.closed_at,
                   Incident.reporter, func.coalesce(last.c.at, Incident.reported_at), Incident.id)
            .join(OrgUnit, OrgUnit.id == Incident.grid_id)
            .outerjoin(last, last.c.incident_id == Incident.id)
            .where(within(actor, Incident.org_path)))


def export_rows(session: Session, actor: Actor, batch: int = 2000) -> Iterator[ExportRow]:
    """Every case of the jurisdiction, oldest first, with the time of its last history line."""
    stmt = _export_stmt(actor).order_by(Incident.reported_at, Incident.id)
    for row in session.execute(stmt.execution_options(yield_per=batch)):
        yield ExportRow(*row[:-1])


def export_rows_of(session: Session, actor: Actor, ids: list[int], batch: int = 500) -> Iterator[ExportRow]:
    """The given cases of the jurisdiction in the given order (a queue as the inbox shows it)."""
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        found = {row[-1]: ExportRow(*row[:-1])
                 for row in session.execute(_export_stmt(actor).where(Incident.id.in_(chunk)))}
        yield from (found[i] for i in chunk if i in found)
