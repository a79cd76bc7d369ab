"""The card an operator sees after clicking an object on the map: its main facts, within jurisdiction.

Values are returned raw (type and state keys, dates); the Qt layer translates keys and labels."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from console.services.jurisdiction import Actor, within
from db.models import Camera, GpsFix, Incident, OrgUnit, Premise, Worker

Value = str | int | float | bool | date | datetime | None


@dataclass(frozen=True)
class ObjectCard:
    kind: str
    id: int
    title: str
    fields: tuple[tuple[str, Value], ...]
    """(field key, raw value) in display order."""


def object_card(session: Session, actor: Actor, kind: str, obj_id: int) -> ObjectCard | None:
    """None when the object does not exist or lies outside the actor's jurisdiction."""
    try:
        build = _CARDS[kind]
    except KeyError:
        raise ValueError(f"no card for {kind!r}; expected one of {', '.join(_CARDS)}") from None
    return build(session, actor, obj_id)


def _row(session: Session, actor: Actor, model, unit_col, obj_id: int):
    """The object and the name of its grid (or unit), if it lies inside the actor's jurisdiction."""
    unit = aliased(OrgUnit)
    return session.execute(
        select(model, unit.name).join(unit, unit.id == unit_col)
        .where(model.id == obj_id, within(actor, model.org_path))).first()


def _premise(session: Session, actor: Actor, obj_id: int) -> ObjectCard | None:
    if (row := _row(session, actor, Premise, Premise.grid_id, obj_id)) is None:
        return None
    p, grid_name = row
    return ObjectCard("premises", p.id, p.name, (
        ("code", p.code), ("type", p.type), ("status", p.status), ("address", p.address),
        ("owner", p.owner), ("owner_phone", p.owner_phone), ("grid", grid_name),
        ("last_inspection", p.last_inspection), ("next_inspection", p.next_inspection)))


def _incident(session: Session, actor: Actor, obj_id: int) -> ObjectCard | None:
    if (row := _row(session, actor, Incident, Incident.grid_id, obj_id)) is None:
        return None
    i, grid_name = row
    return ObjectCard("incidents", i.id, i.title, (
        ("case_no", i.case_no), ("category", i.category), ("source", i.source), ("priority", i.priority),
        ("state", i.state), ("reported_at", i.reported_at), ("deadline", i.deadline), ("address", i.address),
        ("grid", grid_name)))


def _worker(session: Session, actor: Actor, obj_id: int) -> ObjectCard | None:
    if (row := _row(session, actor, Worker, Worker.grid_id, obj_id)) is None:
        return None
    w, grid_name = row
    last_fix = session.scalar(select(func.max(GpsFix.t)).where(GpsFix.worker_id == w.id))
    return ObjectCard("workers", w.id, w.name, (
        ("code", w.code), ("phone", w.phone), ("grid", grid_name), ("last_fix", last_fix)))


def _camera(session: Session, actor: Actor, obj_id: int) -> ObjectCard | None:
    if (row := _row(session, actor, Camera, Camera.org_unit_id, obj_id)) is None:
        return None
    c, unit_name = row
    return ObjectCard("cameras", c.id, c.name, (
        ("code", c.code), ("org_unit", unit_name), ("online", c.online), ("stream_url", c.stream_url)))


_CARDS = {"premises": _premise, "incidents": _incident, "workers": _worker, "cameras": _camera}
