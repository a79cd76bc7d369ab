"""The import dialog's rows for review: each row without coordinates whose address matched the address library
only loosely, with a drop-down of its candidates (best first, with score) and "leave out", the default, so
nothing is placed unless a person picks where it is."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

LEAVE_OUT = -1
CHOICE_COLUMN = 2


class ReviewTable(QTableWidget):
    sig_choices_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("importReview")
        self.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Address in the file"), self.tr("Place at")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHOICE_COLUMN, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, review: list[tuple[int, str, tuple[tuple[str, float], ...]]]) -> None:
        """One row per review row in line order, every choice back at "leave out"."""
        self.setRowCount(0)
        self.setRowCount(len(review))
        for r, (line, address, candidates) in enumerate(sorted(review)):
            self.setItem(r, 0, QTableWidgetItem(str(line)))
            self.setItem(r, 1, QTableWidgetItem(address))
            combo = QComboBox(self)
            combo.setObjectName(f"reviewChoice{line}")
            combo.addItem(self.tr("leave out"), LEAVE_OUT)
            for index, (candidate, score) in enumerate(candidates):
                combo.addItem(self.tr("%1 (score %2)").replace("%1", candidate).replace("%2", f"{score:.0f}"), index)
            combo.currentIndexChanged.connect(self.sig_choices_changed)
            self.setCellWidget(r, CHOICE_COLUMN, combo)
        self.resizeColumnToContents(0)
        self.sig_choices_changed.emit()

    def choices(self) -> dict[int, int]:
        """line → index of the chosen candidate, for the rows not left out."""
        chosen = {int(self.item(r, 0).text()): self.cellWidget(r, CHOICE_COLUMN).currentData()
                  for r in range(self.rowCount())}
        return {line: index for line, index in chosen.items() if index != LEAVE_OUT}

    def remove_lines(self, lines: set[int]) -> None:
        """Drop the rows that have been imported; the others keep their choices."""
        for r in reversed(range(self.rowCount())):
            if int(self.item(r, 0).text()) in lines:
                self.removeRow(r)
        self.sig_choices_changed.emit()
