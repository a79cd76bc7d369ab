"""Photos on a premise's file (一户一档): a storefront, a hazard found on a visit. Any console user who may
write adds them to a premise of their jurisdiction; the one who added a photo, or an administrator, removes
it. The picture check is the one cases use (image_files). Each add or remove leaves a premise_edits row
(field "photo", the file name as new or old value) for the dossier's history and a change_log row
("premise_photos", premise id) so other consoles showing the premise reload it; the caller commits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.messages import Explained, explain
from console.domain.roles import Role, can_write
from console.services.changes import record_change
from console.services.image_files import read_image
from console.services.jurisdiction import Actor
from console.services.premise_dossier import load_premise
from db.models_dossier import PHOTO_FIELD, PremiseEdit, PremisePhoto

CHANGE_ENTITY = "premise_photos"


class PhotoRefused(Explained, PermissionError):
    """The actor may not add or remove this photo (or it is gone)."""


@dataclass(frozen=True)
class PhotoRow:
    id: int
    premise_id: int
    filename: str
    mime_type: str
    added_by: str
    added_at: datetime
    note: str | None
    data: bytes


def _require_writer(actor: Actor) -> None:
    if not can_write(actor.role):
        raise PhotoRefused(explain("The {role} role may not add or remove photos.", role=actor.role.value))


def _history(session: Session, actor: Actor, premise_id: int, at: datetime, added: str | None,
             removed: str | None, op: str) -> None:
    session.add(PremiseEdit(premise_id=premise_id, at=at, actor=actor.username, field=PHOTO_FIELD,
                            old_value=removed, new_value=added))
    record_change(session, CHANGE_ENTITY, premise_id, op, actor.username)


def add_photo(session: Session, actor: Actor, premise_id: int, path: Path, note: str | None = None,
              now: datetime | None = None) -> int:
    """Put the PNG or JPEG at `path` on the premise's file; returns the photo id. A refused file raises
    AttachmentError naming it, before anything is written."""
    _require_writer(actor)
    load_premise(session, actor, premise_id)
    image = read_image(path, PremisePhoto.filename.type.length)
    at = (now or datetime.now()).replace(microsecond=0)
    photo = PremisePhoto(premise_id=premise_id, filename=image.filename, mime_type=image.mime_type,
                         data=image.data, added_by=actor.username, added_at=at, note=note or None)
    session.add(photo)
    session.flush()
    _history(session, actor, premise_id, at, image.filename, None, "add")
    return photo.id


def premise_photos(session: Session, actor: Actor, premise_id: int, limit: int = 24) -> list[PhotoRow]:
    """The premise's photos, newest first (at most `limit`), if it lies in the jurisdiction."""
    load_premise(session, actor, premise_id)
    stmt = (select(PremisePhoto).where(PremisePhoto.premise_id == premise_id)
            .order_by(PremisePhoto.added_at.desc(), PremisePhoto.id.desc()).limit(limit))
    return [PhotoRow(p.id, p.premise_id, p.filename, p.mime_type, p.added_by, p.added_at, p.note, p.data)
            for p in session.scalars(stmt)]


def remove_photo(session: Session, actor: Actor, photo_id: int, now: datetime | None = None) -> int:
    """Take a photo added by mistake off the file; returns its premise id."""
    photo = session.get(PremisePhoto, photo_id)
    if photo is None:
        raise PhotoRefused(explain("Photo {id} is no longer on file.", id=photo_id))
    load_premise(session, actor, photo.premise_id)
    _require_writer(actor)
    if actor.role is not Role.ADMIN and photo.added_by != actor.username:
        raise PhotoRefused(explain("Only {user}, who added {file}, or an administrator may remove it.",
                                   user=photo.added_by, file=photo.filename))
    premise_id, filename = photo.premise_id, photo.filename
    session.delete(photo)
    _history(session, actor, premise_id, (now or datetime.now()).replace(microsecond=0), None, filename,
             "remove")
    return premise_id
