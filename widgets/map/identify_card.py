"""The identify card: what the operator clicked on the map, read from the database (not from the layer's
cached arrays), in a small panel in the map's top-right corner until closed or replaced. A premise's card
offers its dossier (sig_open_dossier)."""
from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from console.qtmodels.incident_labels import category_label, priority_label, source_label, state_label
from console.qtmodels.labels import premise_type_label, status_label
from console.qtmodels.tasks import TaskRunner
from console.services.identify import ObjectCard, Value, object_card
from console.services.jurisdiction import Actor

CARD_WIDTH = 320
CARD_MARGIN = 10
CARD_TOP = 96
"""Below the north arrow."""


def field_labels() -> dict[str, str]:
    return {
        "code": QCoreApplication.translate("IdentifyCard", "Code"),
        "type": QCoreApplication.translate("IdentifyCard", "Type"),
        "status": QCoreApplication.translate("IdentifyCard", "Status"),
        "address": QCoreApplication.translate("IdentifyCard", "Address"),
        "owner": QCoreApplication.translate("IdentifyCard", "Owner"),
        "owner_phone": QCoreApplication.translate("IdentifyCard", "Owner phone"),
        "grid": QCoreApplication.translate("IdentifyCard", "Grid"),
        "last_inspection": QCoreApplication.translate("IdentifyCard", "Last inspection"),
        "next_inspection": QCoreApplication.translate("IdentifyCard", "Next inspection"),
        "case_no": QCoreApplication.translate("IdentifyCard", "Case no."),
        "category": QCoreApplication.translate("IdentifyCard", "Category"),
        "source": QCoreApplication.translate("IdentifyCard", "Source"),
        "priority": QCoreApplication.translate("IdentifyCard", "Priority"),
        "state": QCoreApplication.translate("IdentifyCard", "State"),
        "reported_at": QCoreApplication.translate("IdentifyCard", "Reported"),
        "deadline": QCoreApplication.translate("IdentifyCard", "Deadline"),
        "phone": QCoreApplication.translate("IdentifyCard", "Phone"),
        "last_fix": QCoreApplication.translate("IdentifyCard", "Last position"),
        "org_unit": QCoreApplication.translate("IdentifyCard", "Unit"),
        "online": QCoreApplication.translate("IdentifyCard", "Online"),
        "stream_url": QCoreApplication.translate("IdentifyCard", "Stream"),
    }


def _value_text(key: str, value: Value) -> str:
    if value is None or value == "":
        return "—"
    translate = {"type": premise_type_label, "status": status_label, "category": category_label,
                 "source": source_label, "state": state_label}
    if key in translate:
        return translate[key](str(value))
    if key == "priority":
        return priority_label(int(value))
    if key == "online":
        if value:
            return QCoreApplication.translate("IdentifyCard", "online")
        return QCoreApplication.translate("IdentifyCard", "offline")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def card_html(card: ObjectCard) -> str:
    labels = field_labels()
    rows = "".join(f"<tr><td style='color:#666;padding-right:8px'>{escape(labels.get(k, k))}</td>"
                   f"<td>{escape(_value_text(k, v))}</td></tr>" for k, v in card.fields)
    return f"<b>{escape(card.title)}</b><table style='margin-top:4px'>{rows}</table>"


class IdentifyCard(QFrame):
    """Child of the map canvas; `request(kind, id)` loads the card off the GUI thread and shows it."""

    sig_open_dossier = Signal(int)  # the premise's "Dossier" button

    def __init__(self, runner: TaskRunner, actor: Actor, canvas: QWidget) -> None:
        super().__init__(canvas)
        self._runner, self._actor = runner, actor
        self._wanted: tuple[str, int] | None = None
        self.card: ObjectCard | None = None
        self.setObjectName("identifyCard")
        self.setStyleSheet("#identifyCard { background: rgba(255,255,255,235); border: 1px solid #9e9e9e;"
                           " border-radius: 4px; }")
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.dismiss)
        self.dossier_button = QPushButton(self.tr("Dossier"), self)
        self.dossier_button.setObjectName("identifyDossier")
        self.dossier_button.clicked.connect(self._open_dossier)
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 8)
        layout.addLayout(top)
        layout.addWidget(self.dossier_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFixedWidth(CARD_WIDTH)
        self.hide()
        canvas.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def request(self, kind: str, obj_id: int) -> None:
        self._wanted = (kind, obj_id)
        actor = self._actor
        self._runner.submit(lambda s: object_card(s, actor, kind, obj_id),
                            lambda card, asked=(kind, obj_id): self._arrived(asked, card))

    def dismiss(self) -> None:
        self._wanted, self.card = None, None
        self.hide()

    def _arrived(self, asked: tuple[str, int], card: ObjectCard | None) -> None:
        if asked != self._wanted:
            return
        if card is None:
            self.dismiss()
            return
        self.card = card
        self.text.setText(card_html(card))
        self.dossier_button.setVisible(card.kind == "premises")
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()

    def _open_dossier(self) -> None:
        if self.card is not None and self.card.kind == "premises":
            self.sig_open_dossier.emit(self.card.id)

    def place(self) -> None:
        parent = self.parentWidget()
        self.move(parent.width() - self.width() - CARD_MARGIN, CARD_TOP)
