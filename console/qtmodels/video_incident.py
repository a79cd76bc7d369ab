"""The case the operator is working on, so a tile's snapshot goes straight into that case's photos.

The main window sets it from the incident detail panel; the wall only asks "is there one" and hands over a
PNG. The write is a single INSERT plus its change_log row, committed together on the task runner's threads."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from console.qtmodels.error_messages import render_error
from console.qtmodels.tasks import TaskRunner
from console.services.incident_attachments import attach_image
from console.services.jurisdiction import Actor


class IncidentLink(QObject):
    sig_incident = Signal(int, str)  # case id (0: none), case number as shown
    sig_attached = Signal(int, int)  # case id, attachment id
    sig_failed = Signal(str)  # why the picture was not attached

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self.incident_id = 0
        self.case_no = ""

    def set_incident(self, incident_id: int, case_no: str) -> None:
        self.incident_id, self.case_no = incident_id, case_no
        self.sig_incident.emit(incident_id, case_no)

    def attach(self, path: Path) -> bool:
        """Attach the picture to the current case; False when there is none. sig_attached or sig_failed
        tells how the write went."""
        if not self.incident_id:
            self.sig_failed.emit(self.tr("No case is selected."))
            return False
        incident_id, actor = self.incident_id, self._actor

        def write(session: Session) -> int:
            attachment_id = attach_image(session, actor, incident_id, path)
            session.commit()
            return attachment_id

        self._runner.submit(write, lambda attachment_id: self.sig_attached.emit(incident_id, attachment_id),
                            lambda exc: self.sig_failed.emit(render_error(exc)))
        return True
