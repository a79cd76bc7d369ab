"""Run one long job (e.g. seeding the demo district) on a worker thread behind a progress dialog, and hand
its result back as if it were a plain call: the GUI keeps painting while the job reports progress."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[str, float], None]


class _Bridge(QObject):
    """Lives on the GUI thread: the worker's signals reach its slots queued, so only the GUI thread paints."""

    sig_progress = Signal(str, float)
    sig_done = Signal(object, object)

    def __init__(self, dialog: QProgressDialog, label: str, loop: QEventLoop) -> None:
        super().__init__()
        self._dialog, self._label, self._loop = dialog, label, loop
        self.result: Any = None
        self.error: BaseException | None = None
        self.sig_progress.connect(self._on_progress)
        self.sig_done.connect(self._on_done)

    @Slot(str, float)
    def _on_progress(self, stage: str, fraction: float) -> None:
        self._dialog.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self._dialog.setLabelText(f"{self._label}\n{stage}")

    @Slot(object, object)
    def _on_done(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error = result, error
        self._loop.quit()


def run_with_progress(title: str, label: str, job: Callable[[Progress], Any],
                      parent: QWidget | None = None) -> Any:
    """`job(progress)` runs on a worker thread; `progress(stage, fraction)` may be called from there.
    Returns the job's result or raises its exception, on the calling (GUI) thread."""
    dialog = QProgressDialog(label, "", 0, 1000, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # a half-seeded database is worse than waiting: no cancel
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.setValue(0)
    loop = QEventLoop()
    bridge = _Bridge(dialog, label, loop)

    def work() -> None:
        try:
            result = job(lambda stage, fraction: bridge.sig_progress.emit(stage, fraction))
        except BaseException as exc:  # noqa: BLE001 - re-raised on the GUI thread below
            bridge.sig_done.emit(None, exc)
            return
        bridge.sig_done.emit(result, None)

    worker = threading.Thread(target=work, name="progress-job", daemon=True)
    dialog.show()
    worker.start()
    loop.exec()
    worker.join()
    dialog.close()
    if bridge.error is not None:
        raise bridge.error
    return bridge.result
