"""The replay's two outputs of every replayed worker's day: a GPX file for GIS tools (a track per worker) and
a printable day sheet (a page per worker).

Both write what the replay shows (its filtered fixes, stops and events), so the file matches the screen."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from console.importers.gpx_export import GpxDay, write_gpx
from console.qtmodels.labels import fill
from console.qtmodels.review_replay import Replay, ReplayDay
from widgets.review.day_sheet import write_day_sheet


def gpx_day(day: ReplayDay) -> GpxDay:
    return GpxDay(day.code, day.name, day.t, day.lon, day.lat, day.summary.track.stops)


class ReplayExports(QObject):
    """The "Export GPX…" and "Day sheet…" buttons; `sig_written(path)` after a file is written."""

    sig_written = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.replay: Replay | None = None
        self.gpx_button = QPushButton(self.tr("Export GPX…"), parent)
        self.gpx_button.setObjectName("replayGpx")
        self.sheet_button = QPushButton(self.tr("Day sheet (PDF)…"), parent)
        self.sheet_button.setObjectName("replaySheet")
        for button in (self.gpx_button, self.sheet_button):
            button.setEnabled(False)
            button.setToolTip(self.tr("Every replayed worker's day as shown"))
        self.gpx_button.clicked.connect(self._ask_gpx)
        self.sheet_button.clicked.connect(self._ask_sheet)

    def set_replay(self, replay: Replay) -> None:
        self.replay = replay
        usable = any(len(day) for day in replay.days)
        self.gpx_button.setEnabled(usable)
        self.sheet_button.setEnabled(usable)

    def _ask(self, suffix: str, file_filter: str) -> tuple[tuple[ReplayDay, ...], Path] | None:
        if self.replay is None or not self.replay.days:
            return None
        days = tuple(day for day in self.replay.days if len(day))
        suggested = f"{'_'.join(day.code for day in days)}_{self.replay.day.isoformat()}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Save as"), suggested, file_filter)
        return (days, Path(path)) if path else None

    def _ask_gpx(self) -> None:
        chosen = self._ask("gpx", self.tr("GPX files (*.gpx)"))
        if chosen:
            self._write(lambda: write_gpx(chosen[1], [gpx_day(day) for day in chosen[0]]), chosen[1])

    def _ask_sheet(self) -> None:
        chosen = self._ask("pdf", self.tr("PDF files (*.pdf)"))
        if chosen:
            self._write(lambda: write_day_sheet(chosen[1], chosen[0]), chosen[1])

    def _write(self, write, path: Path) -> None:
        try:
            write()
        except OSError as exc:
            QMessageBox.warning(self._parent, self.tr("Export failed"),
                                fill(self.tr("%1 could not be written: %2"), path, exc.strerror or exc))
            return
        self.sig_written.emit(str(path))
