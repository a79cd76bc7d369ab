"""The edit history of premises (一户一档): one row per changed field, written with the edit; and the photos
on a premise's file (a storefront, a hazard).

change_log says that a premise changed and who changed it; the dossier must also say what was changed from
what, so a wrong licence number or a moved address can be traced and put back. Adding or removing a photo is
kept there too (field "photo"), so the history still names a photo after it is removed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base

PHOTO_FIELD = "photo"
"""premise_edits.field of a photo added (new_value: its file name) or removed (old_value)."""


class PremiseEdit(Base):
    """`old_value` is NULL when the premise was created by this edit."""

    __tablename__ = "premise_edits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    premise_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(String(300))
    new_value: Mapped[str | None] = mapped_column(String(300))


class PremisePhoto(Base):
    """A picture on the premise's file, stored in the database so every console on it sees it."""

    __tablename__ = "premise_photos"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    premise_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(String(300))
