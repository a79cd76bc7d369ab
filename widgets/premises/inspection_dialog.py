"""Checklist entry for a visit (排查/复查): the checklist of the premise's type, a tick for each problem
found (severity shown, problems still open from an earlier visit marked), a note per item, the worker, the
QR check-in and notes. Items left unticked count as in order: that is how a re-inspection clears them.

The dialog only collects; the dossier panel writes through the inspection service and either closes it or
shows the refusal in it, so nothing typed is lost on an error."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.labels import fill
from console.services.premise_dossier import Dossier
from widgets.premises.dossier_sections import SERIOUS_COLOUR, TIME_FORMAT, severity_label

ITEM_COLUMNS = 4  # item, severity, still open, note


class InspectionDialog(QDialog):
    sig_submit = Signal()  # Save pressed: the panel reads values() and writes

    def __init__(self, dossier: Dossier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.setObjectName("inspectionDialog")
        reinspect = bool(dossier.findings)
        title = self.tr("Re-inspection") if reinspect else self.tr("Inspection")
        self.setWindowTitle(fill(self.tr("%1 – %2"), title, dossier.name))
        self._open_items = {f.item_id for f in dossier.findings if f.item_id is not None}

        self.checklist_combo = QComboBox(self)
        self.checklist_combo.setObjectName("inspectionChecklist")
        for checklist in dossier.checklists:
            self.checklist_combo.addItem(checklist.name, checklist.id)
        self.checklist_combo.currentIndexChanged.connect(self._show_items)
        self.worker_combo = QComboBox(self)
        self.worker_combo.setObjectName("inspectionWorker")
        self.worker_combo.addItem(self.tr("(not recorded)"), None)
        for worker_id, name in dossier.workers:
            self.worker_combo.addItem(name, worker_id)
        if dossier.workers:
            self.worker_combo.setCurrentIndex(1)
        self.checkin_combo = QComboBox(self)
        self.checkin_combo.setObjectName("inspectionCheckin")
        self.checkin_combo.addItem(self.tr("No QR check-in"), None)
        for checkin_id, at, worker, flagged in dossier.checkins:
            text = fill(self.tr("%1 by %2"), at.strftime(TIME_FORMAT), worker)
            self.checkin_combo.addItem(fill(self.tr("%1 (far from the premise)"), text) if flagged else text,
                                       checkin_id)
        if dossier.checkins:
            self.checkin_combo.setCurrentIndex(1)

        self.items = QTreeWidget(self)
        self.items.setObjectName("inspectionItems")
        self.items.setRootIsDecorated(False)
        self.items.setHeaderLabels([self.tr("Problem found (tick)"), self.tr("Severity"),
                                    self.tr("Last visit"), self.tr("Note")])
        header = self.items.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, ITEM_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.items.itemChanged.connect(self._update_summary)
        self.summary = QLabel(self)
        self.summary.setObjectName("inspectionSummary")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("inspectionNotes")
        self.notes.setPlaceholderText(self.tr("What else the inspector saw or agreed with the owner"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("inspectionError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #8e1b1b;")
        self.error_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("inspectionSave")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Checklist:"), self.checklist_combo)
        form.addRow(self.tr("Inspector:"), self.worker_combo)
        form.addRow(self.tr("Check-in:"), self.checkin_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Tick every item that is NOT in order; a note per item is optional "
                                        "(double-click the Note cell)."), self))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Notes:"), self))
        layout.addWidget(self.notes)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._show_items()

    def _show_items(self) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        index = self.checklist_combo.currentIndex()
        checklist = self.dossier.checklists[index] if index >= 0 else None
        for item_id, text, severity in checklist.items if checklist else ():
            row = QTreeWidgetItem([text, severity_label(severity),
                                   self.tr("still open") if item_id in self._open_items else "", ""])
            row.setData(0, Qt.ItemDataRole.UserRole, item_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            row.setCheckState(0, Qt.CheckState.Unchecked)
            if severity == "serious":
                row.setForeground(1, QBrush(SERIOUS_COLOUR))
            if item_id in self._open_items:
                row.setForeground(2, QBrush(SERIOUS_COLOUR))
            self.items.addTopLevelItem(row)
        self.items.blockSignals(False)
        self.save_button.setEnabled(checklist is not None)
        self._update_summary()

    def item_row(self, item_id: int) -> QTreeWidgetItem | None:
        for n in range(self.items.topLevelItemCount()):
            row = self.items.topLevelItem(n)
            if row.data(0, Qt.ItemDataRole.UserRole) == item_id:
                return row
        return None

    def _ticked(self) -> list[QTreeWidgetItem]:
        return [row for n in range(self.items.topLevelItemCount())
                if (row := self.items.topLevelItem(n)).checkState(0) == Qt.CheckState.Checked]

    def _update_summary(self, *_args) -> None:
        ticked = self._ticked()
        serious = sum(1 for row in ticked if row.text(1) == severity_label("serious"))
        if not ticked:
            self.summary.setText(self.tr("No problem ticked: the items of this checklist are recorded as in "
                                         "order."))
        else:
            self.summary.setText(fill(self.tr("%1 problems ticked, %2 of them serious: the owner is sent a "
                                              "rectification notice by SMS."), len(ticked), serious))

    def values(self) -> tuple[int, dict[int, str | None], int | None, int | None, str]:
        """(checklist id, ticked item id → note, worker id, check-in id, notes)."""
        failed = {int(row.data(0, Qt.ItemDataRole.UserRole)): (row.text(3).strip() or None)
                  for row in self._ticked()}
        return (int(self.checklist_combo.currentData()), failed, self.worker_combo.currentData(),
                self.checkin_combo.currentData(), self.notes.toPlainText().strip())

    def _submit(self) -> None:
        self.error_label.hide()
        self.save_button.setEnabled(False)
        self.sig_submit.emit()

    def show_error(self, text: str) -> None:
        """The write was refused: say why and let the person fix or cancel."""
        self.error_label.setText(text)
        self.error_label.show()
        self.save_button.setEnabled(True)
