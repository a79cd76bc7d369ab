"""The urgent-case banner: a red strip across the top of the window with a two-tone sound, raised when
another console reports an urgent case in this jurisdiction; it stays until the operator acknowledges it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.qtmodels.incident_labels import category_label
from console.services.incident_alerts import UrgentIncident

ALERT_SOUND = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "urgent_alert.wav"
SOUND_LOOPS = 2


class AlertBanner(QWidget):
    sig_show_incident = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentAlertBanner")
        self.setStyleSheet("#urgentAlertBanner { background: #c62828; }"
                           "#urgentAlertBanner QLabel { color: white; font-weight: bold; }")
        self.setAutoFillBackground(True)
        self.message = QLabel(self)
        self.message.setObjectName("urgentAlertText")
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("urgentAlertShow")
        self.show_button.clicked.connect(self._show_newest)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.setObjectName("urgentAlertAck")
        self.ack_button.clicked.connect(self.acknowledge)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.ack_button)
        self.sound = QSoundEffect(self)
        self.sound.setSource(QUrl.fromLocalFile(str(ALERT_SOUND)))
        self.sound.setLoopCount(SOUND_LOOPS)
        self.sounded = 0
        self.pending: list[UrgentIncident] = []
        self.hide()

    def raise_alert(self, urgent: list[UrgentIncident]) -> None:
        fresh = {u.id for u in urgent}
        self.pending = urgent + [u for u in self.pending if u.id not in fresh]
        newest = self.pending[0]
        where = f" · {newest.address}" if newest.address else ""
        self.message.setText(self.tr("Urgent incidents: %n", "", len(self.pending))
                             + f"  —  {category_label(newest.category)}: {newest.title}{where} ({newest.case_no})")
        self.show()
        self.sound.play()
        self.sounded += 1

    def acknowledge(self) -> None:
        self.pending = []
        self.sound.stop()
        self.hide()

    def _show_newest(self) -> None:
        if self.pending:
            self.sig_show_incident.emit(self.pending[0].id)
        self.acknowledge()


def banner_over(banner: AlertBanner, content: QWidget) -> QWidget:
    """The window's centre: the banner (hidden until an alert) above the content."""
    box = QWidget(content.parentWidget())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    return box
