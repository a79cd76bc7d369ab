"""The replay's list of check-ins and incident reports with their times; picking one replays from there."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from console.qtmodels.review_replay import Replay
from widgets.review.replay_text import event_kind_text

SECONDS_ROLE = Qt.ItemDataRole.UserRole


class EventList(QTreeWidget):
    """Rows: time, worker, event, premise or case; the worker cell in the track's colour."""

    sig_seek = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayEvents")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setHeaderLabels([self.tr("Time"), self.tr("Worker"), self.tr("Event"),
                              self.tr("Premise / case")])
        self.itemActivated.connect(self._seek)
        self.itemClicked.connect(self._seek)

    def show_replay(self, replay: Replay, colors: list[str]) -> None:
        self.clear()
        rows = []
        for day, color in zip(replay.days, colors):
            for event, seconds in zip(day.events, day.event_t.tolist()):
                item = QTreeWidgetItem([event.at.strftime("%H:%M:%S"), day.name, event_kind_text(event),
                                        f"{event.title} ({event.ref})"])
                item.setData(0, SECONDS_ROLE, seconds)
                item.setForeground(1, QBrush(QColor(color)))
                rows.append((seconds, item))
        self.addTopLevelItems([item for _, item in sorted(rows, key=lambda r: r[0])])
        self.setColumnHidden(1, len(replay.days) < 2)
        for column in range(3):
            self.resizeColumnToContents(column)

    def _seek(self, item: QTreeWidgetItem) -> None:
        self.sig_seek.emit(float(item.data(0, SECONDS_ROLE)))
