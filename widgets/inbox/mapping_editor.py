"""Which column of a CSV/XLSX case list holds which incident field: one row per column of the file, its
field chosen from a list, preloaded from the headers the importer recognises. Loads and saves the same
MAP.json the command line's `--mapping` takes (value translations and defaults of a loaded file are kept)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from console.importers.incident_tables import HEADERS, REQUIRED, ColumnMapping, load_mapping, mapping_json
from console.qtmodels.incident_labels import field_label


def field_text(key: str) -> str:
    text = field_label(key)
    return f"{text} *" if key in REQUIRED else text


class MappingEditor(QTableWidget):
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("mappingEditor")
        self.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self._loaded = ColumnMapping()

    def set_header(self, header: list[str], mapping: ColumnMapping | None = None) -> None:
        """One row per column; fields from `mapping` where it names the column, else by known header."""
        if mapping is not None:
            self._loaded = mapping
        by_column = {column: key for key, column in self._loaded.columns.items()}
        taken = set(by_column.values())
        self.setRowCount(len(header))
        for row, column in enumerate(header):
            self.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox(self)
            combo.addItem(self.tr("— not imported —"), "")
            for key in HEADERS:
                combo.addItem(field_text(key), key)
            key = by_column.get(column)
            if key is None:
                key = next((k for k, aliases in HEADERS.items() if column in aliases and k not in taken), "")
                taken.add(key)
            combo.setCurrentIndex(max(0, combo.findData(key)))
            combo.currentIndexChanged.connect(self.sig_changed)
            self.setCellWidget(row, 1, combo)

    def field_of(self, column: str) -> str:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == column:
                return self.cellWidget(row, 1).currentData()
        return ""

    def set_field(self, column: str, key: str) -> None:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == column:
                combo: QComboBox = self.cellWidget(row, 1)
                combo.setCurrentIndex(max(0, combo.findData(key)))

    def mapping(self, datum: str | None = None) -> ColumnMapping:
        """The columns as chosen (the first column wins when two name one field), with a loaded file's
        value translations and defaults."""
        columns: dict[str, str] = {}
        for row in range(self.rowCount()):
            key = self.cellWidget(row, 1).currentData()
            if key and key not in columns:
                columns[key] = self.item(row, 0).text()
        return ColumnMapping(columns=columns, values=self._loaded.values, defaults=self._loaded.defaults,
                             datum=datum)

    def load(self, path: Path, header: list[str]) -> ColumnMapping:
        """Read a MAP.json (IncidentFileError when it is not one) and apply it to the columns."""
        mapping = load_mapping(path)
        self.set_header(header, mapping)
        return mapping

    def save(self, path: Path, datum: str | None) -> None:
        path.write_text(mapping_json(self.mapping(datum)), encoding="utf-8")
