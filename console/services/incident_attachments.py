"""Pictures attached to a case (现场照片): a video snapshot, a photo from the field. Stored in the database
(incident_attachments) so every console on it sees them; written with a change_log entry naming the case, so
other consoles showing that case reload its photos."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.messages import Explained, explain
from console.services.changes import record_change
from console.services.incidents import load_incident
from console.services.jurisdiction import Actor
from db.models import IncidentAttachment

MAX_BYTES = 10 * 2**20
IMAGE_TYPES = {".png": ("image/png", b"\x89PNG\r\n\x1a\n"), ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
               ".jpeg": ("image/jpeg", b"\xff\xd8\xff")}
ATTACH_OP = "attach"


class AttachmentError(Explained, ValueError):
    """The file cannot be attached; the message names the file and what is wrong with it."""


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    incident_id: int
    filename: str
    mime_type: str
    added_at: datetime
    data: bytes


def attach_image(session: Session, actor: Actor, incident_id: int, path: Path,
                 now: datetime | None = None) -> int:
    """Attach the PNG or JPEG at `path` to the case; returns the attachment id. The caller commits: the row
    and its change_log entry land together or not at all."""
    load_incident(session, actor, incident_id)  # the case exists and lies in the actor's jurisdiction
    kind = IMAGE_TYPES.get(path.suffix.lower())
    if kind is None:
        raise AttachmentError(explain("{file}: only PNG or JPEG pictures can be attached", file=path.name))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AttachmentError(explain("{file}: cannot be read ({detail})", file=path,
                                      detail=exc.strerror or exc)) from exc
    mime, signature = kind
    if not data.startswith(signature):
        raise AttachmentError(explain("{file}: the content is not a {format} picture", file=path.name,
                                      format=path.suffix[1:].upper()))
    if len(data) > MAX_BYTES:
        raise AttachmentError(explain("{file}: {size} MiB is over the {limit} MiB limit", file=path.name,
                                      size=f"{len(data) / 2**20:.1f}", limit=MAX_BYTES // 2**20))
    if len(path.name) > IncidentAttachment.filename.type.length:
        raise AttachmentError(explain("{file}: the file name is too long", file=path.name))
    row = IncidentAttachment(incident_id=incident_id, filename=path.name, mime_type=mime, data=data,
                             added_at=now or datetime.now())
    session.add(row)
    session.flush()
    record_change(session, "incident", incident_id, ATTACH_OP, actor.username)
    return row.id


def incident_photos(session: Session, actor: Actor, incident_id: int, limit: int = 24) -> list[AttachmentRow]:
    """The case's pictures, newest first (at most `limit`), if the case lies in the jurisdiction."""
    load_incident(session, actor, incident_id)
    stmt = (select(IncidentAttachment).where(IncidentAttachment.incident_id == incident_id,
                                             IncidentAttachment.mime_type.like("image/%"))
            .order_by(IncidentAttachment.added_at.desc(), IncidentAttachment.id.desc()).limit(limit))
    return [AttachmentRow(a.id, a.incident_id, a.filename, a.mime_type, a.added_at, a.data)
            for a in session.scalars(stmt)]
