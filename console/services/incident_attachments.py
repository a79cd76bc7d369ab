"""Pictures attached to a case (现场照片): a video snapshot, a photo from the field. Stored in the database
(incident_attachments) so every console on it sees them; written with a change_log entry naming the case, so
other consoles showing that case reload its photos."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.services.changes import record_change
from console.services.image_files import AttachmentError, read_image
from console.services.incidents import load_incident
from console.services.jurisdiction import Actor
from db.models import IncidentAttachment

__all__ = ["ATTACH_OP", "AttachmentError", "AttachmentRow", "attach_image", "incident_photos"]
"""AttachmentError (image_files) is what attach_image raises for a refused file."""

ATTACH_OP = "attach"


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
    """Attach the PNG or JPEG at `path` to the case; returns the attachment id (a refused file raises
    AttachmentError naming it). The caller commits: the row and its change_log entry land together or not
    at all."""
    load_incident(session, actor, incident_id)  # the case exists and lies in the actor's jurisdiction
    image = read_image(path, IncidentAttachment.filename.type.length)
    row = IncidentAttachment(incident_id=incident_id, filename=image.filename, mime_type=image.mime_type,
                             data=image.data, added_at=now or datetime.now())
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
