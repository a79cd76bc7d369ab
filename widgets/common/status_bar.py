"""The main window's status bar: which database, who is signed in, whether the database answers, the time.

An operator glancing at a wall of screens needs to see at once that a console lost its database."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.qtmodels.labels import fill

_OK_STYLE = "color: #2e7d32;"
_LOST_STYLE = "color: #ffffff; background: #c62828; padding: 0 6px;"


class ConsoleStatusBar(QStatusBar):
    def __init__(self, database: str, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database_label = QLabel(fill(self.tr("Database: %1"), database), self)
        self.database_label.setObjectName("statusDatabase")
        self.database_label.setToolTip(database)
        self.user_label = QLabel(user, self)
        self.user_label.setObjectName("statusUser")
        self.connection_label = QLabel(self.tr("Connecting…"), self)
        self.connection_label.setObjectName("statusConnection")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("statusClock")
        self.addWidget(self.database_label, 1)
        for label in (self.user_label, self.connection_label, self.clock_label):
            self.addPermanentWidget(label)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()

    def set_user(self, text: str) -> None:
        self.user_label.setText(text)

    def set_connected(self, connected: bool) -> None:
        if connected:
            self.connection_label.setText("● " + self.tr("Connected"))
            self.connection_label.setStyleSheet(_OK_STYLE)
        else:
            self.connection_label.setText("● " + self.tr("Connection lost"))
            self.connection_label.setStyleSheet(_LOST_STYLE)

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss"))
