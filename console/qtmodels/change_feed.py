"""Follow the database's change feed so every console on one database stays in step.

Polls change_log by id off the GUI thread (cheap: an indexed range on the primary key) and hands new rows
to subscribers on the GUI thread. On PostgreSQL a LISTEN thread wakes the feed as soon as another console
commits, so changes show at once; the poll stays as the safety net (slower there). The id cursor is the
source of truth either way, so a missed wake-up loses nothing."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.qtmodels.tasks import TaskRunner
from console.services.change_notify import ChangeListener, can_listen
from console.services.changes import changes_since, latest_change_id

POLL_MS = 1000
LISTENING_POLL_MS = 5000
BATCH = 1000


class ChangeFeed(QObject):
    sig_changes = Signal(list)  # ChangeLog rows, oldest first
    _sig_wake = Signal()  # emitted from the listener thread; queued onto the feed's thread

    def __init__(self, runner: TaskRunner, poll_ms: int | None = None, listen: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cursor: int | None = None
        self._busy = False
        self._again = False
        self._listener = ChangeListener(runner.engine, self._sig_wake.emit) \
            if listen and can_listen(runner.engine) else None
        default_ms = LISTENING_POLL_MS if self._listener else POLL_MS
        self._timer = QTimer(self, interval=poll_ms or default_ms, timeout=self.poll)
        self._sig_wake.connect(self.poll)

    @property
    def cursor(self) -> int | None:
        return self._cursor

    @property
    def listening(self) -> bool:
        """True while a PostgreSQL LISTEN connection is up (wake-ups are immediate)."""
        return self._listener is not None and self._listener.listening.is_set()

    def start(self) -> None:
        """Begin at the newest change: what is already in the database was loaded with the panels."""
        self._busy = True
        if self._listener is not None:
            self._listener.start()
        self._runner.submit(latest_change_id, self._started, self._failed)

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()

    def poll(self) -> None:
        if self._cursor is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy, self._again = True, False
        after = self._cursor
        self._runner.submit(lambda s: changes_since(s, after, BATCH), self._delivered, self._failed)

    def _started(self, cursor: int) -> None:
        self._cursor, self._busy = cursor, False
        self._timer.start()
        if self._again:
            self.poll()

    def _delivered(self, rows: list) -> None:
        self._busy = False
        if rows:
            self._cursor = rows[-1].id
            self.sig_changes.emit(rows)
        if self._again or len(rows) == BATCH:
            self.poll()

    def _failed(self, _exc: BaseException) -> None:
        """A lost connection shows in the status bar; the next tick tries again from the same cursor."""
        self._busy = False
        if self._cursor is not None and not self._timer.isActive():
            self._timer.start()
