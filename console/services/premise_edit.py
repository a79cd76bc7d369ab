"""Creating and editing premises by hand (a worker found an unregistered enterprise, a licence was renewed).

Bad input is refused with the field named and nothing written; an edit made on a stale copy is refused like
a lost race on a visit (PremiseChanged), so two operators never overwrite each other silently. Each changed
field is kept in premise_edits (what from what), and change_log gets its row in the same transaction."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.domain import inspections as rules
from console.domain.messages import Explained, Message, explain
from console.domain.premise_types import PREMISE_TYPE_LABELS
from console.services.changes import record_change
from console.services.inspections import PremiseChanged
from console.services.jurisdiction import Actor, require_covers, within
from console.services.premise_dossier import PremiseNotFound
from db.models import OrgUnit, Premise
from db.models_dossier import PremiseEdit

# Mainland China with a margin: a point outside is a typo (swapped or truncated coordinates).
LON_RANGE, LAT_RANGE = (73.0, 136.0), (3.0, 54.0)
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_LICENCE = re.compile(r"^[0-9A-Z-]{6,64}$")
LIMITS = {"name": 200, "address": 300, "owner": 100}


class PremiseInvalid(Explained, ValueError):
    """One field is wrong; `field` names it so the form can point at it, `code` says how (for callers that
    react to the kind of problem) and the message says it for people, the field named first."""

    def __init__(self, field: str, code: str, reason: Message) -> None:
        super().__init__(explain("{field}: {reason}", field=field, reason=reason))
        self.field, self.code = field, code


@dataclass(frozen=True)
class PremiseForm:
    """What the create/edit form submits; optional text fields are None when left empty."""
    name: str
    type: str
    address: str
    grid_id: int
    lon: float
    lat: float
    owner: str | None = None
    owner_phone: str | None = None
    licence_no: str | None = None


def _clean(form: PremiseForm) -> PremiseForm:
    def text(value: str | None) -> str | None:
        value = (value or "").strip()
        return value or None

    phone = text(form.owner_phone)
    licence = text(form.licence_no)
    return PremiseForm(name=(form.name or "").strip(), type=form.type, address=(form.address or "").strip(),
                       grid_id=form.grid_id, lon=form.lon, lat=form.lat, owner=text(form.owner),
                       owner_phone=phone.replace(" ", "") if phone else None,
                       licence_no=licence.upper() if licence else None)


def validate(form: PremiseForm) -> PremiseForm:
    """The cleaned form, or PremiseInvalid for the first wrong field in form order."""
    f = _clean(form)
    if not f.name:
        raise PremiseInvalid("name", "required", explain("a name is required"))
    if f.type not in PREMISE_TYPE_LABELS:
        raise PremiseInvalid("type", "unknown", explain("unknown premise type {value}", value=repr(f.type)))
    if not f.address:
        raise PremiseInvalid("address", "required", explain("an address is required"))
    for field, limit in LIMITS.items():
        value = getattr(f, field)
        if value and len(value) > limit:
            raise PremiseInvalid(field, "too_long", explain("at most {count} characters", count=limit))
    if f.owner_phone and not _PHONE.match(f.owner_phone):
        raise PremiseInvalid("owner_phone", "phone", explain("{value} is neither a mobile nor a landline number",
                                                             value=repr(f.owner_phone)))
    if f.licence_no and not _LICENCE.match(f.licence_no):
        raise PremiseInvalid("licence_no", "licence", explain("6–64 digits, capital letters or dashes"))
    if not LON_RANGE[0] <= f.lon <= LON_RANGE[1]:
        raise PremiseInvalid("lon", "outside_china", explain("longitude {value} lies outside China", value=f.lon))
    if not LAT_RANGE[0] <= f.lat <= LAT_RANGE[1]:
        raise PremiseInvalid("lat", "outside_china", explain("latitude {value} lies outside China", value=f.lat))
    return f


def _grid(session: Session, actor: Actor, grid_id: int) -> OrgUnit:
    grid = session.get(OrgUnit, grid_id)
    if grid is None or grid.kind != "grid":
        raise PremiseInvalid("grid_id", "unknown", explain("no grid with id {id}", id=grid_id))
    if not actor.covers(grid.path):
        raise PremiseInvalid("grid_id", "outside_jurisdiction", explain(
            "grid {name} lies outside the jurisdiction of {user}", name=grid.name, user=actor.username))
    return grid


def grids_in(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """(id, "community · grid") of every grid the actor may put a premise in, by code."""
    parent = OrgUnit.__table__.alias("parent")
    rows = session.execute(select(OrgUnit.id, OrgUnit.name, parent.c.name)
                           .outerjoin(parent, parent.c.id == OrgUnit.parent_id)
                           .where(OrgUnit.kind == "grid", within(actor, OrgUnit.path)).order_by(OrgUnit.code))
    return [(gid, f"{community} · {name}" if community else name) for gid, name, community in rows]


def _new_code(session: Session, grid: OrgUnit) -> str:
    """M + grid code + a running number in the grid: readable on a label, never containing a dot."""
    prefix = f"M{grid.code}"
    taken = session.scalar(select(func.count()).select_from(Premise)
                           .where(Premise.code.startswith(prefix, autoescape=True))) or 0
    number = taken + 1
    while session.scalar(select(Premise.id).where(Premise.code == f"{prefix}{number:04d}")) is not None:
        number += 1
    return f"{prefix}{number:04d}"


def _value(value: object) -> str | None:
    return None if value is None else str(value)[:300]


def create_premise(session: Session, actor: Actor, form: PremiseForm, *, now: datetime) -> int:
    """A new premise, green and due for its first visit today; returns its id. The caller commits."""
    f = validate(form)
    grid = _grid(session, actor, f.grid_id)
    premise = Premise(code=_new_code(session, grid), name=f.name, type=f.type, address=f.address,
                      owner=f.owner, owner_phone=f.owner_phone, licence_no=f.licence_no, lon=f.lon, lat=f.lat,
                      grid_id=grid.id, org_path=grid.path, status=rules.GREEN,
                      inspection_cycle_days=rules.cycle_days(f.type),
                      last_inspection=None, next_inspection=now.date(), source="manual", updated_at=now)
    session.add(premise)
    session.flush()
    session.add_all(PremiseEdit(premise_id=premise.id, at=now, actor=actor.username, field=field,
                                old_value=None, new_value=_value(value))
                    for field, value in asdict(f).items() if value is not None)
    record_change(session, "premise", premise.id, "insert", actor.username)
    return premise.id


def update_premise(session: Session, actor: Actor, premise_id: int, expected_version: int, form: PremiseForm,
                   *, now: datetime) -> int:
    """Apply the changed fields as of `expected_version`; returns how many fields changed. The caller
    commits."""
    premise = session.get(Premise, premise_id)
    if premise is None:
        raise PremiseNotFound(explain("No premise with id {id}.", id=premise_id))
    require_covers(actor, premise.org_path, explain("Premise {code}", code=premise.code))
    f = validate(form)
    if premise.version != expected_version:
        raise PremiseChanged(premise.id, expected_version, premise.version)
    grid = _grid(session, actor, f.grid_id) if f.grid_id != premise.grid_id else None
    changed = {field: value for field, value in asdict(f).items() if getattr(premise, field) != value}
    if not changed:
        return 0
    session.add_all(PremiseEdit(premise_id=premise.id, at=now, actor=actor.username, field=field,
                                old_value=_value(getattr(premise, field)), new_value=_value(value))
                    for field, value in changed.items())
    for field, value in changed.items():
        setattr(premise, field, value)
    if grid is not None:
        premise.org_path = grid.path
    if "type" in changed:
        premise.inspection_cycle_days = rules.cycle_days(f.type)
    premise.updated_at = now
    try:
        session.flush()
    except StaleDataError:
        raise PremiseChanged(premise.id, expected_version, expected_version + 1) from None
    record_change(session, "premise", premise.id, "update", actor.username)
    return len(changed)
