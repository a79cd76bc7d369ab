"""Database work off the GUI thread: each task runs on a thread pool with a Session of its own, and its
result (or error) comes back to a callback on the GUI thread, so the GUI thread only paints and reacts."""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from console.qtmodels.error_messages import render_error

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, ticket: int, fn: Callable[[Session], Any]) -> None:
        super().__init__()
        self._runner, self._ticket, self._fn = runner, ticket, fn

    def run(self) -> None:
        try:
            with self._runner.session_factory() as session:
                result = self._fn(session)
        except Exception as exc:  # noqa: BLE001 - handed to the caller's error callback on the GUI thread
            self._runner._sig_finished.emit(self._ticket, None, exc)
            return
        self._runner._sig_finished.emit(self._ticket, result, None)


class TaskRunner(QObject):
    """Submit `fn(session)`; `on_result(value)` or `on_error(exc)` then runs on the runner's own thread."""

    sig_error = Signal(str)
    _sig_finished = Signal(int, object, object)

    def __init__(self, session_factory: sessionmaker[Session], max_threads: int = 2,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[ResultCallback, ErrorCallback | None]] = {}
        self._closed = False
        self._sig_finished.connect(self._deliver)

    def submit(self, fn: Callable[[Session], Any], on_result: ResultCallback,
               on_error: ErrorCallback | None = None) -> int:
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_result, on_error)
        self._pool.start(_Job(self, ticket, fn))
        return ticket

    @property
    def engine(self) -> Engine:
        return self.session_factory.kw["bind"]

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown); queued results still need the event loop."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Drop queued work and forget callbacks: nothing runs against a closed window."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._callbacks.clear()

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: BaseException | None) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is None:
            return
        on_result, on_error = callbacks
        if error is None:
            on_result(result)
        elif on_error is not None:
            on_error(error)
        else:
            log.error("database task failed", exc_info=error)
            self.sig_error.emit(render_error(error))
