"""The edit history of premises (一户一档): one row per changed field, written with the edit.

change_log says that a premise changed and who changed it; the dossier must also say what was changed from
what, so a wrong licence number or a moved address can be traced and put back."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


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
