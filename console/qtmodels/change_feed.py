"""Follow the database's change feed so every console on one database stays in step.

Polls change_log by id off the GUI thread (cheap: an indexed range on the primary key) and hands new rows
to subscribers on the GUI thread. PostgreSQL NOTIFY can shorten the wait later; the id cursor stays the
source of truth either way, so a missed wake-up loses nothing."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.qtmodels.tasks import TaskRunner
from console.services.changes import changes_since, latest_change_id

POLL_MS = 1000
BATCH = 1000


class ChangeFeed(QObject):
    sig_changes = Signal(list)  # ChangeLog rows, oldest first

    def __init__(self, runner: TaskRunner, poll_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cursor: int | None = None
        self._busy = False
        self._timer = QTimer(self, interval=poll_ms, timeout=self.poll)

    @property
    def cursor(self) -> int | None:
        return self._cursor

    def start(self) -> None:
        """Begin at the newest change: what is already in the database was loaded with the panels."""
        self._busy = True
        self._runner.submit(latest_change_id, self._started, self._failed)

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        if self._busy or self._cursor is None:
            return
        self._busy = True
        after = self._cursor
        self._runner.submit(lambda s: changes_since(s, after, BATCH), self._delivered, self._failed)

    def _started(self, cursor: int) -> None:
        self._cursor, self._busy = cursor, False
        self._timer.start()

    def _delivered(self, rows: list) -> None:
        self._busy = False
        if rows:
            self._cursor = rows[-1].id
            self.sig_changes.emit(rows)
            if len(rows) == BATCH:
                self.poll()

    def _failed(self, _exc: BaseException) -> None:
        """A lost connection shows in the status bar; the next tick tries again from the same cursor."""
        self._busy = False
        if self._cursor is not None and not self._timer.isActive():
            self._timer.start()
