"""Watches the change feed for urgent cases reported by someone else and raises each one once."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from console.qtmodels.tasks import TaskRunner
from console.services.incident_alerts import UrgentIncident, urgent_among
from console.services.jurisdiction import Actor

NEW_INCIDENT_OPS = ("insert",)


class IncidentAlerts(QObject):
    sig_alert = Signal(list)  # list[UrgentIncident], newest first, never one twice

    def __init__(self, runner: TaskRunner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self._raised: set[int] = set()

    def on_changes(self, rows: list) -> None:
        """Change-feed rows in; one query for the new cases that are not this operator's own."""
        ids = [row.entity_id for row in rows if row.entity in ("incident", "incidents")
               and row.op in NEW_INCIDENT_OPS and row.actor != self._actor.username
               and row.entity_id not in self._raised]
        if ids:
            actor = self._actor
            self._runner.submit(lambda s: urgent_among(s, actor, ids), self._found)

    def _found(self, urgent: list[UrgentIncident]) -> None:
        fresh = [u for u in urgent if u.id not in self._raised]
        self._raised.update(u.id for u in fresh)
        if fresh:
            self.sig_alert.emit(fresh)
