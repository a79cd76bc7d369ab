"""The case the operator is working on, so a tile's snapshot goes straight into that case's photos.

The main window sets it from the incident detail panel; the wall only asks "is there one" and hands over a
PNG. The write is a single INSERT plus its change_log row, committed together."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from console.qtmodels.error_messages import render_error
from console.services.incident_attachments import attach_image
from console.services.jurisdiction import Actor


class IncidentLink(QObject):
    sig_incident = Signal(int, str)  # case id (0: none), case number as shown
    sig_attached = Signal(int, int)  # case id, attachment id
    sig_failed = Signal(str)  # why the picture was not attached

    def __init__(self, session_factory: Callable[[], Session], actor: Actor,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session_factory, self._actor = session_factory, actor
        self.incident_id = 0
        self.case_no = ""

    def set_incident(self, incident_id: int, case_no: str) -> None:
        self.incident_id, self.case_no = incident_id, case_no
        self.sig_incident.emit(incident_id, case_no)

    def attach(self, path: Path) -> int | None:
        """Attach the picture to the current case; the attachment id, or None (sig_failed says why)."""
        if not self.incident_id:
            self.sig_failed.emit("no case is selected")
            return None
        try:
            with self._session_factory() as session:
                attachment_id = attach_image(session, self._actor, self.incident_id, path)
                session.commit()
        except (ValueError, PermissionError, SQLAlchemyError) as exc:
            self.sig_failed.emit(render_error(exc))
            return None
        self.sig_attached.emit(self.incident_id, attachment_id)
        return attachment_id
