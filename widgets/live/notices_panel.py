"""The operator's list of workers silent during duty hours (网格员离线提醒): one row per open silence, in the
order they were raised, gone as soon as the worker's fixes resume. Activating a row asks for the worker's
replay of today, which shows where the last fix was."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from console.qtmodels.labels import fill
from console.qtmodels.live_watch import LiveNotice, LiveWatch

WORKER_ROLE = Qt.ItemDataRole.UserRole


class SilenceNoticesPanel(QWidget):
    sig_worker_activated = Signal(int)

    def __init__(self, watch: LiveWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watch = watch
        self.summary = QLabel(self)
        self.summary.setObjectName("liveSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("liveNotices")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        watch.sig_raised.connect(self.add_notice)
        watch.sig_cleared.connect(self.remove_notice)
        self.list.itemActivated.connect(
            lambda item: self.sig_worker_activated.emit(int(item.data(WORKER_ROLE))))
        self._show_count()

    def notice_text(self, notice: LiveNotice) -> str:
        return fill(self.tr("%1 %2 (%3): no position since %4"), notice.raised_at.strftime("%H:%M"),
                    notice.name, notice.code, notice.silent_since.strftime("%H:%M"))

    def add_notice(self, notice: LiveNotice) -> None:
        item = QListWidgetItem(self.notice_text(notice))
        item.setData(WORKER_ROLE, notice.worker_id)
        self.list.addItem(item)
        self._show_count()

    def remove_notice(self, worker_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(WORKER_ROLE) == worker_id:
                self.list.takeItem(row)
                break
        self._show_count()

    def _show_count(self) -> None:
        rules = self.watch.rules
        hours = f"{rules.duty_start:%H:%M}–{rules.duty_end:%H:%M}"
        if self.list.count():
            self.summary.setText(fill(self.tr("%1 workers silent during duty hours (%2)"),
                                      self.list.count(), hours))
        else:
            self.summary.setText(fill(self.tr("No worker silent during duty hours (%1)"), hours))
