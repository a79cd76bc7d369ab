"""PostgreSQL NOTIFY for the change feed: a write wakes every console at once instead of at its next poll.

The notification carries nothing: consoles still read change_log by id, so a missed or merged wake-up
loses nothing. NOTIFY inside a transaction is delivered at commit (and not at all on rollback), and equal
notifications in one transaction fold into one, so a bulk write wakes each console once."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

CHANNEL = "pingan_changes"
RECONNECT_S = 2.0
WAIT_S = 0.5

log = logging.getLogger(__name__)


_NOTIFIED = "pingan_notified_transaction"


def notify_changes(session: Session) -> None:
    """Once per transaction: a bulk write (an import of thousands of rows) sends one NOTIFY, not one each."""
    transaction = session.get_transaction()
    if session.get_bind().dialect.name != "postgresql" or session.info.get(_NOTIFIED) is transaction:
        return
    session.execute(text(f"NOTIFY {CHANNEL}"))
    session.info[_NOTIFIED] = session.get_transaction()


def can_listen(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


class ChangeListener:
    """LISTENs on a connection of its own in a daemon thread and calls `wake()` (from that thread) once per
    batch of notifications; reconnects after a lost connection."""

    def __init__(self, engine: Engine, wake: Callable[[], None]) -> None:
        self._engine, self._wake = engine, wake
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pingan-listen", daemon=True)
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5 * WAIT_S)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except Exception as exc:  # noqa: BLE001 - the poll timer covers the gap; try again shortly
                log.info("change listener lost its connection: %s", exc)
            self.listening.clear()
            self._stop.wait(RECONNECT_S)

    def _listen(self) -> None:
        with self._engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"LISTEN {CHANNEL}")
            driver = conn.connection.driver_connection
            self.listening.set()
            while not self._stop.is_set():
                if any(True for _ in driver.notifies(timeout=WAIT_S, stop_after=1)):
                    self._wake()
