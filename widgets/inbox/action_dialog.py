"""The small dialog for an action that needs more than a click: a note, a category, a department, the case
it duplicates, a new deadline or a supervision order's due time. Only the fields the action needs appear."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from console.domain.incident_catalog import CATEGORIES
from console.qtmodels.incident_labels import category_label


class ActionDialog(QDialog):
    def __init__(self, title: str, fields: tuple[str, ...], note_required: bool, category: str,
                 departments: list[tuple[int, str]], deadline: datetime | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentActionDialog")
        self.setWindowTitle(title)
        self._fields = fields
        self._note_required = note_required
        form = QFormLayout(self)
        self.category_combo = QComboBox(self)
        for cat in CATEGORIES:
            self.category_combo.addItem(category_label(cat.key), cat.key)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category)))
        self.department_combo = QComboBox(self)
        for unit_id, name in departments:
            self.department_combo.addItem(name, unit_id)
        self.of_spin = QSpinBox(self)
        self.of_spin.setRange(1, 2_000_000_000)
        later = (deadline or datetime.now()) + timedelta(days=1)
        self.datetime_edit = QDateTimeEdit(QDateTime(later.replace(second=0, microsecond=0)), self)
        self.datetime_edit.setCalendarPopup(True)
        self.datetime_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Required") if self._note_required else self.tr("Optional"))
        rows = {"category": (self.tr("Category:"), self.category_combo),
                "department": (self.tr("Department:"), self.department_combo),
                "of": (self.tr("Duplicate of case id:"), self.of_spin),
                "deadline": (self.tr("New deadline:"), self.datetime_edit),
                "due": (self.tr("Due:"), self.datetime_edit),
                "note": (self.tr("Note:"), self.note_edit)}
        for name in fields:
            label, widget = rows[name]
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.note_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = not self._note_required or bool(self.note_edit.text().strip())
        ok = ok and ("department" not in self._fields or self.department_combo.count() > 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, Any]:
        moment = self.datetime_edit.dateTime().toPython()
        every = {"category": self.category_combo.currentData(), "department": self.department_combo.currentData(),
                 "of": self.of_spin.value(), "deadline": moment, "due": moment,
                 "note": self.note_edit.text().strip()}
        return {name: every[name] for name in self._fields}
