"""Is the database still there? A cheap `SELECT 1` every few seconds, off the GUI thread, on a pool of its
own so a long query never delays the answer; the status bar shows the result."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from console.qtmodels.tasks import TaskRunner
from db.engine import backend_name


def database_location(engine: Engine) -> str:
    """What the status bar names: the SQLite file, or host:port/database of a server (never the password)."""
    url = make_url(str(engine.url))
    if engine.dialect.name == "sqlite":
        return url.database or ":memory:"
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def database_label(engine: Engine) -> str:
    return f"{backend_name(engine)} {database_location(engine)}"


class ConnectionMonitor(QObject):
    """Emits sig_state_changed(connected) when the answer changes; `connected` is None before the first."""

    sig_state_changed = Signal(bool)

    def __init__(self, session_factory: sessionmaker[Session], interval_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner(session_factory, max_threads=1, parent=self)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check_now)
        self.connected: bool | None = None

    def start(self) -> None:
        self.check_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._runner.shutdown()

    def check_now(self) -> None:
        if self._runner.pending:
            return  # the previous probe is still waiting on the network
        self._runner.submit(lambda session: session.execute(text("SELECT 1")).scalar_one() == 1,
                            self._set, lambda _exc: self._set(False))

    def _set(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.sig_state_changed.emit(connected)
