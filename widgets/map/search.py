"""The map's search box: name, address or code of a premise; Enter searches, a single hit is flown to at
once, several are offered in a drop-down list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from console.qtmodels.labels import fill


class MapSearchBox(QLineEdit):
    search_requested = Signal(str)
    premise_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Search premises: name, address or code"))
        self.setClearButtonEnabled(True)
        self.returnPressed.connect(self._submit)
        self.results = QListWidget(self)
        self.results.setWindowFlags(Qt.WindowType.Popup)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)

    def _submit(self) -> None:
        text = self.text().strip()
        if text:
            self.search_requested.emit(text)

    def show_results(self, text: str, rows: list) -> None:
        """Results for `text` — rows with id, name, address and code — ignored if the box has moved on."""
        if text != self.text().strip():
            return
        if len(rows) == 1:
            self.premise_chosen.emit(rows[0].id)
            return
        self.results.clear()
        if not rows:
            self.results.addItem(fill(self.tr("No premise matches “%1”."), text))
        for row in rows:
            item = QListWidgetItem(f"{row.name}  ·  {row.address}  ·  {row.code}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        self.results.setFixedWidth(max(self.width(), 420))
        self.results.setFixedHeight(min(24 * max(len(rows), 1) + 8, 320))
        self.results.move(self.mapToGlobal(QPoint(0, self.height())))
        self.results.show()

    def _chosen(self, item: QListWidgetItem) -> None:
        premise_id = item.data(Qt.ItemDataRole.UserRole)
        self.results.hide()
        if premise_id is not None:
            self.premise_chosen.emit(int(premise_id))
