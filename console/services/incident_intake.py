"""Taking a case in by hand (walk-in 来访, phone 来电 …): check every field of the form, find the grid under
the point, and create the case with its history line and change_log row — or write nothing and say which
fields are wrong. Also the address lookup the intake form uses to place a case without the map."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.incident_catalog import CATEGORY_BY_KEY
from console.domain.incident_sources import PRIORITY_LABELS
from console.domain.messages import Message, explain, reason_of
from console.domain.phones import normalize_phone, reporter_text
from console.services.grids import GridLocator, GridRef
from console.services.incidents import NewIncident, create_incident
from console.services.jurisdiction import Actor
from console.services.premises import PremiseQuery, premises_page
from db.models import Premise

INTAKE_SOURCES = ("walk_in", "phone", "hotline_12345", "police_110", "grid_worker", "citizen_app", "video",
                  "iot_sensor", "warning")
"""The channels a person types a case in from; "import" is for files only."""
PHONE_REQUIRED_SOURCES = frozenset({"phone", "hotline_12345", "police_110"})
"""A call always has a number to call back."""
TITLE_MAX = 200
NAME_MAX = 40
ADDRESS_MAX = 300


@dataclass(frozen=True)
class IntakeForm:
    source: str
    category: str
    title: str
    lon: float | None
    lat: float | None
    priority: int = 3
    description: str = ""
    address: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""


@dataclass(frozen=True)
class FieldProblem:
    """`code` is one of missing, invalid, too_long, outside (for the console's own wording)."""

    field: str
    code: str
    reason: Message

    def describe(self) -> Message:
        return explain("{field}: {reason}", field=self.field, reason=self.reason)

    def __str__(self) -> str:
        return str(self.describe())


class IntakeError(ValueError):
    """The form cannot be taken in; nothing was written. `problems` names every bad field."""

    JOINER = "; "

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__(self.JOINER.join(map(str, self.lines())))

    def lines(self) -> list[Message]:
        return [p.describe() for p in self.problems]


@dataclass(frozen=True)
class TakenIn:
    id: int
    case_no: str
    grid_id: int
    grid_name: str


@dataclass(frozen=True)
class AddressHit:
    """A place whose address matches, from the premises register (the district's address book)."""

    name: str
    address: str
    lon: float
    lat: float
    grid_name: str


def _too_long(limit: int) -> Message:
    return explain("longer than {count} characters", count=limit)


def check_form(form: IntakeForm) -> list[FieldProblem]:
    """Every problem of the form's own fields (the grid is checked against the database by take_in)."""
    problems = []
    if form.source not in INTAKE_SOURCES:
        problems.append(FieldProblem("source", "invalid", explain("unknown {field} {value}", field="source",
                                                                  value=repr(form.source))))
    if form.category not in CATEGORY_BY_KEY:
        problems.append(FieldProblem("category", "missing" if not form.category else "invalid",
                                     explain("unknown {field} {value}", field="category",
                                             value=repr(form.category))))
    if not form.title.strip():
        problems.append(FieldProblem("title", "missing", explain("empty")))
    elif len(form.title.strip()) > TITLE_MAX:
        problems.append(FieldProblem("title", "too_long", _too_long(TITLE_MAX)))
    if form.priority not in PRIORITY_LABELS:
        problems.append(FieldProblem("priority", "invalid", explain("must be 1 to 4, not {value}",
                                                                    value=form.priority)))
    if len(form.reporter_name.strip()) > NAME_MAX:
        problems.append(FieldProblem("reporter_name", "too_long", _too_long(NAME_MAX)))
    if len(form.address.strip()) > ADDRESS_MAX:
        problems.append(FieldProblem("address", "too_long", _too_long(ADDRESS_MAX)))
    if form.reporter_phone.strip():
        try:
            normalize_phone(form.reporter_phone)
        except ValueError as exc:
            problems.append(FieldProblem("reporter_phone", "invalid", reason_of(exc)))
    elif form.source in PHONE_REQUIRED_SOURCES:
        problems.append(FieldProblem("reporter_phone", "missing",
                                     explain("a {source} report needs the number", source=form.source)))
    if form.lon is None or form.lat is None:
        problems.append(FieldProblem("location", "missing",
                                     explain("pick a point on the map or find the address")))
    elif not (-180 <= form.lon <= 180 and -90 <= form.lat <= 90):
        problems.append(FieldProblem("location", "invalid", explain(
            "{lon}, {lat} is not a longitude/latitude", lon=form.lon, lat=form.lat)))
    return problems


def locate(session: Session, actor: Actor, lon: float, lat: float) -> GridRef | None:
    """The grid of the actor's jurisdiction under the point (what the form shows once a point is chosen)."""
    return GridLocator.load(session, actor).locate(lon, lat)


def take_in(session: Session, actor: Actor, form: IntakeForm, *, now: datetime | None = None) -> TakenIn:
    """Create the case in the caller's transaction, or raise IntakeError having written nothing."""
    problems = check_form(form)
    grid = None
    if not any(p.field == "location" for p in problems):
        grid = locate(session, actor, form.lon, form.lat)
        if grid is None:
            problems.append(FieldProblem("location", "outside", explain(
                "{lon}, {lat} lies in no grid of {user}'s jurisdiction", lon=f"{form.lon:.6f}",
                lat=f"{form.lat:.6f}", user=actor.username)))
    if problems:
        raise IntakeError(problems)
    phone = normalize_phone(form.reporter_phone) if form.reporter_phone.strip() else None
    new = NewIncident(source=form.source, category=form.category, title=form.title.strip(), lon=form.lon,
                      lat=form.lat, priority=form.priority, description=form.description.strip() or None,
                      address=form.address.strip() or None,
                      reporter=reporter_text(form.reporter_name, phone), grid_id=grid.id)
    incident = create_incident(session, actor, new, now=now)
    return TakenIn(incident.id, incident.case_no, grid.id, grid.name)


def find_addresses(session: Session, actor: Actor, text: str, limit: int = 20) -> list[AddressHit]:
    """Places of the jurisdiction whose name, address or code matches `text` (the premises search)."""
    rows = premises_page(session, actor, PremiseQuery(text=text, sort="address"), 0, limit)
    if not rows:
        return []
    points = {pid: (lon, lat) for pid, lon, lat in session.execute(
        select(Premise.id, Premise.lon, Premise.lat).where(Premise.id.in_([r.id for r in rows])))}
    return [AddressHit(r.name, r.address, *points[r.id], r.grid_name) for r in rows if r.id in points]
